namespace CrossCheck.Tests.Server;

/// <summary>
/// A fact that needs a PostgreSQL server: its connection string in <c>CROSSCHECK_TEST_POSTGRES</c> (.ci/run starts a
/// throwaway one and sets it). Without it the test is skipped with that reason.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CROSSCHECK_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"no PostgreSQL: set {Variable} to a connection string (Host=127.0.0.1;Port=…;Username=postgres) to run this; .ci/run starts one";
        }
    }
}
