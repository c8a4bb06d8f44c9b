"""The domain model: plain, immutable data in the regulation's own terms.

Nothing here knows about PuLP, widgets, plots or Excel files.
"""

from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.angka import Target, format_angka, parse_angka, parse_target
from sistemkerja.domain.ej import PitaEJ, TabelEJ
from sistemkerja.domain.enums import (
    Asal,
    Aspek,
    Jalur,
    JenisJabatan,
    JenisSasaran,
    Jenjang,
    MetodeCascade,
    Mode,
    Peran,
    PeriodePenilaian,
    Pola,
    StatusASN,
)
from sistemkerja.domain.kebijakan import BentukMPH, Kebijakan, PendekatanSKP
from sistemkerja.domain.kegiatan import BarisAnggaran, BebanKegiatan, HasilAnggota, Kegiatan
from sistemkerja.domain.masalah import FieldError, PlanError, Problem, Tingkat
from sistemkerja.domain.nip import check_nip, make_nip
from sistemkerja.domain.pangkat import PANGKAT, pangkat_golongan
from sistemkerja.domain.pegawai import Jabatan, Pegawai, Unit
from sistemkerja.domain.penetapan import Penetapan, Penyesuaian
from sistemkerja.domain.pk import (
    Indikator,
    Pagu,
    PerjanjianKinerja,
    Perspektif,
    Sasaran,
    TugasSK,
    TugasTambahan,
)
from sistemkerja.domain.rencana import Perubahan, Rencana
from sistemkerja.domain.strategi import KebutuhanPeran, Strategi, TimKerja
from sistemkerja.domain.target import Arah, JenisTarget, Periode, Skala, TargetPK, baca_target

__all__ = [
    "PANGKAT",
    "Alokasi",
    "Arah",
    "Asal",
    "Aspek",
    "BarisAnggaran",
    "BebanKegiatan",
    "BentukMPH",
    "FieldError",
    "HasilAnggota",
    "Indikator",
    "Jabatan",
    "Jalur",
    "JenisJabatan",
    "JenisSasaran",
    "JenisTarget",
    "Jenjang",
    "Keanggotaan",
    "Kebijakan",
    "KebutuhanPeran",
    "Kegiatan",
    "MetodeCascade",
    "Mode",
    "Pagu",
    "Pegawai",
    "PendekatanSKP",
    "Penetapan",
    "Penugasan",
    "Penyesuaian",
    "Peran",
    "Periode",
    "PeriodePenilaian",
    "PerjanjianKinerja",
    "Perspektif",
    "Perubahan",
    "PitaEJ",
    "PlanError",
    "Pola",
    "Problem",
    "Rencana",
    "Sasaran",
    "Skala",
    "StatusASN",
    "Strategi",
    "TabelEJ",
    "Target",
    "TargetPK",
    "TimKerja",
    "Tingkat",
    "TugasSK",
    "TugasTambahan",
    "Unit",
    "baca_target",
    "check_nip",
    "format_angka",
    "make_nip",
    "pangkat_golongan",
    "parse_angka",
    "parse_target",
]
