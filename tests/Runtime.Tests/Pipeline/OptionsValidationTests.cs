using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_MatchTheDocumentedValues()
    {
        var options = new TetherClientOptions();

        Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(8), options.MaxRetryDelay);
        Assert.Null(options.KeepAlive);
        Assert.StartsWith("Tether/", options.UserAgent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Timeout_MustBePositive(int seconds)
    {
        var options = new TetherClientOptions();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromSeconds(seconds));
        Assert.Equal("Timeout", ex.ParamName);
    }

    [Fact]
    public void Timeout_AcceptsInfinite_AndRejectsValuesACancellationTokenCannotSchedule()
    {
        var options = new TetherClientOptions { Timeout = Timeout.InfiniteTimeSpan };
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromDays(30));
    }

    [Fact]
    public void MaxRetries_ZeroDisables_NegativeIsRejected()
    {
        var options = new TetherClientOptions { MaxRetries = 0 };
        Assert.Equal(0, options.MaxRetries);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
        Assert.Equal("MaxRetries", ex.ParamName);
    }

    [Fact]
    public void RetryDelays_MustNotBeNegative()
    {
        var options = new TetherClientOptions();

        Assert.Equal("InitialRetryDelay", Assert.Throws<ArgumentOutOfRangeException>(() => options.InitialRetryDelay = TimeSpan.FromSeconds(-1)).ParamName);
        Assert.Equal("MaxRetryDelay", Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetryDelay = TimeSpan.FromSeconds(-1)).ParamName);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("https://example.com/v1?x=1")]
    [InlineData("https://example.com/v1#top")]
    public void BaseAddress_MustBeHttpWithoutQueryOrFragment(string uri)
    {
        var options = new TetherClientOptions();

        var ex = Assert.Throws<ArgumentException>(() => options.BaseAddress = new Uri(uri));
        Assert.Equal("BaseAddress", ex.ParamName);
    }

    [Fact]
    public void BaseAddress_MustBeAbsolute()
    {
        var options = new TetherClientOptions();

        Assert.Throws<ArgumentException>(() => options.BaseAddress = new Uri("/v1", UriKind.Relative));
    }

    [Fact]
    public void RequestOptions_ValidateLikeClientOptions()
    {
        var options = new RequestOptions();

        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero).ParamName);
        Assert.Equal("MaxRetries", Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -2).ParamName);
    }

    [Fact]
    public void Pipeline_WithoutBaseAddress_FailsClearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TetherPipeline(new TetherClientOptions()));

        Assert.Contains("BaseAddress", ex.Message);
    }

    [Fact]
    public void HeaderValues_WithLineBreaks_AreRejectedWithoutEchoingTheValue()
    {
        var request = new TetherRequest(HttpMethod.Get, "/x");

        var ex = Assert.Throws<ArgumentException>(() => request.AddHeader("X-Test", "a\r\nInjected: yes"));
        Assert.DoesNotContain("Injected", ex.Message);
        Assert.Throws<ArgumentException>(() => request.AddHeader("Bad Name", "v"));
        Assert.Throws<ArgumentException>(() => new TetherClientOptions().UserAgent = "x\ny");
    }
}
