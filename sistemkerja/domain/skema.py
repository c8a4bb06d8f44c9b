"""The plan workbook's schema: one sheet per entity, Indonesian sheet and column names.

This module is the single place that maps entity fields to sheet columns. The reader,
the writer, the blank template, the validator's messages and the format documentation
(``docs/format_buku_kerja.md``) all derive from it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sistemkerja.domain.enums import (
    Asal,
    Aspek,
    JenisJabatan,
    JenisSasaran,
    Jenjang,
    LabelEnum,
    MetodeCascade,
    Mode,
    Peran,
    PeriodePenilaian,
    Pola,
    StatusASN,
)
from sistemkerja.domain.kebijakan import BentukMPH, Kebijakan, PendekatanSKP, Prioritas
from sistemkerja.domain.kegiatan import BarisAnggaran, BebanKegiatan, HasilAnggota, Kegiatan
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
from sistemkerja.domain.strategi import KebutuhanPeran, Strategi, TimKerja

Kind = Literal["text", "code", "number", "int", "month", "bool", "enum", "enumlist", "list", "nip"]


@dataclass(frozen=True, slots=True)
class Kolom:
    """One column of a sheet (or one parameter row of a key-value sheet).

    Parameters
    ----------
    field : str
        Name of the entity field (``target_tw1``… for the quarterly targets).
    header : str
        Column header shown in the workbook (Indonesian).
    kind : Kind
        How the cell is read: ``text``, ``code`` (identifier text; numbers become text),
        ``number``, ``int``, ``month``, ``bool`` (Ya/Tidak), ``enum``, ``enumlist``,
        ``list`` (``;``-separated), ``nip``.
    required : bool
        Whether an empty cell is an error.
    enum : type of LabelEnum, optional
        Allowed labels for ``enum``/``enumlist`` (the template's dropdown).
    help : str
        One-line explanation (Indonesian) for the template and the format document.
    example : str
        Example value for the documentation.
    """

    field: str
    header: str
    kind: Kind = "text"
    required: bool = True
    enum: type[LabelEnum] | None = None
    help: str = ""
    example: str = ""


@dataclass(frozen=True, slots=True)
class Lembar:
    """One sheet of the plan workbook.

    Parameters
    ----------
    name : str
        Sheet name (Indonesian).
    attr : str
        Attribute of :class:`~sistemkerja.domain.rencana.Rencana` holding its entities.
    entity : type
        Entity class built from each row.
    columns : tuple of Kolom
        Columns in workbook order.
    key : tuple of str
        Fields whose combination must be unique.
    single : bool
        Key-value sheet holding one entity (``Parameter | Nilai`` rows).
    optional : bool
        A workbook without this sheet is read as if the sheet were empty (a warning),
        so workbooks made before the sheet existed still open.
    help : str
        What the sheet holds (Indonesian).
    build : callable, optional
        Builds the entity from a dict of field values (default: ``entity(**values)``).
    explode : callable, optional
        Inverse of ``build``: entity to dict of field values.
    ref : tuple of str
        Fields that name a row of a sheet without a unique ``key`` (Rincian Anggaran),
        used for :meth:`key_of`.
    """

    name: str
    attr: str
    entity: type
    columns: tuple[Kolom, ...]
    key: tuple[str, ...] = ()
    single: bool = False
    optional: bool = False
    help: str = ""
    build: Callable[[dict[str, Any]], Any] | None = None
    explode: Callable[[Any], dict[str, Any]] | None = None
    ref: tuple[str, ...] = ()
    _by_field: Mapping[str, Kolom] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_field", {c.field: c for c in self.columns})

    def header_of(self, field_name: str) -> str | None:
        """Column header of an entity field, or ``None`` when the field has no column."""
        col = self._by_field.get(field_name)
        return col.header if col else None

    def make(self, values: dict[str, Any]) -> Any:
        """Build one entity from field values (may raise ``FieldError``)."""
        if self.build is not None:
            return self.build(values)
        return self.entity(**values)

    def values(self, entity: Any) -> dict[str, Any]:
        """Return the field values of ``entity`` keyed by column field."""
        if self.explode is not None:
            return self.explode(entity)
        return {c.field: getattr(entity, c.field) for c in self.columns}

    def key_from(self, values: Mapping[str, Any]) -> str | None:
        """Return the key of a row from its field values (see :meth:`key_of`).

        Parameters
        ----------
        values : Mapping of str to Any
            Field values; missing or empty key fields show as ``"-"``.

        Returns
        -------
        str or None
            The key text, ``None`` for a key-value sheet or when every key field is
            empty.
        """
        fields = self.key or self.ref
        if self.single or not fields:
            return None
        parts = [_key_text(values.get(f)) for f in fields]
        if all(p == "-" for p in parts):
            return None
        return " / ".join(parts)

    def key_of(self, entity: Any) -> str | None:
        """Return the key naming ``entity`` in messages and edits.

        The key is the value of the sheet's single key field (NIP, code), or its key
        fields (or, without a key, its ``ref`` fields) joined by ``" / "``, an empty
        field shown as ``"-"``: ``"IK-1 / Perencana / Ahli Pertama"``.

        Parameters
        ----------
        entity : Any
            An entity of this sheet.

        Returns
        -------
        str or None
            The key; ``None`` for the key-value sheets (Kebijakan, PK).
        """
        return self.key_from(self.values(entity))


def _key_text(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "-"
    if isinstance(value, LabelEnum):
        return str(value.value)
    return str(value)


def _build_indikator(values: dict[str, Any]) -> Indikator:
    values = dict(values)
    tw = tuple(values.pop(f"target_tw{q}", None) for q in range(1, 5))
    return Indikator(**values, target_tw=tw)  # type: ignore[arg-type]


def _explode_indikator(ind: Indikator) -> dict[str, Any]:
    values = {
        f.name: getattr(ind, f.name) for f in dataclasses.fields(ind) if f.name != "target_tw"
    }
    for q, text in enumerate(ind.target_tw, start=1):
        values[f"target_tw{q}"] = text
    return values


_KODE_HELP = "kode unik, dipakai sebagai rujukan di lembar lain"

KEBIJAKAN = Lembar(
    "Kebijakan",
    "kebijakan",
    Kebijakan,
    (
        Kolom(
            "ketua_jenjang",
            "Jenjang Ketua Tim",
            "enumlist",
            required=False,
            enum=Jenjang,
            help="jenjang yang boleh menjadi Ketua Tim, dipisah titik koma",
            example="Ahli Muda; Ahli Madya; Ahli Utama; Penyelia",
        ),
        Kolom(
            "max_tim_per_pegawai", "Maks. tim per pegawai", "int", False, help="orang", example="3"
        ),
        Kolom(
            "lintas_instansi",
            "Anggota lintas instansi diizinkan",
            "bool",
            required=False,
            help="Ya/Tidak",
            example="Ya",
        ),
        Kolom(
            "struktural_anggota",
            "Pejabat struktural boleh menjadi anggota tim",
            "bool",
            required=False,
            help="Ya/Tidak",
            example="Tidak",
        ),
        Kolom("jam_efektif", "Jam kerja efektif per tahun", "number", False, example="1250"),
        Kolom(
            "pendekatan_skp",
            "Pendekatan SKP",
            "enum",
            required=False,
            enum=PendekatanSKP,
            help="pendekatan yang tertulis di kepala setiap SKP",
            example="Kuantitatif",
        ),
        Kolom(
            "ej_min",
            "EJ minimal",
            "number",
            False,
            help="batas bawah pita EJ sasaran",
            example="0,90",
        ),
        Kolom(
            "ej_max",
            "EJ maksimal",
            "number",
            False,
            help="batas atas pita EJ sasaran",
            example="1,00",
        ),
        Kolom(
            "kategori_ej",
            "Kategori EJ",
            "text",
            False,
            help="batas bawah kategori A–D dipisah titik koma; E di bawah D",
            example="A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50",
        ),
        Kolom(
            "periode_penilaian",
            "Periode penilaian",
            "enum",
            required=False,
            enum=PeriodePenilaian,
            example="Triwulanan",
        ),
        Kolom(
            "bentuk_mph",
            "Bentuk MPH",
            "enum",
            required=False,
            enum=BentukMPH,
            help="Dua tingkat: Ketua Tim lalu per tim; Satu tingkat: semua pegawai",
            example="Dua tingkat",
        ),
        Kolom(
            "min_jam_anggota",
            "Jam minimal per keanggotaan",
            "number",
            False,
            help="jam paling sedikit yang diberikan seorang anggota kepada timnya",
            example="20",
        ),
        Kolom(
            "jam_ketua",
            "Jam koordinasi Ketua Tim",
            "number",
            False,
            help="jam per tahun untuk memimpin satu tim",
            example="0",
        ),
        Kolom(
            "kapasitas_bulanan",
            "Batasi kapasitas per bulan",
            "bool",
            required=False,
            help="Ya: jam per bulan tidak melebihi jam kerja efektif / 12",
            example="Tidak",
        ),
        Kolom(
            "bobot_ej_maks",
            "Bobot EJ tertinggi",
            "number",
            False,
            help="bobot tujuan: EJ tertinggi pegawai unit (per poin EJ)",
            example="10",
        ),
        Kolom(
            "bobot_ej_jabatan",
            "Bobot EJ tertinggi per jabatan",
            "number",
            False,
            help="bobot tujuan: rata-rata EJ tertinggi tiap jabatan (meratakan beban)",
            example="5",
        ),
        Kolom(
            "bobot_deviasi",
            "Bobot simpangan pita EJ",
            "number",
            False,
            help="bobot tujuan: rata-rata jarak EJ pegawai unit dari pita sasaran",
            example="5",
        ),
        Kolom(
            "bobot_biaya",
            "Bobot biaya (per juta Rp)",
            "number",
            False,
            help="bobot tujuan: biaya pelibatan pegawai, per juta rupiah",
            example="0,1",
        ),
        Kolom(
            "bobot_lintas",
            "Bobot pelibatan lintas unit/instansi",
            "number",
            False,
            help="bobot tujuan: per orang dari unit/instansi lain",
            example="0,1",
        ),
        Kolom(
            "bobot_keanggotaan",
            "Bobot jumlah keanggotaan tim",
            "number",
            False,
            help="bobot tujuan: per keanggotaan tim",
            example="0,01",
        ),
        Kolom(
            "celah",
            "Celah berhenti (pecahan)",
            "number",
            False,
            help="berhenti bila rencana terbukti paling jauh sebesar ini dari optimum (0,01 = 1 %)",
            example="0,01",
        ),
        Kolom(
            "prioritas",
            "Prioritas",
            "enum",
            required=False,
            enum=Prioritas,
            help="pemerataan: EJ tertinggi diturunkan dulu; bobot: jumlah berbobot saja",
            example="pemerataan",
        ),
    ),
    single=True,
    help="parameter kebijakan instansi; baris yang dikosongkan memakai nilai bawaan",
)

PK = Lembar(
    "PK",
    "pk",
    PerjanjianKinerja,
    (
        Kolom("tahun", "Tahun", "int", example="2027"),
        Kolom("unit", "Unit", "code", help="kode unit perencana (lembar Unit)", example="DIT-PDK"),
        Kolom("pihak_pertama", "Pihak pertama", example="Dr. Ratna Wijayanti, M.Si."),
        Kolom("jabatan_pihak_pertama", "Jabatan pihak pertama", example="Direktur"),
        Kolom("pihak_kedua", "Pihak kedua", required=False, example="Ir. Bambang Santoso"),
        Kolom("jabatan_pihak_kedua", "Jabatan pihak kedua", required=False, example="Deputi"),
        Kolom(
            "nip_pihak_pertama",
            "NIP pihak pertama",
            "nip",
            required=False,
            help="kosong = pegawai Struktural unit perencana",
            example="197501042000022913",
        ),
        Kolom(
            "nip_pihak_kedua",
            "NIP pihak kedua",
            "nip",
            required=False,
            help="pejabat penilai kinerja kepala unit",
            example="196801011990031001",
        ),
    ),
    single=True,
    help="kepala Perjanjian Kinerja satu tahun anggaran",
)

UNIT = Lembar(
    "Unit",
    "units",
    Unit,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="DIT-PDK"),
        Kolom("name", "Nama unit", example="Direktorat Perencanaan dan Data Kepegawaian"),
        Kolom("instansi", "Instansi", example="Kementerian Contoh"),
    ),
    key=("code",),
    help="unit perencana dan unit/instansi asal pegawai lintas unit/instansi",
)

JABATAN = Lembar(
    "Jabatan",
    "jabatan",
    Jabatan,
    (
        Kolom("name", "Nama jabatan", help="tanpa jenjang", example="Perencana"),
        Kolom("jenis", "Jenis", "enum", enum=JenisJabatan, example="JF"),
        Kolom("rumpun", "Rumpun", required=False, example="Perencanaan"),
    ),
    key=("name",),
    help="katalog jabatan yang dipakai di lembar Pegawai dan Kebutuhan Peran",
)

PEGAWAI = Lembar(
    "Pegawai",
    "pegawai",
    Pegawai,
    (
        Kolom("nip", "NIP", "nip", help="18 digit", example="198503122010011901"),
        Kolom("name", "Nama", example="Andi Pratama, S.E."),
        Kolom("jabatan", "Jabatan", help="nama di lembar Jabatan", example="Perencana"),
        Kolom("jenis", "Jenis jabatan", "enum", enum=JenisJabatan, example="JF"),
        Kolom("jenjang", "Jenjang", "enum", enum=Jenjang, example="Ahli Muda"),
        Kolom("golongan", "Golongan", "code", example="III/c"),
        Kolom("status", "Status", "enum", enum=StatusASN, example="PNS"),
        Kolom("unit", "Unit", "code", help="kode unit asal (lembar Unit)", example="DIT-PDK"),
        Kolom(
            "capacity_hours",
            "Kapasitas (jam)",
            "number",
            required=False,
            help="jam efektif tersedia setahun; kosong = jam kerja efektif kebijakan",
            example="1250",
        ),
        Kolom(
            "committed_hours",
            "Jam terikat",
            "number",
            required=False,
            help="jam yang sudah terpakai untuk tugas lain",
            example="0",
        ),
        Kolom("competences", "Kompetensi", "list", required=False, example="SQL; statistik"),
        Kolom(
            "involvement_cost",
            "Biaya pelibatan (Rp)",
            "number",
            required=False,
            help="biaya sekali pelibatan (perjalanan dinas, dsb.)",
            example="0",
        ),
        Kolom(
            "hourly_cost",
            "Biaya per jam (Rp)",
            "number",
            required=False,
            help="honorarium per jam sesuai SBM",
            example="0",
        ),
        Kolom(
            "penilai",
            "NIP pejabat penilai",
            "nip",
            required=False,
            help="penanda tangan SKP; kosong = kepala unit (pegawai unit lain: dari unit asal)",
            example="199208142018011983",
        ),
        Kolom(
            "bulan_mulai",
            "Mulai bertugas (bulan)",
            "month",
            required=False,
            help="bulan pertama periode SKP tahun ini (pindahan); kosong = 1",
            example="1",
        ),
        Kolom(
            "bulan_selesai",
            "Selesai bertugas (bulan)",
            "month",
            required=False,
            help="bulan terakhir periode SKP; kapasitas bawaan = jam efektif × bulan / 12",
            example="12",
        ),
        Kolom(
            "maks_tim",
            "Maks. tim pegawai",
            "int",
            required=False,
            help="batas tim orang ini (mis. sudah di tim SK lain); kosong = batas Kebijakan",
            example="3",
        ),
    ),
    key=("nip",),
    help="pegawai unit dan calon dari unit/instansi lain",
)

SASARAN = Lembar(
    "Sasaran",
    "sasaran",
    Sasaran,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="SS-1"),
        Kolom("name", "Uraian sasaran", example="Meningkatnya kualitas perencanaan SDM"),
        Kolom("jenis", "Jenis sasaran", "enum", required=False, enum=JenisSasaran),
        Kolom(
            "perspektif",
            "Perspektif",
            "enum",
            required=False,
            enum=Perspektif,
            help="perspektif di SKP kepala unit (JPT)",
            example="Perspektif Penerima Layanan",
        ),
    ),
    key=("code",),
    help="sasaran Perjanjian Kinerja",
)

INDIKATOR = Lembar(
    "Indikator",
    "indikator",
    Indikator,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="IK-1.1"),
        Kolom("sasaran", "Sasaran", "code", help="kode di lembar Sasaran", example="SS-1"),
        Kolom("name", "Uraian indikator", example="Persentase formasi sesuai kebutuhan"),
        Kolom(
            "target",
            "Target",
            "text",
            help=(
                "seperti tertulis di PK: angka dan satuan, predikat (WTP, BB), rentang "
                "(90–95 %), batas (≤ 10 %), beberapa target (8 LHP + 8 Surat), periode "
                "(Triwulan IV) atau tanggal (Desember 2027); pola Hitungan memerlukan satu angka"
            ),
            example="90 %",
        ),
        Kolom("satuan", "Satuan", required=False, example="%"),
        Kolom("pola", "Pola", "enum", required=False, enum=Pola, example="Hitungan"),
        Kolom("aspek", "Aspek", "enum", required=False, enum=Aspek, example="Kuantitas"),
        Kolom("target_tw1", "Target TW I", required=False, example="20 %"),
        Kolom("target_tw2", "Target TW II", required=False, example="45 %"),
        Kolom("target_tw3", "Target TW III", required=False, example="70 %"),
        Kolom("target_tw4", "Target TW IV", required=False, example="90 %"),
    ),
    key=("code",),
    help="indikator kinerja dan targetnya",
    build=_build_indikator,
    explode=_explode_indikator,
)

TUGAS_TAMBAHAN = Lembar(
    "Tugas Tambahan",
    "tugas_tambahan",
    TugasTambahan,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="TT-1"),
        Kolom("name", "Uraian tugas", example="Pengelolaan arsip dinamis unit"),
        Kolom(
            "target",
            "Target",
            help="satu angka dengan satuan, boleh rentang (4–6 Laporan) atau batas (≥ 4 Laporan)",
            example="4 Laporan",
        ),
        Kolom("satuan", "Satuan", required=False, example="Laporan"),
    ),
    key=("code",),
    help="tugas di luar PK yang tetap menjadi fungsi unit (RHK tambahan)",
)

PAGU = Lembar(
    "Pagu",
    "pagu",
    Pagu,
    (
        Kolom(
            "program",
            "Program",
            "code",
            required=False,
            help="kosong bila PK tidak memberi kode",
            example="WA",
        ),
        Kolom(
            "giat",
            "Kegiatan (RKA)",
            "code",
            required=False,
            help="kosong bila PK tidak memberi kode",
            example="4264",
        ),
        Kolom("kro", "KRO", "code", required=False, help="kosong untuk pagu kegiatan"),
        Kolom("ro", "RO", "code", required=False, help="kosong untuk pagu kegiatan"),
        Kolom("name", "Uraian", example="Pengelolaan data kepegawaian"),
        Kolom("pagu", "Pagu (Rp)", "number", example="966.661.000"),
    ),
    key=("program", "giat", "kro", "ro"),
    help="pagu anggaran per Kegiatan (RKA) dan, bila ada, per RO",
)

TIM = Lembar(
    "Tim Kerja",
    "tim",
    TimKerja,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="TIM-DATA"),
        Kolom("name", "Nama tim", example="Tim Data Kepegawaian"),
        Kolom("size_min", "Anggota minimal", "int", required=False, example="3"),
        Kolom("size_max", "Anggota maksimal", "int", required=False, example="8"),
    ),
    key=("code",),
    help="tim kerja yang direncanakan",
)

STRATEGI = Lembar(
    "Strategi",
    "strategi",
    Strategi,
    (
        Kolom("indikator", "Indikator", "code", help="kode indikator/tugas tambahan"),
        Kolom("mode", "Mode", "enum", enum=Mode, example="Tim"),
        Kolom("tim", "Tim", "code", required=False, help="kode tim bila mode Tim"),
        Kolom("perlu_ketua", "Perlu Ketua Tim", "bool", required=False, example="Ya"),
        Kolom("metode", "Metode cascade", "enum", required=False, enum=MetodeCascade),
        Kolom("catatan", "Catatan", required=False),
        Kolom(
            "hasil_ketua",
            "Hasil kerja Ketua Tim",
            required=False,
            help="hasil kerja Ketua Tim (atau pegawai mandiri) untuk target ini dalam bahasa "
            "hasil; kosong: dibuat otomatis",
        ),
    ),
    key=("indikator",),
    help="strategi pelaksanaan per target: tim kerja atau individu",
)

KEBUTUHAN_PERAN = Lembar(
    "Kebutuhan Peran",
    "kebutuhan_peran",
    KebutuhanPeran,
    (
        Kolom("indikator", "Indikator", "code", help="kode indikator/tugas tambahan"),
        Kolom("jabatan", "Jabatan", help="nama di lembar Jabatan", example="Perencana"),
        Kolom("jenjang_min", "Jenjang minimal", "enum", required=False, enum=Jenjang),
        Kolom("orang", "Jumlah orang", "int", required=False, example="2"),
        Kolom("jam", "Jumlah jam", "number", required=False, example="400"),
        Kolom("asal", "Asal diizinkan", "enum", required=False, enum=Asal, example="Unit"),
    ),
    key=("indikator", "jabatan", "jenjang_min"),
    help="JF/Pelaksana yang dibutuhkan per target dan dari mana boleh diambil",
)

KEGIATAN = Lembar(
    "Kegiatan",
    "kegiatan",
    Kegiatan,
    (
        Kolom("code", "Kode", "code", help=_KODE_HELP, example="K-01"),
        Kolom("name", "Nama kegiatan", example="Penyusunan peta jabatan"),
        Kolom("indikator", "Indikator", "code", help="kode indikator/tugas tambahan"),
        Kolom("tim", "Tim", "code", required=False, help="kosong bila individu"),
        Kolom("bulan_mulai", "Bulan mulai", "month", example="2"),
        Kolom("bulan_selesai", "Bulan selesai", "month", example="11"),
        Kolom("volume", "Volume keluaran", "number", example="12"),
        Kolom("satuan", "Satuan keluaran", example="Laporan"),
        Kolom("bukti_dukung", "Bukti dukung", required=False, example="Dokumen laporan"),
        Kolom(
            "angka",
            "Pembawa angka",
            "bool",
            required=False,
            help="Ya: keluarannya menambah angka target; Tidak: kegiatan pendukung",
            example="Ya",
        ),
        Kolom(
            "hasil",
            "Hasil kerja (RHK)",
            required=False,
            help="hasil kerja anggota untuk kegiatan ini dalam bahasa hasil; kosong: dibuat "
            "otomatis",
        ),
    ),
    key=("code",),
    help="rencana kegiatan: jadwal dan keluaran",
)

BEBAN = Lembar(
    "Beban Kegiatan",
    "beban",
    BebanKegiatan,
    (
        Kolom("kegiatan", "Kegiatan", "code", help="kode di lembar Kegiatan"),
        Kolom("jabatan", "Jabatan", example="Analis SDM Aparatur"),
        Kolom("jenjang_min", "Jenjang minimal", "enum", required=False, enum=Jenjang),
        Kolom("volume", "Volume", "number", example="12"),
        Kolom("norma_waktu", "Norma waktu (jam)", "number", help="jam per satuan", example="16"),
    ),
    key=("kegiatan", "jabatan", "jenjang_min"),
    help="beban kerja per peran: volume × norma waktu",
)

ANGGARAN = Lembar(
    "Rincian Anggaran",
    "anggaran",
    BarisAnggaran,
    (
        Kolom("kegiatan", "Kegiatan", "code", help="kode di lembar Kegiatan"),
        Kolom(
            "program",
            "Program",
            "code",
            required=False,
            help="kosong bila PK tidak memberi kode",
            example="WA",
        ),
        Kolom(
            "giat",
            "Kegiatan (RKA)",
            "code",
            required=False,
            help="kosong bila PK tidak memberi kode",
            example="4264",
        ),
        Kolom("kro", "KRO", "code", example="EBA"),
        Kolom("ro", "RO", "code", example="962"),
        Kolom("komponen", "Komponen", "code", required=False, example="051"),
        Kolom("akun", "Akun", "code", example="524111"),
        Kolom("name", "Uraian", example="Perjalanan dinas biasa"),
        Kolom("volume", "Volume", "number", example="4"),
        Kolom("satuan", "Satuan", example="OP"),
        Kolom("harga_satuan", "Harga satuan (Rp)", "number", example="4.500.000"),
    ),
    help="detil belanja per kegiatan dengan kode RKA-K/L",
    ref=("kegiatan", "akun", "name"),
)

PENETAPAN = Lembar(
    "Penetapan",
    "penetapan",
    Penetapan,
    (
        Kolom("nip", "NIP", "nip", help="pegawai yang ditetapkan"),
        Kolom("peran", "Penetapan", "enum", enum=Peran, example="Ketua Tim"),
        Kolom("tim", "Tim", "code", required=False, help="untuk Ketua Tim/Anggota/Bukan anggota"),
        Kolom("kegiatan", "Kegiatan", "code", required=False, help="untuk Jam tetap/Dilarang"),
        Kolom("jam", "Jam", "number", required=False, help="untuk Jam tetap"),
        Kolom("catatan", "Catatan", required=False, example="hasil dialog kinerja 12/1"),
    ),
    key=("nip", "tim", "kegiatan"),
    optional=True,
    help="keputusan dialog kinerja yang wajib diikuti pengoptimal (pin dan larangan)",
)

PENYESUAIAN = Lembar(
    "Penyesuaian",
    "penyesuaian",
    Penyesuaian,
    (
        Kolom("nip", "NIP", "nip"),
        Kolom("kegiatan", "Kegiatan", "code"),
        Kolom(
            "jam",
            "Jam",
            "number",
            required=False,
            help="jam yang dibutuhkan pegawai ini untuk mengerjakan perannya penuh",
        ),
        Kolom(
            "biaya",
            "Biaya (Rp)",
            "number",
            required=False,
            help="biaya bila pegawai ini mengerjakan perannya penuh",
        ),
    ),
    key=("nip", "kegiatan"),
    optional=True,
    help="jam dan biaya khusus per pegawai per kegiatan (menggantikan norma)",
)

HASIL_ANGGOTA = Lembar(
    "Hasil Anggota",
    "hasil_anggota",
    HasilAnggota,
    (
        Kolom("nip", "NIP", "nip", help="pegawai yang hasil kerjanya dirumuskan"),
        Kolom("kegiatan", "Kegiatan", "code", help="kode di lembar Kegiatan"),
        Kolom(
            "hasil",
            "Hasil kerja (RHK)",
            help="hasil kerja pegawai ini pada kegiatan itu, dalam bahasa hasil, tanpa angka",
            example="Tersusunnya bab analisis data laporan pemantauan",
        ),
    ),
    key=("nip", "kegiatan"),
    optional=True,
    help="hasil kerja seorang anggota pada satu kegiatan, disepakati dalam dialog kinerja "
    "(menggantikan Hasil kerja (RHK) kegiatan untuk anggota ini agar peran tidak tumpang tindih)",
)

TUGAS_SK = Lembar(
    "Tugas SK",
    "tugas_sk",
    TugasSK,
    (
        Kolom("nip", "NIP", "nip", help="pegawai yang ditugaskan (lembar Pegawai)"),
        Kolom("uraian", "Uraian tugas", example="Bendahara Pengeluaran Pembantu"),
        Kolom("target", "Target", example="12 Laporan"),
        Kolom("satuan", "Satuan", required=False, help="kosong = satuan di target"),
        Kolom("dasar", "Dasar (SK)", required=False, example="SK Direktur No. 12 Tahun 2027"),
    ),
    key=("nip", "uraian"),
    optional=True,
    help=(
        "tugas berdasarkan SK (bendahara, PPK, tim ad hoc): menjadi RHK tambahan di SKP; "
        "tanpa jam, waktunya dicatat di Jam terikat pegawai"
    ),
)

#: Every sheet, in workbook order.
LEMBAR: tuple[Lembar, ...] = (
    KEBIJAKAN,
    PK,
    UNIT,
    JABATAN,
    PEGAWAI,
    SASARAN,
    INDIKATOR,
    TUGAS_TAMBAHAN,
    PAGU,
    TIM,
    STRATEGI,
    KEBUTUHAN_PERAN,
    KEGIATAN,
    BEBAN,
    ANGGARAN,
    PENETAPAN,
    PENYESUAIAN,
    HASIL_ANGGOTA,
    TUGAS_SK,
)

BY_ATTR: dict[str, Lembar] = {lembar.attr: lembar for lembar in LEMBAR}
BY_NAME: dict[str, Lembar] = {lembar.name: lembar for lembar in LEMBAR}
BY_ENTITY: dict[type, Lembar] = {lembar.entity: lembar for lembar in LEMBAR}


def lembar_of(jenis: str | type) -> Lembar:
    """Return the sheet of a sheet name, plan attribute or entity class.

    Parameters
    ----------
    jenis : str or type
        ``"Pegawai"``, ``"pegawai"`` or :class:`~sistemkerja.domain.pegawai.Pegawai`.

    Returns
    -------
    Lembar
        The sheet.

    Raises
    ------
    KeyError
        If nothing matches; the message (Indonesian) lists the sheet names.
    """
    found = (
        BY_ENTITY.get(jenis)
        if isinstance(jenis, type)
        else BY_NAME.get(jenis) or BY_ATTR.get(jenis)
    )
    if found is None:
        names = ", ".join(lembar.name for lembar in LEMBAR)
        raise KeyError(f"jenis data '{jenis}' tidak dikenal; pilihan: {names}")
    return found
