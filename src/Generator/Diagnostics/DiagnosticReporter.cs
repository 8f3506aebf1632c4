using Microsoft.CodeAnalysis;
using Tether.Generator.Model;

namespace Tether.Generator.Diagnostics;

internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            var args = new object[info.MessageArgs.Count];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = info.MessageArgs[i];
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Find(info.DescriptorId), info.Location?.ToLocation(), args));
        }
    }
}
