namespace Tether.Generator.Emitting;

/// <summary>
/// The helpers every converter of one client calls, emitted once per client (internal, in its JSON namespace) so that
/// the generated code depends on nothing but System.Text.Json, on every target framework from .NET 8 on.
/// </summary>
internal static class JsonSupportEmitter
{
    public const string ClassName = "JsonSupport";
    public const string DeserializationTagName = "DeserializationTag";

    private const string Text = """
        /// <summary>Selects the constructor the converters use: it sets no defaults, so absent members stay absent.</summary>
        internal readonly struct DeserializationTag
        {
        }

        /// <summary>Shared by the generated converters.</summary>
        internal static class JsonSupport
        {
            private static readonly JsonElement s_null = CreateNull();

            /// <summary>The unescaped UTF-8 of the current property name or string; copies only when escaped or split across buffers.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            internal static ReadOnlySpan<byte> ValueBytes(ref Utf8JsonReader reader)
            {
                return reader.HasValueSequence || reader.ValueIsEscaped ? CopyValueBytes(ref reader) : reader.ValueSpan;
            }

            /// <summary>Moves from a property name to its value; false when the value is JSON null.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            internal static bool NextIsNotNull(ref Utf8JsonReader reader)
            {
                reader.Read();
                return reader.TokenType != JsonTokenType.Null;
            }

            /// <summary>
            /// Moves from a property name to its value; a JSON null the schema does not allow is kept in the unknown
            /// members (written back as it came) and false is returned, leaving the property unset.
            /// </summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            internal static bool NextIsValue(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name)
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    return true;
                }

                (members ??= new Dictionary<string, JsonElement>())[name] = s_null;
                return false;
            }

            /// <summary>Keeps a member the type does not declare; the reader is on its name.</summary>
            internal static void ReadUnknownMember(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members)
            {
                var name = reader.GetString()!;
                reader.Read();
                (members ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
            }

            internal static void WriteUnknownMembers(Utf8JsonWriter writer, IDictionary<string, JsonElement>? members)
            {
                if (members is null || members.Count == 0)
                {
                    return;
                }

                // The concrete dictionary is enumerated without boxing its enumerator.
                if (members is Dictionary<string, JsonElement> concrete)
                {
                    foreach (var pair in concrete)
                    {
                        writer.WritePropertyName(pair.Key);
                        pair.Value.WriteTo(writer);
                    }

                    return;
                }

                foreach (var pair in members)
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }

            /// <summary>Seconds since the Unix epoch; a fractional value keeps its sub-second part (to 100 ns).</summary>
            internal static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader)
            {
                if (reader.TryGetInt64(out var seconds))
                {
                    return DateTimeOffset.FromUnixTimeSeconds(seconds);
                }

                return DateTimeOffset.UnixEpoch.AddTicks((long)(reader.GetDecimal() * TimeSpan.TicksPerSecond));
            }

            /// <summary>Whole seconds as an integer, as the API sends them; a sub-second part as an exact decimal fraction.</summary>
            internal static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
            {
                var ticks = (value - DateTimeOffset.UnixEpoch).Ticks;
                if (ticks % TimeSpan.TicksPerSecond == 0)
                {
                    writer.WriteNumberValue(ticks / TimeSpan.TicksPerSecond);
                }
                else
                {
                    writer.WriteNumberValue((decimal)ticks / TimeSpan.TicksPerSecond);
                }
            }

            internal static JsonException UnexpectedToken(JsonTokenType token, string expected)
            {
                return new JsonException("Expected " + expected + " but found " + token.ToString() + ".");
            }

            private static ReadOnlySpan<byte> CopyValueBytes(ref Utf8JsonReader reader)
            {
                var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
                return new ReadOnlySpan<byte>(buffer, 0, reader.CopyString(buffer));
            }

            private static JsonElement CreateNull()
            {
                using var document = JsonDocument.Parse("null");
                return document.RootElement.Clone();
            }
        }
        """;

    public static void Emit(SourceWriter writer)
    {
        foreach (var line in Text.Split('\n'))
        {
            writer.WriteLine(line.TrimEnd('\r'));
        }
    }
}
