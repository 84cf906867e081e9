namespace CrossCheck.Panel;

/// <summary>The stages of the panel, in the order a claim goes through them (extraction runs once per essay).</summary>
public enum Stage
{
    Extract,
    Draft,
    Verify,
    Attack,
    Reconcile,

    /// <summary>The one retry of a stage whose answer was not valid JSON.</summary>
    Repair,
}

/// <summary>The names a stage goes by: its prompt folder, its key in requests and costs.</summary>
public static class StageNames
{
    /// <summary>The prompt folder's name and the stage as the provenance log writes it: <c>Verify</c>.</summary>
    public static string PromptName(this Stage stage) => stage.ToString();

    /// <summary>The lower-case key of requests, cost lines and estimates: <c>verify</c>.</summary>
    public static string Key(this Stage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>How the log names the repair of a stage's answer: <c>Verify/repair</c>.</summary>
    public static string RepairOf(this Stage stage) => stage.PromptName() + "/repair";
}
