using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

public sealed class CheckSettings : CommonSettings
{
    [CommandArgument(0, "<essay>")]
    [Description("The essay to check: Markdown (.md), plain text (.txt), Word (.docx) or PDF; '-' reads it from standard input (see --essay-format).")]
    public string Essay { get; init; } = "";

    [CommandOption("-s|--source <FILE>")]
    [Description("A source document the essay is about (PDF, .docx, .md, .txt, .html). Repeat for several.")]
    public string[] Sources { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Folder that receives the run folder <DIR>/<run-id>/. Default: runs (or CrossCheck:OutputRoot in config).")]
    public string? Out { get; init; }

    [CommandOption("--fail-on <VERDICTS>")]
    [Description("Exit with code 1 when any claim gets one of these verdicts (comma-separated), e.g. contradicted,not_in_source.")]
    public string? FailOn { get; init; }

    [CommandOption("--budget <TOKENS>")]
    [Description("Evidence token budget per claim. Default: 2000 (or CrossCheck:EvidenceTokenBudget).")]
    public int? Budget { get; init; }

    [CommandOption("--run-id <ID>")]
    [Description("Name the run folder instead of using a generated id.")]
    public string? RunId { get; init; }

    [CommandOption("-p|--panel <PANEL>")]
    [Description("The LLM panel in rotation order, comma-separated provider:model, e.g. anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1. Default: CrossCheck:Panel in config, else none (offline grounding checker only).")]
    public string? Panel { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("Rounds of attack and reconciliation per claim. Default: 1.")]
    public int? Rounds { get; init; }

    [CommandOption("--prompts <DIR>")]
    [Description("A folder of stage prompts (Extract, Draft, Verify, Attack, Reconcile, Repair) to use instead of the bundled ones.")]
    public string? Prompts { get; init; }

    [CommandOption("--no-extract")]
    [Description("Skip the LLM claim-extraction stage; check only the sentences the offline splitter finds.")]
    public bool NoExtract { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Claims in flight at once. Default: 256, so that each provider's own concurrency and rate limits, not this, set the pace.")]
    public int? Parallel { get; init; }

    [CommandOption("--resume <ID>")]
    [Description("Finish the unfinished run <ID> (runs/.<ID>.partial) without repeating calls whose answers it recorded. Without it, the newest unfinished run with the same inputs and settings is resumed.")]
    public string? Resume { get; init; }

    [CommandOption("--no-resume")]
    [Description("Always start a new run, even when an unfinished one with the same inputs exists.")]
    public bool NoResume { get; init; }

    [CommandOption("--max-cost <USD>")]
    [Description("Stop starting model calls once the run's cost would pass this many US dollars; calls in flight finish, and the report lists the claims left unchecked (exit code 5).")]
    public decimal? MaxCost { get; init; }

    [CommandOption("--allow-degraded")]
    [Description("Exit 0 even when a panelist failed more than 20% of its calls (otherwise exit code 6, panel degraded).")]
    public bool AllowDegraded { get; init; }

    [CommandOption("--estimate")]
    [Description("Print the calls, tokens and cost the run would take, then exit without calling any model.")]
    public bool Estimate { get; init; }

    [CommandOption("--strict-inputs")]
    [Description("Refuse a damaged input (a PDF whose structure had to be repaired) instead of running with a warning.")]
    public bool StrictInputs { get; init; }

    [CommandOption("--no-cache")]
    [Description("Neither read nor write the response cache: every model call goes to its provider.")]
    public bool NoCache { get; init; }

    [CommandOption("--essay-format <FORMAT>")]
    [Description("How to read an essay given as '-' (standard input): md (default) or txt.")]
    public string? EssayFormat { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("What stdout gets: text (default: counts and problem claims), json (the run summary, as --json) or sarif (SARIF 2.1.0, one result per problem claim, for code-scanning tools). Under GitHub Actions (GITHUB_ACTIONS=true) problem claims also become annotations and a job summary.")]
    public string? Format { get; init; }

    [CommandOption("--json")]
    [Description("Print the run summary as JSON on stdout: counts, problem claims, run folder, exit code and reason.")]
    public bool Json { get; init; }

    [CommandOption("--sources-in-run <MODE>")]
    [Description("How report.html's \"open at page\" links reach the sources: copy (default: copied into the run folder's sources/), link (symbolic links there) or none.")]
    public string? SourcesInRun { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress lines on stderr.")]
    public bool Quiet { get; init; }

    private static readonly string[] OutputFormats = ["text", "json", "sarif"];
    private static readonly string[] EssayFormats = ["md", "txt"];

    /// <summary>The essay comes from standard input (given as '-').</summary>
    public bool FromStdin => Essay == CommandLineHelp.StdinMarker;

    /// <summary>What stdout gets: text, json or sarif.</summary>
    public string OutputFormat => Json ? "json" : Format?.ToLowerInvariant() ?? "text";

    // Research options (issue 13): trials, aggregation rule, re-checking only what changed since an earlier run.
    [CommandOption("--trials <N>")]
    [Description("Ask every panelist's verify stage N times per claim (trial numbers in the request keep them apart in the cache); matrix.json keeps every trial and reports stability. Default: 1.")]
    public int? Trials { get; init; }

    [CommandOption("--aggregate <RULE>")]
    [Description("How the final verdict is drawn from the answers: reconciler-with-guards (default), majority or strictest. Recorded in run.json; 'replay --aggregate' re-decides a finished run.")]
    public string? Aggregate { get; init; }

    [CommandOption("--since <RUN>")]
    [Description("An earlier run folder of this essay (same panel, sources and settings): unchanged claims keep its answers and verdicts (no model called), only new and changed claims go to the panel.")]
    public string? Since { get; init; }

    public override ValidationResult Validate()
    {
        if (Trials is < 1 or > 20)
        {
            return ValidationResult.Error("--trials must be between 1 and 20");
        }
        if (Aggregate is { } rule && !CrossCheck.Panel.AggregationRules.TryParse(rule, out _))
        {
            return ValidationResult.Error($"--aggregate: unknown rule '{rule}'; use {string.Join(", ", CrossCheck.Panel.AggregationRules.All.Select(r => CrossCheck.Panel.AggregationRules.Name(r)))}");
        }
        if (string.IsNullOrWhiteSpace(Essay))
        {
            return ValidationResult.Error("give the essay file: crosscheck check <essay> --source <file>");
        }
        if (Format is not null && !OutputFormats.Contains(Format.ToLowerInvariant()))
        {
            return ValidationResult.Error($"--format must be one of {string.Join(", ", OutputFormats)}, not '{Format}'");
        }
        if (Json && Format is not null && !Format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--json and --format {Format} both choose what stdout gets; give one of them");
        }
        if (EssayFormat is not null && !EssayFormats.Contains(EssayFormat.ToLowerInvariant()))
        {
            return ValidationResult.Error($"--essay-format must be md or txt, not '{EssayFormat}'");
        }
        if (EssayFormat is not null && !FromStdin)
        {
            return ValidationResult.Error("--essay-format is for an essay read from standard input ('-'); a file's type comes from its extension");
        }
        if (Budget is <= 0)
        {
            return ValidationResult.Error("--budget must be a positive number of tokens");
        }
        if (Rounds is < 1 or > 10)
        {
            return ValidationResult.Error("--rounds must be between 1 and 10");
        }
        if (MaxCost is < 0)
        {
            return ValidationResult.Error("--max-cost must not be negative");
        }
        if (Parallel is < 1)
        {
            return ValidationResult.Error("--parallel must be at least 1");
        }
        if (SourcesInRun is { } mode && !Enum.TryParse<Runs.SourceLinkMode>(mode, ignoreCase: true, out _))
        {
            return ValidationResult.Error($"--sources-in-run must be copy, link or none, not '{mode}'");
        }
        if (RunId is { } id && (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.StartsWith('.')))
        {
            return ValidationResult.Error("--run-id must be a plain folder name");
        }
        return ValidationResult.Success();
    }
}
