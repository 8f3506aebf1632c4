using System.Text.Json;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class MultipartTests
{
    [Fact]
    public async Task FilePart_IsStreamed_WithItsNameAndContentType()
    {
        byte[] file = Enumerable.Range(0, 256 * 1024).Select(i => (byte)(i * 7)).ToArray();
        const int GateAt = 128 * 1024;
        var upload = new GatedStream(file, gateAt: GateAt);
        List<ReceivedPart>? parts = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            // Open the gate once part of the file has arrived: only a streaming client can get here.
            parts = await ReceivedPart.ReadAllAsync(context.Request, received =>
            {
                if (received >= GateAt / 2)
                {
                    upload.Open();
                }
            });
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        RequestContent body = new MultipartFormBuilder()
            .Add("purpose", "assistants")
            .AddFile("file", upload, "notes.pdf", "application/pdf")
            .Build();

        Assert.False(body.IsReplayable);
        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/files") { Content = body });

        Assert.True(upload.WasOpenedBeforeEnd);
        Assert.NotNull(parts);
        Assert.Equal(2, parts!.Count);
        Assert.Equal(("purpose", null, "assistants"), (parts[0].Name, parts[0].FileName, parts[0].Text));
        Assert.Null(parts[0].ContentType);
        Assert.Equal("file", parts[1].Name);
        Assert.Equal("notes.pdf", parts[1].FileName);
        Assert.Equal("application/pdf", parts[1].ContentType);
        Assert.Equal(file, parts[1].Body);
    }

    [Fact]
    public async Task Fields_RepeatArrays_FormatValues_AndCarryJson()
    {
        List<ReceivedPart>? parts = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            parts = await ReceivedPart.ReadAllAsync(context.Request);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        RequestContent body = new MultipartFormBuilder()
            .AddFile("file", "RIFF"u8.ToArray(), "speech.wav", "audio/wav")
            .Add("model", "gpt-4o-transcribe")
            .Add("temperature", 0.5)
            .Add("stream", false)
            .Add("language", (string?)null)
            .AddEach("include[]", new[] { "logprobs", "segments" })
            .AddDeepObject("expires_after", new Dictionary<string, string?> { ["anchor"] = "created_at", ["seconds"] = "3600" })
            .AddJson("session", new Greeting { Text = "hi", Count = 1 }, TestJsonContext.Default.Greeting)
            .Build();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/audio/transcriptions") { Content = body });

        Assert.NotNull(parts);
        Assert.Equal(
            new[] { "file", "model", "temperature", "stream", "include[]", "include[]", "expires_after[anchor]", "expires_after[seconds]", "session" },
            parts!.Select(part => part.Name));
        Assert.Equal("RIFF", parts[0].Text);
        Assert.Equal("audio/wav", parts[0].ContentType);
        Assert.Equal(new[] { "gpt-4o-transcribe", "0.5", "false", "logprobs", "segments", "created_at", "3600" }, parts.Skip(1).Take(7).Select(part => part.Text));
        Assert.Equal("application/json", parts[8].ContentType);
        Assert.Equal("hi", JsonDocument.Parse(parts[8].Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Uploads_AndJsonFields_UseTheBracketEncoding_AndNullsAddNothing()
    {
        List<ReceivedPart>? parts = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            parts = await ReceivedPart.ReadAllAsync(context.Request);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var json = JsonDocument.Parse("""{"anchor":"created_at","seconds":3600,"skip":null,"tags":["a",{"k":true}],"note":"x y"}""");
        RequestContent body = new MultipartFormBuilder()
            .AddFile("image", FileUpload.FromBytes("PNG1"u8.ToArray(), "one.png", "image/png"))
            .AddFile("mask", (FileUpload?)null)
            .AddFiles("image[]", new[] { FileUpload.FromBytes("A"u8.ToArray(), "a.png"), FileUpload.FromBytes("B"u8.ToArray(), "b.png", "image/png") })
            .AddFiles("none[]", null)
            .AddJsonField("expires_after", json.RootElement)
            .AddJsonField("empty", JsonDocument.Parse("null").RootElement)
            .AddJsonField("count", JsonDocument.Parse("42").RootElement)
            .Build();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/images/edits") { Content = body });

        Assert.NotNull(parts);
        Assert.Equal(
            new[] { "image", "image[]", "image[]", "expires_after[anchor]", "expires_after[seconds]", "expires_after[tags][]", "expires_after[tags][][k]", "expires_after[note]", "count" },
            parts!.Select(part => part.Name));
        Assert.Equal(("one.png", "image/png", "PNG1"), (parts[0].FileName, parts[0].ContentType, parts[0].Text));
        Assert.Equal(("a.png", "application/octet-stream", "A"), (parts[1].FileName, parts[1].ContentType, parts[1].Text));
        Assert.Equal(("b.png", "image/png", "B"), (parts[2].FileName, parts[2].ContentType, parts[2].Text));
        Assert.Equal(new[] { "created_at", "3600", "a", "true", "x y", "42" }, parts.Skip(3).Select(part => part.Text));
    }

    [Fact]
    public void AnUploadListWithANullItem_IsRefusedBeforeSending()
    {
        var form = new MultipartFormBuilder();
        var refused = Assert.Throws<ArgumentNullException>(() => form.AddFiles("image[]", new FileUpload[] { FileUpload.FromBytes("A"u8.ToArray(), "a.png"), null! }));
        Assert.Equal("files", refused.ParamName);
    }

    [Fact]
    public async Task NonAsciiAndQuotedFileNames_ArriveIntact()
    {
        List<ReceivedPart>? parts = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            parts = await ReceivedPart.ReadAllAsync(context.Request);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        RequestContent body = new MultipartFormBuilder()
            .AddFile("file", "x"u8.ToArray(), "résumé 履歴.txt", "text/plain")
            .AddFile("other", "y"u8.ToArray(), "say \"hi\".txt")
            .Build();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/files") { Content = body });

        Assert.NotNull(parts);
        Assert.Equal("résumé 履歴.txt", parts![0].FileName);
        Assert.Equal("application/octet-stream", parts[1].ContentType);
        // WHATWG form encoding: a quote inside a file name is sent as %22, never as a bare quote.
        Assert.Contains("filename=\"say %22hi%22.txt\"", parts[1].RawDisposition);
    }

    [Fact]
    public async Task SeekableFileParts_AreResentOnRetry()
    {
        var uploads = new List<byte[]>();
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            List<ReceivedPart> parts = await ReceivedPart.ReadAllAsync(context.Request);
            lock (uploads)
            {
                uploads.Add(parts.Single(part => part.Name == "file").Body);
            }

            context.Response.StatusCode = number == 1 ? 500 : 200;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        byte[] file = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        using var stream = new MemoryStream(file);
        RequestContent body = new MultipartFormBuilder().AddFile("file", stream, "data.bin").Build();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/files") { Content = body });

        Assert.Equal(2, uploads.Count);
        Assert.Equal(file, uploads[0]);
        Assert.Equal(file, uploads[1]);
    }

    [Fact]
    public void CallerStream_IsNotDisposed()
    {
        using var stream = new MemoryStream(new byte[10]);
        RequestContent body = new MultipartFormBuilder().AddFile("file", stream, "a.bin").Build();

        using (HttpContent content = body.CreateHttpContent())
        {
            Assert.NotNull(content.Headers.ContentType);
        }

        Assert.True(stream.CanRead);
    }
}
