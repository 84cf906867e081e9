using CrossCheck.Hosting;
using CrossCheck.Server.Access;
using CrossCheck.Server.Api;
using CrossCheck.Server.Jobs;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server;

/// <summary>
/// <c>crosscheck serve</c>'s host: one Generic Host with ASP.NET Core (the API, the page, health, OpenAPI, the job
/// dashboard at /jobs) and Hangfire's server as the hosted worker, over the composition root
/// <see cref="ServiceCollectionExtensions.AddCrossCheck"/>. The storage profile (embedded or PostgreSQL) is chosen
/// by <see cref="ServeOptions.Store"/>.
/// </summary>
public static class ServeApp
{
    public static WebApplication Build(
        Action<IConfigurationBuilder> configuration,
        Action<ServeOptions>? overrides = null,
        Action<IServiceCollection>? services = null,
        Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        configuration(builder.Configuration);
        var serve = new ServeOptions();
        builder.Configuration.GetSection(ServeOptions.Section).Bind(serve);
        if (builder.Configuration.GetConnectionString("CrossCheck") is { Length: > 0 } connection && !serve.IsPostgres)
        {
            serve.Store = connection;
        }
        overrides?.Invoke(serve);
        ServeOptionsCheck.ThrowIfInvalid(serve);
        serve.DataRoot = Path.GetFullPath(serve.DataRoot);
        Directory.CreateDirectory(serve.InputsRoot);
        Directory.CreateDirectory(serve.RunsRoot);

        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = (serve.MaxUploadMiB + 16) * Ingest.IngestLimits.MiB);
        // SubmissionReader answers an upload over MaxUploadMiB with 413 and one line; Kestrel cuts off a body far beyond it (no length given).
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = serve.MaxUploadMiB * Ingest.IngestLimits.MiB);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var s = builder.Services;
        services?.Invoke(s);
        s.AddCrossCheck(builder.Configuration);
        if (serve.ResponseCache is { } cache)
        {
            s.Configure<CrossCheckOptions>(o => o.NoCache = !cache);
        }
        s.AddSingleton(Options.Create(serve));
        s.AddSingleton(serve);
        s.AddSingleton(sp => new RunOptionsFactory(serve, sp.GetRequiredService<IOptions<CrossCheckOptions>>().Value, sp.GetRequiredService<Panel.Providers.ProviderRegistry>()));
        s.AddSingleton<SubmissionReader>();
        s.AddSingleton<RunCancellations>();
        s.AddMetrics();
        s.AddSingleton<ServeMetrics>();
        s.AddTransient<RunJob>();
        s.AddTransient<RunPlanner>();
        s.AddTransient<ClaimJob>();
        s.AddTransient<FinishRunJob>();
        s.AddTransient<RunFinisher>();
        s.AddSingleton<ClaimCheck>();
        s.AddSingleton<RunOutcomes>();
        s.AddSingleton<RunContexts>();
        StorageProfile.Add(s, serve);
        s.AddHostedService<ResumeOnStart>();

        s.AddAuthentication(TokenAuthenticationHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        s.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.CanRead, p => p.RequireRole(ApiRoles.Read, ApiRoles.Submit, ApiRoles.Admin))
            .AddPolicy(ApiRoles.CanSubmit, p => p.RequireRole(ApiRoles.Submit, ApiRoles.Admin))
            .AddPolicy(ApiRoles.IsAdmin, p => p.RequireRole(ApiRoles.Admin));
        s.AddAntiforgery();
        s.AddOpenApi();
        s.ConfigureHttpJsonOptions(o => ServeJson.Configure(o.SerializerOptions));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapRunEndpoints();
        app.MapGet("/", () => Results.Text(WebPage.Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new DashboardAccess(admin: false)],
            IsReadOnlyFunc = c => !new DashboardAccess(admin: true).Authorize(c),
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    private static async Task<IResult> ReadyAsync(IRunStore store, JobStorage jobs, CancellationToken cancellationToken)
    {
        try
        {
            await store.UnfinishedAsync(cancellationToken);
            using var connection = jobs.GetConnection();
            return Results.Text("ready");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new ApiError($"not ready: {e.Message}"), statusCode: 503);
        }
    }
}
