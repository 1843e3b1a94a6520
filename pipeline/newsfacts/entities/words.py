"""A person's name is never cut inside a word.

The tokenizer splits a hyphen between letters ("Kilroy", "-", "Silk"), and the model often ends or
starts a name at it: "Kilroy" of "Robert Kilroy-Silk", "Nursultan Abish" of "Nursultan Abish-uly
Nazarbayev", "Silk" of "Mr Kilroy-Silk". A piece joined to the name by a hyphen or an apostrophe with
no space around it belongs to the name when the tagger reads it as a proper noun (NNP, also for
lower-case pieces such as "hui" or "uly"). A common word joined to a name ("Singh-led",
"Ontario-based", "pro-Moscow", "ex-Yukos") is no part of it: the name is whole, the compound is not a name.
Two names joined by a hyphen stay two ("US-China talks", "the Blair-Brown feud": both the surnames
of people the article names in full).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts import wordspan
from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.tokens import token_index

JOINERS = tuple(wordspan.JOINERS)  # one character per token: a tuple, so a token matches whole
PREFIXES = ("ex",)  # "ex-Yukos boss": what someone was of, never a piece of a name


class WordRules(Stage):
    """Complete people's names over hyphen- or apostrophe-joined name pieces."""

    def _whole_words(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> list[Mention]:
        """Not in an ALL-CAPS line: there the tagger reads every word as a name
        ("FOOTBALL-RANDALL CUNNINGHAM")."""
        tk = token_index(doc)
        texts, n = tk.text, tk.n
        at: dict[int, Mention] = {}
        for m in mentions:
            at.update(dict.fromkeys(range(m.start, m.end), m))
        surnames = {tk.lower[m.end - 1] for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}

        def piece(i: int, m: Mention) -> Mention | None | bool:
            """False when token i is no piece of m's name; else the mention it belongs to (or None)."""
            tok = doc[i]
            other = at.get(i)
            if not tok.is_alpha or tok.tag_ not in ("NNP", "NNPS") or tok.lower_ in PREFIXES \
                    or name_key(tok.text) in self.aliases \
                    or name_key(tok.text) in self.demonyms or (other is not None and other.label != "PERSON"):
                return False
            edge = tk.lower[m.end - 1] if i >= m.end else tk.lower[m.start]
            if tok.lower_ in surnames and edge in surnames and tok.lower_ != edge:
                return False  # "Blair-Brown": two people the article names
            return other

        absorbed: set[int] = set()
        for m in mentions:
            if m.label != "PERSON" or id(m) in absorbed or lines[m.start] == "caps":
                continue
            span = m.start, m.end
            while m.end + 1 < n and texts[m.end] in JOINERS and tk.glued(m.end) and tk.glued(m.end + 1):
                other = piece(m.end + 1, m)
                if other is False:
                    break
                if other is not None and other is not m:
                    absorbed.add(id(other))
                m.end = max(m.end + 2, other.end if other else 0)
            while m.start > 1 and texts[m.start - 1] in JOINERS and tk.glued(m.start) and tk.glued(m.start - 1):
                other = piece(m.start - 2, m)
                if other is False:
                    break
                if other is not None and other is not m:
                    absorbed.add(id(other))
                m.start = min(m.start - 2, other.start if other else n)
            if (m.start, m.end) != span:
                m.canonical = None  # named again by the whole name
            for i in range(m.start, m.end):
                at[i] = m
        return [m for m in mentions if id(m) not in absorbed]

    def _glued_words(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """No name starts or ends inside a run of letters and digits: a name glued to a number before it
        is a measure's unit ("160GB", "50K Walk") and goes; one the model ended inside a word takes the
        whole word ("Beyond the Limits of 3G")."""
        tk = token_index(doc)

        def glued_word(i: int) -> bool:  # token i and the one before it are letters or digits with no space
            return tk.glued(i) and tk.text[i - 1][-1:].isalnum() and tk.text[i][:1].isalnum()

        out = []
        for m in mentions:
            if glued_word(m.start) and tk.text[m.start - 1][-1].isdigit():
                continue
            start, end = m.start, m.end
            while glued_word(m.start):
                m.start -= 1
            while m.end < tk.n and glued_word(m.end):
                m.end += 1
            if (m.start, m.end) != (start, end):
                m.canonical = None
            out.append(m)
        return out
