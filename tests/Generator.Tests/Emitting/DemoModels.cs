using Tether.Generator.Model;
using static Tether.Generator.Tests.Emitting.ModelBuilder;
using ValueKind = Tether.Generator.Model.JsonValueKind;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// Small, focused models covering what the emitter must get right: each scenario is self-contained (it compiles on
/// its own) and is both snapshotted and compiled; <see cref="All"/> is the model the round-trip tests run against.
/// </summary>
internal static class DemoModels
{
    /// <summary>Required, optional, nullable, const, dotted/slashed names, value types, lists, maps, binary, any.</summary>
    public static TypeModel[] ObjectProperties { get; } =
    [
        Object(
            "ChatMessage",
            "A message, with <markup> & an \"ampersand\"\nover two lines.",
            Property("role", "Role", EnumRef("Role"), required: true, description: "Who wrote it."),
            Property("reviewer", "Reviewer", EnumRef("Role"), nullable: true),
            Property("content", "Content", TypeRef.String, required: true, nullable: true),
            Property("name", "Name", TypeRef.String),
            Property("object", "Object", TypeRef.String, required: true, constValue: "chat.message"),
            Property("kind", "Kind", EnumRef("MessageKind"), constValue: "message"),
            Property("temperature", "Temperature", TypeRef.Double, nullable: true),
            Property("count", "Count", TypeRef.Int32, required: true),
            Property("total_tokens", "TotalTokens", TypeRef.Int64),
            Property("ratio", "Ratio", TypeRef.Single),
            Property("flagged", "Flagged", TypeRef.Boolean, nullable: true),
            Property("self-harm/intent", "SelfHarmIntent", TypeRef.Boolean),
            Property("api_key.created", "ApiKeyCreated", TypeRef.Int64, deprecated: true),
            Property("tags", "Tags", TypeRef.ArrayOf(TypeRef.String, elementNullable: true)),
            Property("metadata", "Metadata", TypeRef.MapOf(TypeRef.String), nullable: true),
            Property("extra", "Extra", TypeRef.Any),
            Property("data", "Data", TypeRef.Binary),
            Property("day", "Day", TypeRef.Date)),
        Enum("Role", ("User", "user"), ("Assistant", "assistant"), ("System", "system")),
        Enum("MessageKind", ("Message", "message")),
    ];

    /// <summary>Values that are not identifiers, share a length (byte switch), need escaping, or differ only in case.</summary>
    public static TypeModel[] ExtensibleEnum { get; } =
    [
        Enum(
            "ModelId",
            ("Gpt4_1_2025_04_14", "gpt-4.1-2025-04-14"),
            ("_1024x1024", "1024x1024"),
            ("Auto", "auto"),
            ("AutoUpper", "AUTO"),
            ("Aaaa", "aaaa"),
            ("Abba", "abba"),
            ("Acca", "acca"),
            ("Quote", "say \"hi\"\\now"),
            ("Accent", "caf\u00e9")),
    ];

    /// <summary>A discriminated union whose members share <c>type: message</c> and are told apart by <c>role</c>.</summary>
    public static TypeModel[] DiscriminatedUnion { get; } =
    [
        Object(
            "InputMessage",
            Property("type", "Type", TypeRef.String, constValue: "message"),
            Property("role", "Role", TypeRef.String, required: true),
            Property("content", "Content", TypeRef.String, required: true)),
        Object(
            "OutputMessage",
            Property("type", "Type", TypeRef.String, required: true, constValue: "message"),
            Property("id", "Id", TypeRef.String, required: true),
            Property("role", "Role", TypeRef.String, required: true, constValue: "assistant"),
            Property("content", "Content", TypeRef.String, required: true),
            Property("status", "Status", TypeRef.String, required: true)),
        Object(
            "FunctionCall",
            Property("type", "Type", TypeRef.String, required: true, constValue: "function_call"),
            Property("name", "Name", TypeRef.String, required: true),
            Property("arguments", "Arguments", TypeRef.String, required: true)),
        Union(
            "Item",
            "type",
            Variant("InputMessage", ObjectRef("InputMessage"), ValueKind.Object, [Const("type", "message"), Const("role", "user", "system", "developer")], ["role", "content"]),
            Variant("OutputMessage", ObjectRef("OutputMessage"), ValueKind.Object, [Const("type", "message"), Const("role", "assistant")], ["type", "id", "role", "content", "status"]),
            Variant("FunctionCall", ObjectRef("FunctionCall"), ValueKind.Object, [Const("type", "function_call")], ["type", "name", "arguments"])),
    ];

    /// <summary>String | array-of-union content, and a prompt that is a string or one of three array shapes.</summary>
    public static TypeModel[] StringOrArrayUnion { get; } =
    [
        Object(
            "TextPart",
            Property("type", "Type", TypeRef.String, required: true, constValue: "text"),
            Property("text", "Text", TypeRef.String, required: true)),
        Object(
            "ImagePart",
            Property("type", "Type", TypeRef.String, required: true, constValue: "image_url"),
            Property("image_url", "ImageUrl", TypeRef.String, required: true)),
        Union(
            "ContentPart",
            "type",
            Variant("Text", ObjectRef("TextPart"), ValueKind.Object, [Const("type", "text")], ["type", "text"]),
            Variant("Image", ObjectRef("ImagePart"), ValueKind.Object, [Const("type", "image_url")], ["type", "image_url"])),
        Union(
            "MessageContent",
            null,
            Variant("Text", TypeRef.String, ValueKind.String),
            Variant("Parts", TypeRef.ArrayOf(UnionRef("ContentPart")), ValueKind.Array)),
        Union(
            "Prompt",
            null,
            Variant("Text", TypeRef.String, ValueKind.String),
            Variant("Texts", TypeRef.ArrayOf(TypeRef.String), ValueKind.Array),
            Variant("Tokens", TypeRef.ArrayOf(TypeRef.Int32), ValueKind.Array),
            Variant("TokenBatches", TypeRef.ArrayOf(TypeRef.ArrayOf(TypeRef.Int32)), ValueKind.Array)),
    ];

    /// <summary>Scalar unions: an enum or a number; an integer, a double, a boolean or any JSON.</summary>
    public static TypeModel[] ScalarUnions { get; } =
    [
        Enum("AutoMode", ("Auto", "auto")),
        Union(
            "Beta",
            null,
            Variant("Mode", EnumRef("AutoMode"), ValueKind.String),
            Variant("Number", TypeRef.Double, ValueKind.Number)),
        Union(
            "Setting",
            null,
            Variant("Count", TypeRef.Int32, ValueKind.Integer),
            Variant("Fraction", TypeRef.Double, ValueKind.Number),
            Variant("Enabled", TypeRef.Boolean, ValueKind.Boolean),
            Variant("Label", TypeRef.String, ValueKind.String),
            Variant("Other", TypeRef.Any, ValueKind.Object)),
    ];

    /// <summary>Maps (declared and nullable), unix times (also fractional), nested arrays, typed additionalProperties.</summary>
    public static TypeModel[] MapsTimesAndNesting { get; } =
    [
        Object(
            "Batch",
            Property("created_at", "CreatedAt", TypeRef.UnixTime, required: true),
            Property("completed_at", "CompletedAt", TypeRef.UnixTime, nullable: true),
            Property("matrix", "Matrix", TypeRef.ArrayOf(TypeRef.ArrayOf(TypeRef.Int32))),
            Property("scores", "Scores", TypeRef.MapOf(TypeRef.Double)),
            Property("groups", "Groups", TypeRef.MapOf(TypeRef.ArrayOf(ObjectRef("Labels")))),
            Property("optional_numbers", "OptionalNumbers", TypeRef.ArrayOf(TypeRef.Int64, elementNullable: true))),
        WithAdditionalProperties(Object("Labels", Property("owner", "Owner", TypeRef.String)), TypeRef.String),
        Deprecated(Object("LegacyThing", Property("value", "Value", TypeRef.String))),
        Object("Holder", Property("legacy", "Legacy", ObjectRef("LegacyThing"))),
        Object("Bag", Property("additionalProperties", "AdditionalProperties", TypeRef.Boolean)),
    ];

    public static IReadOnlyDictionary<string, TypeModel[]> Scenarios { get; } = new Dictionary<string, TypeModel[]>
    {
        [nameof(ObjectProperties)] = ObjectProperties,
        [nameof(ExtensibleEnum)] = ExtensibleEnum,
        [nameof(DiscriminatedUnion)] = DiscriminatedUnion,
        [nameof(StringOrArrayUnion)] = StringOrArrayUnion,
        [nameof(ScalarUnions)] = ScalarUnions,
        [nameof(MapsTimesAndNesting)] = MapsTimesAndNesting,
    };

    public static TypeModel[] All { get; } = Scenarios.Values.SelectMany(types => types).ToArray();
}
