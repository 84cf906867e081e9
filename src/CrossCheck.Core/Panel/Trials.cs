using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// Repeated verify trials (<c>--trials N</c>): a panelist's verdict on a claim is its modal verdict over the trials
/// (a tie goes to the earlier trial's verdict), and its stability is how often it gave that verdict.
/// </summary>
public static class Trials
{
    /// <summary>The first trial whose verdict is the modal one: its answer (rationale, citations) stands for the panelist.</summary>
    public static PanelAnswer Representative(IReadOnlyList<PanelAnswer> trials)
    {
        var modal = Modal(trials.Select(VerdictOf).ToArray());
        return trials.First(t => VerdictOf(t) == modal);
    }

    /// <summary>The most frequent verdict; among equally frequent ones, the one given first.</summary>
    public static Verdict Modal(IReadOnlyList<Verdict> verdicts) =>
        verdicts.Select((v, i) => (v, i)).GroupBy(x => x.v).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.i)).First().Key;

    /// <summary>The share of trials that gave the modal verdict (1 when every trial agreed).</summary>
    public static double Stability(IReadOnlyList<Verdict> verdicts)
    {
        if (verdicts.Count == 0)
        {
            return 0;
        }
        var modal = Modal(verdicts);
        return (double)verdicts.Count(v => v == modal) / verdicts.Count;
    }

    public static Verdict VerdictOf(PanelAnswer answer) => answer.Failed ? Verdict.Failed : answer.Verdict ?? Verdict.Failed;
}
