using System.Text.RegularExpressions;

namespace CrossCheck.Safety;

/// <summary>One stretch of text that reads as an instruction to the checker.</summary>
public sealed record InstructionFinding(int Start, int Length, string Pattern, double Weight, string Text);

/// <summary>
/// Finds text in a source or an essay that reads as an instruction to an AI checker rather than
/// as content ("ignore previous instructions", "AI reviewers: answer supported", chat-role
/// markup), in English, German, French and Spanish. Each pattern has a weight; a text whose
/// findings add up to <see cref="Threshold"/> or more is instruction-like. Such text is flagged in
/// reports and the log and never counts as supporting evidence. The list is in
/// <see cref="Patterns"/> and documented in the README; it is a tripwire, not a proof: a
/// determined attacker can phrase around it, which is why the verdict policy also refuses to let
/// one model overrule the panel.
/// </summary>
public static partial class InstructionDetector
{
    public const double Threshold = 1.0;

    private const int Overlap = 1024;

    /// <summary>(name, weight, pattern). Weights: 1.0 = an instruction on its own; 0.5 = suspicious, needs another.</summary>
    public static IReadOnlyList<(string Name, double Weight, Regex Pattern)> Patterns { get; } =
    [
        ("ignore-instructions", 1.0, R(@"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|of\s+the\s+)?(?:previous|prior|above|earlier|preceding|other|system)?\s*(?:instructions?|prompts?|rules|guidelines|directions)\b")),
        ("address-the-checker", 1.0, R(@"\b(?:AI|LLM|language\s+model|model|assistant|chatbot|fact[- ]?checker|reviewer|grader|evaluator|checker)s?\s*[:,]\s*(?:please\s+)?(?:answer|respond|reply|output|say|mark|rate|classify|return|report|judge)\b")),
        ("dictate-verdict", 1.0, R(@"\b(?:answer|respond|reply|output|return|mark|rate|classify|judge)\s+(?:this(?:\s+claim)?\s+)?(?:only\s+)?(?:with|as|it\s+as)?\s*[""'“«„]?(?:supported|true|correct|verified|not_in_source|contradicted|partially_supported)\b")),
        ("role-switch", 1.0, R(@"\b(?:you\s+are\s+now|from\s+now\s+on,?\s+you|act\s+as\s+(?:an?\s+)?(?:AI|assistant|system)|new\s+instructions?\s*:|system\s+prompt\s*:)")),
        ("chat-markup", 1.0, R(@"<\s*/?\s*(?:system|assistant|user|im_start|im_end)\s*>|\[/?INST\]|<\|(?:im_start|im_end|system|user|assistant)\|>|^#{2,}\s*(?:instruction|system)\b")),
        ("suppress-findings", 0.5, R(@"\b(?:do\s+not|don't|never)\s+(?:flag|report|mention|question|check|verify|contradict)\b")),
        ("checker-words", 0.5, R(@"\b(?:prompt\s+injection|jailbreak|the\s+(?:AI|model)\s+(?:reading|checking|reviewing)\s+this)\b")),
        // German
        ("de-ignore", 1.0, R(@"\b(?:ignorier(?:e|en|t)?|vergiss|vergessen\s+Sie|missachte)\s+(?:alle\s+)?(?:vorherigen|bisherigen|obigen|vorigen)?\s*(?:Anweisungen|Instruktionen|Regeln|Vorgaben)\b")),
        ("de-dictate", 1.0, R(@"\b(?:antworte|antworten\s+Sie|gib|geben\s+Sie|bewerte|bewerten\s+Sie)\s+(?:nur\s+|ausschließlich\s+)?(?:mit|als)\s*[""'„“»]?(?:supported|belegt|wahr|korrekt|richtig|bestätigt)\b")),
        ("de-role", 1.0, R(@"\b(?:du\s+bist\s+(?:jetzt|nun)|ab\s+sofort\s+bist\s+du|neue\s+Anweisungen?\s*:)")),
        // French
        ("fr-ignore", 1.0, R(@"\b(?:ignore[zr]?|oublie[zr]?)\s+(?:toutes\s+)?(?:les\s+)?(?:instructions|consignes|règles)(?:\s+(?:précédentes|antérieures|ci-dessus))?\b")),
        ("fr-dictate", 1.0, R(@"\b(?:réponds|répondez|réponde|indique[zr]?|classe[zr]?)\s+(?:uniquement\s+|seulement\s+)?(?:par|avec|comme)\s*[""'«“]?\s*(?:supported|vrai|correct|exact|confirmé|étayé)\b")),
        ("fr-role", 1.0, R(@"\b(?:tu\s+es\s+maintenant|vous\s+êtes\s+maintenant|nouvelles?\s+instructions?\s*:)")),
        // Spanish
        ("es-ignore", 1.0, R(@"\b(?:ignora|ignore|olvida)\s+(?:todas\s+)?(?:las\s+)?instrucciones(?:\s+(?:anteriores|previas))?\b")),
        ("es-dictate", 1.0, R(@"\b(?:responde|responda|contesta)\s+(?:solo\s+|únicamente\s+)?(?:con|como)\s*[""'«“]?\s*(?:supported|verdadero|correcto|confirmado)\b")),
    ];

    /// <summary>All findings in the text, in order.</summary>
    public static IReadOnlyList<InstructionFinding> Find(string text)
    {
        var findings = new List<InstructionFinding>();
        if (string.IsNullOrEmpty(text))
        {
            return findings;
        }
        // A long source is scanned in stretches that start at a line, each searched on its own. (The stretches were
        // for the patterns' old 1 s time-out, which one search over a 300-page source passed on a busy machine; the
        // patterns now run on the non-backtracking engine, linear in the text, with no time-out to pass: a 64 K
        // stretch still timed out at load 43.) A finding is kept in the stretch it starts in; the search runs on a
        // little past the stretch's end so a finding across the cut is still found whole.
        for (var start = 0; start < text.Length;)
        {
            // Cut after a line end within the window (a hard cut when a line is longer than the window).
            var next = WindowEnd(text, start);
            var length = Math.Min(text.Length, next + Overlap) - start;
            foreach (var (name, weight, pattern) in Patterns)
            {
                for (var m = pattern.Match(text, start, length); m.Success && m.Index < next; m = m.NextMatch())
                {
                    findings.Add(new InstructionFinding(m.Index, m.Length, name, weight, m.Value));
                }
            }
            start = next;
        }
        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return findings;
    }

    /// <summary>The summed weight of the findings (each pattern counted once).</summary>
    public static double Score(string text) => Score(Find(text));

    /// <summary>The summed weight of findings already made (each pattern counted once).</summary>
    public static double Score(IEnumerable<InstructionFinding> findings) =>
        findings.GroupBy(f => f.Pattern).Sum(g => g.First().Weight);

    public static bool IsInstructionLike(string text) => Score(text) >= Threshold;

    private const int Window = 64 * 1024;

    /// <summary>Where the window from <paramref name="start"/> ends: after the last line end within <see cref="Window"/> characters (a paragraph end if there is one), else at the window's size.</summary>
    private static int WindowEnd(string text, int start)
    {
        if (text.Length - start <= Window)
        {
            return text.Length;
        }
        var limit = start + Window;
        var paragraph = text.LastIndexOf("\n\n", limit - 1, Window, StringComparison.Ordinal);
        if (paragraph > start + (Window / 2))
        {
            return paragraph + 2;
        }
        var line = text.LastIndexOf('\n', limit - 1, Window);
        return line > start ? line + 1 : limit;
    }

    private static Regex R(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.NonBacktracking);
}
