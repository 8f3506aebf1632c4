using Xunit;

namespace Tether.Runtime.Tests.Credentials;

public sealed class HeaderValueCacheTests
{
    [Fact]
    public void TheSameSecret_GivesTheSameHeaderInstance_AndANewSecretANewHeader()
    {
        var cache = new HeaderValueCache();

        var first = cache.For("Bearer ", "sk-one");
        var again = cache.For("Bearer ", new string("sk-one".AsSpan()));
        var rotated = cache.For("Bearer ", "sk-two");
        var basic = cache.For("Basic ", "sk-two");

        Assert.Equal("Bearer sk-one", first);
        Assert.Same(first, again);
        Assert.Equal("Bearer sk-two", rotated);
        Assert.Equal("Basic sk-two", basic);
    }
}
