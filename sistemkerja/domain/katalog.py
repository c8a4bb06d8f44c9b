"""Default catalogue of position families (jabatan) offered in a new plan.

Users extend or trim it in the plan's Jabatan sheet; this list only seeds the template.
JF names follow the Permenpan RB rules of each JF family; Pelaksana names follow
Permenpan RB 45/2022 and KepmenPANRB 282/2025.
"""

from __future__ import annotations

from sistemkerja.domain.enums import JenisJabatan
from sistemkerja.domain.pegawai import Jabatan

_JF = JenisJabatan.JF
_PL = JenisJabatan.PELAKSANA
_ST = JenisJabatan.STRUKTURAL

DEFAULT_JABATAN: tuple[Jabatan, ...] = (
    Jabatan("Perencana", _JF, "Perencanaan"),
    Jabatan("Analis Kebijakan", _JF, "Kebijakan publik"),
    Jabatan("Analis SDM Aparatur", _JF, "Manajemen SDM"),
    Jabatan("Asesor SDM Aparatur", _JF, "Manajemen SDM"),
    Jabatan("Pranata Komputer", _JF, "Teknologi informasi"),
    Jabatan("Statistisi", _JF, "Statistik"),
    Jabatan("Arsiparis", _JF, "Kearsipan"),
    Jabatan("Auditor", _JF, "Pengawasan"),
    Jabatan("Pranata Keuangan APBN", _JF, "Keuangan"),
    Jabatan("Analis Pengelolaan Keuangan APBN", _JF, "Keuangan"),
    Jabatan("Pengelola Pengadaan Barang/Jasa", _JF, "Pengadaan"),
    Jabatan("Pranata Hubungan Masyarakat", _JF, "Komunikasi"),
    Jabatan("Analis Hukum", _JF, "Hukum"),
    Jabatan("Widyaiswara", _JF, "Pendidikan dan pelatihan"),
    Jabatan("Penata Layanan Operasional", _PL, "Layanan operasional"),
    Jabatan("Pengelola Layanan Operasional", _PL, "Layanan operasional"),
    Jabatan("Pengadministrasi Perkantoran", _PL, "Administrasi"),
    Jabatan("Operator Layanan Operasional", _PL, "Layanan operasional"),
    Jabatan("Pengelola Umum Operasional", _PL, "Layanan operasional"),
    Jabatan("Direktur", _ST, "Pimpinan"),
    Jabatan("Kepala Kantor Wilayah", _ST, "Pimpinan"),
    Jabatan("Kepala Bagian", _ST, "Pimpinan"),
)
