"""An allocation: who works how many hours on which activity, and who sits in which team.

An allocation is what the optimiser decides (stage 4 of planning) and what the Matriks
Peran-Hasil, the workload and budget recaps and the RHK drafts are computed from. It can
also be entered by hand, so the analyses never depend on the optimiser.
"""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import Jenjang


@dataclass(frozen=True, slots=True)
class Penugasan:
    """Hours one person gives to one role (effort line) of one activity.

    Parameters
    ----------
    nip : str
        The person.
    kegiatan : str
        Activity code.
    jabatan : str
        Jabatan of the effort line (:class:`~sistemkerja.domain.kegiatan.BebanKegiatan`).
    jenjang_min : Jenjang or None
        Minimum jenjang of that effort line (identifies it together with ``jabatan``).
    jam : float
        Hours this person spends on it (jam).
    porsi : float
        Fraction of the effort line this person carries (0–1); the shares of one line
        sum to 1 when it is fully covered.
    biaya : float
        Personnel cost of this work (Rp): hours × hourly cost, or the override.
    """

    nip: str
    kegiatan: str
    jabatan: str
    jenjang_min: Jenjang | None
    jam: float
    porsi: float
    biaya: float = 0.0

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        _rules.text(self.kegiatan, "kegiatan", "Kegiatan")
        _rules.number(self.jam, "jam", "Jam")
        _rules.number(self.porsi, "porsi", "Porsi")
        _rules.number(self.biaya, "biaya", "Biaya (Rp)")


@dataclass(frozen=True, slots=True)
class Keanggotaan:
    """Membership of one person in one team.

    Parameters
    ----------
    tim : str
        Team code.
    nip : str
        The person.
    ketua : bool
        Whether this person is the team's Ketua Tim.
    """

    tim: str
    nip: str
    ketua: bool = False


@dataclass(frozen=True, slots=True)
class Alokasi:
    """Assignments and memberships of one plan.

    Parameters
    ----------
    penugasan : tuple of Penugasan
        Hours per person, activity and effort line (only non-zero hours).
    keanggotaan : tuple of Keanggotaan
        Team memberships, Ketua Tim flagged.
    """

    penugasan: tuple[Penugasan, ...] = ()
    keanggotaan: tuple[Keanggotaan, ...] = ()

    def ketua(self) -> dict[str, str]:
        """Return the Ketua Tim's NIP per team code (teams without a Ketua are absent)."""
        return {k.tim: k.nip for k in self.keanggotaan if k.ketua}

    def anggota(self, tim: str) -> list[str]:
        """Return the NIPs of a team's members (Ketua first)."""
        members = [k for k in self.keanggotaan if k.tim == tim]
        return [k.nip for k in sorted(members, key=lambda k: not k.ketua)]
