"""Team line-ups, read by their layout: every listed name is a player.

Sports reports end with the sides as lists of names and nothing else: "De Marigny; Mi Bergamasco,
Canale, Masi, Nitoglia; Orquera, Troncon; ...", "Replacements: Kalman, Regan, Hyde, ...", "C Paterson
(Scotland), B Cohen (England), B O'Driscoll (Ireland, capt), ...". The model, trained on prose, reads a
lone surname there as a town or a firm. A run of at least ``MIN_ITEMS`` capitalised names, each ended by
a comma, a semicolon or a bracket, that fills a whole stretch of a line (from the line's start or a
"Header:" to a full stop or the line's end) is a line-up: its names are people, and the first name in
the bracket after a player ("(Leicester)", "(Sale Sharks, capt)") is the club or the country they play
for: a country of the tables is a place (a national side, as elsewhere in the project), and where the
article's line-ups name two countries or more, so are the other brackets ("NZ", "Aus"); else a club.
A stretch whose names are mostly the tables' countries or organisations is a list of those, no line-up.
The labels are fixed, so the article's other mentions of a name ("Bortolami", "Leicester") take them
when labels are voted.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index

MIN_ITEMS = 5  # a side's forwards or its replacements; prose lists of five names stand in a sentence
MAX_NAME = 4  # tokens of one listed name ("P de Villiers", "Ma Bergamasco")
MAX_BRACKET = 8  # tokens inside one bracket: "(Toulouse, capt)", "(Sale Sharks, capt)"
CAPTAIN = {"capt", "capt.", "c", "captain", "vc", "vice-captain", "from"}
SEPARATORS = {",", ";", "/"}  # "W Johnson/B Deacon": two players for one place on the bench
ENDS = {".", ":"}  # a full stop ends a stretch, a colon ends its header ("Leeds:", "Replacements (from):")


class LineupRules(Stage):
    """People (and their clubs or countries) in the line-ups of sports reports."""

    def _lineup_mentions(self, doc: Doc, lines: list[str]) -> list[Mention]:
        tk = token_index(doc)
        out: list[Mention] = []
        for line in re.finditer(r"[^\n]+", tk.doc_text):
            lo, hi = tk.first_from(line.start()), tk.first_from(line.end())
            start, header = lo, None
            for k in range(lo, hi + 1):
                if k == hi or self._end_mark(tk.text[k]) and not self._initial_dot(tk, k):
                    found = self._stretch(tk, start, k) if lines[start:start + 1] != ["caps"] else []
                    if found and header is not None:
                        found += self._team(tk, *header)
                    out += found
                    header = (start, k) if k < hi and tk.text[k] == ":" else None  # not "Replacements (from):"
                    start = k + 1
        # the sides in brackets: a country of the tables is a national side; where the line-ups name two
        # countries or more they list nations, and the other brackets ("NZ", "Aus") are nations too
        sides = [m for m in out if m.label == "ORG"]
        countries = {name_key(tk.name(m.start, m.end)) for m in sides if self._national(tk, m.start, m.end)}
        for m in sides:
            if len(countries) >= 2 or name_key(tk.name(m.start, m.end)) in countries:
                m.label = "GPE"
        return out

    def _team(self, tk, start: int, end: int) -> list[Mention]:
        """The header of a line-up ("Leeds:") is the side when it is a name, not a common word ("Replacements:",
        "Forwards:" are in the lemmatizer's word list)."""
        if end <= start:
            return []
        last = tk.lower[end - 1]
        if self._listed_name(tk, start, end) != end or last in self.known_words or last[:-1] in self.known_words:
            return []
        return [Mention(start, end, "GPE" if self._national(tk, start, end) else "ORG", "table", fixed=True)]

    @staticmethod
    def _end_mark(text: str) -> bool:
        """A full stop or a colon, alone or closing a bracket ("Replacements (from):")."""
        return text in ENDS or len(text) > 1 and text[-1] == ":" and not any(c.isalnum() for c in text)

    @staticmethod
    def _initial_dot(tk, k: int) -> bool:
        """A full stop of an initial ("J. Smith"): right after one capital letter, with no space."""
        return k > 0 and tk.text[k] == "." and tk.end[k - 1] == tk.idx[k] and len(tk.text[k - 1]) == 1 \
            and tk.text[k - 1].isupper()

    def _stretch(self, tk, lo: int, hi: int) -> list[Mention]:
        """The players and their sides if the tokens ``lo:hi`` are all a line-up, else nothing."""
        players: list[Mention] = []
        sides: list[tuple[int, int]] = []
        marked = False  # a semicolon or a bracket: the layout of a line-up, not of a sentence's list
        i = lo
        while i < hi:
            j = self._listed_name(tk, i, hi)
            if j == i:  # "..., L Dallaglio (England), Others to be added.": the names before stay a line-up
                if not marked or not players:
                    return []
                break
            players.append(Mention(i, j, "PERSON", "table", fixed=True))
            if j < hi and tk.text[j] == "(":
                close = next((k for k in range(j + 1, min(j + MAX_BRACKET + 2, hi)) if tk.text[k] == ")"), None)
                if close is None:
                    return []
                marked = True
                side = self._listed_name(tk, j + 1, close)
                # "(Sale Sharks, capt)" names the club; "(Parker 77)" a substitute and his minute, no side
                if side > j + 1 and tk.lower[j + 1] not in CAPTAIN \
                        and not any(c.isdigit() for k in range(side, close) for c in tk.text[k]):
                    sides.append((j + 1, side))
                j = close + 1
                if j < hi and tk.text[j] not in SEPARATORS:
                    i = j  # "J Fourie (SA) T Umaga (New Zealand)": a comma left out after a bracket
                    continue
            if j < hi and tk.text[j] not in SEPARATORS:
                if not marked or len(players) <= MIN_ITEMS:
                    return []
                players.pop()  # "..., Others to be added."
                break
            marked = marked or j < hi and tk.text[j] in (";", "/")
            i = j + 1
        if len(players) < MIN_ITEMS:
            return []
        known = sum(name_key(tk.name(m.start, m.end)) in self.aliases for m in players)
        if known * 2 >= len(players):
            return []  # "France, Italy, Spain, Germany, Portugal.": a list of countries
        return players + [Mention(s, e, "ORG", "table", fixed=True) for s, e in sides]

    def _national(self, tk, start: int, end: int) -> bool:
        alias = self.aliases.get(name_key(tk.name(start, end)))
        return alias is not None and alias.kind == "country"

    def _listed_name(self, tk, i: int, hi: int) -> int:
        """End of the capitalised name at ``i`` ("O'Gara", "P de Villiers", "Neath-Swansea",
        "Sale Sharks"), or ``i`` when no name of at most ``MAX_NAME`` words starts there."""
        texts = tk.text
        j = i
        while j < hi and j - i < MAX_NAME + 2:
            t = texts[j]
            if t[:1].isupper() and any(c.isalpha() for c in t) and not any(c.isdigit() for c in t):
                j += 1
            elif j > i and t.lower() in self.particles and j + 1 < hi \
                    and (texts[j + 1][:1].isupper() or texts[j + 1].lower() in self.particles):
                j += 1  # "P de Villiers", "CA del Fava", "CJ van der Linde"
            elif j > i and t in ("-", "–") and j + 1 < hi and tk.end[j - 1] == tk.idx[j] \
                    and tk.end[j] == tk.idx[j + 1] and texts[j + 1][:1].isupper():
                j += 1  # "Neath-Swansea"
            else:
                break
        if j == i or len(tk.words(i, j)) > MAX_NAME:
            return i
        return j
