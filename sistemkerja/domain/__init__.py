"""The domain model: plain, immutable data in the regulation's own terms.

Nothing here knows about PuLP, widgets, plots or Excel files.
"""

from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.angka import Target, format_angka, parse_angka, parse_target
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
from sistemkerja.domain.kebijakan import BentukMPH, Kebijakan
from sistemkerja.domain.kegiatan import BarisAnggaran, BebanKegiatan, Kegiatan
from sistemkerja.domain.masalah import FieldError, PlanError, Problem, Tingkat
from sistemkerja.domain.nip import check_nip, make_nip
from sistemkerja.domain.pegawai import Jabatan, Pegawai, Unit
from sistemkerja.domain.penetapan import Penetapan, Penyesuaian
from sistemkerja.domain.pk import Indikator, Pagu, PerjanjianKinerja, Sasaran, TugasTambahan
from sistemkerja.domain.rencana import Perubahan, Rencana
from sistemkerja.domain.strategi import KebutuhanPeran, Strategi, TimKerja

__all__ = [
    "Alokasi",
    "Asal",
    "Aspek",
    "BarisAnggaran",
    "BebanKegiatan",
    "BentukMPH",
    "FieldError",
    "Indikator",
    "Jabatan",
    "Jalur",
    "JenisJabatan",
    "JenisSasaran",
    "Jenjang",
    "Keanggotaan",
    "Kebijakan",
    "KebutuhanPeran",
    "Kegiatan",
    "MetodeCascade",
    "Mode",
    "Pagu",
    "Pegawai",
    "Penetapan",
    "Penugasan",
    "Penyesuaian",
    "Peran",
    "PeriodePenilaian",
    "PerjanjianKinerja",
    "Perubahan",
    "PlanError",
    "Pola",
    "Problem",
    "Rencana",
    "Sasaran",
    "StatusASN",
    "Strategi",
    "Target",
    "TimKerja",
    "Tingkat",
    "TugasTambahan",
    "Unit",
    "check_nip",
    "format_angka",
    "make_nip",
    "parse_angka",
    "parse_target",
]
