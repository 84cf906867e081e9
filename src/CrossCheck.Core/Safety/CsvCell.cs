namespace CrossCheck.Safety;

/// <summary>
/// Neutralises CSV cells that a spreadsheet would run as a formula (CSV injection, OWASP): a cell
/// that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a
/// leading apostrophe, which spreadsheets show as text and hide. Numbers such as <c>-3.5</c>
/// are left alone, so numeric columns stay numeric.
/// </summary>
public static class CsvCell
{
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }
        var first = value[0];
        if (first is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value;
        }
        if (first is '-' or '+'
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return value;
        }
        return "'" + value;
    }
}
