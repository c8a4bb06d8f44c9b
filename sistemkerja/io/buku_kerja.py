"""Reading and writing the plan workbook (``.xlsx``, one sheet per entity).

The layout comes from :mod:`sistemkerja.domain.skema`; ``docs/format_buku_kerja.md``
documents it for users. Reading never stops at the first mistake: every problem is
reported with its sheet, Excel row and column header, in Indonesian.

Examples
--------
>>> plan, problems = read_plan_problems("rencana.xlsx")  # doctest: +SKIP
>>> for p in problems:  # doctest: +SKIP
...     print(p)
>>> digest = write_plan(plan, "rencana.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
import hashlib
import io
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.domain import skema
from sistemkerja.domain.masalah import FieldError, PlanError, Problem, Tingkat
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io._nilai import (
    NOT_FINITE_MESSAGE,
    CellError,
    from_cell,
    is_required,
    repair_numbers,
)
from sistemkerja.io._tulis import (
    KETERANGAN,
    NILAI,
    PARAMETER,
    digest,
    new_workbook,
    save_atomic,
    write_single,
    write_table,
)

__all__ = [
    "FILE_PROBLEM_CODES",
    "MAX_FILE_BYTES",
    "MAX_PEGAWAI",
    "MAX_SHEET_ROWS",
    "MAX_UNPACKED_BYTES",
    "ConflictError",
    "fingerprint",
    "load_with_fingerprint",
    "read_plan",
    "read_plan_problems",
    "write_plan",
]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK"
#: Name of the stream holding the key of a password-protected (encrypted) Office file.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

#: Largest plan file read (bytes on disk).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Largest total size of the parts inside the ``.xlsx`` archive (bytes, unpacked).
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
#: Most data rows (rows holding at least one value, header excluded) read from a sheet.
MAX_SHEET_ROWS = 20_000
#: Most rows on the Pegawai sheet.
MAX_PEGAWAI = 5_000
#: Problem codes meaning "the file itself cannot be read" (not a plan with errors).
FILE_PROBLEM_CODES = frozenset(
    {
        "missing_file",
        "not_a_file",
        "unreadable_file",
        "not_xlsx",
        "encrypted_file",
        "invalid_xml",
        "too_large",
    }
)
_SHEET_ORDER = {lembar.name: i for i, lembar in enumerate(skema.LEMBAR)}
_PLAN_SHEETS = frozenset(" ".join(lembar.name.split()).casefold() for lembar in skema.LEMBAR)


class ConflictError(Exception):
    """The workbook changed on disk since it was loaded; saving would lose those changes.

    Parameters
    ----------
    path : str or os.PathLike
        The workbook.
    expected : str
        Fingerprint when it was loaded.
    actual : str or None
        Fingerprint now, ``None`` when the file no longer exists.
    """

    def __init__(self, path: str | os.PathLike[str], expected: str, actual: str | None) -> None:
        self.path = Path(path)
        self.expected = expected
        self.actual = actual
        what = "dihapus atau dipindahkan" if actual is None else "diubah"
        super().__init__(
            f"Berkas '{self.path}' telah {what} oleh pihak lain sejak dibuka; penyimpanan "
            "dibatalkan agar perubahan itu tidak hilang. Muat ulang berkas lalu ulangi "
            "perubahan Anda, atau simpan dengan nama lain."
        )


# ---- public API ----------------------------------------------------------------------
def fingerprint(path: str | os.PathLike[str]) -> str:
    """Return the fingerprint (sha256 hex digest of the bytes) of a file.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    str
        64 hexadecimal characters.
    """
    return digest(path)


def read_plan_problems(path: str | os.PathLike[str]) -> tuple[Rencana | None, list[Problem]]:
    """Read a plan workbook and report every problem; never raises for bad input.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.xlsx`` workbook.

    Returns
    -------
    plan : Rencana or None
        The plan built from every row that could be read (rows with problems are left
        out), or ``None`` when it cannot be built at all (unreadable file, no PK).
        ``plan.rows`` holds the Excel row of each entity.
    problems : list of Problem
        Structural, cell, entity and cross-reference problems (errors first), each
        naming sheet, Excel row and column header.
    """
    data, problem = _load_bytes(path)
    if data is None:
        return None, [problem] if problem else []
    return _parse(data, str(path))


def read_plan(path: str | os.PathLike[str]) -> Rencana:
    """Read a plan workbook; fail on any error.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.xlsx`` workbook.

    Returns
    -------
    Rencana
        The plan (warnings, if any, are available from :func:`read_plan_problems`).

    Raises
    ------
    PlanError
        If any problem is an error; it carries every problem found.
    """
    plan, problems = read_plan_problems(path)
    return _require(plan, problems)


def load_with_fingerprint(path: str | os.PathLike[str]) -> tuple[Rencana, str]:
    """Read a plan and the fingerprint of exactly the bytes it was read from.

    Pass the fingerprint back to :func:`write_plan` as ``expected_fingerprint`` to
    refuse overwriting changes someone else saved meanwhile.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.xlsx`` workbook.

    Returns
    -------
    plan : Rencana
        The plan.
    fingerprint : str
        sha256 hex digest of the file read.

    Raises
    ------
    PlanError
        If any problem is an error.
    """
    data, problem = _load_bytes(path)
    if data is None:
        raise PlanError([problem] if problem else [])
    plan, problems = _parse(data, str(path))
    return _require(plan, problems), hashlib.sha256(data).hexdigest()


def write_plan(
    plan: Rencana,
    path: str | os.PathLike[str],
    *,
    expected_fingerprint: str | None = None,
    overwrite: bool = True,
) -> str:
    """Write a plan workbook atomically, one sheet per entity in schema order.

    Parameters
    ----------
    plan : Rencana
        The plan.
    path : str or os.PathLike
        Target ``.xlsx`` file.
    expected_fingerprint : str, optional
        Fingerprint of the file when it was loaded; if the file on disk now differs
        (someone else saved it, or it was removed), nothing is written.
    overwrite : bool
        Whether an existing file may be replaced.

    Returns
    -------
    str
        Fingerprint of the written file.

    Raises
    ------
    ConflictError
        If ``expected_fingerprint`` is given and the file on disk no longer matches it.
    FileExistsError
        If ``overwrite`` is false and the file exists.
    """
    target = Path(path)

    def check() -> None:
        _check_target(target, expected_fingerprint, overwrite)

    check()
    wb = new_workbook()
    add_plan_sheets(wb, plan)
    return save_atomic(wb, target, check)


def add_plan_sheets(wb: Workbook, plan: Rencana) -> None:
    """Append one sheet per plan entity, in schema order, as :func:`write_plan` writes them.

    A workbook holding these sheets (among others) reads back with :func:`read_plan`.
    """
    for lembar in skema.LEMBAR:
        ws = wb.create_sheet(lembar.name)
        if lembar.single:
            write_single(ws, lembar, getattr(plan, lembar.attr), help_of=lambda k: k.help)
        else:
            write_table(ws, lembar, getattr(plan, lembar.attr))


# ---- helpers shared with the template ------------------------------------------------
def _check_target(target: Path, expected: str | None, overwrite: bool) -> None:
    if not overwrite and target.exists():
        raise FileExistsError(f"Berkas '{target}' sudah ada dan tidak boleh ditimpa.")
    if expected is not None:
        actual = digest(target) if target.exists() else None
        if actual != expected:
            raise ConflictError(target, expected, actual)


def _require(plan: Rencana | None, problems: list[Problem]) -> Rencana:
    if plan is None or any(p.is_error for p in problems):
        raise PlanError(problems)
    return plan


# ---- reading -------------------------------------------------------------------------
def _problem(
    sheet: str,
    row: int | None,
    column: str | None,
    code: str,
    message: str,
    severity: Tingkat = Tingkat.GALAT,
    key: str | None = None,
) -> Problem:
    return Problem(sheet, row, column, code, message, severity, key)


_ERRNO_ID = {
    errno.EACCES: "izin ditolak",
    errno.EPERM: "izin ditolak",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOSPC: "ruang disk penuh",
    errno.ENOENT: "berkas tidak ada",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ELOOP: "tautan simbolik berputar",
    errno.EIO: "galat perangkat masukan/keluaran",
    errno.EPIPE: "pipa keluaran sudah ditutup",
    errno.EXDEV: "tidak dapat dipindah antar-perangkat",
    errno.EBUSY: "sedang dipakai program lain",
}


def os_reason(exc: OSError) -> str:
    """Return the Indonesian reason of an operating-system error, without ``[Errno …]``.

    Parameters
    ----------
    exc : OSError
        The error.

    Returns
    -------
    str
        A short phrase such as ``"izin membaca ditolak"``.
    """
    return _ERRNO_ID.get(exc.errno or -1, f"galat sistem berkas nomor {exc.errno}")


def _file_problem(code: str, message: str, sheet: str = "") -> Problem:
    return _problem(sheet, None, None, code, message)


def _load_bytes(path: str | os.PathLike[str]) -> tuple[bytes | None, Problem | None]:
    try:
        target = Path(path)
        if not target.exists():
            return None, _file_problem("missing_file", f"berkas '{path}' tidak ada")
        if target.is_dir():
            return None, _file_problem("not_a_file", f"'{path}' adalah folder, bukan berkas")
        if not target.is_file():
            return None, _file_problem(
                "not_a_file", f"'{path}' bukan berkas biasa (mis. perangkat atau pipa)"
            )
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, _file_problem(
                "too_large",
                f"berkas '{path}' berukuran {_mb(size)}; batas buku kerja rencana "
                f"{_mb(MAX_FILE_BYTES)}",
            )
        return target.read_bytes(), None
    except OSError as exc:
        return None, _file_problem(
            "unreadable_file", f"berkas '{path}' tidak dapat dibuka: {os_reason(exc)}"
        )
    except (TypeError, ValueError):
        return None, _file_problem("unreadable_file", f"nama berkas '{path}' tidak sah")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _rows_text(count: int) -> str:
    return f"{count:,}".replace(",", ".")


# ---- what kind of file is it? ----------------------------------------------------------
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROW_RE = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(/)?>", re.S)
_ROW_END_RE = re.compile(rb"</(?:\w+:)?row>")
_R_ATTR_RE = re.compile(rb"\br=\"([0-9]+)\"")
_VALUE_RE = re.compile(rb"<(?:\w+:)?(?:v|is|f)\b")


def _sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """Return ``(sheet name, part path)`` of every worksheet, in workbook order."""
    try:
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, zlib.error, EOFError):
        return []
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")
    }
    parts = []
    for sheet in book.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts.append((sheet.get("name", ""), part))
    return parts


def _data_row_count(xml: bytes) -> int:
    """Count the rows of a worksheet part that hold a value (header row included).

    Rows holding only formatting (a fill, a border) are not counted: they are what makes
    Excel report a sheet as a million rows long.
    """
    count = 0
    pos = 0
    while True:
        start = _ROW_RE.search(xml, pos)
        if start is None:
            return count
        if start.group(2):  # <row .../>: no cells
            pos = start.end()
            continue
        end = _ROW_END_RE.search(xml, start.end())
        stop = end.start() if end else len(xml)
        if _VALUE_RE.search(xml, start.end(), stop):
            count += 1
        pos = end.end() if end else len(xml)


def _invalid_xml(zf: zipfile.ZipFile, source: str) -> Problem | None:
    """Find the first part that is not well-formed XML and name it (sheet name if a sheet)."""
    names = dict((part, name) for name, part in _sheet_parts(zf))
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            ElementTree.fromstring(zf.read(info.filename))
        except ElementTree.ParseError as exc:
            line, column = exc.position
            sheet = names.get(info.filename, "")
            where = f"lembar '{sheet}'" if sheet else f"bagian '{info.filename}'"
            return _file_problem(
                "invalid_xml",
                f"berkas '{source}' rusak: {where} berisi XML yang tidak sah (baris {line}, "
                f"kolom {column} di dalam bagian itu); buka di Excel lalu simpan ulang",
                sheet,
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return _file_problem(
                "not_xlsx",
                f"berkas '{source}' rusak: bagian '{info.filename}' tidak dapat dibuka "
                "(arsip rusak atau terpotong)",
            )
    return None


def _check_container(data: bytes, source: str) -> Problem | None:
    """Tell what is wrong with a file that should be an ``.xlsx``, before openpyxl reads it.

    Checks the kind of file (legacy or encrypted Office file, OpenDocument, a zip that is
    no workbook, a damaged archive) and the size limits (unpacked bytes, data rows per
    sheet), so an oversized plan is refused in seconds rather than read for minutes.
    """
    if not data:
        return _file_problem("not_xlsx", f"berkas '{source}' kosong (0 bita)")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTION_INFO in data:
            return _file_problem(
                "encrypted_file",
                f"berkas '{source}' dilindungi kata sandi (terenkripsi); buka di Excel, hapus "
                "kata sandinya (File > Info > Lindungi Buku Kerja), lalu simpan ulang",
            )
        return _file_problem(
            "not_xlsx",
            f"berkas '{source}' berformat Excel lama (.xls); buka di Excel lalu simpan "
            "sebagai Buku Kerja Excel (.xlsx)",
        )
    if not data.startswith(_ZIP_MAGIC):
        return _file_problem(
            "not_xlsx", f"berkas '{source}' bukan buku kerja Excel .xlsx (isinya bukan arsip xlsx)"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        return _file_problem(
            "not_xlsx", f"berkas '{source}' rusak atau terpotong (arsip .xlsx tidak lengkap)"
        )
    if b"opendocument" in mimetype:
        return _file_problem(
            "not_xlsx",
            f"berkas '{source}' berformat OpenDocument (.ods), bukan .xlsx; buka di "
            "LibreOffice atau Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)",
        )
    if "xl/workbook.xml" not in names:
        kind = (
            "dokumen Word"
            if any(n.startswith("word/") for n in names)
            else "presentasi PowerPoint"
            if any(n.startswith("ppt/") for n in names)
            else "arsip zip biasa"
        )
        return _file_problem(
            "not_xlsx", f"berkas '{source}' adalah {kind}, bukan buku kerja Excel .xlsx"
        )
    unpacked = sum(info.file_size for info in zf.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        return _file_problem(
            "too_large",
            f"berkas '{source}' berisi {_mb(unpacked)} data setelah dibuka; batasnya "
            f"{_mb(MAX_UNPACKED_BYTES)}",
        )
    for name, part in _sheet_parts(zf):
        if _norm(name) not in _PLAN_SHEETS:
            continue
        limit = MAX_PEGAWAI if _norm(name) == _norm(skema.PEGAWAI.name) else MAX_SHEET_ROWS
        try:
            rows = _data_row_count(zf.read(part)) - 1  # without the header row
        except KeyError:
            return _file_problem(
                "not_xlsx",
                f"berkas '{source}' rusak: lembar '{name}' terdaftar di buku kerja tetapi "
                "isinya tidak ada di berkas; buka di Excel lalu simpan ulang",
                name,
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return _file_problem(
                "not_xlsx",
                f"berkas '{source}' rusak: lembar '{name}' tidak dapat dibuka (arsip rusak "
                "atau terpotong)",
                name,
            )
        if rows > limit:
            return _file_problem(
                "too_large",
                f"berkas '{source}': lembar '{name}' memuat {_rows_text(rows)} baris data; "
                f"batasnya {_rows_text(limit)} baris (lihat 'Batas ukuran' di "
                "docs/format_buku_kerja.md)",
                name,
            )
    return None


def _open_workbook(data: bytes, source: str, *, data_only: bool) -> Workbook:
    with warnings.catch_warnings():
        # openpyxl warns about Excel features it drops (extensions, styles); irrelevant here.
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only)


def _parse(data: bytes, source: str) -> tuple[Rencana | None, list[Problem]]:
    problem = _check_container(data, source)
    if problem is not None:
        return None, [problem]
    bad: set[tuple[str, int, int]] = set()
    wb: Workbook | None
    try:
        wb = _open_workbook(data, source, data_only=False)
    except Exception:  # any failure means "not a readable xlsx"; find out which part
        repaired, bad = repair_numbers(data)  # INF / NaN in numeric cells: reported per cell
        wb = _reopen(repaired, source) if bad else None
        data = repaired if wb is not None else data
    if wb is None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            problem = _invalid_xml(zf, source)
        return None, [
            problem
            or _file_problem(
                "not_xlsx",
                f"berkas '{source}' bukan buku kerja Excel .xlsx yang dapat dibaca (strukturnya "
                "rusak); buka di Excel lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)",
            )
        ]
    reader = _Reader(wb, data, source, bad)
    try:
        plan = reader.read()
        if plan is not None:
            reader.problems.extend(plan.validate())
    except Exception:  # never raise for bad input
        reader.problems.append(
            _problem(
                "",
                None,
                None,
                "read_failed",
                f"berkas '{source}' tidak dapat dibaca sampai selesai; buka di Excel, simpan "
                "ulang, lalu coba lagi",
            )
        )
        plan = None
    return plan, _ordered(reader.problems)


def _reopen(data: bytes, source: str) -> Workbook | None:
    """Open a workbook whose unloadable numeric cells were emptied; ``None`` on failure."""
    try:
        return _open_workbook(data, source, data_only=False)
    except Exception:  # still not readable: reported as such by the caller
        return None


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(
        problems,
        key=lambda p: (not p.is_error, _SHEET_ORDER.get(p.sheet, -1), p.row or 0),
    )


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _defaults(entity: type) -> set[str]:
    """Fields of a dataclass that have a default value."""
    return {
        f.name
        for f in dataclasses.fields(entity)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }


def _suggest(word: str, candidates: Sequence[str]) -> str:
    by_norm = {_norm(c): c for c in candidates}
    match = difflib.get_close_matches(_norm(word), list(by_norm), n=1, cutoff=0.6)
    return by_norm[match[0]] if match else ""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    """Reads one loaded workbook, collecting problems as it goes."""

    def __init__(
        self,
        wb: Workbook,
        data: bytes,
        source: str,
        bad: set[tuple[str, int, int]] | None = None,
    ) -> None:
        self.wb = wb
        self.data = data
        self.source = source
        self.bad = bad or set()
        self.problems: list[Problem] = []
        self.rows: dict[str, tuple[int, ...]] = {}
        self._values_wb: Workbook | None = None

    # -- cells --------------------------------------------------------------------------
    def _cached(self, ws: Worksheet, cell: Cell) -> tuple[Any, str | None]:
        """Value Excel last computed for a formula cell, and its data type."""
        if self._values_wb is None:
            self._values_wb = _open_workbook(self.data, self.source, data_only=True)
        other = self._values_wb[ws.title].cell(row=cell.row, column=cell.column)
        return other.value, other.data_type

    def _raw(self, ws: Worksheet, cell: Cell | None) -> Any:
        """Cell value with formulas replaced by their computed value.

        Raises
        ------
        CellError
            For an Excel error value or a formula Excel never computed.
        """
        if cell is None:
            return None
        if (ws.title, cell.row, cell.column) in self.bad:
            raise CellError("not_finite", NOT_FINITE_MESSAGE)
        value, data_type = cell.value, cell.data_type
        if data_type == "f":
            value, data_type = self._cached(ws, cell)
            if value is None:
                raise CellError(
                    "formula_without_value",
                    "sel berisi rumus tanpa hasil tersimpan; buka berkas di Excel, simpan, "
                    "lalu baca ulang (atau ganti rumus dengan nilainya)",
                )
        if data_type == "e":
            raise CellError("excel_error", f"sel berisi galat Excel {value}; perbaiki isinya")
        return value

    def _convert(
        self,
        ws: Worksheet,
        lembar: Lembar,
        row: int,
        kolom: Kolom,
        cell: Cell | None,
        key: str | None = None,
    ) -> tuple[bool, Any]:
        """Read one cell as its column's kind; report and return ``(False, None)`` on error."""
        try:
            raw = self._raw(ws, cell)
            fmt = cell.number_format if cell is not None else "General"
            return True, from_cell(kolom, raw, fmt)
        except CellError as exc:
            self.problems.append(
                _problem(lembar.name, row, kolom.header, exc.code, exc.message, key=key)
            )
            return False, None

    # -- workbook -------------------------------------------------------------------
    def read(self) -> Rencana | None:
        sheets: dict[str, Worksheet] = {}
        for ws in self.wb.worksheets:
            sheets.setdefault(_norm(ws.title), ws)
        found = {lembar.name: sheets.get(_norm(lembar.name)) for lembar in skema.LEMBAR}
        if not any(found.values()):
            names = ", ".join(lembar.name for lembar in skema.LEMBAR)
            self.problems.append(
                _problem(
                    "",
                    None,
                    None,
                    "empty_workbook",
                    f"berkas tidak memuat satu pun lembar rencana (yang diharapkan: {names}); "
                    "mulailah dari templat buku kerja",
                )
            )
            return None
        known = {_norm(lembar.name) for lembar in skema.LEMBAR}
        others = [ws.title for ws in self.wb.worksheets if _norm(ws.title) not in known]
        for lembar in skema.LEMBAR:
            if found[lembar.name] is None:
                self._missing_sheet(lembar, others)

        kebijakan = self._single(skema.KEBIJAKAN, found[skema.KEBIJAKAN.name])
        pk = self._single(skema.PK, found[skema.PK.name])
        collections: dict[str, tuple[Any, ...]] = {}
        for lembar in skema.LEMBAR:
            if not lembar.single:
                collections[lembar.attr] = self._table(lembar, found[lembar.name])
        if kebijakan is None or pk is None:
            return None
        return Rencana(kebijakan=kebijakan, pk=pk, **collections, rows=dict(self.rows))

    def _missing_sheet(self, lembar: Lembar, others: list[str]) -> None:
        guess = _suggest(lembar.name, others)
        hint = f"; mungkin lembar '{guess}' perlu diberi nama '{lembar.name}'" if guess else ""
        if lembar is skema.KEBIJAKAN or lembar.optional:
            fallback = "nilai bawaan kebijakan dipakai" if lembar.single else "dianggap kosong"
            self.problems.append(
                _problem(
                    lembar.name,
                    None,
                    None,
                    "missing_sheet",
                    f"lembar '{lembar.name}' tidak ada; {fallback}{hint}",
                    Tingkat.PERINGATAN,
                )
            )
        else:
            self.problems.append(
                _problem(
                    lembar.name,
                    None,
                    None,
                    "missing_sheet",
                    f"lembar '{lembar.name}' tidak ada{hint}",
                )
            )

    # -- key-value sheets (Kebijakan, PK) --------------------------------------------------
    def _single(self, lembar: Lembar, ws: Worksheet | None) -> Any | None:
        default_rows = tuple(range(2, 2 + len(lembar.columns)))
        fallback = (
            lembar.entity()
            if _defaults(lembar.entity) >= {c.field for c in lembar.columns}
            else None
        )
        if ws is None:
            self.rows[lembar.name] = default_rows
            return fallback
        headers = self._headers(ws)
        columns = self._find_columns(
            ws, lembar, headers, (PARAMETER, NILAI), extra_ok=frozenset({_norm(KETERANGAN)})
        )
        if columns is None:
            self.rows[lembar.name] = default_rows
            return fallback
        name_col, value_col = columns
        by_norm = {_norm(k.header): k for k in lembar.columns}
        found: dict[str, tuple[int, Cell | None]] = {}
        for cells in _data_rows(ws, max(name_col, value_col)):
            row = cells[0].row
            name_cell = _at(cells, name_col)
            value_cell = _at(cells, value_col)
            name = name_cell.value if name_cell is not None else None
            if _is_blank(name):
                if value_cell is not None and not _is_blank(value_cell.value):
                    self.problems.append(
                        _problem(
                            lembar.name,
                            row,
                            PARAMETER,
                            "unknown_parameter",
                            "nilai tanpa nama parameter diabaikan",
                            Tingkat.PERINGATAN,
                        )
                    )
                continue
            kolom = by_norm.get(_norm(name))
            if kolom is None:
                guess = _suggest(str(name), [k.header for k in lembar.columns])
                hint = f"; mungkin maksudnya '{guess}'" if guess else ""
                self.problems.append(
                    _problem(
                        lembar.name,
                        row,
                        PARAMETER,
                        "unknown_parameter",
                        f"parameter '{str(name).strip()}' tidak dikenal dan diabaikan{hint}",
                        Tingkat.PERINGATAN,
                        key=str(name).strip(),
                    )
                )
                continue
            if kolom.field in found:
                self.problems.append(
                    _problem(
                        lembar.name,
                        row,
                        kolom.header,
                        "duplicate_parameter",
                        f"parameter '{kolom.header}' ganda; yang dipakai baris "
                        f"{found[kolom.field][0]}",
                        key=kolom.header,
                    )
                )
                continue
            found[kolom.field] = (row, value_cell)

        self.rows[lembar.name] = tuple(
            found[k.field][0] if k.field in found else pos + 2
            for pos, k in enumerate(lembar.columns)
        )
        values: dict[str, Any] = {}
        buildable = True
        for kolom in lembar.columns:
            if kolom.field not in found:
                if is_required(lembar, kolom):
                    buildable = False
                    self.problems.append(
                        _problem(
                            lembar.name,
                            None,
                            kolom.header,
                            "missing_parameter",
                            f"baris parameter '{kolom.header}' tidak ada di kolom {PARAMETER}",
                            key=kolom.header,
                        )
                    )
                continue
            row, cell = found[kolom.field]
            ok, value = self._convert(ws, lembar, row, kolom, cell, key=kolom.header)
            if not ok:
                buildable = buildable and not is_required(lembar, kolom)
                continue
            if value is None:
                if is_required(lembar, kolom):
                    buildable = False
                    self.problems.append(
                        _problem(
                            lembar.name,
                            row,
                            kolom.header,
                            "missing_value",
                            "nilai wajib diisi",
                            key=kolom.header,
                        )
                    )
                continue
            values[kolom.field] = value
        if not buildable:
            return None
        try:
            return lembar.make(values)
        except FieldError as exc:
            row = found[exc.field][0] if exc.field in found else None
            header = lembar.header_of(exc.field)
            self.problems.append(
                _problem(lembar.name, row, header, exc.code, exc.message, key=header)
            )
        except (TypeError, ValueError) as exc:
            self.problems.append(
                _problem(lembar.name, None, None, "invalid_value", f"lembar tidak sah: {exc}")
            )
        return fallback

    # -- entity sheets --------------------------------------------------------------------
    def _headers(self, ws: Worksheet) -> list[tuple[int, str]]:
        """Non-empty header cells of row 1 as (1-based column, text)."""
        headers = []
        for (row, column), cell in sorted(_stored_cells(ws).items()):
            if row == 1 and not _is_blank(cell.value):
                headers.append((column, " ".join(str(cell.value).split())))
        return headers

    def _find_columns(
        self,
        ws: Worksheet,
        lembar: Lembar,
        headers: list[tuple[int, str]],
        wanted: Sequence[str],
        optional: frozenset[str] = frozenset(),
        extra_ok: frozenset[str] = frozenset(),
    ) -> list[int | None] | None:
        """Locate the ``wanted`` headers in row 1; report missing, extra and repeated ones.

        Returns the 1-based column of each wanted header (``None`` for a missing optional
        one), or ``None`` when a required header is missing.
        """
        if not headers:
            self.problems.append(
                _problem(
                    lembar.name,
                    1,
                    None,
                    "missing_header",
                    "baris 1 kosong; baris 1 harus memuat judul kolom: " + ", ".join(wanted),
                )
            )
            return None
        by_norm: dict[str, tuple[int, str]] = {}
        for col, text in headers:
            key = _norm(text)
            if key in by_norm:
                self.problems.append(
                    _problem(
                        lembar.name,
                        1,
                        text,
                        "duplicate_column",
                        f"kolom '{text}' muncul lebih dari sekali; yang dipakai kolom pertama",
                        Tingkat.PERINGATAN,
                    )
                )
                continue
            by_norm[key] = (col, text)
        wanted_norm = {_norm(w) for w in wanted}
        extra = [
            text
            for key, (_, text) in by_norm.items()
            if key not in wanted_norm and key not in extra_ok
        ]
        missing = [w for w in wanted if _norm(w) not in by_norm]
        result: list[int | None] = []
        complete = True
        for header in wanted:
            hit = by_norm.get(_norm(header))
            result.append(hit[0] if hit else None)
            if hit:
                continue
            guess = _suggest(header, extra)
            hint = f"; mungkin kolom '{guess}' maksudnya '{header}'" if guess else ""
            if header in optional:
                self.problems.append(
                    _problem(
                        lembar.name,
                        1,
                        header,
                        "missing_column",
                        f"kolom opsional '{header}' tidak ada; nilai bawaan dipakai{hint}",
                        Tingkat.PERINGATAN,
                    )
                )
            else:
                complete = False
                self.problems.append(
                    _problem(
                        lembar.name,
                        1,
                        header,
                        "missing_column",
                        f"kolom wajib '{header}' tidak ada di baris 1{hint}",
                    )
                )
        for text in extra:
            guess = _suggest(text, missing)
            hint = f"; mungkin maksudnya '{guess}'" if guess else ""
            self.problems.append(
                _problem(
                    lembar.name,
                    1,
                    text,
                    "unknown_column",
                    f"kolom '{text}' tidak dikenal dan diabaikan{hint}",
                    Tingkat.PERINGATAN,
                )
            )
        return result if complete else None

    def _table(self, lembar: Lembar, ws: Worksheet | None) -> tuple[Any, ...]:
        self.rows[lembar.name] = ()
        if ws is None:
            return ()
        optional = frozenset(k.header for k in lembar.columns if not is_required(lembar, k))
        located = self._find_columns(
            ws, lembar, self._headers(ws), [k.header for k in lembar.columns], optional
        )
        if located is None:
            return ()
        defaults = _defaults(lembar.entity)
        entities: list[Any] = []
        rows: list[int] = []
        for cells in _data_rows(ws, max((c for c in located if c is not None), default=1)):
            picked = [(k, _at(cells, col)) for k, col in zip(lembar.columns, located, strict=True)]
            if all(cell is None or _is_blank(cell.value) for _, cell in picked):
                continue
            row = cells[0].row
            key = _row_key(lembar, picked)
            values: dict[str, Any] = {}
            ok = True
            for kolom, cell in picked:
                good, value = self._convert(ws, lembar, row, kolom, cell, key)
                if not good:
                    ok = False
                    continue
                if value is None:
                    if is_required(lembar, kolom):
                        ok = False
                        self.problems.append(
                            _problem(
                                lembar.name,
                                row,
                                kolom.header,
                                "missing_value",
                                f"kolom '{kolom.header}' wajib diisi",
                                key=key,
                            )
                        )
                    elif kolom.field not in defaults:
                        values[kolom.field] = None
                    continue
                values[kolom.field] = value
            if not ok:
                continue
            try:
                entity = lembar.make(values)
            except FieldError as exc:
                self.problems.append(
                    _problem(
                        lembar.name,
                        row,
                        lembar.header_of(exc.field),
                        exc.code,
                        exc.message,
                        key=key,
                    )
                )
                continue
            except (TypeError, ValueError) as exc:
                self.problems.append(
                    _problem(
                        lembar.name, row, None, "invalid_row", f"baris tidak sah: {exc}", key=key
                    )
                )
                continue
            entities.append(entity)
            rows.append(row)
        self.rows[lembar.name] = tuple(rows)
        return tuple(entities)


def _stored_cells(ws: Worksheet) -> dict[tuple[int, int], Cell]:
    """Return the cells openpyxl holds for a sheet, keyed by (row, column), creating none.

    ``Worksheet.iter_rows`` walks the whole rectangle up to ``max_row``/``max_column``
    and creates every cell in it: one formatted cell at row 1,048,576 then costs minutes
    and gigabytes. The sparse mapping is openpyxl's own storage (``_cells``).
    """
    return ws._cells  # type: ignore[attr-defined,no-any-return]


def _data_rows(ws: Worksheet, max_col: int) -> Iterator[tuple[Cell, ...]]:
    """Yield rows 2 and below that hold a value in columns ``1..max_col``, as cell tuples.

    Rows that are empty, or only formatted, in those columns are skipped: the readers
    skip blank rows anyway, so the sheet is read by its real data extent.
    """
    rows = sorted(
        {
            row
            for (row, column), cell in _stored_cells(ws).items()
            if row >= 2 and column <= max_col and cell.value is not None
        }
    )
    for row in rows:
        yield tuple(ws.cell(row=row, column=column) for column in range(1, max_col + 1))


def _row_key(lembar: Lembar, picked: list[tuple[Kolom, Cell | None]]) -> str | None:
    """Key of a table row from its key cells as typed (the entity may not build).

    Each key cell is read as its column's kind; one that cannot be read shows as typed.
    Matches :meth:`~sistemkerja.domain.skema.Lembar.key_of` of the entity built from
    the row (without the ``" #n"`` of a repeated key).
    """
    fields = set(lembar.key or lembar.ref)
    values: dict[str, Any] = {}
    for kolom, cell in picked:
        if kolom.field not in fields or cell is None or cell.data_type in ("f", "e"):
            continue
        try:
            values[kolom.field] = from_cell(kolom, cell.value, cell.number_format)
        except CellError:
            values[kolom.field] = " ".join(str(cell.value).split())
    return lembar.key_from(values)


def _at(cells: tuple[Any, ...], column: int | None) -> Cell | None:
    """Cell at a 1-based column of a row tuple, ``None`` when absent."""
    if column is None or column > len(cells):
        return None
    cell = cells[column - 1]
    return cell if isinstance(cell, Cell) else None
