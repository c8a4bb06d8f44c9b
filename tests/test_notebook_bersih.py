"""Notebooks are stored clean: runnable by nbval, thin, and free of stale outputs.

nbval compares only cells marked ``# NBVAL_CHECK_OUTPUT`` *and* saved with an execution
count; a check cell saved without output would be compared with nothing. So those cells
keep their expected output, and every other cell is saved without output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
CHECK = "# NBVAL_CHECK_OUTPUT"


def _code_cells(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def test_first_notebook_exists():
    assert any(p.name == "00_mulai.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernelspec_is_python3(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_only_in_check_cells(path):
    for i, cell in enumerate(_code_cells(path)):
        if CHECK in _source(cell):
            assert cell["outputs"] and cell["execution_count"] is not None, (
                f"{path.name}, sel kode {i}: sel {CHECK} harus disimpan dengan keluaran "
                "yang diharapkan, kalau tidak nbval tidak membandingkan apa pun"
            )
        else:
            assert not cell["outputs"] and cell["execution_count"] is None, (
                f"{path.name}, sel kode {i}: simpan notebook tanpa keluaran"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_thin_and_path_free(path):
    for i, cell in enumerate(_code_cells(path)):
        src = _source(cell)
        assert not re.search(r"^\s*(class|def)\s", src, re.MULTILINE), (
            f"{path.name}, sel kode {i}: pindahkan class/def ke paket sistemkerja"
        )
        assert "../" not in src, (
            f"{path.name}, sel kode {i}: jangan memakai jalur relatif; pakai sistemkerja.contoh"
        )
