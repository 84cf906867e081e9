namespace CrossCheck.Safety;

/// <summary>
/// One run, one owner: an exclusive OS file lock on <c>&lt;out&gt;/.&lt;run-id&gt;.lock</c>, held for the run's
/// life. On Linux and macOS .NET takes it with <c>flock(LOCK_EX)</c>, on Windows with a share-none
/// handle; either way the operating system releases it when the process dies, so a crash never
/// leaves a stale lock behind. The owner's process id is written beside it for the message that a
/// second command prints.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _pidPath;

    private RunLock(FileStream stream, string pidPath)
    {
        _stream = stream;
        _pidPath = pidPath;
    }

    public string Path => _stream.Name;

    public static string LockPath(string outputRoot, string runId) =>
        System.IO.Path.Combine(outputRoot, "." + runId + ".lock");

    /// <summary>Takes the lock, or returns null (with the holder's pid when known) if another process has it.</summary>
    public static RunLock? TryAcquire(string outputRoot, string runId, out int? holderPid)
    {
        holderPid = null;
        Directory.CreateDirectory(outputRoot);
        var path = LockPath(outputRoot, runId);
        var pidPath = path + ".pid";
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holderPid = ReadPid(pidPath);
            return null;
        }
        File.WriteAllText(pidPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new RunLock(stream, pidPath);
    }

    private static int? ReadPid(string pidPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidPath).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_pidPath);
        }
        catch (IOException)
        {
            // The pid file is only a hint for messages; the lock itself goes with the handle.
        }
        _stream.Dispose();
    }
}
