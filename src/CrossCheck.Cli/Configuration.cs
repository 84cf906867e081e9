using CrossCheck.Hosting;
using Microsoft.Extensions.Configuration;

namespace CrossCheck.Cli;

/// <summary>The configuration every command reads: appsettings.json beside the program, then ./config/appsettings.json, then environment variables.</summary>
public static class Configuration
{
    public static IConfigurationBuilder AddCrossCheckSources(this IConfigurationBuilder builder)
    {
        foreach (var path in new[] { Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(Directory.GetCurrentDirectory(), "config", "appsettings.json") })
        {
            try
            {
                builder.AddJsonFile(path, optional: true);
                if (builder is not ConfigurationManager)
                {
                    // A plain builder loads lazily: load now, so a bad file is named here.
                    new ConfigurationBuilder().AddJsonFile(path, optional: true).Build();
                }
            }
            catch (InvalidDataException e)
            {
                var cause = e.InnerException?.InnerException?.Message ?? e.InnerException?.Message ?? e.Message;
                throw new ConfigurationFileException($"{path}: not valid JSON ({cause.Split('\n')[0].Trim()}); fix the file or remove it.", e);
            }
        }
        return builder.AddEnvironmentVariables();
    }
}
