using System.Globalization;
using System.Text;

namespace CrossCheck.Tests.Emulator;

/// <summary>Reads one HTTP/1.1 request (Content-Length or chunked body) from a stream.</summary>
internal static class HttpRequestReader
{
    public sealed record RawRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

    public static async Task<RawRequest?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new List<byte>(8192);
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            int n = await stream.ReadAsync(chunk, ct);
            if (n == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, n));
        }

        string head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        var rest = buffer.GetRange(headerEnd + 4, buffer.Count - headerEnd - 4);
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                string name = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var lengthText))
        {
            int length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            while (rest.Count < length)
            {
                int n = await stream.ReadAsync(chunk, ct);
                if (n == 0)
                {
                    break;
                }

                rest.AddRange(chunk.AsSpan(0, n));
            }

            body = rest.Take(length).ToArray();
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream, rest, chunk, ct);
        }
        else
        {
            body = [];
        }

        string path = requestLine.Length > 1 ? requestLine[1] : "/";
        int query = path.IndexOf('?', StringComparison.Ordinal);
        return new RawRequest(requestLine[0], query >= 0 ? path[..query] : path, query >= 0 ? path[query..] : "", headers, Encoding.UTF8.GetString(body));
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, List<byte> pending, byte[] chunk, CancellationToken ct)
    {
        var body = new List<byte>();
        int pos = 0;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(pending, pos, "\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    return body.ToArray();
                }
            }

            string sizeText = Encoding.ASCII.GetString(pending.GetRange(pos, lineEnd - pos).ToArray()).Split(';')[0].Trim();
            int size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            pos = lineEnd + 2;
            if (size == 0)
            {
                return body.ToArray();
            }

            while (pending.Count < pos + size + 2)
            {
                if (!await FillAsync())
                {
                    return body.ToArray();
                }
            }

            body.AddRange(pending.GetRange(pos, size));
            pos += size + 2;
        }

        async Task<bool> FillAsync()
        {
            int n = await stream.ReadAsync(chunk, ct);
            pending.AddRange(chunk.AsSpan(0, n));
            return n > 0;
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer) => IndexOf(buffer, 0, "\r\n\r\n"u8);

    private static int IndexOf(List<byte> buffer, int start, ReadOnlySpan<byte> needle)
    {
        for (int i = start; i <= buffer.Count - needle.Length; i++)
        {
            bool match = true;
            for (int j = 0; j < needle.Length && match; j++)
            {
                match = buffer[i + j] == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
