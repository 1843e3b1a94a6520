"""Roles written after a person's name: an apposition ("X, the Kyrgyz foreign minister," / "Tim Cook,
chief executive of Apple", "X, the speaker of the lower house") with the body it is of, or a clause whose
verb states it ("X, who heads Y"); and a role as stored, its title written out ("Gen" -> General) and a
former one ("former", "ex-", "then") marked ``former``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfacts.entities.mentions import POSSESSIVE_MARKS, Mention, name_key
from newsfacts.entities.role_bodies import RoleBodies
from newsfacts.extensions import doc_text
from newsfacts.records import Role
from newsfacts.wordspan import whole_words


class RoleAppositions(RoleBodies):
    """Roles in apposition after a name or stated by a clause's verb, and the Role record of a title."""


    def _role_name(self, words: str) -> tuple[str, bool]:
        """A role's title as stored: capitalised, abbreviations written out ("Gen" -> "General"); and whether
        "former", "ex-" or "then" opens it ("ex-President", "then transport minister"), left out of the title."""
        out = []
        former = False
        for n, w in enumerate(words.split()):
            if w.lower() in ("of", "for", "and", "the"):
                out.append(w.lower())
                continue
            parts = w.split("-")
            if n == 0 and len(parts) > 1 and parts[0].lower() in ("ex", "then"):
                former, parts = True, parts[1:]
            elif n == 0 and (w.lower() == "then" or w in ("former", "Former")):
                former = True
                continue
            parts = [self.title_abbreviations.get(p.lower().rstrip("."), p) for p in parts]
            out.append("-".join(p if p.isupper() else p[:1].upper() + p[1:] for p in parts))
        return " ".join(out), former

    def _role(self, doc: Doc, s: int, e: int, of: str | None, of_start: int, person: Mention) -> Role:
        if s + 1 < e and doc[s].lower_ == "then" and s > 0 and doc[s - 1].pos_ == "CCONJ":
            s, of_start = s + 1, max(of_start, s + 1)  # "and then full-back X scored": next, not former
        role, former = self._role_name(doc[s:e].text)
        text = doc_text(doc)
        start, end = whole_words(text, doc[of_start].idx, doc[e - 1].idx + len(doc[e - 1].text))
        return Role(start, end, text[start:end], role, person.canonical or self._name(doc, person),
                    doc[person.start].idx, doc[person.end - 1].idx + len(doc[person.end - 1].text), of, former)

    @staticmethod
    def _ending_at(role: Role, doc: Doc, last: int) -> Role:
        """The role's span run on to the end of token ``last``: the body named after the title."""
        role.end = doc[last].idx + len(doc[last].text)
        role.text = doc_text(doc)[role.start:role.end]
        return role


    def _role_by_verb(self, doc: Doc, p: Mention, ent_at: dict[int, Mention]) -> Role | None:
        """A role a clause after the name states by its verb, of the organisation that is the verb's object
        ("X, who heads Y": Head of Y, ``role_verbs.tsv``); in the past tense a former one ("who founded")
        only for verbs of a lasting role."""
        i = p.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "who":
            return None
        verb = doc[i + 2]
        title = self.role_verbs.get(verb.lemma_)
        if title is None or verb.tag_ not in ("VBZ", "VBD") or verb.head.i != p.end - 1 and verb.dep_ != "relcl":
            return None
        k = i + 3 + (i + 3 < len(doc) and doc[i + 3].lower_ == "the")
        m = ent_at.get(k)
        if m is None or m.start != k or m.label != "ORG" \
                or not any(t.dep_ == "dobj" and t.head.i == verb.i for t in doc[m.start:m.end]):
            return None  # not "who met Orchard Records officials"
        role = self._role(doc, i + 2, i + 3, m.canonical, i + 2, p)
        role.role = title
        role.former = verb.tag_ == "VBD" and verb.lemma_ != "found"
        return self._ending_at(role, doc, m.end - 1)

    def _apposition(self, doc: Doc, p: Mention, ent_at: dict[int, Mention],
                    names: dict[str, str]) -> Role | None:
        i = p.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
            i += 2  # "Mary Barra, 52, the chief executive"
        of = group = None
        if i < len(doc) and doc[i].lower_ in ("its", "their"):  # "X, its chief executive": the clause's subject's
            body = self._body_of_its(doc, i, p, ent_at)
            if body is None:
                return None
            of = body.canonical
            i += 1
        elif i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        start = i
        m = ent_at.get(i)
        if m is not None and m.start == i and m.label in ("GPE", "ORG", "NORP"):
            if m.label == "NORP":
                of = self._country(self._name(doc, m), names)
                group = None if of else self._group_of(doc, m, ent_at, names)[1]  # unless "of"/"for" a body
            else:
                of = m.canonical
            i = m.end
            if i < len(doc) and doc[i].lower_ in POSSESSIVE_MARKS:
                i += 1
        elif i < len(doc) and name_key(doc[i].text) in self.demonyms:
            of = self._country(doc[i].text, names)
            i += 1
        # the title: modifiers then a listed title, the longest that fits
        j = i
        while j < len(doc) and self._before_title(doc[j]) and j - i < 4:
            j += 1
        best = None
        for n in range(self.max_title, 0, -1):
            for k in range(i, j + 1):
                if tuple(t.lower_ for t in doc[k:k + n]) in self.titles and k + n > (best or (0, 0))[1]:
                    if all(self._before_title(t) for t in doc[i:k]):
                        best = (i, k + n)
        if not best:
            return None
        e = best[1]
        if e + 1 < len(doc) and doc[e].lower_ == "and":  # "X, chairman and chief executive, said": one role
            for n in range(self.max_title, 0, -1):
                end = e + 1 + n
                if tuple(t.lower_ for t in doc[e + 1:end]) in self.titles and end < len(doc) \
                        and (doc[end].is_punct or doc[end].lower_ in ("said", "says")):
                    e = end  # not "chairman and chief software architect", "... and general manager of Y"
                    break
        if e < len(doc) and doc[e].lower_ in ("of", "at", "for", "with", "to") and of is None:
            k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
            m = _body_after(doc, k, ent_at)  # "at brokers TOV", "for net provider Pipex"
            if m is not None:
                e2 = m.end
                if e2 >= len(doc) or doc[e2].lower_ in ("and", "said", "says", "who", "which", "in") \
                        or doc[e2].is_punct and not (doc[e2].text in ("-", "–") and not doc[e2 - 1].whitespace_) \
                        or doc[e2].lower_ in ("'s", "’s") and m.label == "ORG":  # not "chairman of Spain's"
                    return self._ending_at(self._role(doc, best[0], e, m.canonical, start, p), doc, e2 - 1)
                return None
            if doc[e].lower_ in ("with", "to"):  # "adviser to the Treasury": only a named body
                return None
            # "the speaker of the lower house": a body that is no named entity belongs to the role
            e2 = k
            while e2 < len(doc) and e2 - k < 4 and doc[e2].is_alpha and doc[e2].lower_ not in ("and", "who", "said") \
                    and e2 not in ent_at and doc[e2].pos_ in ("NOUN", "ADJ", "PROPN"):
                e2 += 1
                while e2 + 1 < len(doc) and _hyphen_inside(doc, e2):
                    e2 += 2  # "MP for Henley-on-Thames": one word
            if e2 > k and e2 + 1 < len(doc) and doc[e2].lower_ in ("at", "for", "with"):
                k2 = e2 + 1 + (doc[e2 + 1].lower_ == "the")
                m = _body_after(doc, k2, ent_at)  # "head of distribution at Universal"
                if m is not None and (m.end >= len(doc) or doc[m.end].is_punct
                                      or doc[m.end].lower_ in ("and", "said", "says", "who")):
                    return self._ending_at(self._role(doc, best[0], e2, m.canonical, start, p), doc, m.end - 1)
            if e2 == k or (e2 < len(doc) and not doc[e2].is_punct):
                return None  # not "director of anti-war group X", nor "analyst at the firm's London office"
            if k == e + 1 and doc[e].lower_ != "for" and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                             for t in doc[k:e2]):
                # "director of Corvex": a name
                return self._ending_at(self._role(doc, best[0], e, doc[k:e2].text, start, p), doc, e2 - 1)
            if doc[e].lower_ not in ("of", "for"):
                return None  # the words after "at" name a place of work, not a title's field
            return self._role(doc, best[0], e2, group, start, p)
        if e < len(doc) and not (doc[e].is_punct or doc[e].lower_ in ("and", "said", "who", "says")):
            return None
        if _listed_between(doc, e, ent_at):
            return None  # "songs by X, Queen, Kate Bush and Y": a name in a list, not a title
        return self._role(doc, best[0], e, of or group, start, p)

    def _before_title(self, token: Token) -> bool:
        """A word of a title before its listed words: a modifier ("senior"), or a noun in lower case that
        names its field ("oil" of "Libya's oil minister", "market" of "senior market strategist")."""
        return token.lower_ in self.modifiers or token.is_alpha and token.text.islower() \
            and token.pos_ == "NOUN" and token.dep_ == "compound" and token.i < token.head.i <= token.i + 3



def _body_after(doc: Doc, k: int, ent_at: dict[int, Mention]) -> Mention | None:
    """The organisation or place a role after a name is of, at token ``k`` or past a few words that
    describe it ("brokers", "US firm", "net provider"): the mention, or None."""
    i = k
    words = 0
    while i < len(doc) and words < 4:
        words += 1
        m = ent_at.get(i)
        if m is not None and m.start == i and m.label in ("GPE", "ORG"):
            if i == k or m.label == "ORG":
                return m
            i = m.end  # "US" of "US firm X"
        elif m is not None and m.start == i and m.label == "NORP":
            i = m.end
        elif doc[i].is_alpha and doc[i].text.islower() and not doc[i].is_stop and doc[i].pos_ in ("NOUN", "ADJ"):
            i += 1
        elif i > k and _hyphen_inside(doc, i):
            i += 1  # "anti-constitution group X", "super-regulator X": one word
            words -= 1
        else:
            return None
    return None


def _listed_between(doc: Doc, e: int, ent_at: dict[int, Mention]) -> bool:
    """A comma at ``e`` followed by a name and a comma or "and": the words before it are an item of a
    list of names, not a title in apposition."""
    m = ent_at.get(e + 1)
    return e < len(doc) and doc[e].text == "," and m is not None and m.start == e + 1 \
        and m.end < len(doc) and doc[m.end].lower_ in (",", "and")


def _hyphen_inside(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen inside a word ("anti-constitution"), no space either side."""
    return doc[i].text in ("-", "–") and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha
