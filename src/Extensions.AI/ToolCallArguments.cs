using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// A tool call as <see cref="FunctionCallContent"/>, its JSON arguments parsed into a dictionary. Arguments that are
/// not a JSON object leave <see cref="FunctionCallContent.Exception"/> set (MEAI then tells the model) instead of
/// failing the whole response.
/// </summary>
internal static class ToolCallArguments
{
    public static FunctionCallContent Parse(string callId, string name, string? arguments)
        => FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments!,
            callId,
            name,
            static json => (IDictionary<string, object?>?)JsonSerializer.Deserialize(
                json,
                AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))));
}
