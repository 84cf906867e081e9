using System.Text;
using CrossCheck.Ingest;
using Microsoft.Extensions.Configuration;

namespace CrossCheck.Cli;

/// <summary>The reading behind <c>crosscheck extract</c>, shared by the command and the native launcher.</summary>
public static class ExtractText
{
    /// <summary>The fast path: <c>extract FILE</c> or <c>extract FILE -o|--out OUT</c>, nothing else.</summary>
    public static bool TryFastPath(string[] args, out int exitCode)
    {
        exitCode = 0;
        string? output = null;
        if (args is not ["extract", var source, ..] || source.StartsWith('-')
            || (args.Length != 2 && !(args.Length == 4 && args[2] is "-o" or "--out" && (output = args[3]).Length > 0)))
        {
            return false;
        }
        try
        {
            exitCode = Run(source, output, sections: false);
        }
        catch (Exception e) when (UserErrors.Describe(e) is { } message)
        {
            Console.Error.WriteLine($"crosscheck: error: {message}");
            exitCode = ExitCodes.UsageOrInput;
        }
        return true;
    }

    public static int Run(string source, string? output, bool sections)
    {
        var document = new DocumentLoader(Limits()).LoadSource(source, "S1");
        if (output is null)
        {
            // Through Console.Out (one write), not the raw stdout stream, so whoever redirected Console.Out gets the text.
            using var text = new StringWriter();
            Write(document, text);
            Console.Out.Write(text.ToString());
            Console.Out.Flush();
        }
        else
        {
            using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16);
            Write(document, writer);
        }
        var error = Console.Error;
        foreach (var section in sections ? document.Sections : [])
        {
            error.WriteLine($"section {section.Label} (page {section.Page})");
        }
        foreach (var warning in document.Warnings)
        {
            error.WriteLine($"crosscheck: warning: {warning}");
        }
        error.WriteLine($"crosscheck: read {document.FileName}: {document.Pages.Count} page(s), {document.Sections.Count} section(s), {document.Text.Length} characters, {document.SetAside.Count} span(s) set aside from matching{(output is null ? "" : $"; text in {output}")}");
        return ExitCodes.Ok;
    }

    /// <summary>Each page's text; a set-aside span is shown between ⟦ and ⟧ so a reader sees what matching skips.</summary>
    private static void Write(Document document, TextWriter writer)
    {
        var asides = document.SetAside;
        var next = 0;
        for (var p = 0; p < document.Pages.Count; p++)
        {
            var page = document.Pages[p];
            if (p > 0)
            {
                writer.Write('\f');
            }
            var at = page.Start;
            while (next < asides.Count && asides[next].End <= page.Start)
            {
                next++;
            }
            for (var a = next; a < asides.Count && asides[a].Start < page.End; a++)
            {
                var (start, end) = (Math.Max(asides[a].Start, at), Math.Min(asides[a].End, page.End));
                writer.Write(document.Text.AsSpan(at, start - at));
                writer.Write('⟦');
                writer.Write(document.Text.AsSpan(start, end - start));
                writer.Write('⟧');
                at = end;
            }
            writer.Write(document.Text.AsSpan(at, page.End - at));
            writer.Write('\n');
        }
    }

    /// <summary>The source size limit from the configuration (CrossCheck:Limits:MaxSourceMiB), read without building the host.</summary>
    private static IngestLimits Limits()
    {
        var configuration = new ConfigurationBuilder().AddCrossCheckSources().Build();
        return long.TryParse(configuration["CrossCheck:Limits:MaxSourceMiB"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mib) && mib > 0
            ? new IngestLimits { MaxSourceBytes = mib * IngestLimits.MiB }
            : new IngestLimits();
    }
}
