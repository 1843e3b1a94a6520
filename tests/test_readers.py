"""Reading files: encodings, formats and every kind of bad input, each a clear failure."""

import json
import os
from pathlib import Path

import pytest

from newsfacts import readers

STORY = "LONDON, March 8 (Reuters) - Prices of wheat rose on Tuesday, traders said.\n"
CYRILLIC = "Курс тенге укрепился на прошлой неделе, сообщил Национальный банк Казахстана.\n"
LATIN = "Le président a déclaré que l'économie française était très solide et que les élèves étaient prêts.\n"


def read_one(path: Path, **kwargs):
    items = list(readers.read_path(path, **kwargs))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("data, encoding, text", [
    (STORY.encode("utf-8"), "utf-8", STORY),
    (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig", STORY),
    (STORY.encode("utf-16"), "utf-16", STORY),
    (CYRILLIC.encode("cp1251"), "cp1251", CYRILLIC),
    (LATIN.encode("latin-1"), None, LATIN),
])
def test_encodings_are_detected_and_recorded(tmp_path, data, encoding, text):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert isinstance(article, readers.RawArticle)
    assert article.text == text
    if encoding:
        assert article.encoding == encoding
    else:  # latin-1 and cp1252 agree on these letters; either name is right
        assert article.encoding in {"latin_1", "cp1252", "iso8859_15", "cp1250", "iso8859_1"}


def test_utf8_with_a_few_invalid_bytes_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "bad-bytes.txt"
    path.write_bytes("Café owners said “prices” rose.\n".encode() + b"\x96 more text\n")
    article = read_one(path)
    assert isinstance(article, readers.RawArticle)
    assert "\ufffd" in article.text and "Café" in article.text
    assert article.warnings and "invalid UTF-8" in article.warnings[0]


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + os.urandom(300), "binary"),
    ("header-only.txt", b"date 2026-02-16\n", "no article text"),
])
def test_bad_files_fail_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, readers.ReadFailure)
    assert failure.path == str(path)
    assert reason in failure.error


def test_too_large_file_fails_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100)
    failure = read_one(path, max_bytes=1000)
    assert isinstance(failure, readers.ReadFailure) and "too large" in failure.error


def test_unreadable_file(tmp_path):
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "nowhere.txt")
    failure = read_one(path)
    assert isinstance(failure, readers.ReadFailure) and "unreadable" in failure.error


def test_json_lines_records_and_their_failures(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "Wheat up", "published": "2024-03-08T10:00:00Z", "text": STORY}),
        "[1, 2, 3]",
        json.dumps({"id": "a3", "title": "No text"}),
        "{not json",
        json.dumps({"text": "  Second story: the minister said the plan would cost $2 billion.  "}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(readers.read_path(path))
    good = [i for i in items if isinstance(i, readers.RawArticle)]
    bad = [i for i in items if isinstance(i, readers.ReadFailure)]
    assert [a.key for a in good] == [f"{path}#a1", f"{path}:5"]
    assert good[0].text == STORY and good[0].title == "Wheat up" and good[0].published == "2024-03-08"
    assert good[1].text.startswith("  Second story")  # the record's text exactly: offsets line up
    assert [b.error.split(":")[0] for b in bad] == ["line 2", "line 3", "line 4"]
    assert "not a JSON object" in bad[0].error and "'text'" in bad[1].error and "invalid JSON" in bad[2].error


def test_json_array_file(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"id": 1, "text": STORY}, {"id": 2, "text": STORY + "More."}]))
    assert [a.key for a in readers.read_path(path)] == [f"{path}#1", f"{path}#2"]


def test_text_header_headline_dateline_and_published(tmp_path):
    path = tmp_path / "AP_20130322_story.txt"
    path.write_text("Wheat prices climb\n\nLONDON, March 8 (Reuters) - Prices of wheat rose, traders said.\n")
    article = read_one(path)
    assert article.title == "Wheat prices climb"
    assert article.dateline == "London" and article.agency == "Reuters" and article.country == "GB"
    assert article.text[article.dateline_start:article.dateline_end].lower() == "london"
    assert article.published == "2013-03-22" and article.published_from == "filename"
    assert article.author is None


@pytest.mark.parametrize("fields,author", [
    ({"author": "Ann Cho"}, "Ann Cho"),
    ({"authors": ["Ann Cho", "Tom Lee"]}, "Ann Cho; Tom Lee"),
    ({"authors": [{"name": "Ann Cho"}, {"name": "Tom Lee"}]}, "Ann Cho; Tom Lee"),
    ({"byline": "Ann Cho, Reuters"}, "Ann Cho, Reuters"),
    ({}, "Richard Walker"),  # none in the record: the text's byline line
])
def test_the_writers_of_an_article(tmp_path, fields, author):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "Mill closes\nBy Richard Walker\nThe mill shut.", **fields}) + "\n")
    assert read_one(path).author == author
    text = tmp_path / "story.txt"
    text.write_text(f"author: {author}\n\nThe mill shut on Friday.\n")
    assert read_one(text).author == author


def test_seed_style_inline_header(tmp_path):
    path = tmp_path / "seed.txt"
    raw = " date 2026-02-16 ALMATY – Officials met on Feb. 13, the ministry said.\n"
    path.write_text(raw)
    article = read_one(path)
    assert article.published == "2026-02-16" and article.published_from == "header"
    assert article.text.startswith("ALMATY") and raw.endswith(article.text)
    assert article.dateline == "Almaty"


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Grain exports rise | Example News</title>"
        '<meta name="author" content="Dana Whitfield">'
        '<meta property="article:published_time" content="2024-03-08T09:00:00Z"></head><body>'
        "<nav>Home | World | Business</nav><article><h1>Grain exports rise</h1>"
        "<p>NUR-SULTAN, Kazakhstan — Grain exports rose by a fifth last year, the agriculture ministry said "
        "on Friday, as farmers found new buyers in China and Iran.</p>"
        "<p>The ministry expects another strong harvest this year if the weather holds.</p>"
        "</article><footer>Copyright</footer></body></html>")
    article = read_one(path)
    assert isinstance(article, readers.RawArticle)
    assert "Grain exports rose by a fifth" in article.text and "Copyright" not in article.text
    assert article.published == "2024-03-08"
    assert article.dateline == "Nur-Sultan"
    assert article.author == "Dana Whitfield"


def test_find_files_walks_recursively_and_filters(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.txt", "a/b/y.html", "a/b/z.jsonl", "a/notes.md", "a/.hidden.txt"):
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in readers.find_files([tmp_path])]
    assert found == ["a/x.txt", "a/b/y.html", "a/b/z.jsonl"]
    assert [p.name for p in readers.find_files([tmp_path], "*.md")] == ["notes.md"]


def test_ignore_file_and_exclude_leave_files_out(tmp_path):
    (tmp_path / "gold").mkdir()
    for name in ("a.txt", "a.gold.json", "b.jsonl", "gold/a.json", "draft.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".newsfactsignore").write_text("# annotations, not articles\n*.gold.json\ngold/\n")
    found = [p.relative_to(tmp_path).as_posix() for p in readers.find_files([tmp_path], exclude=["draft*"])]
    assert found == ["a.txt", "b.jsonl"]
    # The ignore file of a folder above the one walked applies too.
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "y.gold.json").write_text("{}")
    (tmp_path / "sub" / "y.txt").write_text("x")
    assert [p.name for p in readers.find_files([tmp_path / "sub"])] == ["y.txt"]


def test_ascii_text_with_one_latin1_byte_reads_as_windows_1252(tmp_path):
    """The BBC corpus case: one b'\\xa3' (a pound sign) in otherwise ASCII text."""
    path = tmp_path / "199.txt"
    path.write_bytes(b"Chelsea paid a possible transfer fee for Mutu, a \xa315.8m signing, the club said.\n" * 3)
    article = read_one(path)
    assert article.encoding == "cp1252" and "a £15.8m signing" in article.text
    assert article.warnings and "windows-1252" in article.warnings[0]


def test_the_bundled_corpus_is_read_as_its_articles_only():
    """corpus/.newsfactsignore keeps the gold files and the phrase sets out of `newsfacts ingest corpus/`."""
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    found = list(readers.find_files([corpus]))
    assert found and all(f.parent.name in ("dev", "test") and not f.name.endswith(".gold.json") for f in found)
    gold = {f.name.removesuffix(".gold.json") for f in corpus.glob("*/*.gold.json")}
    assert {f.stem for f in found} == gold  # every article has its gold file, and nothing else is read
