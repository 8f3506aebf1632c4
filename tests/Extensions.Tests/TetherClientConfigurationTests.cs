using Microsoft.Extensions.Configuration;
using Xunit;

namespace Tether.Extensions.Tests;

public sealed class TetherClientConfigurationTests
{
    [Fact]
    public void Bind_ReadsEveryCommonKey()
    {
        IConfiguration section = Section(new()
        {
            ["BaseAddress"] = "http://127.0.0.1:5000/v1",
            ["Timeout"] = "900",
            ["MaxRetries"] = "5",
            ["InitialRetryDelay"] = "0.25",
            ["MaxRetryDelay"] = "00:00:30",
            ["UserAgent"] = "my-app/1.2",
            ["DefaultHeaders:OpenAI-Organization"] = "org-123",
            ["DefaultHeaders:X-Trace"] = "on",
            ["KeepAlive:Time"] = "30",
            ["KeepAlive:Interval"] = "00:00:10",
            ["KeepAlive:RetryCount"] = "3",
        });
        var options = new TetherClientOptions();

        TetherClientConfiguration.Bind(options, section);

        Assert.Equal(new Uri("http://127.0.0.1:5000/v1"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(900), options.Timeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryDelay);
        Assert.Equal("my-app/1.2", options.UserAgent);
        Assert.Equal("org-123", options.DefaultHeaders["openai-organization"]);
        Assert.Equal("on", options.DefaultHeaders["X-Trace"]);
        Assert.NotNull(options.KeepAlive);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepAlive.Time);
        Assert.Equal(TimeSpan.FromSeconds(10), options.KeepAlive.Interval);
        Assert.Equal(3, options.KeepAlive.RetryCount);
    }

    [Fact]
    public void Bind_EmptySection_KeepsEveryDefault()
    {
        var options = new TetherClientOptions();

        TetherClientConfiguration.Bind(options, Section(new() { ["Unrelated"] = "x", ["Timeout"] = "" }));

        var defaults = new TetherClientOptions();
        Assert.Null(options.BaseAddress);
        Assert.Equal(defaults.Timeout, options.Timeout);
        Assert.Equal(defaults.MaxRetries, options.MaxRetries);
        Assert.Equal(defaults.InitialRetryDelay, options.InitialRetryDelay);
        Assert.Equal(defaults.MaxRetryDelay, options.MaxRetryDelay);
        Assert.Equal(defaults.UserAgent, options.UserAgent);
        Assert.Empty(options.DefaultHeaders);
        Assert.Null(options.KeepAlive);
    }

    [Theory]
    [InlineData("600", 600_000)]
    [InlineData("0.5", 500)]
    [InlineData("00:10:00", 600_000)]
    [InlineData("1.00:00:00", 86_400_000)]
    [InlineData(" 42 ", 42_000)]
    public void Bind_Timeout_BareNumbersAreSecondsAndTimeSpansAreTimeSpans(string text, long expectedMilliseconds)
    {
        var options = new TetherClientOptions();

        TetherClientConfiguration.Bind(options, Section(new() { ["Timeout"] = text }));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.Timeout);
    }

    [Fact]
    public void Bind_TimeoutInfinite_DisablesTheTimeout()
    {
        var options = new TetherClientOptions();

        TetherClientConfiguration.Bind(options, Section(new() { ["Timeout"] = "infinite" }));

        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
    }

    [Theory]
    [InlineData("Timeout", "ten minutes")]
    [InlineData("Timeout", "-5")]
    [InlineData("MaxRetries", "two")]
    [InlineData("MaxRetries", "1000")]
    [InlineData("BaseAddress", "api.example.com/v1")]
    [InlineData("BaseAddress", "ftp://example.com/v1")]
    [InlineData("InitialRetryDelay", "Infinite")]
    [InlineData("UserAgent", "two\nlines")]
    [InlineData("KeepAlive:Time", "0.5")]
    [InlineData("KeepAlive:Interval", "forever")]
    [InlineData("KeepAlive:RetryCount", "500")]
    public void Bind_InvalidValue_ThrowsNamingTheFullKey(string key, string value)
    {
        IConfiguration section = Section(new() { [key] = value });

        var exception = Assert.Throws<InvalidOperationException>(() => TetherClientConfiguration.Bind(new TetherClientOptions(), section));

        Assert.Contains("'OpenAI:" + key + "'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadKeepAlive_PartialSection_UsesDefaultsForTheRest()
    {
        TcpKeepAliveOptions? keepAlive = TetherClientConfiguration.ReadKeepAlive(Section(new() { ["KeepAlive:RetryCount"] = "9" }));

        Assert.NotNull(keepAlive);
        Assert.Equal(9, keepAlive.RetryCount);
        Assert.Equal(TcpKeepAliveOptions.Default.Time, keepAlive.Time);
        Assert.Equal(TcpKeepAliveOptions.Default.Interval, keepAlive.Interval);
    }

    [Fact]
    public void ReadKeepAlive_NothingSet_IsNull()
    {
        Assert.Null(TetherClientConfiguration.ReadKeepAlive(Section(new() { ["Timeout"] = "5" })));
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>("OpenAI:" + pair.Key, pair.Value)))
            .Build()
            .GetSection("OpenAI");
}
