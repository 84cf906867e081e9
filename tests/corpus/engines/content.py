"""The text of the real-engine corpus: an invented review written for CrossCheck's tests (no outside text).

Every document in this folder is made from these sections by a different engine (see make.sh). The
probes are sentences of this text; make.py finds the page each lands on in the rendered PDF.
"""

TITLE = "Review of the Lakeside Harbor Water Monitoring Programme, 2019 to 2024"
RUNNING_HEAD = "Lakeside Harbor Review - Draft for Consultation"

SECTIONS = [
    ("1", "Introduction", [
        "The Lakeside Harbor Water Monitoring Programme began in March 2019 as a five-year, state-funded effort to measure how the harbor recovered after the closure of the eastern outfall. This review looks back over the full period and asks whether the long-term sampling design delivered the evidence that the harbor board needed for its decision-making.",
        "Our findings are based on 4,212 field samples, 38 interviews with staff and residents, and a cross-sectional survey of 611 households in the three low-income districts that border the water. Where a figure in this review differs from an earlier interim report, the figure given here supersedes it.",
        "The programme's official budget over five years was 7.4 million dollars, of which 61 percent went to fieldwork and laboratory analysis. The remainder paid for the real-time sensor network, the open-source data platform and the public outreach office.",
    ]),
    ("2", "Sampling Design", [
        "Samples were taken at fourteen fixed stations chosen after a well-documented site survey in the winter of 2018. Each station was visited every second week from April to October and once a month in the colder season, which gave a fine-grained record of the summer bloom period without overspending on winter visits.",
        "The design deliberately oversampled the northern shoreline, where the affluent marina district and the public beach meet, because complaints about odour and algae had been concentrated there. In hindsight this choice made the data less representative of the harbor as a whole.",
    ]),
    ("2.1", "Field Methods", [
        "Field teams followed a written protocol for every visit: a surface grab sample, a depth profile at one-metre intervals, and a fluorescence reading for chlorophyll. Samples were kept on ice and reached the laboratory within six hours in 97 percent of cases.",
        "A small number of samples were lost to broken bottles and mislabelled containers. The loss rate fell from 3.1 percent in the first season to 0.4 percent in the last, after the teams adopted pre-printed labels and a two-person check at the dock.",
    ]),
    ("2.2", "Laboratory Analysis", [
        "The laboratory measured total phosphorus, total nitrogen, dissolved oxygen and faecal indicator bacteria. Its workflow was audited twice by an external assessor, who found the methods fit for purpose but recommended that duplicate samples be run more often.",
        "After the second audit the share of duplicates rose from five to ten percent of each batch. Agreement between duplicates was high throughout, with a median difference of 2.3 percent for phosphorus and 4.8 percent for bacteria counts.",
    ]),
    ("3", "Findings", [
        "Mean summer phosphorus at the central stations fell by 38 percent between 2019 and 2024, and the number of days on which the public beach was closed fell from 41 to 12. These are the clearest signs of recovery in the record, and they coincide with the closure of the eastern outfall rather than with any later measure.",
        "The real-time sensors proved less reliable than expected. Of the nine buoys installed in 2020, only five were still reporting in 2024, and their dissolved oxygen readings drifted so far from the laboratory values that the board stopped publishing them after the first year.",
    ]),
    ("3.1", "Differences Between Districts", [
        "Improvement was not shared evenly. Stations next to the three low-income districts showed a smaller fall in bacteria counts than stations on the northern shoreline, and residents there were less likely to know that the beach closures had become rarer.",
        "In the household survey, 72 percent of respondents in the marina district said that the water had become cleaner, against 44 percent in the southern districts. The difference persisted after adjusting for age, length of residence and distance from the shore.",
    ]),
    ("4", "Recommendations", [
        "We recommend that the board keep the fourteen stations for at least another five years, rebalance visits towards the southern shoreline, and replace the failed buoys only once a follow-up trial shows that the new sensors hold their calibration for a full season.",
        "We also recommend that the open-source data platform be kept and extended, since it was the one part of the programme that residents, journalists and researchers used without being asked to.",
    ]),
    ("A", "Station List", [
        "The fourteen stations are numbered from north to south. Stations 1 to 5 lie on the northern shoreline, stations 6 to 10 in the central basin, and stations 11 to 14 along the southern districts.",
    ]),
]

FOOTNOTES = {
    # section number -> (anchor word in the section's first paragraph, footnote text)
    "1": ("outfall", "The eastern outfall was closed on 14 February 2019 under an order of the regional environment court."),
    "2.2": ("assessor", "The assessor was appointed by the regional laboratory accreditation body."),
}

TABLE_CAPTION = "Table 1: Summer means at the central stations"
TABLE = [
    ["Year", "Phosphorus (ug/L)", "Beach closure days"],
    ["2019", "86", "41"],
    ["2020", "79", "33"],
    ["2021", "70", "27"],
    ["2022", "63", "19"],
    ["2023", "57", "15"],
    ["2024", "53", "12"],
]

# The probes: verbatim stretches of the text above, each chosen for a trap.
PROBES = [
    ("The Lakeside Harbor Water Monitoring Programme began in March 2019 as a five-year, state-funded effort", "justified line with hyphenated compounds"),
    ("whether the long-term sampling design delivered the evidence that the harbor board needed for its decision-making", "hyphenated compounds that may break at a line end"),
    ("a cross-sectional survey of 611 households in the three low-income districts that border the water", "hyphenated compounds, numbers"),
    ("The remainder paid for the real-time sensor network, the open-source data platform and the public outreach office", "ligature ffi, hyphenated compounds"),
    ("Samples were taken at fourteen fixed stations chosen after a well-documented site survey in the winter of 2018", "hyphenated compound"),
    ("which gave a fine-grained record of the summer bloom period without overspending on winter visits", "hyphenated compound, ligature"),
    ("where the affluent marina district and the public beach meet", "ligature ffl"),
    ("a depth profile at one-metre intervals, and a fluorescence reading for chlorophyll", "ligatures fi, fl"),
    ("after the teams adopted pre-printed labels and a two-person check at the dock", "hyphenated compounds"),
    ("who found the methods fit for purpose but recommended that duplicate samples be run more often", "ligature fi, footnote marker nearby"),
    ("with a median difference of 2.3 percent for phosphorus and 4.8 percent for bacteria counts", "numbers"),
    ("the number of days on which the public beach was closed fell from 41 to 12", "numbers, table nearby"),
    ("their dissolved oxygen readings drifted so far from the laboratory values that the board stopped publishing them", "long sentence across lines"),
    ("Stations next to the three low-income districts showed a smaller fall in bacteria counts than stations on the northern shoreline", "hyphenated compound"),
    ("72 percent of respondents in the marina district said that the water had become cleaner, against 44 percent in the southern districts", "numbers"),
    ("replace the failed buoys only once a follow-up trial shows that the new sensors hold their calibration for a full season", "hyphenated compound"),
    ("since it was the one part of the programme that residents, journalists and researchers used without being asked to", "last paragraph of the body"),
    ("Stations 1 to 5 lie on the northern shoreline, stations 6 to 10 in the central basin", "appendix"),
]
