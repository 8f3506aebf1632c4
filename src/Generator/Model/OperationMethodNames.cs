namespace Tether.Generator.Model;

/// <summary>
/// The names of the methods an operation becomes besides its plain one, fixed by the planning stage
/// (<see cref="Planning.MethodNamePlanner"/>) so that the emitters only print them.
/// </summary>
/// <param name="WithResponse">The plain method's twin returning <c>TetherResponse&lt;T&gt;</c> (status, headers, request id).</param>
/// <param name="Streaming">The method returning <c>IAsyncEnumerable</c> of the events, for streaming operations.</param>
/// <param name="StreamingWithResponse">The streaming method's twin returning <c>TetherStreamingResponse&lt;T&gt;</c> once headers arrive.</param>
/// <param name="AutoPaging">The method returning every item of a paged list.</param>
/// <param name="RequestBuilder">The private method that checks the arguments and describes the call, shared by the forms above.</param>
internal sealed record OperationMethodNames(
    string WithResponse,
    string? Streaming,
    string? StreamingWithResponse,
    string? AutoPaging,
    string RequestBuilder);
