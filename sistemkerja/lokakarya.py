"""Workshop (lokakarya) workspaces: one plan workbook per participant, and a trainer's reset.

A workshop folder holds one copy of a plan per participant, ``<kode>.xlsx``, where the
code is the participant's name made safe for a file name (:func:`kode_peserta`). The first
:func:`salinan_peserta` makes a fresh copy: the sample unit (``contoh.load("unit")``) or a
workbook the trainer provides; later calls return the same file, so a participant who
reloads the page continues where they stopped. :func:`atur_ulang_peserta` is the trainer's
reset: the old copy is moved (never deleted) into ``arsip/`` with a timestamp and a fresh
copy is made. Every file appears atomically (written beside it, then linked into place),
so two tabs of one participant starting at once end with one complete copy.

Settings come from the environment so ``make app`` (Voila) can pass them to every kernel:

``SISTEMKERJA_LOKAKARYA``
    The workshop folder (:func:`folder_lokakarya`); ``.lokakarya`` in the current
    folder when unset.
``SISTEMKERJA_LOKAKARYA_SUMBER``
    A trainer-provided plan workbook copied for each participant (:func:`sumber_lokakarya`);
    the sample unit when unset.

The participant's "Mulai" widget is :class:`sistemkerja.ui.lokakarya.PanelPeserta`; the
trainer's commands are ``sistemkerja lokakarya daftar`` and
``sistemkerja lokakarya atur-ulang NAMA`` (:mod:`sistemkerja.cli`).

All user-facing text is Indonesian.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from sistemkerja import contoh
from sistemkerja.io import read_plan_problems, temp_path, write_plan

#: Environment variable naming the workshop folder.
ENV_FOLDER = "SISTEMKERJA_LOKAKARYA"
#: Environment variable naming the trainer-provided plan workbook.
ENV_SUMBER = "SISTEMKERJA_LOKAKARYA_SUMBER"
#: Workshop folder when :data:`ENV_FOLDER` is unset (relative to the current folder).
FOLDER_BAWAAN = ".lokakarya"
#: Subfolder of the workshop folder holding the copies replaced by a reset.
ARSIP = "arsip"
#: Longest participant name accepted (characters).
NAMA_MAKS = 60
#: Query-string key that may carry the participant's name (``...?peserta=Ani``).
KUNCI_QUERY = "peserta"

# Letters (any script), digits, spaces and . - _ ' are allowed in a name.
_NAMA_SAH = re.compile(r"^[\w .\-']+$")
_TIMESTAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Peserta:
    """One participant's copy in a workshop folder.

    Attributes
    ----------
    kode : str
        The safe file name stem (see :func:`kode_peserta`).
    path : Path
        The plan workbook, ``<folder>/<kode>.xlsx``.
    diubah : datetime.datetime
        Last modification of the copy (local time).
    arsip : int
        How many earlier copies of this participant were archived by resets.
    """

    kode: str
    path: Path
    diubah: dt.datetime
    arsip: int


# ---- settings ----------------------------------------------------------------------------
def folder_lokakarya(folder: str | os.PathLike[str] | None = None) -> Path:
    """Return the workshop folder: ``folder``, else :data:`ENV_FOLDER`, else ``.lokakarya``.

    Parameters
    ----------
    folder : str or os.PathLike, optional
        An explicit folder; wins over the environment.

    Returns
    -------
    Path
        The folder as an absolute path (it may not exist yet).
    """
    chosen = folder if folder is not None else os.environ.get(ENV_FOLDER) or FOLDER_BAWAAN
    return Path(chosen).expanduser().absolute()


def sumber_lokakarya(sumber: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the trainer's workbook: ``sumber``, else :data:`ENV_SUMBER`, else ``None``.

    Parameters
    ----------
    sumber : str or os.PathLike, optional
        An explicit workbook; wins over the environment.

    Returns
    -------
    Path or None
        The workbook, or ``None`` for the sample unit.
    """
    chosen = sumber if sumber is not None else os.environ.get(ENV_SUMBER) or None
    return None if chosen is None else Path(chosen).expanduser().absolute()


def peserta_dari_query(query: str | None = None) -> str:
    """Return the participant's name carried by a URL query string, or ``""``.

    Voila passes the page's query string to the kernel as ``QUERY_STRING``, so a trainer
    can hand out links such as ``http://host:8866/?token=...&peserta=Ani``.

    Parameters
    ----------
    query : str, optional
        The query string (without ``?``); ``None`` reads ``QUERY_STRING``.

    Returns
    -------
    str
        The first ``peserta`` value, stripped; ``""`` when there is none.
    """
    text = os.environ.get("QUERY_STRING", "") if query is None else query
    values = parse_qs(text).get(KUNCI_QUERY, [])
    return values[0].strip() if values else ""


# ---- names ---------------------------------------------------------------------------------
def kode_peserta(nama: str) -> str:
    """Turn a participant's name into a safe file name stem.

    Accents are folded (``"Dwi Ayu Lestari"`` and ``"dwi  ayu lestari"`` give the same
    code), letters are lowered, and every run of other characters becomes ``-``.

    Parameters
    ----------
    nama : str
        The name as typed: 1 to :data:`NAMA_MAKS` characters of letters, digits, spaces
        and ``. - _ '``.

    Returns
    -------
    str
        ``[a-z0-9]`` words joined by ``-``, e.g. ``"dwi-ayu-lestari"``.

    Raises
    ------
    ValueError
        If the name is empty, too long, has other characters or no letter or digit; the
        message is Indonesian.
    """
    if not isinstance(nama, str):
        raise ValueError("Nama peserta harus berupa teks")
    text = " ".join(nama.split())
    if not text:
        raise ValueError("Nama peserta belum diisi")
    if len(text) > NAMA_MAKS:
        raise ValueError(
            f"Nama peserta terlalu panjang ({len(text)} karakter; paling banyak {NAMA_MAKS})"
        )
    if not _NAMA_SAH.match(text):
        raise ValueError(
            f"Nama peserta '{text}' memuat karakter yang tidak diizinkan; "
            "pakai huruf, angka, spasi, titik, tanda hubung, garis bawah atau apostrof"
        )
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    kode = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not kode:
        raise ValueError(
            f"Nama peserta '{text}' harus memuat sedikitnya satu huruf latin atau angka"
        )
    return kode


def path_peserta(folder: str | os.PathLike[str], nama: str) -> Path:
    """Return where a participant's copy lives, ``<folder>/<kode>.xlsx`` (made or not).

    Parameters
    ----------
    folder : str or os.PathLike
        The workshop folder.
    nama : str
        The participant's name (see :func:`kode_peserta`).

    Returns
    -------
    Path
        The workbook path.
    """
    return Path(folder) / f"{kode_peserta(nama)}.xlsx"


# ---- copies --------------------------------------------------------------------------------
def _cek_sumber(sumber: Path) -> None:
    if not sumber.is_file():
        raise FileNotFoundError(f"Buku kerja sumber '{sumber}' tidak ditemukan")
    plan, problems = read_plan_problems(sumber)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        head = f"Buku kerja sumber '{sumber}' tidak dapat dipakai: {len(errors)} galat"
        lines = [head, *(f"- {p}" for p in errors[:10])]
        if len(errors) > 10:
            lines.append(f"- ... dan {len(errors) - 10} galat lain")
        raise ValueError("\n".join(lines))


def _buat_salinan(target: Path, sumber: Path | None) -> bool:
    """Make ``target`` from the source unless it exists; return whether this call made it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target)
    try:
        if sumber is None:
            # write_plan is atomic itself; it writes the temporary file we then link.
            write_plan(contoh.load("unit"), tmp)
        else:
            shutil.copyfile(sumber, tmp)
        try:
            os.link(tmp, target)  # atomic "create if absent": never replaces a copy
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def salinan_peserta(
    folder: str | os.PathLike[str],
    nama: str,
    sumber: str | os.PathLike[str] | None = None,
) -> Path:
    """Return a participant's copy of the plan, making it on the first call.

    Parameters
    ----------
    folder : str or os.PathLike
        The workshop folder (made if missing).
    nama : str
        The participant's name (see :func:`kode_peserta`).
    sumber : str or os.PathLike, optional
        A trainer-provided plan workbook to copy byte for byte; ``None`` writes the
        sample unit (``contoh.load("unit")``). Only read when the copy is made.

    Returns
    -------
    Path
        ``<folder>/<kode>.xlsx``; the same file on every later call, with the
        participant's saved changes.

    Raises
    ------
    ValueError
        If the name is not acceptable, or the source workbook has errors (the message
        lists them, in Indonesian).
    FileNotFoundError
        If ``sumber`` does not exist.
    """
    target = path_peserta(folder_lokakarya(folder), nama)
    if target.is_file():
        return target
    source = None if sumber is None else Path(sumber)
    if source is not None:
        _cek_sumber(source)
    _buat_salinan(target, source)
    return target


def _path_arsip(folder: Path, kode: str, now: dt.datetime) -> Path:
    arsip = folder / ARSIP
    stem = f"{kode}-{now.strftime(_TIMESTAMP)}"
    candidate = arsip / f"{stem}.xlsx"
    n = 2
    while candidate.exists():
        candidate = arsip / f"{stem}-{n}.xlsx"
        n += 1
    return candidate


def atur_ulang_peserta(
    folder: str | os.PathLike[str],
    nama: str,
    sumber: str | os.PathLike[str] | None = None,
    *,
    now: dt.datetime | None = None,
) -> Path:
    """Reset a participant: archive their copy (never deleted) and make a fresh one.

    Parameters
    ----------
    folder : str or os.PathLike
        The workshop folder.
    nama : str
        The participant's name (see :func:`kode_peserta`).
    sumber : str or os.PathLike, optional
        The workbook for the fresh copy; ``None`` the sample unit.
    now : datetime.datetime, optional
        Timestamp of the archived copy's name (local time); the clock when omitted.

    Returns
    -------
    Path
        The fresh copy, ``<folder>/<kode>.xlsx``. The old one is now
        ``<folder>/arsip/<kode>-<YYYYmmdd-HHMMSS>[-n].xlsx``.

    Raises
    ------
    ValueError
        If the name is not acceptable or the source has errors (checked before
        anything moves, so a refused reset leaves the old copy in place).
    FileNotFoundError
        If ``sumber`` does not exist.
    """
    base = folder_lokakarya(folder)
    target = path_peserta(base, nama)
    source = None if sumber is None else Path(sumber)
    if source is not None:
        _cek_sumber(source)
    if target.is_file():
        archived = _path_arsip(base, kode_peserta(nama), now or dt.datetime.now())
        archived.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, archived)
    _buat_salinan(target, source)
    return target


def daftar_peserta(folder: str | os.PathLike[str]) -> list[Peserta]:
    """List the participants' copies in a workshop folder, sorted by code.

    Parameters
    ----------
    folder : str or os.PathLike
        The workshop folder (a missing folder has no participants).

    Returns
    -------
    list of Peserta
        One entry per ``<kode>.xlsx``, with its archive count.
    """
    base = folder_lokakarya(folder)
    if not base.is_dir():
        return []
    arsip = base / ARSIP
    archived = sorted(p.name for p in arsip.glob("*.xlsx")) if arsip.is_dir() else []
    result = []
    for path in sorted(base.glob("*.xlsx")):
        kode = path.stem
        if kode != kode_aman(kode):
            continue  # not one of ours (e.g. a trainer's file with capitals or spaces)
        pattern = re.compile(rf"^{re.escape(kode)}-\d{{8}}-\d{{6}}(?:-\d+)?\.xlsx$")
        count = sum(1 for name in archived if pattern.match(name))
        diubah = dt.datetime.fromtimestamp(path.stat().st_mtime)
        result.append(Peserta(kode=kode, path=path, diubah=diubah, arsip=count))
    return result


def kode_aman(text: str) -> str:
    """Return ``text`` as :func:`kode_peserta` would code it, or ``""`` when it cannot.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The code, or ``""``.
    """
    try:
        return kode_peserta(text)
    except ValueError:
        return ""
