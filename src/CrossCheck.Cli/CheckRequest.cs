namespace CrossCheck.Cli;

/// <summary>What <c>check</c> was asked on the command line, handed to the hosted worker.</summary>
public sealed record CheckRequest(CheckSettings Settings, string[] CommandLine);
