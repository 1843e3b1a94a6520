"""The dates recognizer's gates: a rule is skipped on a text without its gate, so every match of a rule
must contain a match of its gate, in both the lower-cased and the original-case tables."""

import pytest

from newsfacts.dates.recognizer import DateRecognizer, gated_paragraphs, paragraphs_of


@pytest.fixture(scope="module")
def recognizer(nlp) -> DateRecognizer:
    return nlp.get_pipe("dates").recognizer


SENTENCES = [
    "Shares fell over the weekend, and the year-end rally never came.",
    "Talks ran through the year's end after a week-long strike and a month-long stand-off.",
    "Ministers met this morning and again late in the evening; that same year the plan failed.",
    "The report, dated 2026-02-16, showed Q3 sales up and Q4 2025 flat.",
    "Trading stopped at noon and resumed after midnight, not at midday.",
    "Prices last rose like this in the twenties, and in the nineteen-seventies before that.",
    "Year-earlier profit was lower; the year ago figure was revised.",
    "Costs rose day by day and year after year, the minister said.",
    "Today the union said that yesterday's vote, and last night's talks, would resume tomorrow or tonight.",
    "Retailers expect a strong Christmas and a weak Easter, after Thanksgiving sales disappointed.",
    "The firm was founded in 300 BC, it joked, five Fridays ago, or three days from today.",
    "The next day the bank said the day before it had lost the next morning's auction.",
    "For the past three years, and for many months before that, the firm has paid out every week.",
    "Last month output fell; in the year to March it rose, and prices are now reviewed monthly.",
    "The blast, at 0820 GMT, came weeks after the 2004 poll, which was held twice a year.",
]


def _gated(recognizer: DateRecognizer, lower: bool):
    rules, gates = (recognizer.rules_low, recognizer.gates_low) if lower else (recognizer.rules, recognizer.gates)
    return [(name, regex, gates[name]) for name, regex, _ in rules if name in gates]


@pytest.mark.parametrize("lower", [True, False])
@pytest.mark.parametrize("text", SENTENCES)
def test_every_match_of_a_gated_rule_contains_its_gate(recognizer, text, lower):
    text = text.lower() if lower else text
    matched = 0
    for name, regex, gate in _gated(recognizer, lower):
        for m in regex.finditer(text):
            matched += 1
            assert gate.search(text, m.start(), m.end()) is not None, (name, m.group())
    assert matched


def test_the_new_gates_cover_rules_the_sentences_reach(recognizer):
    reached = {name for text in SENTENCES for name, regex, _ in _gated(recognizer, True)
               if regex.search(text.lower())}
    assert {"weekend", "year_end", "long_adj", "thispart", "that_unit", "iso", "quarter_q", "noon",
            "spelled_decade", "year_ago_adj", "set_by", "deictic", "holiday", "count_from", "bc",
            "next_day", "duration", "vague_dur", "relunit", "the_year", "set", "set_adv", "ref", "year",
            "time_gmt"} <= reached


def test_a_text_without_a_gate_skips_only_that_rules_matches(process):
    doc = process("Sales rose 5% over the weekend and fell on Monday.", dct="2026-02-18")
    assert [d.text for d in doc._.dates] == ["over the weekend", "Monday"]
    doc = process("Sales fell on Monday, the chief executive said.", dct="2026-02-18")
    assert [d.text for d in doc._.dates] == ["Monday"]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_rule_run_paragraph_by_paragraph_finds_what_it_finds_in_the_whole_text(recognizer, text):
    """Rules run only on the paragraphs that have their gate: as long as no match runs across a blank
    line, the matches are those of one run over the whole text."""
    text = "Headline\n\n" + text.lower() + "\n\n  \n" + text.lower()
    paragraphs = paragraphs_of(text)
    assert "".join(text[s:e] for s, e in paragraphs) == text
    for name, regex, gate in _gated(recognizer, True):
        whole = [m.span() for m in regex.finditer(text)]
        windowed = [m.span() for s, e in gated_paragraphs(gate, text, paragraphs) for m in regex.finditer(text, s, e)]
        assert windowed == whole, name


def test_no_date_runs_across_a_blank_line(process):
    doc = process("Leeds v Hull\n\nTuesday, 1 March\n\n2005\n\nThe match was moved.", dct="2005-02-20")
    assert [d.text for d in doc._.dates] == ["Tuesday, 1 March", "2005"]
