using System;
using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>The JSON token kinds a C# type can be read from; what a union looks at first to pick a variant.</summary>
[Flags]
internal enum TokenKinds
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    /// <summary>An integral number.</summary>
    Integer = 8,
    /// <summary>Any number, fractional included.</summary>
    Number = 16,
    Boolean = 32,
    All = Object | Array | String | Integer | Number | Boolean,
}

internal static class TokenKindsOf
{
    public static TokenKinds Type(TypeRef type, EmitContext context) => Type(type, context, new HashSet<string>(StringComparer.Ordinal));

    private static TokenKinds Type(TypeRef type, EmitContext context, HashSet<string> visiting) => type.Kind switch
    {
        TypeRefKind.Any => TokenKinds.All,
        TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Binary => TokenKinds.String,
        TypeRefKind.Boolean => TokenKinds.Boolean,
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.UnixTime => TokenKinds.Integer,
        TypeRefKind.Double or TypeRefKind.Single => TokenKinds.Number | TokenKinds.Integer,
        TypeRefKind.Array => TokenKinds.Array,
        TypeRefKind.Map => TokenKinds.Object,
        TypeRefKind.Named => Named(type, context, visiting),
        _ => TokenKinds.None,
    };

    private static TokenKinds Named(TypeRef type, EmitContext context, HashSet<string> visiting)
    {
        var model = context.FindType(type);
        switch (model)
        {
            case ObjectTypeModel:
                return TokenKinds.Object;
            case EnumTypeModel:
                return TokenKinds.String;
            case UnionTypeModel union:
                // A union nested in a union accepts what its variants accept; a cycle contributes nothing new.
                if (!visiting.Add(union.Name))
                {
                    return TokenKinds.None;
                }

                var kinds = TokenKinds.None;
                foreach (var variant in union.Variants)
                {
                    kinds |= Type(variant.Type, context, visiting);
                }

                visiting.Remove(union.Name);
                return kinds;
            default:
                return type.NamedKind switch
                {
                    NamedTypeKind.Object => TokenKinds.Object,
                    NamedTypeKind.Enum => TokenKinds.String,
                    _ => TokenKinds.All,
                };
        }
    }
}
