using System.Text.Json;

namespace CrossCheck.Provenance;

/// <summary>
/// Who held each claim's roles in a recorded run, from its log: the <c>roles</c> record (the last one of a claim: a
/// resumed or re-attempted claim's latest) and every <c>role_reassigned</c> record (a role moved off a provider that
/// was down). A replay gives the roles to whom the run gave them; with every provider up, the rotation would not.
/// </summary>
public sealed class RecordedRoles
{
    private readonly Dictionary<string, Assignment> _roles;
    private readonly Dictionary<(string Claim, string Stage, int Round, string From), Move> _moves;

    private RecordedRoles(Dictionary<string, Assignment> roles, Dictionary<(string, string, int, string), Move> moves)
    {
        _roles = roles;
        _moves = moves;
    }

    public static RecordedRoles Empty { get; } = new([], []);

    /// <summary>The panelist ids a claim's roles were given to, with the notes saying why any differed from the rotation.</summary>
    public sealed record Assignment(string Drafter, string Attacker, string Reconciler, IReadOnlyList<string> Notes);

    /// <summary>A role that moved from one panelist to another after the holder's call failed, and the failure.</summary>
    public sealed record Move(string To, string? Reason);

    public Assignment? Of(string claimId) => _roles.GetValueOrDefault(claimId);

    /// <param name="stage">The stage as the log names it (<c>role_reassigned</c>'s <c>stage</c>).</param>
    public Move? Moved(string claimId, string stage, int round, string fromPanelistId) =>
        _moves.GetValueOrDefault((claimId, stage, round, fromPanelistId));

    /// <summary>Reads one record of the log; records of other types are ignored.</summary>
    internal static void Read(JsonElement record, Dictionary<string, Assignment> roles, Dictionary<(string, string, int, string), Move> moves)
    {
        var data = record.GetProperty("data");
        switch (record.GetProperty("type").GetString())
        {
            case "roles":
                roles[data.GetProperty("claim").GetString()!] = new Assignment(
                    data.GetProperty("drafter").GetString()!,
                    data.GetProperty("attacker").GetString()!,
                    data.GetProperty("reconciler").GetString()!,
                    data.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array ? [.. notes.EnumerateArray().Select(n => n.GetString() ?? "")] : []);
                break;
            case "role_reassigned":
                moves[(data.GetProperty("claim").GetString()!, data.GetProperty("stage").GetString()!, data.GetProperty("round").GetInt32(), data.GetProperty("from").GetString()!)] =
                    new Move(data.GetProperty("to").GetString()!, data.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
                break;
        }
    }

    internal static RecordedRoles From(Dictionary<string, Assignment> roles, Dictionary<(string, string, int, string), Move> moves) =>
        roles.Count == 0 && moves.Count == 0 ? Empty : new(roles, moves);
}
