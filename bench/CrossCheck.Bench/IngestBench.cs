using System.Diagnostics;
using System.Globalization;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CrossCheck.Bench;

/// <summary>
/// Ingest speed: a generated text PDF (prose lines, numbered section headings) through
/// DocumentLoader.LoadSource, PassageSplitter.Split and a new Bm25Index, once cold and then warm.
/// </summary>
internal static class IngestBench
{
    private const int WarmRuns = 3;
    private const double TargetSeconds = 3.0;

    private static readonly string[] Subjects =
    [
        "The evaluation", "The model", "Each participant", "The committee", "The second trial", "This approach",
        "The baseline system", "The safety team", "The court", "The control group", "The red team", "The survey",
    ];

    private static readonly string[] Verbs =
    [
        "reported", "measured", "found", "observed", "recorded", "described", "estimated", "confirmed",
        "compared", "reviewed", "documented", "assessed",
    ];

    private static readonly string[] Objects =
    [
        "a modest improvement in accuracy", "no significant difference between the arms", "the expected effect on recall",
        "several failures under adversarial prompts", "a rate of refusal close to the baseline", "the cost of each evaluation run",
        "the agreement between independent annotators", "a decline in harmful completions", "the variance across random seeds",
        "the effect of longer context windows", "an increase in the number of tool calls", "the share of tasks completed unaided",
    ];

    private static readonly string[] Tails =
    [
        "during the final phase of testing", "when the prompts were paraphrased", "after the second round of fine-tuning",
        "across all twelve benchmark suites", "in line with the protocol", "for every language in the sample",
        "under the conditions set out above", "relative to the previous version", "as the appendix describes in detail",
    ];

    public static int Run(string[] args)
    {
        var pages = 300;
        foreach (var arg in args)
        {
            if (arg.StartsWith("pages=", StringComparison.Ordinal) && int.TryParse(arg[6..], CultureInfo.InvariantCulture, out var p) && p > 0)
            {
                pages = p;
            }
        }
        if (args.FirstOrDefault(a => a.StartsWith("out=", StringComparison.Ordinal)) is { } output)
        {
            // Keep the generated PDF (for pdftotext, the CLI or a profiler) instead of timing it.
            File.WriteAllBytes(output[4..], GeneratePdf(pages, new Random(7)));
            return 0;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, $"generated-{pages}.pdf");
            var build = Stopwatch.StartNew();
            File.WriteAllBytes(path, GeneratePdf(pages, new Random(7)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {pages}-page PDF ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB) in {build.Elapsed.TotalSeconds:0.00} s"));

            if (args.Contains("--compare"))
            {
                // --cli <crosscheck.dll or apphost>, repeatable: also time `crosscheck extract` against pdftotext.
                IngestCompare.Run(path, pages, [.. args.Select((a, i) => (a, i)).Where(x => x.a == "--cli" && x.i + 1 < args.Length).Select(x => args[x.i + 1])]);
                return 0;
            }
            if (args.Contains("--profile"))
            {
                for (var run = 0; run < 3; run++)
                {
                    var c = Stopwatch.StartNew();
                    using var pdf = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(path));
                    var open = c.Elapsed.TotalSeconds;
                    var letters = 0;
                    var getPages = 0.0;
                    var extract = 0.0;
                    var words = 0.0;
                    var t = Stopwatch.StartNew();
                    foreach (var page in pdf.GetPages())
                    {
                        getPages += t.Elapsed.TotalSeconds;
                        t.Restart();
                        letters += UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page).Length;
                        extract += t.Elapsed.TotalSeconds;
                        t.Restart();
                        letters += page.GetWords().Count();
                        words += t.Elapsed.TotalSeconds;
                        t.Restart();
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pdfpig open {open:0.000} s, pages {getPages:0.000} s, ContentOrderTextExtractor {extract:0.000} s, GetWords {words:0.000} s"));
                }
            }
            var runs = new List<(double Load, double Split, double Index, int Passages, int Sections)>();
            for (var run = 0; run <= WarmRuns; run++)
            {
                var clock = Stopwatch.StartNew();
                var document = new DocumentLoader().LoadSource(path, "S1");
                var load = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var passages = new PassageSplitter().Split(document);
                var split = clock.Elapsed.TotalSeconds;
                clock.Restart();
                using var index = new Bm25Index(passages);
                var indexing = clock.Elapsed.TotalSeconds;
                runs.Add((load, split, indexing, passages.Count, document.Sections.Count));
                var name = run == 0 ? "cold" : $"warm {run}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-7} load {load:0.000} s  split {split:0.000} s  index {indexing:0.000} s  total {load + split + indexing:0.000} s  ({document.Pages.Count} pages, {document.Sections.Count} sections, {passages.Count} passages)"));
            }
            var cold = runs[0].Load + runs[0].Split + runs[0].Index;
            var warm = runs.Skip(1).Average(r => r.Load + r.Split + r.Index);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target <= {TargetSeconds:0.0} s: {(cold <= TargetSeconds ? "met" : "NOT met")} cold"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest_cold_s={cold:0.000} ingest_warm_s={warm:0.000} pages={pages}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Text pages of prose lines under numbered headings ("3.2.1 Results"), Helvetica 10 pt on A4.</summary>
    internal static byte[] GeneratePdf(int pages, Random random)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        int chapter = 0, section = 0, subsection = 0;
        var pending = "";
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            while (y > 60)
            {
                if (random.NextDouble() < 0.04)
                {
                    string number;
                    if (p % 25 == 0 && y > 780 || chapter == 0)
                    {
                        chapter++;
                        section = 0;
                        subsection = 0;
                        number = $"{chapter}";
                    }
                    else if (random.NextDouble() < 0.5)
                    {
                        section++;
                        subsection = 0;
                        number = $"{chapter}.{Math.Max(1, section)}";
                    }
                    else
                    {
                        subsection++;
                        number = $"{chapter}.{Math.Max(1, section)}.{subsection}";
                    }
                    string[] titles = ["Results", "Methods", "Evaluation setup", "Limitations", "Threat model", "Findings", "Discussion"];
                    y -= 8;
                    page.AddText($"{number} {titles[random.Next(titles.Length)]}", 12, new PdfPoint(60, y), bold);
                    y -= 22;
                    continue;
                }
                while (pending.Length < 95)
                {
                    pending += Sentence(random) + " ";
                }
                var cut = pending.LastIndexOf(' ', Math.Min(95, pending.Length - 1));
                page.AddText(pending[..cut], 10, new PdfPoint(60, y), font);
                pending = pending[(cut + 1)..];
                y -= 13;
            }
        }
        return builder.Build();
    }

    private static string Sentence(Random random)
    {
        var s = $"{Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} {Tails[random.Next(Tails.Length)]}";
        return random.NextDouble() < 0.3 ? $"{s}, with {random.Next(2, 98)}% of cases affected." : s + ".";
    }
}
