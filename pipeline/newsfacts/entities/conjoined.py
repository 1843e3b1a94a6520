"""Two names the model joined into one at "and": "Everton and Arsenal", "Gazprom and Rosneft".

(Also at "or", "to", "when" or a verb, which no organisation's name has inside: "Hartlepool or Boston",
"Arsenal to Real Madrid" are always two. The other way round, a broadcaster's name the model cut after
a word of ``station_words.txt`` is one: "BBC Radio" + "Five Live".)

The model reads "X and Y" as one organisation when both are names it does not know. Some firms do
have "and" inside their names ("Procter and Gamble", "Food and Agriculture Organisation"), so a joined
name is split only on evidence from the article or the tables: both parts are names of their own (the
article writes each elsewhere without the other, as a name or as the end of a person's name, or the
tables know it), or words around need two things ("between X and Y", "X and Y have both", "such as X
and Y", a plural noun before: "two brands, X and Y") and no organisation's word or initials make it one
("Oil and Natural Gas Corporation (ONGC)"), or the second part opens with a capitalised "The" ("the
Independent and The Times").
"&" is left alone ("Johnson & Johnson", "Marks & Spencer"), and so is a name with "of" or "for" before
its "and" ("Department of Trade and Industry"), unless its second part repeats the first's words up to
that "of" ("Duchy of Lancaster and Duchy of Cornwall"), or a comma in it. Offsets stay those of the words.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

SPLIT_PREPS = {"on", "at", "in", "with"}  # "Roxy Music on Isle of Wight": split only between two names of the article


def _name_end(word: str) -> bool:
    """A word a name can end with: capitalised, or a number ("Channel 4")."""
    return word[:1].isupper() or word.isdigit()


class ConjoinedRules(Stage):
    """Split an ORG "X and Y" into X and Y when the article has both on their own."""

    station_words: set[str]  # models/entities/station_words.txt: "radio", "tv"

    def _split_conjoined(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        tk = token_index(doc)
        out: list[Mention] = []
        for m in mentions:
            parts = self._conjoined_parts(doc, m, mentions) if m.label == "ORG" and not m.fixed else None
            if parts is None:
                out.append(m)
                continue
            for s, e in parts:
                same = next((o for o in mentions if o is not m and tk.lower[o.start:o.end] == tk.lower[s:e]), None)
                # a part is an organisation, or the person the article names so ("Carragher and Brown")
                label = "PERSON" if same is not None and same.label == "PERSON" else "ORG"
                out.append(Mention(s, e, label, m.source))
        return out

    def _conjoined_parts(self, doc: Doc, m: Mention, mentions: list[Mention]) -> list[tuple[int, int]] | None:
        tk = token_index(doc)
        if name_key(self._name(doc, m)) in self.aliases:
            return None
        preps = [k for k in range(m.start + 1, m.end - 1) if tk.text[k] in SPLIT_PREPS]
        if len(preps) == 1:  # "Roxy Music on Isle of Wight bill": two names the article has apart
            parts = [(m.start, preps[0]), (preps[0] + 1, m.end)]
            if all(self._mentioned_alone(tk, m, s, e, mentions) for s, e in parts):
                return parts
        joins = [k for k in range(m.start + 1, m.end - 1) if tk.text[k] in ("and", "or") or self._clause_word(doc, k)]
        if len(joins) != 1:
            return None
        k = joins[0]
        if tk.text[k] != "and":  # "Hartlepool or Boston", "Arsenal to Real Madrid", "Southampton when Arsenal"
            parts = [(m.start, k), (k + 1, m.end)]
            return parts if all(tk.text[s][:1].isupper() and _name_end(tk.text[e - 1]) for s, e in parts) else None
        left, right = (m.start, k), (k + 1 + (tk.text[k + 1] == "The"), m.end)
        if right[0] >= right[1] or any(t in (",", ";", "&") for t in tk.text[m.start:m.end]):
            return None
        if not all(tk.text[s][:1].isupper() and _name_end(tk.text[e - 1]) for s, e in (left, right)):
            return None
        if tk.text[k + 1] == "The":
            return [left, right]
        if any(tk.lower[i] in self.linking for i in range(*left)):
            if self._repeated_head(tk, left, right):
                return [left, right]  # "the Duchy of Lancaster and Duchy of Cornwall"
            return None  # "Department of Trade and Industry"
        own = sum(self._name_of_its_own(doc, m, s, e, mentions) for s, e in (left, right))
        if own == 2 or self._two_things(doc, m) and not self._one_body(doc, m, left):
            return [left, right]
        return None

    def _join_station_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"BBC Radio Five Live": an organisation's name that ends in a word of ``station_words.txt`` ("Radio",
        "TV") and the name right after it, one space apart on one line, are one station, unless the next name
        is a person's that begins with a first name ("BBC Radio Nick Robinson" is no station)."""
        tk = token_index(doc)
        out: list[Mention] = []
        for m in sorted(mentions, key=lambda m: m.start):
            prev = out[-1] if out else None
            if prev is not None and prev.label == "ORG" and prev.end == m.start and not prev.fixed and not m.fixed \
                    and tk.lower[prev.end - 1] in self.station_words and tk.end[prev.end - 1] + 1 == tk.idx[m.start] \
                    and m.label in ("ORG", "WORK_OF_ART", "PERSON", "PRODUCT", "FAC") \
                    and tk.text[m.start][:1].isupper() and not {"'s", "’s"} & set(tk.lower[m.start:m.end]) \
                    and not (m.label == "PERSON" and first_name_gender(tk.text[m.start])[1] == SURE):
                out[-1] = Mention(prev.start, m.end, "ORG", prev.source)
            else:
                out.append(m)
        return out

    def _repeated_head(self, tk, left: tuple[int, int], right: tuple[int, int]) -> bool:
        """"Duchy of Lancaster and Duchy of Cornwall", "Bank of England and Bank of France": both parts open with
        the same words up to the same linking word, which no one name repeats round its own "and"."""
        link = next(i for i in range(*left) if tk.lower[i] in self.linking)
        head = tk.lower[left[0]:link + 1]
        return link > left[0] and tk.lower[right[0]:right[0] + len(head)] == head and right[0] + len(head) < right[1]

    @staticmethod
    def _clause_word(doc: Doc, k: int) -> bool:
        """A lower-case word that no organisation's name has inside: "to", "when", a verb ("Arsenal to Real
        Madrid", "Southampton when Arsenal")."""
        tok = doc[k]
        if tok.lower_ == "to":  # not "Campaign to Protect Rural England"
            return k + 1 < len(doc) and doc[k + 1].tag_ != "VB"
        return tok.is_lower and (tok.tag_ in ("WRB", "VBD", "VBZ", "VBP", "MD") or tok.lower_ == "than")

    def _one_body(self, doc: Doc, m: Mention, left: tuple[int, int]) -> bool:
        """"Oil and Natural Gas Corporation (ONGC)": the name ends in an organisation's word its first part lacks,
        or the article writes its initials: the "and" is inside one name."""
        tk = token_index(doc)
        last = tk.lower[m.end - 1]
        if (last in self.org_suffixes or self.name_heads.get(last) == "ORG") \
                and not (tk.lower[left[1] - 1] in self.org_suffixes or self.name_heads.get(tk.lower[left[1] - 1])):
            return True
        initials = "".join(t[0] for t in tk.text[m.start:m.end] if t[:1].isupper())
        return len(initials) >= 3 and initials in tk.text

    @staticmethod
    def _two_things(doc: Doc, m: Mention) -> bool:
        """"between Everton and Arsenal", "both Everton and Arsenal", "Everton and Arsenal have both", "firms
        such as Dell and Hewlett-Packard", "games giants Electronic Arts and Vivendi", "two brands, Hard Candy and
        Urban Decay": words that need two things, or a plural noun in apposition."""
        tk = token_index(doc)
        before = tk.lower[max(0, m.start - 2):m.start]
        after = tk.lower[m.end:m.end + 2]
        k = m.start - 1 - (m.start > 0 and tk.text[m.start - 1] == ",")
        plural = k >= 0 and doc[k].tag_ == "NNS" and doc[k].is_lower
        return before[-1:] in (["between"], ["both"], ["including"]) or before == ["such", "as"] or "both" in after \
            or plural

    @staticmethod
    def _mentioned_alone(tk, m: Mention, s: int, e: int, mentions: list[Mention]) -> bool:
        """The words ``s:e`` are a mention of their own elsewhere in the article."""
        words = tk.text[s:e]
        return any(o is not m and tk.text[o.start:o.end] == words for o in mentions)

    def _name_of_its_own(self, doc: Doc, m: Mention, s: int, e: int, mentions: list[Mention]) -> bool:
        """The words ``s:e`` are a name elsewhere in the article without the rest of ``m``: a mention of
        their own, the end of a person's name ("Carragher" of "Jamie Carragher"), written alone between
        lower-case words, or a name of the tables."""
        tk = token_index(doc)
        words = tk.text[s:e]
        key = name_key(" ".join(words))
        if key in self.aliases or key in self.city_country:
            return True
        n = e - s
        for o in mentions:
            if o is m or o.end - o.start < n:
                continue
            if tk.text[o.start:o.end] == words or o.label == "PERSON" and tk.text[o.end - n:o.end] == words:
                return True
        for i in range(tk.n - n + 1):
            if m.start <= i < m.end or tk.text[i:i + n] != words:
                continue
            before = tk.text[i - 1] if i else "."
            after = tk.text[i + n] if i + n < tk.n else "."
            if not after[:1].isupper() and not (before[:1].isupper() and before.isalpha()) \
                    and after not in ("and", "&") and before not in ("and", "&"):
                return True
        return False
