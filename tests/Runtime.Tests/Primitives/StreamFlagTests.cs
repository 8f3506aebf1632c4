using System.Text;
using Tether.Primitives;
using Xunit;

namespace Tether.Runtime.Tests.Primitives;

public sealed class StreamFlagTests
{
    [Fact]
    public void TheFlagReplacesAnyValue_AndTheOtherMembersStayAsTheyWere()
    {
        var json = Encoding.UTF8.GetBytes("""{"model":"gpt-5","stream":false,"input":"é <b>","n":1.50}""");

        var flagged = StreamFlag.Set(json, "stream");

        Assert.Equal("""{"model":"gpt-5","input":"é <b>","n":1.50,"stream":true}""", Encoding.UTF8.GetString(flagged));
        Assert.Equal("""{"model":"gpt-5","stream":false,"input":"é <b>","n":1.50}""", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void NoBody_GivesTheFlagAlone() =>
        Assert.Equal("""{"stream":true}""", Encoding.UTF8.GetString(StreamFlag.Set(null, "stream")));
}
