using System;

namespace Tether;

/// <summary>Finds the API key for a call: the configured one, else an environment variable.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiKeyResolver
{
    /// <summary>
    /// Returns <paramref name="configuredKey"/> when it is set, otherwise the value of the environment variable
    /// <paramref name="environmentVariable"/>. Read at call time, so a key set or rotated after the client was built
    /// is picked up.
    /// </summary>
    /// <param name="configuredKey">The key from the options, or <see langword="null"/>.</param>
    /// <param name="environmentVariable">The variable to read when no key is configured (e.g. <c>OPENAI_API_KEY</c>), or <see langword="null"/>.</param>
    /// <param name="settingName">How the user sets the key, for the message (e.g. <c>OpenAIClientOptions.ApiKey</c>).</param>
    /// <returns>The key; never empty.</returns>
    /// <exception cref="TetherCredentialException">Neither source has a non-blank key.</exception>
    public static string Resolve(string? configuredKey, string? environmentVariable, string settingName)
    {
        if (Find(configuredKey, environmentVariable) is { } key)
        {
            return key;
        }

        throw new TetherCredentialException(
            string.IsNullOrEmpty(environmentVariable)
                ? $"No API key is configured: set {settingName}."
                : $"No API key is configured: set {settingName} or the environment variable {environmentVariable}.");
    }

    /// <summary>The configured secret when it is not blank, else the environment variable's (trimmed), else <see langword="null"/>.</summary>
    internal static string? Find(string? configured, string? environmentVariable)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return !string.IsNullOrEmpty(environmentVariable)
            && Environment.GetEnvironmentVariable(environmentVariable) is { } fromEnvironment
            && !string.IsNullOrWhiteSpace(fromEnvironment)
                ? fromEnvironment.Trim()
                : null;
    }
}
