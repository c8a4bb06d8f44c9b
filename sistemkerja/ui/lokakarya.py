"""Workshop (lokakarya) workspaces: one plan workbook per participant, and a reset for the trainer.

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

:class:`PanelPeserta` is the "Mulai" widget: the participant types a name, clicks Mulai and
the panel's :attr:`PanelPeserta.path` holds the copy the rest of the app opens. The panel
carries CSS classes as ready signals for browser tests: ``sk-panel-peserta`` always,
``sk-siap`` once it is displayed and waiting, ``sk-peserta-dimulai`` once a copy is open.

The trainer's commands (:func:`jalankan_perintah`)::

    python -m sistemkerja.ui.lokakarya daftar [--folder F]
    python -m sistemkerja.ui.lokakarya atur-ulang NAMA [--folder F] [--sumber W]

All user-facing text is Indonesian.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

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


# ---- the "Mulai" panel ------------------------------------------------------------------
class PanelPeserta(widgets.VBox):
    """The participant's start panel: name, "Mulai", and the path of their copy.

    Parameters
    ----------
    folder : str or os.PathLike, optional
        The workshop folder; :func:`folder_lokakarya` when omitted.
    sumber : str or os.PathLike, optional
        The trainer's workbook; :func:`sumber_lokakarya` when omitted.
    nama : str, optional
        The name to show at first; from the page's query string (``?peserta=``) when
        omitted.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    path : str
        Absolute path of the participant's copy once Mulai succeeded, ``""`` before.
    pesan : str
        What the panel says: the path opened, or why Mulai was refused.
    """

    path = traitlets.Unicode("")
    pesan = traitlets.Unicode("")

    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        sumber: str | os.PathLike[str] | None = None,
        nama: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.folder = folder_lokakarya(folder)
        self.sumber = sumber_lokakarya(sumber)
        self.nama = widgets.Text(
            value=peserta_dari_query() if nama is None else nama,
            description="Nama",
            placeholder="mis. Dwi Lestari",
        )
        self.nama.add_class("sk-peserta-nama")
        self.tombol = widgets.Button(
            description="Mulai", button_style="primary", tooltip="Buka salinan rencana Anda"
        )
        self.tombol.add_class("sk-peserta-mulai")
        self.keterangan = widgets.HTML("Ketik nama Anda lalu tekan <b>Mulai</b>.")
        self.keterangan.add_class("sk-peserta-pesan")
        super().__init__([widgets.HBox([self.nama, self.tombol]), self.keterangan], **kwargs)
        self.add_class("sk-panel-peserta")
        self.tombol.on_click(lambda _button: self.mulai())
        self.add_class("sk-siap")

    def mulai(self) -> bool:
        """Open (or make) the copy of the name typed; set :attr:`path` and :attr:`pesan`.

        Returns
        -------
        bool
            Whether a copy is open now. On refusal :attr:`path` keeps its value.
        """
        self.remove_class("sk-siap")
        self.tombol.disabled = True
        try:
            path = salinan_peserta(self.folder, self.nama.value, self.sumber)
        except (ValueError, OSError) as exc:
            kept = f". Salinan yang terbuka tetap: {self.path}" if self.path else ""
            self.pesan = f"{exc}{kept}"
            self.keterangan.value = f"<span style='color:#b3261e'>{_escape(self.pesan)}</span>"
            self.keterangan.add_class("sk-galat")
            return False
        finally:
            self.tombol.disabled = False
            self.add_class("sk-siap")
        self.pesan = f"Salinan rencana Anda: {path}"
        self.keterangan.remove_class("sk-galat")
        self.keterangan.value = (
            f"Salinan rencana Anda: <code class='sk-peserta-path'>{_escape(str(path))}</code>"
        )
        self.path = str(path)
        self.add_class("sk-peserta-dimulai")
        return True


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


# ---- the trainer's commands ----------------------------------------------------------------
class _Bantuan(argparse.HelpFormatter):
    """Help with the Indonesian usage prefix."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        """Add the usage line as ``penggunaan: ...``."""
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Argument parser whose help and errors are Indonesian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Bantuan)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="tampilkan bantuan ini"
        )

    def error(self, message: str) -> Any:
        """Print the usage and an Indonesian error to stderr, then exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: argumen tidak sah ({message}); lihat --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m sistemkerja.ui.lokakarya",
        description="Salinan rencana peserta lokakarya: daftar dan atur ulang.",
    )
    sub = parser.add_subparsers(
        dest="perintah", required=True, metavar="PERINTAH", parser_class=_Parser, title="perintah"
    )
    folder_help = f"folder lokakarya (bawaan: ${ENV_FOLDER} atau {FOLDER_BAWAAN})"
    daftar = sub.add_parser("daftar", help="tampilkan salinan setiap peserta")
    daftar.add_argument("--folder", help=folder_help)
    ulang = sub.add_parser(
        "atur-ulang", help="arsipkan salinan seorang peserta lalu buat salinan baru"
    )
    ulang.add_argument("nama", metavar="NAMA", help="nama peserta seperti yang diketiknya")
    ulang.add_argument("--folder", help=folder_help)
    ulang.add_argument(
        "--sumber", help=f"buku kerja untuk salinan baru (bawaan: ${ENV_SUMBER} atau unit contoh)"
    )
    return parser


def jalankan_perintah(argv: Sequence[str] | None = None) -> int:
    """Run a trainer command: ``daftar`` or ``atur-ulang NAMA`` (with ``--folder``, ``--sumber``).

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        Exit code: 0 done (or ``--help``), 2 refused (wrong usage, bad name, missing or
        invalid source); the reason goes to stderr in Indonesian.
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    folder = folder_lokakarya(args.folder)
    if args.perintah == "daftar":
        rows = daftar_peserta(folder)
        print(f"Folder lokakarya: {folder}")
        if not rows:
            print("Belum ada peserta.")
            return 0
        print(f"{'Peserta':<30} {'Diubah':<19} {'Arsip':>5}")
        for row in rows:
            print(f"{row.kode:<30} {row.diubah:%Y-%m-%d %H:%M:%S} {row.arsip:>5}")
        print(f"{len(rows)} peserta.")
        return 0
    try:
        path = atur_ulang_peserta(folder, args.nama, sumber_lokakarya(args.sumber))
    except (ValueError, OSError) as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    print(f"Salinan baru untuk '{args.nama}': {path}")
    print(f"Salinan lama (bila ada) disimpan di {folder / ARSIP}")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(jalankan_perintah())
