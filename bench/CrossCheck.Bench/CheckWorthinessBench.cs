namespace CrossCheck.Bench;

internal static class CheckWorthinessBench
{
    public static int Run(string path) => 0;
}
