using System.Globalization;
using CrossCheck.Ingest;
using CrossCheck.Panel.Providers;
using CrossCheck.Server.Runs;
using Microsoft.AspNetCore.Http;

namespace CrossCheck.Server.Api;

/// <summary>
/// Reads a multipart submission (one <c>essay</c> file, one or more <c>source</c> files, and the fields
/// <c>panel</c>, <c>rounds</c>, <c>extract</c>, <c>max_cost</c>, <c>budget</c>), stores the files under the run's
/// inputs folder, and loads them as <c>check</c> would, so a bad input is refused now with the CLI's own message.
/// </summary>
public sealed class SubmissionReader(ServeOptions serve, RunOptionsFactory factory)
{
    public const int MaxSources = 50;

    public async Task<RunSubmission> ReadAsync(HttpRequest request, string runId, string owner, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new SubmissionException(StatusCodes.Status415UnsupportedMediaType, "send multipart/form-data with one 'essay' file and one or more 'source' files.");
        }
        var maxBytes = serve.MaxUploadMiB * IngestLimits.MiB;
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge($"the request is {request.ContentLength / IngestLimits.MiB} MiB; the server takes at most {serve.MaxUploadMiB} MiB per submission.");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge($"the request is larger than the server takes ({serve.MaxUploadMiB} MiB per submission).");
        }
        catch (InvalidDataException e)
        {
            throw new SubmissionException(StatusCodes.Status400BadRequest, $"the multipart body could not be read ({e.Message.TrimEnd('.')}).");
        }
        var essays = form.Files.GetFiles("essay");
        var sources = form.Files.GetFiles("source");
        if (essays.Count != 1)
        {
            throw Bad($"send exactly one 'essay' file (got {essays.Count}).");
        }
        if (sources.Count == 0)
        {
            throw Bad("no source given; add a 'source' file (PDF, Word, Markdown, text or HTML) for each document the essay is about.");
        }
        if (sources.Count > MaxSources)
        {
            throw Bad($"at most {MaxSources} sources per submission (got {sources.Count}).");
        }
        var limits = factory.Limits;
        var inputs = factory.InputsFolder(runId);
        try
        {
            var essay = await SaveAsync(essays[0], "essay", UploadNames.EssayTypes, limits.MaxEssayBytes, inputs, "essay", cancellationToken).ConfigureAwait(false);
            var stored = new List<string>();
            for (var i = 0; i < sources.Count; i++)
            {
                stored.Add(await SaveAsync(sources[i], "source", UploadNames.SourceTypes, limits.MaxSourceBytes, inputs, Path.Combine("sources", (i + 1).ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false));
            }
            var submission = new RunSubmission
            {
                Essay = essay,
                Sources = stored,
                Panel = Field(form, "panel"),
                Rounds = Parse(form, "rounds", s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), v => v is >= 1 and <= 5, "a whole number from 1 to 5"),
                Extract = Parse(form, "extract", bool.Parse, _ => true, "true or false") ?? true,
                MaxCost = Parse(form, "max_cost", s => decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), v => v > 0, "a positive number of US dollars such as 2.50"),
                Budget = Parse(form, "budget", s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), v => v is >= 200 and <= 100_000, "a whole number of tokens from 200 to 100000"),
            };
            Validate(runId, owner, submission);
            return submission;
        }
        catch
        {
            Discard(inputs);
            throw;
        }
    }

    /// <summary>Loads every input and the panel as <c>check</c> would: a file or panel the run would refuse is refused now.</summary>
    private void Validate(string runId, string owner, RunSubmission submission)
    {
        try
        {
            var options = factory.Build(runId, owner, submission);
            var loader = new DocumentLoader(options.Limits);
            loader.LoadEssay(options.EssayPath);
            for (var i = 0; i < options.SourcePaths.Count; i++)
            {
                loader.LoadSource(options.SourcePaths[i], $"S{i + 1}");
            }
        }
        catch (Exception e) when (Jobs.RunJob.Describe(e) is { } message)
        {
            throw Bad(message);
        }
    }

    private static async Task<string> SaveAsync(IFormFile file, string field, string[] types, long maxBytes, string inputs, string folder, CancellationToken cancellationToken)
    {
        var name = UploadNames.Safe(file.FileName, types, field)
            ?? throw new SubmissionException(StatusCodes.Status415UnsupportedMediaType, $"{field} '{Printable(file.FileName)}': this file type is not read; send {string.Join(", ", types)}.");
        if (file.Length > maxBytes)
        {
            throw TooLarge($"{field} '{name}' is {file.Length / IngestLimits.MiB} MiB; the limit for a {field} is {maxBytes / IngestLimits.MiB} MiB.");
        }
        var relative = Path.Combine(folder, name);
        var path = Path.Combine(inputs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var target = File.Create(path);
        await file.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        return relative;
    }

    private static T? Parse<T>(IFormCollection form, string name, Func<string, T> parse, Func<T, bool> valid, string expected)
        where T : struct
    {
        if (Field(form, name) is not { } text)
        {
            return null;
        }
        try
        {
            var value = parse(text);
            return valid(value) ? value : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Bad($"{name} '{Printable(text)}': expected {expected}.");
        }
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static void Discard(string inputs)
    {
        try
        {
            if (Directory.Exists(inputs))
            {
                Directory.Delete(inputs, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    private static SubmissionException Bad(string message) => new(StatusCodes.Status400BadRequest, message);

    private static SubmissionException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);

    private static string Printable(string? s) => new((s ?? "").Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
