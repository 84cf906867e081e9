using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CrossCheck.Safety;
using CrossCheck.Server.Access;
using CrossCheck.Server.Jobs;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Api;

/// <summary>
/// The HTTP API under <c>/api/runs</c>: submit, list, status with per-claim progress, a server-sent event stream,
/// cancel, and the artifacts of a finished run. Another user's run is answered 404, as if it did not exist. A run
/// id from a request must pass <see cref="RunIdRules"/> and an artifact name must be one of <see cref="Artifacts"/>
/// before either is put into a path.
/// </summary>
public static class RunEndpoints
{
    public static readonly IReadOnlyDictionary<string, string> Artifacts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["report.html"] = "text/html; charset=utf-8",
        ["report.md"] = "text/markdown; charset=utf-8",
        ["matrix.csv"] = "text/csv; charset=utf-8",
        ["matrix.json"] = "application/json",
        ["claims.json"] = "application/json",
        ["methodology.md"] = "text/markdown; charset=utf-8",
        ["provenance.jsonl"] = "application/x-ndjson",
        ["run.json"] = "application/json",
    };

    public static void MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runs").WithTags("runs");
        api.MapPost("/", SubmitAsync).RequireAuthorization(ApiRoles.CanSubmit).DisableAntiforgery()
            .WithSummary("Submit a run: multipart with one 'essay' file, 'source' files, and optional fields panel, rounds, extract, max_cost, budget.")
            .Produces<RunRecord>(StatusCodes.Status202Accepted).Produces<ApiError>(400).Produces<ApiError>(413).Produces<ApiError>(415);
        api.MapGet("/", ListAsync).RequireAuthorization(ApiRoles.CanRead).WithSummary("Runs you may see, newest first (an admin sees every run).");
        api.MapGet("/{id}", GetAsync).RequireAuthorization(ApiRoles.CanRead).WithSummary("One run's status, with each claim's progress and, once finished, its verdict counts.")
            .Produces<RunRecord>().Produces<ApiError>(404);
        api.MapGet("/{id}/events", Events).RequireAuthorization(ApiRoles.CanRead).WithSummary("Server-sent events: the run's record each time it changes, until it finishes.");
        api.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(ApiRoles.CanSubmit).WithSummary("Stop a run; it is marked cancelled.");
        api.MapGet("/{id}/artifacts/{name}", ArtifactAsync).RequireAuthorization(ApiRoles.CanRead)
            .WithSummary("A file of a finished run: report.html, report.md, matrix.csv, matrix.json, claims.json, methodology.md, provenance.jsonl, run.json.");
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IRunStore store, SubmissionReader reader, IBackgroundJobClient jobs, TimeProvider time, Random random, ServeMetrics metrics, ILogger<RunJob> logger, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var now = time.GetUtcNow();
        var id = $"{now:yyyyMMdd-HHmmss}-{random.Next():x8}";
        RunSubmission submission;
        try
        {
            submission = await reader.ReadAsync(http.Request, id, caller.Name, cancellationToken);
        }
        catch (SubmissionException e)
        {
            return Results.Json(new ApiError(e.Message), statusCode: e.Status);
        }
        var run = new RunRecord { Id = id, Owner = caller.Name, Created = now, Updated = now, Submission = submission, Stage = "queued" };
        if (!await store.CreateAsync(run, cancellationToken))
        {
            return Results.Json(new ApiError("a run with this id exists already; submit again."), statusCode: StatusCodes.Status409Conflict);
        }
        jobs.Enqueue<RunJob>(j => j.ExecuteAsync(id, CancellationToken.None));
        ServeLog.RunSubmitted(logger, id, caller.Name);
        metrics.Submitted();
        return Results.Json(run, ServeJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IRunStore store, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var runs = await store.ListAsync(caller.IsAdmin ? null : caller.Name, cancellationToken);
        return Results.Json(runs, ServeJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IRunStore store, CancellationToken cancellationToken) =>
        await VisibleAsync(id, http, store, cancellationToken) is { } run ? Results.Json(run, ServeJson.Options) : NotFound(id);

    private static async Task<IResult> Events(string id, HttpContext http, IRunStore store, CancellationToken cancellationToken) =>
        await VisibleAsync(id, http, store, cancellationToken) is null ? NotFound(id) : TypedResults.ServerSentEvents(StreamAsync(id, http, store, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(string id, HttpContext http, IRunStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var run = await VisibleAsync(id, http, store, cancellationToken);
            if (run is null)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(new ApiError($"no run '{id}'"), ServeJson.Options), "error");
                yield break;
            }
            var json = JsonSerializer.Serialize(run, ServeJson.Options);
            if (json != last)
            {
                last = json;
                yield return new SseItem<string>(json, run.Finished ? "finished" : "progress");
            }
            if (run.Finished)
            {
                yield break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext http, IRunStore store, RunCancellations cancellations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, http, store, cancellationToken) is null)
        {
            return NotFound(id);
        }
        var run = await store.UpdateAsync(id, r => r.Finished ? r : r with
        {
            CancelRequested = true,
            Status = r.Status == RunStatus.Queued ? RunStatus.Cancelled : r.Status,
            Updated = time.GetUtcNow(),
        }, cancellationToken);
        if (run is { Finished: true, CancelRequested: false })
        {
            return Results.Json(new ApiError($"run '{id}' has already finished ({run.Status.ToString().ToLowerInvariant()})."), statusCode: StatusCodes.Status409Conflict);
        }
        cancellations.Cancel(id);
        return Results.Json(run, ServeJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ArtifactAsync(string id, string name, HttpContext http, IRunStore store, IOptions<ServeOptions> serve, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(id, http, store, cancellationToken) is not { } run)
        {
            return NotFound(id);
        }
        if (!Artifacts.TryGetValue(name, out var contentType) && !IsReportPage(name, out contentType))
        {
            return Results.Json(new ApiError($"no artifact '{Printable(name)}'; ask for one of {string.Join(", ", Artifacts.Keys)}."), statusCode: StatusCodes.Status404NotFound);
        }
        var path = Path.GetFullPath(Path.Combine(serve.Value.RunsRoot, run.Id, name));
        if (run.Status == RunStatus.Succeeded && !File.Exists(path) && !Artifacts.ContainsKey(name))
        {
            // A report page past the run's last one (a short run has report.html only).
            return Results.Json(new ApiError($"run '{id}' has no {name}; its report.html links to every page it has."), statusCode: StatusCodes.Status404NotFound);
        }
        if (run.Status != RunStatus.Succeeded || !File.Exists(path))
        {
            return Results.Json(new ApiError($"run '{id}' is {run.Status.ToString().ToLowerInvariant()}: its artifacts exist once it has succeeded."), statusCode: StatusCodes.Status409Conflict);
        }
        return Results.File(path, contentType);
    }

    /// <summary>A further page of a long run's report (<c>report-2.html</c>, <c>report-3.html</c>…), which report.html links to.</summary>
    private static bool IsReportPage(string name, out string contentType)
    {
        contentType = "text/html; charset=utf-8";
        return name.StartsWith("report-", StringComparison.Ordinal) && name.EndsWith(".html", StringComparison.Ordinal)
            && name["report-".Length..^".html".Length] is { Length: > 0 and <= 6 } number && number.All(char.IsAsciiDigit);
    }

    /// <summary>The run when the id is well-formed, exists, and the caller may see it; otherwise null (answered 404).</summary>
    private static async Task<RunRecord?> VisibleAsync(string id, HttpContext http, IRunStore store, CancellationToken cancellationToken)
    {
        if (RunIdRules.Problem(id) is not null)
        {
            return null;
        }
        var run = await store.GetAsync(id, cancellationToken);
        return run is not null && Caller.From(http.User).MaySee(run) ? run : null;
    }

    private static IResult NotFound(string id) => Results.Json(new ApiError($"no run '{Printable(id)}'."), statusCode: StatusCodes.Status404NotFound);

    private static string Printable(string s) => new(s.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
