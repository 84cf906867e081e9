using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

public sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<essay>")]
    [Description("The essay to check: Markdown (.md), plain text (.txt) or PDF.")]
    public string Essay { get; init; } = "";

    [CommandOption("-s|--source <FILE>")]
    [Description("A source document the essay is about (PDF, .md, .txt, .html). Repeat for several.")]
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

    [CommandOption("-q|--quiet")]
    [Description("No progress lines on stderr.")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Essay))
        {
            return ValidationResult.Error("give the essay file: crosscheck check <essay> --source <file>");
        }
        if (Budget is <= 0)
        {
            return ValidationResult.Error("--budget must be a positive number of tokens");
        }
        if (RunId is { } id && (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.StartsWith('.')))
        {
            return ValidationResult.Error("--run-id must be a plain folder name");
        }
        return ValidationResult.Success();
    }
}
