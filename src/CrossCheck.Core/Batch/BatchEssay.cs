namespace CrossCheck.Batch;

/// <summary>One essay of a batch manifest: its run id (default: the essay's file name), the essay and its sources.</summary>
public sealed class BatchEssay
{
    public string Id { get; set; } = "";

    public string Essay { get; set; } = "";

    public List<string> Sources { get; set; } = [];
}
