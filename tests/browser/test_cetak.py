"""The HTML report printed on A4 landscape in Debian's Chromium: nothing wider than a page.

Chromium clips a table wider than the page at the margin when printing, so the cut never
shows as ink at the paper edge; these tests lay the report of the sample unit (its stored
allocation, ``tests/alokasi_tetap.py``) out in print media at the printable width of an
A4 landscape page and measure every element (``tools/cetak.py``'s measure). They also
check that the MPH matrices wrap whole words: with word breaking switched off no MPH cell
overflows its column.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import pytest
from alokasi_tetap import load as load_alokasi

from sistemkerja import contoh
from sistemkerja.domain.kebijakan import BentukMPH
from sistemkerja.laporan.html import write_laporan_html
from sistemkerja.laporan.tabel import hitung_tabel_alokasi

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_CETAK = Path(__file__).resolve().parents[2] / "tools" / "cetak.py"


def _cetak():
    """Return ``tools/cetak.py`` as a module (loaded once)."""
    if "sistemkerja_tools_cetak" in sys.modules:
        return sys.modules["sistemkerja_tools_cetak"]
    spec = importlib.util.spec_from_file_location("sistemkerja_tools_cetak", _CETAK)
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # its dataclasses look their module up
    spec.loader.exec_module(modul)
    return modul


#: Overflow of MPH cells when words may not be broken (JavaScript; CSS pixels).
_KATA_UTUH_JS = """() => {
  const gaya = document.createElement('style');
  gaya.textContent = 'div.mph th, div.mph td { overflow-wrap: normal !important;'
    + ' word-break: normal !important; }';
  document.head.appendChild(gaya);
  const hasil = [];
  for (const el of document.querySelectorAll('div.mph td, div.mph th')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      hasil.push([el.scrollWidth - el.clientWidth, el.innerText.slice(0, 60)]);
    }
  }
  gaya.remove();
  return hasil;
}"""


@pytest.fixture(scope="module", params=list(BentukMPH), ids=lambda b: b.name.lower())
def laporan(request, tmp_path_factory) -> Path:
    plan = contoh.load("unit")
    kebijakan = dataclasses.replace(plan.kebijakan, bentuk_mph=request.param)
    plan = dataclasses.replace(plan, kebijakan=kebijakan)
    path = tmp_path_factory.mktemp("cetak") / "laporan.html"
    write_laporan_html(hitung_tabel_alokasi(plan, load_alokasi()), path)
    return path


def test_no_element_is_wider_than_an_a4_landscape_page(page, laporan, foto):
    cetak = _cetak()
    page.goto(laporan.resolve().as_uri())
    lebar = cetak.terlalu_lebar(page)
    foto("cetak")
    assert page.evaluate("() => matchMedia('print').matches")
    assert page.viewport_size["width"] == cetak.LEBAR_CETAK_PX == 1032
    assert lebar == []
    # the matrices are there to be measured: one table per sasaran and the tugas tambahan
    n_tabel = page.locator("div.mph table").count()
    assert n_tabel >= len(contoh.load("unit").sasaran) + 1


def test_mph_cells_wrap_whole_words(page, laporan):
    cetak = _cetak()
    page.goto(laporan.resolve().as_uri())
    cetak.terlalu_lebar(page)  # print media at the A4 width
    assert page.locator("div.mph td").count() > 100
    assert page.evaluate(_KATA_UTUH_JS) == []
