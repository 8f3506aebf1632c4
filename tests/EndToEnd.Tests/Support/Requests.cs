using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests.Support;

/// <summary>Request bodies built as an application would, through the generated models.</summary>
internal static class Requests
{
    public static M.CreateChatCompletionRequest Chat(string userMessage) => new()
    {
        Model = "gpt-4o-mini",
        Messages = [new M.ChatCompletionRequestUserMessage { Content = userMessage }],
    };
}
