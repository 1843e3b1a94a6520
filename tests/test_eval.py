"""The gold scorer, end to end: ingest the corpus's dev articles, score them against their gold."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfacts.batch import ingest
from newsfacts.cli import cli
from newsfacts.eval.__main__ import eval_command
from newsfacts.eval.gold import score

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
SEED_GOLD = DEV / "kazakh-kyrgyz-ties.gold.json"


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("eval") / "dev.db"
    result = ingest([DEV], db_path, workers=1)
    assert result.failed == 0 and result.new == len(list(DEV.glob("*.gold.json")))
    return db_path


def test_seed_meets_the_working_pipeline_bars(dev_db):
    """The bars of the first version: entities F1 ≥ 0.85 with people's canonical names, all amounts,
    dates F1 ≥ 0.8, the three quotes with their speaker, the title not a quote, metadata right."""
    report = score(dev_db, [SEED_GOLD])
    assert report.kinds["entities"].f1 >= 0.85
    assert report.checks["canonical PERSON"][0] == report.checks["canonical PERSON"][1]
    amounts = report.kinds["amounts"]
    assert amounts.tp == amounts.gold == 5
    assert report.kinds["dates"].f1 >= 0.8
    assert report.kinds["quotes"].tp == 3 and report.checks["quote speaker"] == [3, 3]
    assert report.checks["titles not taken for quotes"] == [1, 1]
    assert report.checks["published date"] == [1, 1] and report.checks["dateline"] == [1, 1]


def test_eval_command_scores_every_gold_file(dev_db):
    gold = sorted(str(p) for p in DEV.glob("*.gold.json"))
    result = CliRunner().invoke(eval_command, [str(dev_db), *gold, "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["missing"] == []
    assert scores["entities"]["gold"] == sum(len(json.loads(Path(g).read_text())["entities"]) for g in gold)
    for kind in ("entities", "amounts", "dates", "quotes"):
        assert 0 < scores[kind]["f1"] <= 1


def test_newsfacts_eval_is_the_same_command(dev_db):
    result = CliRunner().invoke(cli, ["eval", str(dev_db), str(SEED_GOLD)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("entities")
    assert "quote speaker: 3/3" in result.output


def test_a_gold_file_for_a_missing_article_counts_as_missed(dev_db, tmp_path):
    gold = json.loads(SEED_GOLD.read_text())
    gold["article"] = "not-ingested.txt"
    path = tmp_path / "not-ingested.gold.json"
    path.write_text(json.dumps(gold))
    report = score(dev_db, [path])
    assert report.missing == ["not-ingested.txt"]
    assert report.kinds["entities"].recall == 0
