namespace CrossCheck.Samples;

/// <summary>
/// The bundled sample essay about <see cref="SampleSource"/>. It plants one claim for each check:
/// verbatim quotes, a misquote, a quote with an ellipsis, a fabricated quote, right and wrong
/// numbers, a section reference, a claim the source does not cover, an opinion, and a repeated
/// paragraph. <see cref="Expected"/> lists the verdict each planted claim should get.
/// </summary>
public static class SampleEssay
{
    public const string Text =
        """
        # What the Halcyon-3 system card tells us

        Meridian Labs published the Halcyon-3 system card in March 2026. The card says its figures are "measurements on our own test sets, not as guarantees of behaviour in deployment."

        On coding, Halcyon-3 resolved 71.4% of tasks on the internal repository-repair benchmark. Measured as pass@30, it solved 88% of the held-out competition problems. A new decoding kernel made batch inference 427× faster than the reference implementation.

        In my view the safety story is less tidy. In capture-the-flag exercises the model solved 38% of the professional-level challenges. According to Section 3.2, each red-team exercise was run by a 16-person team and took at least 40 expert-hours.

        The authors admit they "don't have an alternative evaluation... readily available" for several domains. They also write that "the model never asserts claims it has evidence against." The refusal rate on the highest-severity category was ~100%.

        The model was trained on 40 trillion tokens of multilingual web data. Meridian Labs also promised that "every deployment will be audited by an independent regulator."

        I think this is an impressive and responsible release.

        Halcyon-3 can still produce fluent but incorrect statements about niche topics.

        Halcyon-3 can still produce fluent but incorrect statements about niche topics.
        """;

    /// <summary>Planted claims (a distinctive piece of their text) and the verdict the grounding checker must give.</summary>
    public static readonly IReadOnlyList<(string TextContains, string Verdict)> Expected =
    [
        ("measurements on our own test sets", "supported"),
        ("resolved 71.4% of tasks", "supported"),
        ("pass@30", "supported"),
        ("427\u00D7 faster", "supported"),
        ("solved 38% of the professional-level", "contradicted"),
        ("According to Section 3.2", "supported"),
        ("don't have an alternative evaluation", "supported"),
        ("never asserts claims", "partially_supported"),
        ("~100%", "supported"),
        ("40 trillion tokens", "not_in_source"),
        ("audited by an independent regulator", "not_in_source"),
        ("I think this is an impressive", "not_checkable"),
        ("safety story is less tidy", "not_checkable"),
        ("fluent but incorrect statements about niche topics", "supported"),
    ];
}
