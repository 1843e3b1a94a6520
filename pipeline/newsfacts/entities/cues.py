"""Type decisions by what a name does in its sentences, for the whole article.

The model labels one mention at a time; the article says more. A name after a kind noun ("the
airline Emirates", "the band Coldplay") or with one in apposition ("Emirates, the airline") has
that kind's label (``models/entities/type_nouns.tsv``; the cues are read in :mod:`.kinds`). An
"organisation" written like a person's name is a person when it is an opponent in a contest ("against
Ivo Minar") or the subject of a clause with "his"/"her" ("Phillips Idowu lit up ... with his hair"); so
is a guessed organisation or place that begins with a first name after a title ("Italy skipper Marco
Bortolami") or joined by "and" to a person's full name ("Hugh Jackman and Ewan McGregor").
A place name that takes part in a contest
("Leicestershire beat Somerset", "the match against Kent", a results line "Surrey 429-7") is a
team, an organisation; at least two names must do so, as a contest has two sides, and countries
stay places (national sides). A plural name after "the" ("the Beatles") or a name with a plural verb
("Deportivo were") is a group. Every mention of such a name in the article takes the label.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from newsfacts.entities.contests import ContestRules
from newsfacts.entities.kinds import KindRules, agent_noun
from newsfacts.entities.mentions import Mention, first_conjunct, name_key
from newsfacts.entities.products import GENDERED_PRONOUNS
from newsfacts.namematch import SURE, first_name_gender
from newsfacts.tokens import token_index

SCORE_RE = re.compile(r"^\d+(?:[-/]\d+)?$")
CONTEST_PREPS = {"against", "v", "vs", "vs."}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
LIST_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
LIST_SEPARATORS = {(",",), ("and",), ("or",), (",", "and"), (",", "or")}


class CueRules(KindRules, ContestRules):
    """Labels from kind nouns, contests and plural agreement, decided once per name for the article."""

    def _by_cues(self, doc: Doc, mentions: list[Mention], lines: list[str]) -> None:
        kinds: dict[str, str] = {}
        teams = set()
        org_sides: set[str] = set()
        clubs: set[str] = set()
        towns: set[str] = set()  # sides by a cue a town takes too ("moved to Leeds", "Leeds's Jo Smith")
        groups = set()  # names that agree with a plural verb: a team, a band, a firm
        agents = self._agents(doc, mentions)
        works = self._work_mentions(doc, mentions, agents)  # works.py: "her role in Closer"
        prizes = self._prizes(doc, mentions, agents)  # contests.py: "won an Oscar", "Bafta nominations"
        contests: set[str] = set()  # names before a contest noun ("the X final")
        named: set[str] = set()  # names right after a kind noun, in one phrase with it
        actors: set[str] = set()  # names that do something: a subject, an object, a possessor
        local: dict[int, str] = {}  # a label for one mention only: "the Rotterdam final", "near Bristol"
        surnames = {token_index(doc).lower[m.end - 1] for m in mentions if m.label == "PERSON" and m.end - m.start >= 2}
        for m in mentions:
            key = name_key(self._name(doc, m))
            kind = self._kind_noun(doc, m) or ("WORK_OF_ART" if id(m) in works else None) \
                or self._role_owner(doc, m, mentions)
            if not kind and key not in agents:
                kind = self._kind_listed(doc, m) or self._kind_after(doc, m)
                if kind and (self._place_name(key) or key in self.demonyms):
                    local[id(m)], kind = kind, None  # the city stays a city, "European" an adjective, elsewhere
            if not kind and self._place_after_preposition(doc, m, surnames):
                local[id(m)] = "GPE"
            if not kind and key in prizes:
                kind = "EVENT"
            deed = self._club_deed(doc, m) if self._may_be_team(doc, m) or m.label == "ORG" else None
            club = self._may_be_club(doc, m) and (self._club_role(doc, m) or deed == "club")
            if club:  # "Newcastle prop Ed Kalman": a club, even with no other side named, and a side
                teams.add(key)  # when a role owner's cue types it too ("Charlton manager Alan Curbishley")
                clubs.add(key)
            if kind:
                kinds.setdefault(key, kind)
                word = doc[self._word_before_title(doc, m)].lower_
                if kind == self._kind_right_before(doc, m) and not agent_noun(word) and word not in self.people_too:
                    named.add(key)  # "the band Franz Ferdinand", "the programme Go Digital": even a person's name
            elif club:
                pass  # a club by its role (above): the cues below do not apply
            elif self._may_be_team(doc, m) and not (m.fixed and m.label == "GPE") \
                    and (self._in_contest(doc, m, lines) or self._side_in_prose(doc, m, mentions) or deed):
                # (a place a rule fixed, the dateline "NEW YORK 1996-08-30", is no results line)
                if key not in teams and deed == "side" and not self._in_contest(doc, m, lines) \
                        and not self._side_in_prose(doc, m, mentions):
                    towns.add(key)  # "moved to Leeds": a side only beside one by a surer cue
                else:
                    towns.discard(key)
                teams.add(key)
            elif m.label == "ORG" and (deed and not self._before_player(doc, m)
                                       or self._side_in_prose(doc, m, mentions)):
                # "Gloucester's win over Bath", "joined Leeds from Bury": the club the model knew is the other side
                # (not "Sony's Howard Stringer" nor "Microsoft boss Bill Gates": a firm has people too)
                org_sides.add(key)
            elif self._competitor(doc, m, True) and (self._opponent(doc, m) or self._in_contest(doc, m, lines)
                                                     and doc[m.end - 1].head.lemma_ not in self.prize_verbs) \
                    or self._competitor(doc, m, False) and self._gendered_subject(doc, m, mentions) \
                    or self._named_like_person(doc, m) and key not in agents \
                    and (self._after_title(doc, m) or self._paired_with_person(doc, m, mentions)):
                kinds.setdefault(key, "PERSON")  # "the final against Ivo Minar": a player, not a club
            if self._plural_subject(doc, m) or self._plural_name(doc, m):
                groups.add(key)
            if self._before_contest_noun(doc, m):
                contests.add(key)
            if self._acts(doc, m):
                actors.add(key)
        # "Tuesday's Champions League group tie": a name that only ever qualifies a contest noun, and never
        # plays, owns or does anything in the article, is the competition, not a side
        for key in contests - actors - teams:
            kinds.setdefault(key, "EVENT")
        for key in self._products(doc, mentions):  # products.py: "an iPod", "Apple's iPod"
            kinds.setdefault(key, "PRODUCT")
        titled = self._titled_people(doc, mentions)
        for key in self._firms_taken_for_people(doc, mentions, titled):  # products.py: "head of Sega"
            kinds.setdefault(key, "ORG")
        for key in self._firms_taken_for_places(doc, mentions, titled):  # placeless.py: "Gazprom said"
            kinds.setdefault(key, "ORG")
        listed = self._list_labels(doc, mentions)
        # a name a rule has fixed as a person ("Gough 8-0-39-3", bowling figures) is no team
        teams -= {name_key(self._name(doc, m)) for m in mentions if m.fixed and m.label == "PERSON"}
        teams -= titled  # "President Clinton ... Clinton won in 1992": no club
        towns -= clubs
        if not (teams - towns) | org_sides:
            teams -= towns  # a town's cue counts only beside a side named by a surer cue
        if len(teams | org_sides) < 2:
            teams &= clubs
        retyped: list[Mention] = []
        for m in mentions:
            if m.fixed:
                continue
            key = name_key(self._name(doc, m))
            decided = kinds.keys() | teams | groups
            was, own_key = m.label, key
            if key not in decided and m.canonical and name_key(m.canonical) in decided:
                # "Phillips", linked to "Phillips Idowu", goes with it; "Forest" with "Nottingham Forest have"
                key = name_key(m.canonical)
            elif key not in kinds and key.endswith("s") and kinds.get(key[:-1]) == "PRODUCT":
                key = key[:-1]  # "two Subaru Imprezas" are the product "Subaru Impreza"
            # a person's full name keeps its label, unless a kind noun names it ("the band Franz Ferdinand"); a
            # title or a party taken for one does not
            person = self._named_person(doc, m) and first_name_gender(m.canonical.split()[0])[1] == SURE \
                and key not in named
            if person and kinds.get(name_key(self._name(doc, m))) == "ORG" and self._firm_of_family(doc, m):
                m.label, m.canonical = "ORG", self._name(doc, m)  # "Ford, the US car company" beside "Bill Ford"
            elif key in kinds and not person:
                m.label = kinds[key]
            elif key in teams and self._may_be_club(doc, m):
                m.label = "ORG"
            elif (key in groups or key + "s" in groups and m.label == "PERSON" and key not in titled) and not person:
                # "the Lib Dems were in power", and "Lib Dem chairman X" with them; "President Clinton" is no
                # member of "the Clintons"
                m.label = "ORG"
            elif key in listed and m.label in LIST_LABELS:
                m.label = listed[key]
            if id(m) in local:
                m.label = local[id(m)]
            if was == "PERSON" and m.label != "PERSON" and key == own_key and key in kinds and m.canonical \
                    and name_key(m.canonical) != key:
                retyped.append(m)
        # "the band Doherty", typed by a kind noun, is no short form of "Maria Doherty", whom the surname was
        # linked to, while she stays a person named by a first name ("Villa" goes with "Aston Villa", retyped
        # with it)
        people = {o.canonical for o in mentions if o.label == "PERSON" and o.canonical
                  and first_name_gender(o.canonical.split()[0])[1] > 0}
        for m in retyped:
            if m.canonical in people:
                m.canonical = None
        self._head_short_forms(doc, mentions)

    def _list_labels(self, doc: Doc, mentions: list[Mention]) -> dict[str, str]:
        """"Breen, Staunton, Irwin, McAteer and Houghton": names listed together are one kind of thing.
        In a list of names on one line ("A, B and C": commas, then "and" or "or" before the last,
        or four names or more between commas; not "A and B, the C", an apposition), where two
        thirds share a label, the others take it; a place label only when one of the places is in
        the tables (the model takes brand names for towns: "AEG, Zanussi and Frigidaire")."""
        tk = token_index(doc)
        out: dict[str, str] = {}
        chain: list[Mention] = []
        seps: list[tuple[str, ...]] = []
        names = [m for m in mentions if m.label in LIST_LABELS  # not "Ohio" of "Ohio-based"
                 and not (m.end < tk.n and tk.text[m.end] == "-" and tk.idx[m.end] == tk.end[m.end - 1])]
        for m in sorted(names, key=lambda m: m.start) + [None]:
            sep = tuple(tk.lower[chain[-1].end:m.start]) if m is not None and chain else None
            if sep in LIST_SEPARATORS and "\n" not in tk.doc_text[tk.end[chain[-1].end - 1]:tk.idx[m.start]]:
                chain.append(m)
                seps.append(sep)
                continue
            if len(chain) >= 3 and all(x == (",",) for x in seps[:-1]) \
                    and (seps[-1][-1] in ("and", "or") or len(chain) >= 4):
                best, n = Counter(c.label for c in chain).most_common(1)[0]
                known_place = any(c.label == best and name_key(self._name(doc, c)) in self.aliases for c in chain)
                if n >= 2 * len(chain) / 3 and (best not in PLACE_LABELS or known_place):
                    if best == "ORG" and chain[0].label != "ORG" and self._word_before_item(doc, chain[0], mentions):
                        chain[0].start -= 1  # "six airlines - Air China, China Eastern Airlines, ...": not "China"
                    for c in chain:
                        key = name_key(self._name(doc, c))
                        alias = self.aliases.get(key)
                        if c.label != best and not c.fixed and (alias is None or alias.label == best) \
                                and not (c.label in PLACE_LABELS and best in PLACE_LABELS):  # "Europe" stays LOC
                            out.setdefault(key, best)
            chain = [m] if m is not None else []
            seps = []
        return out

    def _titled_people(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Names the article writes once at least right after a title or an honorific ("President Clinton",
        "Mr Dole", "coach Hoddle"), left out of the span: people, whatever verbs of contests they take."""
        tk = token_index(doc)
        return {name_key(self._name(doc, m)) for m in mentions if m.label == "PERSON" and m.start
                and tk.lower[m.start - 1][:1].isalpha()  # not the "." that ends a title of the list ("Gen.")
                and (tk.lower[m.start - 1] in self.title_heads or tk.lower[m.start - 1].rstrip(".") in self.honorifics)}

    def _word_before_item(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """The first item of a list of organisations begins one capitalised word earlier than the model
        thought: a proper noun of no other name, after the dash, colon or word that opens the list, on its
        line ("airlines - Air China, ..."); not a title, a determiner, a nationality or a place."""
        i = m.start - 1
        tk = token_index(doc)
        if i < 1 or any(o.start <= i < o.end for o in mentions) or tk.end[i] + 1 != tk.idx[m.start]:
            return False
        word, low = tk.text[i], tk.lower[i]
        return word.istitle() and word.isalpha() and len(word) > 1 and doc[i].tag_ == "NNP" \
            and "\n" not in doc[i - 1].whitespace_ \
            and (tk.text[i - 1] in ("-", "–", "—", ":") or tk.text[i - 1].islower()) \
            and low not in self.role_words and low not in self.determiners and low not in self.linking \
            and name_key(word) not in self.aliases and name_key(word) not in self.demonyms

    def _firm_of_family(self, doc: Doc, m: Mention) -> bool:
        """A surname alone that a kind noun makes an organisation ("Ford, the US car company", "the computer
        maker Dell") names the firm, not the family member the article names in full; "Mr Ford" stays him."""
        tk = token_index(doc)
        return m.end - m.start == 1 and not (m.start and tk.lower[m.start - 1].rstrip(".") in self.honorifics)

    def _named_person(self, doc: Doc, m: Mention) -> bool:
        """A person the article names in full: the mention is, or ends, a full name ("Jones" of
        "Ann Jones"); not a one-word name that only begins a longer "person" ("Cofinec GDRs")."""
        if m.label != "PERSON" or not m.canonical or " " not in m.canonical:
            return False
        return m.canonical.split()[-1].lower() == token_index(doc).lower[m.end - 1]

    def _role_owner(self, doc: Doc, m: Mention, mentions: list[Mention]) -> str | None:
        """"Cofinec CEO Stephen Frater", "Lib Dem leader Charles Kennedy": a one-word "person", or one of
        more words with no first name, right before a role and a person's full name is the body the role
        belongs to, an ORG; so is a "place" no place table knows before a firm's role ("Gazprom chairman
        Aleksey Miller", ``firm_roles.txt``; "California attorney general X", "Holby City actor X" are no
        firms). A work the article names ("X Files actress Gillian Anderson") is decided before."""
        tk = token_index(doc)
        if m.label in ("GPE", "LOC"):
            key = name_key(self._name(doc, m))
            if m.fixed or self._place_name(key) or key in self.demonyms or key in self.regional:
                return None
        elif m.label != "PERSON" or self._named_person(doc, m) and first_name_gender(m.canonical.split()[0])[1] == SURE:
            return None
        j = m.end
        while j < tk.n and j - m.end < 3 and tk.lower[j] in self.role_words and not tk.text[j].istitle():
            j += 1
        if j == m.end or tk.lower[j - 1] not in self.title_ends \
                or m.label != "PERSON" and tk.lower[j - 1] not in self.firm_roles:
            return None
        after = next((o for o in mentions if o.start == j), None)
        return "ORG" if after is not None and after.label == "PERSON" and after.end - after.start >= 2 else None

    def _plural_subject(self, doc: Doc, m: Mention) -> bool:
        """"Nice have been unable to win", "Deportivo were reduced to ten men": a singular name with a
        plural verb is a group of people (British usage for teams, bands, firms), not a person or a
        place. Countries stay places (national sides); coordinated subjects agree as a pair."""
        if m.label not in PLACE_LABELS and m.label != "PERSON":
            return False
        key = name_key(self._name(doc, m))
        alias = self.aliases.get(key)
        if (alias is not None and alias.kind == "country") or key in self.demonyms or key[:-1] in self.demonyms:
            return False  # "Chechens start talks": a people
        head = doc[m.end - 1]
        if head.tag_ not in ("NNP", "NNPS") or head.dep_ not in ("nsubj", "nsubjpass") \
                or any(c.dep_ in ("conj", "cc") for c in head.children):
            return False
        tk = token_index(doc)
        for verb in (head.head, *(c for c in head.head.children if c.dep_ in ("aux", "auxpass"))):
            if (verb.tag_ == "VBP" or verb.lower_ == "were") and head.i < verb.i <= head.i + 3 \
                    and "\n" not in tk.doc_text[tk.end[head.i]:tk.idx[verb.i]]:
                return True  # the verb right after the name, on its line
        return False

    def _plural_name(self, doc: Doc, m: Mention) -> bool:
        """"the Beatles", "the Rolling Stones": a plural proper noun after "the" names a group, not a person
        (a people, "the Chechens", stays as it is)."""
        tk = token_index(doc)
        if m.label != "PERSON" or m.start == 0 or tk.lower[m.start - 1] != "the":
            return False
        key = name_key(self._name(doc, m))
        return doc[m.end - 1].tag_ in ("NNPS", "NNS") and key not in self.demonyms and key[:-1] not in self.demonyms

    def _may_be_team(self, doc: Doc, m: Mention) -> bool:
        """A place, or a one-word "person" no full name in the article explains (a county, a club)."""
        alias = self.aliases.get(name_key(self._name(doc, m)))
        if alias is not None and alias.kind == "country":
            return False
        if m.label in PLACE_LABELS:
            return True
        return m.label == "PERSON" and m.end - m.start == 1 and (m.canonical is None or " " not in m.canonical)

    def _may_be_club(self, doc: Doc, m: Mention) -> bool:
        """A team's name, or a one-word "people" with no people's word ("the Celtic goalkeeper")."""
        return self._may_be_team(doc, m) or m.label == "NORP" and m.end - m.start == 1 \
            and not self._people_name(token_index(doc).span(m.start, m.end))

    def _in_contest(self, doc: Doc, m: Mention, lines: list[str]) -> bool:
        tk = token_index(doc)
        head = doc[m.end - 1]
        if head.dep_ in ("nsubj", "dobj", "nsubjpass") and head.head.lemma_ in self.team_verbs:
            return True
        if head.dep_ == "pobj" and head.head.lower_ in CONTEST_PREPS and head.head.head.lemma_ in self.team_verbs:
            return True
        # a results line: "Surrey 429-7", "Kent 2 Essex 1"
        return m.end < tk.n and SCORE_RE.match(tk.text[m.end]) is not None and lines[m.start] != "title" \
            and (m.end + 1 >= tk.n or "\n" in doc[m.end].whitespace_ or not tk.text[m.end + 1][:1].isalpha()
                 or tk.text[m.end + 1][:1].isupper())


    # --- kind nouns around a name: the looser forms, each checked by the parse or the punctuation ---------

    def _competitor(self, doc: Doc, m: Mention, first_name: bool) -> bool:
        """An "organisation" written like a person's name, two capitalised words ("Ivo Minar"; the first a
        known first name when ``first_name``; not "France A"), none an organisation's word or in the tables."""
        words = self._words(doc, m)
        return m.label == "ORG" and len(words) == 2 and all(w.istitle() and w.isalpha() and len(w) > 1 for w in words) \
            and (not first_name or first_name_gender(words[0])[1] == SURE) and self._no_org_or_table_word(words)

    def _named_like_person(self, doc: Doc, m: Mention) -> bool:
        """A guessed organisation or place of two or three capitalised words, the first a known first name
        ("Marco Bortolami", "Ewan McGregor"), none an organisation's word nor in the tables."""
        words = self._words(doc, m)
        return m.label in ("ORG", "GPE", "LOC", "FAC") and 2 <= len(words) <= 3 and not m.fixed \
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
            and first_name_gender(words[0])[1] == SURE and self._no_org_or_table_word(words)

    def _no_org_or_table_word(self, words: tuple[str, ...]) -> bool:
        """Neither the name nor any of its words is in the tables, and none is an organisation's word
        ("Group", "Bank"): what a person's name written like a firm's must pass."""
        return not any(w.lower() in self.org_suffixes or w.lower() in self.name_heads or name_key(w) in self.aliases
                       for w in words) and name_key(" ".join(words)) not in self.aliases

    def _after_title(self, doc: Doc, m: Mention) -> bool:
        """"Italy skipper Marco Bortolami", "French writer Christophe Barratie": a lower-case title right
        before the name (``titles.txt``)."""
        tk = token_index(doc)
        return m.start > 0 and tk.lower[m.start - 1] in self.title_heads and tk.text[m.start - 1].islower()

    def _paired_with_person(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Hugh Jackman and Ewan McGregor", "Keanu Reeves and Pierce Brosnan": a name joined by "and" or
        "or" to a person's full name is one too."""
        tk = token_index(doc)
        for o in mentions:
            if o.label != "PERSON" or o.end - o.start < 2 or o is m:
                continue
            between = tk.lower[o.end:m.start] if o.end <= m.start else tk.lower[m.end:o.start]
            if between in (["and"], ["or"]) and "\n" not in tk.doc_text[tk.idx[min(o.start, m.start)]:
                                                                        tk.end[max(o.end, m.end) - 1]]:
                return True
        return False

    def _opponent(self, doc: Doc, m: Mention) -> bool:
        """"... against Ivo Minar in the first round": the object of "against" or "v" in a sentence about a
        contest (a word of ``team_verbs``: "final", "beat", "match")."""
        head = first_conjunct(doc[m.end - 1])
        return head.dep_ == "pobj" and head.head.lower_ in CONTEST_PREPS \
            and any(t.lemma_ in self.team_verbs for t in head.sent)

    def _gendered_subject(self, doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
        """"Phillips Idowu lit up the field events, not only with his hair": the subject of a clause whose
        next personal pronoun ("his", "she") is in that clause and comes before any other name is a person."""
        return self._pronoun_of_subject(doc, m, mentions) in GENDERED_PRONOUNS

    def _before_contest_noun(self, doc: Doc, m: Mention) -> bool:
        """A name of two words or more, labelled ORG and not in the tables, that modifies a lower-case
        contest noun of ``contest_nouns`` ("Champions League group tie", "Heineken Cup final")."""
        tk = token_index(doc)
        if m.label != "ORG" or m.end - m.start < 2 or name_key(self._name(doc, m)) in self.aliases \
                or self.name_heads.get(tk.lower[m.end - 1]) == "ORG" or tk.lower[m.end - 1] in self.org_suffixes \
                or doc[m.end - 1].dep_ == "conj" or any(c.dep_ == "conj" for c in doc[m.end - 1].children):
            return False  # "Manchester United", "the Arsenal and Manchester United game": sides
        for j in (m.end, m.end + 1):
            if j < tk.n and doc[j].text.islower() and doc[j].pos_ == "NOUN" and doc[j].lemma_ in self.contest_nouns:
                return m.end <= doc[m.end - 1].head.i <= j
        return False

    def _acts(self, doc: Doc, m: Mention) -> bool:
        """The name does something: a subject or object, a possessor, an opponent ("against X"), the
        body of a role ("X manager")."""
        tk = token_index(doc)
        head = doc[m.end - 1]
        return head.dep_ in ("nsubj", "nsubjpass", "dobj") or (m.end < tk.n and tk.lower[m.end] in ("'s", "’s")) \
            or head.dep_ == "pobj" and head.head.lower_ in CONTEST_PREPS \
            or m.end < tk.n and tk.lower[m.end] in self.title_heads and doc[m.end].is_alpha  # "Ulster coach"
