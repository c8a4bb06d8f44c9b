"""Cell values of the plan workbook: entity field value <-> Excel cell value.

One place for how every :data:`~sistemkerja.domain.skema.Kind` is written to and read
from a cell, shared by the reader, the writer, the template and the format document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import re
import unicodedata
import zipfile
from decimal import Decimal
from io import BytesIO
from typing import Any
from xml.etree import ElementTree

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

NOT_FINITE_MESSAGE = (
    "sel berisi nilai tak hingga atau bukan-angka, bukan angka yang sah; "
    "isi angka biasa (contoh penulisan: 1.250 atau 1,25)"
)
"""Message for a cell holding infinity or NaN (also typed as text, e.g. ``1e309``)."""

INVISIBLE_MESSAGE = (
    "sel hanya berisi spasi atau karakter tak terlihat (mis. spasi lebar nol U+200B "
    "atau U+FEFF); kosongkan sel atau isi dengan teks yang terbaca"
)
"""Message for a cell that looks empty but holds invisible characters."""


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
        stripped = strip_invisible(value)
        if not stripped:
            if value.strip():
                raise CellError("invisible_text", INVISIBLE_MESSAGE)
            return None
        value = stripped
    if isinstance(value, _DATE_TYPES):
        raise CellError(
            "wrong_type",
            "sel berisi tanggal/waktu, bukan "
            f"{KIND_LABEL[kolom.kind]}; format sel sebagai Teks atau Umum lalu ketik ulang",
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError("not_finite", NOT_FINITE_MESSAGE)
    reader = _READERS[kolom.kind]
    return reader(kolom, value, number_format)


def strip_invisible(text: str) -> str:
    """Strip spaces and invisible format characters (U+200B, U+FEFF…) from both ends.

    Parameters
    ----------
    text : str
        Cell text.

    Returns
    -------
    str
        The text without leading and trailing whitespace (including U+00A0) and
        Unicode format characters (category Cf); inner ones are kept.
    """
    start, end = 0, len(text)
    while start < end and _blank_char(text[start]):
        start += 1
    while end > start and _blank_char(text[end - 1]):
        end -= 1
    return text[start:end]


def _blank_char(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def _not_finite_text(text: str) -> bool:
    """Whether text spells infinity or NaN (``INF``, ``nan``, ``1e309``…)."""
    try:
        return not math.isfinite(float(text.replace(",", ".")))
    except ValueError:
        return False


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
    if _not_finite_text(str(value)):
        raise CellError("not_finite", NOT_FINITE_MESSAGE)
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
    elif _not_finite_text(str(value)):
        raise CellError("not_finite", NOT_FINITE_MESSAGE)
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


# ---- cells openpyxl cannot load ------------------------------------------------------
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CELL = re.compile(rb"<c\b([^>]*?)(?<!/)>(.*?)</c>", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def _loadable_number(text: str) -> bool:
    """Whether openpyxl can read this numeric cell text (it calls int() or float())."""
    try:
        if "." in text or "E" in text or "e" in text:
            float(text)
        else:
            int(text)
    except ValueError:
        return False
    return True


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each worksheet's part name in the package to its sheet name."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")
    }
    paths = {}
    for sheet in book.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths[part] = sheet.get("name", "")
    return paths


def repair_numbers(data: bytes) -> tuple[bytes, set[tuple[str, int, int]]]:
    """Empty the numeric cells openpyxl cannot load, and say where they were.

    A workbook written by another program may hold ``INF``, ``NaN`` or ``Infinity``
    in a numeric cell; openpyxl then refuses the whole file. This finds such cells so
    the reader can report each one at its sheet, row and column and read the rest.

    Parameters
    ----------
    data : bytes
        The ``.xlsx`` file.

    Returns
    -------
    repaired : bytes
        The file with those cells emptied (``data`` itself when there were none or
        the file is not a readable package).
    cells : set of (str, int, int)
        Sheet name, 1-based row and 1-based column of each emptied cell.
    """
    found: set[tuple[str, int, int]] = set()
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        paths = _sheet_paths(archive)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return data, found
    parts: dict[str, bytes] = {}
    for part, sheet in paths.items():
        try:
            xml = archive.read(part)
        except KeyError:
            continue

        def empty(match: re.Match[bytes], sheet: str = sheet) -> bytes:
            attrs, body = match.group(1), match.group(2)
            kind = _TYPE.search(attrs)
            if kind is not None and kind.group(1) != b"n":
                return match.group(0)
            value = _VALUE.search(body)
            ref = _REF.search(attrs)
            if value is None or ref is None:
                return match.group(0)
            if _loadable_number(value.group(1).decode("utf-8", "replace").strip()):
                return match.group(0)
            found.add((sheet, int(ref.group(2)), _column_number(ref.group(1).decode())))
            return b"<c" + attrs + b">" + _VALUE.sub(b"<v></v>", body, count=1) + b"</c>"

        fixed = _CELL.sub(empty, xml)
        if fixed != xml:
            parts[part] = fixed
    if not parts:
        return data, found
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            target.writestr(item, parts.get(item.filename, archive.read(item.filename)))
    return out.getvalue(), found
