"""The README's Python examples run, in a scratch folder beside a copy of the corpus: docs that cannot rot."""

import doctest
import os
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_api_examples_run(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```pycon\n(.*?)```", section, re.S)
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "corpus" / "dev", tmp_path / "corpus" / "dev")
    shutil.copy(ROOT / "corpus" / ".newsfactsignore", tmp_path / "corpus")  # leaves the gold files out
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        globs: dict = {}
        for number, block in enumerate(blocks, 1):
            test = parser.get_doctest(block, globs, f"README Python API block {number}", "README.md", 0)
            runner.run(test, clear_globs=False)
            globs = test.globs
    finally:
        os.chdir(cwd)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} README example(s) failed (see the output above)"
    assert result.attempted >= 20
