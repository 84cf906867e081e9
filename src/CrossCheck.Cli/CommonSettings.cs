using System.ComponentModel;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>Options every command takes.</summary>
public class CommonSettings : CommandSettings
{
    [CommandOption("-v|--verbose")]
    [Description("Log what the program does (stages, model calls, cache hits) to stderr.")]
    public bool Verbose { get; init; }
}
