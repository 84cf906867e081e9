using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("CrossCheck.Tests.Support.StartEarlyOrderer", "CrossCheck.Tests")]

namespace CrossCheck.Tests.Support;

/// <summary>
/// A test class (or a collection definition) whose tests run for seconds, mostly waiting on child processes, a lease or
/// the emulator: its collection starts before the others, so the short ones fill the test threads around it instead of
/// it running last with the other threads idle (docs/benchmarks.md §10).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StartEarlyAttribute : Attribute;

/// <summary>xunit's own order of test collections, with those marked <see cref="StartEarlyAttribute"/> moved to the front.</summary>
public sealed class StartEarlyOrderer : ITestCollectionOrderer
{
    /// <summary>How xunit names the collection of a class that does not name one.</summary>
    private const string PerClass = "Test collection for ";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        // OrderBy is stable: xunit's own order stays within each group.
        return _default.OrderTestCollections(testCollections).OrderBy(c => StartsEarly(c) ? 0 : 1).ToList();
    }

    private static bool StartsEarly(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(PerClass, StringComparison.Ordinal) ? typeof(StartEarlyOrderer).Assembly.GetType(collection.DisplayName[PerClass.Length..]) : null);
        return type?.IsDefined(typeof(StartEarlyAttribute), inherit: false) == true;
    }
}
