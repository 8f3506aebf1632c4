using System.Reflection;
using Microsoft.CodeAnalysis;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies: typed from the schema (one parameter per property, as multipart
/// bodies are), written as the media type's <c>encoding</c> says, compiled without warnings and run against an
/// in-memory handler; forms that cannot be typed fall back to a <c>Stream</c> body with a located warning.
/// </summary>
public sealed class FormBodyTests
{
    private const string FormType = "application/x-www-form-urlencoded";

    [Fact]
    public void FormBodyIsTypedWithItsEncodingEntries()
    {
        var model = ParsingHarness.ParseClean(FormBodySpecs.Typed);

        var body = model.Operation("createMessage").Body!;
        Assert.Equal(BodyKind.FormUrlEncoded, body.Kind);
        Assert.Equal(FormType, body.ContentType);
        Assert.Equal(
            [
                new FormFieldEncoding("Piped", FormFieldStyle.PipeDelimited, false, false),
                new FormFieldEncoding("Spaced", FormFieldStyle.SpaceDelimited, false, false),
                new FormFieldEncoding("Tags", FormFieldStyle.Form, false, false),
            ],
            body.FormEncodings);
        var customer = model.Operation("createCustomer").Body!;
        Assert.Contains(new FormFieldEncoding("metadata", FormFieldStyle.DeepObject, true, false), customer.FormEncodings);
        Assert.Contains(new FormFieldEncoding("filter", FormFieldStyle.Form, true, true), customer.FormEncodings);
    }

    [Fact]
    public void JsonIsKeptWhenAlsoOffered()
    {
        var model = ParsingHarness.ParseClean(FormBodySpecs.Typed);

        var both = Assert.Single(model.Operations, o => o.OperationId == "createBoth");
        Assert.Equal(BodyKind.Json, both.Body!.Kind);
    }

    [Fact]
    public void TypedFormClientCompilesWithoutWarnings()
    {
        EmittedSource.AssertCompilesCleanly(Emit(FormBodySpecs.Typed));
    }

    [Fact]
    public async Task ScalarsEnumsAndArraysAreEncodedAsTheirStylesSay()
    {
        var request = await RunAsync("Message");

        Assert.Equal(FormType, request.ContentType);
        Assert.Equal(
            "To=%2B1+555+0100&Body=Hi+%26+bye+%3D+%E2%9C%93&MaxPrice=0.25&Attempts=3&SendOn=2026-12-03&SmartEncoded=true&Priority=high"
                + "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&Tags=a%2Cb&Spaced=1+2&Piped=x%7Cy",
            request.BodyText);
    }

    [Fact]
    public async Task ObjectsMapsAndListsAreNestedOrFlattenedAsTheirStylesSay()
    {
        var request = await RunAsync("Customer");

        Assert.Equal(FormType, request.ContentType);
        Assert.Equal(
            "name=Ada&metadata%5Border%5D=42&metadata%5Bnote%5D=a+b"
                + "&address%5Bline1%5D=1+Main&address%5Bgeo%5D%5Blat%5D=1.5&address%5Bgeo%5D%5Bverified%5D=true"
                + "&expand%5B%5D=customer&expand%5B%5D=invoice"
                + "&items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=p2"
                + "&filter=%7B%22a%22%3A1%7D&R=1&G=2&shade=R%2C3%2CG%2C4",
            request.BodyText);
    }

    [Fact]
    public async Task UnsetFieldsAreLeftOut()
    {
        var request = await RunAsync("EmptyCustomer");

        Assert.Equal(FormType, request.ContentType);
        Assert.Empty(request.Body);
    }

    [Fact]
    public void BinaryPropertyLeavesTheBodyAStreamWithALocatedWarning()
    {
        var parsed = ParsingHarness.Parse(FormBodySpecs.Untypable);

        var body = parsed.Model!.Operation("uploadForm").Body!;
        Assert.Equal((BodyKind.Raw, FormType), (body.Kind, body.ContentType));
        var warning = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER025" && d.MessageArgs.Any(a => a.Contains("'file'", StringComparison.Ordinal)));
        Assert.Equal(LineOf(FormBodySpecs.Untypable, "file: { type: string, format: binary }"), warning.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void NonObjectSchemaLeavesTheBodyAStreamWithAWarning()
    {
        var parsed = ParsingHarness.Parse(FormBodySpecs.Untypable);

        Assert.Equal(BodyKind.Raw, parsed.Model!.Operation("postList").Body!.Kind);
        Assert.Contains(parsed.Diagnostics, d => d.DescriptorId == "TETHER025" && d.MessageArgs.Any(a => a.Contains("not an object", StringComparison.Ordinal)));
    }

    [Fact]
    public void UnsupportedEncodingEntriesAreWarnedAboutAndTheDefaultsUsed()
    {
        var parsed = ParsingHarness.Parse(FormBodySpecs.Untypable);

        var body = parsed.Model!.Operation("postOdd").Body!;
        Assert.Equal(BodyKind.FormUrlEncoded, body.Kind);
        Assert.Contains(new FormFieldEncoding("ids", FormFieldStyle.Form, true, false), body.FormEncodings);
        Assert.DoesNotContain(body.FormEncodings, e => e.Property == "missing");
        var warnings = parsed.Diagnostics.Where(d => d.DescriptorId == "TETHER026").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, d => d.MessageArgs.Any(a => a.Contains("matrix", StringComparison.Ordinal)));
        Assert.Contains(warnings, d => d.MessageArgs.Any(a => a.Contains("image/png", StringComparison.Ordinal)));
        Assert.Contains(warnings, d => d.MessageArgs.Any(a => a.Contains("no such property", StringComparison.Ordinal)));
        Assert.All(warnings, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void UntypableFormsStillCompileWithAStreamBody()
    {
        var files = Emit(FormBodySpecs.Untypable);

        EmittedSource.AssertCompilesCleanly(files);
        var client = string.Concat(files.Select(f => f.Text));
        Assert.Matches(@"UploadFormAsync\(\s*global::System\.IO\.Stream\? body = null", client);
    }

    [SkippableFact]
    public void TwilioFormPostsAllTakeTypedBodiesAndTheClientCompiles()
    {
        var path = ReferenceData.Require(Path.Combine(RepositoryPaths.VendorSpecs, "twilio-api-v2010.yaml"), nameof(TwilioFormPostsAllTakeTypedBodiesAndTheClientCompiles));
        var parsed = SpecParser.Parse(path, Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8), CancellationToken.None);
        var model = parsed.Model!;

        var forms = model.Operations.Where(o => o.Body?.ContentType == FormType).ToList();
        Assert.True(forms.Count > 50, $"only {forms.Count} form operations found");
        Assert.All(forms, o => Assert.Equal(BodyKind.FormUrlEncoded, o.Body!.Kind));
        Assert.DoesNotContain(parsed.Diagnostics, d => d.DescriptorId is "TETHER025" or "TETHER026");

        var files = SourceEmitter.Emit(Spec(model), CancellationToken.None);
        var client = string.Concat(files.Select(f => f.Text));
        Assert.DoesNotContain("RequestContent.Stream(", client, StringComparison.Ordinal);
        Assert.Contains("new global::Tether.FormUrlEncodedBuilder()", client, StringComparison.Ordinal);
        SourceCompiler.AssertClean(SourceCompiler.Compile(EmittedSource.WithClient(files), SourceCompiler.Net100References));
    }

    private static IReadOnlyList<GeneratedFile> Emit(string specText)
    {
        var parsed = ParsingHarness.Parse(specText);
        Assert.NotNull(parsed.Model);
        return SourceEmitter.Emit(Spec(parsed.Model!), CancellationToken.None);
    }

    private static ClientSpec Spec(ApiModel model) => new(
        new ClientTarget("Demo", "DemoClient", "public", ParsingHarness.SpecPath, null, IsValid: true, EquatableArray<DiagnosticInfo>.Empty, ClientSelection.Everything),
        model);

    private static async Task<RecordedRequest> RunAsync(string driverMethod)
    {
        using var assembly = SourceCompiler.CompileAndLoad(EmittedSource.WithClient(Emit(FormBodySpecs.Typed)).Append(("Driver.cs", DriverSource)));
        var handler = new RecordingHandler().RespondJson("""{"sid":"x"}""");
        var method = assembly.GetType("Demo.Driver").GetMethod(driverMethod, BindingFlags.Public | BindingFlags.Static)!;
        await (Task)method.Invoke(null, [handler])!;
        return Assert.Single(handler.Requests);
    }

    private static int LineOf(string text, string fragment) =>
        text.Replace("\r\n", "\n").Split('\n').ToList().FindIndex(line => line.Contains(fragment, StringComparison.Ordinal));

    private const string DriverSource = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Demo.DemoClientModels;

        namespace Demo;

        /// <summary>Calls into the generated client as a user writes them.</summary>
        public static class Driver
        {
            /// <summary>Scalars, an enum and arrays in each style.</summary>
            public static async Task Message(HttpMessageHandler handler)
            {
                using var client = new DemoClient(handler, new DemoClientOptions { MaxRetries = 0 });
                await client.CreateMessageAsync(
                    "+1 555 0100",
                    "Hi & bye = ✓",
                    maxPrice: 0.25,
                    attempts: 3,
                    sendOn: "2026-12-03",
                    smartEncoded: true,
                    priority: Priority.High,
                    statusCallbackEvent: new List<string> { "initiated", "ringing" },
                    tags: new List<string> { "a", "b" },
                    spaced: new List<long> { 1, 2 },
                    piped: new List<string> { "x", "y" });
            }

            /// <summary>Objects, maps and lists, nested, flattened and as JSON.</summary>
            public static async Task Customer(HttpMessageHandler handler)
            {
                using var client = new DemoClient(handler, new DemoClientOptions { MaxRetries = 0 });
                await client.CreateCustomerAsync(
                    name: "Ada",
                    metadata: new Dictionary<string, string> { ["order"] = "42", ["note"] = "a b" },
                    address: new Address { Line1 = "1 Main", Geo = new Geo { Lat = 1.5, Verified = true } },
                    expand: new List<string> { "customer", "invoice" },
                    items: new List<LineItem> { new() { Price = "p1", Quantity = 2 }, new() { Price = "p2" } },
                    filter: new Filter { A = 1 },
                    color: new Color { R = 1, G = 2 },
                    shade: new Color { R = 3, G = 4 });
            }

            /// <summary>Every field left out.</summary>
            public static async Task EmptyCustomer(HttpMessageHandler handler)
            {
                using var client = new DemoClient(handler, new DemoClientOptions { MaxRetries = 0 });
                await client.CreateCustomerAsync();
            }
        }
        """;
}
