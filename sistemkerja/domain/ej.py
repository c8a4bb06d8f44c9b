"""EJ band tables (kategori efisiensi jabatan): agency practice, read from the Kebijakan sheet.

EJ = workload ÷ (staff × jam efektif) (Permenpan RB 1/2020). Its letters A–E and their
predikat are fixed (A *Sangat Baik*, B *Baik*, C *Cukup*, D *Sedang*, E *Kurang*); where
one band ends differs between agencies, so a plan carries its own table
(:attr:`~sistemkerja.domain.kebijakan.Kebijakan.kategori_ej`), written in one cell::

    A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50          (the default)
    A > 1,00; B ≥ 0,81; C ≥ 0,66; D ≥ 0,50          (Kemenkeu: EJ 1,00 is B)

E is everything below D and need not be written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sistemkerja.domain.angka import parse_angka

PREDIKAT_EJ: dict[str, str] = {
    "A": "Sangat Baik",
    "B": "Baik",
    "C": "Cukup",
    "D": "Sedang",
    "E": "Kurang",
}
"""Predikat of each EJ letter."""

TOLERANSI_EJ = 1e-9
"""An EJ this close to a bound counts as on it (0,3 + 0,3 + 0,1 is 0,70)."""

_BAGIAN = re.compile(r"^\s*([A-Za-z])\s*(≥|>=|=>|>)\s*(.*?)\s*$")
_BAGIAN_E = re.compile(r"^\s*[Ee]\s*(<|≤|<=|=<)\s*(.*?)\s*$")


def _angka(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class PitaEJ:
    """One EJ band: its letter, its lower bound and its predikat.

    Parameters
    ----------
    kategori : str
        Letter ``"A"``–``"E"``.
    batas : float
        Lower bound of the band (EJ, dimensionless); ``-inf`` for E (everything below D).
    ketat : bool
        ``True``: the band starts above ``batas`` (``A > 1,00``); ``False``: at it
        (``A ≥ 1,00``).
    predikat : str
        Indonesian grade (:data:`PREDIKAT_EJ`).
    """

    kategori: str
    batas: float
    ketat: bool
    predikat: str

    def memuat_batas_bawah(self, ej: float, toleransi: float = TOLERANSI_EJ) -> bool:
        """Whether ``ej`` reaches the band's lower bound (``≥`` or ``>``, within ``toleransi``)."""
        if self.ketat:
            return ej > self.batas + toleransi
        return ej >= self.batas - toleransi

    def syarat(self) -> str:
        """Return the band's lower bound as written in the Kebijakan cell (``"B ≥ 0,90"``)."""
        return f"{self.kategori} {'>' if self.ketat else '≥'} {_angka(self.batas)}"


@dataclass(frozen=True, slots=True)
class TabelEJ:
    """The EJ band table of a plan: bands A, B, C, D (lower bounds, highest first) and E.

    Parameters
    ----------
    pita : tuple of PitaEJ
        Five bands A, B, C, D, E in that order, bounds strictly descending; E has
        ``batas = -inf``. Build one from its cell text with :meth:`baca`.

    Raises
    ------
    ValueError
        If the bands are not A–E in order or the bounds do not descend (Indonesian message).

    Examples
    --------
    >>> t = TabelEJ.baca("A > 1,00; B ≥ 0,81; C ≥ 0,66; D ≥ 0,50")
    >>> t.kategori(1.0).kategori
    'B'
    >>> str(TABEL_EJ_BAWAAN)
    'A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50'
    """

    pita: tuple[PitaEJ, ...]

    def __post_init__(self) -> None:
        letters = tuple(p.kategori for p in self.pita)
        if letters != tuple(PREDIKAT_EJ):
            raise ValueError(
                f"tabel kategori EJ harus berisi pita A, B, C, D, E berurutan, bukan {letters}"
            )
        e = self.pita[-1]
        if e.batas != -math.inf:
            raise ValueError("pita E tidak punya batas bawah: E ialah semua EJ di bawah D")
        for atas, bawah in zip(self.pita[:3], self.pita[1:4], strict=True):
            if not bawah.batas < atas.batas:
                raise ValueError(
                    f"batas kategori EJ harus menurun: {bawah.syarat()} tidak di bawah "
                    f"{atas.syarat()}"
                )
        for p in self.pita[:4]:
            if not math.isfinite(p.batas) or p.batas < 0:
                raise ValueError(f"batas kategori EJ {p.kategori} harus angka ≥ 0")

    @classmethod
    def dari_batas(cls, *batas: tuple[float, bool]) -> TabelEJ:
        """Build a table from the lower bounds of A, B, C, D as ``(batas, ketat)`` pairs."""
        if len(batas) != 4:
            raise ValueError("tabel kategori EJ perlu tepat empat batas: A, B, C, D")
        pita = [
            PitaEJ(huruf, float(b), bool(k), PREDIKAT_EJ[huruf])
            for huruf, (b, k) in zip("ABCD", batas, strict=True)
        ]
        pita.append(PitaEJ("E", -math.inf, False, PREDIKAT_EJ["E"]))
        return cls(tuple(pita))

    @classmethod
    def baca(cls, teks: str) -> TabelEJ:
        """Read a table from its Kebijakan cell, e.g. ``"A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50"``.

        Parameters
        ----------
        teks : str
            Four parts ``<letter> ≥|> <number>`` separated by ``;``, one for each of A,
            B, C, D (any order), numbers in Indonesian or plain notation; an optional
            ``E < <number>`` part must repeat D's bound.

        Returns
        -------
        TabelEJ
            The table.

        Raises
        ------
        ValueError
            Naming the part that is wrong (Indonesian).
        """
        parts = [p for p in str(teks).split(";") if p.strip()]
        if not parts:
            raise ValueError(
                "tabel kategori EJ kosong; tulis mis. 'A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50'"
            )
        found: dict[str, tuple[float, bool]] = {}
        e_part: tuple[str, float, bool] | None = None
        for part in parts:
            m_e = _BAGIAN_E.match(part)
            if m_e:
                e_part = (
                    part.strip(),
                    _bound(m_e.group(2), part),
                    m_e.group(1) in ("≤", "<=", "=<"),
                )
                continue
            m = _BAGIAN.match(part)
            if not m:
                raise ValueError(
                    f"bagian '{part.strip()}' tidak terbaca; tulis huruf, tanda ≥ atau >, "
                    "lalu angka, mis. 'B ≥ 0,90'"
                )
            huruf = m.group(1).upper()
            if huruf not in "ABCD":
                raise ValueError(
                    f"bagian '{part.strip()}': huruf kategori harus A, B, C, atau D "
                    "(E ialah semua EJ di bawah D)"
                )
            if huruf in found:
                raise ValueError(f"kategori {huruf} ditulis lebih dari sekali")
            found[huruf] = (_bound(m.group(3), part), m.group(2) == ">")
        missing = [h for h in "ABCD" if h not in found]
        if missing:
            raise ValueError(f"kategori {', '.join(missing)} belum diberi batas bawah")
        table = cls.dari_batas(*(found[h] for h in "ABCD"))
        if e_part is not None:
            text, bound, inclusive = e_part
            d = table.pita[3]
            if bound != d.batas or inclusive != d.ketat:
                raise ValueError(
                    f"bagian '{text}' tidak cocok dengan {d.syarat()}: E ialah semua EJ di "
                    "bawah D; hapus bagian E atau samakan batasnya"
                )
        return table

    def kategori(self, ej: float, toleransi: float = TOLERANSI_EJ) -> PitaEJ:
        """Return the band holding ``ej``: the first band, from A down, whose bound it reaches.

        Parameters
        ----------
        ej : float
            Efisiensi jabatan (finite).
        toleransi : float
            An EJ this close to a bound counts as on it.

        Returns
        -------
        PitaEJ
            The band (E when below D).
        """
        for p in self.pita[:4]:
            if p.memuat_batas_bawah(ej, toleransi):
                return p
        return self.pita[-1]

    def rentang(self) -> tuple[tuple[PitaEJ, str], ...]:
        """Return each band with its range written out (``"0,90 ≤ EJ < 1,00"``), A first."""
        out = []
        for i, p in enumerate(self.pita):
            atas = ""
            if i > 0:
                prev = self.pita[i - 1]
                atas = f"EJ {'≤' if prev.ketat else '<'} {_angka(prev.batas)}"
            if i == len(self.pita) - 1:
                out.append((p, atas))
                continue
            bawah = f"{_angka(p.batas)} {'<' if p.ketat else '≤'} "
            out.append(
                (p, f"{bawah}{atas}" if atas else f"EJ {'>' if p.ketat else '≥'} {_angka(p.batas)}")
            )
        return tuple(out)

    def uraian(self) -> str:
        """Describe the whole table, one band per ``;`` (``"A Sangat Baik: EJ ≥ 1,00; …"``)."""
        return "; ".join(f"{p.kategori} {p.predikat}: {r}" for p, r in self.rentang())

    def __str__(self) -> str:
        return "; ".join(p.syarat() for p in self.pita[:4])


def _bound(text: str, part: str) -> float:
    try:
        value = parse_angka(text)
    except ValueError:
        raise ValueError(
            f"bagian '{part.strip()}': '{text}' bukan angka (tulis mis. 0,90)"
        ) from None
    return value


TABEL_EJ_BAWAAN = TabelEJ.dari_batas((1.00, False), (0.90, False), (0.70, False), (0.50, False))
"""Default bands *(practice)*: A ≥ 1,00; B 0,90–< 1,00; C 0,70–< 0,90; D 0,50–< 0,70; E < 0,50."""

TABEL_EJ_KEMENKEU = TabelEJ.dari_batas((1.00, True), (0.81, False), (0.66, False), (0.50, False))
"""Kemenkeu's bands: A > 1,00; B 0,81–1,00; C 0,66–< 0,81; D 0,50–< 0,66; E < 0,50."""
