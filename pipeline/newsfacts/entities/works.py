"""Works named by what people do in them: "her role in Closer", "his debut in Kisna", "star of Amelie".

The model types a one-mention film, show or song by its look: "Monster" a place, "Sideways" a town,
"Closer" a firm. The sentence says more: a part is played *in* a work ("role in", "performance in",
"debut in", "appeared in") and a star is the star *of* one (``models/entities/work_cues.tsv``: word,
preposition); a name right after such a word and its preposition, and the names listed with it ("roles
in Closer, Alfie and Hotel Rwanda"), are works. So is a name right before "actor" or "actress" and a
person's full name ("X Files actress Gillian Anderson"), and, in an article that talks of films, before
"star" ("Sideways star Thomas Hayden Church"; in a sports report "Newcastle star" is a club's player);
not a name the article also writes before another noun ("Bollywood actress X" beside "Bollywood films").
Never a place, a country, a nationality or a name of the tables ("her debut in Paris", "a role in Iraq"),
nor a name that qualifies a noun after it ("a role in the Iraq war") or owns one ("role in Arsenal's win").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVES, Mention, Stage, name_key
from newsfacts.tokens import token_index

WORK_LABEL = "WORK_OF_ART"
RETYPED = frozenset({"PERSON", "ORG", "GPE"})  # the model's guesses a cue may overrule (not "Native American")
LISTED = RETYPED | {"FAC"}  # in a list after the cue also a venue-like title: "roles in Closer and Hotel Rwanda"
PERFORMERS = {"actor", "actress", "co-star"}  # "X Files actress Gillian Anderson"
# an article about films or television comedy and drama: "star" follows a work there
FILM_WORDS = {"film", "films", "movie", "movies", "sitcom", "sitcoms", "comedy", "comedies", "drama", "dramas",
              "episode", "episodes", "actor", "actress", "actors", "actresses"}
STARS = {"star", "stars"}  # "Ray star Jamie Foxx", "Little Britain stars Matt Lucas and David Walliams"
WORD_RE = re.compile(r"\w+(?:-\w+)*")
LIST_GLUE = {(",",), ("and",), (",", "and"), ("or",)}


class WorkRules(Stage):
    """Names of works by the parts people play in them (read per article, decided per name in cues.py)."""

    work_cues: set[tuple[str, str]]  # (word, preposition): "role in", "star of"

    def _work_mentions(self, doc: Doc, mentions: list[Mention], agents: set[str]) -> set[int]:
        """Ids of the mentions the cues make works, with the names listed after each; never a name the
        article has act as a maker, owner or speaker (``agents``: "a role in Microsoft, which said")."""
        tk = token_index(doc)
        films = not FILM_WORDS.isdisjoint(tk.lower)
        ordered = sorted(mentions, key=lambda m: m.start)
        # "Bollywood films", "Hollywood studios": a name that qualifies other nouns is a place or an industry
        qualifiers = {name_key(self._name(doc, m)) for m in ordered
                      if m.end < tk.n and doc[m.end].pos_ == "NOUN" and tk.text[m.end].islower()
                      and self._next_word(tk, m.end) not in PERFORMERS | STARS}
        out: set[int] = set()
        for n, m in enumerate(ordered):
            if id(m) in out or not self._may_be_work(doc, m) or name_key(self._name(doc, m)) in agents:
                continue
            if not (self._played_in(doc, m) or name_key(self._name(doc, m)) not in qualifiers
                    and self._before_performer(doc, m, ordered[n + 1:n + 2], films)):
                continue
            out.add(id(m))
            prev = m
            for nxt in ordered[n + 1:]:  # "roles in Closer, Alfie and Hotel Rwanda"
                if tuple(tk.lower[prev.end:nxt.start]) not in LIST_GLUE or not self._may_be_work(doc, nxt, LISTED):
                    break
                out.add(id(nxt))
                prev = nxt
        return out

    def _may_be_work(self, doc: Doc, m: Mention, labels: frozenset[str] = RETYPED) -> bool:
        """A guess the cue may overrule: no fixed label, no place or table name, not before a possessive or
        a common noun it qualifies."""
        tk = token_index(doc)
        if m.fixed or m.label not in labels:
            return False
        key = name_key(self._name(doc, m))
        if key in self.aliases or key in self.demonyms or key in self.city_country:
            return False
        return not (m.end < tk.n and tk.lower[m.end] in POSSESSIVES)  # "a role in Arsenal's win"

    def _played_in(self, doc: Doc, m: Mention) -> bool:
        """"her role in X", "his performance in X", "appeared in X", "star of X": the word (or its lemma)
        two tokens before the name, the preposition right before it; "supporting roles in X" alike."""
        tk = token_index(doc)
        if m.start < 2:
            return False
        if m.end < tk.n and doc[m.end].pos_ == "NOUN" and tk.text[m.end].islower():
            return False  # "a role in the Enron collapse"
        prep = tk.lower[m.start - 1]
        word = doc[m.start - 2]
        return (tk.lower[m.start - 2], prep) in self.work_cues or (word.lemma_.lower(), prep) in self.work_cues

    def _before_performer(self, doc: Doc, m: Mention, after: list[Mention], films: bool) -> bool:
        """"X Files actress Gillian Anderson", "Ray star Jamie Foxx" (in an article about films): the name,
        then the performer noun, then a person's full name."""
        tk = token_index(doc)
        if m.end >= tk.n or not after or after[0].end - after[0].start < 2 or after[0].label != "PERSON":
            return False
        word = self._next_word(tk, m.end)
        if after[0].start != tk.first_from(tk.idx[m.end] + len(word)):
            return False  # the noun alone between the two names: "actress", "co-star"
        return word in PERFORMERS or films and word in STARS

    @staticmethod
    def _next_word(tk, i: int) -> str:
        """The word at token ``i``, hyphens and all, lower case ("co-star" is three tokens)."""
        found = WORD_RE.match(tk.doc_text, tk.idx[i])
        return found.group().lower() if found else tk.lower[i]
