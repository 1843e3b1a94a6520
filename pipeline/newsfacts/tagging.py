"""Component ``newsfacts_tags``: the base model's attribute ruler and lemmatizer, as table lookups.

In ``en_core_web_sm`` the attribute ruler (part of speech and morphology from the tag, a few
lemmas) and the rule lemmatizer cost about a fifth of the model's time, for values that depend on
very little: nearly every ruler pattern tests one token's tag, lower form or dependency label, and a
rule lemma depends only on the token's form, part of speech and morphology. This component gives
the same values from two caches keyed by exactly those attributes, filled from the model's own
components the first time a key is seen; the per-token work is a dictionary lookup.

``models/pipeline.cfg`` disables (not excludes) the two base components, so they are loaded and
saved with the pipeline and this component reads their patterns and tables from them at its first
Doc. What it does for each one it names:

- absent, or enabled: nothing (the model's own component runs, as in any spaCy pipeline);
- disabled: its work, from the cache. Patterns of several tokens are matched on the cached
  per-token tests; patterns the table cannot read (``OP`` and other operators, attributes outside
  ``TABLE_ATTRS``, settings other than part of speech, morphology, lemma, tag and dependency) go
  through a ``Matcher`` of only those patterns; all are applied in the ruler's order. A lemmatizer
  that is not spaCy's ``Lemmatizer`` in a mode keyed by form, part of speech and morphology is
  called itself.

A disabled ruler with an enabled lemmatizer is refused: the lemmatizer would run before the ruler's
part of speech is there.
"""

import re
import warnings

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors, Warnings
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from newsfacts.errors import TaggingSetupError

# Token attributes a table pattern may test: read for every token with ``Doc.to_array``.
TABLE_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "ENT_TYPE", "SHAPE", "IS_SPACE",
                         "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "LIKE_NUM"})
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "ENT_TYPE", "SHAPE"})
# Attributes the ruler may set that the table writes back (others: the pattern goes to the Matcher).
SET_ATTRS = (POS, MORPH, LEMMA, TAG, DEP)
# Lemmatizer modes whose lemma depends on the token's form, part of speech and morphology only.
KEYED_MODES = frozenset({"rule", "lookup", "pos_lookup"})
OTHER = 2**64 - 1  # a tested attribute's value that no pattern names


class RulerTable:
    """The attribute ruler's patterns, read from one lookup per token; what it cannot read, through a Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = vocab = ruler.vocab
        self.attrs = list(ruler.attrs)  # pattern number -> {attr id: value}, normalised by the ruler
        self.indices = list(ruler.indices)
        self.matcher = Matcher(vocab)
        self.number_of: dict[int, int] = {}  # Matcher key -> pattern number
        columns: dict[tuple[str, str | None], int] = {}  # (attribute, regex or None) -> key position
        specs: dict[tuple, int] = {}  # one token's tests ((column, values, negated), ...) -> spec number
        self.single: list[tuple[int, int]] = []  # (pattern number, spec)
        multi: list[tuple[int, tuple[int, ...], int]] = []  # (pattern number, specs, target position)
        for number, entry in enumerate(ruler.patterns):
            parsed = [[_tests(token, vocab.strings) for token in p] for p in entry["patterns"]]
            target = self.indices[number]
            if (set(self.attrs[number]) <= set(SET_ATTRS) and all(None not in p for p in parsed)
                    and all(-len(p) <= target < len(p) for p in parsed)):
                for p in parsed:
                    p = [tuple(sorted((columns.setdefault(c, len(columns)), vs, neg) for c, vs, neg in tests))
                         for tests in p]
                    ids = tuple(specs.setdefault(tests, len(specs)) for tests in p)
                    if len(ids) == 1:
                        self.single.append((number, ids[0]))
                    else:
                        multi.append((number, ids, target % len(ids)))
            else:
                key = vocab.strings.add(f"{self.__class__.__name__}:{number}")
                self.number_of[key] = number
                self.matcher.add(key, entry["patterns"])
        self.specs = list(specs)
        self.columns = sorted(columns, key=columns.get)
        self.read = sorted({name for name, _ in self.columns})  # attributes read with to_array
        # Values each plain column's patterns name: any other value behaves the same, so it is one key.
        self.known = {k: frozenset(v for spec in self.specs for c, vs, _ in spec if c == k for v in vs)
                      for k, (_, regex) in enumerate(self.columns) if regex is None}
        self.regexes = {k: _RegexColumn(vocab, regex) for k, (_, regex) in enumerate(self.columns) if regex}
        multi_specs = sorted({s for _, ids, _ in multi for s in ids})
        place = {s: k for k, s in enumerate(multi_specs)}
        self.multi_specs = multi_specs
        self.multi = [(number, tuple(place[s] for s in ids), target) for number, ids, target in multi]
        self.set_columns = [a for a in SET_ATTRS if any(a in self.attrs[number] for number, _ in self.single)]
        self.outcome: dict[tuple, int] = {}  # key -> outcome number
        self.matched: list[tuple[int, ...]] = []  # outcome number -> the single-token patterns it matches
        # Per outcome number: the value each set column takes, whether it is set, whether it passes each spec of
        # multi_specs; rows filled as outcomes are met, in arrays that double when full (read by fancy indexing).
        self.values = numpy.zeros((len(self.set_columns), 64), dtype=numpy.uint64)
        self.sets = numpy.zeros((len(self.set_columns), 64), dtype=bool)
        self.multi_ok = numpy.zeros((64, len(multi_specs)), dtype=bool)

    def _new_outcome(self, key: tuple) -> int:
        ok = [all((key[c] in vs) != negated for c, vs, negated in spec) for spec in self.specs]
        matched = tuple(sorted({number for number, spec in self.single if ok[spec]}))
        merged: dict[int, int] = {}
        for number in matched:
            merged.update(self.attrs[number])
        found = len(self.matched)
        if found == self.multi_ok.shape[0]:
            self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)], axis=1)
            self.sets = numpy.concatenate([self.sets, numpy.zeros_like(self.sets)], axis=1)
            self.multi_ok = numpy.concatenate([self.multi_ok, numpy.zeros_like(self.multi_ok)])
        for k, attr in enumerate(self.set_columns):
            self.sets[k, found] = attr in merged
            self.values[k, found] = merged.get(attr, 0)
        self.multi_ok[found] = [ok[s] for s in self.multi_specs]
        self.matched.append(matched)
        self.outcome[key] = found
        return found

    def __call__(self, doc: Doc) -> None:
        n = len(doc)
        # Every pattern reads the Doc as the ruler found it: all matching is done before anything is set.
        extra: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False) if self.number_of else ():
            number = self.number_of[match_id]
            extra.setdefault(doc[start:end][self.indices[number]].i, []).append(number)
        outcomes: list[int] = []
        if self.columns:
            raw = doc.to_array([IDS[name] for name in self.read]).reshape(n, len(self.read))
            cols = []
            for k, (name, _) in enumerate(self.columns):
                values = raw[:, self.read.index(name)]
                if k in self.known:  # a set test per token: cheaper than numpy.isin on a few hundred values
                    known = self.known[k]
                    cols.append([v if v in known else OTHER for v in values.tolist()])
                else:
                    cols.append(list(map(self.regexes[k].__getitem__, values.tolist())))
            get, new = self.outcome.get, self._new_outcome
            outcomes = [o if (o := get(key)) is not None else new(key) for key in zip(*cols, strict=True)]
            values, sets, multi_ok = self.values, self.sets, self.multi_ok
            which = numpy.array(outcomes, dtype=numpy.intp)
            for number, specs, target in self.multi:
                m = len(specs)
                if n < m:
                    continue
                hits = multi_ok[which[:n - m + 1], specs[0]]
                for j in range(1, m):
                    hits &= multi_ok[which[j:n - m + 1 + j], specs[j]]
                for start in numpy.flatnonzero(hits).tolist():
                    extra.setdefault(start + target, []).append(number)
            if self.set_columns:
                current = doc.to_array(self.set_columns).reshape(n, len(self.set_columns))
                new_values = numpy.where(sets[:, which].T, values[:, which].T, current)
                if (new_values != current).any():
                    doc.from_array(self.set_columns, new_values)
        # Tokens matched by a pattern of several tokens: all their patterns again, in the ruler's order.
        for i, numbers in extra.items():
            single = self.matched[outcomes[i]] if outcomes else ()
            token = doc[i]
            for number in sorted({*single, *numbers}):
                set_token_attrs(token, self.attrs[number])


class _RegexColumn(dict):
    """Whether a string attribute's value matches a pattern's REGEX, by value hash (as the Matcher: re.search)."""

    def __init__(self, vocab, regex: str) -> None:
        super().__init__()
        self.strings, self.regex = vocab.strings, re.compile(regex)

    def __missing__(self, value: int) -> int:
        found = self[value] = int(bool(self.regex.search(self.strings[value]))) if value else 0
        return found


def _tests(token: dict, strings) -> list | None:
    """One token's tests as [((attribute, regex or None), values, negated), ...], or None if the table
    cannot read them."""
    tests = []
    for name, spec in token.items():
        name = "ORTH" if name.upper() == "TEXT" else name.upper()
        if name not in TABLE_ATTRS:
            return None
        if not isinstance(spec, dict):
            spec = {"==": spec}
        for op, values in spec.items():
            if op == "REGEX" and name in STRING_ATTRS:
                tests.append(((name, values), frozenset({1}), False))
            elif op in ("IN", "NOT_IN", "=="):
                values = frozenset(_value(v, strings) for v in (values if op != "==" else [values]))
                tests.append(((name, None), values, op == "NOT_IN"))
            else:
                return None
    return tests


def _value(value, strings) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return strings.add(value) if value else 0


class LemmaCache:
    """The lemmatizer's answer per (form, part of speech, morphology), asked once per key.

    A key seen for the first time costs the lemmatizer's rules; spaCy's ``rule_lemmatize`` looks words
    up in lists of up to 57,000 entries, so for the stock ``rule`` mode the same rules run here over sets
    (``rule_lemma``), which gives the same lemma some fifty times faster.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self.cache: dict[tuple[int, int, int], str] = {}
        self.fast = lemmatizer.mode == "rule" and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize
        self._tables: dict[str, tuple | None] = {}

    def __call__(self, doc: Doc) -> None:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        n = len(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        todo = numpy.arange(n) if self.overwrite else numpy.flatnonzero(arr[:, 3] == 0)
        if not len(todo):
            return
        keys = list(zip(*arr[todo, :3].T.tolist(), strict=True))
        get = self.cache.get
        lemmas = [get(key) for key in keys]
        lemmatize = self.rule_lemma if self.fast else (lambda token: lemmatizer.lemmatize(token)[0])
        for j, lemma in enumerate(lemmas):
            if lemma is None:
                lemmas[j] = self.cache[keys[j]] = lemmatize(doc[int(todo[j])])
        add = doc.vocab.strings.add
        hashes = {lemma: add(lemma) for lemma in set(lemmas)}
        arr[todo, 3] = [hashes[lemma] for lemma in lemmas]
        doc.from_array([LEMMA], arr[:, 3:4])
        if len(self.cache) > 1_000_000:  # bound a long run's memory; the common keys come back at once
            self.cache.clear()

    def rule_lemma(self, token) -> str:
        """``Lemmatizer.rule_lemmatize(token)[0]``, line for line, with its word lists as sets."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return string.lower()
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        if univ_pos not in self._tables:
            lookups = self.lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            self._tables[univ_pos] = (frozenset(index or ()), exceptions or {}, rules or []) \
                if any((index, exceptions, rules)) else None
        tables = self._tables[univ_pos]
        if tables is None:
            return string if univ_pos == "propn" else string.lower()
        index, exceptions, rules = tables
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]


class TagTable:
    """Does the work of the disabled base components it names; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, attribute_ruler: str, lemmatizer: str) -> None:
        self.nlp = nlp
        self.name = name
        self.ruler_name = attribute_ruler
        self.lemmatizer_name = lemmatizer
        self._steps: list | None = None

    def steps(self) -> list:
        """What runs per Doc, decided at the first Doc (the named components are loaded by then)."""
        if self._steps is None:
            components, enabled = dict(self.nlp.components), set(self.nlp.pipe_names)
            ruler, lemmatizer = components.get(self.ruler_name), components.get(self.lemmatizer_name)
            ruler_off = ruler is not None and self.ruler_name not in enabled
            lemmatizer_off = lemmatizer is not None and self.lemmatizer_name not in enabled
            if ruler_off and lemmatizer is not None and not lemmatizer_off:
                raise TaggingSetupError(f"{self.ruler_name!r} is disabled but {self.lemmatizer_name!r} is not: "
                                        "disable both (newsfacts_tags does their work) or neither")
            steps: list = []
            if ruler_off:
                steps.append(RulerTable(ruler) if isinstance(ruler, AttributeRuler) else ruler)
            if lemmatizer_off:
                keyed = isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in KEYED_MODES
                steps.append(LemmaCache(lemmatizer) if keyed else lemmatizer)
            self._steps = steps
        return self._steps

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            for step in self.steps():
                result = step(doc)
                doc = result if isinstance(result, Doc) else doc
        return doc


@Language.factory("newsfacts_tags", default_config={"attribute_ruler": "attribute_ruler", "lemmatizer": "lemmatizer"})
def make_tags(nlp: Language, name: str, *, attribute_ruler: str, lemmatizer: str) -> TagTable:
    """Part of speech, morphology and lemmas of the disabled base components ``attribute_ruler`` and
    ``lemmatizer`` (their names in the base pipeline), from their own patterns and tables."""
    return TagTable(nlp, name, attribute_ruler=attribute_ruler, lemmatizer=lemmatizer)
