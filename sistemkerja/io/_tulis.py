"""Writing plan sheets with openpyxl and saving workbooks atomically."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io._nilai import to_cell

#: Headers of a key-value sheet (Kebijakan, PK).
PARAMETER = "Parameter"
NILAI = "Nilai"
KETERANGAN = "Keterangan"
SINGLE_HEADERS: tuple[str, str, str] = (PARAMETER, NILAI, KETERANGAN)

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_MIN_WIDTH = 8
_MAX_WIDTH = 60
#: Kinds stored as text: their columns get the Text number format for new entries.
TEXT_KINDS = frozenset({"text", "code", "nip", "enum", "enumlist", "list"})


def set_value(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write one value; text is always stored as text, never as a formula or error.

    Parameters
    ----------
    ws : Worksheet
        The sheet.
    row, column : int
        1-based cell position.
    value : Any
        ``None`` (cell left empty), a number or a str.

    Returns
    -------
    Cell
        The cell written.

    Raises
    ------
    ValueError
        If the text holds control characters Excel cannot store.
    """
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    try:
        cell.value = value
    except IllegalCharacterError:
        raise ValueError(
            f"teks di lembar '{ws.title}' sel {cell.coordinate} memuat karakter kontrol yang "
            "tidak dapat disimpan di Excel"
        ) from None
    if isinstance(value, str):
        # openpyxl turns "=…" into a formula and "#N/A" into an error; keep them as text.
        cell.data_type = "s"
    return cell


def write_header(ws: Worksheet, headers: Sequence[str]) -> None:
    """Write a bold, frozen header row."""
    for col, text in enumerate(headers, start=1):
        cell = set_value(ws, 1, col, text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=False)
    ws.freeze_panes = "A2"


def fit_widths(ws: Worksheet, columns: Iterable[Iterable[Any]]) -> None:
    """Set each column's width from its longest value (header included)."""
    for col, values in enumerate(columns, start=1):
        longest = max((len(str(v)) for v in values if v is not None), default=0)
        width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
        ws.column_dimensions[get_column_letter(col)].width = width


def write_table(ws: Worksheet, lembar: Lembar, entities: Sequence[Any]) -> None:
    """Write an entity sheet: header row, then one row per entity.

    Parameters
    ----------
    ws : Worksheet
        Empty sheet to fill.
    lembar : Lembar
        Its schema.
    entities : sequence
        The entities, in row order.
    """
    headers = [c.header for c in lembar.columns]
    write_header(ws, headers)
    cells: list[list[Any]] = [[h] for h in headers]
    for r, entity in enumerate(entities, start=2):
        values = lembar.values(entity)
        for c, kolom in enumerate(lembar.columns, start=1):
            value = to_cell(kolom, values[kolom.field])
            set_value(ws, r, c, value)
            cells[c - 1].append(value)
    fit_widths(ws, cells)
    for c, kolom in enumerate(lembar.columns, start=1):
        if kolom.kind in TEXT_KINDS:
            ws.column_dimensions[get_column_letter(c)].number_format = "@"


def write_single(
    ws: Worksheet, lembar: Lembar, entity: Any | None, *, help_of: Callable[[Kolom], str]
) -> None:
    """Write a key-value sheet: ``Parameter | Nilai | Keterangan``, one row per column.

    Parameters
    ----------
    ws : Worksheet
        Empty sheet to fill.
    lembar : Lembar
        Its schema (``single``).
    entity : Any or None
        The entity; ``None`` leaves every value empty (blank template).
    help_of : callable
        Text of the Keterangan cell for a column.
    """
    write_header(ws, SINGLE_HEADERS)
    values = lembar.values(entity) if entity is not None else {}
    cells: list[list[Any]] = [[h] for h in SINGLE_HEADERS]
    for r, kolom in enumerate(lembar.columns, start=2):
        row = (kolom.header, to_cell(kolom, values.get(kolom.field)), help_of(kolom) or None)
        for c, value in enumerate(row, start=1):
            set_value(ws, r, c, value)
            cells[c - 1].append(value)
    fit_widths(ws, cells)


def new_workbook() -> Workbook:
    """Return a workbook without its default sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "sistemkerja"
    return wb


def digest(path: str | os.PathLike[str]) -> str:
    """Return the sha256 hex digest of a file's bytes."""
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            sha.update(chunk)
    return sha.hexdigest()


#: Temporary files of :func:`save_atomic`: ``~sistemkerja-simpan-<name>-<pid>-<tag>.tmp``
#: beside the target, so a user who finds one left by a killed run knows what it is.
TEMP_PREFIX = "~sistemkerja-simpan-"
_TEMP_RE = re.compile(
    r"^" + re.escape(TEMP_PREFIX) + r"(?P<name>.+)-(?P<pid>[0-9]+)-(?P<tag>[0-9a-f]{6})\.tmp$"
)
#: Temporary files of sistemkerja before 0.2 (``.~<name>.<8 hex>.xlsx``): no pid, so
#: they are removed only by age.
_LEGACY_TEMP_RE = re.compile(r"^\.~(?P<name>.+)\.[0-9a-f]{8}\.(?:xlsx|html)$")
#: A temporary file older than this (seconds) is stale even if its pid is alive again.
STALE_AFTER = 24 * 3600.0


def temp_path(target: Path) -> Path:
    """Return a fresh temporary path beside ``target`` in the :data:`TEMP_PREFIX` pattern.

    Parameters
    ----------
    target : Path
        The file about to be written.

    Returns
    -------
    Path
        ``<folder>/~sistemkerja-simpan-<target name>-<pid>-<6 hex>.tmp``.
    """
    return target.with_name(f"{TEMP_PREFIX}{target.name}-{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def clean_stale_temp(folder: str | os.PathLike[str], *, now: float | None = None) -> list[Path]:
    """Remove temporary files left in ``folder`` by saves that were killed.

    Only files matching our own pattern (see :func:`temp_path`) are touched, and only
    when the process that made them is gone or the file is older than
    :data:`STALE_AFTER`. Files of this process are never removed (a save may be running).
    Temporary files of earlier versions (``.~<name>.<8 hex>.xlsx``) go by age alone.

    Parameters
    ----------
    folder : str or os.PathLike
        The folder to tidy.
    now : float, optional
        Current time (``time.time()``), for the age test.

    Returns
    -------
    list of Path
        The files removed.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        legacy = match is None and _LEGACY_TEMP_RE.match(entry.name) is not None
        if match is None and not legacy:
            continue
        pid = int(match["pid"]) if match is not None else 0
        if pid == os.getpid():
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if old or (not legacy and not _pid_alive(pid)):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def save_atomic(wb: Workbook, target: Path, check: Callable[[], None] | None = None) -> str:
    """Save ``wb`` to a temporary file next to ``target``, then move it into place.

    Stale temporary files of earlier, killed saves in the same folder are removed first
    (:func:`clean_stale_temp`).

    Parameters
    ----------
    wb : Workbook
        The workbook.
    target : Path
        Final path.
    check : callable, optional
        Called just before the move; raising aborts the save and leaves ``target``
        untouched (conflict detection).

    Returns
    -------
    str
        sha256 fingerprint of the saved file.
    """
    clean_stale_temp(target.parent)
    tmp = temp_path(target)
    try:
        wb.save(tmp)
        if target.exists():
            shutil.copymode(target, tmp)
        if check is not None:
            check()
        fingerprint = digest(tmp)
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise PermissionError(
                f"berkas '{target}' tidak dapat ditimpa; mungkin sedang dibuka di Excel. "
                "Tutup berkas itu lalu coba lagi"
            ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return fingerprint


def write_text_atomic(text: str, target: Path) -> Path:
    """Write UTF-8 ``text`` to ``target`` through a temporary file, as :func:`save_atomic`.

    Parameters
    ----------
    text : str
        The content.
    target : Path
        Final path.

    Returns
    -------
    Path
        ``target``.
    """
    return write_bytes_atomic(text.encode("utf-8"), target)


def write_bytes_atomic(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` through a temporary file, as :func:`save_atomic`.

    Parameters
    ----------
    data : bytes
        The content.
    target : Path
        Final path.

    Returns
    -------
    Path
        ``target``.
    """
    clean_stale_temp(target.parent)
    tmp = temp_path(target)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
