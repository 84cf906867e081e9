using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;

namespace CrossCheck.Bench;

/// <summary>
/// Extraction on real PDFs: each probe (a verbatim quote read by eye on the rendered page)
/// through DocumentLoader + QuoteCheck, as a citation would go; each listed section heading
/// looked up as SectionCheck does (first section with that number, or that title when the
/// heading has no number) and compared with its page; glued-word runs counted in the extracted
/// text (see <see cref="GluedWords"/>) and, when poppler's pdftotext is on the PATH, in its output.
/// </summary>
internal static class ProbesBench
{
    public static int Run(string probesPath, string folder, string[] options)
    {
        var show = options.Contains("--show");
        var inv = CultureInfo.InvariantCulture;
        var probes = Jsonl.Read(probesPath);
        var sectionsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(probesPath))!, "sections.jsonl");
        var sections = File.Exists(sectionsPath) ? Jsonl.Read(sectionsPath) : [];
        if (!Directory.Exists(folder))
        {
            throw new BenchInputException($"{folder}: folder not found; give the folder holding the probes' PDFs.");
        }
        var docs = probes.Select(p => Str(p, "doc")).Concat(sections.Select(s => Str(s, "doc"))).Distinct().ToArray();
        int matched = 0, rightPage = 0, firstPlaceRight = 0, repeated = 0, rightPageNamed = 0, sectionsFound = 0, glued = 0, popplerGlued = 0;
        var popplerRan = false;
        foreach (var doc in docs)
        {
            var path = Path.Combine(folder, doc + ".pdf");
            if (!File.Exists(path))
            {
                throw new BenchInputException($"{path}: PDF named by the probes not found; give the folder that holds it.");
            }
            var clock = Stopwatch.StartNew();
            var document = new DocumentLoader().LoadSource(path, "S1");
            var seconds = clock.Elapsed.TotalSeconds;
            foreach (var dump in options.Where(o => o.StartsWith($"--dump={doc}:", StringComparison.Ordinal)))
            {
                var p = document.Pages[int.Parse(dump[(dump.LastIndexOf(':') + 1)..], inv) - 1];
                Console.WriteLine($"----- {doc} page {p.Number} (asides in [[ ]]) -----");
                var at = p.Start;
                foreach (var aside in document.SetAside.Where(a => a.Start >= p.Start && a.End <= p.End))
                {
                    Console.Write(document.Text[at..aside.Start] + "[[" + document.Text[aside.Start..aside.End] + "]]");
                    at = aside.End;
                }
                Console.WriteLine(document.Text[at..p.End]);
                Console.WriteLine(string.Join("\n", document.Sections.Where(s => s.Page == p.Number).Select(s => $"SECTION {s.Label} L{s.Level}")));
            }
            if (options.Contains("--sections")) { foreach (var s in document.Sections) { Console.WriteLine($"  S p{s.Page} L{s.Level} [{s.Number}] {s.Title}"); } Console.WriteLine($"  hints {document.Headings.Count}"); }
            using var corpus = new SourceCorpus([document]);
            var check = new QuoteCheck(corpus);
            int docProbes = 0, docMatched = 0, docRight = 0;
            foreach (var probe in probes.Where(p => Str(p, "doc") == doc))
            {
                docProbes++;
                var quote = Str(probe, "quote");
                var page = probe.GetProperty("page").GetInt32();
                var result = check.Check(quote);
                var ok = result.Verified;
                // On its right page: located there, or (a quote that stands at several places) that page among the
                // places the check reports; the first-place figure below counts only where it was located.
                var firstRight = ok && result.Location!.Page == page;
                var onPage = firstRight || (ok && result.OtherPlaces.Any(p => p.Source == result.Location!.Source && p.Page == page));
                firstPlaceRight += firstRight ? 1 : 0;
                repeated += ok && result.OtherPlaces.Count > 0 ? 1 : 0;
                docMatched += ok ? 1 : 0;
                docRight += onPage ? 1 : 0;
                // The same quote in a claim that names the probe's section, as GroundingChecker checks such a claim.
                if (probe.TryGetProperty("section", out var named) && NamedSection(document, named.GetString()) is { } section)
                {
                    var there = check.Check(quote, (d, at) => at >= section.Start && at < section.End);
                    rightPageNamed += there.Verified && there.Location!.Page == page ? 1 : 0;
                }
                else
                {
                    rightPageNamed += onPage ? 1 : 0;
                }
                if (show && !onPage)
                {
                    var where = result.Location is { } l ? $"p{l.Page}: \"{Flat(l.Text)}\"" : "nowhere";
                    Console.WriteLine($"  MISS {doc} p{page} [{result.Match}] \"{quote}\"\n       found {where}");
                }
                else if (show && !firstRight)
                {
                    Console.WriteLine($"  AT SEVERAL PLACES {doc} p{page} \"{quote}\": located p{result.Location!.Page}{result.AlsoAt()}");
                }
            }
            int docSections = 0, docSectionsFound = 0;
            foreach (var expected in sections.Where(s => Str(s, "doc") == doc))
            {
                docSections++;
                var number = expected.GetProperty("number").ValueKind == JsonValueKind.String ? Str(expected, "number") : null;
                var title = Str(expected, "title");
                var page = expected.GetProperty("page").GetInt32();
                var found = number is not null
                    ? document.Sections.FirstOrDefault(s => s.Number == number)
                    : document.Sections.FirstOrDefault(s => TextNormalizer.Fold(s.Title) == TextNormalizer.Fold(title));
                var ok = found is not null && found.Page == page;
                docSectionsFound += ok ? 1 : 0;
                if (show && !ok)
                {
                    Console.WriteLine($"  SECTION {doc} {number} {title} p{page}: found {(found is null ? "none" : $"\"{found.Label}\" p{found.Page}")}");
                }
            }
            var docGlued = GluedWords.Find(document.Text);
            var poppler = Pdftotext(path);
            popplerRan |= poppler is not null;
            var popplerDocGlued = poppler is null ? null : GluedWords.Find(poppler);
            if (show)
            {
                Console.WriteLine($"  glued: {string.Join(' ', docGlued.Take(40))}");
                if (popplerDocGlued is not null)
                {
                    Console.WriteLine($"  pdftotext glued: {string.Join(' ', popplerDocGlued.Take(40))}");
                }
            }
            Console.WriteLine(string.Create(inv,
                $"{doc,-20} {document.Pages.Count,3} pages {seconds,6:0.00} s  probes {docMatched}/{docProbes} right page {docRight}/{docProbes}  sections {docSectionsFound}/{docSections}  glued {docGlued.Count} (pdftotext {(popplerDocGlued is null ? "n/a" : popplerDocGlued.Count.ToString(inv))})"));
            matched += docMatched;
            rightPage += docRight;
            sectionsFound += docSectionsFound;
            glued += docGlued.Count;
            popplerGlued += popplerDocGlued?.Count ?? 0;
        }
        if (popplerRan)
        {
            Console.WriteLine(string.Create(inv, $"pdftotext_glued_words={popplerGlued}"));
        }
        Console.WriteLine(string.Create(inv, $"located at the right page itself (not only listed among several places): {firstPlaceRight}/{probes.Count}; matched probes that stand at several places: {repeated}"));
        Console.WriteLine(string.Create(inv, $"with the probe's section named as a claim would name it: right_page={rightPageNamed}/{probes.Count}"));
        Console.WriteLine(string.Create(inv, $"probe_match={matched}/{probes.Count} right_page={rightPage}/{probes.Count} sections={sectionsFound}/{sections.Count} glued_words={glued}"));
        return 0;
    }

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static string Flat(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 200 ? flat[..200] + "…" : flat;
    }

    /// <summary>poppler's pdftotext output (reading order, no -layout), or null when it is not installed.</summary>
    internal static string? Pdftotext(string path)
    {
        try
        {
            var info = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The document's section a probe's heading text names: the one whose label or title the heading begins with (the longest such).</summary>
    private static CrossCheck.Ingest.Section? NamedSection(CrossCheck.Ingest.Document document, string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return null;
        }
        var wanted = TextNormalizer.Fold(heading);
        return document.Sections
            .Select(s => (Section: s, Match: new[] { s.Label, s.Title }.Select(TextNormalizer.Fold).Where(l => l.Length > 0 && wanted.StartsWith(l, StringComparison.Ordinal)).DefaultIfEmpty("").Max(l => l.Length)))
            .Where(x => x.Match > 0)
            .OrderByDescending(x => x.Match)
            .Select(x => x.Section)
            .FirstOrDefault();
    }
}
