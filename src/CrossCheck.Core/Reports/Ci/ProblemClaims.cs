using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Ci;

/// <summary>The run's problem claims, worst verdict first, then in essay order: what every CI output lists.</summary>
public static class ProblemClaims
{
    /// <summary>The verdicts a pipeline is told about; supported and not_checkable claims are not problems.</summary>
    public static readonly IReadOnlyList<Verdict> Verdicts = [Verdict.Contradicted, Verdict.NotInSource, Verdict.PartiallySupported, Verdict.Failed];

    public static IReadOnlyList<ProblemClaim> From(RunResult run)
    {
        var text = run.Essay.Text;
        var lineStarts = LineStarts(text);
        var problems = new List<ProblemClaim>();
        foreach (var o in run.Outcomes)
        {
            var verdict = o.FinalVerdict;
            if (!Verdicts.Contains(verdict))
            {
                continue;
            }
            var (line, column, endLine, endColumn) = o.Claim.Occurrences.Count > 0
                ? Span(lineStarts, o.Claim.Occurrences[0].Start, o.Claim.Occurrences[0].End)
                : (1, 1, 1, 1);
            var best = o.Grounding.BestLocation;
            problems.Add(new ProblemClaim(o.Claim.Id, verdict, o.Claim.Text, Reason(o), line, column, endLine, endColumn, best?.Source.FileName, best?.Page));
        }
        return [.. problems.OrderBy(p => Verdicts.ToList().IndexOf(p.Verdict)).ThenBy(p => p.Line).ThenBy(p => p.Column)];
    }

    /// <summary>The panel's last usable reconciliation or a verifier's rationale when a panel ran; else the grounding checker's first reason.</summary>
    private static string Reason(ClaimOutcome o)
    {
        var panelReason = o.Panel is { } panel
            ? panel.Reconciliations.LastOrDefault(r => !r.Failed && !string.IsNullOrWhiteSpace(r.Rationale))?.Rationale
              ?? panel.Verifications.FirstOrDefault(v => !v.Failed && v.Verdict == panel.FinalVerdict && !string.IsNullOrWhiteSpace(v.Rationale))?.Rationale
              ?? panel.Flags.FirstOrDefault()
            : null;
        return panelReason ?? o.Grounding.Reasons.FirstOrDefault() ?? o.FinalVerdict.Name().Replace('_', ' ');
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }

    private static (int Line, int Column, int EndLine, int EndColumn) Span(int[] lineStarts, int start, int end)
    {
        var (line, column) = Position(lineStarts, start);
        var (endLine, endColumn) = Position(lineStarts, Math.Max(start, end));
        return (line, column, endLine, endColumn);
    }

    private static (int Line, int Column) Position(int[] lineStarts, int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
