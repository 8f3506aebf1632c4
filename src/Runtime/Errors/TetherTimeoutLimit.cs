namespace Tether;

/// <summary>Which time limit ended a call; see <see cref="TetherTimeoutException.Limit"/>.</summary>
public enum TetherTimeoutLimit
{
    /// <summary>
    /// The per-attempt timeout (<see cref="TetherClientOptions.Timeout"/>, or <see cref="RequestOptions.Timeout"/>
    /// for one call): an attempt did not get its response (and, for buffered responses, its body) in time.
    /// </summary>
    AttemptTimeout,

    /// <summary>
    /// An event stream stayed silent longer than the per-attempt timeout: no event arrived within
    /// <see cref="TetherClientOptions.Timeout"/> of the previous one.
    /// </summary>
    StreamIdleTimeout,

    /// <summary>
    /// A limit set outside Tether fired: the <see cref="System.Net.Http.HttpClient.Timeout"/> of a caller-supplied
    /// <see cref="System.Net.Http.HttpClient"/> (100 s unless changed) or a handler's connect timeout.
    /// </summary>
    TransportTimeout,
}
