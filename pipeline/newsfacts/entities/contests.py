"""Sides and prizes named in prose: what a name does in a report of a contest or an award.

A reader knows "Leeds v Saracens", "the Celtic League match with Munster" or "Leicester's 24-10 win
over Bath" names two sides, clubs, even when the model takes the names for a town or a person: the
fixture's "v" between two names, or the name after "with"/"over"/"against" under a contest noun of
``team_verbs`` ("match", "win"), or a possessive name before a score and a contest noun ("Munster's
3-1 win"). These add to the team cues of :mod:`.cues` (two sides at least; countries stay places).

A name is a prize (an EVENT, as "won the Ashes") when it is what one wins or is nominated for: "won an
Oscar", "won two Grammys" (a prize verb's object after "a", a number or no determiner, a plural),
"nominated for a Bafta", or a name before a noun of ``award_nouns.txt`` ("Bafta nominations", "Oscar
winner Jamie Foxx", "the Golden Globes ceremony"; the names coordinated with it too). The singular and
the plural are one prize ("an Oscar", "the Oscars"). Every mention in the article takes the label,
but never a name the article has act (say, own), nor a person named in full.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, name_key
from newsfacts.tokens import token_index

SCORE_RE = re.compile(r"^\d+-\d+$")  # "24-10", not a lone number
FIXTURE_WORDS = {"v", "vs", "vs.", "v."}
SIDE_PREPS = {"with", "over", "against"}  # "the match with Munster", "the win over Leeds"
PRIZE_DETS = {"a", "an", "another", "his", "her", "their", "its", "first", "second", "third", "fourth"}
NOMINATE = {"nominate", "shortlist"}


class ContestRules(Stage):
    """Teams and prizes by the cues of contests in prose (read per mention; decided per name in cues.py)."""

    prize_verbs: set[str]
    team_verbs: set[str]
    award_nouns: set[str]

    def _side_in_prose(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Leeds v Saracens", "the match with Munster", "the 24-10 win over Bath", "Munster's 3-1 win"."""
        tk = token_index(doc)
        if m.end + 1 < tk.n and tk.lower[m.end] in FIXTURE_WORDS \
                and any(o.start == m.end + 1 for o in mentions) and "\n" not in doc[m.end - 1].whitespace_:
            return True  # the home side of a fixture
        if m.start >= 2 and tk.lower[m.start - 1] in FIXTURE_WORDS \
                and any(o.end == m.start - 1 for o in mentions) and "\n" not in doc[m.start - 2].whitespace_:
            return True  # the away side
        head = doc[m.end - 1]
        while head.dep_ == "conj" and head.head.i < head.i:  # "the games with Munster and Ulster"
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in SIDE_PREPS and head.head.head.pos_ == "NOUN" \
                and head.head.head.lemma_ in self.team_verbs and head.head.head.i < head.head.i:
            return True
        if m.end >= tk.n or tk.lower[m.end] not in POSSESSIVES:
            return False
        j = m.end + 1  # "Leicester's 24-10 win": the score one token or three ("24 - 10")
        k = j + 3 if j + 2 < tk.n and tk.text[j + 1] == "-" else j + 1
        return k < tk.n and SCORE_RE.match("".join(tk.text[j:k])) is not None and doc[k].pos_ == "NOUN" \
            and doc[k].lemma_ in self.team_verbs

    def _prizes(self, doc: Doc, mentions: list[Mention], agents: set[str]) -> set[str]:
        """Keys of the names the article has won, be nominated for or qualify an award noun."""
        out: set[str] = set()
        for m in mentions:
            if m.fixed or m.label not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART"):
                continue
            key = name_key(self._name(doc, m))
            if key in agents or key in self.aliases or key in self.demonyms:
                continue
            if self._won(doc, m) or self._before_award_noun(doc, m, mentions):
                out.add(key)
        return out | {k[:-1] for k in out if k.endswith("s")} | {k + "s" for k in out}

    def _won(self, doc: Doc, m: Mention) -> bool:
        """"won an Oscar", "won two Grammys", "nominated for a Bafta": one of many, not a side ("beat Leeds")."""
        tk = token_index(doc)
        head = doc[m.end - 1]
        if m.end < tk.n and (tk.lower[m.end] in POSSESSIVES or doc[m.end].pos_ in ("NOUN", "PROPN", "NUM")):
            return False  # "won a Bafta award" is the award's; "won a Leeds game" a side's
        prev = tk.lower[m.start - 1] if m.start else ""
        counted = prev in PRIZE_DETS or (m.start and doc[m.start - 1].pos_ == "NUM") \
            or head.tag_ in ("NNS", "NNPS") and prev not in ("the",)
        if head.dep_ == "dobj" and head.head.lemma_ in self.prize_verbs and counted:
            return True
        return head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_ in NOMINATE \
            and (counted or prev == "the")

    def _before_award_noun(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Bafta nominations", "Oscar winner", "the Golden Globes ceremony", "Golden Globe and Bafta
        nominations": the name (or the name it is joined to by "and") qualifies an award noun."""
        tk = token_index(doc)
        j = m.end
        if j + 1 < tk.n and tk.lower[j] in ("and", "or"):
            nxt = next((o for o in mentions if o.start == j + 1), None)
            if nxt is None:
                return False
            j = nxt.end
        if j < tk.n and tk.text[j] == "-" and j + 1 < tk.n and not doc[j - 1].whitespace_:
            j += 1  # "Oscar-winning", "Bafta-nominated"
        return j < tk.n and doc[j].text.islower() and (tk.lower[j] in self.award_nouns or doc[j].lemma_ in
                                                        self.award_nouns)
