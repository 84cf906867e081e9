using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Costs;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// What a run knows so far, handed from step to step (<see cref="IRunStep"/>): its inputs, its folder and log, its
/// claims and what each step found about them. A claim's panel work needs only its claim, grounding result and
/// checkable position from here (see <see cref="PanelRunner.RunClaimAsync"/>).
/// </summary>
public sealed class RunState(RunOptions options, IProgress<RunProgress>? progress, DateTimeOffset started) : IDisposable
{
    public RunOptions Options { get; } = options;

    public IProgress<RunProgress>? Progress { get; } = progress;

    public DateTimeOffset Started { get; } = started;

    public Document Essay { get; set; } = null!;

    public List<Document> Sources { get; set; } = [];

    public List<Claim> Claims { get; set; } = [];

    /// <summary>The stage prompts; null for a grounding-only run.</summary>
    public PromptLibrary? Prompts { get; set; }

    public string Fingerprint { get; set; } = "";

    public string RunId { get; set; } = "";

    /// <summary>Where the run is written while it is unfinished.</summary>
    public string PartialFolder { get; set; } = "";

    /// <summary>Where the finished run goes.</summary>
    public string FinalFolder { get; set; } = "";

    public ProvenanceLog Log { get; set; } = null!;

    /// <summary>Answers the log already holds (resume, replay).</summary>
    public RecordedAnswers Recorded { get; set; } = RecordedAnswers.Empty;

    /// <summary>Each panelist's client with its middleware; null for a grounding-only run.</summary>
    public Func<PanelistSpec, IModelClient>? Clients { get; set; }

    /// <summary>What the preflight found for each panelist (empty when it did not run).</summary>
    public IReadOnlyList<PreflightResult> Preflight { get; set; } = [];

    public CostMeter Meter { get; set; } = null!;

    /// <summary>The <c>--max-cost</c> gate (<see cref="BudgetGate.Unlimited"/> without one, and in a replay).</summary>
    public BudgetGate Budget { get; set; } = BudgetGate.Unlimited;

    public SourceCorpus Corpus { get; set; } = null!;

    public GroundingChecker Checker { get; set; } = null!;

    public PanelRunner? Panel { get; set; }

    public GroundingResult[] Groundings { get; set; } = [];

    public ClaimPanel?[] Panels { get; set; } = [];

    public List<string> UncheckedClaims { get; } = [];

    /// <summary>The run named by <c>--since</c>, when there is one.</summary>
    public SincePlan? Since { get; set; }

    public RunResult? Result { get; set; }

    private readonly List<IDisposable> _owned = [];

    /// <summary>Disposed with the run (log, corpus, event subscriptions).</summary>
    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Report(string stage, int done, int total, string? detail = null) => Progress?.Report(new RunProgress(stage, done, total, detail));

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }
}
