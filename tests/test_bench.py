"""The bench runs end to end on a tiny folder and prints its table; --generate makes usable folders."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from newsfacts import bench, readers
from newsfacts.cli.bench import bench as bench_command

STORIES = [
    "Oil prices rise\n\nLONDON, March 8 (Reuters) - Brent crude rose to $82 a barrel on Tuesday after OPEC "
    "said it would keep output cuts in place, traders said.\n\nAnalysts expect prices to stay high until June.\n",
    "Court rules on merger\n\nWASHINGTON (AP) — A federal judge on Monday blocked the $13 billion merger of "
    "two grocery chains.\n\n“This is a win for consumers,” Attorney General Maria Lopez said.\n",
    "Rail link approved\n\nBERLIN — The German government approved a €2.5 billion rail link to Poland on "
    "Friday.\n\nConstruction will start next year and take five years, the transport ministry said.\n",
]


def write_stories(folder: Path) -> Path:
    folder.mkdir()
    for i, story in enumerate(STORIES):
        (folder / f"story{i}.txt").write_text(story, encoding="utf-8")
    return folder


def test_bench_prints_rates_memory_rerun_and_steps(tmp_path):
    folder = write_stories(tmp_path / "articles")
    json_out = tmp_path / "bench.json"
    result = CliRunner().invoke(bench_command, [str(folder), "--workers", "1", "--json", str(json_out)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "3 distinct articles" in out
    header = next(line for line in out.splitlines() if "bare spaCy w/s" in line)
    assert all(col in header for col in ("ingest w/s", "ratio", "re-run s", "peak MB main", "peak MB worker"))
    row = out.splitlines()[out.splitlines().index(header) + 1].split()
    assert row[0] == "1" and float(row[3]) > 0  # workers, ..., ratio
    for step in ("read files", "tokenizer", "tok2vec", "ner", "entities", "money", "dates", "quotes",
                 "sqlite writes", "total"):
        assert re.search(rf"^{re.escape(step)}\s+\d+\.\d\d\s", out, re.M), step
    numbers = json.loads(json_out.read_text())
    run = numbers["runs"][0]
    assert run["ingest"]["articles"] == 3 and run["ingest"]["failed"] == 0
    assert run["bare"]["articles"] == 3 and run["bare"]["words"] == numbers["words"]
    assert run["rerun_seconds"] > 0 and run["ingest"]["main_mb"] > 50


def test_repeat_runs_each_side_in_turn_from_an_empty_database(tmp_path):
    folder = write_stories(tmp_path / "articles")
    json_out = tmp_path / "bench.json"
    result = CliRunner().invoke(bench_command, [str(folder), "-w", "1", "--repeat", "2", "--no-breakdown",
                                                      "--no-rerun", "--json", str(json_out)])
    assert result.exit_code == 0, result.output
    run = json.loads(json_out.read_text())["runs"][0]
    assert len(run["bare_seconds"]) == 2 and len(run["ingest_seconds"]) == 2
    assert run["ingest"]["seconds"] in run["ingest_seconds"] and run["bare"]["seconds"] in run["bare_seconds"]
    assert run["ingest"]["articles"] == 3  # the median run extracted everything: no database left over
    line = next(line for line in result.output.splitlines() if line.startswith("runs, 1 worker(s)"))
    assert len(re.findall(r"\d+\.\d", line)) == 4
    assert len(run["bare_cpu_seconds"]) == 2 and all(s > 0 for s in run["ingest_cpu_seconds"])
    assert re.search(r"^CPU time, 1 worker\(s\).*ratio by CPU time \d+\.\d\d$", result.output, re.M)


def test_limit_takes_the_first_articles(tmp_path):
    folder = write_stories(tmp_path / "articles")
    files = bench.select_files([folder], limit=2)
    assert [f.name for f in files] == ["story0.txt", "story1.txt"]


def test_generate_writes_distinct_articles_made_of_real_paragraphs(tmp_path):
    source = write_stories(tmp_path / "source")
    out = tmp_path / "generated"
    result = CliRunner().invoke(bench_command, [str(source), "--generate", "25", str(out)])
    assert result.exit_code == 0, result.output
    articles = list(bench.read_articles(readers.find_files([out])))
    assert len(articles) == 25 and len({a.id for a in articles}) == 25
    paragraphs = {p for story in STORIES for p in bench._paragraphs(story)}
    for article in articles:
        assert article.title in {s.split("\n")[0] for s in STORIES}
        assert set(bench._paragraphs(article.text)) <= paragraphs
