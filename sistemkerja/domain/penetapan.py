"""Decisions fixed by people before optimising: pins, forbids and per-person overrides."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import Peran
from sistemkerja.domain.masalah import FieldError


@dataclass(frozen=True, slots=True)
class Penetapan:
    """A pin or forbid agreed in a dialog kinerja.

    Parameters
    ----------
    nip : str
        The person.
    peran : Peran
        ``Ketua Tim`` (must lead ``tim``), ``Anggota`` (must be in ``tim``),
        ``Bukan anggota`` (must not be in ``tim``), ``Jam tetap`` (gives exactly ``jam``
        hours to ``kegiatan``), ``Dilarang`` (does no work on ``kegiatan``).
    tim : str or None
        Team code, for the team pins.
    kegiatan : str or None
        Activity code, for the activity pins.
    jam : float or None
        Hours (jam), for ``Jam tetap``.
    catatan : str or None
        Why (e.g. the dialog kinerja's decision).
    """

    nip: str
    peran: Peran
    tim: str | None = None
    kegiatan: str | None = None
    jam: float | None = None
    catatan: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        if self.peran.needs_team:
            if not self.tim:
                raise FieldError("tim", "missing_value", f"'{self.peran}' memerlukan kode tim")
            if self.kegiatan:
                raise FieldError(
                    "kegiatan", "unexpected_value", f"'{self.peran}' tidak memakai kegiatan"
                )
        else:
            if not self.kegiatan:
                raise FieldError(
                    "kegiatan", "missing_value", f"'{self.peran}' memerlukan kode kegiatan"
                )
            if self.tim:
                raise FieldError("tim", "unexpected_value", f"'{self.peran}' tidak memakai tim")
        if self.peran is Peran.JAM_TETAP:
            if self.jam is None:
                raise FieldError("jam", "missing_value", "'Jam tetap' memerlukan jumlah jam")
            _rules.number(self.jam, "jam", "Jam")
        elif self.jam is not None:
            raise FieldError("jam", "unexpected_value", "jam hanya untuk 'Jam tetap'")


@dataclass(frozen=True, slots=True)
class Penyesuaian:
    """Per-person override of the hours and cost of one activity.

    With overrides the optimiser expresses any generalised assignment problem: agents
    with capacities, jobs whose size and cost depend on the agent.

    Parameters
    ----------
    nip : str
        The person.
    kegiatan : str
        Activity code.
    jam : float or None
        Hours this person needs to do the whole of each role of the activity they are
        eligible for (jam), instead of volume × norma waktu; ``None`` keeps the norm.
    biaya : float or None
        Cost if this person does the whole of such a role (Rp), instead of hours ×
        their hourly cost; ``None`` keeps the default.
    """

    nip: str
    kegiatan: str
    jam: float | None = None
    biaya: float | None = None

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        _rules.text(self.kegiatan, "kegiatan", "Kegiatan")
        if self.jam is None and self.biaya is None:
            raise FieldError("jam", "missing_value", "isi jam dan/atau biaya")
        _rules.optional_number(self.jam, "jam", "Jam")
        _rules.optional_number(self.biaya, "biaya", "Biaya (Rp)")
