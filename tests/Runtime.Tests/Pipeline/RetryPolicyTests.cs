using System.Net;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 8000)]
    [InlineData(5, 8000)]
    [InlineData(60, 8000)]
    public void Backoff_DoublesUpToTheCap_WithoutJitterAtZero(int retry, double expectedMs)
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));

        Assert.Equal(expectedMs, policy.DelayBeforeRetry(retry, serverDelay: null, random: 0).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Jitter_ShortensTheDelayByAtMostAQuarter()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

        Assert.Equal(2000 * 0.75, policy.DelayBeforeRetry(1, null, random: 0.999999999).TotalMilliseconds, precision: 0);
        Assert.Equal(2000 * 0.875, policy.DelayBeforeRetry(1, null, random: 0.5).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void ServerDelay_UpToSixtySeconds_IsHonouredExactly_EvenAboveTheCap()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));

        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayBeforeRetry(0, TimeSpan.FromSeconds(30), random: 0.5));
        Assert.Equal(TimeSpan.Zero, policy.DelayBeforeRetry(0, TimeSpan.Zero, random: 0.5));
    }

    [Fact]
    public void ServerDelay_AboveSixtySeconds_FallsBackToBackoff()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));

        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.DelayBeforeRetry(0, TimeSpan.FromMinutes(5), random: 0));
    }

    [Theory]
    [InlineData("2", null, 2000)]
    [InlineData("1.5", null, 1500)]
    [InlineData("0", null, 0)]
    [InlineData("30", "250", 250)]
    [InlineData(null, "12.5", 12.5)]
    [InlineData("Fri, 01 May 2026 12:00:07 GMT", null, 7000)]
    [InlineData("Fri, 01 May 2026 11:59:00 GMT", null, 0)]
    public void RetryAfter_ReadsSecondsMillisecondsAndHttpDates(string? retryAfter, string? retryAfterMs, double expectedMs)
    {
        using HttpResponseMessage response = ResponseWith(retryAfter, retryAfterMs);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfter.Parse(response, Now));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("soon", null)]
    [InlineData("-3", null)]
    [InlineData(null, "-1")]
    public void RetryAfter_IgnoresMissingOrUnreadableValues(string? retryAfter, string? retryAfterMs)
    {
        using HttpResponseMessage response = ResponseWith(retryAfter, retryAfterMs);

        Assert.Null(RetryAfter.Parse(response, Now));
    }

    [Fact]
    public void ShouldRetryHeader_OverridesTheStatusCode()
    {
        using var retryable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        retryable.Headers.TryAddWithoutValidation("x-should-retry", "false");
        using var final = new HttpResponseMessage(HttpStatusCode.BadRequest);
        final.Headers.TryAddWithoutValidation("x-should-retry", "true");

        Assert.False(RetryPolicy.IsRetryable(retryable));
        Assert.True(RetryPolicy.IsRetryable(final));
    }

    [Fact]
    public void ConnectionFailures_AreRetried_ButTlsFailuresAreNot()
    {
        Assert.True(RetryPolicy.IsRetryable(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        Assert.True(RetryPolicy.IsRetryable(new HttpRequestException(HttpRequestError.ResponseEnded, "dropped")));
        Assert.False(RetryPolicy.IsRetryable(new HttpRequestException(HttpRequestError.SecureConnectionError, "untrusted certificate")));
    }

    private static HttpResponseMessage ResponseWith(string? retryAfter, string? retryAfterMs)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        if (retryAfterMs is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After-Ms", retryAfterMs);
        }

        return response;
    }
}
