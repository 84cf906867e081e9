using System.Security.Cryptography;
using System.Text;
using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Runs the LLM panel's stages for each claim: draft → verify (every panelist, blind, in
/// parallel) → attack → reconcile (→ attack → reconcile for further rounds). Every model call
/// is a provenance record; every citation goes through QuoteCheck; an answer that is not valid
/// JSON gets one repair attempt and is then kept as <c>failed</c>.
/// </summary>
public sealed class PanelRunner(
    IReadOnlyList<PanelistSpec> panel,
    Func<PanelistSpec, IModelClient> clientFor,
    PromptLibrary prompts,
    GroundingChecker grounding,
    PanelOptions options,
    ProvenanceLog? log,
    Func<PanelistSpec, bool>? isAvailable = null,
    Costs.CostMeter? meter = null,
    decimal? maxCost = null,
    Costs.CostEstimator? estimator = null)
{
    private volatile bool _budgetSpent;

    /// <summary>True once a call was refused because it would have passed --max-cost.</summary>
    public bool BudgetSpent => _budgetSpent;

    private readonly Dictionary<PanelistSpec, IModelClient> _clients = panel.Distinct().ToDictionary(p => p, clientFor);

    public IReadOnlyList<PanelistSpec> Panel => panel;

    public async Task<ClaimPanel> RunClaimAsync(Claim claim, int checkableIndex, GroundingResult mechanical, CancellationToken cancellationToken)
    {
        var roles = Rotation.Assign(panel, checkableIndex, isAvailable);
        var claimReservation = ReserveClaim(claim, roles, mechanical);
        try
        {
            return await RunReservedClaimAsync(claim, roles, mechanical, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(claimReservation);
            InReservedClaim.Value = false;
        }
    }

    private static readonly AsyncLocal<bool> InReservedClaim = new();

    /// <summary>
    /// With --max-cost, a claim starts only if the spend so far, the estimates held by claims in
    /// flight and this claim's estimate (every stage, from the size of its evidence) fit the
    /// budget, so the budget buys whole checked claims rather than many half-checked ones.
    /// </summary>
    private decimal ReserveClaim(Claim claim, RoleAssignment roles, GroundingResult mechanical)
    {
        if (maxCost is null || meter is null || estimator is null)
        {
            return 0m;
        }
        var evidenceChars = mechanical.Evidence.Sum(e => e.Passage.End - e.Passage.Start);
        var template = prompts["Verify"];
        var probe = new ModelRequest("verify", template.SystemTemplate, new string('x', evidenceChars + claim.Text.Length * 2 + 400), template.Schema, template.Temperature, template.MaxTokens);
        decimal Cost(PanelistSpec p, string stage, double scale = 1) =>
            (estimator.Estimate(p, probe with { Stage = stage }).Cost ?? 0m) * (decimal)scale;
        var rounds = Math.Max(1, options.Rounds);
        // Attack and reconcile prompts also carry the reviews: about half as much again as a verify prompt.
        var estimate = Cost(roles.Drafter, "draft", 0.3) + panel.Sum(p => Cost(p, "verify"))
            + rounds * (Cost(roles.Attacker, "attack", 1.5) + Cost(roles.Reconciler, "reconcile", 1.5));
        var reserved = ReserveAmount(estimate, $"claim {claim.Id}");
        InReservedClaim.Value = true;
        return reserved;
    }

    private async Task<ClaimPanel> RunReservedClaimAsync(Claim claim, RoleAssignment roles, GroundingResult mechanical, CancellationToken cancellationToken)
    {
        log?.Append("roles", new { claim = claim.Id, drafter = roles.Drafter.Id, attacker = roles.Attacker.Id, reconciler = roles.Reconciler.Id, notes = roles.Notes });
        var evidence = mechanical.Evidence.Select((e, i) => new
        {
            id = $"E{i + 1}",
            source = e.Passage.Source.FileName,
            page = e.Passage.Page,
            section = e.Passage.Section?.Label,
            text = e.Passage.Text,
        }).ToArray();

        PanelAnswer draft;
        (draft, roles) = await AskRoleAsync("Draft", roles, 1, claim.Id, new { claim = claim.Text, kind = claim.Kind.ToString() }, cancellationToken).ConfigureAwait(false);
        var proposition = draft.Text("proposition") ?? claim.Text;

        var verifications = await Task.WhenAll(panel.Select(p => AskAsync(
            "Verify", p, 1, claim.Id, new { claim = claim.Text, proposition, evidence }, cancellationToken))).ConfigureAwait(false);

        var reviews = verifications.Select((v, i) => new
        {
            reviewer = $"Reviewer {(char)('A' + i)}",
            verdict = v.Verdict?.Name() ?? "failed",
            rationale = v.Rationale,
            citations = v.Citations.Select(c => new { c.Citation.PassageId, c.Citation.Page, c.Citation.Quote, check = c.Describe() }),
        }).ToArray();
        var current = Majority(verifications) ?? mechanical.Verdict;
        var mechanicalSummary = new
        {
            verdict = mechanical.Verdict.Name(),
            findings = mechanical.Reasons,
        };

        var attacks = new List<PanelAnswer>();
        var reconciliations = new List<PanelAnswer>();
        for (var round = 1; round <= Math.Max(1, options.Rounds); round++)
        {
            PanelAnswer attack;
            (attack, roles) = await AskRoleAsync("Attack", roles, round, claim.Id, new
            {
                claim = claim.Text,
                evidence,
                majority_verdict = current.Name(),
                reviews = reviews.Select(r => new { r.reviewer, r.verdict, r.rationale }),
                previous_reconciliation = reconciliations.LastOrDefault() is { Failed: false } last ? new { verdict = last.Verdict?.Name(), rationale = last.Rationale } : null,
            }, cancellationToken).ConfigureAwait(false);
            attacks.Add(attack);
            PanelAnswer reconcile;
            (reconcile, roles) = await AskRoleAsync("Reconcile", roles, round, claim.Id, new
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
            }, cancellationToken).ConfigureAwait(false);
            reconciliations.Add(reconcile);
            if (reconcile.Verdict is { } v)
            {
                current = v;
            }
        }

        var (final, from, flags) = Decide(verifications, reconciliations, mechanical);
        var result = new ClaimPanel(claim.Id, roles, draft, verifications, attacks, reconciliations, final, from, flags);
        log?.Append("verdict", new { claim = claim.Id, panelist = "panel", verdict = final, from, flags, final = true });
        return result;
    }

    /// <summary>
    /// Asks the holder of a role; when that call failed because the holder's provider is down
    /// (its circuit breaker open), the role goes to the next eligible panelist in rotation order,
    /// the rules kept (the reconciler neither drafter nor attacker, and of another family than the
    /// drafter where possible), and the reassignment is recorded.
    /// </summary>
    private async Task<(PanelAnswer Answer, RoleAssignment Roles)> AskRoleAsync(string stage, RoleAssignment roles, int round, string claimId, object data, CancellationToken cancellationToken)
    {
        var holder = stage switch { "Draft" => roles.Drafter, "Attack" => roles.Attacker, _ => roles.Reconciler };
        var answer = await AskAsync(stage, holder, round, claimId, data, cancellationToken).ConfigureAwait(false);
        if (!answer.Failed || isAvailable is null || isAvailable(holder))
        {
            return (answer, roles);
        }
        var start = panel.ToList().IndexOf(holder);
        var candidates = Enumerable.Range(1, panel.Count - 1).Select(k => panel[(start + k) % panel.Count]).Where(isAvailable).ToArray();
        var replacement = stage switch
        {
            "Draft" => candidates.FirstOrDefault(p => p != roles.Attacker && p != roles.Reconciler) ?? candidates.FirstOrDefault(),
            "Attack" => candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Reconciler) ?? candidates.FirstOrDefault(p => p != roles.Drafter),
            _ => candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Attacker && p.Family != roles.Drafter.Family)
                ?? candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Attacker)
                ?? candidates.FirstOrDefault(p => p != roles.Drafter),
        };
        if (replacement is null)
        {
            return (answer, roles);
        }
        var note = $"{stage.ToLowerInvariant()} reassigned from {holder.Id} to {replacement.Id}: provider down ({answer.Error})";
        log?.Append("role_reassigned", new { claim = claimId, stage, round, from = holder.Id, to = replacement.Id, reason = answer.Error });
        roles = stage switch
        {
            "Draft" => roles with { Drafter = replacement, Notes = [.. roles.Notes, note] },
            "Attack" => roles with { Attacker = replacement, Notes = [.. roles.Notes, note] },
            _ => roles with { Reconciler = replacement, Notes = [.. roles.Notes, note] },
        };
        return (await AskAsync(stage, replacement, round, claimId, data, cancellationToken).ConfigureAwait(false), roles);
    }

    /// <summary>
    /// The final verdict: the last usable reconciliation; else the majority of usable verify votes;
    /// else failed. Mechanical facts cap it: with a quote absent from the sources or a number in
    /// conflict, a "supported" cannot stand and becomes the grounding checker's verdict.
    /// </summary>
    public static (Verdict Verdict, string From, IReadOnlyList<string> Flags) Decide(
        IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> reconciliations, GroundingResult mechanical)
    {
        var flags = new List<string>();
        foreach (var v in verifications.Where(v => v.UnverifiedSupport))
        {
            flags.Add($"{v.Panelist.Id} said supported with no verified citation (unverified support)");
        }
        foreach (var v in verifications.Where(v => v.Failed))
        {
            flags.Add($"{v.Panelist.Id} gave no usable verify answer: {v.Error}");
        }
        Verdict verdict;
        string from;
        if (reconciliations.LastOrDefault(r => r.Verdict is not null) is { } reconciled)
        {
            verdict = reconciled.Verdict!.Value;
            from = "reconcile";
            if (reconciled.Citations.Count > 0 && reconciled.CitationsVerified < reconciled.Citations.Count)
            {
                flags.Add($"the reconciler cited {reconciled.Citations.Count - reconciled.CitationsVerified} quote(s) not found in the sources");
            }
        }
        else if (Majority(verifications) is { } majority)
        {
            verdict = majority;
            from = "verify majority (reconcile failed)";
            flags.Add("reconciliation failed; the final verdict is the verifiers' majority");
        }
        else
        {
            return (Verdict.Failed, "failed", [.. flags, "no panelist gave a usable verdict"]);
        }
        var verifiedSupport = verifications.Any(v => v.Verdict == Verdict.Supported && v.CitationsVerified > 0)
            || reconciliations.Any(r => r.Verdict == Verdict.Supported && r.CitationsVerified > 0);
        if (verdict == Verdict.Supported && !verifiedSupport && mechanical.Verdict.Severity() > verdict.Severity())
        {
            flags.Add($"no citation found in the source backs the panel's \"supported\", and the grounding checker says {mechanical.Verdict.Name()}: capped at {mechanical.Verdict.Name()}");
            return (mechanical.Verdict, from + " (capped: unverified support)", flags);
        }
        var hardFailure = mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent) || mechanical.Numbers.Any(n => n.Match == NumberMatch.Conflict);
        if (hardFailure && verdict == Verdict.Supported && mechanical.Verdict.Severity() > verdict.Severity())
        {
            flags.Add($"the panel said supported, but the mechanical checks found {(mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent) ? "a quote absent from the sources" : "a number in conflict with the source")}: capped at {mechanical.Verdict.Name()}");
            verdict = mechanical.Verdict;
            from += " (capped by mechanical checks)";
        }
        return (verdict, from, flags);
    }

    /// <summary>The verdict most usable verify votes give (a plurality; a tie goes to the more severe verdict).</summary>
    public static Verdict? Majority(IEnumerable<PanelAnswer> answers)
    {
        var votes = answers.Where(a => a.Verdict is { } v && v != Verdict.Failed).Select(a => a.Verdict!.Value).ToArray();
        return votes.Length == 0
            ? null
            : votes.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Severity()).First().Key;
    }

    /// <summary>
    /// The extraction stage: the first available panelist lists the essay's claims; each must quote
    /// its span of the essay verbatim. Spans found in the essay that no offline claim covers become
    /// new claims; those not found are rejected and logged.
    /// </summary>
    public async Task<IReadOnlyList<Claim>> ExtractAsync(Document essay, IReadOnlyList<Claim> offline, CancellationToken cancellationToken)
    {
        var extractor = panel.FirstOrDefault(p => isAvailable?.Invoke(p) ?? true) ?? panel[0];
        var added = new List<Claim>();
        var covered = offline.SelectMany(c => c.Occurrences).Select(o => (o.Start, o.End)).ToList();
        var folded = essay.Normalized;
        foreach (var chunk in Chunks(essay.Text, 6000))
        {
            var answer = await AskAsync("Extract", extractor, 1, "essay", new { essay_excerpt = chunk }, cancellationToken).ConfigureAwait(false);
            if (answer.Parsed is not { } parsed || !parsed.TryGetProperty("claims", out var claims) || claims.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                continue;
            }
            foreach (var item in claims.EnumerateArray())
            {
                var text = item.TryGetProperty("text", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString()?.Trim() : null;
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }
                var start = essay.Text.IndexOf(text, StringComparison.Ordinal);
                var length = text.Length;
                if (start < 0)
                {
                    var at = folded.Text.IndexOf(TextNormalizer.Fold(text), StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        (start, length) = folded.ToOriginal(at, TextNormalizer.Fold(text).Length);
                    }
                }
                if (start < 0)
                {
                    log?.Append("claim_rejected", new { panelist = extractor.Id, text, reason = "not found verbatim in the essay" });
                    continue;
                }
                var end = start + length;
                if (covered.Any(c => c.Start < end && start < c.End))
                {
                    continue;
                }
                covered.Add((start, end));
                var line = essay.Text.AsSpan(0, start).Count('\n');
                var column = start - (essay.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) + 1;
                var claim = ClaimExtractor.Build($"X{added.Count + 1}", ClaimExtractor.Clean(essay.Text.Substring(start, length)), [new Occurrence(line + 1, column, start, end)]);
                added.Add(claim);
                log?.Append("claim_extracted", new { id = claim.Id, text = claim.Text, kind = claim.Kind, checkable = claim.Checkable, by = extractor.Id, occurrences = claim.Occurrences });
            }
        }
        return added;
    }

    private static IEnumerable<string> Chunks(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length)
            {
                var cut = text.LastIndexOf("\n\n", end, end - start, StringComparison.Ordinal);
                if (cut > start)
                {
                    end = cut;
                }
            }
            yield return text[start..end];
            start = end;
        }
    }

    private async Task<PanelAnswer> AskAsync(string stage, PanelistSpec panelist, int round, string claimId, object data, CancellationToken cancellationToken)
    {
        var template = prompts[stage];
        var system = await PromptLibrary.RenderSystemAsync(template).ConfigureAwait(false);
        var request = new ModelRequest(stage.ToLowerInvariant(), system, DataEnvelope.Wrap(data), template.Schema, template.Temperature, template.MaxTokens);
        var (answer, error) = await CallAsync(stage, panelist, round, claimId, template, request, cancellationToken).ConfigureAwait(false);
        var stats = answer is null ? CallStats.None : new CallStats(answer.InputTokens, answer.OutputTokens, answer.Latency.TotalMilliseconds, 1, false, false, answer.ModelVersion);
        if (answer is null)
        {
            return Failed(stage, panelist, round, template, "", error!, stats);
        }
        var (parsed, problem) = AnswerParser.Parse(answer.Text, template.Schema);
        var raw = answer.Text;
        if (problem is not null)
        {
            var repair = prompts["Repair"];
            var repairSystem = await PromptLibrary.RenderSystemAsync(repair, new Dictionary<string, string> { ["problem"] = problem, ["form"] = template.Schema ?? "a JSON object" }).ConfigureAwait(false);
            var repairRequest = new ModelRequest("repair", repairSystem, DataEnvelope.Wrap(new { previous_answer = answer.Text }), template.Schema, template.Temperature, repair.MaxTokens);
            var (repaired, repairError) = await CallAsync(stage + "/repair", panelist, round, claimId, repair, repairRequest, cancellationToken).ConfigureAwait(false);
            stats = stats with { Calls = 2, Repaired = true };
            if (repaired is null)
            {
                return Failed(stage, panelist, round, template, raw, $"invalid answer ({problem}); the repair call failed: {repairError}", stats);
            }
            stats = stats with { InputTokens = stats.InputTokens + repaired.InputTokens, OutputTokens = stats.OutputTokens + repaired.OutputTokens, LatencyMs = stats.LatencyMs + repaired.Latency.TotalMilliseconds };
            raw = repaired.Text;
            (parsed, var secondProblem) = AnswerParser.Parse(repaired.Text, template.Schema);
            if (secondProblem is not null)
            {
                return Failed(stage, panelist, round, template, answer.Text + "\n---\n" + repaired.Text, $"invalid answer after one repair: {secondProblem}", stats);
            }
        }
        var verdict = AnswerParser.ReadVerdict(parsed, stage == "Attack" ? "proposed_verdict" : "verdict");
        var rationale = parsed is { } p && p.TryGetProperty("rationale", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String ? r.GetString() : null;
        var citations = AnswerParser.ReadCitations(parsed).Select(CheckCitation).ToArray();
        var result = new PanelAnswer(stage, panelist, round, verdict, rationale, citations, parsed, raw, null, stats, template.Id, template.Hash);
        if (citations.Length > 0)
        {
            log?.Append("citation_check", new
            {
                claim = claimId, stage, panelist = panelist.Id, round,
                verified = citations.Count(c => c.Verified), total = citations.Length,
                citations = citations.Select(c => new { quote = c.Citation.Quote, cited_page = c.Citation.Page, match = c.Match, similarity = c.Similarity, found_page = c.FoundPage, result = c.Describe() }),
            });
        }
        return result;
    }

    private readonly Lock _budgetGate = new();
    private decimal _inFlight;

    /// <summary>
    /// With --max-cost, a call starts only if the cost so far, plus the estimated cost of the calls
    /// in flight, plus this call's estimate stays within the budget; its estimate is held until it ends.
    /// </summary>
    private decimal Reserve(string stage, PanelistSpec panelist, ModelRequest request) =>
        maxCost is null || meter is null || estimator is null || InReservedClaim.Value
            ? 0m
            : ReserveAmount(estimator.Estimate(panelist, request).Cost ?? 0m, $"the {stage} call to {panelist.Id}");

    private decimal ReserveAmount(decimal estimate, string what)
    {
        lock (_budgetGate)
        {
            if (_budgetSpent || meter!.WouldExceed(maxCost!.Value, _inFlight + estimate))
            {
                _budgetSpent = true;
                throw new BudgetExceededException($"--max-cost {maxCost!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} USD reached before {what}");
            }
            _inFlight += estimate;
        }
        return estimate;
    }

    private void Release(decimal reserved)
    {
        if (reserved != 0m)
        {
            lock (_budgetGate)
            {
                _inFlight -= reserved;
            }
        }
    }

    private static PanelAnswer Failed(string stage, PanelistSpec panelist, int round, PromptTemplate template, string raw, string error, CallStats stats) =>
        new(stage, panelist, round, null, null, [], null, raw, error, stats, template.Id, template.Hash);

    private CheckedCitation CheckCitation(Citation citation)
    {
        var r = grounding.QuoteCheck.Check(citation.Quote);
        return new CheckedCitation(citation, r.Match, r.Similarity, r.Location?.Source.FileName, r.Location?.Page, r.Location?.Section?.Label);
    }

    private async Task<(ModelAnswer? Answer, string? Error)> CallAsync(string stage, PanelistSpec panelist, int round, string claimId, PromptTemplate template, ModelRequest request, CancellationToken cancellationToken)
    {
        var requestHash = ModelRequestHash.Compute(panelist, request);
        var reserved = Reserve(stage, panelist, request);
        using var scope = CallScope.Enter(claimId, stage, panelist.Id);
        try
        {
            var answer = await _clients[panelist].CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            var cost = answer.Origin == "cache" ? null : meter?.Record(stage.Split('/')[0].ToLowerInvariant(), panelist, answer.InputTokens, answer.OutputTokens).Cost;
            if (answer.Origin == "log")
            {
                // Resumed or replayed: the call and its answer are already in the log; say it was reused, don't record it twice.
                log?.Append("model_call_reused", new { claim = claimId, stage, round, panelist = panelist.Id, request_hash = requestHash });
                return (answer, null);
            }
            log?.Append("model_call", new
            {
                claim = claimId, stage, round, panelist = panelist.Id, provider = panelist.Provider, model = panelist.Model, family = panelist.Family,
                prompt = new { name = template.Name, version = template.Version, hash = template.Hash },
                request_hash = requestHash,
                system_sha256 = Sha(request.SystemPrompt),
                user_content = request.UserContent,
                response = answer.Text,
                usage = new { input_tokens = answer.InputTokens, output_tokens = answer.OutputTokens },
                latency_ms = answer.Latency.TotalMilliseconds,
                model_version = answer.ModelVersion,
                origin = answer.Origin,
                cost_usd = cost,
            });
            return (answer, null);
        }
        catch (Exception e) when (e is not BudgetExceededException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            var message = e.Message.Split('\n')[0];
            log?.Append("model_call", new
            {
                claim = claimId, stage, round, panelist = panelist.Id, provider = panelist.Provider, model = panelist.Model, family = panelist.Family,
                prompt = new { name = template.Name, version = template.Version, hash = template.Hash },
                request_hash = requestHash,
                user_content = request.UserContent,
                error = message,
            });
            return (null, message);
        }
        finally
        {
            Release(reserved);
        }
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
