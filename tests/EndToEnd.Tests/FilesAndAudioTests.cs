using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>Multipart upload, list with query parameters, delete, path escaping and a binary (audio) response.</summary>
public sealed class FilesAndAudioTests
{
    private const string FileJson = """
        {"id":"file-abc123","object":"file","bytes":140,"created_at":1613779121,"expires_at":1613782721,"filename":"mydata.jsonl","purpose":"fine-tune","status":"processed"}
        """;

    [Fact]
    public async Task UploadFile_StreamsTheFileAsAPartWithItsNameAndContentType()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        string? fileName = null;
        string? contentType = null;
        byte[]? received = null;
        var fields = new Dictionary<string, string>();
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = Assert.Single(form.Files);
            (fileName, contentType) = (file.FileName, file.ContentType);
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, context.RequestAborted);
            received = copy.ToArray();
            foreach (var field in form)
            {
                fields[field.Key] = field.Value.ToString();
            }

            await FakeOpenAIServer.WriteJsonAsync(context, FileJson);
        });
        using var client = TestClients.Create(server);

        await using var upload = new MemoryStream(bytes);
        var file = await client.Files.CreateFileAsync(
            new FileUpload(upload, "mydata.jsonl", "application/jsonl"),
            M.CreateFileRequestPurpose.FineTune,
            expiresAfter: new M.FileExpirationAfter { Seconds = 3600 });

        Assert.Equal("file-abc123", file.Id);
        Assert.Equal("mydata.jsonl", file.Filename);
        Assert.Equal(("mydata.jsonl", "application/jsonl"), (fileName, contentType));
        Assert.Equal(bytes, received);
        Assert.Equal("fine-tune", fields["purpose"]);
        Assert.Equal("created_at", fields["expires_after[anchor]"]);
        Assert.Equal("3600", fields["expires_after[seconds]"]);
        Assert.Equal(3, fields.Count);
        Assert.StartsWith("multipart/form-data; boundary=", Assert.Single(server.Requests).ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFiles_SendsTheSetQueryParametersOnly()
    {
        await using var server = await FakeOpenAIServer.StartAsync(
            """{"object":"list","data":[""" + FileJson + """],"first_id":"file-abc123","last_id":"file-abc123","has_more":false}""");
        using var client = TestClients.Create(server);

        var page = await client.Files.ListFilesAsync(purpose: "fine-tune", limit: 2, order: M.ListFilesOrder.Asc, after: "file a&b");
        var all = await client.Files.ListFilesAsync();

        Assert.Equal("file-abc123", Assert.Single(page.Data).Id);
        Assert.False(page.HasMore);
        Assert.Single(all.Data);
        Assert.Equal("/v1/files?purpose=fine-tune&limit=2&order=asc&after=file%20a%26b", server.Requests[0].RawTarget);
        Assert.Equal("/v1/files", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task DeleteFile_UsesDeleteAndKeepsTheIdInsideItsPathSegment()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"id":"file-abc123","object":"file","deleted":true}""");
        using var client = TestClients.Create(server);

        var deleted = await client.Files.DeleteFileAsync("file-abc123");
        await client.Files.DeleteFileAsync("../models");
        await client.Files.DeleteFileAsync("a/b?c#d");

        Assert.True(deleted.Deleted);
        Assert.Equal(["DELETE", "DELETE", "DELETE"], server.Requests.Select(r => r.Method));
        Assert.Equal(["/v1/files/file-abc123", "/v1/files/..%2Fmodels", "/v1/files/a%2Fb%3Fc%23d"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task CreateSpeech_ReturnsTheAudioAsAStream()
    {
        var audio = RandomNumberGenerator.GetBytes(200_000);
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "audio/mpeg";
            await context.Response.Body.WriteAsync(audio, context.RequestAborted);
        });
        using var client = TestClients.Create(server);

        await using var speech = await client.Audio.CreateSpeechAsync(new M.CreateSpeechRequest
        {
            Model = "gpt-4o-mini-tts",
            Input = "Today is a wonderful day to build something people love!",
            Voice = M.VoiceIdsShared.Coral,
        });
        using var copy = new MemoryStream();
        await speech.CopyToAsync(copy);

        Assert.Equal("audio/mpeg", speech.ContentType);
        Assert.Equal(audio, copy.ToArray());
        JsonAssert.Equal(
            """{"model":"gpt-4o-mini-tts","input":"Today is a wonderful day to build something people love!","voice":"coral"}""",
            Assert.Single(server.Requests).BodyText);
    }
}
