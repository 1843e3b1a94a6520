"""Component ``newsfacts_quotes``: direct, partial and indirect quotes with their speakers.

How it reads an article, one module per stage:

1. ``marks``: quoted spans found on the characters, paragraph by paragraph (``find_segments``).
2. ``classify``: each span is ``direct`` speech, a ``partial`` quote inside the writer's sentence,
   or dropped (titles of works, nicknames, slogans, scare quotes); its reporting verb is found.
3. ``speakers``: the speaker of a reporting verb (subject, "according to", a signed or labelled
   name) resolved to a person: ``people`` (name structure and gender), ``focus`` (pronouns by
   salience), ``descriptions`` ("the minister", "a dealer", "a statement from X").
4. ``indirect``: reported speech without marks ("X said that …") with its speaker.
5. ``component``: the spaCy component and its factory; joins the parts of one speaker's quote (one
   record per part, sharing ``quote_start``) and carries a speaker on to the unattributed direct
   quotes after it.

``context`` holds the per-document lookups (tokens by character, paragraphs, quote regions, entity
mentions) the stages share. The vocabulary (reporting verbs, title cues, gendered words, pronouns,
organisation and document nouns, subordinators, verbs that are not speech) is read from
``models/quotes/``.
"""

from newsfacts.quotes.component import QuoteFinder, make_quotes
from newsfacts.quotes.marks import Segment, find_segments, paragraphs

__all__ = ["QuoteFinder", "Segment", "find_segments", "make_quotes", "paragraphs"]
