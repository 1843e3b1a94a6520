"""Component ``newsfacts_entities``: the driver that runs the stages in order, and its factory.

The statistical model gives a first set of spans; the stages make them clean spans
(:mod:`.spans`), with one label (:mod:`.labels`) and one canonical name (:mod:`.names`) per real
thing within an article, plus the roles people hold (:mod:`.roles`). The word lists and tables
they read are the files in ``models/entities/``, read by :meth:`EntityComponent.load`.
"""

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.component import RuleComponent
from newsfacts.entities.acronyms import AcronymRules
from newsfacts.entities.articled import ArticledRules
from newsfacts.entities.bounds import NameBoundRules
from newsfacts.entities.club_names import ClubNameRules
from newsfacts.entities.conjoined import ConjoinedRules
from newsfacts.entities.cues import CueRules
from newsfacts.entities.currencies import CurrencyRules
from newsfacts.entities.descriptors import DescriptorRules
from newsfacts.entities.firms import FirmRules
from newsfacts.entities.firstnames import FirstNameRules
from newsfacts.entities.gazetteer import Gazetteer
from newsfacts.entities.labels import LabelRules
from newsfacts.entities.ledgers import LedgerRules
from newsfacts.entities.lineups import LineupRules
from newsfacts.entities.mentions import NUMERIC_LABELS, Mention, name_key
from newsfacts.entities.names import NameRules
from newsfacts.entities.people_links import PeopleLinkRules
from newsfacts.entities.peoples import PeopleRules
from newsfacts.entities.persons import PersonCueRules
from newsfacts.entities.placeless import PlacelessRules
from newsfacts.entities.products import ProductRules
from newsfacts.entities.ratings import RatingRules
from newsfacts.entities.roles import RoleRules
from newsfacts.entities.spans import SpanRules
from newsfacts.entities.tables import TableRules
from newsfacts.entities.towns import TownRules
from newsfacts.entities.unpeopled import UnpeopledRules
from newsfacts.entities.variants import VariantRules
from newsfacts.entities.words import WordRules
from newsfacts.entities.works import WorkRules
from newsfacts.extensions import register_extensions
from newsfacts.records import Entity
from newsfacts.tokens import token_index
from newsfacts.wordlists import read_lines, read_table, read_words


class EntityComponent(SpanRules, NameBoundRules, TableRules, LineupRules, FirstNameRules, FirmRules, LabelRules,
                      CueRules, ProductRules, PeopleLinkRules, NameRules, RoleRules, WordRules, WorkRules,
                      PersonCueRules, ConjoinedRules, VariantRules, TownRules, DescriptorRules, ArticledRules,
                      UnpeopledRules, PeopleRules, CurrencyRules, RatingRules, LedgerRules, AcronymRules,
                      PlacelessRules, ClubNameRules, Gazetteer, RuleComponent):
    """Post-process the model's entities into ``doc._.entities`` and ``doc._.roles``."""

    folder = "entities"

    def __init__(self, nlp: Language, name: str, *, drop_labels: list[str], propagate: bool,
                 max_dateline_chars: int) -> None:
        register_extensions()
        super().__init__(name)
        self.nlp = nlp
        self.drop_labels = set(drop_labels)
        self.propagate = propagate
        self.max_dateline_chars = max_dateline_chars

    def load(self, path: Path) -> None:
        """Read the tables and word lists of ``models/entities/`` (or a saved pipeline's copy)."""
        nlp = self.nlp
        self.determiners = read_words(path / "determiners.txt")
        self.ordinal_words = read_words(path / "ordinal_words.txt")
        self.particles = read_words(path / "name_particles.txt")
        self.linking = read_words(path / "linking_words.txt")
        self._load_gazetteer(nlp, path)
        title_lines = read_lines(path / "titles.txt", missing_ok=True)
        self.titles = {tuple(t.lower_ for t in nlp.make_doc(x)) for x in title_lines}
        self.titles |= {(x,) for x in title_lines if " " not in x}  # "Gen." is one token, "gen." two
        self.title_heads = {t[-1] for t in self.titles} - set(read_lines(path / "title_modifiers.txt", missing_ok=True))
        self.title_ends = {t[-1] for t in self.titles}  # "executive" of "chief executive", unlike title_heads
        self.max_title = max((len(t) for t in self.titles), default=1)
        honorific_rows = read_table(path / "honorifics.txt", missing_ok=True)
        self.honorifics = {row[0] for row in honorific_rows}
        self.honorific_genders = {row[0].rstrip("."): row[1] for row in honorific_rows if len(row) > 1}
        self.modifiers = set(read_lines(path / "title_modifiers.txt", missing_ok=True))
        self.event_words = {tuple(w.split()) for w in read_lines(path / "event_words.txt", missing_ok=True)}
        self.event_last = {w[-1] for w in self.event_words}
        self.work_nouns = set(read_lines(path / "work_nouns.txt", missing_ok=True))
        self.role_words = {w for t in self.titles for w in t if w.isalpha() and w not in self.linking}
        self.role_words |= self.modifiers | self.honorifics
        self.org_suffixes = set(read_lines(path / "org_suffixes.txt", missing_ok=True))
        self.legal_forms = set(read_lines(path / "legal_forms.txt", missing_ok=True))
        self.lower_legal_forms = set(read_lines(path / "lower_legal_forms.txt", missing_ok=True))
        self.firm_links = set(read_lines(path / "firm_links.txt", missing_ok=True))
        self.rating_words = set(read_lines(path / "rating_words.txt", missing_ok=True))
        self.rating_links = set(read_lines(path / "rating_links.txt", missing_ok=True))
        self.numbered_words = set(read_lines(path / "numbered_words.txt", missing_ok=True))
        self.state_titles = set(read_lines(path / "state_titles.txt", missing_ok=True))
        self.capital_titles = set(read_lines(path / "capital_titles.txt", missing_ok=True))
        self.portfolio_titles = {tuple(t.split()) for t in read_lines(path / "portfolio_titles.txt", missing_ok=True)}
        self.work_roles = set(read_lines(path / "work_roles.txt", missing_ok=True))
        self.title_abbreviations = {row[0]: row[1] for row in read_table(path / "title_abbreviations.tsv",
                                                                          missing_ok=True) if len(row) > 1}
        nation_rows = read_table(path / "constituent_nations.tsv", missing_ok=True)
        self.nation_states = {row[0]: row[1] for row in nation_rows if len(row) > 1}
        self.devolved_nations = {row[0] for row in nation_rows if row[2:3] == ["own"]}
        self.devolved_bodies = set(read_lines(path / "devolved_bodies.txt", missing_ok=True))
        self.state_institutions: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for row in read_table(path / "state_institutions.tsv", missing_ok=True):
            if len(row) > 1:
                words = tuple(row[0].split())
                self.state_institutions.setdefault(words[0].lower(), []).append((words, row[1]))
        self.institution_keys = {name_key(" ".join(w)) for rows in self.state_institutions.values() for w, _ in rows}
        self.opposition_words = set(read_lines(path / "opposition_words.txt", missing_ok=True))
        self.group_adjectives = set(read_lines(path / "group_adjectives.txt", missing_ok=True))
        self.role_verbs = {row[0]: row[1] for row in read_table(path / "role_verbs.tsv", missing_ok=True)
                           if len(row) > 1}
        self.tenure_words = set(read_lines(path / "tenure_words.txt", missing_ok=True))
        self.rank_titles = set(read_lines(path / "rank_titles.txt", missing_ok=True))
        self.firm_roles = set(read_lines(path / "firm_roles.txt", missing_ok=True))
        self.firm_nouns = set(read_lines(path / "firm_nouns.txt", missing_ok=True))
        self.shared_titles = {t.replace("-", " ") for t in read_lines(path / "shared_titles.txt", missing_ok=True)}
        self.team_verbs = set(read_lines(path / "team_verbs.txt", missing_ok=True))
        self.prize_verbs = set(read_lines(path / "prize_verbs.txt", missing_ok=True))
        self.person_nouns = set(read_lines(path / "person_nouns.txt", missing_ok=True))
        self.station_words = set(read_lines(path / "station_words.txt", missing_ok=True))
        self.contest_nouns = set(read_lines(path / "contest_nouns.txt", missing_ok=True))
        self.agent_verbs = set(read_lines(path / "agent_verbs.txt", missing_ok=True))
        self.launch_verbs = set(read_lines(path / "launch_verbs.txt", missing_ok=True))
        self.version_words = set(read_lines(path / "version_words.txt", missing_ok=True))
        self.personal_roles = set(read_lines(path / "personal_roles.txt", missing_ok=True))
        self.holding_nouns = set(read_lines(path / "holding_nouns.txt", missing_ok=True))
        self.common_terms = set(read_lines(path / "common_terms.txt", missing_ok=True))
        self.party_words = set(read_lines(path / "party_words.txt", missing_ok=True))
        award_rows = read_table(path / "award_nouns.tsv", missing_ok=True)
        self.award_nouns = {row[0]: (row[1] if len(row) > 1 else "") for row in award_rows}
        role_rows = read_table(path / "side_roles.txt", missing_ok=True)
        self.side_roles = {row[0]: (row[1] if len(row) > 1 else "") for row in role_rows}
        self.club_cues: dict[tuple[str, str], str] = {(row[0], row[1]): (row[2] if len(row) > 2 else "club")
                                                      for row in read_table(path / "club_cues.tsv", missing_ok=True)
                                                      if len(row) > 1}
        self.club_openers = set(read_lines(path / "club_openers.txt", missing_ok=True))
        type_rows = read_table(path / "type_nouns.tsv", missing_ok=True)
        self.type_nouns = {row[0]: row[1] for row in type_rows}
        self.after_nouns = {row[0] for row in type_rows if row[2:3] == ["after"]}
        self.people_too = {row[0] for row in type_rows if row[2:3] == ["people"]}  # "jazz giant X"
        self.work_cues = {(row[0], row[1]) for row in read_table(path / "work_cues.tsv", missing_ok=True)}
        head_rows = read_table(path / "name_heads.tsv", missing_ok=True)
        self.name_heads = {row[0]: row[1] for row in head_rows}
        self.over_org_heads = {row[0] for row in head_rows if row[2:3] == ["over-org"]}
        self.club_heads = {row[0] for row in head_rows if row[2:3] == ["club"]}
        self.part_heads = {row[0] for row in head_rows if row[2:3] == ["part"]}
        body_rows = read_table(path / "body_heads.tsv", missing_ok=True)
        self.body_heads = {row[0]: row[1] for row in body_rows if len(row) > 1}

    def process(self, doc: Doc) -> Doc:
        tk = token_index(doc)
        lines = self._line_kinds(doc)
        mentions = [Mention(e.start, e.end, e.label_) for e in doc.ents if e.label_ not in self.drop_labels]
        # spans.py: clean the model's spans, add events, works, the dateline; gazetteer.py: table names
        mentions = [part for m in mentions for part in self._split(doc, m)]
        mentions = [m for m in (self._fix_role_words(doc, m) for m in mentions) if m is not None]
        mentions = [m for m in (self._trim(doc, m) for m in mentions) if m is not None]
        mentions = [m for m in (self._drop_leading(doc, m, lines) for m in mentions) if m is not None]  # bounds.py
        mentions = self._overlay(mentions, self._events(doc, lines, mentions))
        mentions = self._overlay(mentions, self._works(doc))
        mentions = self._overlay(mentions, self._dateline(doc))
        mentions = self._join_coordinated_orgs(doc, mentions)
        mentions = self._split_possessives(doc, mentions)  # bounds.py
        mentions = self._names_ending_in_s(doc, mentions)
        mentions = self._extend_org_names(doc, mentions)  # names.py
        mentions = self._split_conjoined(doc, mentions)  # conjoined.py
        mentions = self._join_place_by_acronym(doc, mentions)  # bounds.py
        mentions = self._join_place_by_head(doc, mentions)
        mentions = self._join_name_adjectives(doc, mentions)  # bounds.py
        mentions = self._join_split_names(doc, mentions)
        mentions = self._join_station_names(doc, mentions)  # conjoined.py
        mentions = self._overlay(mentions, self._first_name_people(doc, mentions, lines))
        mentions = self._overlay(mentions, self._legal_form_firms(doc, mentions, lines))  # firms.py
        mentions = self._join_firm_parts(doc, mentions)
        mentions = self._join_firm_links(doc, mentions, lines)  # firms.py
        mentions = self._overlay(mentions, self._bracketed_firms(doc, mentions, lines))  # firms.py
        mentions = self._extend_people(doc, mentions, lines)
        mentions = self._whole_words(doc, mentions, lines)  # words.py
        mentions = self._overlay(mentions, self._gazetteer_mentions(doc, lines), keep_old=True)
        mentions = self._club_openers(doc, mentions)  # contests.py: "Real Madrid", not "Madrid"
        # tables.py: names in results lines and standings
        mentions = self._overlay(mentions, self._table_mentions(doc, lines, mentions))
        mentions = self._overlay(mentions, self._lineup_mentions(doc, lines))  # lineups.py: sides listed by name
        # labels.py (and roles.py for title words)
        mentions = self._filter_caps(doc, mentions, lines)
        self._fix_people(doc, mentions, lines)
        self._nationalities(doc, mentions)
        mentions = self._drop_common_terms(doc, mentions)
        mentions = self._drop_currencies(doc, mentions)  # currencies.py
        mentions = self._drop_ratings(doc, mentions)  # ratings.py
        mentions = self._drop_row_labels(doc, mentions)  # ledgers.py
        mentions = self._drop_title_parts(doc, mentions)
        seen_as_person = {self._words(doc, m) for m in mentions if m.label == "PERSON"}
        self._vote(doc, mentions)
        self._people_tagged_org(doc, mentions)  # persons.py
        self._towns_as_people(doc, mentions)  # towns.py
        self._articled_people(doc, mentions)  # articled.py
        mentions = self._cut_descriptors(doc, mentions)  # descriptors.py
        # names.py, people_links.py, acronyms.py
        self._link_people(doc, mentions, seen_as_person)
        if self.propagate:
            mentions = self._overlay(mentions, self._propagate(doc, mentions, lines), keep_old=True)
            mentions = self._whole_words(doc, mentions, lines)  # words.py: the names found again, too
            self._link_people(doc, mentions, seen_as_person)
        mentions = self._glued_words(doc, mentions)  # words.py
        self._link_acronyms(doc, mentions)
        self._link_org_short_forms(doc, mentions)
        self._by_cues(doc, mentions, lines)
        self._unsupported_groups(doc, mentions)  # peoples.py: NORP only with a people's word
        self._unpeopled(doc, mentions)  # unpeopled.py: the one-word "people" still left
        self._club_short_forms(doc, mentions)  # club_names.py: "Milan" of "AC Milan"
        self._link_variants(doc, mentions)  # variants.py
        names = self._canonicalize(doc, mentions, lines)
        mentions.sort(key=lambda m: m.start)
        doc._.entities = [
            Entity(tk.idx[m.start], tk.end[m.end - 1], tk.span(m.start, m.end), m.label,
                   m.canonical or tk.span(m.start, m.end), m.source)
            for m in mentions
        ]
        # roles.py
        doc._.roles = self._roles(doc, mentions, names)
        return doc


@Language.factory(
    "newsfacts_entities",
    default_config={"drop_labels": list(NUMERIC_LABELS), "propagate": True, "max_dateline_chars": 200},
)
def make_entities(nlp: Language, name: str, *, drop_labels: list[str], propagate: bool,
                  max_dateline_chars: int) -> EntityComponent:
    return EntityComponent(nlp, name, drop_labels=drop_labels, propagate=propagate,
                           max_dateline_chars=max_dateline_chars)
