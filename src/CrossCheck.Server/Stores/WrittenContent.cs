using System.Net;

namespace CrossCheck.Server.Stores;

/// <summary>A request body that says when it has been written to the connection (<see cref="RateGateHandler"/>'s "on the wire").</summary>
internal sealed class WrittenContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TaskCompletionSource _written;

    public WrittenContent(HttpContent inner, TaskCompletionSource written)
    {
        _inner = inner;
        _written = written;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await _inner.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _written.TrySetResult();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
