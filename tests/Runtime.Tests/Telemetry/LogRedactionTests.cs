using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

public sealed class LogRedactionTests
{
    private const string ApiKey = "sk-log-secret-0815";

    [Fact]
    public async Task NoLogEvent_CarriesTheApiKey_EvenWhenTheServerEchoesIt()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            // The worst case: the server sends the credential back in a header and the body, and it is in the query.
            context.Response.StatusCode = 503;
            context.Response.Headers["x-echo"] = context.Request.Headers.Authorization.ToString();
            await context.Response.WriteAsync("""{"error":{"message":"bad key """ + context.Request.Headers.Authorization + "\"}}");
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server, maxRetries: 1);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);
        var request = new TetherRequest(HttpMethod.Get, "/models?api_key=" + ApiKey) { BearerToken = ApiKey, OperationName = "listModels" };

        await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, logger.Events.Count); // a retry and the failure: something to inspect
        var texts = new List<string>();
        foreach (TetherLogEvent logEvent in logger.Events)
        {
            texts.Add(logEvent.Url);
            texts.Add(logEvent.OperationName ?? "");
            switch (logEvent)
            {
                case TetherRetryLogEvent retry:
                    texts.Add(retry.Reason);
                    texts.Add(retry.Failure.ToString());
                    texts.AddRange(((TetherApiException)retry.Failure).Headers.SelectMany(h => h.Value));
                    texts.Add(((TetherApiException)retry.Failure).ResponseBody ?? "");
                    break;
                case TetherFailureLogEvent failure:
                    texts.Add(failure.ErrorType);
                    texts.Add(failure.Exception.ToString());
                    break;
            }
        }

        Assert.All(texts, text => Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("[REDACTED]", StringComparison.Ordinal)); // the echo was there, redacted
    }
}
