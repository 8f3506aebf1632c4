using System.Reflection;
using System.Text.Json;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The client emitted for <see cref="ClientDemoSpec"/>, compiled together with typed calling code (as a user would
/// write it) and run against an in-memory handler: what goes on the wire for each kind of parameter and body.
/// </summary>
public sealed class ClientBehaviorTests(ClientBehaviorTests.CompiledClient compiled) : IClassFixture<ClientBehaviorTests.CompiledClient>
{
    private const string BaseUrl = ClientDemoSpec.ServerUrl;

    [Fact]
    public async Task PathSegmentsAreEscapedAndQueryAndHeadersAreSent()
    {
        var handler = new RecordingHandler().RespondJson("""{"id":"t1","object":"thing"}""");

        var id = await compiled.RunAsync("GetThing", handler);

        Assert.Equal("t1", id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        // "../a b/c" stays one segment; include[] is repeated, with unknown enum values passed through.
        Assert.Equal(BaseUrl + "/things/..%2Fa%20b%2Fc?version=3&include%5B%5D=asc&include%5B%5D=newest", request.Uri.AbsoluteUri);
        Assert.Equal("trace-1", request.Header("x-trace"));
        Assert.Equal("Bearer sk-user", request.Header("Authorization"));
    }

    [Fact]
    public async Task OptionalQueryParametersAreLeftOutAndDeepObjectsUseBrackets()
    {
        var handler = new RecordingHandler()
            .RespondJson("""[{"id":"a","object":"thing"},{"id":"b","object":"thing"}]""")
            .RespondJson("[]");

        var ids = await compiled.RunAsync("ListThings", handler);

        Assert.Equal("a,b|", ids);
        Assert.Equal(BaseUrl + "/things?limit=5&order=desc&metadata%5Bproject%5D=a%26b", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(BaseUrl + "/things", handler.Requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task FixedQueryAndCommaSeparatedHeaderAreSentAndAMissingOptionalBodySendsNone()
    {
        var handler = new RecordingHandler().RespondJson("""{"id":"beta","object":"thing"}""");

        Assert.Equal("beta", await compiled.RunAsync("CreateBeta", handler));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(BaseUrl + "/things?beta=true", request.Uri.AbsoluteUri);
        Assert.Equal("assistants=v2,x", request.Header("openai-beta"));
        Assert.Empty(request.Body);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public async Task OperationsOfTheAdminSchemeSendTheAdminKey()
    {
        var handler = new RecordingHandler();

        await compiled.RunAsync("AdminPing", handler);

        Assert.Equal("Bearer sk-admin", Assert.Single(handler.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task StreamingMethodSendsTheFlagWithoutChangingTheCallersObject()
    {
        var handler = new RecordingHandler().Respond(
            "text/event-stream",
            "data: {\"type\":\"delta\",\"delta\":\"Hel\"}\n\ndata: {\"type\":\"delta\",\"delta\":\"lo\"}\n\ndata: [DONE]\n\n");

        var result = await compiled.RunAsync("StreamThing", handler);

        Assert.Equal("delta:Hel|delta:lo;stream=unset", result);
        var request = Assert.Single(handler.Requests);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("n", json.RootElement.GetProperty("name").GetString());
        Assert.True(json.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
        Assert.Equal("text/event-stream", request.Header("Accept"));
    }

    [Fact]
    public async Task PlainMethodRefusesABodyThatAsksForAStream()
    {
        var handler = new RecordingHandler();

        var result = await compiled.RunAsync("PlainWithStreamTrue", handler);

        Assert.StartsWith("body:", result, StringComparison.Ordinal);
        Assert.Contains("CreateThingStreamingAsync", result, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task MultipartFieldsFilesAndObjectsArePartsOfTheForm()
    {
        var handler = new RecordingHandler().RespondJson("""{"id":"file-1","object":"thing"}""");

        Assert.Equal("file-1", await compiled.RunAsync("Upload", handler));

        var parts = MultipartParts.Parse(Assert.Single(handler.Requests));
        Assert.Equal(
            ["kind", "file", "purpose", "expires_after[anchor]", "expires_after[seconds]", "tags[]", "tags[]", "images[]", "images[]", "temperature", "default"],
            parts.Select(p => p.Name));
        var byName = parts.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal("upload", byName["kind"][0].Text);
        var file = byName["file"][0];
        Assert.Equal(("notes.txt", "text/plain", "hello"), (file.FileName, file.ContentType, file.Text));
        Assert.Equal("batch", byName["purpose"][0].Text);
        Assert.Equal("created_at", byName["expires_after[anchor]"][0].Text);
        Assert.Equal("3600", byName["expires_after[seconds]"][0].Text);
        Assert.Equal(["x", "y"], byName["tags[]"].Select(p => p.Text));
        Assert.Equal(["a.png", "b.png"], byName["images[]"].Select(p => p.FileName));
        Assert.Equal([1, 2], byName["images[]"][0].Content);
        Assert.Equal("0.5", byName["temperature"][0].Text);
        Assert.Equal("true", byName["default"][0].Text);
        Assert.DoesNotContain(parts, p => p.Name == "stream");
    }

    [Fact]
    public async Task StreamingMultipartMethodAddsTheStreamField()
    {
        var handler = new RecordingHandler().Respond("text/event-stream", "data: {\"type\":\"done\"}\n\n");

        Assert.Equal("done", await compiled.RunAsync("UploadStreaming", handler));

        var parts = MultipartParts.Parse(Assert.Single(handler.Requests));
        Assert.Equal("true", Assert.Single(parts, p => p.Name == "stream").Text);
    }

    [Fact]
    public async Task RawTextBodyIsSentWithItsContentType()
    {
        var handler = new RecordingHandler().RespondJson("\"answer\"");

        Assert.Equal("answer", await compiled.RunAsync("SendSdp", handler));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("v=0\r\n", request.BodyText);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task BinaryResponseIsAStreamAndEmptyResponseCompletes()
    {
        var handler = new RecordingHandler().Respond("application/octet-stream", "bytes!");

        Assert.Equal("bytes!|application/octet-stream|deleted", await compiled.RunAsync("DownloadThenDelete", handler));

        Assert.Equal(BaseUrl + "/files/file-1/content", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Delete, handler.Requests[1].Method);
    }

    [Fact]
    public async Task MissingKeyFailsBeforeSendingAndNamesBothWaysToSetIt()
    {
        var handler = new RecordingHandler();

        var message = await compiled.RunAsync("MissingKey", handler);

        Assert.Contains("DemoClientOptions.ApiKey", message, StringComparison.Ordinal);
        Assert.Contains("TETHER_TEST_NEVER_SET_KEY", message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void DefaultsComeFromTheSpec()
    {
        Assert.Equal(BaseUrl + "|DEMO_API_KEY|DEMO_ADMIN_API_KEY", compiled.RunSync("Defaults"));
    }

    /// <summary>The demo client plus <see cref="DriverSource"/>, compiled once (warning-free) and loaded for all tests.</summary>
    public sealed class CompiledClient : IDisposable
    {
        private readonly LoadedAssembly _assembly;

        public CompiledClient()
        {
            var files = SourceEmitter.Emit(ClientDemoSpec.Spec(), CancellationToken.None);
            _assembly = SourceCompiler.CompileAndLoad(EmittedSource.WithClient(files).Append(("Driver.cs", DriverSource)));
        }

        public async Task<string> RunAsync(string method, HttpMessageHandler handler)
        {
            var task = (Task<string>)Method(method).Invoke(null, [handler])!;
            return await task;
        }

        public string RunSync(string method) => (string)Method(method).Invoke(null, null)!;

        public void Dispose() => _assembly.Dispose();

        private MethodInfo Method(string name) =>
            _assembly.GetType("Demo.Driver").GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("No driver method " + name);
    }

    /// <summary>Calls as a user writes them against the generated API; each returns what the test checks.</summary>
    private const string DriverSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Demo.DemoClientModels;
        using Tether;

        namespace Demo;

        /// <summary>Calls into the generated client.</summary>
        public static class Driver
        {
            private static DemoClient Create(HttpMessageHandler handler) =>
                new(handler, new DemoClientOptions { ApiKey = "sk-user", AdminApiKey = "sk-admin", MaxRetries = 0 });

            /// <summary>Path, query array and header.</summary>
            public static async Task<string> GetThing(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var thing = await client.Things.GetThingAsync("../a b/c", 3, new List<SortOrder> { SortOrder.Asc, "newest" }, "trace-1");
                return thing.Id;
            }

            /// <summary>Optional query parameters, set and unset.</summary>
            public static async Task<string> ListThings(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var things = await client.Things.ListThingsAsync(limit: 5, order: SortOrder.Desc, metadata: new Dictionary<string, string> { ["project"] = "a&b" });
                var none = await client.Things.ListThingsAsync();
                return string.Join(",", things.Select(t => t.Id)) + "|" + string.Join(",", none.Select(t => t.Id));
            }

            /// <summary>Fixed query, header list, no body.</summary>
            public static async Task<string> CreateBeta(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var thing = await client.CreateBetaThingAsync(openaiBeta: new[] { "assistants=v2", "x" });
                return thing.Id;
            }

            /// <summary>The admin scheme.</summary>
            public static async Task<string> AdminPing(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                await client.AdminPingAsync();
                return "ok";
            }

            /// <summary>Events, and the caller's object afterwards.</summary>
            public static async Task<string> StreamThing(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var body = new CreateThingRequest { Name = "n" };
                var events = new List<string>();
                await foreach (var item in client.Things.CreateThingStreamingAsync(body))
                {
                    events.Add(item.Type + ":" + item.Delta);
                }

                return string.Join("|", events) + ";stream=" + (body.Stream is { } flag ? flag.ToString() : "unset");
            }

            /// <summary>The plain method with a body asking for a stream.</summary>
            public static async Task<string> PlainWithStreamTrue(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                try
                {
                    await client.Things.CreateThingAsync(new CreateThingRequest { Name = "n", Stream = true });
                    return "no exception";
                }
                catch (ArgumentException exception)
                {
                    return exception.ParamName + ":" + exception.Message;
                }
            }

            /// <summary>Every kind of form field.</summary>
            public static async Task<string> Upload(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var thing = await client.Files.UploadFileAsync(
                    FileUpload.FromBytes(Encoding.UTF8.GetBytes("hello"), "notes.txt", "text/plain"),
                    FilePurpose.Batch,
                    expiresAfter: new ExpiresAfter { Seconds = 3600 },
                    tags: new List<string> { "x", "y" },
                    images: new[] { FileUpload.FromBytes(new byte[] { 1, 2 }, "a.png", "image/png"), FileUpload.FromBytes(new byte[] { 3 }, "b.png", "image/png") },
                    temperature: 0.5,
                    @default: true);
                return thing.Id;
            }

            /// <summary>The streaming variant of a multipart operation.</summary>
            public static async Task<string> UploadStreaming(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                var types = new List<string>();
                await foreach (var item in client.Files.UploadFileStreamingAsync(new FileUpload(new MemoryStream(new byte[] { 7 }), "x.bin"), FilePurpose.Assistants))
                {
                    types.Add(item.Type);
                }

                return string.Join("|", types);
            }

            /// <summary>A raw text body.</summary>
            public static Task<string> SendSdp(HttpMessageHandler handler)
            {
                var client = Create(handler);
                return client.SendSdpAsync("v=0\r\n");
            }

            /// <summary>A binary response, then an empty one.</summary>
            public static async Task<string> DownloadThenDelete(HttpMessageHandler handler)
            {
                using var client = Create(handler);
                string text;
                string? contentType;
                await using (var content = await client.Files.DownloadFileAsync("file-1"))
                {
                    contentType = content.ContentType;
                    using var reader = new StreamReader(content);
                    text = await reader.ReadToEndAsync();
                }

        #pragma warning disable CS0618 // the operation is deprecated in the spec
                await client.Things.DeleteThingAsync("t1");
        #pragma warning restore CS0618
                return text + "|" + contentType?.Split(';')[0] + "|deleted";
            }

            /// <summary>No key in the options and none in the environment.</summary>
            public static async Task<string> MissingKey(HttpMessageHandler handler)
            {
                using var client = new DemoClient(handler, new DemoClientOptions { ApiKeyEnvironmentVariable = "TETHER_TEST_NEVER_SET_KEY" });
                try
                {
                    await client.Things.ListThingsAsync();
                    return "no exception";
                }
                catch (TetherCredentialException exception)
                {
                    return exception.Message;
                }
            }

            /// <summary>The defaults the options take from the spec.</summary>
            public static string Defaults()
            {
                var options = new DemoClientOptions();
                return options.BaseAddress + "|" + options.ApiKeyEnvironmentVariable + "|" + options.AdminApiKeyEnvironmentVariable;
            }
        }
        """;
}
