using System;
using System.Collections.Generic;
using System.Text;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

// NAMING RULES — part of the public contract (the README quotes this block). Every name is derived from the spec
// alone, the same way on every build.
//
// 1. Words. A spec name is cut into words at every character that is not a letter or a digit (`.`, `/`, `-`, `_`,
//    spaces, brackets and all other punctuation). Each word keeps its characters and gets an upper-case first
//    letter; the separators are dropped:
//      `self-harm/intent` → `SelfHarmIntent`, `api_key.created` → `ApiKeyCreated`,
//      `Beta_AgentTagParam` → `BetaAgentTagParam`, `Error-2` → `Error2`, `Server VAD` → `ServerVAD`.
// 2. Digits. Where a word starting with a digit follows a word ending with a digit, `_` keeps the numbers apart:
//      `gpt-4.1-2025-04-14` → `Gpt4_1_2025_04_14`, `gpt-4o` → `Gpt4o`.
//    A name starting with a digit gets a leading `_`: `1024x1024` → `_1024x1024`, `24h` → `_24h`.
// 3. Types. Component schema `X` → PascalCase(X). A schema written inline is named after its owner:
//      property `p` of type `T` → `T` + PascalCase(p); array items → `{Owner}Item`; map values → `{Owner}Value`;
//      union member → `{Owner}` + PascalCase(its title, else the value of its discriminator / `type` / `event` /
//      `object` constant, else `Variant{N}` counting from 1); an operation's inline request body →
//      `{Operation}Request`, inline response → `{Operation}Response`, inline stream event →
//      `{Operation}StreamEvent`, inline parameter schema → `{Operation}` + PascalCase(parameter name), where
//      `{Operation}` is PascalCase(operationId). Wrappers (a nullable `anyOf[T, null]`, a single-member union,
//      `allOf[$ref]` with annotations) pass their name on to what they wrap.
// 4. Aliases. A component that is only a primitive, a single-value string enum (a constant), an array, a map, or
//    a wrapper around another schema is not emitted as a type: its uses resolve to what it stands for
//    (`Metadata` → a nullable string dictionary).
// 5. Properties. PascalCase of the JSON name. A property named like its class (C# error CS0542) gets a `Value`
//    suffix (`Embedding.embedding` → `EmbeddingValue`). Names of members every generated type has
//    (`AdditionalProperties`, `Equals`, `GetHashCode`, `GetType`, `ToString`, `MemberwiseClone`,
//    `ReferenceEquals`, `Finalize`) are not used for properties or enum members.
// 6. Enum members. Rules 1–2 applied to the value; a value without letters or digits becomes `Value`.
// 7. Union variants (the `IsX`/`AsX` accessors). A referenced type's name; an inline member's own name from
//    rule 3 (`ServerVAD`); a constant string's value (`Auto`); otherwise the C# type: `String`, `Int32`,
//    `Int64`, `Double`, `Boolean`…, `{Element}List` for arrays, `{Element}Map` for maps.
// 8. Operations. PascalCase(operationId) + `Async` (no operationId: PascalCase(method + path) + `Async`).
//    The sub-client (group) is PascalCase of the operation's first tag; untagged operations sit on the client.
//    Parameters are camelCase of their wire name (`project_ids[]` → `projectIds`); a C# keyword gets `@`
//    (`@event`); `body`, `cancellationToken` and `options` are left to the generated method itself.
// 9. Security schemes. PascalCase of the scheme name with a trailing `Auth` removed (`ApiKeyAuth` → `ApiKey`).
// 10. Collisions. Whatever comes first keeps the name; later ones get the lowest free number appended (`Foo2`,
//    `Foo3`; `_2` after a name ending in a digit; `Foo2Async` for methods) and an Info diagnostic TETHER009 says
//    so. Component schemas are named first (in ordinal order of their keys), then the types found inside them,
//    then those found in operations (in document order).
//    An operation's derived methods (`…StreamingAsync`, `…WithResponseAsync`, `…AutoPagingAsync`) are named
//    after every plain method, per class, by Planning/MethodNamePlanner, numbered the same way
//    (`FooStreaming2Async`) and reported likewise; every other generated name goes through NameScope too.

/// <summary>Turns spec names into C# identifiers. See the rules at the top of this file.</summary>
internal static class IdentifierRules
{
    /// <summary>Parameter names the generated operation methods use themselves.</summary>
    public static readonly IReadOnlyCollection<string> ReservedParameterNames = new[] { "body", "cancellationToken", "options" };

    /// <summary>Members every generated class and struct has (from <see cref="object"/> and the unknown-member bag).</summary>
    public static readonly IReadOnlyCollection<string> ReservedMemberNames = new[]
    {
        "AdditionalProperties", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Not reserved, but cannot name a parameter of an async method.
        "await",
    };

    /// <summary>Rules 1–2: PascalCase words, digit groups kept apart, no leading digit. Empty when nothing is left.</summary>
    public static string PascalCase(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text!.Length + 1);
        var startsWord = true;
        foreach (var c in text)
        {
            if (!IsWordCharacter(c))
            {
                startsWord = true;
                continue;
            }

            if (startsWord)
            {
                if (char.IsDigit(c) && builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
                startsWord = false;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A type name from a schema or owner-derived name; never empty.</summary>
    public static string TypeName(string? text)
    {
        var name = PascalCase(text);
        return name.Length == 0 ? "Schema" : name;
    }

    /// <summary>A camelCase parameter name; C# keywords get the verbatim <c>@</c> prefix.</summary>
    public static string ParameterName(string? text)
    {
        var pascal = PascalCase(text);
        if (pascal.Length == 0)
        {
            return "value";
        }

        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Rule 6: an enum member name for a value (uniqueness is the caller's).</summary>
    public static string EnumMemberName(string value)
    {
        var name = PascalCase(value);
        return name.Length == 0 ? "Value" : name;
    }

    /// <summary>Rule 8: the client property for a bearer scheme.</summary>
    public static string SecurityPropertyName(string schemeName)
    {
        var name = TypeName(schemeName);
        return name.Length > 4 && name.EndsWith("Auth", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
    }

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsDigit(c);
}
