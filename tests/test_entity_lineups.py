"""Team line-ups read by layout (entities/lineups.py): listed names are players, brackets their sides."""

import pytest


def labels(nlp, text):
    return {(e.text, e.label) for e in nlp(text)._.entities}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a rugby side by positions: surnames alone, semicolons between the units, the captain marked
        ("Harlow Rovers were unchanged for the visit.\n\nPenhallow; Trevithick, Scarrott, Glanville, Quenby; "
         "Marwood, Elstob; Tregaskis, Pellow (capt), Varcoe; Kitto, Roskilly; Nance, Dunstan, Chegwidden.",
         {("Penhallow", "PERSON"), ("Glanville", "PERSON"), ("Pellow", "PERSON"), ("Roskilly", "PERSON"),
          ("Chegwidden", "PERSON")}),
        # replacements after a header, a side named before its line-up
        ("Fulbrook: Ashdown; Pemberton, Colley, Ravenscroft, Tolley; Brannigan, Okafor.\n"
         "Replacements: Haskett, Dimmock, Furlong, Yardley, Penrose, Gatehouse.",
         {("Fulbrook", "ORG"), ("Ashdown", "PERSON"), ("Haskett", "PERSON"), ("Yardley", "PERSON"),
          ("Gatehouse", "PERSON")}),
        # initials and clubs in brackets: the players are people, the clubs organisations
        ("The squad for Saturday's match:\n\nT Marwood (Exeter Chiefs), K Ashdown (Bristol), P Colley (Bath, capt), "
         "R Tolley (Leicester); D Okafor (Saracens), M Furlong (Harlequins).",
         {("T Marwood", "PERSON"), ("Exeter Chiefs", "ORG"), ("Bristol", "ORG"), ("P Colley", "PERSON"),
          ("Bath", "ORG"), ("Leicester", "ORG"), ("M Furlong", "PERSON")}),
        # a select side of several nations: countries stay places, and so do the short forms beside them
        ("The invitation side was named on Monday.\n\nJ Kerevi (Fiji); S Tuilagi (Samoa), R Pienaar (SA), "
         "D Hollis (Australia), T Nonu (NZ); B Mosese (Fiji), K Lealiifano (Aus), Others to be confirmed.",
         {("J Kerevi", "PERSON"), ("Fiji", "GPE"), ("SA", "GPE"), ("NZ", "GPE"), ("Aus", "GPE"),
          ("K Lealiifano", "PERSON")}),
        # two players for one place ("/"), particles in surnames, a header that closes a bracket
        ("Replacements (from): Ashdown/Pemberton, Colley, W Tolley/B Okafor, CJ van der Merwe, D dal Pozzo, Furlong.",
         {("Ashdown", "PERSON"), ("Pemberton", "PERSON"), ("W Tolley", "PERSON"), ("B Okafor", "PERSON"),
          ("CJ van der Merwe", "PERSON"), ("D dal Pozzo", "PERSON")}),
        # the surname a line-up lists is the same person in the report's prose
        ("Brannigan missed two penalties before the break.\n\nAshdown; Pemberton, Colley, Brannigan, Tolley; "
         "Okafor, Dimmock; Haskett, Furlong, Yardley.",
         {("Brannigan", "PERSON"), ("Okafor", "PERSON")}),
    ],
)
def test_lineup_players(nlp, text, expected):
    assert expected <= labels(nlp, text)


@pytest.mark.parametrize(
    "text, not_people",
    [
        # a list of countries on its own line is no line-up
        ("Sales fell in five markets.\n\nFrance, Italy, Spain, Germany, Portugal, Belgium.", {"France", "Spain"}),
        # a list inside a sentence, with a verb after it, is prose: the model's labels stand
        ("Sony, Philips, Matsushita, Samsung and Toshiba are developing a common format.",
         {"Sony", "Samsung", "Toshiba"}),
        # a header that is a common word is no side
        ("Forwards: Ashdown, Pemberton, Colley, Ravenscroft, Tolley, Brannigan.", {"Forwards"}),
    ],
)
def test_no_lineup(nlp, text, not_people):
    found = labels(nlp, text)
    assert not {name for name, label in found if label == "PERSON"} & not_people
    assert not {name for name, label in found if label == "ORG"} & ({"Forwards"} & not_people)
