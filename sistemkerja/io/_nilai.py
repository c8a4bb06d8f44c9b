"""Cell values of the plan workbook: entity field value <-> Excel cell value.

One place for how every :data:`~sistemkerja.domain.skema.Kind` is written to and read
from a cell, shared by the reader, the writer, the template and the format document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
from decimal import Decimal
from typing import Any

from sistemkerja.domain.angka import parse_angka
from sistemkerja.domain.skema import Kind, Kolom, Lembar

#: Indonesian name of each column kind (template and format document).
KIND_LABEL: dict[Kind, str] = {
    "text": "teks",
    "code": "kode (teks)",
    "number": "angka",
    "int": "bilangan bulat",
    "month": "bulan (1–12)",
    "bool": "Ya/Tidak",
    "enum": "pilihan",
    "enumlist": "daftar pilihan (dipisah ;)",
    "list": "daftar teks (dipisah ;)",
    "nip": "NIP (teks 18 digit)",
}

YA = "Ya"
TIDAK = "Tidak"
TRUE_WORDS: tuple[str, ...] = ("ya", "y", "true", "benar", "1")
FALSE_WORDS: tuple[str, ...] = ("tidak", "t", "false", "salah", "0")

#: Marker of an explicitly empty ``enumlist`` (an empty cell means "use the default").
NONE_MARK = "-"
_NONE_WORDS = ("-", "tidak ada")

MONTH_NAMES: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_MONTH_ALIASES: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "pebruari": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "nopember": 11,
    "des": 12,
    "dec": 12,
    "december": 12,
}
MONTHS: dict[str, int] = {
    **{name.casefold(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **_MONTH_ALIASES,
}

_DATE_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)


class CellError(ValueError):
    """A cell cannot be read as its column's kind.

    Parameters
    ----------
    code : str
        Problem code (``"wrong_type"``, ``"invalid_enum"``…).
    message : str
        Indonesian explanation.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# ---- writing -----------------------------------------------------------------------
def number_text(value: float, *, comma: bool = True) -> str:
    """Render a number as text without losing digits (``1.4`` -> ``"1,4"``).

    Parameters
    ----------
    value : float
        The number.
    comma : bool
        Use the Indonesian decimal comma (else a dot).

    Returns
    -------
    str
        Whole numbers without decimals (``12.0`` -> ``"12"``), others with every digit
        of the shortest exact representation and never in exponent notation.
    """
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = format(Decimal(repr(value)), "f")
    return text.replace(".", ",") if comma else text


def _excel_number(value: float) -> float | str:
    """Return ``value`` as written to a cell: a number, or exact text if Excel would round it.

    openpyxl writes numbers with 16 significant digits; the few floats that need 17
    are written as exact text so the round trip stays exact.
    """
    if isinstance(value, int) or float(f"{value:.16g}") == value:
        return value
    return number_text(value)


def to_cell(kolom: Kolom, value: Any) -> Any:
    """Return the cell value for an entity field value.

    Parameters
    ----------
    kolom : Kolom
        The column.
    value : Any
        The field value.

    Returns
    -------
    Any
        ``None`` for an empty cell, a number, or text (enum labels, ``Ya``/``Tidak``,
        ``;``-joined lists, ``-`` for an explicitly empty ``enumlist``).
    """
    if value is None:
        return None
    kind = kolom.kind
    if kind == "bool":
        return YA if value else TIDAK
    if kind == "enumlist":
        return "; ".join(_label(v) for v in value) or NONE_MARK
    if kind == "list":
        return "; ".join(str(v) for v in value) or None
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_number(value)
    if kind in ("int", "month") and isinstance(value, int) and not isinstance(value, bool):
        return value
    return _label(value)


def _label(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


# ---- reading -----------------------------------------------------------------------
def from_cell(kolom: Kolom, value: Any, number_format: str = "General") -> Any:
    """Return the field value of a cell, ``None`` when the cell is empty.

    Parameters
    ----------
    kolom : Kolom
        The column, whose ``kind`` says how to read the cell.
    value : Any
        The cell value as openpyxl gives it (str, int, float, bool, datetime or None).
    number_format : str
        The cell's number format; a percent-formatted number in a text column
        (``0.7`` shown as ``70%``) is read as ``"70 %"``.

    Returns
    -------
    Any
        The field value, or ``None`` for an empty cell.

    Raises
    ------
    CellError
        If the cell does not hold a value of the column's kind.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    if isinstance(value, _DATE_TYPES):
        raise CellError(
            "wrong_type",
            "sel berisi tanggal/waktu, bukan "
            f"{KIND_LABEL[kolom.kind]}; format sel sebagai Teks atau Umum lalu ketik ulang",
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError("wrong_type", "sel tidak berisi angka yang sah")
    reader = _READERS[kolom.kind]
    return reader(kolom, value, number_format)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _wrong_bool(kolom: Kolom) -> CellError:
    return CellError(
        "wrong_type", f"sel berisi nilai logika (TRUE/FALSE), bukan {KIND_LABEL[kolom.kind]}"
    )


def _read_text(kolom: Kolom, value: Any, number_format: str) -> str:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    if _is_number(value):
        if "%" in number_format:
            return f"{number_text(float(f'{value * 100:.12g}'))} %"
        return number_text(value)
    return str(value)


def _read_code(kolom: Kolom, value: Any, number_format: str) -> str:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    if _is_number(value):
        return number_text(value, comma=False)
    return str(value)


def _read_nip(kolom: Kolom, value: Any, number_format: str) -> str:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    if _is_number(value):
        raise CellError(
            "nip_as_number",
            "NIP tersimpan sebagai angka sehingga digit akhirnya bisa hilang; format kolom NIP "
            "sebagai Teks lalu ketik ulang NIP (atau awali dengan tanda petik ')",
        )
    return "".join(str(value).split())


def _read_number(kolom: Kolom, value: Any, number_format: str) -> float:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    if _is_number(value):
        return float(value)
    try:
        return parse_angka(str(value))
    except ValueError:
        raise CellError(
            "wrong_type",
            f"'{value}' bukan angka (contoh penulisan: 1,4 atau 1.250.000,50 atau 70 %)",
        ) from None


def _whole(value: Any) -> int:
    """Return a whole number from a cell number or text; raise CellError otherwise."""
    if _is_number(value):
        number = float(value)
    else:
        try:
            number = parse_angka(str(value))
        except ValueError:
            raise CellError("wrong_type", f"'{value}' bukan bilangan bulat") from None
    if not number.is_integer():
        raise CellError("wrong_type", f"harus bilangan bulat, tertulis {number_text(number)}")
    return int(number)


def _read_int(kolom: Kolom, value: Any, number_format: str) -> int:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    return _whole(value)


def _read_month(kolom: Kolom, value: Any, number_format: str) -> int:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    if isinstance(value, str):
        key = value.casefold().rstrip(".").strip()
        if key in MONTHS:
            return MONTHS[key]
        if not any(ch.isdigit() for ch in key):
            raise CellError(
                "unknown_month",
                f"bulan '{value}' tidak dikenal; tulis angka 1–12 atau nama bulan "
                "(Januari … Desember)",
            )
    month = _whole(value)
    if not 1 <= month <= 12:
        raise CellError("month_out_of_range", f"bulan harus 1–12, tertulis {month}")
    return month


def _read_bool(kolom: Kolom, value: Any, number_format: str) -> bool:
    if isinstance(value, bool):
        return value
    key = number_text(value) if _is_number(value) else str(value).casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError("invalid_bool", f"nilai '{value}' tidak dikenal; isi {YA} atau {TIDAK}")


def _read_enum(kolom: Kolom, value: Any, number_format: str) -> Any:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    text = number_text(value) if _is_number(value) else str(value)
    if kolom.enum is None:  # pragma: no cover - schema always sets it
        raise CellError("invalid_enum", f"kolom '{kolom.header}' tidak punya daftar pilihan")
    try:
        return kolom.enum.parse(text)
    except ValueError as exc:
        raise CellError("invalid_enum", str(exc)) from None


def _read_enumlist(kolom: Kolom, value: Any, number_format: str) -> tuple[Any, ...]:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    text = number_text(value) if _is_number(value) else str(value)
    if text.casefold() in _NONE_WORDS:
        return ()
    enum_type = kolom.enum
    if enum_type is None:  # pragma: no cover - schema always sets it
        raise CellError("invalid_enum", f"kolom '{kolom.header}' tidak punya daftar pilihan")
    members = []
    unknown = []
    for part in _split(text):
        try:
            members.append(enum_type.parse(part))
        except ValueError:
            unknown.append(f"'{part}'")
    if unknown:
        allowed = ", ".join(enum_type.labels())
        raise CellError(
            "invalid_enum",
            f"nilai {', '.join(unknown)} tidak dikenal; pilihan yang sah: {allowed} "
            "(pisahkan beberapa nilai dengan titik koma)",
        )
    return tuple(members)


def _read_list(kolom: Kolom, value: Any, number_format: str) -> tuple[str, ...]:
    if isinstance(value, bool):
        raise _wrong_bool(kolom)
    text = number_text(value) if _is_number(value) else str(value)
    return tuple(_split(text))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


_READERS = {
    "text": _read_text,
    "code": _read_code,
    "nip": _read_nip,
    "number": _read_number,
    "int": _read_int,
    "month": _read_month,
    "bool": _read_bool,
    "enum": _read_enum,
    "enumlist": _read_enumlist,
    "list": _read_list,
}


# ---- describing ------------------------------------------------------------------
def has_default(lembar: Lembar, kolom: Kolom) -> bool:
    """Whether the entity field of a column has a dataclass default."""
    for f in dataclasses.fields(lembar.entity):
        if f.name == kolom.field:
            return f.default is not dataclasses.MISSING or (
                f.default_factory is not dataclasses.MISSING
            )
    return False


def is_required(lembar: Lembar, kolom: Kolom) -> bool:
    """Whether an empty cell (or missing parameter row) is an error.

    A column marked required whose field has a default (every Kebijakan parameter) is
    optional: leaving it empty means the default, as the Kebijakan sheet promises.

    Parameters
    ----------
    lembar : Lembar
        The sheet.
    kolom : Kolom
        One of its columns.

    Returns
    -------
    bool
        ``kolom.required`` unless the field has a default.
    """
    return kolom.required and not has_default(lembar, kolom)


def allowed_values(kolom: Kolom) -> str:
    """Return the allowed values of a column as Indonesian text (empty when free).

    Parameters
    ----------
    kolom : Kolom
        The column.

    Returns
    -------
    str
        E.g. ``"JF, Pelaksana, Struktural"`` or ``"Ya, Tidak"``.
    """
    if kolom.kind in ("enum", "enumlist") and kolom.enum is not None:
        return ", ".join(kolom.enum.labels())
    if kolom.kind == "bool":
        return f"{YA}, {TIDAK}"
    if kolom.kind == "month":
        return f"1–12 atau {MONTH_NAMES[0]} … {MONTH_NAMES[-1]}"
    return ""


def describe(lembar: Lembar, kolom: Kolom) -> str:
    """Return a short Indonesian description of a column (template comments and help).

    Parameters
    ----------
    lembar : Lembar
        The sheet.
    kolom : Kolom
        The column.

    Returns
    -------
    str
        Kind, wajib/opsional, help, allowed values and example, one per line.
    """
    lines = [f"{KIND_LABEL[kolom.kind]}, {required_label(lembar, kolom)}"]
    if kolom.help:
        lines.append(kolom.help[0].upper() + kolom.help[1:])
    allowed = allowed_values(kolom)
    if allowed:
        lines.append(f"Pilihan: {allowed}")
    if kolom.example:
        lines.append(f"Contoh: {kolom.example}")
    return "\n".join(lines)


def required_label(lembar: Lembar, kolom: Kolom) -> str:
    """Return ``"wajib"`` or ``"opsional"`` for a column."""
    return "wajib" if is_required(lembar, kolom) else "opsional"
