"""Reports built on an optimisation result: tables, the result workbook, the HTML report.

- :mod:`sistemkerja.laporan.tabel` — every result table computed once
  (:func:`hitung_tabel` → :class:`TabelHasil`);
- :mod:`sistemkerja.laporan.xlsx` — the result workbook and its print-ready documents
  (MPH, SKP drafts, ABK, budget recap, schedule);
- :mod:`sistemkerja.laporan.lembar` — plain table sheets (text stays text);
- :mod:`sistemkerja.laporan.baca` — reading a result workbook back (checked cell by cell);
- :mod:`sistemkerja.laporan.html` — the self-contained, printable HTML report.

Labels a planner reads come from :mod:`sistemkerja.label`. Plan workbooks themselves are
read and written by :mod:`sistemkerja.io`.
"""

from sistemkerja.laporan.baca import is_result_workbook, read_result_workbook
from sistemkerja.laporan.html import laporan_html, write_laporan_html
from sistemkerja.laporan.tabel import (
    TabelHasil,
    hitung_tabel,
    hitung_tabel_alokasi,
    penjelasan,
    rincian_teknis,
    ringkasan,
    tabel_hasil,
)
from sistemkerja.laporan.xlsx import write_documents, write_result_workbook

__all__ = [
    "TabelHasil",
    "hitung_tabel",
    "hitung_tabel_alokasi",
    "is_result_workbook",
    "laporan_html",
    "penjelasan",
    "read_result_workbook",
    "rincian_teknis",
    "ringkasan",
    "tabel_hasil",
    "write_documents",
    "write_laporan_html",
    "write_result_workbook",
]
