using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Reading;

/// <summary>
/// 3.1 keywords in a 3.0 document (Hugging Face TGI writes <c>exclusiveMinimum: 0</c> in its 3.0.3 spec): read as
/// 3.1 means them, with a TETHER021 info at the keyword's own line, instead of a fatal error for the whole spec.
/// </summary>
public sealed class CrossVersionKeywordTests
{
    private const string Schemas = """
        Params:
          type: object
          properties:
            temperature:
              type: number
              exclusiveMinimum: 0
              exclusiveMaximum: 2.5
            label:
              type: [string, 'null']
            count: { type: integer }
        """;

    [Fact]
    public void Numeric_exclusive_bounds_and_type_lists_in_a_3_0_spec_are_read_and_each_said_where()
    {
        var parsed = Parse(WithSchemas(Schemas, version: "3.0.3"));

        Assert.True(parsed.Model is not null, string.Join("; ", parsed.Diagnostics.Select(Describe)));
        Assert.DoesNotContain(parsed.Diagnostics, d => Severity(d) != Microsoft.CodeAnalysis.DiagnosticSeverity.Info);
        var type = parsed.Model!.Type<ObjectTypeModel>("Params");
        Assert.Equal(TypeRef.Double, type.Property("temperature").Type);
        var label = type.Property("label");
        Assert.Equal((TypeRef.String, true), (label.Type, label.Nullable));
        Assert.Equal(TypeRef.Int64, type.Property("count").Type);

        var infos = parsed.Diagnostics.Where(d => d.DescriptorId == "TETHER021").ToList();
        Assert.Equal(3, infos.Count);
        // Lines are 0-based: the keywords sit on lines 10, 11 and 13 of the document.
        Assert.Equal([10, 11, 13], infos.Select(d => d.Location!.LineSpan.Start.Line).Order());
        Assert.Contains(infos, d => d.MessageArgs.Contains("exclusiveMinimum: 0") && d.MessageArgs.Contains("minimum: 0 with exclusiveMinimum: true"));
        Assert.Contains(infos, d => d.MessageArgs.Contains("type: [string, null]"));
    }

    [Fact]
    public void The_same_spec_declared_3_1_needs_no_rewrite()
    {
        var parsed = Parse(WithSchemas(Schemas, version: "3.1.0"));

        Assert.NotNull(parsed.Model);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.DescriptorId == "TETHER021");
        Assert.True(parsed.Model!.Type<ObjectTypeModel>("Params").Property("label").Nullable);
    }

    [Fact]
    public void Example_values_are_data_and_are_left_alone()
    {
        var parsed = Parse(WithSchemas("""
            Thing:
              type: object
              properties:
                shape: { type: string }
              example:
                shape: box
                type: [a, b]
            """, version: "3.0.3"));

        Assert.NotNull(parsed.Model);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.DescriptorId == "TETHER021");
    }
}
