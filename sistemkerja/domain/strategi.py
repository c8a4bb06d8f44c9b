"""Strategy per target: tim kerja or individu, required roles, teams."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import Asal, Jenjang, MetodeCascade, Mode
from sistemkerja.domain.masalah import FieldError


@dataclass(frozen=True, slots=True)
class TimKerja:
    """A work team (tim kerja).

    Parameters
    ----------
    code : str
        Unique code, e.g. ``"TIM-DATA"``.
    name : str
        Name, e.g. ``"Tim Data dan Informasi Kepegawaian"``.
    size_min : int
        Fewest members (orang).
    size_max : int or None
        Most members (orang); ``None`` for no limit.
    """

    code: str
    name: str
    size_min: int = 1
    size_max: int | None = None

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode tim")
        _rules.text(self.name, "name", "Nama tim")
        _rules.integer(self.size_min, "size_min", "Anggota minimal", minimum=1)
        if self.size_max is not None:
            _rules.integer(self.size_max, "size_max", "Anggota maksimal", minimum=1)
            if self.size_max < self.size_min:
                raise FieldError(
                    "size_max",
                    "min_above_max",
                    f"anggota maksimal ({self.size_max}) kurang dari minimal ({self.size_min})",
                )


@dataclass(frozen=True, slots=True)
class Strategi:
    """How one target (indicator or tugas tambahan) will be worked.

    Parameters
    ----------
    indikator : str
        Code of the indicator or tugas tambahan.
    mode : Mode
        Tim (by a team) or Individu (one person alone, mandiri).
    tim : str or None
        Team code when ``mode`` is Tim.
    perlu_ketua : bool
        Whether the team needs a Ketua Tim.
    metode : MetodeCascade
        Cascade method (aspek, wilayah, kuantitas, tidak langsung).
    catatan : str or None
        Free note.
    hasil_ketua : str or None
        The result of the Ketua Tim (or of the person working it mandiri) for this
        target in *bahasa hasil*, as the planner writes it; ``None``: generated.
    """

    indikator: str
    mode: Mode
    tim: str | None = None
    perlu_ketua: bool = False
    metode: MetodeCascade = MetodeCascade.KUANTITAS
    catatan: str | None = None
    hasil_ketua: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.indikator, "indikator", "Indikator")
        if self.mode is Mode.TIM and not self.tim:
            raise FieldError("tim", "missing_value", "mode Tim memerlukan kode tim")
        if self.mode is Mode.INDIVIDU and self.tim:
            raise FieldError("tim", "team_for_individual", "mode Individu tidak memakai tim")
        if self.mode is Mode.INDIVIDU and self.perlu_ketua:
            raise FieldError(
                "perlu_ketua", "leader_for_individual", "mode Individu tidak memerlukan Ketua Tim"
            )


@dataclass(frozen=True, slots=True)
class KebutuhanPeran:
    """A role a target needs: which jabatan, how senior, how many, from where.

    Parameters
    ----------
    indikator : str
        Code of the indicator or tugas tambahan.
    jabatan : str
        Position family needed (in the Jabatan catalogue).
    jenjang_min : Jenjang or None
        Lowest acceptable jenjang; ``None`` for any.
    orang : int or None
        Number of people needed (orang).
    jam : float or None
        Hours needed (jam/tahun).
    asal : Asal
        Farthest origin allowed: Unit only, also Lintas unit, or also Lintas instansi.
    """

    indikator: str
    jabatan: str
    jenjang_min: Jenjang | None = None
    orang: int | None = None
    jam: float | None = None
    asal: Asal = Asal.UNIT

    def __post_init__(self) -> None:
        _rules.text(self.indikator, "indikator", "Indikator")
        _rules.text(self.jabatan, "jabatan", "Jabatan")
        if self.orang is None and self.jam is None:
            raise FieldError("orang", "missing_value", "isi jumlah orang dan/atau jumlah jam")
        if self.orang is not None:
            _rules.integer(self.orang, "orang", "Jumlah orang", minimum=1)
        _rules.optional_number(self.jam, "jam", "Jumlah jam")
