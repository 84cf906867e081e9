using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>
/// Turns the command-line parser's terse errors into one friendly line: "did you mean" for a mistyped command or
/// option, and what kind of value an option takes when its value cannot be read. Commands and options are found
/// by reflection over this assembly (a command class <c>VerifyLogCommand</c> is the command <c>verify-log</c>), so a
/// new command is covered without a list to keep up to date.
/// </summary>
public static partial class CommandLineHelp
{
    /// <summary>Stands for a lone <c>-</c> (standard input), which the parser would read as an option with no name.</summary>
    public const string StdinMarker = "<stdin>";

    public static string[] Prepare(string[] args) => [.. args.Select(a => a == "-" ? StdinMarker : a)];

    public static string? Describe(Exception e, string[] args)
    {
        if (UnknownCommand().Match(e.Message) is { Success: true } c)
        {
            var typed = c.Groups[1].Value;
            var guess = Nearest(typed, Commands().Keys);
            return $"unknown command '{typed}'{(guess is null ? "" : $"; did you mean '{guess}'?")} (crosscheck --help lists the commands)";
        }
        if (UnknownOption().Match(e.Message) is { Success: true } o)
        {
            var typed = o.Groups[1].Value;
            var command = CommandIn(args);
            var guess = Nearest(typed, OptionsOf(command).Select(p => p.Name));
            var shown = (typed.Length == 1 ? "-" : "--") + typed;
            return $"unknown option {shown}{(guess is null ? "" : $"; did you mean {(guess.Length == 1 ? "-" : "--")}{guess}?")} (crosscheck {command ?? ""}{(command is null ? "" : " ")}--help lists the options)";
        }
        if (FailedToConvert().Match(e.Message) is { Success: true } f)
        {
            var value = f.Groups[1].Value;
            var option = OptionBefore(args, value);
            var type = option is null ? null : OptionsOf(CommandIn(args)).FirstOrDefault(p => p.Name == option.TrimStart('-')).Type;
            return $"{option ?? "an option"}: cannot read '{value}' as {Kind(type)}; see crosscheck {CommandIn(args) ?? ""}{(CommandIn(args) is null ? "" : " ")}--help";
        }
        return null;
    }

    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="typed"/> within a third of its length in edits (at least 2), or null.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) && best.Distance < Math.Max(typed.Length, best.Name.Length) ? best.Name : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Every command of this assembly by name, with its settings type.</summary>
    public static IReadOnlyDictionary<string, Type> Commands() =>
        typeof(CommandLineHelp).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.Name.EndsWith("Command", StringComparison.Ordinal) && SettingsOf(t) is not null)
            .ToDictionary(t => Kebab(t.Name[..^"Command".Length]), t => SettingsOf(t)!, StringComparer.Ordinal);

    private static Type? SettingsOf(Type command)
    {
        for (var t = command.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                return settings;
            }
        }
        return null;
    }

    private static string Kebab(string pascal) => PascalWord().Replace(pascal, "-$1").ToLowerInvariant();

    private static string? CommandIn(string[] args) => args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && Commands().ContainsKey(first) ? first : null;

    private static IEnumerable<(string Name, Type Type)> OptionsOf(string? command)
    {
        var types = command is not null && Commands().TryGetValue(command, out var settings) ? [settings] : Commands().Values.Distinct();
        foreach (var property in types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                foreach (var name in option.LongNames.Concat(option.ShortNames))
                {
                    yield return (name, property.PropertyType);
                }
            }
        }
    }

    private static string? OptionBefore(string[] args, string value)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith('-') && args[i].EndsWith("=" + value, StringComparison.Ordinal))
            {
                return args[i][..args[i].IndexOf('=', StringComparison.Ordinal)];
            }
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }
        }
        return null;
    }

    private static string Kind(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => "a value of the right kind",
    };

    [GeneratedRegex("^Unknown command '([^']*)'")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Unknown option '([^']*)'")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Failed to convert '(.*)' to ")]
    private static partial Regex FailedToConvert();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalWord();
}
