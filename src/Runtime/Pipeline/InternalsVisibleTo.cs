using System.Runtime.CompilerServices;

// The retry policy and Retry-After parsing are pure functions whose edge cases (jitter bounds, HTTP dates) are
// tested directly rather than through timed network calls.
[assembly: InternalsVisibleTo("Tether.Runtime.Tests")]
