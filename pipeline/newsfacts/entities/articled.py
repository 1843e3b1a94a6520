"""Names the article always writes after "the" are no people's: "a return to the Premiership", "moved to
the Bernabeu", "shares in the Bundesbank".

English names a person without an article; a one-word name that heads its noun phrase after "the" in
every sentence that uses it is a league, a ground, an institution. The model, which reads one
sentence at a time, calls many such words people. A one-word "person" is an organisation when every
one of its mentions follows "the" and is the head of its phrase (not "the Blair government", where
the name modifies a noun), and when it is no first name in gender-guesser's lexicon and no word of a
person's full name in the article ("the Smith" is never how Jo Smith is written), and not before "of":
"the Eminem of Argentina" likens someone to a person. Plurals after "the"
("the Beatles") are groups already (:mod:`.cues`).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsfacts.entities.mentions import Mention, Stage, name_key
from newsfacts.namematch import first_name_gender
from newsfacts.tokens import token_index


def one_word_people(doc: Doc, mentions: list[Mention]) -> tuple[dict[str, list[Mention]], set[str],
                                                                 dict[str, list[int]]]:
    """The article's one-word PERSON mentions by word (lower case), the words of its people's full names,
    and every capitalised use of each such word, tagged or not: what an article-wide retyping reads."""
    tk = token_index(doc)
    groups: dict[str, list[Mention]] = defaultdict(list)
    in_full: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            if m.end - m.start > 1:
                in_full.update(tk.lower[m.start:m.end])
            else:
                groups[tk.lower[m.start]].append(m)
    where: dict[str, list[int]] = defaultdict(list)
    if groups:
        for k, low in enumerate(tk.lower):
            if low in groups and tk.text[k][:1].isupper():
                where[low].append(k)
    return groups, in_full, where


def headed_by_the(doc: Doc, k: int) -> bool:
    """Word ``k`` follows "the" and heads its phrase: "the Premiership", not "the Blair government" nor
    "the Eminem of Argentina"."""
    tk = token_index(doc)
    if k == 0 or tk.lower[k - 1] != "the":
        return False
    tok = doc[k]
    nxt = tk.text[k + 1] if k + 1 < tk.n else ""
    return tok.dep_ not in ("compound", "amod", "nmod", "poss") and not nxt[:1].isupper() and nxt != "of"


class ArticledRules(Stage):
    """Relabel as organisations the one-word "people" the article only writes after "the"."""

    def _articled_people(self, doc: Doc, mentions: list[Mention]) -> None:
        tk = token_index(doc)
        groups, in_full, where = one_word_people(doc, mentions)
        for low, group in groups.items():
            word = tk.text[group[0].start]
            if low in in_full or any(m.fixed for m in group) or first_name_gender(word)[1] \
                    or name_key(word) in self.aliases or not word.isalpha():
                continue
            # every use of the word in the text, tagged or not, is after "the" and heads its phrase
            uses = where[low]
            if uses and all(headed_by_the(doc, k) for k in uses):
                for m in group:
                    m.label = "ORG"  # not fixed: a cue read later may say more ("won the Ashes": a trophy)
