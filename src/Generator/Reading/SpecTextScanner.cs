using System.Collections.Generic;
using System.IO;
using System.Threading;
using SharpYaml;
using SharpYaml.Events;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Walks the spec text as YAML parsing events (JSON is read as YAML flow style) and tells a visitor the JSON
/// pointer and text position of every node it cares about. OpenAPI.NET's document keeps no positions, so
/// whenever a diagnostic needs a line and column, or a keyword the reader dropped is needed, this walk is the
/// source of truth.
/// </summary>
internal static class SpecTextScanner
{
    /// <summary>Receives the nodes of the walk; return false from a callback to stop early.</summary>
    internal interface IVisitor
    {
        /// <summary>Whether anything inside the node at <paramref name="pointer"/> matters; subtrees that do not are
        /// skipped without building their pointers (the walk's main cost).</summary>
        bool Descend(string pointer);

        /// <summary>A node (mapping, sequence, scalar or alias) at <paramref name="pointer"/>. For a mapping member the
        /// key's position is given first with <paramref name="isKey"/> true, then the value's.</summary>
        bool OnNode(string pointer, int start, int end, bool isKey);

        /// <summary>A scalar value that is the member <paramref name="key"/> of the mapping at <paramref name="mappingPointer"/>.</summary>
        bool OnMemberScalar(string mappingPointer, string key, string value);
    }

    /// <summary>Walks <paramref name="text"/>; throws <see cref="YamlException"/> at the first syntax error.</summary>
    public static void Walk(string text, IVisitor visitor, CancellationToken cancellationToken)
    {
        var parser = Parser.CreateParser(new StringReader(text));
        var frames = new Stack<Frame>();
        var rootSeen = false;
        var events = 0;
        while (parser.MoveNext())
        {
            if ((++events & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var current = parser.Current;
            var parent = frames.Count > 0 ? frames.Peek() : null;
            switch (current)
            {
                case MappingStart or SequenceStart:
                {
                    var isComplexKey = parent is { IsMapping: true, ExpectingKey: true };
                    string? pointer = null;
                    if (!isComplexKey && (parent is null || parent.Pointer is not null))
                    {
                        pointer = ChildPointer(parent, ref rootSeen);
                        if (!visitor.OnNode(pointer, current.Start.Index, current.End.Index, isKey: false))
                        {
                            return;
                        }

                        if (!visitor.Descend(pointer))
                        {
                            pointer = null;
                        }
                    }

                    rootSeen = true;
                    frames.Push(new Frame(pointer, current is MappingStart) { IsComplexKey = isComplexKey });
                    break;
                }

                case MappingEnd or SequenceEnd:
                {
                    var ended = frames.Pop();
                    if (ended.IsComplexKey)
                    {
                        // The key is complete; its value comes next. Nothing in a spec points below a complex key.
                        frames.Peek().Key = "?";
                        frames.Peek().ExpectingKey = false;
                    }
                    else
                    {
                        Advance(frames);
                    }

                    break;
                }

                case Scalar scalar:
                {
                    if (parent is { IsMapping: true, ExpectingKey: true })
                    {
                        parent.Key = scalar.Value ?? string.Empty;
                        parent.ExpectingKey = false;
                        if (parent.Pointer is not null
                            && !visitor.OnNode(JsonPointer.Append(parent.Pointer, parent.Key), scalar.Start.Index, scalar.End.Index, isKey: true))
                        {
                            return;
                        }

                        break;
                    }

                    if (parent is null || parent.Pointer is not null)
                    {
                        if (parent is { IsMapping: true, Pointer: { } owner }
                            && !visitor.OnMemberScalar(owner, parent.Key ?? string.Empty, scalar.Value ?? string.Empty))
                        {
                            return;
                        }

                        if (!visitor.OnNode(ChildPointer(parent, ref rootSeen), scalar.Start.Index, scalar.End.Index, isKey: false))
                        {
                            return;
                        }
                    }

                    Advance(frames);
                    break;
                }

                case AnchorAlias:
                {
                    if (parent is { IsMapping: true, ExpectingKey: true })
                    {
                        parent.Key = "?";
                        parent.ExpectingKey = false;
                        break;
                    }

                    if ((parent is null || parent.Pointer is not null)
                        && !visitor.OnNode(ChildPointer(parent, ref rootSeen), current.Start.Index, current.End.Index, isKey: false))
                    {
                        return;
                    }

                    Advance(frames);
                    break;
                }

                case DocumentEnd when rootSeen:
                    // A spec is one document; anything after it is not part of the OpenAPI description.
                    return;
            }
        }
    }

    private static string ChildPointer(Frame? parent, ref bool rootSeen)
    {
        if (parent is null)
        {
            rootSeen = true;
            return JsonPointer.Root;
        }

        return parent.IsMapping
            ? JsonPointer.Append(parent.Pointer!, parent.Key ?? string.Empty)
            : JsonPointer.Append(parent.Pointer!, parent.Index);
    }

    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        var parent = frames.Peek();
        if (parent.IsMapping)
        {
            parent.ExpectingKey = !parent.ExpectingKey;
        }
        else
        {
            parent.Index++;
        }
    }

    /// <summary>An open mapping or sequence; a null pointer marks a subtree the visitor skips.</summary>
    private sealed class Frame(string? pointer, bool isMapping)
    {
        public string? Pointer { get; } = pointer;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; }

        /// <summary>A mapping or sequence used as a mapping key (legal YAML, never meaningful in a spec).</summary>
        public bool IsComplexKey { get; init; }
    }
}
