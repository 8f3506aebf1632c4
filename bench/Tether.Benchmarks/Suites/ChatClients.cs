using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Net.Http;
using OpenAI.Chat;
using Tether.Benchmarks.Payloads;
using Tether.Benchmarks.OpenAIClientModels;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// The three ways of calling the chat endpoint that the suites compare, each set up as its documentation suggests for
/// an application: Tether's generated client on its own keepalive transport, the official SDK's <see cref="ChatClient"/>
/// on its default transport, and a bare <see cref="HttpClient"/> as the floor.
/// </summary>
internal sealed class ChatClients : IDisposable
{
    public ChatClients(Uri baseAddress)
    {
        TetherClient = new OpenAIClient(new OpenAIClientOptions { BaseAddress = baseAddress, ApiKey = ChatPayloads.ApiKey });
        SdkClient = new ChatClient(
            ChatPayloads.Model,
            new ApiKeyCredential(ChatPayloads.ApiKey),
            new OpenAI.OpenAIClientOptions { Endpoint = baseAddress });
        RawClient = new HttpClient { BaseAddress = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/") };
        RawClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ChatPayloads.ApiKey);
    }

    public OpenAIClient TetherClient { get; }

    public ChatClient SdkClient { get; }

    public HttpClient RawClient { get; }

    /// <summary>The request as an application builds it for each call with Tether's models.</summary>
    public static CreateChatCompletionRequest TetherRequest() => new()
    {
        Model = ChatPayloads.Model,
        Messages =
        [
            new ChatCompletionRequestSystemMessage { Content = ChatPayloads.SystemPrompt },
            new ChatCompletionRequestUserMessage { Content = ChatPayloads.UserPrompt },
        ],
        Temperature = ChatPayloads.Temperature,
        MaxCompletionTokens = ChatPayloads.MaxCompletionTokens,
    };

    /// <summary>The same request as an application builds it for each call with the SDK.</summary>
    public static List<ChatMessage> SdkMessages() =>
    [
        new SystemChatMessage(ChatPayloads.SystemPrompt),
        new UserChatMessage(ChatPayloads.UserPrompt),
    ];

    public static ChatCompletionOptions SdkOptions() => new()
    {
        Temperature = (float)ChatPayloads.Temperature,
        MaxOutputTokenCount = ChatPayloads.MaxCompletionTokens,
    };

    public void Dispose()
    {
        TetherClient.Dispose();
        RawClient.Dispose();
    }
}
