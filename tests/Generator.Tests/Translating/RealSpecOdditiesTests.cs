using Microsoft.CodeAnalysis;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>
/// What real vendor specs do that small examples rarely do, each in a spec of its own: the whole generator must run
/// without a warning and the client compile without one, with sensible names.
/// </summary>
public sealed class RealSpecOdditiesTests
{
    private static ApiModel GeneratesCleanly(string spec)
    {
        var run = SpecGeneration.Run("odd.yaml", spec);
        Assert.Null(run.Result.Exception);
        var warnings = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, "generator: " + string.Join("\n", warnings));
        var (problems, _) = run.Compile();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10).Select(SourceCompiler.Describe)));
        return ParseClean(spec);
    }

    private static string WithPaths(string paths, string schemas = "{}", string version = "3.0.3") => $$"""
        openapi: {{version}}
        info: { title: Odd, version: "1" }
        paths:
        {{Indent(paths, 2)}}
        components:
          schemas:
        {{Indent(schemas, 4)}}
        """;

    [Fact]
    public void RangeAndDefaultStatusCodesAreTheSuccessAndErrorResponses()
    {
        var model = GeneratesCleanly(WithPaths("""
            /items:
              get:
                operationId: listItems
                responses:
                  2XX:
                    description: ok
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/Item" }
                  4XX:
                    description: client error
                    content:
                      application/json:
                        schema: { type: object, properties: { message: { type: string } } }
                  default:
                    description: other
            """, """
            Item:
              type: object
              properties:
                id: { type: string }
            """));

        var operation = Assert.Single(model.Operations);
        Assert.Equal(ResponseKind.Json, operation.Response.Kind);
        Assert.Equal(TypeRef.Named("Item", NamedTypeKind.Object), operation.Response.Type);
    }

    [Fact]
    public void OperationsWithoutOperationIdGetStableDistinctNamesFromMethodAndPath()
    {
        const string paths = """
            /users:
              get: { responses: { "200": { description: ok } } }
              post: { responses: { "201": { description: ok } } }
            /users/{id}:
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              get: { responses: { "200": { description: ok } } }
              delete: { responses: { "204": { description: ok } } }
            /users/{id}/keys.json:
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              get: { responses: { "200": { description: ok } } }
            """;
        var model = GeneratesCleanly(WithPaths(paths));

        var names = model.Operations.Select(operation => operation.MethodName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Za-z0-9]*Async$", name));
        Assert.Equal(names, ParseClean(WithPaths(paths)).Operations.Select(operation => operation.MethodName));
    }

    [Fact]
    public void AwkwardSchemaAndPropertyNamesBecomeIdentifiers()
    {
        var model = GeneratesCleanly(WithPaths("{}", """
            com.example.Reaction.v1:
              type: object
              properties:
                "+1": { type: integer }
                "-1": { type: integer }
                application/json: { type: string }
                "": { type: string }
                files[0]: { type: string }
                files[1]: { type: string }
            """));

        var reaction = Assert.Single(model.Types.OfType<ObjectTypeModel>());
        Assert.Matches("^[A-Z][A-Za-z0-9]*$", reaction.Name);
        Assert.Equal(6, reaction.Properties.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(reaction.Properties, p => Assert.Matches("^[A-Z_][A-Za-z0-9_]*$", p.Name));
    }

    [Fact]
    public void EmptyStringAndYaml11BooleanLikeEnumValuesStayStrings()
    {
        var model = GeneratesCleanly(WithPaths("{}", """
            Blank:
              type: object
              properties:
                only_empty: { type: string, enum: [""] }
                empty_or_auto: { type: string, enum: ["", auto] }
            Switch:
              type: string
              enum: [on, off, yes, no]
            """));

        var switchEnum = model.Type<EnumTypeModel>("Switch");
        Assert.Equal(new[] { "on", "off", "yes", "no" }, switchEnum.Members.Select(m => m.Value));
        var blank = model.Type<ObjectTypeModel>("Blank");
        Assert.Equal(TypeRef.String, blank.Property("only_empty").Type);
        Assert.Contains(model.Types.OfType<EnumTypeModel>(), e => e.Members.Any(m => m.Value.Length == 0));
    }

    [Fact]
    public void SelfReferencingSchemasDirectlyAndThroughArraysAndMaps()
    {
        var model = GeneratesCleanly(WithPaths("{}", """
            Node:
              type: object
              properties:
                parent: { $ref: "#/components/schemas/Node" }
                children: { type: array, items: { $ref: "#/components/schemas/Node" } }
                by_name: { type: object, additionalProperties: { $ref: "#/components/schemas/Node" } }
            """));

        var node = model.Type<ObjectTypeModel>("Node");
        var self = TypeRef.Named("Node", NamedTypeKind.Object);
        Assert.Equal(self, node.Property("parent").Type);
        Assert.Equal(TypeRef.ArrayOf(self), node.Property("children").Type);
        Assert.Equal(TypeRef.MapOf(self), node.Property("by_name").Type);
    }

    [Fact]
    public void QueryParameterWithContentInsteadOfSchema()
    {
        var model = GeneratesCleanly(WithPaths("""
            /search:
              get:
                operationId: search
                parameters:
                  - name: filter
                    in: query
                    content:
                      application/json:
                        schema: { type: object, properties: { term: { type: string } } }
                responses: { "200": { description: ok } }
            """));

        var parameter = Assert.Single(Assert.Single(model.Operations).Parameters);
        Assert.Equal("filter", parameter.Name);
    }

    [Fact]
    public void DefsPrefixItemsAndPropertyNames()
    {
        var model = GeneratesCleanly(WithPaths("{}", """
            Shape:
              type: object
              $defs:
                Point:
                  type: object
                  properties:
                    x: { type: number }
              properties:
                origin: { $ref: "#/components/schemas/Shape/$defs/Point" }
                pair:
                  type: array
                  prefixItems: [{ type: string }, { type: integer }]
                labels:
                  type: object
                  propertyNames: { pattern: "^[a-z]+$" }
                  additionalProperties: { type: string }
            """, "3.1.0"));

        var shape = model.Type<ObjectTypeModel>("Shape");
        Assert.Equal(TypeRefKind.Named, shape.Property("origin").Type.Kind);
        Assert.Equal(TypeRefKind.Array, shape.Property("pair").Type.Kind);
        Assert.Equal(TypeRef.MapOf(TypeRef.String), shape.Property("labels").Type);
    }
}
