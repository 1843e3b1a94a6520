"""Entities: clean entity spans, consistent labels, canonical names, roles (``newsfacts_entities``).

News text needs more than the statistical model's spans: spans in the CoNLL/MUC convention (no
determiner, possessive or ordinal), one label and one name per real thing within an article (a
surname takes the label and name of the full mention), the dateline place as a GPE, quoted titles
of works, named events, and the roles people hold ("Kazakh Foreign Minister X" → Foreign Minister
of Kazakhstan). Everything is rules over the parsed Doc plus general word lists in
``models/entities/``, one module per stage:

- ``gazetteer``: the country, place and organisation tables, demonyms, the phrase matcher;
- ``spans``: cleaning and adding mention spans (split, trim, events, works, dateline);
- ``labels``: type decisions (ALL-CAPS filter, people fixes, voting);
- ``names``: canonical names (people's short forms, propagation, acronyms, org short forms);
- ``persons``: people the model took for organisations, decided by cues over the article;
- ``conjoined``: two names the model joined at "and", "or", "to" split;
- ``variants``: an organisation's spellings, plurals, abbreviations and short forms, one name;
- ``words``: people's names not cut inside a hyphen- or apostrophe-joined word;
- ``roles``: titles before names and appositions after them;
- ``component``: the component that runs them in order, and its factory.
"""

from newsfacts.entities.component import EntityComponent, make_entities

__all__ = ["EntityComponent", "make_entities"]
