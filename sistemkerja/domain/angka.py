"""Reading numbers and targets written the Indonesian way ("1,4", "1.250.000,50", "70 %").

Rules (documented in ``docs/format_buku_kerja.md``):

* a comma is the decimal separator, a dot groups thousands: ``"1.250.000,50"`` is
  1250000.5 and ``"1,4"`` is 1.4;
* a number with only dots is read as thousands when every group after the first has
  exactly three digits (``"1.250"`` is 1250), otherwise the dot is a decimal point
  (``"3.05"`` is 3.05), so numbers typed in an English-locale Excel still read;
* several commas in three-digit groups (``"1,250,000"``) are English thousands;
* a trailing or leading unit is kept apart: ``"70 %"`` is (70, "%"), ``"Skala 7"`` is
  (7, "Skala"), ``"Rp 1.250.000"`` is (1250000, "Rp").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_NUMBER = re.compile(r"[-+]?\d[\d.,]*")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3}){2,}$")


def parse_angka(text: str | float | int) -> float:
    """Parse one number written in Indonesian (or plain) notation.

    Parameters
    ----------
    text : str or float or int
        The cell content; numbers pass through unchanged.

    Returns
    -------
    float
        The value.

    Raises
    ------
    ValueError
        If ``text`` is not exactly one number (an optional ``%`` or ``Rp`` is allowed).

    Examples
    --------
    >>> parse_angka("1,4")
    1.4
    >>> parse_angka("1.250.000,50")
    1250000.5
    >>> parse_angka("70 %")
    70.0
    """
    if isinstance(text, bool):
        raise ValueError("bukan angka")
    if isinstance(text, int | float):
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("bukan angka")
        return value
    s = str(text).strip().replace("\u00a0", " ")
    s = re.sub(r"^(rp\.?)\s*", "", s, flags=re.IGNORECASE)
    s = s.removesuffix("%").strip().replace(" ", "")
    if not s or not re.fullmatch(r"[-+]?\d[\d.,]*", s):
        raise ValueError(f"'{text}' bukan angka")
    return _to_float(s)


def _to_float(s: str) -> float:
    sign = -1.0 if s.startswith("-") else 1.0
    body = s.lstrip("+-")
    if body.endswith((".", ",")):
        raise ValueError(f"'{s}' bukan angka")
    if "," in body and "." in body:
        if body.rfind(",") > body.rfind("."):
            body = body.replace(".", "").replace(",", ".")
        else:
            body = body.replace(",", "")
    elif "," in body:
        body = body.replace(",", "") if _THOUSANDS_COMMA.match(body) else body.replace(",", ".")
    elif "." in body and _THOUSANDS_DOT.match(body):
        body = body.replace(".", "")
    try:
        return sign * float(body)
    except ValueError:
        raise ValueError(f"'{s}' bukan angka") from None


def format_angka(value: float, decimals: int | None = None) -> str:
    """Format a number the Indonesian way (dot thousands, comma decimals).

    Parameters
    ----------
    value : float
        The number.
    decimals : int, optional
        Fixed number of decimals; by default as many as needed (at most 2).

    Returns
    -------
    str
        E.g. ``"1.250.000,5"``.

    Examples
    --------
    >>> format_angka(1250000.5)
    '1.250.000,5'
    """
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if decimals is None else f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass(frozen=True, slots=True)
class Target:
    """A target as written (raw text) with its parsed number and unit.

    Parameters
    ----------
    teks : str
        The text exactly as the PK states it, e.g. ``"70 %"``, ``"86 Laporan"``.
    nilai : float
        The parsed number.
    satuan : str
        The unit (``"%"``, ``"Laporan"``, ``"Indeks"``…); empty when none is given.
    """

    teks: str
    nilai: float
    satuan: str


def parse_target(teks: str | float | int, satuan: str | None = None) -> Target:
    """Parse a target text into number and unit.

    Parameters
    ----------
    teks : str or float or int
        Raw target, e.g. ``"70 %"``, ``"86 Laporan"``, ``"Skala 7"``, ``"1,4"``.
    satuan : str, optional
        Unit from a separate column; wins over a unit found in the text.

    Returns
    -------
    Target
        Raw text, number and unit.

    Raises
    ------
    ValueError
        If the text holds no number or more than one.

    Examples
    --------
    >>> parse_target("70 %")
    Target(teks='70 %', nilai=70.0, satuan='%')
    >>> parse_target("Skala 7").satuan
    'Skala'
    """
    if isinstance(teks, int | float) and not isinstance(teks, bool):
        raw = _plain(teks)
        return Target(raw, parse_angka(teks), (satuan or "").strip())
    raw = " ".join(str(teks).split())
    matches = [m for m in _NUMBER.finditer(raw) if m.group().strip(".,+-")]
    if not matches:
        raise ValueError(f"target '{raw}' tidak memuat angka")
    if len(matches) > 1:
        raise ValueError(f"target '{raw}' memuat lebih dari satu angka")
    match = matches[0]
    number = match.group().rstrip(".,")
    before = raw[: match.start()].strip()
    after = raw[match.start() + len(number) :].strip().lstrip(".,").strip()
    if before.lower().rstrip(".") == "rp":
        unit_in_text = "Rp"
    else:
        unit_in_text = " ".join(part for part in (before, after) if part)
    value = _to_float(number)
    unit = (satuan or "").strip() or unit_in_text
    return Target(raw, value, unit)


def _plain(value: float | int) -> str:
    """Render a cell number as Indonesian text without losing digits."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")
