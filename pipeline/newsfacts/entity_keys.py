"""One ``entity_index`` row per real thing across articles: which canonical names are one entity.

The rule is conservative, since a wrong merge hides a person while a missed one only counts them
twice. A canonical name from an article joins an existing entity of the same label when

- its key equals one of the entity's aliases, spelling aside ("&" or "and", a hyphen or a space,
  apostrophes, dots and commas, "-isation" or "-ization": "Hewlett Packard" = "Hewlett-Packard",
  "Securities & Exchange Commission" = "Securities and Exchange Commission", "World Trade
  Organisation" = "World Trade Organization"): for people the parsed name words and the
  generation ("Michael O'Leary" = "michael o'leary", "Douglas Fairbanks Jr" = "douglas fairbanks
  jr"), a one-word name as written, title and all ("Baroness Kennedy" is not "Kennedy", "St Mary"
  not "Mary", "Edward III" not "Edward"); for organisations the name without a legal form ("Apple
  Inc." = "Apple"), otherwise the name in lower case without a leading "the"; or
- (people only) it is a full name that fits exactly one entity's full name with the same
  surname and the same first given name written out, leaving out only initials and particles
  ("George Bush" / "George W. Bush", "Rodrigo Rato" / "Rodrigo de Rato", not "Jerry Lewis" /
  "Jerry Lee Lewis"), of no other generation ("Hank Williams" may be "Hank Williams Jr.", never
  "Hank Williams Sr.").

Never on a surname alone or on initials alone; a name that fits two entities starts a third.
The entity keeps the fullest name it was given as its canonical name; every name it was given
is an alias (table ``entity_aliases``).
"""

from __future__ import annotations

import re
import sqlite3

from newsfacts.namematch import name_key, org_key, parse, same_person_across

_JOINERS = re.compile(r"(?<=\w)[-‐‑–](?=\w)|&")
_MARKS = re.compile(r"[.,'’]")


def spelling(key: str) -> str:
    """A key without the spellings one name is written in across articles: "&" is "and", a hyphen
    between words a space, apostrophes, dots and commas go, and "-isation" is "-ization"."""
    key = _JOINERS.sub(lambda m: " and " if m[0] == "&" else " ", key)
    key = _MARKS.sub("", key).replace("isation", "ization")
    return " ".join(key.split())


def key_and_block(label: str, name: str) -> tuple[str, str]:
    """The key two names of one entity share, and the block of names a new one is compared with."""
    if label == "PERSON":
        person = parse(name)
        words = person.words
        if not person.full:  # what a lone name stands for is said by its title and suffix
            return spelling(name_key(name)), words[-1] if words else ""
        return spelling(" ".join(words + ((person.generation,) if person.generation else ()))), words[-1]
    if label == "ORG":
        return spelling(org_key(name)), ""
    text = " ".join(name.split()).lower()
    return spelling(text[4:] if text.startswith("the ") else text), ""


def _fuller(a: str, b: str) -> bool:
    """``a`` is a fuller name than ``b``: more words, then fewer initials, then longer ("Hewlett Packard"
    is not fuller than "Hewlett-Packard")."""
    def rank(name: str) -> tuple[int, int, int]:
        words = spelling(name).split()
        return len(words), -sum(len(w.rstrip(".")) == 1 for w in words), len(name)
    return rank(a) > rank(b)


def find_entity(conn: sqlite3.Connection, label: str, canonical: str) -> int:
    """The id of the entity ``canonical`` names, adding the entity or the alias as needed."""
    key, block = key_and_block(label, canonical)
    found = conn.execute("SELECT entity_id FROM entity_aliases WHERE label = ? AND key = ? ORDER BY entity_id LIMIT 1",
                         [label, key]).fetchone()
    entity_id = found[0] if found else None
    if entity_id is None and label == "PERSON" and block:
        aliases: dict[int, list[str]] = {}
        for known, alias in conn.execute(
                "SELECT entity_id, alias FROM entity_aliases WHERE label = 'PERSON' AND block = ?", [block]):
            aliases.setdefault(known, []).append(alias)
        generation = parse(canonical).generation
        fitting = {known for known, names in aliases.items() if any(same_person_across(canonical, a) for a in names)
                   and not (generation and any(parse(a).generation not in ("", generation) for a in names))}
        if len(fitting) == 1:  # and none of its names is of another generation ("Hank Williams Sr." is not
            entity_id = fitting.pop()  # the "Hank Williams" already one with "Hank Williams Jr.")
    if entity_id is None:
        row = conn.execute("SELECT id FROM entity_index WHERE label = ? AND canonical = ?",
                           [label, canonical]).fetchone()
        entity_id = row[0] if row else conn.execute(
            "INSERT INTO entity_index (label, canonical) VALUES (?, ?)", [label, canonical]).lastrowid
    else:
        current = conn.execute("SELECT canonical FROM entity_index WHERE id = ?", [entity_id]).fetchone()[0]
        if _fuller(canonical, current):
            conn.execute("UPDATE OR IGNORE entity_index SET canonical = ? WHERE id = ?", [canonical, entity_id])
    conn.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, label, alias, key, block) VALUES (?, ?, ?, ?, ?)",
                 [entity_id, label, canonical, key, block])
    return entity_id


def relink(conn: sqlite3.Connection) -> None:
    """Make the index again from every stored mention's name, in the order the names were stored: for a
    database whose index an earlier rule made. The mentions keep their names and get the new ids."""
    names = conn.execute("SELECT label, canonical FROM entities GROUP BY label, canonical "
                         "ORDER BY MIN(rowid)").fetchall()
    conn.execute("DELETE FROM entity_aliases")
    conn.execute("DELETE FROM entity_index")
    conn.execute("CREATE TEMP TABLE relinked (label TEXT, canonical TEXT, entity_id INTEGER, "
                 "PRIMARY KEY (label, canonical))")
    conn.executemany("INSERT INTO relinked VALUES (?, ?, ?)",
                     [(label, canonical, find_entity(conn, label, canonical)) for label, canonical in names])
    conn.execute("UPDATE entities SET entity_id = (SELECT entity_id FROM relinked r "
                 "WHERE r.label = entities.label AND r.canonical = entities.canonical)")
    conn.execute("DROP TABLE temp.relinked")
