namespace CrossCheck.Evidence;

/// <summary>
/// Token counts for budgeting evidence, estimated as one token per four characters (the usual
/// figure for English under the GPT and Claude tokenisers); close enough to size a budget.
/// </summary>
public static class TokenEstimator
{
    public static int Estimate(int characters) => (characters + 3) / 4;

    public static int Estimate(string text) => Estimate(text.Length);
}
