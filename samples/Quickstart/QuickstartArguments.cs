using System;
using System.Globalization;

namespace Tether.Samples.Quickstart;

/// <summary>The command line: <c>[--live] [--model NAME] [--think SECONDS]</c>.</summary>
public sealed record QuickstartArguments(bool Live, string Model, TimeSpan ThinkingTime)
{
    /// <summary>A small current model, used with <c>--live</c> when <c>--model</c> is not given.</summary>
    public const string DefaultLiveModel = "gpt-4.1-mini";

    /// <summary>How long the embedded server "thinks" before a non-streaming answer, unless <c>--think</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultThinkingTime = TimeSpan.FromSeconds(5);

    public const string Usage =
        "usage: dotnet run --project samples/Quickstart [-- [--think SECONDS]]            offline, embedded server\n" +
        "       dotnet run --project samples/Quickstart -- --live [--model NAME]          real API, needs OPENAI_API_KEY";

    /// <summary>Parses <paramref name="args"/>; <see langword="null"/> (with <paramref name="error"/>) when they are not valid.</summary>
    public static QuickstartArguments? Parse(string[] args, out string? error)
    {
        bool live = false;
        string? model = null;
        TimeSpan thinkingTime = DefaultThinkingTime;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--live":
                    live = true;
                    break;
                case "--model" when i + 1 < args.Length:
                    model = args[++i];
                    break;
                case "--think" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                    && seconds >= 0 && seconds <= 3600:
                    thinkingTime = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        return new QuickstartArguments(live, model ?? (live ? DefaultLiveModel : "local-demo-model"), thinkingTime);
    }
}
