using System.Security.Cryptography;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// Image edits are offered as JSON (images by URL or file id) and as multipart (image files uploaded): the client has
/// a method for each, and the multipart one sends the files byte for byte.
/// </summary>
public sealed class ImageEditTests
{
    private const string ImagesJson = """
        {"created":1713833628,"data":[{"b64_json":"aGVsbG8="}],"usage":{"total_tokens":100,"input_tokens":50,"output_tokens":50,"input_tokens_details":{"text_tokens":10,"image_tokens":40}}}
        """;

    [Fact]
    public async Task MultipartForm_UploadsTheImageAndMaskAsFilesWithTheOtherFields()
    {
        var image = RandomNumberGenerator.GetBytes(120_000);
        var mask = RandomNumberGenerator.GetBytes(30_000);
        var files = new Dictionary<string, (string FileName, string ContentType, byte[] Bytes)>();
        var fields = new Dictionary<string, string>();
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var file in form.Files)
            {
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy, context.RequestAborted);
                files[file.Name] = (file.FileName, file.ContentType, copy.ToArray());
            }

            foreach (var field in form)
            {
                fields[field.Key] = field.Value.ToString();
            }

            await FakeOpenAIServer.WriteJsonAsync(context, ImagesJson);
        });
        using var client = TestClients.Create(server);

        await using var imageStream = new MemoryStream(image);
        await using var maskStream = new MemoryStream(mask);
        var result = await client.Images.CreateImageEditMultipartAsync(
            [new FileUpload(imageStream, "otter.png", "image/png")],
            "A cute baby sea otter wearing a beret",
            mask: new FileUpload(maskStream, "mask.png", "image/png"),
            model: "gpt-image-1",
            n: 2);

        Assert.Equal("aGVsbG8=", Assert.Single(result.Data!).B64Json);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/images/edits"), (request.Method, request.RawTarget));
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        // An array of files goes as repeated `image[]` parts, as the API documents for several images.
        Assert.True(files.ContainsKey("image[]"), "file fields: " + string.Join(", ", files.Keys) + "; other fields: " + string.Join(", ", fields.Keys));
        Assert.Equal(("otter.png", "image/png"), (files["image[]"].FileName, files["image[]"].ContentType));
        Assert.Equal(image, files["image[]"].Bytes);
        Assert.Equal(mask, files["mask"].Bytes);
        Assert.Equal("A cute baby sea otter wearing a beret", fields["prompt"]);
        Assert.Equal("gpt-image-1", fields["model"]);
        Assert.Equal("2", fields["n"]);
    }

    [Fact]
    public async Task JsonForm_ReferencesImagesByUrl()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ImagesJson);
        using var client = TestClients.Create(server);

        await client.Images.CreateImageEditAsync(new M.EditImageBodyJsonParam
        {
            Images = [new M.ImageRefParam { ImageUrl = "https://example.com/otter.png" }],
            Prompt = "A cute baby sea otter wearing a beret",
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/json", request.ContentType?.Split(';')[0]);
        JsonAssert.Equal("""{"images":[{"image_url":"https://example.com/otter.png"}],"prompt":"A cute baby sea otter wearing a beret"}""", request.BodyText);
    }
}
