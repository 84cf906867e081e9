namespace CrossCheck.Review;

/// <summary>What an editor said about one claim's finding.</summary>
public enum HumanDecisionKind
{
    /// <summary>The final verdict is right.</summary>
    Agree,

    /// <summary>The finding is wrong: the claim holds (the editor's verdict is supported unless given).</summary>
    FalseAlarm,

    /// <summary>The finding was right and the essay has been corrected.</summary>
    Fixed,

    /// <summary>A comment only; no judgement of the verdict.</summary>
    Note,
}

/// <summary>The decisions file's and the log's names of <see cref="HumanDecisionKind"/>.</summary>
public static class HumanDecisionNames
{
    public static string Name(this HumanDecisionKind kind) => kind switch
    {
        HumanDecisionKind.Agree => "agree",
        HumanDecisionKind.FalseAlarm => "false_alarm",
        HumanDecisionKind.Fixed => "fixed",
        _ => "note",
    };

    public static bool TryParse(string? name, out HumanDecisionKind kind)
    {
        foreach (var k in Enum.GetValues<HumanDecisionKind>())
        {
            if (string.Equals(k.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
