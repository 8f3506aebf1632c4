namespace Tether.Runtime.Tests.Pipeline.Support;

/// <summary>
/// A non-seekable stream that serves its first part at once and the rest only after <see cref="Open"/> is called
/// (bounded wait). It proves a body is streamed: if the client read the whole stream before sending, the server
/// could never see the first part and open the gate.
/// </summary>
internal sealed class GatedStream : Stream
{
    private readonly byte[] _content;
    private readonly int _gateAt;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public GatedStream(byte[] content, int gateAt)
    {
        _content = content;
        _gateAt = gateAt;
    }

    public bool WasOpenedBeforeEnd { get; private set; }

    public void Open() => _gate.TrySetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == _gateAt)
        {
            await _gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            WasOpenedBeforeEnd = true;
        }

        int limit = _position < _gateAt ? _gateAt : _content.Length;
        int count = Math.Min(buffer.Length, limit - _position);
        _content.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
