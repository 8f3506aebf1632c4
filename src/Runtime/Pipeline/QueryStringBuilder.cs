using System;
using System.Collections.Generic;
using System.Text;

namespace Tether;

/// <summary>
/// Builds a query string in the OpenAPI default style (<c>form</c>, exploded). Names and values are
/// percent-encoded (RFC 3986), so <c>&amp;</c>, <c>=</c>, <c>#</c> and spaces in values stay data. A
/// <see langword="null"/> value adds nothing, so optional parameters need no branch.
/// </summary>
/// <example><c>"/files" + new QueryStringBuilder().Add("limit", 20).AddEach("include[]", include)</c></example>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class QueryStringBuilder
{
    private readonly StringBuilder _query = new();

    /// <summary>Adds <c>name=value</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name, verbatim (a trailing <c>[]</c> is kept).</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            AppendPair(name, value);
        }

        return this;
    }

    /// <summary>Adds <c>name=true</c> or <c>name=false</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder Add(string name, bool? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds an integer in invariant culture unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder Add(string name, long? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a number in invariant culture unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder Add(string name, double? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a decimal in invariant culture unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder Add(string name, decimal? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>
    /// Adds an array, exploded: <c>name=a&amp;name=b</c>. The name is used verbatim, so PHP-style names keep their
    /// suffix (<c>include[]=a&amp;include[]=b</c>, brackets percent-encoded). <see langword="null"/> or empty adds nothing.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values, already formatted (see <see cref="WireFormat"/>); <see langword="null"/> items are skipped.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder AddEach(string name, IEnumerable<string?>? values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (values is not null)
        {
            foreach (string? value in values)
            {
                if (value is not null)
                {
                    AppendPair(name, value);
                }
            }
        }

        return this;
    }

    /// <summary>
    /// Adds an object in the <c>deepObject</c> style: <c>name[key]=value</c> for each property
    /// (e.g. <c>metadata[project]=x</c>). <see langword="null"/> adds nothing; <see langword="null"/> values are skipped.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="properties">The object's properties, values already formatted.</param>
    /// <returns>This builder.</returns>
    public QueryStringBuilder AddDeepObject(string name, IEnumerable<KeyValuePair<string, string?>>? properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (properties is not null)
        {
            foreach (KeyValuePair<string, string?> property in properties)
            {
                if (property.Value is not null)
                {
                    AppendPair(name + "[" + property.Key + "]", property.Value);
                }
            }
        }

        return this;
    }

    /// <summary>Whether nothing was added.</summary>
    public bool IsEmpty => _query.Length == 0;

    /// <summary>The query string with its leading <c>?</c>, or an empty string when nothing was added.</summary>
    /// <returns>E.g. <c>?limit=20&amp;order=desc</c>.</returns>
    public override string ToString() => _query.Length == 0 ? string.Empty : "?" + _query.ToString();

    private void AppendPair(string name, string value)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
