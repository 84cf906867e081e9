using System.Globalization;

namespace CrossCheck.Resilience;

/// <summary>
/// Reads durations as written in configuration and rate-limit headers: Go-style <c>6m0s</c>, <c>1s</c>, <c>250ms</c>,
/// <c>1h2m3.5s</c> (OpenAI's <c>x-ratelimit-reset-*</c>), <c>hh:mm:ss</c>, or a bare number of seconds.
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return FromSeconds(seconds, out duration);
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        double total = 0;
        int i = 0;
        bool any = false;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return false;
            }

            int unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? scale = s[unitStart..i] switch
            {
                "h" => 3600,
                "m" => 60,
                "s" => 1,
                "ms" => 1e-3,
                "us" or "µs" => 1e-6,
                "ns" => 1e-9,
                _ => null,
            };
            if (scale is not { } f)
            {
                return false;
            }

            total += value * f;
            any = true;
        }

        return any && FromSeconds(total, out duration);
    }

    private static bool FromSeconds(double seconds, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
