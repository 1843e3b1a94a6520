"""The command line as a user meets it: help that reads, tables that fit, errors before anything is written."""

import re

import pytest
from click.testing import CliRunner

from newsfacts.cli import cli
from newsfacts.cli.output import render


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_summary_is_a_whole_sentence(name):
    summary = cli.commands[name].get_short_help_str(limit=68)
    assert summary.endswith(".") and not summary.endswith("..."), summary


def table(records, columns=None, width=80):
    import io

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", str(width))
        render(records, "table", columns=columns, title="t", file=out)
    return out.getvalue()


def test_numbers_never_wrap_and_text_does():
    rows = [{"article": "0123456789abcdef", "text": "£11 billion for the new hospital wing and the car park",
             "value": 11e9, "currency": "GBP", "about": "the cost of the new hospital wing at the edge of town"}]
    out = table(rows)
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "11,000,000,000" in out and "01234567" in out  # whole number, whole id prefix
    assert "hospital" in out


def test_columns_empty_in_every_row_are_left_out_of_the_table():
    out = table([{"text": "$5", "qualifier": None, "value": 5.0}, {"text": "$6", "qualifier": "", "value": 6.0}])
    assert "qualifier" not in out and "text" in out


def test_runs_fit_80_columns(tmp_path):
    from newsfacts import store
    from newsfacts.nlp import PipelineSpec

    db = store.open_db(tmp_path / "news.db")
    spec = PipelineSpec(models=None, model="en_core_web_sm", model_version="3.8.0", version="0.1.0",
                        fingerprint="0123456789abcdef")
    store.finish_run(db, store.start_run(db, spec, ["corpus"], 2), "complete", {"articles": 2226, "new": 2128}, 9.0)
    db.close()
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["runs", "--db", str(tmp_path / "news.db")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "01234567" in result.output and "complete" in result.output and "2226" in result.output


@pytest.mark.parametrize("args, message", [
    (["ingest", "{tmp}/no-such-folder"], "no such file or folder"),
    (["ingest", "{tmp}/empty"], "no article files"),
    (["ingest", "{tmp}/empty", "--glob", "*.md"], "no files matching '*.md'"),
])
def test_ingest_refuses_missing_or_empty_inputs_before_creating_anything(tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args] + ["--db", str(db)])
    assert result.exit_code == 2
    assert re.search(rf"error: {re.escape(message)}", result.output)
    assert not db.exists()


@pytest.mark.parametrize("value, ok", [("2026", True), ("2026-02", True), ("2024-02-29", True),
                                       ("2026-13", False), ("2026-02-30", False), ("26", False), ("2026/02", False)])
def test_date_filters_must_be_dates(tmp_path, value, ok):
    result = CliRunner().invoke(cli, ["query", "dates", "--from", value, "--db", str(tmp_path / "none.db")])
    if ok:  # the value passes; the missing database is what fails
        assert result.exit_code == 2 and "no such database" in result.output
    else:
        assert result.exit_code == 2 and "is not a date" in result.output
