using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Tether.Samples.Quickstart.OpenAIClientModels;

namespace Tether.Samples.Quickstart;

/// <summary>
/// The quickstart: one long non-streaming chat completion (with its request id and rate limits) and one streamed one
/// through the generated <see cref="OpenAIClient"/>, every file page by page, then the keepalive settings of the
/// connections it used, read from their sockets.
/// Offline it talks to <see cref="LocalOpenAIServer"/>; with <c>--live</c> to the real API.
/// </summary>
public static class QuickstartRunner
{
    /// <summary>Runs the quickstart, writing to <paramref name="output"/>.</summary>
    /// <returns>The process exit code: 0 on success, 2 for bad arguments or a missing key.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        QuickstartArguments? arguments = QuickstartArguments.Parse(args, out string? error);
        if (arguments is null)
        {
            await output.WriteLineAsync(error + "\n" + QuickstartArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        if (arguments.Live)
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OPENAI_API_KEY")))
            {
                await output.WriteLineAsync("--live needs the environment variable OPENAI_API_KEY.").ConfigureAwait(false);
                return 2;
            }

            await output.WriteLineAsync($"Tether quickstart, live: {OpenAIClientOptions.DefaultBaseAddress}, model {arguments.Model}").ConfigureAwait(false);
            // The generated defaults: the spec's base address, and the key read from OPENAI_API_KEY at each call.
            await RunCallsAsync(new OpenAIClientOptions(), arguments, output, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        await using LocalOpenAIServer server = await LocalOpenAIServer.StartAsync(arguments.ThinkingTime).ConfigureAwait(false);
        await output.WriteLineAsync($"Tether quickstart, offline: embedded OpenAI-compatible server at {server.BaseAddress}").ConfigureAwait(false);
        var options = new OpenAIClientOptions { BaseAddress = server.BaseAddress, ApiKey = "sk-local-demo" };
        await RunCallsAsync(options, arguments, output, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task RunCallsAsync(OpenAIClientOptions options, QuickstartArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        // Tether's own transport, as the client builds it by default, plus a hook that lets us look at each socket.
        var connections = new ConnectionLog();
        using SocketsHttpHandler handler = TcpKeepAlive.CreateHandler(options.KeepAlive, connections.OnConnected);
        using var client = new OpenAIClient(handler, options);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(arguments.Live
            ? "1) Non-streaming chat completion (the connection stays silent until the whole answer is ready)..."
            : $"1) Non-streaming chat completion; the server thinks for {arguments.ThinkingTime.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s before answering, the connection silent meanwhile...").ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        // The ...WithResponseAsync form: the same call, with the response's request id and rate limits beside the value.
        (CreateChatCompletionResponse completion, TetherResponseInfo info) = await client.Chat.CreateChatCompletionWithResponseAsync(
            Request(arguments.Model, "In two sentences: why do long, silent HTTP calls hang behind NAT gateways?"),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();
        string answer = completion.Choices.Count > 0 ? completion.Choices[0].Message.Content ?? "(no text)" : "(no choices)";
        await output.WriteLineAsync($"   answer after {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {answer}").ConfigureAwait(false);
        await output.WriteLineAsync($"   request id {info.RequestId ?? "(none)"}, tokens left in this window: {info.RateLimits?.RemainingTokens?.ToString(CultureInfo.InvariantCulture) ?? "(not reported)"}").ConfigureAwait(false);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("2) Streaming chat completion:").ConfigureAwait(false);
        await output.WriteAsync("   ").ConfigureAwait(false);
        int chunks = 0;
        await foreach (CreateChatCompletionStreamResponse chunk in client.Chat.CreateChatCompletionStreamingAsync(
            Request(arguments.Model, "Say hello to a developer in one short sentence."),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            chunks++;
            foreach (CreateChatCompletionStreamResponseChoicesItem choice in chunk.Choices)
            {
                if (choice.Delta.Content is { } text)
                {
                    await output.WriteAsync(text).ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"   ({chunks.ToString(CultureInfo.InvariantCulture)} chunks)").ConfigureAwait(false);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("3) Every file of the account, fetched 3 per page as the loop asks for them:").ConfigureAwait(false);
        int files = 0;
        int pages = 0;
        await foreach (TetherPage<ListFilesResponse, OpenAIFile> page in client.Files.ListFilesAutoPagingAsync(limit: 3, cancellationToken: cancellationToken)
            .AsPages(cancellationToken).ConfigureAwait(false))
        {
            pages++;
            foreach (OpenAIFile file in page.Items)
            {
                files++;
                await output.WriteLineAsync($"   {file.Filename} ({file.Purpose})").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"   ({files.ToString(CultureInfo.InvariantCulture)} files in {pages.ToString(CultureInfo.InvariantCulture)} pages)").ConfigureAwait(false);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("4) TCP keepalive, read back from the kernel for each connection the client opened:").ConfigureAwait(false);
        foreach (string line in connections.Describe())
        {
            await output.WriteLineAsync("   " + line).ConfigureAwait(false);
        }

        if (SystemKeepAliveTime() is { } systemDefault)
        {
            await output.WriteLineAsync($"   (without Tether this system waits {systemDefault} s of silence before the first probe: longer than NAT gateways keep idle connections)").ConfigureAwait(false);
        }
    }

    private static CreateChatCompletionRequest Request(string model, string question) => new()
    {
        Model = model,
        Messages = [new ChatCompletionRequestUserMessage { Content = question }],
    };

    /// <summary>Linux's default idle time before the first keepalive probe, for contrast; null elsewhere.</summary>
    private static string? SystemKeepAliveTime()
    {
        const string Path = "/proc/sys/net/ipv4/tcp_keepalive_time";
        try
        {
            return File.Exists(Path) ? File.ReadAllText(Path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
