namespace CrossCheck.Bench;

internal static class IngestBench
{
    public static int Run(string[] args) => 0;
}
