using System.Net.Http;

namespace Tether;

/// <summary>A successful call's parsed body together with its <see cref="TetherResponseInfo"/> (status, headers, request id, rate limits).</summary>
/// <typeparam name="T">The body type.</typeparam>
public sealed class TetherResponse<T> : TetherResponseInfo
{
    internal TetherResponse(HttpResponseMessage response, T value)
        : base(response)
    {
        Value = value;
    }

    internal TetherResponse(TetherResponseInfo info, T value)
        : base(info)
    {
        Value = value;
    }

    /// <summary>The parsed body: what the plain method returns.</summary>
    public T Value { get; }

    /// <summary>Splits into the value and the metadata: <c>var (completion, info) = await …WithResponseAsync(…)</c>.</summary>
    public void Deconstruct(out T value, out TetherResponseInfo info)
    {
        value = Value;
        info = this;
    }
}
