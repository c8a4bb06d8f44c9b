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
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from sistemkerja import analisis, grafik
from sistemkerja.analisis import label_jabatan
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.kebijakan import BentukMPH
from sistemkerja.domain.pk import Indikator
from sistemkerja.domain.rencana import Rencana
from sistemkerja.io import write_text_atomic
from sistemkerja.label import kalimat_status, tabel_berlabel
from sistemkerja.laporan.tabel import TabelHasil, hitung_tabel
from sistemkerja.optimasi.hasil import Hasil

DPI = 90
"""Resolution of the embedded charts (dots per inch): sharp on screen and on A4."""

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid #9e9e9e; }
section { page-break-before: always; } section:first-of-type { page-break-before: auto; }
img { max-width: 100%; height: auto; display: block; margin: 0.6em 0; }
table { border-collapse: collapse; font-size: 0.8em; margin: 0.6em 0; }
th, td { border: 1px solid #bdbdbd; padding: 2px 6px; vertical-align: top; }
th { background: #ddebf7; text-align: left; } td.angka { text-align: right; }
pre { background: #f5f5f5; padding: 0.6em; white-space: pre-wrap; }
p.status { font-size: 1.1em; }
details { margin: 1em 0; color: #424242; } summary { cursor: pointer; font-weight: bold; }
@media print { details { display: none; } }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } }
@media print { table { font-size: 0.7em; } th, td { padding: 1px 3px; } }
th, td { overflow-wrap: break-word; }
div.mph table { table-layout: fixed; width: 100%; font-size: 0.7em; break-inside: auto; }
div.mph th, div.mph td { overflow-wrap: break-word; word-break: normal; hyphens: manual;
  padding: 1px 3px; }
div.mph thead { display: table-header-group; } div.mph tr { break-inside: avoid; }
div.mph th.sasaran { background: #bdd7ee; text-align: center; }
div.mph td.catatan { background: #fff2cc; }
div.mph ol.catatan { font-size: 0.7em; } div.mph p.catatan-judul { font-weight: bold; }
"""


def gambar(figure: Figure) -> str:
    """Return an ``<img>`` element holding ``figure`` as an embedded PNG."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    label = figure.axes[0].get_title(loc="left") if figure.axes else ""
    return f'<img alt="{html.escape(label)}" src="data:image/png;base64,{data}">'


def tabel(df: pd.DataFrame, nama: str | None = None, *, index: bool = False) -> str:
    """Return a result table as an escaped HTML table with Indonesian headers.

    Parameters
    ----------
    df : pandas.DataFrame
        A result table (code column names are replaced by :mod:`sistemkerja.label`).
    nama : str, optional
        The table's name, for headers whose unit depends on the table.
    index : bool
        Whether to write the index (the person columns of an MPH matrix).

    Returns
    -------
    str
        The ``<table>`` element; NaN shows empty, numbers the Indonesian way (two
        decimals; whole rupiah in the ``(Rp)`` columns).
    """
    berlabel = tabel_berlabel(df, nama)
    rupiah = {
        c: _rupiah
        for c in berlabel.columns
        if str(c).endswith("(Rp)") and pd.api.types.is_numeric_dtype(berlabel[c])
    }
    return berlabel.to_html(
        index=index, na_rep="", escape=True, border=0, float_format=_angka, formatters=rupiah
    )


def _rupiah(value: float) -> str:
    """Whole rupiah, thousands separated; empty when missing."""
    return "" if pd.isna(value) else format_angka(value, 0)


def _angka(value: float) -> str:
    return format_angka(value, 2)


def _nilai_teknis(value: object) -> str:
    """Return a value of the technical details as text (numbers the Indonesian way)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return format_angka(value, 0)
    if isinstance(value, float):
        return format_angka(value, 4 if abs(value) < 100 else 2)
    return str(value)


def _bagian(judul: str, isi: Iterable[str]) -> str:
    return f"<section><h2>{html.escape(judul)}</h2>\n" + "\n".join(isi) + "\n</section>"


def _rincian_teknis(t: TabelHasil) -> str:
    """Return the collapsed technical part: status code, weights, model size, solver."""
    rincian = t.rincian_teknis.assign(Nilai=t.rincian_teknis["Nilai"].map(_nilai_teknis))
    isi = [
        "<details>",
        "<summary>Rincian teknis</summary>",
        "<p>Untuk pemeriksa model optimasi: kode status, bobot tujuan, ukuran model, "
        "pesan solver dan waktu.</p>",
        tabel(rincian),
    ]
    if not t.penjelasan.empty:
        isi.append(tabel(t.penjelasan))
    isi.append("</details>")
    return "\n".join(isi)


def laporan_html(tabel_hasil: TabelHasil | Hasil) -> str:
    """Build the report of one plan and result as one HTML document.

    Parameters
    ----------
    tabel_hasil : TabelHasil or Hasil
        The run's tables (:func:`~sistemkerja.laporan.tabel.hitung_tabel`; nothing is
        recomputed), or a result whose tables are computed here.

    Returns
    -------
    str
        The document: summary in plain Indonesian (the optimiser's details collapsed
        under *Rincian teknis*), and with an allocation the workload, budget, MPH level
        1 and 2, schedule, teams and cascade sections; without one, the reasons the plan
        cannot be met.
    """
    t = tabel_hasil if isinstance(tabel_hasil, TabelHasil) else hitung_tabel(tabel_hasil)
    plan = t.plan
    unit = plan.unit.name if plan.unit is not None else plan.pk.unit
    title = f"Laporan perencanaan sistem kerja — {unit} {plan.pk.tahun}"
    parts = [
        _bagian(
            "Ringkasan",
            [
                f'<p class="status">Status: <b>{html.escape(kalimat_status(t.hasil))}</b></p>',
                tabel(t.ringkasan.iloc[1:]),  # the status is the sentence above
                _rincian_teknis(t),
            ],
        )
    ]
    if not t.penjelasan.empty:
        alasan = t.penjelasan[["penjelasan", "kekurangan", "satuan"]]
        parts.append(_bagian("Mengapa rencana tidak dapat dipenuhi", [tabel(alasan)]))
    if t.alokasi is not None:
        parts += _bagian_alokasi(t)
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def _perlu(df: pd.DataFrame | None) -> pd.DataFrame:
    if df is None:  # pragma: no cover - hitung_tabel fills every table with an allocation
        raise ValueError("tabel alokasi tidak ada")
    return df


def _bagian_alokasi(t: TabelHasil) -> list[str]:
    """Return the sections drawn from the allocation's tables."""
    beban = _perlu(t.beban_pegawai)
    jabatan = t.beban_jabatan
    parts = [
        _bagian(
            "Beban kerja",
            [
                *(gambar(f) for f in grafik.gambar_beban_pegawai(beban)),
                gambar(grafik.grafik_beban_jabatan(jabatan).figure),
                tabel(jabatan, "Beban Jabatan"),
                gambar(grafik.grafik_beban_bulanan(_perlu(t.beban_bulanan)).figure),
            ],
        )
    ]
    pagu = _perlu(t.anggaran_pagu)
    akun = t.belanja_akun
    parts.append(
        _bagian(
            "Anggaran terhadap pagu",
            [
                gambar(grafik.grafik_anggaran(pagu, akun, level="Unit").figure),
                gambar(grafik.grafik_anggaran(pagu, akun, level="RO").figure),
                tabel(pagu, "Anggaran Pagu"),
            ],
        )
    )
    parts += _bagian_mph(t)
    parts.append(
        _bagian(
            "Jadwal dan tim",
            [
                *(gambar(f) for f in grafik.gambar_jadwal(_perlu(t.jadwal))),
                gambar(grafik.grafik_komposisi_tim(_perlu(t.komposisi_tim)).figure),
            ],
        )
    )
    parts.append(_bagian("Pemeriksaan cascade", [tabel(_perlu(t.cascade), "Cascade")]))
    return parts


def _grup_target(plan: Rencana, kode: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Group target codes (in order) under their sasaran band text; tugas tambahan last."""
    targets = plan.targets()
    sasaran = {s.code: s.name for s in plan.sasaran}
    grup: list[tuple[str, list[str]]] = []
    for k in kode:
        t = targets[k]
        if isinstance(t, Indikator):
            teks = f"Sasaran {t.sasaran}: {sasaran.get(t.sasaran, t.sasaran)}"
        else:
            teks = "Tugas tambahan"
        if grup and grup[-1][0] == teks:
            grup[-1][1].append(k)
        else:
            grup.append((teks, [k]))
    return grup


def _e(value: object) -> str:
    """Escape text for HTML (quotes kept: the text shows as typed)."""
    return html.escape(str(value), quote=False)


def tabel_mph(
    plan: Rencana,
    matriks: pd.DataFrame,
    judul_kolom: dict[str, Sequence[str]],
    catatan: dict[tuple[str, str], list[str]] | None = None,
) -> str:
    """Return an MPH matrix as HTML tables that print whole on A4 landscape.

    One table per sasaran (its indicator columns under a sasaran header row; then one
    for the tugas tambahan), each repeating the person columns (No, NIP, Nama, Jabatan,
    Peran), so that no table is wider than the page; a cell without a role shows
    ``–``; a cell with a note gets the class ``catatan`` and a numbered mark, and the notes
    are listed after the tables.

    Parameters
    ----------
    plan : Rencana
        The plan (targets and sasaran).
    matriks : pandas.DataFrame
        :func:`~sistemkerja.analisis.mph_matriks` output (rows nip, nama, jabatan, peran;
        columns target codes).
    judul_kolom : dict of str to sequence of str
        Per target code the lines of its column header (code, wording, target).
    catatan : dict, optional
        Notes per (NIP, target code), listed under the tables.

    Returns
    -------
    str
        ``<div class="mph">`` holding the tables (and the notes).
    """
    catatan = catatan or {}
    nomor: list[str] = []
    bagian = []
    for teks, kode in _grup_target(plan, [str(c) for c in matriks.columns]):
        kepala = [
            "<thead><tr>",
            '<th class="no" rowspan="2">No</th><th class="nip" rowspan="2">NIP</th>',
            '<th class="orang" rowspan="2">Nama</th><th class="orang" rowspan="2">Jabatan</th>',
            '<th class="peran" rowspan="2">Peran</th>',
            f'<th class="sasaran" colspan="{len(kode)}">{_e(teks)}</th></tr><tr>',
            *("<th>" + "<br>".join(_e(b) for b in judul_kolom.get(k, [k])) + "</th>" for k in kode),
            "</tr></thead>",
        ]
        badan = ["<tbody>"]
        for n, ((nip, nama, jabatan, peran), sel) in enumerate(
            zip(matriks.index, matriks[kode].itertuples(index=False), strict=True), start=1
        ):
            isi = [
                f'<tr><td class="angka">{n}</td><td>{_e(nip)}</td><td>{_e(nama)}</td>'
                f"<td>{_e(jabatan)}</td><td>"
                + "<br>".join(_e(p) for p in str(peran).split("; "))
                + "</td>"
            ]
            for k, v in zip(kode, sel, strict=True):
                teks_catatan = catatan.get((str(nip), k)) if v != "–" else None
                if teks_catatan:
                    tanda = []
                    for c in teks_catatan:
                        nomor.append(f"{nama} — {k}: {c}")
                        tanda.append(str(len(nomor)))
                    isi.append(f'<td class="catatan">{_e(v)} <sup>{",".join(tanda)}</sup></td>')
                else:
                    isi.append(f"<td>{_e(v)}</td>")
            badan.append("".join(isi) + "</tr>")
        badan.append("</tbody>")
        lebar_sel = max(10.0, 100.0 - 58.0) / max(len(kode), 3)
        kolom = (
            '<colgroup><col style="width:3%"><col style="width:15%"><col style="width:14%">'
            '<col style="width:14%"><col style="width:12%">'
            + "".join(f'<col style="width:{lebar_sel:.1f}%">' for _ in kode)
            + "</colgroup>"
        )
        bagian.append("<table>" + kolom + "".join(kepala) + "\n".join(badan) + "</table>")
    if nomor:
        bagian.append(
            '<p class="catatan-judul">Catatan:</p><ol class="catatan">'
            + "".join(f"<li>{_e(c)}</li>" for c in nomor)
            + "</ol>"
        )
    return '<div class="mph">' + "\n".join(bagian) + "</div>"


def _catatan_mph(t: TabelHasil, df: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """Return the notes per (NIP, target code) of an MPH frame: ``catatan``, duplicate RHK."""
    catatan: dict[tuple[str, str], list[str]] = {}
    sel = set()
    for r in df.itertuples():
        if pd.isna(r.indikator):
            continue
        sel.add((str(r.nip), str(r.indikator)))
        if not pd.isna(r.catatan) and str(r.catatan):
            daftar = catatan.setdefault((str(r.nip), str(r.indikator)), [])
            if str(r.catatan) not in daftar:
                daftar.append(str(r.catatan))
    periksa = t.periksa_mph
    if periksa is not None and not periksa.empty:
        tim = {b.strip() for v in df["tim"].dropna() for b in str(v).split(",")}
        for r in periksa[periksa["jenis"] == "RHK ganda"].itertuples():
            kunci = (str(r.nip), str(r.indikator))
            if kunci in sel and str(r.tim) in tim:
                daftar = catatan.setdefault(kunci, [])
                if str(r.pesan) not in daftar:
                    daftar.append(str(r.pesan))
    return catatan


def _judul_target(plan: Rencana, kode: Iterable[str]) -> dict[str, Sequence[str]]:
    targets = plan.targets()
    return {k: (k, targets[k].name, f"Target: {targets[k].target}") for k in kode}


def _bagian_mph(t: TabelHasil) -> list[str]:
    """Return the MPH sections of the form the plan's policy chooses (``bentuk_mph``).

    ``BentukMPH.DUA_TINGKAT``: the first matrix (unit head, Ketua Tim, mandiri) and one
    matrix per team; ``BentukMPH.SATU_TINGKAT``: one matrix with every employee.
    """
    plan = t.plan
    if plan.kebijakan.bentuk_mph is BentukMPH.SATU_TINGKAT:
        satu = _perlu(t.mph_satu_tingkat)
        matriks = analisis.mph_matriks(satu, kosong="–")
        return [
            _bagian(
                "Matriks Peran-Hasil satu tingkat",
                [
                    '<p class="bentuk">Penyelarasan satu tingkat: pimpinan unit – pegawai. '
                    "Setiap pegawai unit satu baris; setiap sel satu hasil kerja "
                    "(–: tidak berperan).</p>",
                    tabel_mph(
                        plan,
                        matriks,
                        _judul_target(plan, map(str, matriks.columns)),
                        _catatan_mph(t, satu),
                    ),
                ],
            )
        ]
    level1 = _perlu(t.mph_level1)
    labels = grafik.label_indikator(level1)
    matriks = analisis.mph_matriks(level1, kosong="–")
    parts = [
        _bagian(
            "Matriks Peran-Hasil level 1",
            [
                '<p class="bentuk">Penyelarasan dua tingkat, matriks pertama: pimpinan unit – '
                "Ketua Tim dan pegawai mandiri. Setiap sel satu hasil kerja (–: tidak "
                "berperan).</p>",
                *(
                    gambar(f)
                    for f in grafik.gambar_mph(
                        grafik.matriks_jam(level1), judul="MPH level 1 (jam)", label_kolom=labels
                    )
                ),
                tabel_mph(
                    plan,
                    matriks,
                    _judul_target(plan, map(str, matriks.columns)),
                    _catatan_mph(t, level1),
                ),
            ],
        )
    ]
    level2 = _perlu(t.mph_level2)
    alokasi = t.alokasi
    pegawai = plan.pegawai_by_nip()
    urutan = {k: i for i, k in enumerate(plan.targets())}
    teams = [
        '<p class="bentuk">Penyelarasan dua tingkat, matriks per tim: Ketua Tim – anggota. '
        "Hasil kerja Ketua Tim menjadi kolom (dengan kode targetnya), anggota tim menjadi "
        "baris; setiap sel satu hasil kerja anggota (–: tidak berperan).</p>"
    ]
    for tim in plan.tim:
        one = level2[level2["tim"] == tim.code]
        if one.empty:
            continue
        ketua = [
            f"{pegawai[k.nip].name} ({label_jabatan(pegawai[k.nip])})"
            for k in (alokasi.keanggotaan if alokasi is not None else ())
            if k.tim == tim.code and k.ketua
        ]
        teams.append(
            f"<h3>{_e(tim.name)} ({_e(tim.code)}) — Ketua Tim: "
            f"{_e(', '.join(ketua) or 'tidak ada')}</h3>"
        )
        teams += [
            gambar(f)
            for f in grafik.gambar_mph(
                grafik.matriks_jam(one, kolom="indikator"), judul=f"MPH level 2 — {tim.code} (jam)"
            )
        ]
        matriks = analisis.mph_matriks(one, kolom="indikator", kosong="–")
        kode = sorted(map(str, matriks.columns), key=lambda k: urutan.get(k, len(urutan)))
        induk: dict[str, str] = {}
        for r in one.itertuples():
            if not pd.isna(r.hasil_ketua) and not pd.isna(r.indikator):
                induk.setdefault(str(r.indikator), str(r.hasil_ketua))
        judul = {k: (k, induk.get(k, plan.targets()[k].name)) for k in kode}
        teams.append(tabel_mph(plan, matriks[kode], judul, _catatan_mph(t, one)))
    parts.append(_bagian("Matriks Peran-Hasil level 2", teams))
    return parts


def write_laporan_html(hasil: TabelHasil | Hasil, path: str | os.PathLike[str]) -> Path:
    """Write :func:`laporan_html` to ``path`` atomically (temporary file, then move).

    Parameters
    ----------
    hasil : TabelHasil or Hasil
        The run's tables, or a result (see :func:`laporan_html`).
    path : str or os.PathLike
        Target ``.html``.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    target = Path(path)
    text = laporan_html(hasil)
    return write_text_atomic(text, target)
