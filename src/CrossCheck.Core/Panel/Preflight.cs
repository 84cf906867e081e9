using CrossCheck.Models;
using CrossCheck.Panel.Providers;

namespace CrossCheck.Panel;

/// <summary>What the preflight learnt about one panelist.</summary>
/// <param name="Fatal">The provider refused the key or does not know the model (HTTP 401, 403 or 404): the run cannot use this panelist.</param>
public sealed record PreflightResult(PanelistSpec Panelist, bool Ok, bool Fatal, int? StatusCode, string Message);

/// <summary>
/// Before a run pays for anything, each distinct panelist's model is asked for a single token. A rejected key
/// (401/403) or an unknown model (404) stops the run with one line per panelist saying what to do; any other
/// failure (a rate limit, a server error, a timeout) is left to the run's own retries and degraded-panel rules.
/// A one-token call is the cheapest request every provider kind here accepts (not every API has a models listing).
/// </summary>
public static class Preflight
{
    public static readonly ModelRequest Request = new("preflight", "Connectivity check before a run. Reply with one word.", "ok?", MaxTokens: 1);

    public static async Task<IReadOnlyList<PreflightResult>> CheckAsync(IEnumerable<PanelistSpec> panel, Func<PanelistSpec, IModelClient> clientFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientFor);
        var checks = panel.DistinctBy(p => p.Id).Select(async panelist =>
        {
            try
            {
                await clientFor(panelist).CompleteAsync(Request, cancellationToken).ConfigureAwait(false);
                return new PreflightResult(panelist, true, false, null, "ok");
            }
            catch (ModelCallException e) when (e.StatusCode is 401 or 403 or 404)
            {
                return new PreflightResult(panelist, false, true, e.StatusCode, Explain(panelist, e.StatusCode.Value, e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An empty one-token answer, a 429 or a 500 says nothing against the key or the model.
                var status = (e as ModelCallException)?.StatusCode;
                return new PreflightResult(panelist, false, false, status, OneLine(e.Message));
            }
        });
        return await Task.WhenAll(checks).ConfigureAwait(false);
    }

    /// <summary>The preflight a run recorded in its log (<c>preflight</c> records), for a replay's reports; empty when it did not run.</summary>
    public static IReadOnlyList<PreflightResult> FromLog(string logPath, IReadOnlyList<PanelistSpec> panel)
    {
        var results = new List<PreflightResult>();
        foreach (var line in File.ReadLines(logPath).Where(l => l.Contains("\"type\":\"preflight\"", StringComparison.Ordinal)))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var data = doc.RootElement.GetProperty("data");
            var id = data.GetProperty("panelist").GetString();
            if (panel.FirstOrDefault(p => p.Id == id) is not { } spec)
            {
                continue;
            }
            var status = data.TryGetProperty("status", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Number ? s.GetInt32() : (int?)null;
            results.Add(new PreflightResult(spec, data.GetProperty("ok").GetBoolean(), false, status, data.TryGetProperty("message", out var m) ? m.GetString() ?? "" : ""));
        }
        return results;
    }

    /// <summary>Throws the one-line user error (exit 2) when any panelist cannot be used at all.</summary>
    public static void ThrowIfFatal(IReadOnlyList<PreflightResult> results)
    {
        var fatal = results.Where(r => r.Fatal).ToList();
        if (fatal.Count > 0)
        {
            throw new ProviderConfigurationException(
                $"preflight: {string.Join("; ", fatal.Select(r => r.Message))}. Nothing was paid for and no run folder was written.");
        }
    }

    private static string Explain(PanelistSpec panelist, int status, string message) => status switch
    {
        404 => $"{panelist.Id}: the provider does not know model '{panelist.Model}' (HTTP 404); check the model name with `crosscheck providers --ping --panel {panelist.Id}` or the provider's model list",
        _ => $"{panelist.Id}: the provider rejected the key (HTTP {status}: {OneLine(message)}); check the key `crosscheck providers` lists for {panelist.Provider} and its access to this model",
    };

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
