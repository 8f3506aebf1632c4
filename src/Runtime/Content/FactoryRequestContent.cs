using System;
using System.Net.Http;

namespace Tether;

/// <summary>A body produced by a caller's factory, once per attempt.</summary>
internal sealed class FactoryRequestContent : RequestContent
{
    private readonly Func<HttpContent> _factory;

    public FactoryRequestContent(Func<HttpContent> factory) => _factory = factory;

    public override bool IsReplayable => true;

    public override HttpContent CreateHttpContent() =>
        _factory() ?? throw new InvalidOperationException("The request content factory returned null.");
}
