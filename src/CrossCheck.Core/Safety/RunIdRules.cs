using System.Text.RegularExpressions;

namespace CrossCheck.Safety;

/// <summary>
/// Run ids become folder names: letters, digits, '.', '_' and '-', starting with a letter or
/// digit, at most 64 characters. Anything else (spaces, newlines, right-to-left marks, path
/// separators, "..") is refused with one line.
/// </summary>
public static partial class RunIdRules
{
    public const int MaxLength = 64;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();

    /// <returns>Null when the id is acceptable, otherwise the reason.</returns>
    public static string? Problem(string id)
    {
        if (id.Length == 0)
        {
            return "a run id cannot be empty";
        }
        if (id.Length > MaxLength)
        {
            return $"a run id has at most {MaxLength} characters (this one has {id.Length})";
        }
        if (!Allowed().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return "a run id may hold only letters, digits, '.', '_' and '-', and must start with a letter or digit";
        }
        return null;
    }
}
