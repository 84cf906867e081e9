using System.Net;
using System.Text;

namespace CrossCheck.Reports.Html;

/// <summary>
/// A StringBuilder that only takes markup from this program: every text node and attribute value
/// goes through <see cref="WebUtility.HtmlEncode(string)"/> (which also encodes quotes), and
/// attribute values are always double-quoted. Tag and attribute names are constants of the writer.
/// </summary>
internal sealed class HtmlText
{
    private readonly StringBuilder _sb = new(64 * 1024);

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Markup written by this program (never data).</summary>
    public HtmlText Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Data as a text node.</summary>
    public HtmlText Text(string? text)
    {
        _sb.Append(Encode(text));
        return this;
    }

    /// <summary>An opening tag; attributes with a null value are left out.</summary>
    public HtmlText Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }
            _sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
        _sb.Append('>');
        return this;
    }

    public HtmlText Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding one text node.</summary>
    public HtmlText Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlText Line()
    {
        _sb.Append('\n');
        return this;
    }

    public override string ToString() => _sb.ToString();

    /// <summary>Writes the page to a file chunk by chunk, without making one string of it first.</summary>
    public void WriteTo(string path, Encoding encoding)
    {
        using var writer = new StreamWriter(path, append: false, encoding, bufferSize: 64 * 1024);
        foreach (var chunk in _sb.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }
}
