using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting;

/// <summary>
/// Where a piece of generated code sits, which decides how short a type name can safely be. Name lookup in C# looks
/// at the types of the enclosing namespace first, then at the using directives declared inside that namespace, and
/// only then outwards (the consumer's namespaces and global usings), so inside our own namespaces short names are
/// as unambiguous as <c>global::</c> ones, and the text the compiler has to read is much smaller.
/// </summary>
internal enum EmitScope
{
    /// <summary>Anywhere else (the client's namespace): every name <c>global::</c>-qualified.</summary>
    Global,

    /// <summary>The models' namespace: other models by their bare name; everything else <c>global::</c>-qualified.</summary>
    Models,

    /// <summary>
    /// The JSON namespace, whose files import System, System.Collections.Generic, System.Text.Json(.Serialization)
    /// and alias the models' namespace as <c>Models</c>; its own types (converters, helpers) by their bare name.
    /// </summary>
    Json,
}
