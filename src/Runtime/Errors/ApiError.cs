namespace Tether;

/// <summary>
/// The error a server described in its response body. Every field is optional because error bodies vary between
/// services, gateways and proxies.
/// </summary>
/// <param name="Message">Human-readable description (<c>error.message</c>).</param>
/// <param name="Type">Error category (<c>error.type</c>).</param>
/// <param name="Code">Machine-readable code (<c>error.code</c>); a numeric code is given as its JSON text.</param>
/// <param name="Param">The request parameter the error is about (<c>error.param</c>).</param>
public sealed record ApiError(string? Message, string? Type, string? Code, string? Param);
