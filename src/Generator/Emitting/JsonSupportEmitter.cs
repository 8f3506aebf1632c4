namespace Tether.Generator.Emitting;

/// <summary>
/// The helpers every converter of one client calls, emitted once per client (internal, in its JSON namespace) so that
/// the generated code depends on nothing but System.Text.Json, on every target framework from .NET 8 on.
/// </summary>
internal static class JsonSupportEmitter
{
    public const string ClassName = "JsonSupport";
    public const string DeserializationTagName = "DeserializationTag";

    public static void Emit(SourceWriter writer)
    {
        var reader = TypeNames.Utf8JsonReader;
        var extensionData = TypeNames.ExtensionData;
        writer.WriteLine("/// <summary>Selects the constructor the converters use: it sets no defaults, so absent members stay absent.</summary>");
        writer.WriteLine("internal readonly struct " + DeserializationTagName);
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Shared by the generated converters.</summary>");
        writer.WriteLine("internal static class " + ClassName);
        writer.OpenBlock();
        writer.WriteLine("private static readonly " + TypeNames.JsonElement + " s_null = CreateNull();");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The unescaped UTF-8 of the current property name or string; copies only when escaped or split across buffers.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.WriteLine("internal static global::System.ReadOnlySpan<byte> ValueBytes(ref " + reader + " reader)");
        writer.OpenBlock();
        writer.WriteLine("return reader.HasValueSequence || reader.ValueIsEscaped ? CopyValueBytes(ref reader) : reader.ValueSpan;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("private static global::System.ReadOnlySpan<byte> CopyValueBytes(ref " + reader + " reader)");
        writer.OpenBlock();
        writer.WriteLine("var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];");
        writer.WriteLine("return new global::System.ReadOnlySpan<byte>(buffer, 0, reader.CopyString(buffer));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Keeps a member the type does not declare; the reader is on its name.</summary>");
        writer.WriteLine("internal static void ReadUnknownMember(ref " + reader + " reader, ref " + extensionData + "? members)");
        writer.OpenBlock();
        writer.WriteLine("var name = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("(members ??= new " + TypeNames.ExtensionDataImplementation + "())[name] = " + TypeNames.JsonElement + ".ParseValue(ref reader);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Keeps a JSON null the schema does not allow, so that it is written back as it came.</summary>");
        writer.WriteLine("internal static void KeepNull(ref " + extensionData + "? members, string name)");
        writer.OpenBlock();
        writer.WriteLine("(members ??= new " + TypeNames.ExtensionDataImplementation + "())[name] = s_null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("internal static void WriteUnknownMembers(" + TypeNames.Utf8JsonWriter + " writer, " + extensionData + "? members)");
        writer.OpenBlock();
        writer.WriteLine("if (members is null || members.Count == 0)");
        writer.OpenBlock();
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("// The concrete dictionary is enumerated without boxing its enumerator.");
        writer.WriteLine("if (members is " + TypeNames.ExtensionDataImplementation + " concrete)");
        writer.OpenBlock();
        writer.WriteLine("foreach (var pair in concrete)");
        writer.OpenBlock();
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        writer.WriteLine("pair.Value.WriteTo(writer);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("foreach (var pair in members)");
        writer.OpenBlock();
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        writer.WriteLine("pair.Value.WriteTo(writer);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Seconds since the Unix epoch; a fractional value keeps its sub-second part (to 100 ns).</summary>");
        writer.WriteLine("internal static global::System.DateTimeOffset ReadUnixTime(ref " + reader + " reader)");
        writer.OpenBlock();
        writer.WriteLine("if (reader.TryGetInt64(out var seconds))");
        writer.OpenBlock();
        writer.WriteLine("return global::System.DateTimeOffset.FromUnixTimeSeconds(seconds);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return global::System.DateTimeOffset.UnixEpoch.AddTicks((long)(reader.GetDecimal() * global::System.TimeSpan.TicksPerSecond));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whole seconds as an integer, as the API sends them; a sub-second part as an exact decimal fraction.</summary>");
        writer.WriteLine("internal static void WriteUnixTime(" + TypeNames.Utf8JsonWriter + " writer, global::System.DateTimeOffset value)");
        writer.OpenBlock();
        writer.WriteLine("var ticks = (value - global::System.DateTimeOffset.UnixEpoch).Ticks;");
        writer.WriteLine("if (ticks % global::System.TimeSpan.TicksPerSecond == 0)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteNumberValue(ticks / global::System.TimeSpan.TicksPerSecond);");
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteNumberValue((decimal)ticks / global::System.TimeSpan.TicksPerSecond);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("internal static global::System.Text.Json.JsonException UnexpectedToken(" + TypeNames.JsonTokenType + " token, string expected)");
        writer.OpenBlock();
        writer.WriteLine("return new global::System.Text.Json.JsonException(\"Expected \" + expected + \" but found \" + token.ToString() + \".\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("private static " + TypeNames.JsonElement + " CreateNull()");
        writer.OpenBlock();
        writer.WriteLine("using var document = global::System.Text.Json.JsonDocument.Parse(\"null\");");
        writer.WriteLine("return document.RootElement.Clone();");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
