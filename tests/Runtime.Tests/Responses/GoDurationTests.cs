using Xunit;

namespace Tether.Runtime.Tests.Responses;

/// <summary>The duration text of OpenAI's <c>x-ratelimit-reset-*</c> headers (Go's <c>time.Duration</c> format).</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1s", 1_000)]
    [InlineData("6m0s", 360_000)]
    [InlineData("20ms", 20)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2h3m4s", 7_384_000)]
    [InlineData("0s", 0)]
    [InlineData("1m30.5s", 90_500)]
    public void ReadsGoDurations(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));

    [Fact]
    public void ReadsSubMillisecondUnits() =>
        Assert.Equal(TimeSpan.FromTicks(15), GoDuration.Parse("1us500ns"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5")]
    [InlineData("5 s")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("1..5s")]
    public void AnythingElse_IsNull(string? text) => Assert.Null(GoDuration.Parse(text));
}
