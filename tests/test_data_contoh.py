"""The committed sample workbooks in ``data/contoh/`` equal the packaged sample plans."""

from pathlib import Path

import pytest

from sistemkerja import contoh
from sistemkerja.io import read_plan_problems

DATA = Path(__file__).resolve().parent.parent / "data" / "contoh"


@pytest.mark.parametrize("name", contoh.names())
def test_committed_workbook_matches_code(name: str) -> None:
    plan, problems = read_plan_problems(DATA / contoh.FILE_NAMES[name])
    assert problems == [], "\n".join(map(str, problems))
    assert plan == contoh.load(name), "run `make contoh` to refresh data/contoh/"
