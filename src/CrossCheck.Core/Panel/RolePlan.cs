using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// Gives each checkable claim its rotation slot (drafter p[slot], attacker p[slot+1], reconciler p[slot+2], see
/// <see cref="Rotation"/>) from a stable hash of the claim's text and the panel, not from its position: inserting or
/// editing one sentence leaves the other claims' roles, and so their requests, as they were, and the response cache
/// serves them. Slots stay balanced to within one claim per slot (so per role and panelist): claims propose to
/// slots in their own hashed order, each slot keeps the claims it ranks highest up to its quota (deferred
/// acceptance), so a change moves a claim only along one short rejection chain. Claims <paramref name="anchored"/> to
/// a slot (the roles they had in an earlier run, <c>check --since</c>) keep it, and the others fill around them.
/// </summary>
public static class RolePlan
{
    public const string Method = "crosscheck-roles/1: SHA-256 of panel and claim text; slots balanced by deferred acceptance";

    /// <param name="texts">The checkable claims' texts, in order.</param>
    /// <param name="anchored">Slots fixed in advance, by claim text (claims not among <paramref name="texts"/> still count toward the slots' loads).</param>
    public static int[] Slots(IReadOnlyList<string> texts, IReadOnlyList<PanelistSpec> panel, IReadOnlyDictionary<string, int>? anchored = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var n = Math.Max(1, panel.Count);
        var slots = new int[texts.Count];
        if (n == 1)
        {
            return slots;
        }
        var panelKey = string.Join('\u001F', panel.Select(p => p.Id + "@" + p.Family));
        var load = new int[n];
        var free = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (anchored is not null && anchored.TryGetValue(texts[i], out var fixedSlot))
            {
                slots[i] = ((fixedSlot % n) + n) % n;
                load[slots[i]]++;
            }
            else
            {
                free.Add(i);
            }
        }
        if (free.Count == 0)
        {
            return slots;
        }
        var quota = Quotas(texts.Count, load, free.Select(i => Preference(panelKey, texts[i], n)[0]).ToArray(), n);
        var prefs = free.ToDictionary(i => i, i => Preference(panelKey, texts[i], n));
        var seats = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var next = free.ToDictionary(i => i, _ => 0);
        var waiting = new Queue<int>(free);
        while (waiting.Count > 0)
        {
            var claim = waiting.Dequeue();
            if (next[claim] >= n)
            {
                // Every slot refused it (quotas full): take the least loaded. Cannot happen when quotas sum to the claims.
                var least = Enumerable.Range(0, n).OrderBy(s => load[s] + seats[s].Count).First();
                seats[least].Add(claim);
                continue;
            }
            var slot = prefs[claim][next[claim]++];
            var held = seats[slot];
            held.Add(claim);
            if (held.Count > quota[slot] - load[slot])
            {
                var worst = held.OrderBy(c => Priority(panelKey, texts[c], slot)).First();
                held.Remove(worst);
                waiting.Enqueue(worst);
            }
        }
        for (var s = 0; s < n; s++)
        {
            foreach (var claim in seats[s])
            {
                slots[claim] = s;
            }
        }
        return slots;
    }

    /// <summary>The key a claim's roles hang on: the same text with the same panel always gives the same key.</summary>
    public static string Key(IReadOnlyList<PanelistSpec> panel, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', panel.Select(p => p.Id + "@" + p.Family)) + "\u001E" + text)))[..16];

    /// <summary>
    /// q or q+1 claims per slot (q = claims / n); the extra seats go to the slots that already hold most (anchored
    /// claims), then to those most claims ask for first, then in slot order: so the quotas follow demand and a
    /// small change moves few claims.
    /// </summary>
    private static int[] Quotas(int total, int[] load, int[] firstChoices, int n)
    {
        var q = total / n;
        var extra = total % n;
        var demand = new int[n];
        foreach (var c in firstChoices)
        {
            demand[c]++;
        }
        var order = Enumerable.Range(0, n).OrderByDescending(s => load[s]).ThenByDescending(s => load[s] + demand[s]).ThenBy(s => s).ToArray();
        var quota = new int[n];
        for (var k = 0; k < n; k++)
        {
            // An anchored slot already over the quota keeps its claims (they ran earlier); the others absorb the rest.
            quota[order[k]] = Math.Max(load[order[k]], q + (k < extra ? 1 : 0));
        }
        return quota;
    }

    private static int[] Preference(string panelKey, string text, int n) =>
        [.. Enumerable.Range(0, n).OrderByDescending(s => Priority(panelKey, text, s)).ThenBy(s => s)];

    private static ulong Priority(string panelKey, string text, int slot) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{panelKey}\u001E{text}\u001E{slot}")));
}
