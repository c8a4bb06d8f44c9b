"""Enumerations of the domain, with the Indonesian labels users see.

Every enumeration's *value* is the exact Indonesian label written in the plan
workbook and offered in its dropdowns; member names are ASCII identifiers for code.
"""

from __future__ import annotations

import enum
from typing import Self


class LabelEnum(enum.StrEnum):
    """A string enumeration whose value is the user-facing Indonesian label."""

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member whose label matches ``text``.

        Matching ignores case, surrounding spaces and repeated inner spaces.

        Parameters
        ----------
        text : str
            The label as typed by a user.

        Returns
        -------
        Self
            The matching member.

        Raises
        ------
        ValueError
            If no member matches; the message lists the allowed labels.
        """
        key = " ".join(str(text).split()).casefold()
        for member in cls:
            if member.value.casefold() == key or member.name.casefold() == key:
                return member
        for alias, name in _ALIASES.get(cls.__name__, {}).items():
            if alias == key:
                return cls[name]
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"nilai '{text}' tidak dikenal; pilihan yang sah: {allowed}")

    @classmethod
    def labels(cls) -> list[str]:
        """Return every label in declaration order."""
        return [m.value for m in cls]


class JenisJabatan(LabelEnum):
    """Kind of position: functional (JF), Pelaksana, or structural."""

    JF = "JF"
    PELAKSANA = "Pelaksana"
    STRUKTURAL = "Struktural"


class Jalur(enum.Enum):
    """Career track a jenjang belongs to; only jenjang of one track are comparable."""

    KEAHLIAN = "keahlian"
    KETERAMPILAN = "keterampilan"
    PELAKSANA = "pelaksana"
    STRUKTURAL = "struktural"


class Jenjang(LabelEnum):
    """Level of a position (jenjang jabatan).

    JF expertise track: Ahli Pertama < Ahli Muda < Ahli Madya < Ahli Utama.
    JF skill track: Pemula < Terampil < Mahir < Penyelia.
    Pelaksana categories (KepmenPANRB 282/2025): Klerek, Operator, Teknisi (unordered).
    Structural: Pengawas < Administrator < JPT Pratama < JPT Madya.
    """

    AHLI_PERTAMA = "Ahli Pertama"
    AHLI_MUDA = "Ahli Muda"
    AHLI_MADYA = "Ahli Madya"
    AHLI_UTAMA = "Ahli Utama"
    PEMULA = "Pemula"
    TERAMPIL = "Terampil"
    MAHIR = "Mahir"
    PENYELIA = "Penyelia"
    KLEREK = "Klerek"
    OPERATOR = "Operator"
    TEKNISI = "Teknisi"
    PENGAWAS = "Pengawas"
    ADMINISTRATOR = "Administrator"
    JPT_PRATAMA = "JPT Pratama"
    JPT_MADYA = "JPT Madya"

    @property
    def jalur(self) -> Jalur:
        """Career track of this jenjang."""
        return _JALUR[self]

    @property
    def rank(self) -> int:
        """Order within the track (1 = lowest); 0 for the unordered Pelaksana categories."""
        return _RANK[self]

    def at_least(self, minimum: Jenjang) -> bool:
        """Whether this jenjang meets ``minimum`` (same track and rank not lower).

        Parameters
        ----------
        minimum : Jenjang
            The lowest acceptable jenjang.

        Returns
        -------
        bool
            ``True`` when both are on the same track and this rank is >= the minimum's;
            the unordered Pelaksana categories only meet themselves.
        """
        if minimum.rank == 0:
            return self is minimum
        return self.jalur is minimum.jalur and self.rank >= minimum.rank


_JALUR: dict[Jenjang, Jalur] = {
    Jenjang.AHLI_PERTAMA: Jalur.KEAHLIAN,
    Jenjang.AHLI_MUDA: Jalur.KEAHLIAN,
    Jenjang.AHLI_MADYA: Jalur.KEAHLIAN,
    Jenjang.AHLI_UTAMA: Jalur.KEAHLIAN,
    Jenjang.PEMULA: Jalur.KETERAMPILAN,
    Jenjang.TERAMPIL: Jalur.KETERAMPILAN,
    Jenjang.MAHIR: Jalur.KETERAMPILAN,
    Jenjang.PENYELIA: Jalur.KETERAMPILAN,
    Jenjang.KLEREK: Jalur.PELAKSANA,
    Jenjang.OPERATOR: Jalur.PELAKSANA,
    Jenjang.TEKNISI: Jalur.PELAKSANA,
    Jenjang.PENGAWAS: Jalur.STRUKTURAL,
    Jenjang.ADMINISTRATOR: Jalur.STRUKTURAL,
    Jenjang.JPT_PRATAMA: Jalur.STRUKTURAL,
    Jenjang.JPT_MADYA: Jalur.STRUKTURAL,
}

_RANK: dict[Jenjang, int] = {
    Jenjang.AHLI_PERTAMA: 1,
    Jenjang.AHLI_MUDA: 2,
    Jenjang.AHLI_MADYA: 3,
    Jenjang.AHLI_UTAMA: 4,
    Jenjang.PEMULA: 1,
    Jenjang.TERAMPIL: 2,
    Jenjang.MAHIR: 3,
    Jenjang.PENYELIA: 4,
    Jenjang.KLEREK: 0,
    Jenjang.OPERATOR: 0,
    Jenjang.TEKNISI: 0,
    Jenjang.PENGAWAS: 1,
    Jenjang.ADMINISTRATOR: 2,
    Jenjang.JPT_PRATAMA: 3,
    Jenjang.JPT_MADYA: 4,
}

#: Which tracks each kind of position may take its jenjang from.
JALUR_JENIS: dict[JenisJabatan, frozenset[Jalur]] = {
    JenisJabatan.JF: frozenset({Jalur.KEAHLIAN, Jalur.KETERAMPILAN}),
    JenisJabatan.PELAKSANA: frozenset({Jalur.PELAKSANA}),
    JenisJabatan.STRUKTURAL: frozenset({Jalur.STRUKTURAL}),
}


class StatusASN(LabelEnum):
    """Employment status of an ASN employee."""

    PNS = "PNS"
    PPPK = "PPPK"


class Pola(LabelEnum):
    """Measurement pattern of an indicator (how its target cascades).

    ``HITUNGAN`` targets are additive (children's numeric shares sum to the parent);
    ``POSISI`` (a level or index) and ``RILIS`` (a released figure) are never divided.
    """

    HITUNGAN = "Hitungan"
    POSISI = "Posisi"
    RILIS = "Rilis"

    @property
    def additive(self) -> bool:
        """Whether shares of this indicator's target add up to the target."""
        return self is Pola.HITUNGAN


class Mode(LabelEnum):
    """How a target is worked: by a tim kerja or by one person alone (individu)."""

    TIM = "Tim"
    INDIVIDU = "Individu"


class Asal(LabelEnum):
    """Origin of a person relative to the planning unit, ordered from near to far."""

    UNIT = "Unit"
    LINTAS_UNIT = "Lintas unit"
    LINTAS_INSTANSI = "Lintas instansi"

    @property
    def rank(self) -> int:
        """0 for the unit itself, 1 for another unit, 2 for another agency."""
        return _ASAL_RANK[self]


_ASAL_RANK = {asal: i for i, asal in enumerate(Asal)}


class MetodeCascade(LabelEnum):
    """Cascade method of an indicator (Permenpan RB 6/2022 practice)."""

    ASPEK = "Aspek"
    WILAYAH = "Wilayah"
    KUANTITAS = "Kuantitas"
    TIDAK_LANGSUNG = "Tidak langsung"


class JenisSasaran(LabelEnum):
    """Level of a sasaran in the PK."""

    STRATEGIS = "Strategis"
    PROGRAM = "Program"
    KEGIATAN = "Kegiatan"


class PeriodePenilaian(LabelEnum):
    """How often performance is assessed."""

    BULANAN = "Bulanan"
    TRIWULANAN = "Triwulanan"


_ALIASES: dict[str, dict[str, str]] = {
    "JenisJabatan": {
        "jabatan fungsional": "JF",
        "fungsional": "JF",
        "pejabat fungsional": "JF",
        "jabatan pelaksana": "PELAKSANA",
    },
    "Asal": {"lintas unit kerja": "LINTAS_UNIT", "unit sendiri": "UNIT"},
    "MetodeCascade": {"non-langsung": "TIDAK_LANGSUNG", "tidak langsung": "TIDAK_LANGSUNG"},
    "Mode": {"tim kerja": "TIM", "mandiri": "INDIVIDU"},
}


class Aspek(LabelEnum):
    """Aspect of a result (RHK) that an indicator measures."""

    KUANTITAS = "Kuantitas"
    KUALITAS = "Kualitas"
    WAKTU = "Waktu"
    BIAYA = "Biaya"


class Peran(LabelEnum):
    """What a pin (penetapan) fixes for one person, agreed in a dialog kinerja."""

    KETUA = "Ketua Tim"
    ANGGOTA = "Anggota"
    BUKAN_ANGGOTA = "Bukan anggota"
    JAM_TETAP = "Jam tetap"
    DILARANG = "Dilarang"

    @property
    def needs_team(self) -> bool:
        """Whether this pin is about a team (else about an activity)."""
        return self in (Peran.KETUA, Peran.ANGGOTA, Peran.BUKAN_ANGGOTA)
