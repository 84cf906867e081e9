using CrossCheck.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrossCheck.Cli;

/// <summary>
/// Exports CrossCheck's spans and metrics over OTLP only when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (with the other standard <c>OTEL_*</c> variables: protocol, headers, service name...). Otherwise nothing listens
/// and the program pays nothing for its instrumentation.
/// </summary>
public static class CliTelemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddIfConfigured(HostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable]))
        {
            return;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("crosscheck", serviceVersion: Running.CheckRunner.ProgramVersion))
            .WithTracing(t => t.AddSource(CrossCheckTelemetry.Name))
            .WithMetrics(m => m.AddMeter(CrossCheckTelemetry.Name))
            .UseOtlpExporter();
    }
}
