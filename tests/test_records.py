"""The fact records: one list of kinds, plain fields, no spaCy."""

import dataclasses
import subprocess
import sys

import pytest

from newsfacts import records


def test_records_import_without_spacy():
    code = "import sys, newsfacts.records; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


@pytest.mark.parametrize("kind", records.KINDS)
def test_every_kind_is_a_dataclass_with_offsets_and_text(kind):
    names = records.field_names(kind)
    assert names[:3] == ["start", "end", "text"]
    assert dataclasses.is_dataclass(records.FACT_KINDS[kind])


def test_quotes_are_stored_as_attributions_and_the_rest_under_their_kind():
    assert records.TABLE_OF == {k: ("attributions" if k == "quotes" else k) for k in records.KINDS}


def test_as_row_is_plain_values():
    row = records.as_row(records.DateFact(0, 6, "Monday", "2026-02-16", "date", True))
    assert row == {"start": 0, "end": 6, "text": "Monday", "value": "2026-02-16", "kind": "date", "anchored": True}
