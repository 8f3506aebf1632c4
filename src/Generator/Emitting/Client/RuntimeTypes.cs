using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>The Tether.Runtime and BCL types the client code names, fully qualified in one place.</summary>
internal static class RuntimeTypes
{
    public const string Pipeline = "global::Tether.TetherPipeline";
    public const string Request = "global::Tether.TetherRequest";
    public const string RequestOptions = "global::Tether.RequestOptions";
    public const string RequestContent = "global::Tether.RequestContent";
    public const string ClientOptions = "global::Tether.TetherClientOptions";
    public const string QueryStringBuilder = "global::Tether.QueryStringBuilder";
    public const string MultipartFormBuilder = "global::Tether.MultipartFormBuilder";
    public const string FormUrlEncodedBuilder = "global::Tether.FormUrlEncodedBuilder";
    public const string UriPath = "global::Tether.UriPath";
    public const string WireFormat = "global::Tether.WireFormat";
    public const string JsonParameterText = "global::Tether.Primitives.JsonParameterText";
    public const string StreamFlag = "global::Tether.Primitives.StreamFlag";
    public const string ResponseStream = "global::Tether.TetherResponseStream";
    public const string FileUpload = "global::Tether.FileUpload";
    public const string ApiException = "global::Tether.TetherApiException";
    public const string ConnectionException = "global::Tether.TetherConnectionException";
    public const string TimeoutException = "global::Tether.TetherTimeoutException";
    public const string SerializationException = "global::Tether.TetherSerializationException";
    public const string CredentialException = "global::Tether.TetherCredentialException";
    public const string BearerCredential = "global::Tether.BearerCredential";
    public const string KeyCredential = "global::Tether.KeyCredential";
    public const string KeyLocation = "global::Tether.KeyLocation";
    public const string BasicCredential = "global::Tether.BasicCredential";
    public const string Credential = "global::Tether.TetherCredential";
    public const string Security = "global::Tether.TetherSecurity";
    public const string ResponseInfo = "global::Tether.TetherResponseInfo";
    public const string Response = "global::Tether.TetherResponse";
    public const string StreamingResponse = "global::Tether.TetherStreamingResponse";
    public const string Pageable = "global::Tether.TetherPageable";

    /// <summary>
    /// A <c>Tether.Primitives</c> type (what the generated converters share): its short name in the JSON files, which
    /// import that namespace, and qualified everywhere else.
    /// </summary>
    public static string Primitive(string name, EmitScope scope) => scope == EmitScope.Json ? name : "global::Tether.Primitives." + name;

    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMessageHandler = "global::System.Net.Http.HttpMessageHandler";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    public const string Enumerable = "global::System.Collections.Generic.IEnumerable";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Uri = "global::System.Uri";
    public const string Stream = "global::System.IO.Stream";
}
