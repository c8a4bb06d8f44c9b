"""Analyses of a plan under an allocation: pure functions returning pandas DataFrames.

Every function takes a :class:`~sistemkerja.domain.Rencana` and an
:class:`~sistemkerja.domain.Alokasi` (from the optimiser or made by hand) and returns a
tidy frame with stable Indonesian column names, documented in each docstring and in
``docs/glosarium.md``:

- workload (ABK): :func:`beban_pegawai`, :func:`beban_jabatan`, :func:`abk_kategori`;
  the ABK form per jabatan and jenjang: :func:`abk_tugas`, :func:`abk_jenjang`,
  :func:`pegawai_bulat`;
- ABK what-if: :func:`di_luar_rentang`, :func:`pindah_jam`, :func:`efek_pindah`;
- budget: :func:`anggaran_kegiatan`, :func:`anggaran_pagu`, :func:`belanja_akun`;
- monthly workload: :func:`beban_bulanan`; teams: :func:`komposisi_tim`;
- scenarios: :func:`banding_skenario`;
- schedule: :func:`jadwal_kegiatan` (months and hours per month of every activity);
- result wording: :func:`bahasa_hasil`;
- shares: :func:`kontribusi`, :func:`sisa_terbesar`;
- Matriks Peran-Hasil: :func:`mph_level1`, :func:`mph_level2`, :func:`mph_satu_tingkat`,
  :func:`mph_matriks`, and its review checks :func:`periksa_mph`;
- SKP drafts: :func:`rhk` and their individual indicators :func:`iki`; position labels
  as shown in an MPH: :func:`label_jabatan`;
- cascade checks: :func:`cascade`, and :func:`periksa_alokasi` for the allocation itself.
"""

from sistemkerja.analisis._indeks import label_jabatan, periksa_alokasi
from sistemkerja.analisis.abk import (
    KOLOM_DI_LUAR_RENTANG,
    KOLOM_EFEK_PINDAH,
    Pindah,
    di_luar_rentang,
    efek_pindah,
    pindah_jam,
)
from sistemkerja.analisis.abk_formulir import (
    KOLOM_ABK_JENJANG,
    KOLOM_ABK_TUGAS,
    abk_jenjang,
    abk_tugas,
    pegawai_bulat,
)
from sistemkerja.analisis.anggaran import anggaran_kegiatan, anggaran_pagu, belanja_akun
from sistemkerja.analisis.bahasa import KATA_HASIL, bahasa_hasil, hasil_dengan_jumlah
from sistemkerja.analisis.beban import (
    PITA_ABK,
    abk_kategori,
    beban_bulanan,
    beban_jabatan,
    beban_pegawai,
)
from sistemkerja.analisis.jadwal import BULAN, jadwal_kegiatan
from sistemkerja.analisis.kontribusi import kontribusi, sisa_terbesar
from sistemkerja.analisis.mph import mph_level1, mph_level2, mph_matriks, mph_satu_tingkat
from sistemkerja.analisis.pemeriksaan import STATUS, cascade
from sistemkerja.analisis.periksa_mph import periksa_mph
from sistemkerja.analisis.ringkasan import (
    neraca_jam,
    ringkasan_kegiatan,
    ringkasan_pagu,
    ringkasan_pegawai,
    ringkasan_pk,
    ringkasan_strategi,
)
from sistemkerja.analisis.skenario import banding_skenario
from sistemkerja.analisis.skp import iki, rhk
from sistemkerja.analisis.tambahan import rhk_lengkap, rhk_tambahan
from sistemkerja.analisis.tim import komposisi_tim

__all__ = [
    "BULAN",
    "KATA_HASIL",
    "KOLOM_ABK_JENJANG",
    "KOLOM_ABK_TUGAS",
    "KOLOM_DI_LUAR_RENTANG",
    "KOLOM_EFEK_PINDAH",
    "PITA_ABK",
    "STATUS",
    "Pindah",
    "abk_jenjang",
    "abk_kategori",
    "abk_tugas",
    "anggaran_kegiatan",
    "anggaran_pagu",
    "bahasa_hasil",
    "banding_skenario",
    "beban_bulanan",
    "beban_jabatan",
    "beban_pegawai",
    "belanja_akun",
    "cascade",
    "di_luar_rentang",
    "efek_pindah",
    "hasil_dengan_jumlah",
    "iki",
    "jadwal_kegiatan",
    "komposisi_tim",
    "kontribusi",
    "label_jabatan",
    "mph_level1",
    "mph_level2",
    "mph_matriks",
    "mph_satu_tingkat",
    "neraca_jam",
    "pegawai_bulat",
    "periksa_alokasi",
    "periksa_mph",
    "pindah_jam",
    "rhk",
    "rhk_lengkap",
    "rhk_tambahan",
    "ringkasan_kegiatan",
    "ringkasan_pagu",
    "ringkasan_pegawai",
    "ringkasan_pk",
    "ringkasan_strategi",
    "sisa_terbesar",
]
