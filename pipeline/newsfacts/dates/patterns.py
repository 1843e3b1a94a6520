"""The rule table: every regular expression, the handler it feeds, and the gate it needs first.

The expressions are built once from the lexicon (month and weekday names, units, numbers...).
The order of the table is the priority when two candidates of the same length overlap. A gate is
a fast pattern every match of a rule contains: a text without it skips the rule, which matters
for speed since several rules start with optional words.
"""

from __future__ import annotations

import re

from newsfacts.dates.base import RuleHelpers


def _alt(words) -> str:
    """Regex alternation, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _trie_alt(words) -> str:
    """``_alt`` factored by first letter, so that re rejects most positions on one character."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


class RulePatterns(RuleHelpers):
    """Builds the rule table (``rules``), the gates and the helper patterns the recognizer runs."""

    def _compile(self) -> None:
        lx = self.lex
        full = [m for m in self.months if len(m) > 4 or m in ("may", "june", "july")]
        abbr = [m for m in self.months if m not in full]
        mon = rf"(?P<mon>(?:{_alt(full)})\b|(?:{_alt(abbr)})\b\.?)"
        wd = rf"(?P<wd>{_alt(self.weekdays)})"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[:.]\d|,\d{3})"
        year = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d%])"
        num_words = [w for w in self.numbers if w not in ("a", "an")]
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        ones = "one|two|three|four|five|six|seven|eight|nine"
        num = (
            rf"(?:(?:{ones}|ten|an?)[- ](?:hundred|thousand)|(?:{tens})[- ](?:{ones})|{_alt(num_words)}|\d+(?:\.\d+)?|"
            rf"\d{{1,3}}(?:,\d{{3}})+|an?)"
            rf"(?:[- ]and[- ]a[- ]half|[- ]1/2|½)?"
        )
        vague = _alt(lx["vague_numbers"])
        unit = rf"(?P<unit>{_alt(self.units)})"
        qual = _alt(lx["duration_qualifiers"])
        ordinal = _alt(self.ordinals)
        part = rf"(?P<part>{_alt(self.parts)})"
        tz = _alt(lx["timezones"])
        rel = (
            r"(?P<rel>this|last|next|past|coming|previous|current|following|the\s+previous|the\s+following|"
            r"the\s+prior|the\s+preceding|"
            r"the\s+current|the\s+coming|the\s+next|the\s+last|the\s+past|this\s+past)"
        )
        f = re.IGNORECASE
        R = []  # (name, regex, handler)
        R.append(("wd_date", re.compile(rf"\b{wd}\s?,?\s+{mon}\s+{day}(?:\s?,?\s+{year})?\b", f), self._h_mdy))
        R.append(("wd_dmy", re.compile(  # "Monday 6 December", "Friday, the 3rd of March 2023"
            rf"\b{wd}\s?,?\s+(?:the\s+)?{day}\s*(?:of\s+)?{mon}(?:\s?,?\s+{year})?\b", f), self._h_mdy))
        R.append(("mdy", re.compile(rf"\b{mon}\s+{day}\s?,?\s+{year}\b", f), self._h_mdy))
        R.append(("dmy", re.compile(rf"\b{day}\s*(?:of\s+)?{mon}\s?,?\s+{year}\b", f), self._h_mdy))
        R.append(("first_day", re.compile(
            rf"\b{mon}\s+{day}(?=\s+(?:and|or|&)\s+[0-3]?\d(?:st|nd|rd|th)?\s?,?\s+{year})", f), self._h_first_day))
        yrel = r"(?:,?\s+(?P<yrel>this|last|next)\s+year\b(?!['’]))?"  # "June 29 last year"
        R.append(("md", re.compile(rf"\b{mon}\s+{day}\b{yrel}", f), self._h_mdy))
        day_word = (rf"(?P<dword>(?:twenty|thirty)[- ](?:{ones})|{ones}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty)")
        R.append(("md_word", re.compile(rf"\b{mon}\s+{day_word}\b(?![-\w])", f), self._h_md_word))
        R.append(("dm", re.compile(rf"\b(?:the\s+)?{day}\s*(?:of\s+)?{mon}{yrel}", f), self._h_mdy))
        R.append(("my", re.compile(rf"\b{mon},?\s+(?:of\s+)?{year}\b", f), self._h_my))
        R.append(("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"), self._h_iso))
        R.append(("slash", re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])"),
                  self._h_iso))
        R.append(("year_month", re.compile(
            r"(?<![\w/.-])(?P<y>1[6-9]\d\d|20\d\d)(?P<sep>[-/])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?"
            r"(?![\w/-]|[.,]\d)"), self._h_year_month))
        R.append(("month_year", re.compile(
            r"(?<![\w/.-])(?P<m>\d{1,2})/(?P<y>1[6-9]\d\d|20\d\d)(?![\w/]|[.,]\d)"), self._h_year_month))
        R.append(("year", re.compile(
            rf"(?=[12fF])(?:(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\d\d\d\d-)|(?<=\d\d\d\d–)|(?<![\w$£€¥.,/–-]))"
            rf"(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*)?{year}(?:[-–/](?P<y2>\d\d)(?!\d))?"
            rf"(?![\w/]|[.,]\d|[-–](?!(?:1[6-9]|20)\d\d(?!\d))\w)",
            f), self._h_year))
        R.append(("decade", re.compile(
            r"(?=[tTeEmMlL\d'’])(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[- ]?)?"
            r"(?:\b(?P<cent>1[6-9]|20)(?P<d1>\d)0|['’](?P<d2>\d)0)['’]?s\b", f),
            self._h_decade))
        R.append(("century", re.compile(
            rf"\b(?:the\s+)?(?P<ord>{ordinal}|\d{{1,2}}(?:st|nd|rd|th))[- ]century\b", f), self._h_century))
        R.append(("month", re.compile(
            rf"\b(?:(?P<rel>this|last|next|past|coming|early|late|mid-?)\s*)?{mon}"
            rf"(?:\s+(?:of\s+)?(?P<yrel>this|last|next|that|the\s+same)\s+year\b(?![-–]))?", f), self._h_month))
        fullm = _alt(full)
        R.append(("month_span", re.compile(  # "the April-June period", "in July-December": a quarter or a half
            rf"\b(?:the\s+)?(?P<m1>{fullm})\s*[-–]\s*(?P<m2>{fullm})\b(?:\s+(?:period|quarter|half))?", f),
            self._h_month_span))
        R.append(("weekday", re.compile(
            rf"\b(?:(?P<rel>this|last|next|past|coming)\s+)?{wd}(?P<plural>s)?(?:\s+{part}(?P<plural2>s)?)?\b", f),
            self._h_weekday))
        R.append(("season", re.compile(
            rf"\b(?:(?P<det>this\s+past|this|last|next|the|early|late|mid-?|in|during)\s+)?(?P<season>{_alt(self.seasons)})"
            rf"(?:\s+(?:of\s+)?{year})?\b", f), self._h_season))
        R.append(("quarter", re.compile(
            rf"\b(?:the\s+)?(?:(?P<pyrel>this|last|next)\s+year['’]s\s+|(?P<pyear>(?:1[6-9]|20)\d\d)(?:['’]s)?\s+|"
            rf"(?P<yago>year-earlier|year-ago|year\s+earlier|comparable\s+year-ago)\s+)?"
            rf"(?:(?:company's|its|their|fiscal|calendar)\s+)*(?P<ord>{ordinal}|[1-4]Q|final|last)"
            rf"(?:[- ](?:fiscal|calendar))?[- ]quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?{year}|"
            rf"\s+of\s+(?P<ofrel>this|last|next)\s+year)?\b", f), self._h_quarter))
        R.append(("quarter_q", re.compile(rf"\b[qQ](?P<q>[1-4])[ -]?(?:{year}|(?P<yy>\d\d)\b)?"), self._h_quarter))
        R.append(("quarter_rel", re.compile(
            r"\b(?:the\s+)?(?:(?P<rel>this|last|next|latest|current|previous|preceding|past|prior|same|recent|most\s+recent|"
            r"year-earlier|year-ago|year\s+earlier|(?:comparable|corresponding)(?:\s+year-(?:ago|earlier))?|"
            r"year-before)|(?P<yrs>last|previous|prior)\s+year['’]s)\s+(?:fiscal\s+)?(?:quarter|period)\b"
            r"(?:\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|of\s+(?:the\s+)?(?:last|previous|prior)\s+year|"
            r"(?:in|of)\s+(?P<inyear>(?:1[6-9]|20)\d\d))\b)?",
            f),
            self._h_quarter_rel))
        R.append(("quarter_the", re.compile(r"\bthe\s+quarter\b(?:\s+a\s+year\s+(?:earlier|ago|before)\b)?", f),
                  self._h_quarter_rel))
        R.append(("quarter_year", re.compile(
            r"\bthe\s+(?P<pyear>1[6-9]\d\d|20\d\d)\s+(?:fiscal\s+)?(?:quarter|period)\b", f), self._h_quarter_year))
        R.append(("half", re.compile(
            r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|last)[- ]half\b(?:\s+of\s+(?:(?P<yrel>this|last|next)\s+year|"
            r"the\s+year|(?P<year>1[6-9]\d\d|20\d\d)))?", f), self._h_half))
        R.append(("relunit", re.compile(
            rf"\b(?:(?P<mod>earlier|later|early|late)\s+)?{rel}\s+(?:(?:fiscal|financial)\s+(?=year))?"
            r"(?P<unit>week|weekend|month|year|yr|decade|century)\b", f),
            self._h_relunit))
        R.append(("weekend", re.compile(r"\b(?:over\s+)?the\s+weekend\b", f), self._h_relunit))
        R.append(("ago", re.compile(
            rf"\b(?:(?P<qual>{qual})\s+)?(?P<num>{num}|{vague})\s+{unit}(?P<half>\s+and\s+a\s+half)?(?:(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|previously|later|from\s+now|hence|"
            rf"before|after)|(?P<dirtime>['’]s?\s+time))\b", f), self._h_ago))
        R.append(("bare_ago", re.compile(
            r"\b(?P<unit>minutes|hours|days|weeks|months|years|decades)\s+(?P<dir>ago|later|earlier)\b", f),
            self._h_bare_ago))
        R.append(("deictic", re.compile(
            r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
            r"last\s+night)(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b", f), self._h_deictic))
        R.append(("thispart", re.compile(
            rf"\b(?:(?:earlier|later)\s+)?(?:this|the)\s+{part}\b", f), self._h_thispart))
        R.append(("ref", re.compile(rf"\b(?:{_alt(self.refs)})\b", f), self._h_ref))
        R.append(("duration", re.compile(
            rf"\b(?:(?P<det>the|a|this|these|those)\s+)?(?:(?P<yago>year-earlier|year-ago|comparable)\s+)?"
            rf"(?:(?P<rel>past|last|next|coming|previous|first|final|"
            rf"following|initial|remaining|latest|recent|preceding|ensuing|same|full|entire|whole)\s+)?"
            rf"(?:(?P<qual>{qual})\s+)?(?P<num>{num}|{vague})(?:\s*(?:to|–|-|or)\s*(?P<num2>{num}))?[- ]"
            rf"(?:(?:{_alt(lx['unit_fillers'])})\s+)?{unit}(?P<long>[- ]long)?\b"
            rf"(?P<half>\s+and\s+a\s+half)?", f), self._h_duration))
        R.append(("vague_dur", re.compile(
            r"\b(?P<pre>for|over\s+the|over|in|within|during|after|the\s+past|the\s+last|the\s+next|the\s+coming|recent|"
            r"the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|for\s+many|for\s+several)\s+(?P<unit>years|months|"
            r"weeks|days|hours|decades|minutes|centuries|quarters)\b", f), self._h_vague_dur))
        R.append(("vague_span", re.compile(
            rf"\b(?P<pre>for|after|in|within|over)\s+(?P<x>a\s+while|(?<=for\s)(?:quite\s+)?some\s+time|an?\s+(?:\w+ly\s+)?"
            rf"(?:{_alt(lx['vague_length_words'])})\s+(?:period|spell|stretch)(?:\s+of\s+time)?)\b"
            r"(?!\s+(?:ago|back|before|after|later|earlier|of\s+\w+\s+(?:years|months|weeks|days)))", f),
            self._h_vague_span))
        R.append(("set", re.compile(
            rf"\b(?P<q>every|each|per|a|an)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{num})\s+)?"
            rf"(?P<what>{_alt(list(self.units) + list(self.weekdays) + list(self.months) + list(self.seasons))})"
            rf"(?P<part2>\s+(?:morning|"
            rf"afternoon|evening|night))?\b", f), self._h_set))
        R.append(("set_times", re.compile(
            rf"\b(?P<freq>once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{_alt(self.units)})\b",
            f), self._h_set_times))
        R.append(("set_by", re.compile(r"\b(?P<u>day|week|month|year|hour)\s+(?:by|after|to)\s+(?P=u)\b", f),
                  self._h_set_by))
        times = rf"(?:{tens})-(?:{ones})|{_alt(w for w in num_words if ' ' not in w)}|\d+|half"  # "three-monthly"
        R.append(("set_adv", re.compile(rf"(?:\b(?P<n>{times})-)?\b(?P<w>{_alt(self.set_adverbs)})\b", f),
                  self._h_set_adv))
        R.append(("time", re.compile(
            rf"\b(?:(?:at|around|about|by|until|before|after|from|since)\s+)?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*"
            rf"(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b|o['’]clock\b)(?:\s+(?P<tz>{tz})\b)?", f), self._h_time))
        hours = _alt(w for w, v in self.numbers.items() if 1 <= v <= 12 and w not in ("a", "an"))
        R.append(("time_part", re.compile(  # "at 4 in the morning", "about eight o'clock at night"
            rf"\b(?P<lead>at|around|about|by|until|till|before|after|from|since)\s+(?P<h>[01]?\d|{hours})"
            rf"(?:[:.](?P<mi>[0-5]\d))?(?:\s*o['’]clock)?\s+(?:in\s+the\s+(?P<dp>morning|afternoon|evening)|"
            rf"at\s+(?P<dpn>night))\b", f), self._h_time_part))
        R.append(("time24", re.compile(
            r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?P<tz>gmt|utc|GMT|UTC))?\b(?![:\d])"), self._h_time))
        R.append(("time_gmt", re.compile(  # "0820 GMT": a clock time of four digits, in universal time
            r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>gmt|utc|GMT|UTC)\b"), self._h_time))
        R.append(("daypart", re.compile(
            r"\b(?:mid|late|early)[- ]?(?P<part>morning|afternoon|evening)\b", f),
            self._h_daypart))
        R.append(("noon", re.compile(r"\b(?P<w>noon|midnight|midday)\b", f), self._h_time))
        R.append(("holiday", re.compile(rf"\b(?P<h>{_trie_alt(self.holidays)})(?:\s+{year})?(?P<week>\s+week)?\b", f),
                  self._h_holiday))
        R.append(("year_ago_adj", re.compile(r"\byear(?P<sep>[- ])(?P<dir>earlier|ago)\b", f), self._h_year_ago_adj))
        R.append(("the_year", re.compile(
            r"\b(?P<pre>for|in|during|throughout|of|over|through)\s+(?P<the>the\s+(?:(?:full|fiscal|financial|current|"
            r"calendar|whole|entire|latest|current\s+fiscal|latest\s+fiscal|current\s+financial|latest\s+financial)"
            r"\s+)?(?P<unit>year|month))\b"
            r"(?P<ended>\s+(?:ended|ending|that\s+ended|to(?!\s+(?:come|date)\b)(?!\s+(?:[$£€¥]|an?\s|\d[\d.,]*\s*"
            r"(?:%|bn|m\b|billion|million|per)))))?", f), self._h_the_year))
        R.append(("year_end", re.compile(  # "by year-end", and "year to date", "so far this year": the year
            r"\b(?:the\s+)?(?:year[- ]end|year['’]s\s+end|year[- ]to[- ]date)\b", f), self._h_year_end))
        ones = "one|two|three|four|five|six|seven|eight|nine"
        tens_words = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        R.append(("spelled_year", re.compile(
            rf"\b(?:(?P<cent>nineteen|eighteen)[- ](?P<t>{tens_words}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            rf"sixteen|seventeen|eighteen|nineteen)(?:[- ](?P<o>{ones}))?|(?P<yr>the\s+year\s+)?two[- ]thousand"
            rf"(?:[- ](?:and[- ])?(?P<o2>{ones}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            rf"eighteen|nineteen|twenty))?)\b", f), self._h_spelled_year))
        R.append(("spelled_decade", re.compile(
            rf"\bthe\s+(?:(?:early|mid|late)[- ]?)?(?:(?P<cent>nineteen|eighteen)[- ])?(?P<dec>"
            rf"{_alt(lx['decade_words'])})\b", f), self._h_spelled_decade))
        R.append(("long_adj", re.compile(r"\b(?P<unit>hour|day|week|month|year|decade)(?P<pl>s)?-long\b", f),
                  self._h_long_adj))
        R.append(("that_unit", re.compile(
            r"\b(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>year|month|week|day|quarter)\b"
            r"(?:\s+(?P<back>a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year|"
            r"of\s+(?:the\s+)?(?:previous|prior)\s+year)\b)?", f),
            self._h_that_unit))
        R.append(("the_unit", re.compile(  # "later in the day", "for the week", "the day's": the story's day or week
            r"\b(?:(?:later|earlier|late|early)\s+in\s+the\s+(?P<unit0>day|week)\b|(?:(?P<on>on)|(?P<span>for|during|"
            r"throughout))\s+the\s+(?P<unit>day|week)(?=\s*(?:[,.;:!?)]|and\b|but\b|$))|the\s+(?P<unit2>day|week)['’]s(?=\s))",
            f), self._h_the_unit))
        R.append(("next_day", re.compile(
            r"\b(?:the\s+(?P<rel>next|following|previous|preceding)\s+(?:day|(?P<part>morning|afternoon|evening|night))"
            r"|the\s+day\s+(?P<dir>before|after)(?=\s*[.,;:]))\b", f), self._h_next_day))
        R.append(("story_weekday", re.compile(
            rf"\bthe\s+(?P<rel>previous|preceding|following)\s+{wd}\b", f), self._h_story_weekday))
        # Composed dates and the numeric forms of ``composed``.
        R.append(("in_month", re.compile(
            rf"\bthe\s+(?P<ord>{ordinal}|last|\d{{1,2}}(?:st|nd|rd|th))\s+"
            rf"(?:(?P<what>{_alt(self.weekdays)}|day|week)\s+)?"
            rf"(?:of|in)\s+(?:(?P<mrel>next|last|this|the|past)\s+month\b|{mon}(?:,?\s+{year})?)", f),
            self._h_in_month))
        R.append(("week_of", re.compile(
            rf"\bthe\s+week\s+(?:of|to|ended|ending|through)\s+{mon}\s+{day}(?:\s?,?\s+{year})?\b", f),
            self._h_week_of))
        R.append(("iso_week", re.compile(
            rf"\b(?:(?P<y>1[6-9]\d\d|20\d\d)-?w(?P<w>\d\d?)|(?P<cal>calendar\s+)?week\s+(?P<w2>\d\d?)"
            rf"(?:\s+of\s+{year})?)\b", f), self._h_iso_week))
        R.append(("second_day", re.compile(
            rf"\b{mon}\s+(?:[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|or|&)\s+{day}(?:\s?,?\s+{year})?\b", f),
            self._h_second_day))
        R.append(("after_next", re.compile(
            rf"\b(?:{wd}|{mon}|the\s+(?P<unit>week|month|year))\s+after\s+next\b", f), self._h_after_next))
        R.append(("count_from", re.compile(
            rf"\b(?P<num>{num})\s+(?:(?P<wd>{_alt(self.weekdays)})s\s+(?P<dir>ago|from\s+(?:today|now)|hence)|"
            rf"(?P<unit>years?|months?|weeks?|days?)\s+(?P<dir2>from\s+today))\b", f), self._h_count_from))
        R.append(("bc", re.compile(
            rf"\b(?:(?P<y>\d{{1,4}}|\d,\d{{3}})\s*|"
            rf"(?:the\s+)?(?P<ord>{ordinal}|\d{{1,2}}(?:st|nd|rd|th))[- ]century\s+)"
            r"(?:b\.c\.(?:e\.)?|bce?\b)", f), self._h_bc))
        R.append(("bare_decade", re.compile(
            r"(?:\bthe\s+(?:(?:early|mid|late)[- ]?)?|(?<=0s\sand\s)|(?<=0s\sor\s)|(?<=0s\sto\s))(?P<d>[1-9])0s\b", f),
            self._h_bare_decade))
        self.rules = R
        # "at 6 a.m. ten days before the robbery": a clause that puts its day some time off an event
        self.shifted_day_re = re.compile(
            rf"\b(?:{num}|{vague})\s+(?:days?|weeks?|months?|years?)\s+(?:before|after|prior\s+to)\s+"
            r"(?:the|a|an|his|her|its|their|our|my|your)\b", f)
        # The same rules without IGNORECASE, run on the lower-cased text: several times faster.
        self.rules_low = [(name, re.compile(rx.pattern, rx.flags & ~re.IGNORECASE), h) for name, rx, h in R]
        # Gates: a rule runs only on a text where its gate matches, and every match of the rule contains
        # a match of its gate. A rule starting with optional words makes re try it at every character;
        # a gate starting with a fixed word or a digit is found by a quick scan (and so a gate does not
        # start with \b, which makes re try it at every character too). A rule costs a scan of the
        # whole text even when it finds nothing, so a rule whose words are rare has a gate.
        months, weekdays = rf"(?:{_alt(self.months)})\b", _alt(self.weekdays)
        gates = {
            "wd_date": weekdays, "wd_dmy": weekdays, "weekday": weekdays,
            "mdy": months, "dmy": months, "md": months, "md_word": months, "dm": months, "my": months, "month": months,
            "month_span": months,
            "slash": r"\d/\d", "time24": r"\d:[0-5]", "time_gmt": r"\d\d\s+(?:gmt|utc)",
            "decade": r"0['’]?s\b",
            "century": "centur",
            "season": _alt(self.seasons),
            "quarter": "quarter", "quarter_the": "quarter", "quarter_rel": "quarter|period",
            "quarter_year": "quarter|period",
            "half": "half",
            "ago": rf"(?:{_alt(self.units)}|half)(?:(?:\s+or\s+so)?\s+"
                   r"(?:ago|earlier|previously|later|from\s+now|hence|before|after)|['’]s?\s+time)\b",
            "bare_ago": r"s\s+(?:ago|later|earlier)\b",
            "set_times": "once|twice|thrice|times",
            "time": r"\d\s*(?:a\.m|p\.m|am\b|pm\b|o['’]clock\b)",
            "time_part": r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night",
            "spelled_year": "nineteen|eighteen|thousand",
            "year_month": r"\d\d[-/]\d", "month_year": r"\d/\d\d\d\d",
            "after_next": r"after\s+next", "week_of": r"week\s+(?:of|to|end|through)",
            "iso_week": r"\d-?w\d|week\s+\d",
            "second_day": r"\d\s+(?:and|or|&)\s+\d", "first_day": r"\d\s+(?:and|or|&)\s+\d",
            "daypart": r"(?:mid|late|early)[- ]?(?:mor|aft|eve)",
            "count_from": r"(?:ago|from\s+(?:today|now)|hence)\b", "bc": r"b\.?c",
            "bare_decade": r"\d0s\b", "in_month": r"\s(?:of|in)\s",
            "next_day": r"the\s+(?:next|following|previous|preceding|day)\s",
            "story_weekday": r"the\s+(?:following|previous|preceding)\s",
            "weekend": "weekend", "year_end": r"year(?:[- ]end|['’]s\s+end|[- ]to[- ]date)", "long_adj": "-long",
            "thispart": _alt(self.parts), "that_unit": r"(?:that|same)\s+(?:year|month|week|day|quarter)\b",
            "the_unit": r"the\s+(?:day|week)\b",
            "iso": r"\d-\d\d-\d", "quarter_q": "[qQ][1-4]", "noon": "noon|midnight|midday",
            "spelled_decade": _alt(lx["decade_words"]), "year_ago_adj": r"year[- ](?:earlier|ago)",
            "set_by": r"(?:day|week|month|year|hour)\s+(?:by|after|to)\s",
            "deictic": r"today|tomorrow|tonight|yesterday|last\s+night", "holiday": _trie_alt(self.holidays),
            # the word every match needs: these gates skip paragraphs more than texts
            "duration": _trie_alt(self.units), "vague_dur": _trie_alt(self.units),
            "vague_span": r"while|some\s+time|period|spell|stretch",
            "relunit": r"week|month|year|yr|decade|centur", "the_year": r"year|month",
            "set": _trie_alt(list(self.units) + list(self.weekdays) + list(self.months) + list(self.seasons)),
            "set_adv": _trie_alt(self.set_adverbs), "ref": _trie_alt(self.refs), "year": r"(?:1[6-9]|20)\d\d",
        }
        # One compiled gate per pattern: rules sharing a gate (the month names) test it once per text.
        compiled: dict[tuple[str, int], re.Pattern] = {}
        self.gates = {name: compiled.setdefault((g, f), re.compile(g, f)) for name, g in gates.items()}
        self.gates_low = {name: compiled.setdefault((g, 0), re.compile(g)) for name, g in gates.items()}
        self.modifier_re = re.compile(
            r"(?:\b(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)(?:-|\s+)|"
            r"\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|close|"
            r"remainder|rest|(?:first|second|last|latter)\s+half)\s+of\s+(?:the\s+)?)$",
            f,
        )
        # "$100 a year", "twice a day": a number or one of the rate words before "a <unit>" makes it a SET.
        self.set_prefix_re = re.compile(rf"(?:[\d%]|\d(?:bn|mn|m|k|tn)\b|\b(?:{_alt(self.rate_words)}))\s*$", f)
        self._ent_gate = re.compile(rf"\b(?:{_alt(self.months)})\b", f)
        self.or_so = re.compile(r"\s+or\s+so\b", f)
        self.merge_gap = re.compile(r"^(?:,?\s*(?:(?:on|at)\s+)?|\s+of\s+)$", f)
        # "Monday and Tuesday nights", "Saturday or Sunday mornings": a weekday coordinated with a plural one
        # shares its plural head, so it is a set as well.
        self.weekday_pair_re = re.compile(
            rf"\s*,?\s+(?:and|or|&)\s+(?:{_alt(self.weekdays)})(?:s\b|\s+(?P<part>{_alt(self.parts)})s\b)", f)
