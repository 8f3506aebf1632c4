using System.Collections.Generic;
using System.IO;
using System.Threading;
using SharpYaml;
using SharpYaml.Events;

namespace Tether.Generator.Parsing;

/// <summary>
/// Walks the spec text as YAML parsing events (JSON is read as YAML flow style) and tells a visitor the JSON
/// pointer and text position of every node. OpenAPI.NET's document keeps no positions, so whenever a diagnostic
/// needs a line and column, or a keyword the reader dropped is needed, this walk is the source of truth.
/// </summary>
internal static class SpecTextScanner
{
    /// <summary>Receives the nodes of the walk; return false from a callback to stop early.</summary>
    internal interface IVisitor
    {
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
            switch (current)
            {
                case MappingStart or SequenceStart:
                {
                    var pointer = NodePointer(frames, ref rootSeen, current, visitor, out var stop);
                    if (stop)
                    {
                        return;
                    }

                    var isComplexKey = frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true };
                    frames.Push(new Frame(pointer, current is MappingStart) { IsComplexKey = isComplexKey });
                    break;
                }

                case MappingEnd or SequenceEnd:
                {
                    var ended = frames.Pop();
                    if (ended.IsComplexKey)
                    {
                        // The key is complete; its value comes next.
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
                    if (frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true } mapping)
                    {
                        mapping.Key = scalar.Value ?? string.Empty;
                        mapping.ExpectingKey = false;
                        if (!visitor.OnNode(JsonPointer.Append(mapping.Pointer, mapping.Key), scalar.Start.Index, scalar.End.Index, isKey: true))
                        {
                            return;
                        }

                        break;
                    }

                    if (frames.Count > 0 && frames.Peek() is { IsMapping: true } owner
                        && !visitor.OnMemberScalar(owner.Pointer, owner.Key ?? string.Empty, scalar.Value ?? string.Empty))
                    {
                        return;
                    }

                    NodePointer(frames, ref rootSeen, current, visitor, out var stop);
                    if (stop)
                    {
                        return;
                    }

                    Advance(frames);
                    break;
                }

                case AnchorAlias:
                {
                    if (frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true } aliasKeyOwner)
                    {
                        aliasKeyOwner.Key = "?";
                        aliasKeyOwner.ExpectingKey = false;
                        break;
                    }

                    NodePointer(frames, ref rootSeen, current, visitor, out var stop);
                    if (stop)
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

    private static string NodePointer(Stack<Frame> frames, ref bool rootSeen, ParsingEvent node, IVisitor visitor, out bool stop)
    {
        string pointer;
        if (frames.Count == 0)
        {
            rootSeen = true;
            pointer = JsonPointer.Root;
        }
        else
        {
            var parent = frames.Peek();
            if (parent.IsMapping && parent.ExpectingKey)
            {
                // A complex (non-scalar) key: nothing in a spec points into it, so it only needs a name.
                pointer = JsonPointer.Append(parent.Pointer, "?key");
                stop = false;
                return pointer;
            }

            pointer = parent.IsMapping
                ? JsonPointer.Append(parent.Pointer, parent.Key ?? string.Empty)
                : JsonPointer.Append(parent.Pointer, parent.Index);
        }

        stop = !visitor.OnNode(pointer, node.Start.Index, node.End.Index, isKey: false);
        return pointer;
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

    private sealed class Frame(string pointer, bool isMapping)
    {
        public string Pointer { get; } = pointer;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; }

        /// <summary>A mapping or sequence used as a mapping key (legal YAML, never meaningful in a spec).</summary>
        public bool IsComplexKey { get; init; }
    }
}
