"""The organisation a story is about, as the body of a firm's title written without one: "the company's
new chief executive X", "the agency's former chief executive X" (the possessive noun a firm's word,
``firm_nouns.txt``, or a word of the organisation's own name) and, for a title that only a firm's
people hold (``firm_roles.txt`` but not ``shared_titles.txt``: "chief executive X", "boss X", "X, chairman
and chief executive,"), the bare title where neither its sentence nor the one before names another
organisation; either only while the story's organisation is the last one named before the title (or
"the company"), outside quotation marks, in its paragraph or the one before where the title opens it.

The story's organisation is taken conservatively: the one organisation both its headline (as the subject
of its verb) and its lead name, or, where the headline names none so (a wire story's headline in capitals),
the organisation that is the subject of the lead's main verb ("Acme Inc said ..."). A story with none of
these leaves the role without a body rather than guess.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsfacts.entities.mentions import POSSESSIVE_MARKS, Mention, Stage, name_key
from newsfacts.extensions import doc_text
from newsfacts.records import Role
from newsfacts.tokens import token_index


class RoleSubjects(Stage):
    """Bodies of firm titles from the organisation the story is about."""

    firm_nouns: set[str]
    shared_titles: set[str]

    def _subject_bodies(self, doc: Doc, mentions: list[Mention], roles: list[Role]) -> None:
        """Give roles without a body the story's organisation where their words say it is its."""
        pending = [r for r in roles if r.of is None]
        if not pending:
            return
        subject = self._story_organisation(doc, mentions)
        if subject is None:
            return
        tk = token_index(doc)
        orgs = [m for m in mentions if m.label == "ORG"]
        for role in pending:
            i = tk.at(role.start)
            if i is None:
                continue
            owner, at = self._possessive_owner(doc, i, subject)
            if owner is False or not self._in_focus(doc, at, orgs, subject):
                continue  # another body's ("the council's chief executive", "Plus.net ... chief executive X")
            if owner or self._firm_title(role.role) and self._bare(doc, i, orgs, subject):
                role.of = subject.canonical

    def _possessive_owner(self, doc: Doc, i: int, subject: Mention) -> tuple[bool | None, int]:
        """Whether "the <noun>'s" before token ``i`` is the story's organisation (True: "the company's"),
        another body (False: "the council's"), or no such words open the title (None); and where the title
        with them begins."""
        title = i
        while i > 3 and doc[i - 1].text.islower() and (doc[i - 1].pos_ == "ADJ" or doc[i - 1].lower_ == "former"):
            i -= 1  # "the company's new chief executive", "the agency's former chief executive"
        if i < 3 or doc[i - 1].lower_ not in POSSESSIVE_MARKS or doc[i - 3].lower_ != "the":
            return None, title
        noun = doc[i - 2]
        if noun.pos_ != "NOUN" or not noun.text.islower():
            return None, title
        own = set(name_key(subject.canonical or "").split())
        return noun.lemma_.lower() in self.firm_nouns or noun.lower_ in own or noun.lemma_.lower() in own, i - 3

    def _firm_title(self, title: str) -> bool:
        """A title only a firm's people hold: its last word is a firm's role, and it is no title a committee's,
        a film's or a party's people hold as well (``shared_titles.txt``: "chairman", "director")."""
        words = title.lower().replace("-", " ").split()
        return bool(words) and words[-1] in self.firm_roles and " ".join(words) not in self.shared_titles

    @staticmethod
    def _bare(doc: Doc, i: int, orgs: list[Mention], subject: Mention) -> bool:
        """The title has no article or determiner of its own ("a chief executive X" is any firm's), and
        neither its sentence nor the one before names an organisation other than the story's ("a report by
        the Commons committee ... Chairman X": the committee's)."""
        tk = token_index(doc)
        if i > 0 and (tk.lower[i - 1] in ("a", "an", "another", "its", "their", "his", "her")
                      or tk.lower[i - 1] in POSSESSIVE_MARKS):  # "Hearts' boss X": a name's
            return False
        s, e = tk.sentence_of(doc, i)
        if s > 0:
            s = tk.sentence_of(doc, s - 1)[0]
        key = name_key(subject.canonical or "")
        return not any(s <= m.start < e and name_key(m.canonical or "") != key for m in orgs)

    def _in_focus(self, doc: Doc, i: int, orgs: list[Mention], subject: Mention) -> bool:
        """The organisation last named before token ``i``, outside quotation marks (a quote names what a
        speaker talks of, not whom they speak for), is the story's own, or "the company" stands for it: in
        the title's paragraph, or the one before where the title opens its paragraph. A firm named since, or
        one the model missed, may be the one the title is of."""
        tk = token_index(doc)
        text = doc_text(doc)
        start = text.rfind("\n", 0, tk.idx[i]) + 1
        if tk.sentence_of(doc, i)[0] <= tk.first_from(start) and start > 1:
            start = text.rfind("\n", 0, len(text[:start].rstrip())) + 1  # the paragraph before
        key = name_key(subject.canonical or "")
        own = set(key.split())
        org_at = {k: m for m in orgs for k in range(m.start, m.end)}
        first = tk.first_from(start)
        for k in range(i - 1, first - 1, -1):
            if _quoted(text[start:tk.idx[k]]):
                continue
            if k in org_at:
                return name_key(org_at[k].canonical or "") == key
            if k > 0 and tk.lower[k - 1] == "the" and tk.text[k].islower() and doc[k].pos_ == "NOUN" \
                    and (doc[k].lemma_ in self.firm_nouns or tk.lower[k] in own):
                return True  # "the company" of the paragraph is the story's
        return False

    def _story_organisation(self, doc: Doc, mentions: list[Mention]) -> Mention | None:
        """The one organisation the headline names as a subject and the lead names too; else, with no such
        organisation in the headline, the one the lead's main verb has for subject."""
        tk = token_index(doc)
        text = doc_text(doc)
        title = (doc._.title or "").strip()
        head_end = len(title) if title and text.lstrip().startswith(title) else 0
        head_end += len(text) - len(text.lstrip()) if head_end else 0
        first = tk.first_from(head_end)
        while first < tk.n and not tk.text[first].strip():
            first += 1  # the blank line after the headline
        if first >= tk.n:
            return None
        lead = tk.sentence_of(doc, first)
        orgs = [m for m in mentions if m.label == "ORG"]
        headline = {name_key(m.canonical or "") for m in orgs if tk.idx[m.start] < head_end and any(
            doc[k].dep_ in ("nsubj", "nsubjpass", "ROOT") for k in range(m.start, m.end))}  # not "sells Tube stake"
        led = [m for m in orgs if lead[0] <= m.start < lead[1]]
        if headline:
            both = {name_key(m.canonical or ""): m for m in led if name_key(m.canonical or "") in headline}
            return next(iter(both.values())) if len(both) == 1 else None
        for m in led:
            if any(doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.dep_ == "ROOT"
                   for k in range(m.start, m.end)):
                return m
        return None


def _quoted(before: str) -> bool:
    """Whether the text of a paragraph up to a word leaves a quotation open."""
    return before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d")
