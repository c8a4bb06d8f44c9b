r"""One scenario of a sweep, against the base plan: what the report notebook shows.

:func:`laporan_skenario` finds the scenario and the base plan in the sweep's output
folder (the cache); what is missing there is solved in this process and written to its
place in the sweep's layout, so the report and a later ``sistemkerja skenario`` run
share their results. ``notebooks/laporan_skenario.ipynb`` renders it; with papermill it
is a per-scenario report::

    papermill notebooks/laporan_skenario.ipynb laporan.ipynb \
        -p sapuan data/skenario/contoh.yaml -p skenario "pagu −20 %, Ketua Ahli Muda ke atas"
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skenario import Sapuan, Skenario, kunci, terapkan
from sistemkerja.io.skenario import baca_sapuan
from sistemkerja.sapuan.banding import banding_sapuan, perubahan_keanggotaan
from sistemkerja.sapuan.jalan import daftar_skenario, kunci_terhadap
from sistemkerja.sapuan.kerja import HasilSkenario, jalankan_skenario
from sistemkerja.sapuan.rencana import rencana_sapuan
from sistemkerja.sapuan.simpan import Tembolok, folder_skenario, simpan_hasil
from sistemkerja.sapuan.uraian import uraian_perubahan

__all__ = ["LaporanSkenario", "laporan_skenario"]


@dataclass(frozen=True, slots=True)
class LaporanSkenario:
    """A scenario and the base plan, ready to show.

    Attributes
    ----------
    skenario : Skenario
        The scenario.
    rencana : Rencana
        The base plan with the scenario's changes applied.
    dasar, hasil : HasilSkenario
        The base plan's and the scenario's results.
    banding : pandas.DataFrame
        :func:`~sistemkerja.sapuan.banding_sapuan` of the two (base first).
    perubahan : list of str
        The scenario's changes in plain Indonesian, in order.
    keanggotaan : pandas.DataFrame
        Memberships that differ from the base: ``Tim``, ``NIP``, ``Nama``,
        ``Perubahan`` ("masuk"/"keluar"), and teams with another Ketua Tim
        (``Perubahan`` "Ketua Tim berganti").
    folder : Path
        The scenario's folder (``hasil.xlsx``, ``laporan.html``).
    dihitung : int
        Results solved for this report (0 when both came from the sweep's folder).
    """

    skenario: Skenario
    rencana: Rencana
    dasar: HasilSkenario
    hasil: HasilSkenario
    banding: pd.DataFrame
    perubahan: list[str]
    keanggotaan: pd.DataFrame
    folder: Path
    dihitung: int


def _tabel_keanggotaan(
    hasil: HasilSkenario, dasar: HasilSkenario, names: dict[str, str]
) -> pd.DataFrame:
    rows = []
    if hasil.ok and dasar.ok:
        masuk, keluar, tim = perubahan_keanggotaan(hasil, dasar)
        for arah, pairs in (("masuk", masuk), ("keluar", keluar)):
            rows += [(t, n, names.get(n, ""), arah) for n, t in sorted(pairs)]
        ketua = {t: n for n, t, k in hasil.keanggotaan if k}
        rows += [
            (t, ketua.get(t, ""), names.get(ketua.get(t, ""), ""), "Ketua Tim berganti")
            for t in sorted(tim)
        ]
    return pd.DataFrame(rows, columns=["Tim", "NIP", "Nama", "Perubahan"])


def laporan_skenario(
    sapuan: str | Path | Sapuan,
    keluaran: str | Path,
    nama: str,
    *,
    rencana: Rencana | None = None,
    dokumen: bool = True,
) -> LaporanSkenario:
    """Gather one scenario of a sweep and the base plan for a report.

    Parameters
    ----------
    sapuan : str, Path or Sapuan
        The sweep file (its ``rencana`` names the base plan), or the sweep itself
        (then ``rencana`` is needed).
    keluaran : str or Path
        The sweep's output folder.
    nama : str
        The scenario's name (:data:`~sistemkerja.sapuan.NAMA_DASAR` for the base plan).
    rencana : Rencana, optional
        The base plan, overriding the sweep's ``rencana``.
    dokumen : bool
        Write the result workbook and report of what is solved here.

    Returns
    -------
    LaporanSkenario
        The scenario against the base plan.

    Raises
    ------
    KeyError
        If the sweep has no scenario called ``nama`` (the message lists them).
    ValueError
        If the base plan cannot be read or has errors (the message names them).
    """
    if isinstance(sapuan, Sapuan):
        sweep, source = sapuan, None
    else:
        sweep, source = baca_sapuan(sapuan), sapuan
    plan = rencana
    if plan is None:
        plan, problems, where = rencana_sapuan(sweep, source)
        errors = [p for p in problems if p.is_error]
        if plan is None or errors:
            raise ValueError(
                f"rencana dasar '{where}' tidak dapat dipakai: "
                + "; ".join(str(p) for p in errors[:5])
            )
    semua = daftar_skenario(sweep)
    names = [s.nama for s in semua]
    if nama not in names:
        raise KeyError(f"skenario '{nama}' tidak ada di sapuan; yang ada: {', '.join(names)}")
    i = names.index(nama)
    out = Path(keluaran)
    cache = Tembolok(out)
    base_key = kunci(plan, semua[0], sweep.pengaturan)
    key = base_key if i == 0 else kunci_terhadap(kunci(plan, semua[i], sweep.pengaturan), base_key)
    solved = 0

    def get(position: int, k: str, acuan: HasilSkenario | None) -> HasilSkenario:
        nonlocal solved
        found = cache.cari(k, dokumen=dokumen)
        if found is not None:
            return found[0]
        result = jalankan_skenario(
            plan,
            semua[position],
            sweep.pengaturan,
            dokumen=dokumen,
            kunci_skenario=k,
            acuan=None if acuan is None else acuan.alokasi(),
        )
        simpan_hasil(folder_skenario(out, position, semua[position].nama), result)
        solved += 1
        return result.tanpa_berkas()

    dasar = get(0, base_key, None)
    hasil = dasar if i == 0 else get(i, key, dasar)
    found = Tembolok(out).cari(key, dokumen=dokumen)
    folder = found[1] if found is not None else folder_skenario(out, i, nama)
    applied = terapkan(plan, semua[i]).rencana
    people = {p.nip: p.name for p in (*plan.pegawai, *applied.pegawai)}
    return LaporanSkenario(
        skenario=semua[i],
        rencana=applied,
        dasar=dasar,
        hasil=hasil,
        banding=banding_sapuan([dasar, hasil] if i else [dasar], dasar),
        perubahan=[uraian_perubahan(c) for c in semua[i].perubahan],
        keanggotaan=_tabel_keanggotaan(hasil, dasar, people),
        folder=folder,
        dihitung=solved,
    )
