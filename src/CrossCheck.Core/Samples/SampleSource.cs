namespace CrossCheck.Samples;

/// <summary>
/// The text of the bundled sample source: a system card for a fictional model, "Halcyon-3", by a
/// fictional lab. Written for this project; every planted claim of the sample essay refers to it.
/// Each page is a list of blocks: "# " starts a heading; "-|" inside a word forces a line break
/// after the hyphen (a word hyphenated across a line end, as PDFs have them).
/// </summary>
public static class SampleSource
{
    public const string Title = "Halcyon-3 System Card";

    public static readonly IReadOnlyList<IReadOnlyList<string>> Pages =
    [
        [
            "# Halcyon-3 System Card",
            "Meridian Labs, version 1.2, published 14 March 2026.",
            "# 1 Introduction",
            "This system card describes Halcyon-3, a general-purpose language model released by Meridian Labs. It summarises the model's capabilities, the safety evaluations we ran before release, and the limitations we know of. Readers should treat the figures below as measurements on our own test sets, not as guarantees of behaviour in deployment.",
            "# 1.1 Scope of this card",
            "The card covers the text-only model served through our API. It does not cover the smaller Halcyon-3 Lite variant, which was evaluated separately and will be described in its own document.",
        ],
        [
            "# 2 Capabilities",
            "Halcyon-3 was evaluated on a fixed suite of public and internal benchmarks. All results use the same prompts and decoding settings as the production system, with temperature set to zero.",
            "# 2.1 Coding",
            "On our internal repository-repair benchmark, Halcyon-3 resolved 71.4% of tasks, compared with 52.9% for Halcyon-2. Measured as pass@30, the model solved 88% of the competition problems in the held-out set.",
            "# 2.2 Reasoning",
            "On the graduate-level science questions, the model answered 63% correctly without tools. With a code interpreter the figure rose to 69%. We observed no improvement from longer chain-of-thought budgets beyond 16,000 tokens.",
            "# 2.3 Efficiency",
            "A new speculative decoding kernel made batch inference 427x faster than the reference implementation on long documents, while producing identical outputs.",
        ],
        [
            "# 3 Safety evaluations",
            "Before release, Halcyon-3 went through the dangerous-capability evaluations required by our Responsible Release Policy. Where the model crossed a threshold, additional safeguards were put in place before deployment.",
            "# 3.1 Cyber capabilities",
            "In capture-the-flag exercises the model solved 31% of the professional-level challenges, up from 19% for Halcyon-2. This is below the threshold that would require enhanced safeguards.",
            "# 3.2 Evaluation infrastructure",
            "Each red-team exercise was run by a 16-person team of external specialists over four weeks, and every exercise took at least 40 expert-hours to complete. Transcripts were reviewed by two independent graders.",
            "We note a limitation of this process: for several domains we don\u2019t have an alternative evaluation method that is both rigorous and readily available, so some conclusions rest on a single approach.",
        ],
        [
            "# 3.3 Refusals and over-refusals",
            "The model refused 99.6% of clearly harmful requests in our test set, an approximately 100% refusal rate on the highest-severity category. At the same time it wrongly refused 2.1% of benign requests that resembled harmful ones.",
            "# 3.4 Honesty",
            "We measured how often the model states a falsehood when it has the correct information available. \u201CThe model rarely asserts claims it has evidence against, but it sometimes overstates its confidence.\u201D Calibration errors were largest on questions about recent events.",
        ],
        [
            "# 4 Limitations",
            "Halcyon-3 can still produce fluent but incorrect statements, especially about niche topics and events after its training cut-off. Its performance in languages other than English is lower, and we have not evaluated it in every language it can produce.",
            "The safety evalu-|ations in this card measure what the model can do under our test conditions; they do not measure how people will use it. Deployment monitoring remains an essential part of our safeguards.",
            "# 5 Conclusion",
            "We believe Halcyon-3 can be released with the safeguards described here. We will update this card if new evaluations change our assessment.",
        ],
    ];
}
