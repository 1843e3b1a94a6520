"""Sides and prizes named in prose: what a name does in a report of a contest or an award.

A reader knows "Leeds v Saracens", "the Celtic League match with Munster" or "Leicester's record 24-10
win over Bath" names sides, clubs, even when the model takes the names for a town or a person: the
fixture's "v" between two names, the name after "with"/"over"/"against" under a contest noun of
``team_verbs`` ("match", "win"), a possessive name before a score and a contest noun. These add to the
team cues of :mod:`.cues` (two sides at least; countries stay places). A name before a playing position
or a side's coach (``side_roles.txt``: "Newcastle prop Ed Kalman", "the Leicester flanker") is a club
even when the article names no other side; so is one a side's standing, a player's move or his games go
with (``club_cues.tsv``: "leaders Blackpool", "signed for Bristol", "appearances for Walsall"); a cue a
town takes too ("a loan move to Walsall", "sacked by Spurs", "Tottenham's Ledley King") names a side only
beside a surer one. A word that opens clubs' names (``club_openers.txt``) before a town is part of the
club's name ("Real Madrid", which the model cuts to "Madrid" where it opens a sentence).

A name is a prize (an EVENT, as "won the Ashes") when it is what one wins or is nominated for ("won an
Oscar", "won two Grammys", "nominated for a Bafta"), a category's prize ("the best actress Oscar"), an
occasion of every year ("at this year's Baftas"), or before a noun of ``award_nouns.tsv`` ("the Golden
Globe ceremony", "three Bafta nominations", "Oscar-winning"). A name that begins an event the article
names in full, and that one is "at", is that event ("the Sundance Film Festival" ... "at Sundance").
The singular and the plural are one prize ("an Oscar", "the Oscars"). Every mention in the article
takes the label, but never a name the article has act (say, own), nor a person named in full.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, first_conjunct, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

SCORE_RE = re.compile(r"^\d+-\d+$")  # "24-10", not a lone number
FIXTURE_WORDS = {"v", "vs", "vs.", "v."}
SIDE_PREPS = {"with", "over", "against", "by", "to"}  # "the match with Munster", "the win over Leeds", "defeat by X"
ROLE_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")  # "fly-half" is three tokens
PRIZE_DETS = {"a", "an", "another", "his", "her", "their", "its", "first", "second", "third", "fourth"}
NOMINATE = {"nominate", "shortlist"}
OCCASION_TIMES = {"year", "week", "weekend", "month", "season"}  # "last weekend's Oscars"


class ContestRules(Stage):
    """Teams and prizes by the cues of contests in prose (read per mention; decided per name in cues.py)."""

    prize_verbs: set[str]
    team_verbs: set[str]
    award_nouns: dict[str, str]  # noun -> "", "counted" or "hyphen" (award_nouns.tsv)
    side_roles: dict[str, str]  # word -> "", "person" (before a person's name) or "staff" (and right after the club)
    club_openers: set[str]  # "real", "sporting", "maccabi": club_openers.txt
    club_cues: dict[tuple[str, str], str]  # (word, "before" | "object" | a preposition) -> "club" | "side"

    def _side_in_prose(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Leeds v Saracens", "the match with Munster", "the 24-10 win over Bath", "Munster's 3-1 win"."""
        tk = token_index(doc)
        if m.end + 1 < tk.n and tk.lower[m.end] in FIXTURE_WORDS \
                and any(o.start == m.end + 1 for o in mentions) and "\n" not in doc[m.end - 1].whitespace_:
            return True  # the home side of a fixture
        if m.start >= 2 and tk.lower[m.start - 1] in FIXTURE_WORDS \
                and any(o.end == m.start - 1 for o in mentions) and "\n" not in doc[m.start - 2].whitespace_:
            return True  # the away side
        head = first_conjunct(doc[m.end - 1])  # "the games with Munster and Ulster"
        if head.dep_ == "pobj" and head.head.lower_ in SIDE_PREPS and head.head.head.pos_ == "NOUN" \
                and head.head.head.lemma_ in self.team_verbs and head.head.head.i < head.head.i:
            return True
        if m.end >= tk.n or tk.lower[m.end] not in POSSESSIVES:
            return False
        j = m.end + 1  # "Leicester's 24-10 win", "Leicester's record 83-10 win": a score, then a contest noun
        score = False
        while j < tk.n and j - m.end <= 6:
            if j + 2 < tk.n and tk.text[j + 1] == "-" and SCORE_RE.match("".join(tk.text[j:j + 3])):
                score, j = True, j + 3  # "24 - 10"
            elif SCORE_RE.match(tk.text[j]):
                score, j = True, j + 1
            elif tk.text[j].islower() and doc[j].pos_ == "NOUN" and doc[j].lemma_ in self.team_verbs:
                return score or self._opposed(doc, j, mentions)  # "Wigan's win over Stockport"
            elif tk.text[j].islower() and doc[j].pos_ in ("ADJ", "NOUN", "ADV"):
                j += 1
            else:
                return False
        return False

    @staticmethod
    def _opposed(doc: Doc, j: int, mentions: list[Mention]) -> bool:
        """The contest noun at ``j`` names the other side: "win over Stockport", "defeat by Barnsley"."""
        ends = {o.end - 1 for o in mentions}
        return any(p.dep_ == "prep" and p.lower_ in SIDE_PREPS and any(c.dep_ == "pobj" and c.i in ends
                                                                      for c in p.children)
                   for p in doc[j].children)

    def _club_role(self, doc: Doc, m: Mention) -> bool:
        """"Newcastle prop Ed Kalman", "the Leicester flanker", "Leicester's England centre": a name before a
        playing position or a side's coach (``side_roles.txt``; at most two names between) owns the player;
        a name with "side" ("club side Newcastle", "a Swansea side") is one."""
        tk = token_index(doc)
        if m.start >= 2 and tk.lower[m.start - 1] == "side" and doc[m.start - 2].pos_ in ("NOUN", "ADJ") \
                and tk.text[m.start - 2].islower():
            return True  # "club side Newcastle", "union side Swansea"
        if m.start >= 1 and tk.lower[m.start - 1] in ("a", "the") and m.end < tk.n and tk.lower[m.end] == "side" \
                and (m.end + 1 >= tk.n or tk.lower[m.end + 1] != "of"):
            return True  # "a Swansea side", not "the Gaza side of the border"
        j = m.end
        if j < tk.n and tk.text[j] in ("-", "–"):
            return False  # "Dublin-born"
        if j < tk.n and tk.lower[j] in POSSESSIVES:
            j += 1
        k = j
        while k < tk.n and k - j < 2 and tk.text[k].istitle() and doc[k].pos_ == "PROPN":
            k += 1  # "Leicester's England centre"
        if k >= tk.n or not tk.text[k].islower():
            return False
        word = ROLE_RE.match(tk.doc_text, tk.idx[k])
        role = word.group() if word else ""
        kind = self.side_roles.get(role, self.side_roles.get(" ".join(tk.lower[k:k + 2])))
        if kind is None or kind == "staff" and k > j:
            return False  # a side's staff follow its name: not "in Las Vegas Microsoft boss Bill Gates"
        after = tk.first_from(tk.idx[k] + len(role))
        if kind == "staff" and k == m.end and m.start and tk.lower[m.start - 1] == "as":
            return True  # "resigns as Spurs manager": the post one takes or leaves, the holder named elsewhere
        if kind in ("person", "staff"):  # "Newcastle centre Mathew Tait", not "the Colorado centre", "the Leeds coach"
            return after < tk.n and doc[after].ent_type_ == "PERSON" and tk.text[after].istitle()
        return not (after is not None and after < tk.n and tk.text[after].islower() and doc[after].pos_ == "NOUN")

    def _club_deed(self, doc: Doc, m: Mention) -> str | None:
        """"leaders Blackpool", "signed for Bristol", "200 appearances for Walsall", "joined Hartlepool from
        Darlington", "a loan move to Walsall": a name a side's standing, a player's move or his games go with is
        a "club" (``club_cues.tsv``), or a "side" where a town could take the cue too ("moved to Leeds"); only a
        town is one by being joined ("joined Southampton"; not a region, a line), and one left is a city too
        ("left London for Paris")."""
        tk = token_index(doc)
        if m.start and tk.text[m.start - 1].islower() and "\n" not in doc[m.start - 1].whitespace_:
            cue = self.club_cues.get((tk.lower[m.start - 1], "before"))
            if cue:
                return cue  # "leaders Blackpool"
        if m.label != "PERSON" and self._before_player(doc, m):
            return "side"  # "Tottenham's Ledley King": a player's club, or his town
        head = first_conjunct(doc[m.end - 1])
        if head.dep_ == "dobj":
            return self.club_cues.get((head.head.lemma_, "object")) if m.label == "GPE" else None
        prep = head.head.lower_
        if head.dep_ != "pobj" or prep in ("before", "object"):
            return None
        owner = head.head.head  # "signed for X", "appearances for X", "joined ... from X", "a loan move to X"
        if owner.i > head.head.i:
            return None
        words = [owner] + [c for c in owner.children if c.dep_ == "dobj" and c.i < head.head.i]  # "his debut for X"
        # a move to a place is a player's as a noun ("a loan move to Walsall"), not "moving plants to Asia"
        cues = [self.club_cues.get((w.lemma_.lower(), prep)) for w in words if prep != "to" or w.pos_ == "NOUN"]
        return "club" if "club" in cues else "side" if "side" in cues else None

    def _club_openers(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"Real Madrid are ...", "Sporting Lisbon", "Maccabi Haifa": a word that opens clubs' names
        (``club_openers.txt``), capitalised right before a place the model tagged alone (where it opens a
        sentence the model takes it for an adjective), or opening a name whose rest is a place of the tables,
        makes the whole a club, an ORG."""
        tk = token_index(doc)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        alone = {m.start: m for m in mentions if m.end == m.start + 1 and tk.lower[m.start] in self.club_openers}
        dropped: set[int] = set()  # the opener the model tagged on its own: "Sporting" GPE, "Lisbon" GPE
        for m in mentions:
            if id(m) in dropped or m.fixed or m.label not in ("GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"):
                continue
            if m.end - m.start >= 2 and tk.lower[m.start] in self.club_openers and tk.text[m.start][:1].isupper():
                rest = name_key(tk.span(m.start + 1, m.end))
                if rest in self.city_country or rest in self.aliases and self.aliases[rest].kind != "country":
                    m.label, m.canonical = "ORG", None  # "Maccabi Haifa", the model's person
                continue
            s = m.start - 1
            if s < 0 or s in taken and s not in alone or tk.lower[s] not in self.club_openers \
                    or not tk.text[s][:1].isupper() or "\n" in doc[s].whitespace_ \
                    or m.label not in ("GPE", "LOC", "ORG") and (m.label != "PERSON" or s not in alone):
                continue
            if s in alone:
                dropped.add(id(alone[s]))
            m.start, m.label, m.canonical = s, "ORG", None
            taken.add(s)
        return [m for m in mentions if id(m) not in dropped]

    @staticmethod
    def _before_player(doc: Doc, m: Mention) -> bool:
        """The name's possessive before a person's name of two words ("Tottenham's Ledley King")."""
        tk = token_index(doc)
        return m.end + 2 < tk.n and tk.lower[m.end] in POSSESSIVES \
            and doc[m.end + 1].ent_type_ == doc[m.end + 2].ent_type_ == "PERSON" \
            and tk.text[m.end + 1].istitle() and tk.text[m.end + 2].istitle()

    def _prizes(self, doc: Doc, mentions: list[Mention], agents: set[str]) -> set[str]:
        """Keys of the names the article has won, be nominated for or qualify an award noun."""
        out: set[str] = set()
        for m in mentions:
            if m.fixed or m.label not in ("PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART"):
                continue
            key = name_key(self._name(doc, m))
            if key in agents or key in self.aliases or key in self.demonyms or self._full_name(doc, m):
                continue
            if self._won(doc, m) or self._before_award_noun(doc, m, mentions) or self._category(doc, m) \
                    or self._yearly(doc, m):
                out.add(key)
        out |= self._event_short_forms(doc, mentions, agents)
        return out | {k[:-1] for k in out if k.endswith("s")} | {k + "s" for k in out}

    def _category(self, doc: Doc, m: Mention) -> bool:
        """"the best actress Oscar", "best supporting actor Bafta": a prize's category ("best" and lower-case
        words) right before the name, which ends its phrase."""
        tk = token_index(doc)
        if m.end < tk.n and doc[m.end].pos_ in ("NOUN", "PROPN"):
            return False  # "the best actress Oscar nominations" is the award noun's cue
        k = m.start - 1
        while k >= 0 and m.start - k <= 4 and tk.text[k].islower() and doc[k].pos_ in ("NOUN", "ADJ", "VERB"):
            if tk.lower[k] == "best":
                return k < m.start - 1
            k -= 1
        return False

    def _yearly(self, doc: Doc, m: Mention) -> bool:
        """"at this year's Oscars", "last weekend's Oscars", "at the Baftas": an occasion, alone (not "this
        year's Microsoft results")."""
        tk = token_index(doc)
        if m.end < tk.n and doc[m.end].pos_ in ("NOUN", "PROPN", "NUM", "PART"):
            return False
        if m.start >= 2 and tk.lower[m.start - 2:m.start] == ["at", "the"] and doc[m.end - 1].tag_ == "NNPS" \
                and m.label != "PERSON" and m.end - m.start == 1:
            return True  # "at the Baftas", "at the Grammys": a plural name one is at (not "the National Archives")
        return m.start >= 3 and tk.lower[m.start - 1] in POSSESSIVES and tk.lower[m.start - 2] in OCCASION_TIMES \
            and tk.lower[m.start - 3] in ("this", "last", "next")

    def _event_short_forms(self, doc: Doc, mentions: list[Mention], agents: set[str]) -> set[str]:
        """"the Sundance Film Festival" ... "Robert Redford founded Sundance": a name that is the leading words
        of an event the article names in full, and that one is "at", is that event; never a name the article
        has as a place."""
        tk = token_index(doc)
        leads = {name_key(tk.span(e.start, k)) for e in mentions if e.label == "EVENT" and e.end - e.start >= 2
                 for k in range(e.start + 1, e.end)}  # "Sundance", "Sundance Film"
        places = {name_key(self._name(doc, m)) for m in mentions if m.label in ("GPE", "LOC")}  # "in Cannes"
        # the short form is an occasion one is at ("films on war triumph at Sundance"), not a body ("the Academy")
        at = {name_key(self._name(doc, m)) for m in mentions if m.start and tk.lower[m.start - 1] == "at"
              and (m.end >= tk.n or doc[m.end].pos_ not in ("NOUN", "PROPN"))}
        leads = (leads & at) - places
        return {key for key in leads if key not in self.aliases and key not in agents and key not in self.demonyms}

    def _full_name(self, doc: Doc, m: Mention) -> bool:
        """A person named in full, a first name and more ("Imelda Staunton nominated for best actress")."""
        words = (m.canonical or token_index(doc).span(m.start, m.end)).split()
        return m.label == "PERSON" and len(words) >= 2 and first_name_gender(words[0])[1] == SURE

    @staticmethod
    def _counted(doc: Doc, m: Mention) -> bool:
        """One of several: after "a", "another", "her" or a number ("an Oscar", "two Grammys")."""
        return m.start > 0 and (token_index(doc).lower[m.start - 1] in PRIZE_DETS or doc[m.start - 1].pos_ == "NUM")

    def _won(self, doc: Doc, m: Mention) -> bool:
        """"won an Oscar", "won two Grammys", "nominated for a Bafta": one of many, not a side ("beat Leeds")."""
        tk = token_index(doc)
        head = doc[m.end - 1]
        if m.end < tk.n and (tk.lower[m.end] in POSSESSIVES or doc[m.end].pos_ in ("NOUN", "PROPN", "NUM")
                             or "-" in tk.text[m.end:m.end + 2]):
            return False  # "won a Bafta award" is the award's; "won a Leeds game" a side's; "the Horsham by-election"
        prev = tk.lower[m.start - 1] if m.start else ""
        counted = self._counted(doc, m) or head.tag_ in ("NNS", "NNPS") and prev not in ("the",)
        head = first_conjunct(head)  # "won a Golden Globe and a Bafta"
        verb = head.head.lemma_
        if head.dep_ == "dobj" and (verb in self.prize_verbs or self.award_nouns.get(verb) == "verb") and counted:
            return True  # "won an Oscar", "earned him a Golden Globe"
        return head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_ in NOMINATE \
            and (prev in PRIZE_DETS or prev == "the")  # not "nominated for Sideways", a film

    def _before_award_noun(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Bafta nominations", "Oscar winner", "the Golden Globes ceremony", "Golden Globe and Bafta
        nominations": the name (or the name it is joined to by "and") qualifies an award noun."""
        tk = token_index(doc)
        j = m.end
        joined = False
        if j + 1 < tk.n and tk.lower[j] in ("and", "or"):
            nxt = next((o for o in mentions if o.start == j + 1), None)
            if nxt is None:
                return False
            j, joined = nxt.end, True
        hyphen = j + 1 < tk.n and tk.text[j] == "-" and not doc[j - 1].whitespace_
        j += hyphen  # "Oscar-winning", "Bafta-nominated"
        if j >= tk.n or not doc[j].text.islower():
            return False
        if not hyphen and j + 1 < tk.n and doc[j].pos_ == "NOUN" and tk.lower[j] not in self.award_nouns \
                and self.award_nouns.get(tk.lower[j + 1]) == "":
            j += 1  # "the Bafta film awards", "the Grammy music awards"
        kind = self.award_nouns.get(tk.lower[j])
        if kind is None or kind == "verb" or kind == "hyphen" and not hyphen:
            return False
        if kind == "not-org":
            return m.label != "ORG"  # "Oscar nominee Clive Owen", not "Labour nominee", "Directors Guild nominees"
        counted = self._counted(doc, m)
        joined = joined or m.start > 1 and tk.lower[m.start - 1] in ("and", "or") \
            and any(o.end == m.start - 1 for o in mentions)  # "Golden Globe and Bafta nominations"
        if kind == "owned":
            return m.start > 0 and tk.lower[m.start - 1] in ("his", "her", "their")
        return kind != "counted" or counted or joined
