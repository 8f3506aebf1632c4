using System.Globalization;
using System.Text.RegularExpressions;
using Tether.Samples.Quickstart;
using Xunit;

namespace Tether.Packaging.Tests;

/// <summary>The offline quickstart, run in-process with a short thinking time.</summary>
public sealed partial class QuickstartTests
{
    [Fact]
    public async Task Offline_AnswersBothCalls_AndReportsKeepAliveFromTheSocket()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        int exitCode = await QuickstartRunner.RunAsync(["--think", "1.5"], output, deadline.Token);

        string text = output.ToString();
        Assert.True(exitCode == 0, text);
        Match answer = LongAnswer().Match(text);
        Assert.True(answer.Success, text);
        // The server held the answer back for 1.5 s; the client waited for it instead of giving up or retrying.
        Assert.True(double.Parse(answer.Groups["seconds"].Value, CultureInfo.InvariantCulture) >= 1.5, text);
        Assert.Contains("You asked: \"In two sentences", answer.Groups["answer"].Value, StringComparison.Ordinal);
        Assert.Contains("You asked: \"Say hello to a developer", text, StringComparison.Ordinal);
        Assert.Matches(@"\(([2-9]|\d\d+) chunks\)", text);
        Assert.Contains("request id req_", text, StringComparison.Ordinal);
        Assert.Contains("tokens left in this window: 29999120", text, StringComparison.Ordinal);
        // 7 files, 3 per page: the auto-paging list asked for three pages and printed every file once.
        Assert.Contains("(7 files in 3 pages)", text, StringComparison.Ordinal);
        Assert.Contains("notes.pdf (fine-tune)", text, StringComparison.Ordinal);

        TcpKeepAliveOptions expected = TcpKeepAliveOptions.Default;
        string keepAlive = string.Create(
            CultureInfo.InvariantCulture,
            $"keepalive on, first probe after {expected.Time.TotalSeconds:0} s idle, then every {expected.Interval.TotalSeconds:0} s, dropped after {expected.RetryCount} unanswered probes");
        if (OperatingSystem.IsLinux())
        {
            // Every connection the client opened reports the settings Tether asked for (normally one, reused by both calls).
            string[] connections = text.Split('\n').Where(line => line.Contains(" -> ", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(connections);
            Assert.All(connections, line => Assert.Contains(keepAlive, line, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--think")]
    [InlineData("--think", "soon")]
    [InlineData("--bogus")]
    public async Task BadArguments_PrintUsage_AndExitWith2(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);

        int exitCode = await QuickstartRunner.RunAsync(args, output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"answer after (?<seconds>\d+\.\d) s: (?<answer>.*)")]
    private static partial Regex LongAnswer();
}
