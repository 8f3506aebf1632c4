namespace Tether.Generator.Model;

/// <summary>What a JSON value maps to in C#: a built-in type, a generated type, or a list/map of either.</summary>
internal enum TypeRefKind
{
    /// <summary>Any JSON value, kept as <c>System.Text.Json.JsonElement</c> (also the fallback for unsupported schemas).</summary>
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    /// <summary><c>format: unixtime</c>: seconds since the epoch, as <c>System.DateTimeOffset</c>.</summary>
    UnixTime,
    /// <summary><c>format: date</c>, kept as a string on the wire and in C# (<c>DateOnly</c> is not on every target).</summary>
    Date,
    /// <summary><c>format: binary</c>: a file part in multipart bodies, raw bytes elsewhere.</summary>
    Binary,
    /// <summary>A type the generator emits (see <see cref="TypeRef.Name"/> and <see cref="NamedTypeKind"/>).</summary>
    Named,
    /// <summary>A JSON array of <see cref="TypeRef.Element"/>.</summary>
    Array,
    /// <summary>A JSON object with string keys and values of <see cref="TypeRef.Element"/>.</summary>
    Map,
}

/// <summary>Which kind of generated type a <see cref="TypeRefKind.Named"/> reference points at.</summary>
internal enum NamedTypeKind
{
    None,
    Object,
    Enum,
    Union,
}

/// <summary>
/// A reference to a C# type as the emitter needs it. Nullability is not part of the reference: it belongs to the
/// place that uses it (a property, a parameter, a list element).
/// </summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, NamedTypeKind NamedKind = NamedTypeKind.None, TypeRef? Element = null, bool ElementNullable = false)
{
    public static readonly TypeRef Any = new(TypeRefKind.Any);
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRef Int32 = new(TypeRefKind.Int32);
    public static readonly TypeRef Int64 = new(TypeRefKind.Int64);
    public static readonly TypeRef Double = new(TypeRefKind.Double);
    public static readonly TypeRef Single = new(TypeRefKind.Single);
    public static readonly TypeRef UnixTime = new(TypeRefKind.UnixTime);
    public static readonly TypeRef Date = new(TypeRefKind.Date);
    public static readonly TypeRef Binary = new(TypeRefKind.Binary);

    public static TypeRef Named(string name, NamedTypeKind kind) => new(TypeRefKind.Named, name, kind);

    public static TypeRef ArrayOf(TypeRef element, bool elementNullable = false) => new(TypeRefKind.Array, Element: element, ElementNullable: elementNullable);

    public static TypeRef MapOf(TypeRef value, bool valueNullable = false) => new(TypeRefKind.Map, Element: value, ElementNullable: valueNullable);

    /// <summary>True when the C# type is a struct, so that "nullable" means <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind switch
    {
        TypeRefKind.Any or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
            or TypeRefKind.Single or TypeRefKind.UnixTime => true,
        TypeRefKind.Named => NamedKind == NamedTypeKind.Enum,
        _ => false,
    };
}
