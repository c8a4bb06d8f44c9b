"""Charts of a plan and its allocation (matplotlib): each takes data and ``ax=None``.

Every function draws on the Axes it is given, or on a new figure sized to the data,
and returns the Axes; ``gambar_*`` functions split tall charts over several figures
and return them. Titles and labels are Indonesian. The data come from
:mod:`sistemkerja.analisis`:

- MPH heatmap: :func:`matriks_jam` then :func:`peta_mph` / :func:`gambar_mph`
  (column labels from :func:`label_indikator`);
- workload: :func:`grafik_beban_pegawai` / :func:`gambar_beban_pegawai`,
  :func:`grafik_beban_jabatan`, :func:`grafik_beban_bulanan`;
- budget: :func:`grafik_anggaran`;
- schedule: :func:`grafik_jadwal` / :func:`gambar_jadwal`;
- teams: :func:`grafik_komposisi_tim`;
- scenarios: :func:`grafik_skenario` / :func:`gambar_skenario`.
"""

from sistemkerja.grafik._gaya import ke_png
from sistemkerja.grafik.anggaran import grafik_anggaran
from sistemkerja.grafik.beban import (
    gambar_beban_pegawai,
    grafik_beban_bulanan,
    grafik_beban_jabatan,
    grafik_beban_pegawai,
)
from sistemkerja.grafik.jadwal import gambar_jadwal, grafik_jadwal
from sistemkerja.grafik.mph import bagi_halaman, gambar_mph, label_indikator, matriks_jam, peta_mph
from sistemkerja.grafik.skenario import gambar_sebaran_skenario, gambar_skenario, grafik_skenario
from sistemkerja.grafik.tim import grafik_komposisi_tim

__all__ = [
    "bagi_halaman",
    "gambar_beban_pegawai",
    "gambar_jadwal",
    "gambar_mph",
    "gambar_sebaran_skenario",
    "gambar_skenario",
    "grafik_anggaran",
    "grafik_beban_bulanan",
    "grafik_beban_jabatan",
    "grafik_beban_pegawai",
    "grafik_jadwal",
    "grafik_komposisi_tim",
    "grafik_skenario",
    "ke_png",
    "label_indikator",
    "matriks_jam",
    "peta_mph",
]
