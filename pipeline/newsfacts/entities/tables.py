"""Names in results tables and standings, read by their layout.

Sports pages print lines a reader takes in at a glance, and the model, trained on prose, misses
most names in them: "Hanwha 6 Lotte 5", "Millwall 4 2 1 1 7 5 7", "MINNESOTA 67 67 .500 13",
"Sussex 363 ( W. Athey 111 ) , Lancashire 197-8", "3. Claus Hirsbro ( Denmark ) 20.90". A line is
a results line when its numbers outnumber its lower-case words (ALL-CAPS headlines are not read:
their verbs are capitalised too). In it, a capitalised name followed by a score is a side, and a
name followed by a bracketed country is a competitor; a name and a number in brackets is a player
("(Parker 77)", a substitute's minute), and a name the article gives in full as a person's is that
person ("Terry 17, Gudjohnsen 46" among the scorers). A side is a person when the name says so
(an initial, bowling figures, a time or distance after the country), a country is a national
side (GPE), a name with an organisation word is a team; the rest are decided by the table: a
leaderboard of "Firstname Surname" rows is people, a standings table of towns is teams. The
labels are fixed, so the article's other mentions of the name take them when labels are voted. A line of
names only, joined by one "v" and by "or" ("Reading or Swansea v Leicester"), is a fixture: each name a side.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts import namematch
from newsfacts.entities.contests import FIXTURE_WORDS
from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index

# "6", "197-8", ".500", "4:09.25", "7.", "1=", "1/2"; not a date ("1996-08-30") nor "5,000"
SCORE_RE = re.compile(r"^(?!\d{4}-\d\d-\d\d$)(?:\d+(?:[-/:.]\d+)*[.=]?|\.\d+)$")
POINTS_RE = re.compile(r"^\d{1,3}$")  # a side's score or games played: a small whole number
BOWLING_RE = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")  # overs-maidens-runs-wickets
INITIALS_RE = re.compile(r"^(?:[A-Z]\.)+(?:[A-Z][a-z]+|O'[A-Z][a-z]+)?$")  # "W.", "J.R.", "T.O'Gorman"
MONTH_RE = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                      r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
INNER = {"of", "'s", "de", "da", "van", "von", "den", "der", "le", "la", "&"}
# how sure a side's label is: by its own words, or only by the shape of the name
BY_WORDS, BY_SHAPE = 2, 1


class TableRules(Stage):
    """Team and competitor names in results lines."""

    def _table_mentions(self, doc: Doc, lines: list[str], mentions: list[Mention] = ()) -> list[Mention]:
        tk = token_index(doc)
        people: set[str] | None = None  # read when a guessed side needs it, not for every article
        out: list[Mention] = []
        block: list[tuple[Mention, int]] = []  # the sides of consecutive results lines
        for line in re.finditer(r"[^\n]+", tk.doc_text):
            lo, hi = tk.first_from(line.start()), tk.first_from(line.end())
            if lo >= hi or lines[lo] == "caps" or not self._results_line(tk.text[lo:hi]):
                out += self._decide(block)
                block = []
                runs = self._fixture_runs(tk, lo, hi) if lo < hi and lines[lo] != "caps" else []
                if runs:
                    people = self._full_person_names(tk, mentions) if people is None else people
                    out += self._decide(self._fixture_sides(tk, runs, people))
                continue
            i = lo
            while i < hi:
                j = self._name_run(tk, i, hi)
                if j == i:
                    i += 1
                    continue
                side = self._side(tk, i, j, hi)
                if side and side[1] == BY_SHAPE:
                    people = self._full_person_names(tk, mentions) if people is None else people
                    if any(p.endswith(" " + " ".join(tk.lower[i:j])) for p in people):
                        side = ("PERSON", BY_WORDS)
                if side:
                    block.append((Mention(i, j, side[0], "table", fixed=True), side[1]))
                i = j
        return out + self._decide(block)

    def _fixture_runs(self, tk, lo: int, hi: int) -> list[tuple[int, int]]:
        """"Charlton v Yeovil", "Reading or Swansea v Leicester or Blackpool": the names of a line of names only,
        joined by one "v" and by "or" (a fixture), or none."""
        runs: list[tuple[int, int]] = []
        vs, i = 0, lo
        while i < hi:
            j = self._name_run(tk, i, hi)
            if j == i:
                return []
            runs.append((i, j))
            if j < hi:
                if tk.lower[j] in FIXTURE_WORDS:
                    vs += 1
                elif tk.lower[j] != "or" or j + 1 >= hi:
                    return []
            i = j + 1
        return runs if vs == 1 else []

    def _fixture_sides(self, tk, runs: list[tuple[int, int]], people: set[str]) -> list[tuple[Mention, int]]:
        """Each name of a fixture a side: a country a national side; the others decided with the fixtures around
        them, people where the article names them so."""
        sides = []
        for i, j in runs:
            words = [w.lower() for w in tk.text[i:j]]
            alias = self.aliases.get(name_key(tk.span(i, j)))
            if alias is not None and alias.kind == "country":
                side = ("GPE", BY_WORDS)
            elif any(w in self.name_heads or w in self.org_suffixes for w in words[1:]):
                side = ("ORG", BY_WORDS)
            elif any(p == " ".join(words) or p.endswith(" " + " ".join(words)) for p in people):
                side = ("PERSON", BY_WORDS)
            else:
                side = ("PERSON" if self._reads_as_person(tk.text, i, j, False) else "ORG", BY_SHAPE)
            sides.append((Mention(i, j, side[0], "table", fixed=True), side[1]))
        return sides

    @staticmethod
    def _full_person_names(tk, mentions: list[Mention]) -> set[str]:
        """The full names of people the article gives in prose, lower case: "Terry 17" in a scorers' line
        is John Terry."""
        names = set()
        for m in mentions:
            name = tk.span(m.start, m.end)
            if m.label == "PERSON" and m.end - m.start > 1 and "\n" not in name and not any(c.isdigit() for c in name):
                names.add(" ".join(tk.lower[m.start:m.end]))
        return names

    @staticmethod
    def _decide(block: list[tuple[Mention, int]]) -> list[Mention]:
        """Guessed sides follow the table: people if most guesses in it read as people."""
        guesses = [m.label for m, how in block if how == BY_SHAPE]
        label = "PERSON" if guesses.count("PERSON") > len(guesses) / 2 else "ORG"
        for m, how in block:
            if how == BY_SHAPE:
                m.label = label
        return [m for m, _ in block]

    @staticmethod
    def _results_line(texts: list[str]) -> bool:
        lower = 0
        for t in texts:
            if t.isalpha() and t.islower():
                lower += 1
                if lower == 8:  # prose: most lines stop here, without the scores counted
                    return False
        numbers = sum(bool(SCORE_RE.match(t)) for t in texts)
        return numbers >= 2 and lower <= numbers

    def _name_run(self, tk, i: int, hi: int) -> int:
        """End of the capitalised name starting at ``i`` ("Queen of South", "Anne-Gaelle Sidot"), or ``i``."""
        texts = tk.text

        def cap(k: int) -> bool:
            t = texts[k]
            return t[:1].isupper() and any(c.isalpha() for c in t) and not any(c.isdigit() for c in t)

        def glued(k: int) -> bool:  # token k is a hyphen inside a word: "Jed-Forest"
            return texts[k] in ("-", "–") and k + 1 < hi and tk.end[k - 1] == tk.idx[k] == tk.end[k] - 1 \
                and tk.end[k] == tk.idx[k + 1]

        if i > 0 and tk.end[i - 1] == tk.idx[i] and texts[i - 1][-1:].isalnum():
            return i
        if not cap(i) and not (texts[i] in self.particles and i + 1 < hi and cap(i + 1)):  # "de Silva"
            return i
        j = i + 1
        while j < hi:
            if cap(j):
                j += 1
            elif texts[j].lower() in INNER and j + 1 < hi and cap(j + 1):
                j += 2
            elif glued(j) and texts[j + 1].isalpha():  # "Anne-Gaelle", "Ata-ur-Rehman"
                j += 2
            else:
                break
        return j

    def _side(self, tk, i: int, j: int, hi: int) -> tuple[str, int] | None:
        """The label of the name ``i:j`` and how sure it is, from what follows it; None when it is no side."""
        texts = tk.text
        words = [w.lower() for w in texts[i:j]]
        key = name_key(tk.span(i, j))
        alias = self.aliases.get(key)
        if words[0] in self.determiners or key in self.demonyms or any(MONTH_RE.match(w) for w in words):
            return None
        org_word = any(w in self.name_heads or w in self.org_suffixes for w in words[1:])
        person = self._reads_as_person(texts, i, j, org_word)
        # "Claus Hirsbro ( Denmark ) 20.90": a competitor with the country they represent
        close = next((k for k in range(j + 2, min(j + 5, hi)) if texts[k] == ")"), None)
        if j < hi and texts[j] == "(" and close is not None \
                and getattr(self.aliases.get(name_key(tk.span(j + 1, close))), "kind", None) == "country":
            if alias is not None:
                return None
            if org_word:
                return "ORG", BY_WORDS
            if close + 1 < hi and POINTS_RE.match(texts[close + 1]):  # a golfer's rounds, a club's score
                return ("PERSON" if person else "ORG"), BY_SHAPE
            return "PERSON", BY_WORDS  # a time, a distance, "beat"
        if j >= hi or not SCORE_RE.match(texts[j]):
            return None
        if i > 0 and texts[i - 1] == "(" and j + 1 < hi and texts[j + 1] == ")":
            # "( W. Athey 111 )", "(Parker 77)": a batsman's runs, a substitute's minute: a player, no side
            return ("PERSON", BY_WORDS) if person or INITIALS_RE.match(texts[i]) else None
        after = tk.doc_text[tk.idx[j]:].split(None, 1)[0]
        if BOWLING_RE.match(after) or (person and INITIALS_RE.match(texts[i])):
            return "PERSON", BY_WORDS
        if not POINTS_RE.match(texts[j]) or (j + 1 < hi and texts[j + 1].isalpha() and texts[j + 1].islower()
                                             and texts[j + 1] != "and"):
            return None  # "Net 415 million": a figure, not a score
        if alias is not None and alias.kind == "country":
            return "GPE", BY_WORDS  # a national side
        if org_word:
            return "ORG", BY_WORDS
        return ("PERSON" if person else "ORG"), BY_SHAPE

    def _reads_as_person(self, texts: list[str], i: int, j: int, org_word: bool) -> bool:
        """An initial ("W. Athey") or a known first name ("Ian Woosnam"), not an organisation's words."""
        if org_word:
            return False
        if INITIALS_RE.match(texts[i]) and j - i <= 3:
            return True
        if j - i >= 2:
            return namematch.first_name_gender(texts[i])[0] is not None
        return False
