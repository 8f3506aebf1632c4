using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Consumer.OpenAIClientModels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tether;

namespace Consumer;

/// <summary>The OpenAI client, generated at build time by the Tether.Generator package.</summary>
[GenerateClient("openapi/openai.yaml")]
public partial class OpenAIClient
{
}

/// <summary>Calls the server at args[0] three ways and prints what came back, one labelled line each.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Consumer <base address> <question>");
            return 2;
        }

        var baseAddress = new Uri(args[0]);
        string question = args[1];

        var options = new OpenAIClientOptions { BaseAddress = baseAddress, ApiKey = "sk-consumer", MaxRetries = 0 };
        using var client = new OpenAIClient(options);
        CreateChatCompletionResponse completion = await client.Chat.CreateChatCompletionAsync(Request(question));
        Console.WriteLine("answer: " + completion.Choices[0].Message.Content);

        var streamed = new StringBuilder();
        await foreach (CreateChatCompletionStreamResponse chunk in client.Chat.CreateChatCompletionStreamingAsync(Request(question)))
        {
            foreach (CreateChatCompletionStreamResponseChoicesItem choice in chunk.Choices)
            {
                streamed.Append(choice.Delta.Content);
            }
        }

        Console.WriteLine("streamed: " + streamed);

        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OpenAI:BaseAddress"] = baseAddress.ToString(),
                ["OpenAI:ApiKey"] = "sk-from-configuration",
                ["OpenAI:MaxRetries"] = "0",
                ["OpenAI:KeepAlive:Time"] = "30",
            })
            .Build();
        var services = new ServiceCollection();
        // Generated because the consumer references Tether.Extensions.Http.
        services.AddOpenAIClient(configuration.GetSection("OpenAI"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        OpenAIClient injected = provider.GetRequiredService<OpenAIClient>();
        CreateChatCompletionResponse injectedCompletion = await injected.Chat.CreateChatCompletionAsync(Request(question + " (DI)"));
        Console.WriteLine("di answer: " + injectedCompletion.Choices[0].Message.Content);

        // Generated because the consumer references Tether.Extensions.AI.
        IChatClient chat = client.AsIChatClient("gpt-test");
        ChatResponse response = await chat.GetResponseAsync(question + " (MEAI)");
        Console.WriteLine("meai answer: " + response.Text);
        return 0;
    }

    private static CreateChatCompletionRequest Request(string question) => new()
    {
        Model = "gpt-test",
        Messages = [new ChatCompletionRequestUserMessage { Content = question }],
    };
}
