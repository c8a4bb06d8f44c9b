"""Fictional people for the sample plans: names, academic titles and NIPs.

Every name is composed from lists of common Indonesian given names and family-style
names; every NIP follows the fictional scheme of :mod:`sistemkerja.domain.nip` (a real
structure, but the 3-digit sequence always starts with ``9``). No person is copied from
a real register.
"""

from __future__ import annotations

import datetime as dt
import random

from sistemkerja.domain import make_nip

GIVEN_MALE: tuple[str, ...] = (
    "Agus",
    "Andi",
    "Arif",
    "Aditya",
    "Bayu",
    "Budi",
    "Dedi",
    "Dimas",
    "Eko",
    "Fajar",
    "Galih",
    "Hadi",
    "Hendra",
    "Ilham",
    "Irfan",
    "Joko",
    "Rahmat",
    "Reza",
    "Rizky",
    "Taufik",
    "Teguh",
    "Wahyu",
    "Yoga",
    "Yudi",
)
"""Common male given names."""

GIVEN_FEMALE: tuple[str, ...] = (
    "Anisa",
    "Ayu",
    "Citra",
    "Dewi",
    "Dian",
    "Endah",
    "Fitri",
    "Indah",
    "Maya",
    "Mega",
    "Nadia",
    "Novi",
    "Nur",
    "Putri",
    "Rani",
    "Ratna",
    "Rina",
    "Sari",
    "Siti",
    "Tri",
    "Wening",
    "Wulan",
    "Yuni",
    "Zahra",
)
"""Common female given names."""

FAMILY_NEUTRAL: tuple[str, ...] = (
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sinaga",
    "Tanjung",
    "Sembiring",
    "Tarigan",
    "Manurung",
    "Pohan",
    "Latuconsina",
    "Pattiasina",
    "Wijaya",
    "Kusuma",
    "Halim",
    "Hakim",
)
"""Family-style names used for both sexes (marga and common surnames)."""

FAMILY_MALE: tuple[str, ...] = (
    "Pratama",
    "Saputra",
    "Nugroho",
    "Kurniawan",
    "Setiawan",
    "Wibowo",
    "Susanto",
    "Hidayat",
    "Ramadhan",
    "Purnomo",
    "Hartono",
    "Mahendra",
    "Suryadi",
    "Gunawan",
)
"""Second names customary for men."""

FAMILY_FEMALE: tuple[str, ...] = (
    "Anggraini",
    "Lestari",
    "Rahayu",
    "Utami",
    "Wulandari",
    "Handayani",
    "Maharani",
    "Puspitasari",
    "Permatasari",
    "Safitri",
)
"""Second names customary for women."""

#: First month of CPNS/PPPK service (TMT) as commonly seen in appointments.
TMT_MONTHS: tuple[int, ...] = (1, 1, 1, 2, 3, 4, 6, 7, 10, 12)


class PembuatNama:
    """Compose unique fictional names with a seeded random generator.

    Parameters
    ----------
    rng : random.Random
        The generator (owned by the caller, so the whole plan is reproducible).
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.count: dict[str, int] = {}

    def _pick(self, names: tuple[str, ...]) -> str:
        """Pick one of the least-used names (so names spread evenly)."""
        fewest = min(self.count.get(n, 0) for n in names)
        name = self.rng.choice([n for n in names if self.count.get(n, 0) == fewest])
        self.count[name] = self.count.get(name, 0) + 1
        return name

    def nama(self, sex: int, *, depan: str = "", belakang: tuple[str, ...] = ()) -> str:
        """Return a new full name with optional titles.

        Parameters
        ----------
        sex : int
            1 male, 2 female.
        depan : str
            Title before the name (``"Dr."``), or empty.
        belakang : tuple of str
            Degrees after the name (``("S.E.", "M.Si.")``).

        Returns
        -------
        str
            E.g. ``"Dr. Ratna Siregar, S.Sos., M.Si."``; the bare name is unique among
            the names this instance has made (a third name is added if needed).
        """
        given = GIVEN_MALE if sex == 1 else GIVEN_FEMALE
        family = FAMILY_NEUTRAL + (FAMILY_MALE if sex == 1 else FAMILY_FEMALE)
        bare = f"{self._pick(given)} {self._pick(family)}"
        tries = 0
        while bare in self.used:
            tries += 1
            parts = [self.rng.choice(given), self.rng.choice(given), self.rng.choice(family)]
            if tries > 20:
                parts.append(self.rng.choice(FAMILY_NEUTRAL))
            bare = " ".join(parts)
        self.used.add(bare)
        text = f"{depan} {bare}" if depan else bare
        return ", ".join((text, *belakang))


def nip_fiktif(
    rng: random.Random,
    *,
    sex: int,
    seq: int,
    tahun: int,
    masa_kerja: tuple[int, int],
    usia_masuk: tuple[int, int],
    lahir: dt.date | None = None,
    tmt: tuple[int, int] | None = None,
    usia_maks: int = 56,
) -> str:
    """Return a fictional but well-formed NIP for a person in fiscal year ``tahun``.

    Parameters
    ----------
    rng : random.Random
        Seeded generator.
    sex : int
        1 male, 2 female (digit 15).
    seq : int
        Sequence number, 900–999 in the fictional scheme.
    tahun : int
        Fiscal year of the plan; service started no later than this year.
    masa_kerja : tuple of int
        Range of years of service (inclusive) at ``tahun``.
    usia_masuk : tuple of int
        Range of ages (years, inclusive) at the start of service; at least 20.
    lahir : datetime.date, optional
        Fixed birth date (e.g. someone retiring this year).
    tmt : tuple of int, optional
        Fixed start of service ``(year, month)``.
    usia_maks : int
        Highest age (years) at ``tahun``, kept below the retirement age.

    Returns
    -------
    str
        18 digits: birth date, start of service, sex digit, sequence.
    """
    if tmt is None:
        start_year = tahun - rng.randint(*masa_kerja)
        start_month = rng.choice(TMT_MONTHS)
    else:
        start_year, start_month = tmt
    if lahir is None:
        low = max(20, usia_masuk[0])
        high = max(low, min(usia_masuk[1], usia_maks - (tahun - start_year)))
        year = start_year - rng.randint(low, high)
        lahir = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    if start_year < lahir.year + 20:
        raise ValueError("TMT CPNS harus pada usia 20 tahun atau lebih")
    return make_nip(lahir, start_year, start_month, sex, seq)
