namespace CrossCheck.Ingest;

/// <summary>
/// A read-only stream that checks a cancellation token before each read, so a parser that pulls its input in
/// small chunks (AngleSharp reads a few KiB at a time while it builds the tree) stops soon after cancellation.
/// </summary>
internal sealed class CancellableStream(Stream inner, CancellationToken cancellationToken) : Stream
{
    private const int MaxChunk = 16 * 1024;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Read(buffer, offset, Math.Min(count, MaxChunk));
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await inner.ReadAsync(buffer.AsMemory(offset, Math.Min(count, MaxChunk)), token).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
