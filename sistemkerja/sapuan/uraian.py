"""Scenario changes in plain Indonesian, for the lab, the report notebook and the CLI."""

from __future__ import annotations

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.skenario import PerubahanSkenario
from sistemkerja.io.skenario import perubahan_ke_data

__all__ = ["NAMA_JENIS", "uraian_perubahan"]

NAMA_JENIS: dict[str, str] = {
    "pagu_dikali": "Pagu dikali faktor",
    "pagu_ditetapkan": "Pagu ditetapkan (Rp)",
    "pegawai_tidak_tersedia": "Pegawai tidak tersedia beberapa bulan",
    "hapus_pegawai": "Pegawai dikeluarkan",
    "tambah_pegawai": "Tambah pegawai (salinan pegawai yang ada)",
    "ubah_target": "Target indikator diubah",
    "ubah_kebijakan": "Parameter kebijakan diubah",
    "tambah_penetapan": "Penetapan peran (pin)",
}
"""Change kinds as the form offers them, in order."""


def uraian_perubahan(perubahan: PerubahanSkenario) -> str:
    """Return one change in a line of plain Indonesian.

    Parameters
    ----------
    perubahan : PerubahanSkenario
        The change.

    Returns
    -------
    str
        E.g. ``"Pagu dikali faktor: 0,8 (seluruh unit)"``.
    """
    data = perubahan_ke_data(perubahan)
    jenis = data.pop("jenis")
    if jenis == "tambah_pegawai":
        row = data["pegawai"]
        return f"{NAMA_JENIS[jenis]}: {row.get('Nama', '')} ({row.get('NIP', '')})"
    parts = []
    for key, value in data.items():
        shown = format_angka(value) if isinstance(value, int | float) else value
        parts.append(f"{key.replace('_', ' ')} {shown}")
    text = f"{NAMA_JENIS.get(jenis, jenis)}: " + ", ".join(str(p) for p in parts)
    if jenis in ("pagu_dikali", "pagu_ditetapkan") and "kegiatan" not in data:
        text += " (seluruh unit)"
    return text
