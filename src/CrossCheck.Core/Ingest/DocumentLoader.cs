using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace CrossCheck.Ingest;

/// <summary>
/// Loads essays (Markdown, plain text, Word, PDF) and sources (PDF, Word, Markdown, plain text, HTML).
/// Every failure a user can cause becomes an <see cref="InputException"/> with one line
/// naming the file and what to do.
/// </summary>
public sealed class DocumentLoader(IngestLimits limits)
{
    private static readonly Dictionary<string, DocumentKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = DocumentKind.Pdf,
        [".md"] = DocumentKind.Markdown,
        [".markdown"] = DocumentKind.Markdown,
        [".txt"] = DocumentKind.PlainText,
        [".text"] = DocumentKind.PlainText,
        [".html"] = DocumentKind.Html,
        [".htm"] = DocumentKind.Html,
        [".docx"] = DocumentKind.Docx,
    };

    public DocumentLoader()
        : this(new IngestLimits())
    {
    }

    public Document LoadEssay(string path)
    {
        var document = Load(path, "E", limits.MaxEssayBytes, "essay", allowHtml: false);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            throw new InputException($"{path}: the essay is empty; give a file with the text to check.");
        }
        return document;
    }

    public Document LoadSource(string path, string id, CancellationToken cancellationToken = default)
    {
        var document = Load(path, id, limits.MaxSourceBytes, "source", allowHtml: true, cancellationToken);
        if (document.Kind == DocumentKind.Pdf && document.Pages.Count >= LongPdfPages)
        {
            // PdfPig's garbage from a long PDF (several times the document's own size) sits in the oldest generation,
            // where the collector may not look again before the passages, the index and the normalised text are built
            // on top of it: at 3,000 pages the peak was 222 or 297-309 MiB by chance of timing, and 221-228 MiB with
            // this one full collection, made here where the parser's frames are gone (docs/benchmarks.md §5).
            GC.Collect();
        }
        return document;
    }

    /// <summary>From this many pages a PDF's read is followed by a full collection (<see cref="LoadSource"/>).</summary>
    internal const int LongPdfPages = 500;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Document Load(string path, string id, long maxBytes, string role, bool allowHtml, CancellationToken cancellationToken = default)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (!Extensions.TryGetValue(extension, out var kind) || (kind == DocumentKind.Html && !allowHtml))
        {
            var accepted = allowHtml ? ".pdf, .docx, .md, .txt, .html" : ".pdf, .docx, .md, .txt";
            throw new InputException($"{path}: unknown {role} file type '{extension}'; accepted: {accepted}.");
        }
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a folder; give the {role} file itself.");
        }
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: {role} file not found; check the path.");
        }
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new InputException(
                    $"{path}: {role} file is {length / (double)IngestLimits.MiB:0.#} MiB, over the {maxBytes / IngestLimits.MiB} MiB limit; split it or raise the limit (CrossCheck:Limits in config/appsettings.json).");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the {role} file ({e.Message.TrimEnd('.')}); check its permissions.", e);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        cancellationToken.ThrowIfCancellationRequested();
        return kind switch
        {
            DocumentKind.Pdf => LoadPdf(path, id, bytes, sha, role, limits),
            DocumentKind.Docx => DocxReader.Read(path, id, bytes, sha, role, limits),
            DocumentKind.Html => Unpaged(path, id, kind, HtmlReader.Read(path, DecodeText(path, bytes, role), limits.MaxHtmlDepth, cancellationToken), sha, bytes.Length),
            _ => Unpaged(path, id, kind, DecodeText(path, bytes, role), sha, bytes.Length),
        };
    }

    private static Document Unpaged(string path, string id, DocumentKind kind, string text, string sha, long bytes) =>
        new(id, path, kind, text, [new Page(1, 0, text.Length)], sha, bytes);

    private static string DecodeText(string path, byte[] bytes, string role) => TextDecoder.Decode(path, bytes, role);

    private static Document LoadPdf(string path, string id, byte[] bytes, string sha, string role, IngestLimits limits)
    {
        if (bytes.Length < 5 || Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-", StringComparison.Ordinal) < 0)
        {
            throw new InputException($"{path}: is not a PDF (no %PDF header); check the file or give it the right extension.");
        }
        var structure = PdfStructureScan.Scan(bytes, limits.MaxPdfDecodedBytes);
        if (structure.OverBudget)
        {
            throw new InputException($"{path}: the PDF's compressed streams inflate to more than {limits.MaxPdfDecodedBytes / IngestLimits.MiB} MiB (a compression bomb?); check the file, or raise CrossCheck:Limits:MaxPdfDecodedMiB.");
        }
        if (structure.Problems.Count > 0 && limits.StrictInputs)
        {
            throw new InputException($"{path}: the PDF is damaged ({string.Join("; ", structure.Problems)}); repair it (e.g. qpdf in.pdf out.pdf), or drop --strict-inputs to read what can be read.");
        }
        List<PdfPageLines> read;
        int letters;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            if (pdf.NumberOfPages > limits.MaxPages)
            {
                throw new InputException($"{path}: the PDF has {pdf.NumberOfPages} pages, over the limit of {limits.MaxPages}; split it, or raise CrossCheck:Limits:MaxPages.");
            }
            (read, letters) = PdfPages.Read(bytes, pdf, limits.Parallelism);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new InputException($"{path}: the PDF is encrypted; save an unencrypted copy (e.g. qpdf --decrypt in.pdf out.pdf) and give that.", e);
        }
        catch (Exception e) when (e is not InputException)
        {
            throw new InputException($"{path}: cannot read this PDF, it seems corrupt ({e.GetType().Name}: {FirstLine(e.Message)}); re-export or repair it (e.g. qpdf in.pdf out.pdf).", e);
        }
        if (read.Count == 0)
        {
            throw new InputException($"{path}: the PDF has no pages; re-export it from the program that made it.");
        }
        if (letters == 0)
        {
            throw new InputException($"{path}: the PDF has {read.Count} page(s) but no text layer (a scan?); run OCR first (e.g. ocrmypdf in.pdf out.pdf) and give the result as {TextDecoder.Article(role)} {role}.");
        }
        var (text, pages, asides, notes, headings) = PdfLayout.Assemble(read);
        var document = new Document(id, path, DocumentKind.Pdf, text, pages, sha, bytes.Length, asides, headings, notes);
        document.Warnings.AddRange(structure.Problems.Select(p => $"the PDF looks damaged: {p}; its text may be incomplete or changed"));
        return document;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
