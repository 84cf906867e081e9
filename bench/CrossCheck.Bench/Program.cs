using CrossCheck.Bench;

// Accuracy and speed harness: each command prints its figures and ends with one summary line.
// Exit codes: 0 done, 2 bad arguments or unreadable input.
if (args.Length == 0)
{
    return Usage();
}
try
{
    return args[0] switch
    {
        "wice" when args.Length >= 2 => WiceBench.Run(args[1], args.Skip(2).ToArray()),
        "checkworthiness" when args.Length >= 2 => CheckWorthinessBench.Run(args[1], args.Skip(2).ToArray()),
        "ingest" => IngestBench.Run(args.Skip(1).ToArray()),
        "ingest-file" when args.Length >= 2 => IngestCompare.IngestFile(args[1], args.Contains("--stages")),
        "pdfpig-file" when args.Length >= 2 => PdfPigFile.Run(args[1], args.Contains("threads=2") ? 2 : 1),
        "probes" when args.Length >= 3 => ProbesBench.Run(args[1], args[2], args.Skip(3).ToArray()),
        "wice-pooled" when args.Length >= 2 => EvidenceBench.WicePooled(args[1], args.Skip(2).ToArray()),
        "generated-retrieval" => EvidenceBench.GeneratedRetrieval(args.Skip(1).ToArray()),
        "offline-inputs" => EvidenceBench.OfflineInputs(args.Skip(1).ToArray()),
        "panel-throughput" => await PanelBench.ThroughputAsync(args.Skip(1).ToArray()),
        "panel-tokens" => await PanelBench.TokensAsync(args.Skip(1).ToArray()),
        "serve-workers" => await ServeBench.RunAsync(args.Skip(1).ToArray()),
        "anthropic-latency" => await AnthropicLatencyBench.RunAsync(args.Skip(1).ToArray()),
        "panel-faults" => await PanelFaultsBench.RunAsync(args.Skip(1).ToArray()),
        "bootstrap" => BootstrapBench.Run(args.Skip(1).ToArray()),
        _ => Usage(),
    };
}
catch (BenchInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: CrossCheck.Bench wice <claims.jsonl> [--fit] [--show] [--l2 x] [--drop i,j]  WiCE support judgement and retrieval
               CrossCheck.Bench checkworthiness <subtask1_sentence_checkworthiness.jsonl> [--show]
               CrossCheck.Bench probes <probes.jsonl> <pdf folder> [--show]  real-PDF extraction: quotes, pages, sections, glued words
               CrossCheck.Bench ingest [pages=300] [--profile] [--compare [--cli <crosscheck.dll>]...]  PDF ingest + passages + BM25 index timing; --compare: vs PdfPig's parse and pdftotext, peak memory; --cli: `crosscheck extract` vs pdftotext
               CrossCheck.Bench ingest-file <pdf> [--stages]  one source through load, passages and index (the --compare child); --stages: live heap and peak working set after each step
               CrossCheck.Bench pdfpig-file <pdf> [threads=2]  PdfPig's own parse only, open + every page's letters (the --cli rounds' child); threads=2: two documents over the same bytes
               CrossCheck.Bench wice-pooled <claims.jsonl> [--pages 200] [--splitter] [--ablate]  retrieval hit vs evidence budget, cited pages pooled
               CrossCheck.Bench generated-retrieval [--pages 200] [--claims 200] [--ablate]  same on a generated PDF, claims copied from it
               CrossCheck.Bench offline-inputs <folder> [--pages 300] [--claims 1000]  write a source PDF and an essay for timing `check` side by side
               CrossCheck.Bench panel-throughput [--claims 50] [--latency-ms 800] [--concurrency 8]  panel wall time vs the providers' limits (emulated)
               CrossCheck.Bench panel-tokens [--pages 200] [--claims 20]  input tokens per claim vs a whole-source-in-every-prompt run
               CrossCheck.Bench anthropic-latency [--latency-s 15] [--calls 8]  Anthropic answering after L s: the run's own client against the bare SDK's derived timeout (emulated)
               CrossCheck.Bench panel-faults obey|429|500|slow [--out <folder>]  the sample with one of four emulated providers misbehaving; keeps the run folder (scripted fixtures)
               CrossCheck.Bench bootstrap [rounds=5]  the agreement bootstrap against the general code it must equal, CPU per call side by side
               CrossCheck.Bench serve-workers [--store <pg>] [--processes 1,2,4] [--runs 6] [--claims 12] [--latency-ms 800] [--rate 4] [--workers 4] [--limits on,off] [--warmup on|off]  serve processes on one PostgreSQL vs the shared limits
        """);
    return 2;
}
