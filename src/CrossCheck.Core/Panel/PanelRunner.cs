using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Costs;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Runs the LLM panel's stages for one claim: draft → verify (every panelist, blind, in parallel) → attack →
/// reconcile (→ attack → reconcile for further rounds), then <see cref="VerdictPolicy"/> decides. A claim needs only
/// the run state it is given (the claim, its grounding result, its position among checkable claims), so it can run as
/// a job of its own. The pieces: <see cref="Rotation"/> and <see cref="RoleReassignment"/> give the roles,
/// <see cref="StageCaller"/> asks, <see cref="BudgetGate"/> holds the claim's estimated cost.
/// </summary>
public sealed class PanelRunner
{
    private readonly IReadOnlyList<PanelistSpec> _panel;
    private readonly PromptLibrary _prompts;
    private readonly PanelOptions _options;
    private readonly ProvenanceLog? _log;
    private readonly Func<PanelistSpec, bool>? _isAvailable;
    private readonly BudgetGate _budget;
    private readonly CostEstimator? _estimator;
    private readonly StageCaller _caller;

    public PanelRunner(
        IReadOnlyList<PanelistSpec> panel,
        Func<PanelistSpec, IModelClient> clientFor,
        PromptLibrary prompts,
        GroundingChecker grounding,
        PanelOptions options,
        ProvenanceLog? log,
        Func<PanelistSpec, bool>? isAvailable = null,
        BudgetGate? budget = null,
        CostEstimator? estimator = null)
    {
        _panel = panel;
        _prompts = prompts;
        _options = options;
        _log = log;
        _isAvailable = isAvailable;
        _estimator = estimator;
        _budget = estimator is not null ? budget ?? BudgetGate.Unlimited : BudgetGate.Unlimited;
        var clients = panel.Distinct().ToDictionary(p => p, clientFor);
        _caller = new StageCaller(clients, prompts, grounding.QuoteCheck, log);
    }

    /// <summary>True once a claim or call was refused because it would have passed --max-cost.</summary>
    public bool BudgetSpent => _budget.Spent;

    public IReadOnlyList<PanelistSpec> Panel => _panel;

    /// <summary>
    /// In a replay (or a run finished from its log), who held each claim's roles in the recorded run: the roles and
    /// any role moved off a down provider are given as the run gave them, not as the rotation would with every
    /// provider up (which would ask the log for calls the run never made).
    /// </summary>
    public RecordedRoles? RecordedRoles { get; init; }

    /// <summary>How the extraction stage went (<see cref="ExtractionReport.None"/> until <see cref="ExtractAsync"/> ran).</summary>
    public ExtractionReport Extraction { get; private set; } = ExtractionReport.None;

    /// <summary>The extraction stage, by the first available panelist; an excerpt it fails on goes to the next (<see cref="ClaimExtraction"/>).</summary>
    public async Task<IReadOnlyList<Claim>> ExtractAsync(Document essay, IReadOnlyList<Claim> offline, CancellationToken cancellationToken)
    {
        var distinct = _panel.DistinctBy(p => p.Id).ToArray();
        var available = distinct.Where(p => _isAvailable?.Invoke(p) ?? true).ToArray();
        var extraction = new ClaimExtraction(_caller, _log);
        var claims = await extraction.ExtractAsync(available.Length > 0 ? available : distinct[..1], essay, offline, cancellationToken).ConfigureAwait(false);
        Extraction = extraction.Report;
        return claims;
    }

    /// <param name="checkableIndex">The claim's rotation slot (<see cref="RolePlan.Slots"/>): drafter p[slot mod n], attacker p[slot+1], reconciler p[slot+2].</param>
    /// <exception cref="BudgetExceededException">With --max-cost, the claim's estimate does not fit what is left.</exception>
    public async Task<ClaimPanel> RunClaimAsync(Claim claim, int checkableIndex, GroundingResult mechanical, CancellationToken cancellationToken)
    {
        using var span = Telemetry.CrossCheckTelemetry.StartClaim(claim.Id);
        var roles = Recorded(claim.Id) ?? Rotation.Assign(_panel, checkableIndex, RecordedRoles is null ? _isAvailable : null);
        using var reservation = _budget.Reserve(ClaimCostEstimate.Of(claim, roles, mechanical, _panel, _prompts, _estimator, _options.Rounds, _options.Trials), $"claim {claim.Id}");
        return await RunStagesAsync(claim, roles, mechanical, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClaimPanel> RunStagesAsync(Claim claim, RoleAssignment roles, GroundingResult mechanical, CancellationToken cancellationToken)
    {
        _log?.Append(new RolesEntry(claim.Id, roles.Drafter.Id, roles.Attacker.Id, roles.Reconciler.Id, roles.Notes));
        var evidence = mechanical.Evidence.Select((e, i) => new
        {
            id = $"E{i + 1}",
            source = e.Passage.Source.FileName,
            page = e.Passage.Page,
            section = e.Passage.Section?.Label,
            text = e.Passage.Text,
        }).ToArray();
        var passages = mechanical.Evidence.Select(e => e.Passage).ToArray();

        PanelAnswer draft;
        (draft, roles) = await AskRoleAsync(Stage.Draft, roles, 1, claim.Id, new { claim = claim.Text, kind = claim.Kind.ToString() }, passages, cancellationToken).ConfigureAwait(false);
        var proposition = draft.Text("proposition") ?? claim.Text;

        // Trial 1 is the plain request (so a run with --trials reuses a single-trial run's answers); trials 2..N carry their number, so neither the cache nor the log can mistake one for another.
        var trials = new List<PanelAnswer[]>();
        for (var trial = 1; trial <= Math.Max(1, _options.Trials); trial++)
        {
            object data = trial == 1 ? new { claim = claim.Text, proposition, evidence } : new { claim = claim.Text, proposition, evidence, trial };
            trials.Add(await Task.WhenAll(_panel.Select(p => _caller.AskAsync(
                Stage.Verify, p, 1, claim.Id, data, passages, reserve: false, cancellationToken))).ConfigureAwait(false));
        }
        var verifications = trials.Count == 1 ? trials[0] : _panel.Select((_, i) => Trials.Representative(trials.Select(t => t[i]).ToArray())).ToArray();

        var reviews = verifications.Select((v, i) => new
        {
            reviewer = $"Reviewer {(char)('A' + i)}",
            verdict = v.Verdict?.Name() ?? "failed",
            rationale = v.Rationale,
            citations = v.Citations.Select(c => new { c.Citation.PassageId, c.Citation.Page, c.Citation.Quote, check = c.Describe() }),
        }).ToArray();
        var current = VerdictPolicy.Majority(verifications) ?? mechanical.Verdict;
        var mechanicalSummary = new { verdict = mechanical.Verdict.Name(), findings = mechanical.Reasons };

        var attacks = new List<PanelAnswer>();
        var reconciliations = new List<PanelAnswer>();
        var outcomes = new List<FinalVerdict>();
        for (var round = 1; round <= Math.Max(1, _options.Rounds); round++)
        {
            // From round 2 on, both requests carry the earlier rounds' outcome (a real reconsideration, not a resend); round 1's data is unchanged.
            var previous = Reconsideration.PreviousRounds(verifications, attacks, reconciliations, outcomes);
            int? roundNumber = previous is null ? null : round;
            PanelAnswer attack;
            (attack, roles) = await AskRoleAsync(Stage.Attack, roles, round, claim.Id, new
            {
                claim = claim.Text,
                evidence,
                majority_verdict = current.Name(),
                reviews = reviews.Select(r => new { r.reviewer, r.verdict, r.rationale }),
                round = roundNumber,
                previous_rounds = previous,
            }, passages, cancellationToken).ConfigureAwait(false);
            attacks.Add(attack);
            PanelAnswer reconcile;
            (reconcile, roles) = await AskRoleAsync(Stage.Reconcile, roles, round, claim.Id, new
            {
                claim = claim.Text,
                evidence,
                reviews,
                attack = attack.Failed ? null : new
                {
                    proposed_verdict = attack.Verdict?.Name(),
                    challenges = attack.Parsed,
                    citations = attack.Citations.Select(c => new { c.Citation.Quote, check = c.Describe() }),
                },
                mechanical_checks = mechanicalSummary,
                round = roundNumber,
                previous_rounds = previous,
            }, passages, cancellationToken).ConfigureAwait(false);
            reconciliations.Add(reconcile);
            outcomes.Add(AggregationRules.Decide(_options.Aggregation, verifications, reconciliations, mechanical));
            current = outcomes[^1].Verdict;
        }

        var final = AggregationRules.Decide(_options.Aggregation, verifications, reconciliations, mechanical);
        _log?.Append(new VerdictEntry(claim.Id, "panel", final.Verdict, From: final.From, Flags: final.Flags, Overruled: final.Overruled, Final: true));
        return new ClaimPanel(claim.Id, roles, draft, verifications, attacks, reconciliations, final.Verdict, final.From, final.Flags, final.Overruled)
        {
            VerifyTrials = trials.Count > 1 ? trials : [],
        };
    }

    /// <summary>The claim's roles as the recorded run gave them, when <see cref="RecordedRoles"/> holds them for panelists of this panel.</summary>
    private RoleAssignment? Recorded(string claimId)
    {
        if (RecordedRoles?.Of(claimId) is not { } r)
        {
            return null;
        }
        PanelistSpec? Find(string id) => _panel.FirstOrDefault(p => p.Id == id);
        return Find(r.Drafter) is { } drafter && Find(r.Attacker) is { } attacker && Find(r.Reconciler) is { } reconciler
            ? new RoleAssignment(drafter, attacker, reconciler) { Notes = r.Notes }
            : null;
    }

    /// <summary>Asks the holder of a role; when that failed because the holder's provider is down, asks the panelist <see cref="RoleReassignment"/> gives it to.</summary>
    private async Task<(PanelAnswer Answer, RoleAssignment Roles)> AskRoleAsync(Stage stage, RoleAssignment roles, int round, string claimId, object data, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var holder = RoleReassignment.HolderOf(stage, roles);
        var answer = await _caller.AskAsync(stage, holder, round, claimId, data, passages, reserve: false, cancellationToken).ConfigureAwait(false);
        var moved = !answer.Failed ? null : RecordedRoles is not null ? MovedAsRecorded(stage, roles, round, claimId, holder) : MovedOffDownProvider(stage, roles, holder, answer.Error!);
        if (moved is not { } move)
        {
            return (answer, roles);
        }
        _log?.Append(new RoleReassignedEntry(claimId, stage.PromptName(), round, holder.Id, move.To.Id, move.Reason));
        return (await _caller.AskAsync(stage, move.To, round, claimId, data, passages, reserve: false, cancellationToken).ConfigureAwait(false), move.Roles);
    }

    /// <summary>Live: the role goes to the next available panelist when the holder's provider is down (<see cref="RoleReassignment"/>).</summary>
    private (PanelistSpec To, RoleAssignment Roles, string? Reason)? MovedOffDownProvider(Stage stage, RoleAssignment roles, PanelistSpec holder, string error) =>
        _isAvailable is null || _isAvailable(holder) || RoleReassignment.Reassign(_panel, stage, roles, _isAvailable, error) is not { } moved
            ? null
            : (moved.To, moved.Roles, error);

    /// <summary>Replaying: a role moves only where the recorded run moved it; the providers' state now says nothing about then.</summary>
    private (PanelistSpec To, RoleAssignment Roles, string? Reason)? MovedAsRecorded(Stage stage, RoleAssignment roles, int round, string claimId, PanelistSpec holder) =>
        RecordedRoles!.Moved(claimId, stage.PromptName(), round, holder.Id) is { } recorded && _panel.FirstOrDefault(p => p.Id == recorded.To) is { } to
            ? (to, RoleReassignment.MoveTo(stage, roles, to, recorded.Reason), recorded.Reason)
            : null;
}
