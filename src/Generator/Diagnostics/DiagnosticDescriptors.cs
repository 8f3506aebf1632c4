using Microsoft.CodeAnalysis;

namespace Tether.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports, in one place. IDs are stable: users suppress them by ID.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Tether";

    public static readonly DiagnosticDescriptor SpecNotFound = new(
        "TETHER001",
        "OpenAPI spec not found",
        "The spec '{0}' named by [GenerateClient] is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"{0}\" /> to the project file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecUnreadable = new(
        "TETHER002",
        "OpenAPI spec cannot be read",
        "The spec '{0}' cannot be read: {1}. Fix the YAML/JSON at this location.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "TETHER003",
        "Unsupported OpenAPI version",
        "The spec '{0}' declares OpenAPI version '{1}'; Tether reads OpenAPI 3.0.x and 3.1.x. Set the root 'openapi' field to a supported version.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "TETHER004",
        "Unresolved $ref",
        "The reference '{0}' cannot be resolved; '{1}' is generated as JsonElement. Point the $ref at an existing schema.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "TETHER005",
        "Unsupported schema construct",
        "{0} at '{1}' is not supported; it is generated as {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClassNotPartial = new(
        "TETHER006",
        "Client class must be partial",
        "The class '{0}' marked with [GenerateClient] must be declared 'partial'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClassNested = new(
        "TETHER007",
        "Client class must not be nested",
        "The class '{0}' marked with [GenerateClient] is nested in another type; declare it at namespace level",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClassGeneric = new(
        "TETHER008",
        "Client class must not be generic",
        "The class '{0}' marked with [GenerateClient] must not have type parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "TETHER009",
        "Duplicate generated name",
        "'{0}' would be generated twice; the second one, from '{1}', is named '{2}'",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecValidation = new(
        "TETHER010",
        "OpenAPI spec validation finding",
        "The spec '{0}' has a problem at '{1}': {2}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "TETHER011",
        "Tether generator failed",
        "Tether could not generate '{0}': {1}. Please report this with the spec attached.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AmbiguousSpecPath = new(
        "TETHER012",
        "Ambiguous spec or overlay path",
        "The path '{0}' given to [GenerateClient] matches several AdditionalFiles ({1}); using '{2}'. Give a longer path to pick one.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateClient = new(
        "TETHER013",
        "Duplicate client class",
        "The class '{0}' is marked with [GenerateClient] more than once",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SelectionMatchesNothing = new(
        "TETHER014",
        "Selected tag or operation not in the spec",
        "The {0} given to [GenerateClient] matches no operation in '{1}' ({2})",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PagingNotRecognized = new(
        "TETHER015",
        "List operation that looks paged has no auto-paging method",
        "Operation '{0}' returns a 'data' list with {1}, but no cursor pattern was recognized ({2}); only its one-page method is generated",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayNotFound = new(
        "TETHER016",
        "Overlay not found",
        "The overlay '{0}' named by [GenerateClient] is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"{0}\" /> to the project file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayInvalid = new(
        "TETHER017",
        "Invalid overlay",
        "The overlay '{0}' cannot be applied as written: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayTargetMatchesNothing = new(
        "TETHER018",
        "Overlay target selects nothing",
        "The target '{1}' of action {2} in the overlay '{0}' selects nothing in '{3}'; the action changes nothing",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayTargetInvalid = new(
        "TETHER019",
        "Overlay target is not a JSONPath Tether reads",
        "The target '{1}' of action {2} in the overlay '{0}' cannot be used: {3}; the action is skipped",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoAIAdapter = new(
        "TETHER020",
        "No Microsoft.Extensions.AI adapter for this operation",
        "No {0} is generated for '{1}': {2}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndefinedSecurityScheme = new(
        "TETHER022",
        "Security requirement names an undefined scheme",
        "The security requirement at '{0}' names '{1}', which components/securitySchemes does not define; that alternative is left out",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor IncompleteSecurityScheme = new(
        "TETHER023",
        "Security scheme cannot be sent",
        "Security scheme '{0}' at '{1}' cannot be sent: {2}; operations that need it get no credential from it",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OtherVersionKeyword = new(
        "TETHER021",
        "Keyword of the other OpenAPI 3.x version",
        "In '{0}', '{1}' is how OpenAPI {2} writes it; read as {3}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FormBodyNotTyped = new(
        "TETHER025",
        "Form body sent as a stream",
        "The application/x-www-form-urlencoded body at '{0}' cannot be typed: {1}; the method takes the encoded body as a Stream",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FormEncodingUnsupported = new(
        "TETHER026",
        "Form property encoding not supported",
        "The encoding of form property '{0}' at '{1}' is not supported: {2}; it is sent {3}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] All =
    [
        SpecNotFound, SpecUnreadable, UnsupportedVersion, UnresolvedReference, UnsupportedConstruct, ClassNotPartial,
        ClassNested, ClassGeneric, DuplicateName, SpecValidation, InternalError, AmbiguousSpecPath, DuplicateClient,
        SelectionMatchesNothing, PagingNotRecognized, OverlayNotFound, OverlayInvalid, OverlayTargetMatchesNothing,
        OverlayTargetInvalid, NoAIAdapter, OtherVersionKeyword, UndefinedSecurityScheme, IncompleteSecurityScheme,
        FormBodyNotTyped, FormEncodingUnsupported,
    ];

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return InternalError;
    }
}
