namespace Tether.Runtime.Tests.Pipeline.Support;

/// <summary>Client options with millisecond retry delays, so retry tests take milliseconds.</summary>
internal static class FastOptions
{
    public static TetherClientOptions For(PipelineServer server, int maxRetries = 2) => new()
    {
        BaseAddress = server.BaseAddress,
        MaxRetries = maxRetries,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
