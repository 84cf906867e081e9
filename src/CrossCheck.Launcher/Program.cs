using System.Runtime.InteropServices;
using CrossCheck.Cli;

// `crosscheck` in a linux publish: this program, compiled to machine code. `extract FILE [-o OUT]` is read here (no
// runtime to start, no code to compile: half the time of the .NET program on a 300-page PDF); anything else is handed
// to the .NET program beside it with exec, so it keeps this process: its id, standard streams, environment, signals
// and exit code are the .NET program's own.
if (ExtractText.TryFastPath(args, out var code))
{
    return code;
}
var program = Path.Combine(AppContext.BaseDirectory, Launcher.DotNetProgram);
if (!File.Exists(program))
{
    Console.Error.WriteLine($"crosscheck: error: {program} is missing: this program runs every command but `extract FILE` through it; reinstall CrossCheck (publish src/CrossCheck.Cli).");
    return ExitCodes.Internal;
}
var error = Launcher.Exec(program, args);
Console.Error.WriteLine($"crosscheck: error: could not start {program}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
return ExitCodes.Internal;

internal static partial class Launcher
{
    /// <summary>The .NET program's own apphost, renamed by the publish (src/CrossCheck.Cli/CrossCheck.Cli.csproj).</summary>
    public const string DotNetProgram = "crosscheck-dotnet";

    /// <summary>Replaces this process with <paramref name="program"/>; returns (the errno) only if that failed.</summary>
    public static unsafe int Exec(string program, string[] args)
    {
        var argv = new nint[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(program);
        for (var i = 0; i < args.Length; i++)
        {
            argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        }
        fixed (nint* vector = argv)
        {
            ExecV(argv[0], vector);
        }
        return Marshal.GetLastPInvokeError();
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static unsafe partial int ExecV(nint path, nint* argv);
}
