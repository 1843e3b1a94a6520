"""Hostile input, file by file: what an adversarial folder holds never aborts a run, never hangs it and
never stores junk. Each case fails alone with one line naming the file and the reason, or is read right.

Real files in tmp_path, the real model, a real SQLite file; cases that would hang run under an alarm.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts import batch, bounds, readers, work
from newsfacts.cli import cli

STORY = ("BERLIN — Chancellor Anna Weber met union leaders on Friday to discuss a €3 billion plan for the "
         "rail network, her spokesman said.\n")
CYRILLIC = "Курс тенге укрепился на прошлой неделе, сообщил Национальный банк Казахстана.\n"
RAW_NAME = b"tarif\xe9-report.txt".decode("utf-8", "surrogateescape")  # a latin-1 byte in a file name


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: SIGALRM after ``seconds``."""
    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_one(path: Path):
    with deadline(20):
        items = list(readers.read_path(path))
    assert len(items) == 1, items
    return items[0]


# --- bytes that are not what they claim ------------------------------------------------------------

@pytest.mark.parametrize("data, encoding, text", [
    (STORY.encode("utf-16-le"), "utf-16-le", STORY),
    (STORY.encode("utf-16-be"), "utf-16-be", STORY),
    (CYRILLIC.encode("utf-16-le"), "utf-16-le", CYRILLIC),
])
def test_utf16_without_a_bom_is_detected(tmp_path, data, encoding, text):
    path = tmp_path / "statement.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert isinstance(article, readers.RawArticle), article
    assert (article.encoding, article.text) == (encoding, text)
    assert "\x00" not in article.text


@pytest.mark.parametrize("name, data, reason", [
    ("controls.txt", bytes(range(1, 9)) * 500 + STORY.encode(), "control characters"),
    ("escapes.txt", (b"\x1b[31m\x07" * 40 + b"ok ") * 30, "control characters"),
    ("nul-in-utf8.txt", STORY.encode() + b"\x00" + STORY.encode(), "NUL byte"),
    ("nul-both-sides.txt", bytes([0, 0, 65, 66]) * 300, "NUL byte"),
    ("utf16-with-nuls.txt", b"\xff\xfe" + "ab\x00\x00\x00cd".encode("utf-16-le") * 100, "NUL character"),
])
def test_files_that_are_not_text_are_refused_with_the_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, readers.ReadFailure), failure
    assert failure.path == str(path) and reason in failure.error and "binary file" in failure.error


def test_a_fifo_named_like_an_article_is_refused_not_read(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)  # nobody writes to it: reading it would block for ever
    failure = read_one(fifo)
    assert isinstance(failure, readers.ReadFailure) and "named pipe" in failure.error


def test_a_socket_named_like_an_article_is_refused(tmp_path):
    path = tmp_path / "feed.jsonl"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        failure = read_one(path)
    finally:
        sock.close()
    assert isinstance(failure, readers.ReadFailure) and "socket" in failure.error


# --- JSON that breaks parsers ----------------------------------------------------------------------

GOOD_RECORD = json.dumps({"id": "ok", "text": "ROME — Italy's cabinet approved the budget on Monday, officials said."})


@pytest.mark.parametrize("name, content, failure, good", [
    ("deep.json", "[" * 10_000 + "]" * 10_000, "JSON nested too deeply", 0),
    ("deep.jsonl", "[" * 10_000 + "]" * 10_000 + "\n" + GOOD_RECORD + "\n", "line 1: JSON nested too deeply", 1),
    ("deep-title.jsonl", '{"text": "x", "title": ' + "[" * 10_000 + "]" * 10_000 + "}\n" + GOOD_RECORD + "\n",
     "line 1: JSON nested too deeply", 1),
    ("huge-int.jsonl", '{"id": ' + "7" * 5_000 + ', "text": "MADRID — Prices rose in May, the institute said."}\n',
     None, 1),
])
def test_json_that_breaks_parsers_fails_per_record(tmp_path, name, content, failure, good):
    path = tmp_path / name
    path.write_text(content)
    with deadline(20):
        items = list(readers.read_path(path))
    articles = [i for i in items if isinstance(i, readers.RawArticle)]
    failures = [i.error for i in items if isinstance(i, readers.ReadFailure)]
    assert len(articles) == good
    assert failures == ([failure] if failure else [])
    if name == "huge-int.jsonl":  # an id of 5,000 digits is kept as written
        assert articles[0].record_id == "7" * 5_000


def test_lone_surrogates_become_replacement_characters_with_a_warning(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s1", "title": "Talks \\udc00", "text": "ROME \\ud800— Talks resumed on Monday."}\n')
    [article] = readers.read_path(path)
    assert article.text == "ROME \ufffd— Talks resumed on Monday." and article.title == "Talks \ufffd"
    assert article.text.encode("utf-8") and article.warnings == ["line 1: 1 lone surrogate(s) replaced with U+FFFD"]


# --- names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, shown", [
    ("plain.txt", "plain.txt"),
    ("two\nlines.txt", "two\\nlines.txt"),
    ("red\x1b[31mname.txt", "red\\x1b[31mname.txt"),
    (RAW_NAME, "tarif\\xe9-report.txt"),
    ("café.txt", "café.txt"),
])
def test_file_names_are_shown_on_one_printable_line(name, shown):
    assert readers.shown(name) == shown
    assert readers.shown(name).isprintable()


def test_unlistable_folders_are_reported_not_skipped(tmp_path, monkeypatch):
    """The walk's errors are collected (as root a folder cannot be made unlistable by its mode, so the
    operating system's refusal is modelled here; tests/test_faults.py does it for real without root)."""
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(STORY)
    (tmp_path / "closed").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list = []
    found = [p.name for p in readers.find_files([tmp_path], errors=errors)]
    assert found == ["a.txt"]
    assert [(Path(e.path).name, e.error) for e in errors] == [("closed", "folder not readable: Permission denied")]


# --- bounded time and memory per article ------------------------------------------------------------

class Recorder:
    """The real pipeline, recording what its tokenizer and ``pipe`` are handed."""

    def __init__(self, nlp):
        self.nlp, self.made, self.piped = nlp, [], []

    def make_doc(self, text):
        self.made.append(text)
        return self.nlp.make_doc(text)

    def pipe(self, docs):
        docs = list(docs)
        self.piped.append([len(d) for d in docs])
        return self.nlp.pipe(docs)

    def __getattr__(self, name):
        return getattr(self.nlp, name)


@pytest.mark.parametrize("char", ["&", "=", "*", "!"])
def test_the_tokenizer_never_sees_a_run_longer_than_the_bound(nlp, char):
    """40,000 of one mark took spaCy's tokenizer minutes (time grows with the square of a run's length);
    handed at most LONGEST_RUN characters at a time it is linear, and the Doc's text is the same."""
    text = f"Talks ended on Monday. {char * 40_000} The minister said the {char}{char} plan would go on."
    recorder = Recorder(nlp)
    doc = bounds.tokenize(recorder, text)
    assert doc.text == text
    longest = max(len(run) for piece in recorder.made for run in piece.split())
    assert longest <= bounds.LONGEST_RUN
    # Text without long runs is tokenized exactly as spaCy does.
    plain = "The minister said on Monday that the €2 billion plan (agreed in May) would go on."
    assert [t.text for t in bounds.tokenize(nlp, plain)] == [t.text for t in nlp.make_doc(plain)]


def test_html_of_200000_entities_reads_to_a_text_the_bounds_handle():
    html = "<html><body><article><p>Officials met on Monday.</p><p>" + "&amp;" * 200_000 + "</p></article></body>"
    with deadline(60):
        article = readers.read_html("page.html", html, "utf-8", [])
    assert isinstance(article, readers.RawArticle) and article.text.count("&") == 200_000
    assert len(article.text) < batch.DEFAULT_MAX_CHARS  # read in full: the tokenizer bound makes it linear


SENTENCES = [
    "The central bank raised its main rate to 4.5 percent on Thursday, Governor Elena Marsh said.",
    "\"We will do what it takes to bring inflation down,\" Marsh told reporters in Frankfurt.",
    "Exports fell by $2.3 billion in March, the statistics office said on Friday.",
]


def test_a_long_article_goes_through_the_model_in_pieces_with_offsets_into_the_whole_text(nlp, monkeypatch):
    """A small model of the 990,000-character article: with a budget of 300 tokens per pipe call, an
    article of some 3,000 tokens goes in pieces, and every fact still indexes the whole text."""
    monkeypatch.setattr(work, "NLP_BATCH_TOKENS", 300)
    text = "\n\n".join(" ".join(SENTENCES) for _ in range(40)) + "\n"
    recorder = Recorder(nlp)
    [(article_id, facts, error)] = batch.extract_batch([("long", text, {"published": "2026-03-20", "dateline": None,
                                                                        "title": None})], recorder)
    assert error is None and article_id == "long"
    assert len(recorder.piped) > 5 and max(max(sizes) for sizes in recorder.piped) <= 330
    for kind, records in facts.items():
        for fact in records:
            assert text[fact["start"]:fact["end"]] == fact["text"], (kind, fact)
            for field in ("speaker", "verb", "person"):
                if fact.get(f"{field}_start") is not None:
                    assert fact[f"{field}_end"] <= len(text)
    last_piece = text.rindex("Exports fell")
    assert any(a["start"] >= last_piece and a["value"] == 2.3e9 for a in facts["amounts"])
    assert any(q["start"] > len(text) // 2 and q["speaker"] for q in facts["quotes"])


def test_pieces_of_a_long_article_without_a_letter_or_digit_skip_the_model(nlp, monkeypatch):
    """A wall of marks in a long article holds no fact: its pieces are not run through the model, the
    facts around it still are, at their offsets in the whole text."""
    monkeypatch.setattr(work, "NLP_BATCH_TOKENS", 300)
    text = f"{SENTENCES[2]}\n\n{'&' * 3_000}\n\n{'= ' * 1_000}\n\n{SENTENCES[0]} {SENTENCES[2]}\n"
    recorder = Recorder(nlp)
    [(_, facts, error)] = batch.extract_batch([("wall", text, {"published": "2026-03-20", "dateline": None,
                                                               "title": None})], recorder)
    assert error is None
    assert sum(sum(sizes) for sizes in recorder.piped) < 1_000  # not the 4,000 marks
    assert [text[a["start"]:a["end"]] for a in facts["amounts"]] == ["$2.3 billion", "$2.3 billion"]
    assert facts["amounts"][1]["start"] == text.rindex("$2.3 billion")


def test_articles_over_the_character_budget_are_refused(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text("Officials met. " + "&" * 3_000)
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "x.db"), "--workers", "1",
                                      "--max-chars", "2000", "--no-progress"])
    assert result.exit_code == 1
    assert f"error: {path}: too long: 3,015 characters (limit 2,000; see --max-chars)" in result.output


# --- one ingest over all of it ----------------------------------------------------------------------

def build_hostile_folder(root: Path) -> dict[str, str | None]:
    """Files of every hostile kind; returns file name -> the reason it must fail (None: it is stored)."""
    root.mkdir()
    stories = [STORY, STORY.replace("union leaders", "farmers"), STORY.replace("Friday", "Monday")]
    cases: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, reason: str | None) -> None:
        path = root / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        cases[name] = reason

    put("a1.txt", stories[0], None)
    put("a2.txt", stories[1], None)
    put("a3.txt", stories[2], None)
    put("b1-copy-of-a1.txt", stories[0], None)  # the same text as a1, met in a later batch
    put("c-utf16.txt", stories[0].replace("BERLIN", "BONN").encode("utf-16-le"), None)
    put("d-controls.txt", bytes(range(1, 9)) * 400, "control characters")
    put("e-nul.txt", b"MOSCOW \x00\x00 report", "NUL byte")
    put("f-deep.json", "[" * 10_000 + "]" * 10_000, "nested too deeply")
    put("g-surrogate.jsonl", '{"text": "ROME \\ud800— Talks resumed on Monday, officials said."}\n', None)
    put("h-bigint.jsonl", '{"id": ' + "9" * 5_000 + ', "text": "MADRID — Prices rose in May, the institute said."}\n',
        None)
    put(RAW_NAME, "PARIS — The tariff report was published on Tuesday, the ministry said.\n", None)
    put("news\nflash\x1b[2J.txt", "", "empty file")
    put("run\x1bon.txt", "LISBON — Officials met on Wednesday. " + "=" * 3_000 + " The talks ended.\n", None)
    os.mkfifo(root / "x.txt")
    cases["x.txt"] = "named pipe"
    return cases


def test_one_ingest_over_every_hostile_file_never_aborts_or_hangs(tmp_path):
    cases = build_hostile_folder(tmp_path / "in")
    db_path = tmp_path / "news.db"
    with deadline(300):
        result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db_path), "--workers", "1",
                                          "--batch-size", "1", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(("error:", "warning:"))]
    failing = {name: reason for name, reason in cases.items() if reason}
    for name, reason in failing.items():
        mentions = [line for line in lines if readers.shown(name) in line]
        assert len(mentions) == 1 and reason in mentions[0], (name, lines)
    assert all(line.isprintable() for line in lines)  # names escaped: one line each, no colours
    assert any(line.startswith("warning:") and "g-surrogate.jsonl" in line for line in lines)

    with sqlite3.connect(db_path) as db:
        run = db.execute("SELECT status, articles, new, failed FROM runs").fetchone()
        sources = {row[0]: row[1] for row in db.execute("SELECT path, article_id FROM sources")}
        encodings = dict(db.execute("SELECT path, encoding FROM articles"))
        texts = [row[0] for row in db.execute("SELECT text FROM articles")]
    stored = [name for name, reason in cases.items() if reason is None]
    assert run == ("complete", len(stored), len(stored) - 1, len(failing))  # the copy is not extracted again
    assert {Path(p).name for p in sources} == {readers.shown(n) for n in stored}
    # The copy met in a later batch points at the text stored before, so `show` finds it.
    assert sources[str(tmp_path / "in" / "b1-copy-of-a1.txt")] == sources[str(tmp_path / "in" / "a1.txt")]
    assert encodings[str(tmp_path / "in" / "c-utf16.txt")] == "utf-16-le"
    assert not any("\x00" in t or "\ud800" in t for t in texts)
    shown = CliRunner().invoke(cli, ["show", str(tmp_path / "in" / "b1-copy-of-a1.txt"), "--db", str(db_path)])
    assert shown.exit_code == 0 and "Anna Weber" in shown.output
    table = CliRunner().invoke(cli, ["sql", "SELECT path FROM articles ORDER BY path", "--db", str(db_path)])
    assert "tarif\\xe9-report.txt" in table.output and "run\\x1bon.txt" in table.output
    assert "\x1b" not in table.output
