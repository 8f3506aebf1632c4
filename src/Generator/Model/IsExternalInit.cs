namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this marker type; records and init-only setters need it.
internal static class IsExternalInit
{
}
