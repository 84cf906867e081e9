using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrossCheck.Provenance;

namespace CrossCheck.Tests.Architecture;

/// <summary>
/// The provenance log's vocabulary is typed: every record the program writes is a <see cref="LogEntry"/> subtype, and
/// docs/formats.md describes exactly those types and their fields.
/// </summary>
public sealed partial class LogEntryTests
{
    private static readonly Type[] Entries = [.. typeof(LogEntry).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LogEntry)) && !t.IsAbstract)];

    /// <summary>The record type each entry writes, read from an instance made with default arguments.</summary>
    private static string RecordType(Type entry)
    {
        var constructor = entry.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return ((LogEntry)constructor.Invoke(arguments)).Type;
    }

    private static IEnumerable<string> Fields(Type entry) =>
        entry.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not nameof(LogEntry.Type) and not "EqualityContract")
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

    /// <summary>The rows of the record-type table in docs/formats.md: its types (first column) and the backticked names in its data column.</summary>
    private static List<(string[] Types, HashSet<string> Fields)> DocumentedRecords()
    {
        var text = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "formats.md"));
        var table = text[text.IndexOf("| type | written by | data |", StringComparison.Ordinal)..];
        var rows = new List<(string[], HashSet<string>)>();
        foreach (var line in table.Split('\n').Skip(2))
        {
            if (!line.StartsWith('|'))
            {
                break;
            }
            var cells = line.Split('|');
            rows.Add(([.. Backticked().Matches(cells[1]).Select(m => m.Groups[1].Value)],
                [.. Backticked().Matches(cells[3]).Select(m => m.Groups[1].Value.TrimEnd('[', ']'))]));
        }
        return rows;
    }

    [Fact]
    public void EveryEntryType_WritesItsOwnRecordType()
    {
        Assert.True(Entries.Length >= 20, $"only {Entries.Length} entry types found");
        var types = Entries.Select(RecordType).ToArray();
        Assert.Equal(types.Length, types.Distinct(StringComparer.Ordinal).Count());
        Assert.All(types, t => Assert.Matches("^[a-z]+(_[a-z]+)*$", t));
    }

    [Fact]
    public void FormatsDoc_DescribesEveryRecordTypeAndEveryField_AndNothingElse()
    {
        var documented = DocumentedRecords();
        var problems = new List<string>();
        foreach (var entry in Entries)
        {
            var type = RecordType(entry);
            var row = documented.FirstOrDefault(r => r.Types.Contains(type));
            if (row.Types is null)
            {
                problems.Add($"{type} ({entry.Name}) is not in docs/formats.md's record table");
                continue;
            }
            problems.AddRange(Fields(entry).Where(f => !row.Fields.Contains(f)).Select(f => $"{type}: field {f} ({entry.Name}) is not documented"));
        }
        var written = Entries.Select(RecordType).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(documented.SelectMany(r => r.Types).Where(t => !written.Contains(t)).Select(t => $"docs/formats.md documents {t}, which no entry type writes"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheProgram_WritesOnlyTypedEntries()
    {
        var untyped = SourceTree.Files(Path.Combine(SourceTree.Root, "src"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => UntypedAppend().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();
        Assert.True(untyped.Length == 0, "records written with a string type instead of a LogEntry:\n" + string.Join("\n", untyped));
    }

    [Fact]
    public void UntypedAppendPattern_CatchesAStringTypedCall()
    {
        Assert.Matches(UntypedAppend(), """state.Log.Append("budget_reached", new { spent = 1 });""");
        Assert.Matches(UntypedAppend(), """log?.Append(HumanReview.RecordType, new { claim = "C1" });""");
        Assert.DoesNotMatch(UntypedAppend(), """state.Log.Append(new BudgetReachedEntry(1m, 2m, []));""");
        Assert.DoesNotMatch(UntypedAppend(), """html.Append("<td>").Append(x);""");
    }

    [GeneratedRegex(@"`([a-z_][a-z0-9_]*(?:\[\])?)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\b(?:[Ll]og|resumed)\??\.Append\(\s*(?:""|[A-Z][A-Za-z.]*Type\b)")]
    private static partial Regex UntypedAppend();
}
