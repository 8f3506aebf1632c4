using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting;

/// <summary>One source file to add to the compilation.</summary>
internal sealed record GeneratedFile(string HintName, string Text);
