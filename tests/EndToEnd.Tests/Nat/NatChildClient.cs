using System.Diagnostics;
using System.Globalization;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests.Nat;

/// <summary>
/// The client side of the NAT test, run in a child process inside the client namespace: one chat completion through
/// the generated client, either as generated (<c>--mode generated</c>: nothing set but the base address and shorter
/// keepalive times; the key comes from <c>OPENAI_API_KEY</c>) or on a plain <see cref="HttpClient"/>
/// (<c>--mode plain</c>). Reports one <c>result key=value…</c> line on stdout.
/// </summary>
internal static class NatChildClient
{
    public const string Command = "nat-child-client";

    public static async Task<int> RunAsync(ReadOnlyMemory<string> arguments)
    {
        var options = ParseOptions(arguments.Span);
        var url = new Uri(options["url"]);
        var bound = TimeSpan.FromSeconds(int.Parse(options["bound"], CultureInfo.InvariantCulture));
        using var client = options["mode"] == "generated"
            ? new OpenAIClient(new OpenAIClientOptions
            {
                BaseAddress = url,
                KeepAlive = new TcpKeepAliveOptions
                {
                    Time = Seconds(options["time"]),
                    Interval = Seconds(options["interval"]),
                    RetryCount = int.Parse(options["count"], CultureInfo.InvariantCulture),
                },
            })
            : new OpenAIClient(new HttpClient(), new OpenAIClientOptions { BaseAddress = url });

        var request = new M.CreateChatCompletionRequest
        {
            Model = "gpt-4o-mini",
            Messages = [new M.ChatCompletionRequestUserMessage { Content = "Think about it for a while." }],
        };

        // The caller's own bound, so that the plain client's wait ends; it is not configuration of the client.
        using var deadline = new CancellationTokenSource(bound);
        var elapsed = Stopwatch.StartNew();
        try
        {
            var completion = await client.Chat.CreateChatCompletionAsync(request, cancellationToken: deadline.Token);
            var content = completion.Choices[0].Message.Content ?? string.Empty;
            Report($"result outcome=ok elapsed_ms={elapsed.ElapsedMilliseconds} id={completion.Id} content={content.Replace(' ', '_')}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Report($"result outcome=timeout elapsed_ms={elapsed.ElapsedMilliseconds}");
        }
        catch (Exception error)
        {
            Report($"result outcome=error elapsed_ms={elapsed.ElapsedMilliseconds} type={error.GetType().Name} message={error.Message.Replace(' ', '_')}");
        }

        return 0;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < arguments.Length; i += 2)
        {
            options[arguments[i].TrimStart('-')] = arguments[i + 1];
        }

        return options;
    }

    private static void Report(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}
