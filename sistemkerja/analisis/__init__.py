"""Analyses of a plan under an allocation: pure functions returning pandas DataFrames.

Every function takes a :class:`~sistemkerja.domain.Rencana` and an
:class:`~sistemkerja.domain.Alokasi` (from the optimiser or made by hand) and returns a
tidy frame with stable Indonesian column names, documented in each docstring and in
``docs/glosarium.md``:

- workload (ABK): :func:`beban_pegawai`, :func:`beban_jabatan`, :func:`abk_kategori`;
- budget: :func:`anggaran_kegiatan`, :func:`anggaran_pagu`;
- result wording: :func:`bahasa_hasil`;
- shares: :func:`kontribusi`, :func:`sisa_terbesar`;
- Matriks Peran-Hasil: :func:`mph_level1`, :func:`mph_level2`, :func:`mph_matriks`;
- SKP drafts: :func:`rhk`;
- cascade checks: :func:`cascade`, and :func:`periksa_alokasi` for the allocation itself.
"""

from sistemkerja.analisis._indeks import periksa_alokasi
from sistemkerja.analisis.anggaran import anggaran_kegiatan, anggaran_pagu
from sistemkerja.analisis.bahasa import KATA_HASIL, bahasa_hasil, hasil_dengan_jumlah
from sistemkerja.analisis.beban import PITA_ABK, abk_kategori, beban_jabatan, beban_pegawai
from sistemkerja.analisis.kontribusi import kontribusi, sisa_terbesar
from sistemkerja.analisis.mph import mph_level1, mph_level2, mph_matriks
from sistemkerja.analisis.pemeriksaan import STATUS, cascade
from sistemkerja.analisis.skp import rhk

__all__ = [
    "KATA_HASIL",
    "PITA_ABK",
    "STATUS",
    "abk_kategori",
    "anggaran_kegiatan",
    "anggaran_pagu",
    "bahasa_hasil",
    "beban_jabatan",
    "beban_pegawai",
    "cascade",
    "hasil_dengan_jumlah",
    "kontribusi",
    "mph_level1",
    "mph_level2",
    "mph_matriks",
    "periksa_alokasi",
    "rhk",
    "sisa_terbesar",
]
