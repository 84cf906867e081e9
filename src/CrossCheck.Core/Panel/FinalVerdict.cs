using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>What <see cref="VerdictPolicy"/> decided for a claim: the verdict, where it came from, and every flag raised on the way.</summary>
public sealed record FinalVerdict(Verdict Verdict, string From, IReadOnlyList<string> Flags);
