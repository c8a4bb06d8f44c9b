"""Reading the target forms real PK documents use, beyond "a number with a unit".

Agencies' Perjanjian Kinerja state targets as a number with a unit (``"90 %"``,
``"12 Laporan"``), but also as

* a predicate on an ordered scale: BPK audit opinion ``"WTP"``, SAKIP/RB grade ``"BB"``;
* a range: ``"90–95 %"``, ``"3,0 s.d. 3,5"``, ``"antara 3 dan 5"``;
* a bound with a direction: ``"≤ 10 %"`` (lower is better), ``"min. 80 poin"``;
* several sub-targets: ``"33 % / 50 % / 17 %"``, ``"8 LHP + 8 Surat"``;
* a period: ``"Triwulan IV"``, ``"Semester II 2024"``;
* a date (month and year, optionally a day): ``"Desember 2017"``, ``"31 Maret 2025"``.

:func:`baca_target` reads each of these into a :class:`TargetPK`. A plain number with a
unit gives the same number and unit as :func:`sistemkerja.domain.angka.parse_target`,
which it calls. Numbers follow the Indonesian notation of
:func:`sistemkerja.domain.angka.parse_angka` (``"1.250,5"``).

:class:`~sistemkerja.domain.pk.Indikator` and :class:`~sistemkerja.domain.pk.TugasTambahan`
read their targets with it (``target_pk``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sistemkerja.domain.angka import Target, parse_angka, parse_target
from sistemkerja.domain.enums import LabelEnum

__all__ = [
    "NILAI_SAKIP",
    "OPINI_BPK",
    "SKALA_BAKU",
    "Arah",
    "JenisTarget",
    "Periode",
    "Skala",
    "TargetPK",
    "baca_target",
]


class JenisTarget(LabelEnum):
    """The form a PK target takes."""

    ANGKA = "Angka"
    PREDIKAT = "Predikat"
    RENTANG = "Rentang"
    BATAS = "Batas"
    MAJEMUK = "Majemuk"
    PERIODE = "Periode"
    TANGGAL = "Tanggal"


class Arah(LabelEnum):
    """Polarity of a target: whether a higher or a lower realisation is better."""

    NAIK = "Makin tinggi makin baik"
    TURUN = "Makin rendah makin baik"


class Periode(LabelEnum):
    """A period of the budget year named as a target (a deadline)."""

    TW_I = "Triwulan I"
    TW_II = "Triwulan II"
    TW_III = "Triwulan III"
    TW_IV = "Triwulan IV"
    SEMESTER_I = "Semester I"
    SEMESTER_II = "Semester II"

    @property
    def bulan_akhir(self) -> int:
        """Last month of the period (1–12): 3, 6, 9, 12 for the quarters, 6, 12 for semesters."""
        return _BULAN_AKHIR[self]


_BULAN_AKHIR: dict[Periode, int] = {
    Periode.TW_I: 3,
    Periode.TW_II: 6,
    Periode.TW_III: 9,
    Periode.TW_IV: 12,
    Periode.SEMESTER_I: 6,
    Periode.SEMESTER_II: 12,
}


def _key(text: str) -> str:
    """Normalise a predicate for matching: no quotes, single spaces, case-folded."""
    return " ".join(str(text).strip().strip("\"'“”‘’").split()).casefold()


@dataclass(frozen=True, slots=True)
class Skala:
    """An ordered scale of predicates, such as the BPK audit opinion.

    Parameters
    ----------
    nama : str
        Name of the scale, e.g. ``"Opini BPK"``.
    tingkat : tuple of tuple of str
        The levels from best to worst; each level holds the canonical predicates of equal
        rank, e.g. ``(("WTP",), ("WDP",), ("TW", "TMP"))``.
    alias : tuple of (str, str)
        Other spellings and their canonical predicate, e.g.
        ``(("Wajar Tanpa Pengecualian", "WTP"),)``.

    Raises
    ------
    ValueError
        If the scale is empty, a predicate appears twice, or an alias names an unknown
        predicate.
    """

    nama: str
    tingkat: tuple[tuple[str, ...], ...]
    alias: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        labels = [label for level in self.tingkat for label in level]
        if not self.nama.strip() or not labels or any(not level for level in self.tingkat):
            raise ValueError("skala harus bernama dan setiap tingkatnya berisi predikat")
        if len({_key(label) for label in labels}) != len(labels):
            raise ValueError(f"skala '{self.nama}' memuat predikat yang sama dua kali")
        for alias, canonical in self.alias:
            if canonical not in labels:
                raise ValueError(
                    f"alias '{alias}' pada skala '{self.nama}' menunjuk predikat "
                    f"'{canonical}' yang tidak ada"
                )

    @property
    def predikat(self) -> tuple[str, ...]:
        """Every canonical predicate, best first."""
        return tuple(label for level in self.tingkat for label in level)

    def cari(self, teks: str) -> str | None:
        """Return the canonical predicate ``teks`` names, or ``None``.

        Matching ignores case, quotes and repeated spaces.

        Parameters
        ----------
        teks : str
            A predicate as written, e.g. ``"wtp"`` or ``"Tidak Wajar"``.

        Returns
        -------
        str or None
            The canonical predicate, e.g. ``"WTP"``.
        """
        key = _key(teks)
        for label in self.predikat:
            if _key(label) == key:
                return label
        for alias, canonical in self.alias:
            if _key(alias) == key:
                return canonical
        return None

    def peringkat(self, predikat: str) -> int:
        """Rank of a predicate: 1 for the lowest level, ``len(tingkat)`` for the best.

        Parameters
        ----------
        predikat : str
            A predicate of this scale (any spelling :meth:`cari` accepts).

        Returns
        -------
        int
            The rank; predicates of one level share it.

        Raises
        ------
        ValueError
            If the predicate is not on this scale.
        """
        canonical = self.cari(predikat)
        for index, level in enumerate(self.tingkat):
            if canonical in level:
                return len(self.tingkat) - index
        allowed = ", ".join(self.predikat)
        raise ValueError(
            f"predikat '{predikat}' tidak ada pada skala '{self.nama}'; pilihan: {allowed}"
        )


#: BPK audit opinion: WTP > WDP > TW = TMP.
OPINI_BPK = Skala(
    "Opini BPK",
    (("WTP",), ("WDP",), ("TW", "TMP")),
    (
        ("Wajar Tanpa Pengecualian", "WTP"),
        ("Wajar Dengan Pengecualian", "WDP"),
        ("Tidak Wajar", "TW"),
        ("Tidak Memberikan Pendapat", "TMP"),
        ("Tidak Menyatakan Pendapat", "TMP"),
        ("Disclaimer", "TMP"),
    ),
)

#: Grade of the SAKIP and Reformasi Birokrasi evaluations: AA > A > BB > B > CC > C > D.
NILAI_SAKIP = Skala(
    "Predikat SAKIP/RB", (("AA",), ("A",), ("BB",), ("B",), ("CC",), ("C",), ("D",))
)

#: The scales :func:`baca_target` knows without being told.
SKALA_BAKU: tuple[Skala, ...] = (OPINI_BPK, NILAI_SAKIP)


@dataclass(frozen=True, slots=True)
class TargetPK:
    """A PK target as written, read into its form and values.

    Parameters
    ----------
    teks : str
        The text as the PK states it (inner spaces collapsed).
    jenis : JenisTarget
        The form of the target.
    nilai : float, optional
        The number of an ``ANGKA`` or ``BATAS`` target, in ``satuan``.
    satuan : str
        The unit (``"%"``, ``"Laporan"``, ``"Rp"``…); empty when none is given or when the
        form has none (predicate, period, date, compound).
    arah : Arah
        Polarity. ``TURUN`` for upper bounds ("≤", "maks.", "paling banyak") and for
        periods and dates (a deadline: earlier is better); ``NAIK`` otherwise.
    bawah : float, optional
        Lowest acceptable value: the lower end of a ``RENTANG``, or the number of a lower
        bound ("≥ 90 %").
    atas : float, optional
        Highest acceptable value: the upper end of a ``RENTANG``, or the number of an upper
        bound ("≤ 10 %").
    inklusif : bool
        Whether a bound includes its number (``False`` for ``"<"`` and ``">"``).
    predikat : str, optional
        The canonical predicate of a ``PREDIKAT`` target, e.g. ``"WTP"``.
    skala : Skala, optional
        The scale the predicate belongs to.
    peringkat : int, optional
        Rank of the predicate on its scale (1 = lowest level).
    bagian : tuple of TargetPK
        The sub-targets of a ``MAJEMUK`` target, in the order written.
    periode : Periode, optional
        The period of a ``PERIODE`` target.
    tahun : int, optional
        The year of a ``TANGGAL`` target, or of a period when written ("Triwulan IV 2024").
    bulan : int, optional
        The month (1–12) of a ``TANGGAL`` target.
    hari : int, optional
        The day of the month of a ``TANGGAL`` target, when written.
    """

    teks: str
    jenis: JenisTarget
    nilai: float | None = None
    satuan: str = ""
    arah: Arah = Arah.NAIK
    bawah: float | None = None
    atas: float | None = None
    inklusif: bool = True
    predikat: str | None = None
    skala: Skala | None = None
    peringkat: int | None = None
    bagian: tuple[TargetPK, ...] = field(default=())
    periode: Periode | None = None
    tahun: int | None = None
    bulan: int | None = None
    hari: int | None = None

    @property
    def angka(self) -> tuple[float, ...]:
        """Every number of the target, in the order written (parts of a compound included)."""
        if self.bagian:
            return tuple(n for part in self.bagian for n in part.angka)
        if self.jenis is JenisTarget.RENTANG:
            return tuple(n for n in (self.bawah, self.atas) if n is not None)
        return () if self.nilai is None else (self.nilai,)

    def sebagai_target(self) -> Target:
        """Return a plain number-with-unit target as today's :class:`Target`.

        Returns
        -------
        Target
            Raw text, number and unit.

        Raises
        ------
        ValueError
            If this target is not of the form ``ANGKA``.
        """
        if self.jenis is not JenisTarget.ANGKA or self.nilai is None:
            raise ValueError(
                f"target '{self.teks}' berbentuk {self.jenis.value.lower()}, "
                "bukan satu angka dengan satuan"
            )
        return Target(self.teks, self.nilai, self.satuan)


_CONTOH = (
    "90 %, 12 Laporan, Indeks 3,05, WTP, BB, 90–95 %, ≤ 10 %, min. 80 poin, "
    "8 LHP + 8 Surat, 33 % / 50 % / 17 %, Triwulan IV, Desember 2017"
)

_NUM = r"\d(?:[\d.,]*\d)?"
_RANGE_SEP = r"(?:–|—|-|s\.?\s?d\.?|s\s?/\s?d\.?|sampai(?:\s+dengan)?|hingga)"
_SD_SLASH = re.compile(r"\bs\s?/\s?d\b", re.IGNORECASE)
_RANGE = re.compile(
    rf"^(?P<pre>[^\d]*?)\s*(?P<a>{_NUM})\s*(?P<ua>[^\d–—-]*?)\s*{_RANGE_SEP}\s*"
    rf"(?:(?P=pre)\s*)?(?P<b>{_NUM})\s*(?P<ub>[^\d]*)$",
    re.IGNORECASE,
)
_ANTARA = re.compile(
    rf"^(?P<pre>[^\d]*?)\s*antara\s+(?P<a>{_NUM})\s*(?P<ua>[^\d]*?)\s+dan\s+"
    rf"(?P<b>{_NUM})\s*(?P<ub>[^\d]*)$",
    re.IGNORECASE,
)

# Bound words and symbols: (pattern, arah, inklusif). Longer words first.
_BOUNDS: tuple[tuple[str, Arah, bool], ...] = (
    (r"≤|<=|=<|⩽", Arah.TURUN, True),
    (r"≥|>=|=>|⩾", Arah.NAIK, True),
    (r"<", Arah.TURUN, False),
    (r">", Arah.NAIK, False),
    (
        r"(?:paling\s+banyak|paling\s+tinggi|setinggi-tingginya|sebanyak-banyaknya|"
        r"tidak\s+lebih\s+dari|maksimal|maksimum|maks\.?|max\.?)(?![^\W\d_])",
        Arah.TURUN,
        True,
    ),
    (
        r"(?:paling\s+sedikit|paling\s+rendah|serendah-rendahnya|sekurang-kurangnya|"
        r"sedikitnya|tidak\s+kurang\s+dari|minimal|minimum|min\.?)(?![^\W\d_])",
        Arah.NAIK,
        True,
    ),
)
_BOUND = re.compile(
    r"^(?:"
    + "|".join(f"(?P<b{i}>{p})" for i, (p, _, _) in enumerate(_BOUNDS))
    + r")\s*(?P<rest>.*)$",
    re.IGNORECASE,
)

# The same words written after the number: "10 Laporan (maks.)", "5 % ke bawah".
_BOUND_AFTER = re.compile(
    r"^(?P<rest>.*?\d.*?)\s*\(?\s*(?<![^\W\d_])"
    r"(?:(?P<down>maksimal|maksimum|maks\.?|max\.?|ke\s+bawah)|"
    r"(?P<up>minimal|minimum|min\.?|ke\s+atas))\s*\)?$",
    re.IGNORECASE,
)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PERIOD = re.compile(
    r"^(?:(?:pada|paling\s+lambat|selambat-lambatnya|akhir)\s+)?"
    r"(?P<kind>triwulan|tw|semester|smt)\.?\s*(?:ke\s*-?\s*)?(?P<n>IV|III|II|I|[1-4])"
    r"(?:\s+(?:tahun\s+)?(?P<year>\d{4}))?$",
    re.IGNORECASE,
)

_MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}
_DATE = re.compile(
    r"^(?:(?:pada|paling\s+lambat|selambat-lambatnya|akhir|bulan)\s+)*"
    r"(?:(?P<day>\d{1,2})\s+)?(?P<month>[a-z]+)\.?(?:\s+(?P<year>\d{4}))?$",
    re.IGNORECASE,
)

_PREDICATE_PREFIX = re.compile(
    r"^(?:(?:opini|predikat|nilai|kategori|hasil\s+evaluasi|evaluasi|dengan|bpk|sakip|rb|"
    r"akip|lkpp|lk|reformasi\s+birokrasi|sakip/rb)\s+)*",
    re.IGNORECASE,
)


def baca_target(
    teks: str | float | int,
    satuan: str | None = None,
    *,
    skala: Sequence[Skala] = (),
) -> TargetPK:
    """Read a PK target in any of the forms real PK documents use.

    Parameters
    ----------
    teks : str or float or int
        The target as written, e.g. ``"90 %"``, ``"WTP"``, ``"90–95 %"``, ``"≤ 10 %"``,
        ``"8 LHP + 8 Surat"``, ``"Triwulan IV"``, ``"Desember 2017"``. A cell number is a
        plain number.
    satuan : str, optional
        Unit from a separate column. It wins over the unit in the text for a number, a
        range or a bound (as in ``parse_target``); in a compound target it only fills the
        parts written without a unit.
    skala : sequence of Skala, optional
        Further predicate scales, searched before :data:`SKALA_BAKU`.

    Returns
    -------
    TargetPK
        The target's form and values.

    Raises
    ------
    ValueError
        In Indonesian, naming the text and the accepted forms, when the text is empty,
        holds no known form, or states an impossible one (a range whose lower end exceeds
        its upper end, two different units in one range, "Semester III", "30 Februari").

    Examples
    --------
    >>> baca_target("≤ 10 %").arah
    <Arah.TURUN: 'Makin rendah makin baik'>
    >>> baca_target("WTP").peringkat
    3
    >>> [p.satuan for p in baca_target("8 LHP + 8 Surat").bagian]
    ['LHP', 'Surat']
    """
    if isinstance(teks, bool):
        raise ValueError(f"target '{teks}' bukan teks atau angka; contoh yang diterima: {_CONTOH}")
    if isinstance(teks, int | float):
        plain = parse_target(teks, satuan)
        return TargetPK(plain.teks, JenisTarget.ANGKA, nilai=plain.nilai, satuan=plain.satuan)
    raw = " ".join(str(teks).replace("\u00a0", " ").split())
    if not raw:
        raise ValueError(f"target kosong; contoh yang diterima: {_CONTOH}")
    scales = (*skala, *SKALA_BAKU)
    compound, piece_error = _compound(raw, satuan, scales)
    if compound is not None:
        return compound
    found = _single(raw, satuan, scales)
    if found is not None:
        return found
    if piece_error is not None:
        raise piece_error
    numbers = re.findall(r"\d(?:[\d.,]*\d)?", raw)
    if len(numbers) > 1:
        raise ValueError(
            f"target '{raw}' memuat {len(numbers)} angka yang tidak tersusun sebagai rentang "
            "('90–95 %', '3 s.d. 5'), beberapa target ('33 % / 50 % / 17 %', "
            f"'8 LHP + 8 Surat') atau tanggal ('31 Maret 2025'); contoh yang diterima: {_CONTOH}"
        )
    raise ValueError(
        f"target '{raw}' tidak berisi angka, predikat, rentang, batas, periode atau "
        f"tanggal yang dikenal; contoh yang diterima: {_CONTOH}"
    )


def _compound(
    raw: str, satuan: str | None, scales: Sequence[Skala]
) -> tuple[TargetPK | None, ValueError | None]:
    """Read ``"8 LHP + 8 Surat"`` or ``"33 % / 50 % / 17 %"``.

    Returns the compound target, or ``None`` and the error of the first piece that was an
    impossible form (kept to explain a refusal when the whole text fits no form either).
    """
    # "s/d" ("sampai dengan") separates a range, not two targets
    separators = r"[+]" if _SD_SLASH.search(raw) else r"[+/]"
    pieces = [p.strip() for p in re.split(separators, raw)]
    if len(pieces) < 2 or not all(pieces):
        return None, None
    parts: list[TargetPK] = []
    for piece in pieces:
        try:
            part = _single(piece, None, scales)
        except ValueError as exc:
            return None, exc
        if part is None:
            return None, None
        parts.append(part)
    units = [p.satuan for p in parts]
    shared = units[-1] if all(not u for u in units[:-1]) and units[-1] else ""
    fill = (satuan or "").strip() or shared
    if fill:
        parts = [
            dataclasses.replace(p, satuan=fill) if not p.satuan and _has_unit(p) else p
            for p in parts
        ]
    return TargetPK(raw, JenisTarget.MAJEMUK, bagian=tuple(parts)), None


def _has_unit(part: TargetPK) -> bool:
    return part.jenis in (JenisTarget.ANGKA, JenisTarget.RENTANG, JenisTarget.BATAS)


def _single(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    """Read one target (not compound); ``None`` when no form fits."""
    for reader in (_period, _date, _range, _bound, _predicate):
        found = reader(raw, satuan, scales)
        if found is not None:
            return found
    return _number(raw, satuan)


def _number(raw: str, satuan: str | None) -> TargetPK | None:
    if re.search(r"[<>≤≥⩽⩾=]", raw):
        return None
    try:
        plain = parse_target(raw, satuan)
    except ValueError:
        return None
    return TargetPK(plain.teks, JenisTarget.ANGKA, nilai=plain.nilai, satuan=plain.satuan)


def _period(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    match = _PERIOD.match(raw)
    if match is None:
        return None
    kind = match["kind"].lower()
    number = match["n"].upper()
    n = _ROMAN[number] if number in _ROMAN else int(number)
    roman = {v: k for k, v in _ROMAN.items()}[n]
    if kind in ("semester", "smt"):
        if n > 2:
            raise ValueError(
                f"target '{raw}': tahun hanya punya Semester I dan II; "
                "periode yang diterima: Triwulan I–IV, Semester I–II"
            )
        periode = Periode(f"Semester {roman}")
    else:
        periode = Periode(f"Triwulan {roman}")
    year = int(match["year"]) if match["year"] else None
    return TargetPK(raw, JenisTarget.PERIODE, arah=Arah.TURUN, periode=periode, tahun=year)


def _date(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    match = _DATE.match(raw)
    if match is None or match["month"].lower() not in _MONTHS:
        return None
    month = _MONTHS[match["month"].lower()]
    year = int(match["year"]) if match["year"] else None
    day = int(match["day"]) if match["day"] else None
    if day is not None:
        try:
            dt.date(year if year is not None else 2000, month, day)
        except ValueError:
            raise ValueError(
                f"target '{raw}' bukan tanggal yang ada; tanggal ditulis seperti "
                "'Desember 2017' atau '31 Maret 2025'"
            ) from None
    return TargetPK(raw, JenisTarget.TANGGAL, arah=Arah.TURUN, tahun=year, bulan=month, hari=day)


def _range(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    match = _RANGE.match(raw) or _ANTARA.match(raw)
    if match is None:
        return None
    pre = match["pre"].strip()
    if pre and not re.fullmatch(r"[^\W\d_][\w .%/]*", pre):
        return None
    low, high = parse_angka(match["a"]), parse_angka(match["b"])
    unit_a, unit_b = match["ua"].strip(), match["ub"].strip()
    if unit_a and unit_b and unit_a != unit_b:
        raise ValueError(
            f"target '{raw}': kedua ujung rentang bersatuan lain ('{unit_a}' dan '{unit_b}'); "
            "rentang ditulis seperti '90–95 %'"
        )
    if low > high:
        raise ValueError(
            f"target '{raw}': ujung bawah rentang lebih besar dari ujung atasnya; "
            "rentang ditulis dari kecil ke besar, seperti '90–95 %'"
        )
    written = (
        "Rp"
        if pre.lower().rstrip(".") == "rp"
        else " ".join(part for part in (pre, unit_b or unit_a) if part)
    )
    unit = (satuan or "").strip() or written
    return TargetPK(raw, JenisTarget.RENTANG, satuan=unit, bawah=low, atas=high)


def _bound(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    match = _BOUND.match(raw)
    if match is not None:
        index = next(i for i in range(len(_BOUNDS)) if match[f"b{i}"] is not None)
        _, arah, inclusive = _BOUNDS[index]
        rest = match["rest"].strip()
    else:
        suffix = _BOUND_AFTER.match(raw)
        if suffix is None:
            return None
        arah, inclusive = (Arah.TURUN if suffix["down"] else Arah.NAIK), True
        rest = suffix["rest"].strip()
    if not rest:
        return None
    predicate = _predicate(rest, None, scales)
    if predicate is not None:
        return dataclasses.replace(predicate, teks=raw, arah=arah)
    number = _number(rest, satuan)
    if number is None or number.nilai is None:
        return None
    low, high = (None, number.nilai) if arah is Arah.TURUN else (number.nilai, None)
    return TargetPK(
        raw,
        JenisTarget.BATAS,
        nilai=number.nilai,
        satuan=number.satuan,
        arah=arah,
        bawah=low,
        atas=high,
        inklusif=inclusive,
    )


def _predicate(raw: str, satuan: str | None, scales: Sequence[Skala]) -> TargetPK | None:
    if re.search(r"\d", raw):
        return None
    body = _PREDICATE_PREFIX.sub("", raw).strip()
    readings: list[list[str]] = [[raw], [body]]
    both = re.fullmatch(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)", body)
    if both is not None:
        # "Wajar Tanpa Pengecualian (WTP)": both spellings must name the same predicate
        readings.append([both["outer"], both["inner"]])
    for scale in scales:
        for reading in readings:
            labels = {scale.cari(text) for text in reading}
            label = labels.pop() if len(labels) == 1 else None
            if label is not None:
                return TargetPK(
                    raw,
                    JenisTarget.PREDIKAT,
                    predikat=label,
                    skala=scale,
                    peringkat=scale.peringkat(label),
                )
    return None
