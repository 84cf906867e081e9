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
        "ingest-file" when args.Length >= 2 => IngestCompare.IngestFile(args[1]),
        "probes" when args.Length >= 3 => ProbesBench.Run(args[1], args[2], args.Skip(3).ToArray()),
        "panel-throughput" => await PanelBench.ThroughputAsync(args.Skip(1).ToArray()),
        "panel-tokens" => await PanelBench.TokensAsync(args.Skip(1).ToArray()),
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
               CrossCheck.Bench ingest [pages=300] [--profile] [--compare]  PDF ingest + passages + BM25 index timing; --compare: vs PdfPig's parse and pdftotext, peak memory
               CrossCheck.Bench ingest-file <pdf>  one source through load, passages and index (the --compare child)
               CrossCheck.Bench panel-throughput [--claims 50] [--latency-ms 800] [--concurrency 8]  panel wall time vs the providers' limits (emulated)
               CrossCheck.Bench panel-tokens [--pages 200] [--claims 20]  input tokens per claim vs a whole-source-in-every-prompt run
        """);
    return 2;
}
