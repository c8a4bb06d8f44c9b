"""One self-contained, printable HTML report of a plan and its optimisation result.

Every chart of :mod:`sistemkerja.grafik` is embedded as a PNG data URI and every table is
written by pandas with HTML escaping, so the file opens anywhere, offline, and prints on
A4 (each section starts on a new page). Text from the plan is always escaped: a name
like ``<script>`` or ``=HYPERLINK(…)`` shows as the text it is.
"""

from __future__ import annotations

import base64
import html
import io
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from sistemkerja import analisis, grafik
from sistemkerja.domain.angka import format_angka
from sistemkerja.laporan import penjelasan, ringkasan
from sistemkerja.optimasi.hasil import STATUS_LABEL, Hasil

DPI = 90
"""Resolution of the embedded charts (dots per inch): sharp on screen and on A4."""

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid #9e9e9e; }
section { page-break-before: always; } section:first-of-type { page-break-before: auto; }
img { max-width: 100%; height: auto; display: block; margin: 0.6em 0; }
table { border-collapse: collapse; font-size: 0.8em; margin: 0.6em 0; }
th, td { border: 1px solid #bdbdbd; padding: 2px 6px; vertical-align: top; }
th { background: #ddebf7; } td.angka { text-align: right; }
pre { background: #f5f5f5; padding: 0.6em; white-space: pre-wrap; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } }
"""


def gambar(figure: Figure) -> str:
    """Return an ``<img>`` element holding ``figure`` as an embedded PNG."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    label = figure.axes[0].get_title(loc="left") if figure.axes else ""
    return f'<img alt="{html.escape(label)}" src="data:image/png;base64,{data}">'


def tabel(df: pd.DataFrame, *, index: bool = False) -> str:
    """Return a DataFrame as an escaped HTML table (NaN shown empty)."""
    return df.to_html(index=index, na_rep="", escape=True, border=0, float_format=_angka)


def _angka(value: float) -> str:
    return format_angka(value, 2)


def _bagian(judul: str, isi: Iterable[str]) -> str:
    return f"<section><h2>{html.escape(judul)}</h2>\n" + "\n".join(isi) + "\n</section>"


def laporan_html(hasil: Hasil) -> str:
    """Build the report of one plan and result as one HTML document.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result (its plan is :attr:`Hasil.plan`).

    Returns
    -------
    str
        The document: summary, and with an allocation the workload, budget, MPH level 1
        and 2, schedule, teams and cascade sections; without one, the reasons the plan
        cannot be met.
    """
    plan = hasil.plan
    unit = plan.unit.name if plan.unit is not None else plan.pk.unit
    title = f"Laporan perencanaan sistem kerja — {unit} {plan.pk.tahun}"
    parts = [
        _bagian(
            "Ringkasan",
            [
                f"<p>Status: <b>{html.escape(STATUS_LABEL[hasil.status])}</b></p>",
                f"<pre>{html.escape(hasil.describe())}</pre>",
                tabel(ringkasan(hasil)),
            ],
        )
    ]
    if hasil.penjelasan:
        parts.append(_bagian("Mengapa rencana tidak dapat dipenuhi", [tabel(penjelasan(hasil))]))
    alokasi = hasil.alokasi
    if alokasi is not None:
        beban = analisis.beban_pegawai(plan, alokasi)
        jabatan = analisis.beban_jabatan(plan, alokasi)
        parts.append(
            _bagian(
                "Beban kerja",
                [
                    *(gambar(f) for f in grafik.gambar_beban_pegawai(beban)),
                    gambar(grafik.grafik_beban_jabatan(jabatan).figure),
                    tabel(jabatan),
                    gambar(
                        grafik.grafik_beban_bulanan(analisis.beban_bulanan(plan, alokasi)).figure
                    ),
                ],
            )
        )
        pagu = analisis.anggaran_pagu(plan, alokasi)
        akun = analisis.belanja_akun(plan)
        parts.append(
            _bagian(
                "Anggaran terhadap pagu",
                [
                    gambar(grafik.grafik_anggaran(pagu, akun, level="Unit").figure),
                    gambar(grafik.grafik_anggaran(pagu, akun, level="RO").figure),
                    tabel(pagu),
                ],
            )
        )
        level1 = analisis.mph_level1(plan, alokasi)
        labels = grafik.label_indikator(level1)
        parts.append(
            _bagian(
                "Matriks Peran-Hasil level 1",
                [
                    *(
                        gambar(f)
                        for f in grafik.gambar_mph(
                            grafik.matriks_jam(level1),
                            judul="MPH level 1 (jam)",
                            label_kolom=labels,
                        )
                    ),
                    tabel(analisis.mph_matriks(level1), index=True),
                ],
            )
        )
        level2 = analisis.mph_level2(plan, alokasi)
        teams = []
        for t in plan.tim:
            one = level2[level2["tim"] == t.code]
            if one.empty:
                continue
            teams.append(f"<h3>{html.escape(t.name)} ({html.escape(t.code)})</h3>")
            teams += [
                gambar(f)
                for f in grafik.gambar_mph(
                    grafik.matriks_jam(one, kolom="kegiatan"), judul=f"MPH level 2 — {t.code} (jam)"
                )
            ]
            teams.append(tabel(analisis.mph_matriks(one, kolom="hasil_ketua"), index=True))
        parts.append(_bagian("Matriks Peran-Hasil level 2", teams))
        parts.append(
            _bagian(
                "Jadwal dan tim",
                [
                    *(
                        gambar(f)
                        for f in grafik.gambar_jadwal(analisis.jadwal_kegiatan(plan, alokasi))
                    ),
                    gambar(
                        grafik.grafik_komposisi_tim(analisis.komposisi_tim(plan, alokasi)).figure
                    ),
                ],
            )
        )
        parts.append(_bagian("Pemeriksaan cascade", [tabel(analisis.cascade(plan, alokasi))]))
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def write_laporan_html(hasil: Hasil, path: str | os.PathLike[str]) -> Path:
    """Write :func:`laporan_html` to ``path`` atomically (temporary file, then move).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    target = Path(path)
    text = laporan_html(hasil)
    tmp = target.with_name(f".~{target.name}.{uuid.uuid4().hex[:8]}.html")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
