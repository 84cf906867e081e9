using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// What <see cref="VerdictPolicy"/> decided for a claim: the verdict, where it came from, every flag raised on the
/// way, and whether the reconciler moved it away from the verify majority (<see cref="Overruled"/>).
/// </summary>
public sealed record FinalVerdict(Verdict Verdict, string From, IReadOnlyList<string> Flags, bool Overruled = false);
