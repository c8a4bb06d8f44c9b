"""The comparison of a sweep: one row per scenario, its workbook and its chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from sistemkerja.domain.rencana import Rencana
from sistemkerja.sapuan.kerja import HasilSkenario

__all__ = [
    "JUDUL_BANDING",
    "LABEL_STATUS_SAPUAN",
    "banding_sapuan",
    "banding_tampil",
    "perubahan_keanggotaan",
    "tulis_banding",
    "tulis_grafik_banding",
]

JUDUL_BANDING: dict[str, str] = {
    "skenario": "Skenario",
    "status": "Status",
    "keterangan": "Keterangan",
    "objective": "Nilai tujuan",
    "gap": "Celah",
    "ej_maks": "EJ tertinggi",
    "sebaran_ej": "Sebaran EJ",
    "biaya": "Biaya personel dan pelibatan (Rp)",
    "lintas": "Pegawai lintas unit/instansi (orang)",
    "target_bermasalah": "Target belum teralokasi penuh",
    "daftar_target": "Target itu",
    "keanggotaan_berubah": "Keanggotaan berubah dari rencana dasar",
    "ketua_berubah": "Ketua Tim berubah dari rencana dasar",
    "detik": "Waktu (detik)",
    "folder": "Folder hasil",
}
"""Columns of :func:`banding_sapuan` → Indonesian headers of the comparison workbook."""


LABEL_STATUS_SAPUAN: dict[str, str] = {
    "ditolak": "tidak dioptimalkan: perubahan ditolak atau rencana bergalat",
    "galat": "gagal dijalankan",
}
"""Labels of the two statuses only a sweep has (the optimiser's are in ``STATUS_LABEL``)."""


def banding_tampil(banding: pd.DataFrame, kolom: list[str] | None = None) -> pd.DataFrame:
    """Return the comparison as a reader sees it: Indonesian headers and numbers as text.

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`banding_sapuan` output.
    kolom : list of str, optional
        Columns to show, in order [every column but ``keterangan``, ``folder`` and
        ``daftar_target``].

    Returns
    -------
    pandas.DataFrame
        Text cells: gap "0,5 %", EJ "0,98", rupiah "Rp 57.540.000", counts "4"; empty
        where a scenario has no allocation. The status is its plain-Indonesian label.
    """
    from sistemkerja.domain.angka import format_angka
    from sistemkerja.optimasi.status import STATUS_LABEL

    chosen = kolom or [
        c for c in JUDUL_BANDING if c not in ("keterangan", "folder", "daftar_target")
    ]

    def cell(name: str, value: object) -> str:
        if name == "status":
            return {**STATUS_LABEL, **LABEL_STATUS_SAPUAN}.get(str(value), str(value))
        if value is None or (isinstance(value, float) and value != value):
            return ""
        if isinstance(value, bool):
            return "ya" if value else "tidak"
        if name == "gap":
            return f"{format_angka(float(value) * 100, 1)} %"
        if name == "biaya":
            return f"Rp {format_angka(round(float(value)), 0)}"
        if name in ("ej_maks", "sebaran_ej", "objective"):
            return format_angka(float(value), 3 if name != "ej_maks" else 2)
        if name == "detik":
            return format_angka(float(value), 1)
        if isinstance(value, int | float):
            return format_angka(float(value), 0)
        return str(value)

    out = pd.DataFrame({JUDUL_BANDING[c]: [cell(c, v) for v in banding[c]] for c in chosen})
    return out


def perubahan_keanggotaan(
    hasil: HasilSkenario, dasar: HasilSkenario
) -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[str]]:
    """Return how a scenario's teams differ from the base plan's.

    Parameters
    ----------
    hasil, dasar : HasilSkenario
        The scenario and the base plan, both with an allocation.

    Returns
    -------
    (set of (str, str), set of (str, str), set of str)
        Memberships (NIP, team) only in the scenario, those only in the base, and the
        teams whose Ketua Tim differs.
    """
    mine = {(n, t) for n, t, _ in hasil.keanggotaan}
    base = {(n, t) for n, t, _ in dasar.keanggotaan}
    ketua = {(t, n) for n, t, k in hasil.keanggotaan if k}
    ketua_base = {(t, n) for n, t, k in dasar.keanggotaan if k}
    return mine - base, base - mine, {t for t, _ in ketua ^ ketua_base}


def banding_sapuan(
    daftar: Sequence[HasilSkenario],
    dasar: HasilSkenario | None,
    *,
    folder: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Compare a sweep's scenarios: status, gap, workload, cost, targets, changes.

    Parameters
    ----------
    daftar : sequence of HasilSkenario
        The results, in sweep order (the base plan usually first).
    dasar : HasilSkenario, optional
        The base plan's result; memberships are compared with it when both have an
        allocation.
    folder : sequence of str, optional
        Each result's folder (relative to the output folder).

    Returns
    -------
    pandas.DataFrame
        One row per result, the columns of :data:`JUDUL_BANDING`: ``gap`` a fraction,
        ``ej_maks``/``sebaran_ej`` in EJ, ``biaya`` in rupiah, ``lintas`` in orang,
        ``target_bermasalah`` a count and ``daftar_target`` the codes with their
        cascade status, ``keanggotaan_berubah`` the (person, team) memberships added
        or removed against ``dasar`` and ``ketua_berubah`` the teams with another
        Ketua Tim (NaN without an allocation on either side), ``detik`` the seconds
        on the worker.
    """
    rows = []
    base_ok = dasar is not None and dasar.ok
    for i, h in enumerate(daftar):
        changed: float = float("nan")
        ketua: float = float("nan")
        if base_ok and h.ok and dasar is not None:
            masuk, keluar, tim = perubahan_keanggotaan(h, dasar)
            changed, ketua = len(masuk) + len(keluar), len(tim)
        rows.append(
            {
                "skenario": h.nama,
                "status": h.status,
                "keterangan": h.keterangan,
                "objective": h.objective,
                "gap": h.gap,
                "ej_maks": h.ej_maks,
                "sebaran_ej": h.sebaran_ej,
                "biaya": h.biaya,
                "lintas": h.lintas,
                "target_bermasalah": len(h.target_bermasalah) if h.ok else None,
                "daftar_target": "; ".join(f"{k} ({s})" for k, s in h.target_bermasalah),
                "keanggotaan_berubah": changed,
                "ketua_berubah": ketua,
                "detik": h.detik,
                "folder": folder[i] if folder is not None else "",
            }
        )
    frame = pd.DataFrame(rows, columns=list(JUDUL_BANDING))
    for column in ("objective", "gap", "ej_maks", "sebaran_ej", "biaya", "lintas"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def _rincian_perubahan(
    daftar: Sequence[HasilSkenario], dasar: HasilSkenario | None, plan: Rencana
) -> pd.DataFrame:
    names = {p.nip: p.name for p in plan.pegawai}
    rows = []
    if dasar is not None and dasar.ok:
        for h in daftar:
            if not h.ok or h is dasar:
                continue
            masuk, keluar, _ = perubahan_keanggotaan(h, dasar)
            for arah, pairs in (("masuk", masuk), ("keluar", keluar)):
                for nip, tim in sorted(pairs):
                    rows.append((h.nama, tim, nip, names.get(nip, ""), arah))
    return pd.DataFrame(rows, columns=["Skenario", "Tim", "NIP", "Nama", "Perubahan"])


def _masalah(daftar: Sequence[HasilSkenario]) -> pd.DataFrame:
    rows = []
    for h in daftar:
        for kode, status in h.target_bermasalah:
            rows.append((h.nama, "target", f"{kode}: {status}"))
        if not h.ok:
            for text in h.masalah:
                rows.append((h.nama, h.status, text.strip().splitlines()[-1] if text else ""))
    return pd.DataFrame(rows, columns=["Skenario", "Jenis", "Uraian"])


def tulis_banding(
    banding: pd.DataFrame,
    path: Path,
    *,
    daftar: Sequence[HasilSkenario] = (),
    dasar: HasilSkenario | None = None,
    plan: Rencana | None = None,
) -> str:
    """Write the comparison workbook (atomically).

    Sheets: ``Perbandingan`` (one row per scenario, Indonesian headers), ``Perubahan tim``
    (each membership added or removed against the base plan, with the person's name)
    and ``Masalah`` (targets not fully allocated, why a scenario was not solved).

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`banding_sapuan` output.
    path : Path
        Target ``.xlsx``.
    daftar : sequence of HasilSkenario
        The results, for the detail sheets.
    dasar : HasilSkenario, optional
        The base plan's result.
    plan : Rencana, optional
        The base plan, for the names of the people.

    Returns
    -------
    str
        sha256 fingerprint of the file.
    """
    from sistemkerja.io._tulis import new_workbook, save_atomic
    from sistemkerja.laporan.lembar import add_tables

    wb = new_workbook()
    sheets: dict[str, pd.DataFrame] = {"Perbandingan": banding.rename(columns=JUDUL_BANDING)}
    if plan is not None:
        sheets["Perubahan tim"] = _rincian_perubahan(daftar, dasar, plan)
    sheets["Masalah"] = _masalah(daftar)
    add_tables(wb, sheets)
    ws = wb["Perbandingan"]
    for col, name in enumerate(banding.columns, start=1):
        fmt = {"gap": "0.00%", "ej_maks": "0.000", "sebaran_ej": "0.000", "detik": "0.0"}.get(name)
        if fmt:
            for row in range(2, ws.max_row + 1):
                ws.cell(row, col).number_format = fmt
    return save_atomic(wb, path)


def tulis_grafik_banding(banding: pd.DataFrame, path: Path, *, dpi: int = 110) -> Path:
    """Draw the comparison chart (one panel per measure) to a PNG, atomically.

    Parameters
    ----------
    banding : pandas.DataFrame
        :func:`banding_sapuan` output.
    path : Path
        Target ``.png``.
    dpi : int
        Resolution (dots per inch).

    Returns
    -------
    Path
        ``path``.
    """
    import io

    from sistemkerja.grafik.skenario import gambar_skenario
    from sistemkerja.io._tulis import write_bytes_atomic

    figure = gambar_skenario(banding)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return write_bytes_atomic(buffer.getvalue(), path)


def nama_folder(folders: Mapping[int, Path], keluaran: Path) -> dict[int, str]:
    """Return each folder relative to the output folder, as text (for the workbook)."""
    return {i: str(f.relative_to(keluaran)) for i, f in folders.items()}
