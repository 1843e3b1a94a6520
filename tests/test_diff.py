"""`newsfacts diff` on databases made by real ingests: a rule change in models/, an edited article."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.batch import ingest
from newsfacts.cli import cli
from newsfacts.diff import OffsetMap, describe_change
from newsfacts.nlp import models_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "dev" / "kazakh-kyrgyz-ties.txt"
INSERTED = "The talks lasted several hours and ended without a joint statement.\n\n"


def dev_articles() -> list[Path]:
    folder = ROOT / "corpus" / "dev"
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".json"))


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def diff_json(*args) -> tuple[int, dict]:
    result = run("diff", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def relabelled_models(tmp: Path, texts: list[str], label: str) -> Path:
    """A copy of models/ with more entity-ruler patterns: the rule change a user would make."""
    models = tmp / "models"
    shutil.copytree(models_dir(), models)
    with open(models / "entity_patterns.jsonl", "a", encoding="utf-8") as f:
        for text in texts:
            f.write(json.dumps({"label": label, "pattern": text}) + "\n")
    return models


@pytest.fixture(scope="module")
def rule_change(tmp_path_factory) -> dict:
    """corpus/dev ingested (run 1) into two databases; one re-ingested with a relabelling rule (run 2)."""
    tmp = tmp_path_factory.mktemp("rule")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for path in dev_articles():
        shutil.copy(path, corpus / path.name)
    old, new = tmp / "old.db", tmp / "new.db"
    assert ingest([corpus], old, workers=1).failed == 0
    shutil.copy(old, new)
    with sqlite3.connect(old) as conn:  # a GPE mention of the seed article, to be relabelled as ORG
        places = [r[0] for r in conn.execute(
            "SELECT e.text FROM current_entities e JOIN articles a ON a.id = e.article_id WHERE e.label = 'GPE' "
            "AND a.path LIKE '%kazakh-kyrgyz-ties.txt' AND e.text = e.canonical AND e.text NOT LIKE '% %' "
            "ORDER BY e.start DESC")]
    models = relabelled_models(tmp, sorted(set(places)), "ORG")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSFACTS_MODELS", str(models))
        result = ingest([corpus], new, workers=1)
    assert result.run_id == 2 and result.new == len(dev_articles())
    report = json.loads(run("diff", new, "--runs", 1, 2, "--format", "json").stdout)
    relabelled = [c["new"]["text"] for a in report["articles"] for c in a["changes"]
                  if c["kind"] == "entities" and c["change"] == "changed" and c["new"]["text"] in places]
    assert relabelled, "an entity-ruler pattern should relabel at least one place"
    return {"old": old, "new": new, "target": relabelled[0], "places": set(places), "corpus": corpus}


def test_rule_change_shows_changed_label(rule_change):
    status, report = diff_json(rule_change["new"], "--runs", 1, 2)
    assert status == 1 and report["different"]
    changes = [c for a in report["articles"] for c in a["changes"]]
    relabelled = [c for c in changes if c["kind"] == "entities" and c["change"] == "changed"
                  and c["new"]["text"] == rule_change["target"]]
    assert relabelled, changes
    assert all(c["fields"]["label"] == ["GPE", "ORG"] for c in relabelled)
    assert all(c["old"]["start"] == c["new"]["start"] and c["old"]["end"] == c["new"]["end"] for c in relabelled)
    assert report["summary"]["entities"]["changed"] >= len(relabelled)
    assert report["summary"]["amounts"]["unchanged"] > 0
    assert report["only_old"] == report["only_new"] == []


def test_databases_diff_like_runs(rule_change):
    status, between_dbs = diff_json(rule_change["old"], rule_change["new"])
    _, between_runs = diff_json(rule_change["new"], "--runs", 1, 2)
    assert status == 1
    assert between_dbs["summary"] == between_runs["summary"]


@pytest.mark.parametrize("args", [["--runs", 1, 1], ["--runs", 2, 2]])
def test_same_run_has_no_difference(rule_change, args):
    status, report = diff_json(rule_change["new"], *args)
    assert status == 0 and not report["different"]
    assert all(v["added"] == v["removed"] == v["changed"] == 0 for v in report["summary"].values())


def test_same_database_has_no_difference(rule_change):
    result = run("diff", rule_change["old"], rule_change["old"])
    assert result.exit_code == 0
    assert "no differences" in result.stdout


def test_text_report(rule_change):
    result = run("diff", rule_change["new"], "--runs", 1, 2)
    assert result.exit_code == 1
    out = result.stdout
    assert "kind" in out and "added" in out and "removed" in out and "changed" in out
    assert f"~ '{rule_change['target']}'" in out and "label: 'GPE' → 'ORG'" in out
    assert "kazakh-kyrgyz-ties.txt" in out


def test_kind_and_article_filters(rule_change):
    _, only_dates = diff_json(rule_change["new"], "--runs", 1, 2, "--kind", "dates")
    assert list(only_dates["summary"]) == ["dates"]
    assert only_dates["different"] is False
    _, one = diff_json(rule_change["new"], "--runs", 1, 2, "--article", "kazakh-kyrgyz-ties.txt")
    assert [a["path"].rsplit("/", 1)[-1] for a in one["articles"]] == ["kazakh-kyrgyz-ties.txt"]
    assert one["articles_compared"] == 1


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict:
    """The seed article ingested, then edited (a paragraph inserted after the first) and ingested again."""
    tmp = tmp_path_factory.mktemp("edited")
    path = tmp / SEED.name
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    db = tmp / "news.db"
    before = tmp / "before.db"
    assert ingest([path], db, workers=1).new == 1
    shutil.copy(db, before)
    cut = text.index("\n\n") + 2
    edited_text = text[:cut] + INSERTED + text[cut:]
    path.write_text(edited_text, encoding="utf-8")
    assert ingest([path], db, workers=1).new == 1
    return {"db": db, "before": before, "cut": cut, "text": edited_text}


def test_edited_article_is_paired_and_offsets_aligned(edited):
    _, report = diff_json(edited["db"], "--runs", 1, 2)
    assert report["articles_compared"] == report["articles_text_edited"] == 1
    for article in report["articles"]:
        assert article["status"] == "text-changed" and article["old_id"] != article["new_id"]
    assert report["only_old"] == report["only_new"] == []
    inserted = range(edited["cut"], edited["cut"] + len(INSERTED))
    for a in report["articles"]:
        for c in a["changes"]:
            # Only facts of the inserted paragraph may appear; everything after it moved but matched.
            assert c["change"] == "added" and c["new"]["start"] in inserted, describe_change(c)
    unchanged = sum(v["unchanged"] for v in report["summary"].values())
    with sqlite3.connect(edited["db"]) as conn:
        total = sum(conn.execute(f"SELECT COUNT(*) FROM {t} WHERE run_id = 1").fetchone()[0]
                    for t in ("entities", "roles", "amounts", "quantities", "dates", "attributions"))
    assert unchanged == total


def test_edited_article_between_databases(edited):
    _, runs = diff_json(edited["db"], "--runs", 1, 2)
    _, dbs = diff_json(edited["before"], edited["db"])
    assert dbs["summary"] == runs["summary"]
    assert dbs["only_old"] == dbs["only_new"] == []


def test_another_publication_date_is_shown_with_the_dates_it_moved(tmp_path):
    story = "The Hartley mill in Leeds closed on Friday, its owner said.\n"
    dbs = []
    for published in ("2024-05-13", "2024-05-20"):
        folder = tmp_path / published
        folder.mkdir()
        (folder / "mill.txt").write_text(f"published: {published}\n\n{story}", encoding="utf-8")
        dbs.append(tmp_path / f"{published}.db")
        assert ingest([folder], dbs[-1], workers=1).new == 1
    status, report = diff_json(*dbs)
    assert status == 1 and report["articles_metadata_changed"] == 1
    (article,) = report["articles"]
    assert article["metadata"] == {"published": ["2024-05-13", "2024-05-20"]}
    assert [c["fields"]["value"] for c in article["changes"] if c["kind"] == "dates"] == [
        ["2024-05-10", "2024-05-17"]]
    text = run("diff", *dbs).stdout
    assert "metadata of 1 article changed" in text and "metadata: published: '2024-05-13' → '2024-05-20'" in text


def test_articles_in_one_run_only_are_listed(edited, tmp_path):
    db = tmp_path / "three.db"
    shutil.copy(edited["db"], db)
    other = tmp_path / "other.txt"
    other.write_text("date 2026-03-02\nASTANA – The central bank kept its base rate at 16.5 percent on Friday.\n",
                     encoding="utf-8")
    assert ingest([other], db, workers=1).new == 1
    status, report = diff_json(db, "--runs", 2, 3)
    assert status == 0  # between runs, an article only one run extracted is news, not a difference
    assert report["articles_compared"] == 0
    assert [a["path"] for a in report["only_new"]] == [str(other)]
    assert len(report["only_old"]) == 1
    text = run("diff", db, "--runs", 2, 3).stdout
    assert "articles only in new:" in text and "other.txt" in text


@pytest.mark.parametrize("old, new, word", [
    ("Trade reached $2 billion on Monday.", "Bilateral trade reached $2 billion on Monday.", "$2 billion"),
    ("A said it. B said it.", "B said it. A said it.", "A said"),
    ("Prices rose 5%.\nExports fell.", "Prices rose 5%.\n\nExports   fell sharply.", "Exports"),
])
def test_offset_map(old, new, word):
    offsets = OffsetMap(old, new)
    start = old.index(word)
    span = offsets.span(start, start + len(word))
    assert span is not None and new[span[0]:span[1]] == word


def test_offset_map_unaligned_words():
    offsets = OffsetMap("Trade reached $2 billion.", "Trade reached $3 billion.")
    assert offsets.span(14, 24) is None  # "$2 billion" is not in the new text


@pytest.mark.parametrize("args, message", [
    (["--runs", 1, 99], "no run 99"),
    (["--runs", 7, 1], "no run 7"),
    (["--article", "nothing-like-this.txt", "--runs", 1, 2], "no article matches"),
])
def test_bad_requests(rule_change, args, message):
    result = run("diff", rule_change["new"], *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_databases(rule_change, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    for args, message in (([tmp_path / "missing.db", rule_change["old"]], "no such database"),
                          ([rule_change["old"], junk], "not a SQLite database")):
        result = run("diff", *args)
        assert result.exit_code == 2 and message in result.stderr
    assert junk.read_text() == "hello"
    for args in ([rule_change["old"]], [rule_change["old"]] * 3, [rule_change["old"]] * 3 + ["--runs", 1, 1]):
        usage = run("diff", *args)
        assert usage.exit_code == 2 and "--runs" in usage.stderr
        assert len(usage.stderr.strip().splitlines()) == 1


def test_html_report_to_file(rule_change, tmp_path):
    out = tmp_path / "report.html"
    result = run("diff", rule_change["new"], "--runs", 1, 2, "--format", "html", "--output", out)
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert 'data-change="changed"' in page and "<script>" in page
    assert "http://" not in page and "https://" not in page  # self-contained


def test_commands_start_without_spacy():
    import subprocess
    import sys

    code = ("import sys, newsfacts.cli, newsfacts.query, newsfacts.diff, newsfacts.serve; "
            "print(sorted(m for m in ('spacy', 'datasette', 'dateparser') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_html_marks_the_edited_text(edited, tmp_path):
    out = tmp_path / "edited.html"
    assert run("diff", edited["db"], "--runs", 1, 2, "--format", "html", "-o", out).exit_code in (0, 1)
    page = out.read_text(encoding="utf-8")
    if "<section" not in page:  # the inserted paragraph yielded no fact: no article to show
        assert diff_json(edited["db"], "--runs", 1, 2)[1]["articles_with_changes"] == 0
        return
    import re

    inserted = "".join(re.findall(r'<mark class="edit new"[^>]*>([^<]*)', page))
    assert "The talks lasted" in inserted and "joint statement." in inserted
    assert 'data-edit="old"' not in page  # nothing was deleted


def test_edited_article_moved_to_another_folder_is_paired_by_file_name(edited, tmp_path):
    moved = tmp_path / "elsewhere" / SEED.name
    moved.parent.mkdir()
    moved.write_text(edited["text"], encoding="utf-8")
    db = tmp_path / "moved.db"
    assert ingest([moved], db, workers=1).new == 1
    status, report = diff_json(edited["before"], db)
    assert report["articles_compared"] == report["articles_text_edited"] == 1
    assert report["only_old"] == report["only_new"] == []
    _, same_folder = diff_json(edited["before"], edited["db"])
    assert report["summary"] == same_folder["summary"]
    assert status == (1 if report["articles_with_changes"] else 0)


def test_show_markdown(rule_change):
    result = run("show", "kazakh-kyrgyz-ties.txt", "--db", rule_change["new"], "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "## entities" in result.stdout and "| start | end | text | label | canonical | source |" in result.stdout
    assert f"| {rule_change['target']} | ORG |" in result.stdout


def test_reading_commands_run_without_spacy(rule_change):
    """Reading a database needs no NLP: query, diff and show must not pay for importing spaCy."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsfacts.cli import cli\n"
        "for args in (['diff', DB, '--runs', '1', '2', '-f', 'json'], ['query', 'people', '--db', DB],\n"
        "             ['show', 'kazakh-kyrgyz-ties.txt', '--db', DB], ['search', 'trade', '--db', DB]):\n"
        "    try:\n"
        "        cli.main(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('spacy' in sys.modules, file=sys.stderr)\n"
    ).replace("DB", repr(str(rule_change["new"])))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stderr.strip().splitlines()[-1] == "False"


# --- changed facts: edited words, edited values, moved boundaries ----------------------------------

FUND = """date 2026-03-04
ASTANA – Kazakhstan's sovereign wealth fund Samruk-Kazyna said on Tuesday that it had invested $1.13bn in new \
power plants last year, more than twice what it spent in 2024.

“We are building the grid that the next generation of industry will need,” the fund's chief executive, Nurlan \
Zhakupov, told reporters in Astana.

The fund plans to raise its spending to $2.5bn by 2028, Zhakupov said, with most of it going to wind farms in the \
north of the country.

“Demand from new factories is rising faster than anyone planned for,” Zhakupov enthused.
"""
# Same first and last words, other words inside: the spans stay, the facts change.
REWORDED = [("$1.13bn", "$2.26bn"), ("the grid that", "the network that")]


@pytest.fixture(scope="module")
def fund(tmp_path_factory) -> dict:
    """FUND ingested (base.db), then with REWORDED applied ingested again into a copy (reworded.db)."""
    tmp = tmp_path_factory.mktemp("fund")
    article = tmp / "corpus" / "fund.txt"
    article.parent.mkdir()
    article.write_text(FUND, encoding="utf-8")
    base, reworded = tmp / "base.db", tmp / "reworded.db"
    assert ingest([article], base, workers=1).new == 1
    shutil.copy(base, reworded)
    text = FUND
    for old, new in REWORDED:
        text = text.replace(old, new)
    article.write_text(text, encoding="utf-8")
    assert ingest([article], reworded, workers=1).new == 1
    article.write_text(FUND, encoding="utf-8")
    return {"tmp": tmp, "base": base, "reworded": reworded, "article": article}


def changes_of(report: dict, kind: str | None = None) -> list[dict]:
    return [c for a in report["articles"] for c in a["changes"] if kind in (None, c["kind"])]


@pytest.mark.parametrize("kind, old, new, fields", [
    ("amounts", "$1.13bn", "$2.26bn", {"text", "value"}),
    ("quotes", "the grid that", "the network that", {"text"}),  # a direct quote, reworded inside
    ("quotes", "$1.13bn", "$2.26bn", {"text"}),  # the reported speech that holds the amount
])
def test_edited_words_are_a_change_not_an_addition_and_a_removal(fund, kind, old, new, fields):
    status, report = diff_json(fund["base"], fund["reworded"], "--kind", kind)
    assert status == 1 and report["articles_text_edited"] == 1
    [change] = [c for c in changes_of(report, kind) if old in c["old"]["text"]]
    assert change["change"] == "changed", change
    assert set(change["fields"]) == fields
    before, after = change["fields"]["text"]
    assert old in before and new in after and before.replace(old, new) == after
    assert not [c for c in changes_of(report, kind) if c["change"] != "changed"]
    if "value" in fields:
        assert change["fields"]["value"] == [1.13e9, 2.26e9]


def test_reworded_quote_in_text_and_html(fund, tmp_path):
    result = run("diff", fund["base"], fund["reworded"], "--kind", "quotes")
    assert result.exit_code == 1 and "no differences" not in result.stdout
    assert "[grid → network]" in result.stdout and "[$1.13bn → $2.26bn]" in result.stdout
    page = tmp_path / "quotes.html"
    assert run("diff", fund["base"], fund["reworded"], "-f", "html", "-o", page).exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert "<del>grid</del> <ins>network</ins>" in html and "<del>$1.13bn</del> <ins>$2.26bn</ins>" in html
    assert html.count("data-change='changed'") == len(changes_of(diff_json(fund["base"], fund["reworded"])[1]))


def edited_copy(fund: dict, tmp_path: Path, sql: str, params: list) -> Path:
    db = tmp_path / "edited.db"
    shutil.copy(fund["base"], db)
    with sqlite3.connect(db) as conn:
        assert conn.execute(sql, params).rowcount == 1, (sql, params)
    return db


def fact_row(db: Path, table: str, text: str) -> dict:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute(f"SELECT * FROM {table} WHERE text = ? ORDER BY start LIMIT 1", [text]).fetchone())


@pytest.mark.parametrize("table, text, field, value", [
    ("amounts", "$2.5bn", "value", 25e9),
    ("amounts", "$1.13bn", "currency", "EUR"),
    ("entities", "Astana", "label", "ORG"),
    ("entities", "Zhakupov", "canonical", "Zhakupov"),
    ("attributions", "We are building the grid that the next generation of industry will need", "speaker",
     "Kassym-Jomart Tokayev"),
    ("attributions", "We are building the grid that the next generation of industry will need", "kind", "partial"),
    ("dates", "last year", "value", "2024"),
    ("dates", "2028", "kind", "duration"),
])
def test_same_span_other_value_is_changed(fund, tmp_path, table, text, field, value):
    before = fact_row(fund["base"], table, text)
    db = edited_copy(fund, tmp_path, f"UPDATE {table} SET {field} = ? WHERE rowid = (SELECT MIN(rowid) FROM {table} "
                                     "WHERE text = ? AND start = ?)", [value, text, before["start"]])
    status, report = diff_json(fund["base"], db)
    assert status == 1
    [change] = changes_of(report)
    assert change["change"] == "changed" and change["fields"] == {field: [before[field], value]}
    assert (change["old"]["start"], change["old"]["end"]) == (change["new"]["start"], change["new"]["end"])
    out = run("diff", fund["base"], db).stdout
    assert f"{field}: " in out and " → " in out and "no differences" not in out


@pytest.mark.parametrize("table, text, wider", [
    ("entities", "Nurlan Zhakupov", "Zhakupov"),  # a name cut to its last word
    ("dates", "Tuesday", "on Tuesday"),  # a date that takes its preposition
    ("amounts", "$2.5bn", "$2.5bn by 2028"),
])
def test_moved_boundary_is_changed_with_both_spans(fund, tmp_path, table, text, wider):
    before = fact_row(fund["base"], table, text)
    body = sqlite3.connect(fund["base"]).execute("SELECT text FROM articles").fetchone()[0]
    start = body.index(wider, before["start"] - len(wider))
    end = start + len(wider)
    db = edited_copy(fund, tmp_path, f"UPDATE {table} SET start = ?, end = ?, text = ? WHERE text = ? AND start = ?",
                     [start, end, body[start:end], text, before["start"]])
    status, report = diff_json(fund["base"], db)
    assert status == 1
    [change] = changes_of(report)
    assert change["change"] == "changed"
    assert change["fields"] == {"text": [text, wider], "span": [[before["start"], before["end"]], [start, end]]}
    assert f"span: [{before['start']}:{before['end']}] → [{start}:{end}]" in run("diff", fund["base"], db).stdout


def test_facts_apart_or_of_another_kind_do_not_pair(fund, tmp_path):
    """A fact gone and another one elsewhere, or of another kind on the same span, are a removal and an addition."""
    amount = fact_row(fund["base"], "amounts", "$2.5bn")
    db = edited_copy(fund, tmp_path, "DELETE FROM amounts WHERE text = ?", ["$2.5bn"])
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO quantities (article_id, run_id, start, end, text, value, unit) VALUES (?, ?, ?, ?, "
                     "?, 2.5, 'gigawatt')", [amount["article_id"], amount["run_id"], amount["start"], amount["end"],
                                             amount["text"]])
        date = conn.execute("SELECT rowid, start FROM dates WHERE text = '2024'").fetchone()
        conn.execute("DELETE FROM dates WHERE rowid = ?", [date[0]])
    _, report = diff_json(fund["base"], db)
    found = {(c["kind"], c["change"], (c["new"] or c["old"])["text"]) for c in changes_of(report)}
    assert found == {("amounts", "removed", "$2.5bn"), ("quantities", "added", "$2.5bn"),
                     ("dates", "removed", "2024")}


@pytest.mark.parametrize("old, new, expected", [
    ("We are partners", "We are\npartners", {}),  # re-wrapped: the same words
    ("We are partners", "We are close partners", {"text": ["We are partners", "We are close partners"]}),
])
def test_words_compared_whitespace_aside(old, new, expected):
    from newsfacts.diff import diff_facts

    fact = {"start": 1, "end": 1 + len(old), "text": old, "kind": "direct", "speaker": "Ann Lee"}
    article_old, article_new = f"“{old},” she said.", f"“{new},” she said."
    changes, unchanged = diff_facts("quotes", [fact], [fact | {"end": 1 + len(new), "text": new}],
                                    OffsetMap(article_old, article_new))
    assert unchanged == (0 if expected else 1)
    assert [c["fields"] for c in changes] == ([expected] if expected else [])


@pytest.mark.parametrize("old_text, new_text, old_fact, new_fact, expected", [
    # a sentence moved: the same fact elsewhere, not a change of boundary
    ("Oil rose on Monday. Gold fell on Tuesday in London.", "Gold fell on Tuesday in London. Oil rose on Monday.",
     "Monday", "Monday", "unchanged"),
    # the same text, a wider span: a boundary change
    ("Talks ended on Friday in Astana.", "Talks ended on Friday in Astana.", "Friday", "on Friday",
     {"text", "span"}),
    # an edited word inside an edited text: the same span, other words
    ("The fund raised $40m from banks.", "The fund raised $45m from banks.", "$40m", "$45m", {"text"}),
    # another fact in another place: a removal and an addition
    ("Talks ended on Friday in Astana.", "Talks in Astana ended. They resume in May.", "Friday", "May",
     "removed, added"),
])
def test_facts_pair_by_span_words_or_overlap(old_text, new_text, old_fact, new_fact, expected):
    from newsfacts.diff import diff_facts

    def fact(text: str, words: str) -> dict:
        start = text.index(words)
        return {"start": start, "end": start + len(words), "text": words, "value": "X", "kind": "date"}

    changes, unchanged = diff_facts("dates", [fact(old_text, old_fact)], [fact(new_text, new_fact)],
                                    OffsetMap(old_text, new_text))
    if expected == "unchanged":
        assert (changes, unchanged) == ([], 1)
    elif isinstance(expected, set):
        [change] = changes
        assert change["change"] == "changed" and set(change["fields"]) == expected and unchanged == 0
    else:
        assert ", ".join(c["change"] for c in changes) == expected and unchanged == 0


# --- the documented workflow: edit a copy of models/, re-ingest into a copy, review ---------------

def test_rule_change_workflow_with_a_models_copy(fund, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSFACTS_MODELS", raising=False)
    shutil.copytree(fund["article"].parent, "corpus")
    assert run("ingest", "corpus/", "--db", "news.db", "-w", 1, "--no-progress").exit_code == 0
    shutil.copytree(models_dir(), "my-models")
    verbs = Path("my-models/quotes/reporting_verbs.txt")
    assert "enthuse" not in verbs.read_text(encoding="utf-8").split()
    verbs.write_text(verbs.read_text(encoding="utf-8") + "enthuse\n", encoding="utf-8")
    shutil.copy("news.db", "trial.db")
    again = run("ingest", "corpus/", "--db", "trial.db", "--models", "my-models", "-w", 1, "--no-progress")
    assert again.exit_code == 0 and "1 new" in again.stdout, again.output
    result = run("diff", "news.db", "trial.db")
    assert result.exit_code == 1
    assert "verb: ∅ → 'enthused'" in result.stdout, result.stdout
    _, report = diff_json("news.db", "trial.db")
    [change] = changes_of(report)
    assert change["kind"] == "quotes" and change["old"]["text"].startswith("Demand from new factories")
    # The old database is as it was, and the unedited rules extract nothing new.
    assert run("diff", "news.db", fund["base"]).exit_code == 0
    assert "0 new" in run("ingest", "corpus/", "--db", "news.db", "-w", 1, "--no-progress").stdout
