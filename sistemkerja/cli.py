"""Command line: ``sistemkerja contoh|templat|periksa|optimasi|laporan`` (in Indonesian).

Everything the user reads is Indonesian, including argparse's own usage, help and error
texts. Errors go to stderr, never as a traceback or a raw exception text.

Exit codes: 0 success / plan valid / allocation found (optimal or feasible); 1 the plan
has errors (``periksa``) or no allocation exists or was found in time (``optimasi``,
``laporan``, with the reasons); 2 wrong usage, bad input (a file that is no readable
plan, a plan with errors given to ``optimasi``) or an output that may not or cannot be
written; 3 an internal error (a bug: please report it); 130 interrupted (Ctrl+C); 141 the
reader of the output went away (``| head``).

Outputs are checked before any long work starts: an output may never replace an input
(same path, symlink or hard link) and replaces an existing file only with ``--timpa``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from sistemkerja import __version__
from sistemkerja.domain.masalah import Problem

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Longest solver time limit accepted (seconds): seven days.
MAX_BATAS_WAKTU = 7 * 24 * 3600.0
#: Environment variable that shows the traceback of an internal error (for developers).
DEBUG_ENV = "SISTEMKERJA_JEJAK"


# ---- argparse in Indonesian ---------------------------------------------------------
#: argparse's (Python 3.11) English messages as regular expressions, with their
#: Indonesian replacement; applied in order to every usage error.
_ARGPARSE_ID: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^argument (.+?): ", r"argumen \1: "),
        (r"invalid choice: (.+) \(choose from (.+)\)$", r"pilihan \1 tidak dikenal (pilihan: \2)"),
        (r"invalid (\S+) value: (.+)$", r"nilai \2 tidak sah"),
        (r"the following arguments are required: (.+)$", r"argumen berikut wajib diisi: \1"),
        (r"unrecognized arguments: (.+)$", r"argumen tidak dikenal: \1"),
        (r"expected one argument$", "memerlukan satu nilai"),
        (r"expected at most one argument$", "memerlukan paling banyak satu nilai"),
        (r"expected at least one argument$", "memerlukan sedikitnya satu nilai"),
        (r"expected (\d+) arguments?$", r"memerlukan \1 nilai"),
        (r"not allowed with argument (.+)$", r"tidak boleh dipakai bersama argumen \1"),
        (r"ignored explicit argument (.+)$", r"opsi ini tidak menerima nilai (\1)"),
        (r"one of the arguments (.+) is required$", r"salah satu argumen \1 wajib diisi"),
        (r"ambiguous option: (\S+) could match (.+)$", r"opsi \1 ambigu; bisa berarti \2"),
        (r"unexpected option string: (.+)$", r"opsi tak terduga: \1"),
        (r"can't open '(.+)': (.+)$", r"berkas '\1' tidak dapat dibuka"),
    )
)


def translate_argparse(message: str) -> str:
    """Return argparse's English error ``message`` in Indonesian.

    Parameters
    ----------
    message : str
        The text argparse passes to :meth:`argparse.ArgumentParser.error`.

    Returns
    -------
    str
        The Indonesian text; parts with no known translation are left as they are.
    """
    for pattern, replacement in _ARGPARSE_ID:
        message = pattern.sub(replacement, message)
    return message


class _HelpFormatter(argparse.HelpFormatter):
    """Help in Indonesian: ``penggunaan:`` and the default of every option."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """Add the usage line with the Indonesian prefix."""
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        shown = "bawaan" in text or "%(default)" in text
        if shown or not action.option_strings or action.default in (None, False):
            return text
        if action.default is argparse.SUPPRESS:
            return text
        return f"{text} (bawaan: %(default)s)"


class _Parser(argparse.ArgumentParser):
    """Argument parser whose usage, help and errors are Indonesian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help="tampilkan bantuan ini lalu keluar",
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and the Indonesian error to stderr, then exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {translate_argparse(message)}\n")


# ---- values typed on the command line -------------------------------------------------
def _number(text: str) -> float:
    """Parse a number written the Indonesian or the English way (``0,5`` or ``0.5``)."""
    from sistemkerja.domain.angka import parse_angka

    try:
        value = parse_angka(text.strip().rstrip("%").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan angka") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' bukan angka terhingga")
    return value


def _batas_waktu(text: str) -> float:
    """Solver time limit in seconds: finite, above 0, at most :data:`MAX_BATAS_WAKTU`."""
    if "%" in text:
        raise argparse.ArgumentTypeError(f"'{text}' harus berupa jumlah detik, bukan persen")
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"harus lebih dari 0 detik, bukan '{text}'")
    if value > MAX_BATAS_WAKTU:
        raise argparse.ArgumentTypeError(
            f"paling lama {MAX_BATAS_WAKTU:.0f} detik (7 hari), bukan '{text}'"
        )
    return value


def _celah(text: str) -> float:
    """Relative gap as a fraction: ``1%``, ``0,5%`` or ``0,005``; 0 ≤ celah < 100 %."""
    value = _number(text)
    fraction = value / 100 if "%" in text else value
    if fraction < 0:
        raise argparse.ArgumentTypeError(f"tidak boleh negatif, bukan '{text}'")
    if fraction >= 1:
        hint = "" if "%" in text else f"; untuk {value:g} persen tulis '{value:g}%'"
        raise argparse.ArgumentTypeError(f"harus kurang dari 100%, bukan '{text}'{hint}")
    return fraction


def cpu_count() -> int:
    """Return the number of processor cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _pekerja(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"jumlah pekerja harus bilangan bulat 0 atau lebih, bukan '{text}'"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"jumlah pekerja harus bilangan bulat 0 atau lebih, bukan '{text}'"
        )
    return value


def _ukuran_sintetis(text: str) -> tuple[int, int]:
    """``200x100``: units and staff per unit of a synthetic ministry."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if match is None or int(match[1]) < 1 or int(match[2]) < 2:
        raise argparse.ArgumentTypeError(
            f"ukuran kementerian sintetis ditulis UNITxPEGAWAI, mis. 200x100, bukan '{text}'"
        )
    return int(match[1]), int(match[2])


def _threads(text: str) -> int:
    """Solver threads: a whole number from 1 to the cores of this computer."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"sedikitnya 1, bukan '{text}'")
    cores = cpu_count()
    if value > cores:
        raise argparse.ArgumentTypeError(
            f"paling banyak {cores} (jumlah inti prosesor komputer ini), bukan '{text}'"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sistemkerja",
        description="Perencanaan sistem kerja (Permenpan RB 7/2022): PK, strategi, "
        "kegiatan dan anggaran, Matriks Peran-Hasil.",
    )
    parser.add_argument(
        "--versi",
        action="version",
        version=f"sistemkerja {__version__}",
        help="tampilkan versi lalu keluar",
    )
    sub = parser.add_subparsers(
        dest="perintah",
        required=True,
        metavar="PERINTAH",
        parser_class=_Parser,
        title="perintah",
    )

    contoh = sub.add_parser("contoh", help="tulis buku kerja contoh ke sebuah folder")
    contoh.add_argument("folder", type=Path, help="folder tujuan (dibuat bila belum ada)")
    contoh.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    templat = sub.add_parser("templat", help="tulis templat buku kerja kosong")
    templat.add_argument("berkas", type=Path, help="berkas .xlsx tujuan")
    templat.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    periksa = sub.add_parser("periksa", help="periksa buku kerja rencana")
    periksa.add_argument("berkas", type=Path, help="berkas .xlsx rencana")
    periksa.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")

    opt = sub.add_parser("optimasi", help="tempatkan pegawai ke tim, Ketua Tim dan kegiatan")
    opt.add_argument("berkas", type=Path, help="berkas .xlsx rencana")
    opt.add_argument(
        "--keluaran",
        type=Path,
        help="berkas .xlsx hasil; tidak boleh sama dengan rencana (bawaan: tidak ditulis)",
    )
    opt.add_argument(
        "--skp",
        type=Path,
        help="berkas .xlsx SKP: satu lembar per pegawai dan pimpinan unit (bawaan: tidak ditulis)",
    )
    opt.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    _solver_arguments(opt)
    opt.add_argument("--log", action="store_true", help="tampilkan log solver")
    opt.add_argument("--json", action="store_true", help="ringkasan JSON untuk mesin")

    lap = sub.add_parser(
        "laporan",
        help="tulis laporan HTML satu berkas (grafik dan tabel) dari buku kerja hasil, "
        "atau dari rencana yang dioptimasi saat itu",
    )
    lap.add_argument(
        "berkas", type=Path, help="HASIL.xlsx dari 'optimasi --keluaran', atau rencana"
    )
    lap.add_argument("--keluaran", type=Path, required=True, help="berkas .html tujuan")
    lap.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    _solver_arguments(lap)

    sk = sub.add_parser(
        "skenario",
        help="jalankan sapuan skenario (berkas YAML) dan bandingkan hasilnya",
        description="Menjalankan setiap skenario sapuan (ditambah rencana dasar) di klaster "
        "Dask lokal atau yang sudah ada, lalu menulis buku kerja perbandingan, grafiknya, dan "
        "hasil serta laporan tiap skenario ke folder keluaran. Skenario yang masukannya tidak "
        "berubah diambil dari folder itu tanpa dihitung ulang.",
    )
    sk.add_argument("sapuan", type=Path, metavar="SAPUAN", help="berkas sapuan .yaml")
    sk.add_argument(
        "--keluaran", type=Path, required=True, metavar="FOLDER", help="folder hasil sapuan"
    )
    sk.add_argument(
        "--rencana",
        type=Path,
        default=None,
        metavar="BERKAS",
        help="buku kerja rencana dasar (bawaan: kunci 'rencana' di berkas sapuan)",
    )
    sk.add_argument(
        "--pekerja",
        type=_pekerja,
        default=None,
        metavar="N",
        help=f"jumlah pekerja Dask lokal (bawaan: {cpu_count()}, satu per inti); "
        "0 = tanpa Dask, berurutan di proses ini",
    )
    sk.add_argument(
        "--scheduler",
        default=None,
        metavar="ALAMAT",
        help="alamat scheduler Dask yang sudah berjalan, mis. tcp://host:8786",
    )
    sk.add_argument(
        "--tanpa-dokumen",
        action="store_true",
        help="jangan tulis buku kerja hasil dan laporan tiap skenario (lebih cepat)",
    )
    sk.add_argument("--json", action="store_true", help="ringkasan JSON untuk mesin")

    kem = sub.add_parser(
        "kementerian",
        help="rencanakan seluruh unit kementerian sekaligus (pool pegawai bersama)",
        description="Membaca buku kerja rencana setiap unit di FOLDER (satu berkas .xlsx per "
        "unit), membagi jam pegawai yang tercantum di beberapa unit lebih dulu, "
        "menyelesaikan setiap unit secara paralel di klaster Dask (unit yang terlalu besar "
        "dipecah per tim), memeriksa bahwa tidak seorang pun melebihi kapasitasnya di "
        "seluruh unit, lalu menulis buku kerja hasil kementerian.",
    )
    kem.add_argument(
        "folder", type=Path, nargs="?", metavar="FOLDER", help="folder buku kerja rencana unit"
    )
    kem.add_argument(
        "--sintetis",
        type=_ukuran_sintetis,
        default=None,
        metavar="UNITxPEGAWAI",
        help="kementerian sintetis bertanda acak tetap, mis. 200x100 (pengganti FOLDER)",
    )
    kem.add_argument(
        "--keluaran", type=Path, required=True, metavar="BERKAS", help="buku kerja hasil .xlsx"
    )
    kem.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    kem.add_argument(
        "--pekerja",
        type=_pekerja,
        default=None,
        metavar="N",
        help=f"jumlah pekerja Dask lokal (bawaan: {cpu_count()}); 0 = tanpa Dask",
    )
    kem.add_argument("--scheduler", default=None, metavar="ALAMAT", help="scheduler Dask")
    kem.add_argument(
        "--batas-waktu",
        type=float,
        default=None,
        metavar="DETIK",
        help="batas waktu satu unit atau bagian unit (bawaan 10)",
    )
    kem.add_argument(
        "--maks-pegawai",
        type=int,
        default=None,
        metavar="N",
        help="unit dengan pegawai lebih banyak dipecah per tim (bawaan 150)",
    )

    lok = sub.add_parser("lokakarya", help="salinan rencana peserta lokakarya (untuk pelatih)")
    lsub = lok.add_subparsers(
        dest="lokakarya", required=True, metavar="PERINTAH", parser_class=_Parser, title="perintah"
    )
    folder_help = "folder lokakarya (bawaan: $SISTEMKERJA_LOKAKARYA atau .lokakarya)"
    daftar = lsub.add_parser("daftar", help="tampilkan salinan setiap peserta")
    daftar.add_argument("--folder", type=Path, help=folder_help)
    ulang = lsub.add_parser(
        "atur-ulang", help="arsipkan salinan seorang peserta lalu buat salinan baru"
    )
    ulang.add_argument("nama", metavar="NAMA", help="nama peserta seperti yang diketiknya")
    ulang.add_argument("--folder", type=Path, help=folder_help)
    ulang.add_argument(
        "--sumber",
        type=Path,
        help="buku kerja untuk salinan baru "
        "(bawaan: $SISTEMKERJA_LOKAKARYA_SUMBER atau unit contoh)",
    )
    return parser


def _solver_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--solver", choices=["highs", "cbc"], default="highs", help="solver MILP")
    parser.add_argument(
        "--batas-waktu",
        type=_batas_waktu,
        default="60",
        metavar="DETIK",
        help="batas waktu solver dalam detik, mis. 60 atau 0,5",
    )
    parser.add_argument(
        "--threads",
        type=_threads,
        default=None,
        metavar="N",
        help=f"jumlah thread solver, 1 sampai {cpu_count()} (bawaan: dipilih solver)",
    )
    parser.add_argument(
        "--celah",
        type=_celah,
        default=None,
        metavar="CELAH",
        help="celah relatif tempat solver boleh berhenti, mis. 1%%, 0,5%% atau 0,005 "
        "(bawaan: dari lembar Kebijakan, 1 %%)",
    )
    parser.add_argument(
        "--prioritas",
        choices=["pemerataan", "bobot"],
        default=None,
        help="yang diutamakan: pemerataan beban atau bobot tujuan (bawaan: dari lembar Kebijakan)",
    )


# ---- calling the optimiser ------------------------------------------------------------
def _solve_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the keyword arguments for ``optimasi()`` from the command line.

    The one place where CLI names meet optimiser names (they are the same names). Options
    left at ``None`` are dropped, so the plan's Kebijakan decides their value.
    """
    options = {
        "solver": args.solver,
        "batas_waktu": args.batas_waktu,
        "threads": args.threads,
        "celah": args.celah,
        "prioritas": args.prioritas,
        "log": getattr(args, "log", None),
    }
    return {key: value for key, value in options.items() if value is not None}


def _optimise(plan: Any, options: dict[str, Any]) -> Any:
    """Call ``optimasi()`` with the command line's options."""
    from sistemkerja.optimasi import optimasi

    return optimasi(plan, **options)


# ---- files ----------------------------------------------------------------------------
def _error(message: str) -> None:
    print(f"Galat: {message}", file=sys.stderr)


def _os_message(exc: OSError) -> str:
    """Indonesian text of an OSError: our own message, or the file and the reason."""
    from sistemkerja.io.buku_kerja import os_reason

    if exc.errno is None:  # raised by sistemkerja with an Indonesian message
        return str(exc)
    where = f"'{exc.filename}': " if exc.filename else ""
    return f"{where}{os_reason(exc)}"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(
    path: Path, suffixes: Sequence[str], *, overwrite: bool, inputs: Sequence[Path] = ()
) -> str | None:
    """Return an Indonesian reason not to write ``path``, or ``None`` when it can be written.

    Checked before any long work: the suffix; that it is no folder; that it is none of
    ``inputs`` (also through a symlink or hard link); that an existing file is replaced
    only with ``overwrite`` and is not read-only; that its folder exists and accepts a
    new file (a real probe file is created and removed).

    Parameters
    ----------
    path : Path
        The output file.
    suffixes : sequence of str
        Allowed suffixes, lower case, e.g. ``(".xlsx",)``.
    overwrite : bool
        Whether ``--timpa`` was given.
    inputs : sequence of Path
        Files read by the command.

    Returns
    -------
    str or None
        The reason, naming the file; ``None`` when writing may go ahead.
    """
    from sistemkerja.io import clean_stale_temp, temp_path
    from sistemkerja.io.buku_kerja import os_reason

    if path.suffix.lower() not in suffixes:
        return f"nama berkas keluaran '{path}' harus berakhiran {' atau '.join(suffixes)}"
    for source in inputs:
        if path.exists() and _same_file(path, source):
            return (
                f"berkas keluaran '{path}' adalah berkas masukan '{source}'; hasil tidak "
                "boleh menimpa masukan. Pilih nama lain untuk --keluaran"
            )
    if path.is_dir():
        return f"keluaran '{path}' adalah folder; tulis nama berkas, mis. '{path / 'hasil'}'"
    if path.exists() or path.is_symlink():
        if not overwrite:
            return f"berkas '{path}' sudah ada; pakai --timpa untuk menimpanya"
        if not path.exists():
            return f"'{path}' adalah tautan simbolik yang rusak; hapus dulu"
        if not path.stat().st_mode & 0o222:
            return f"berkas '{path}' hanya-baca; tidak ditimpa"
    folder = path.parent
    if not folder.exists():
        return f"folder '{folder}' untuk berkas '{path.name}' tidak ada; buat dulu foldernya"
    if not folder.is_dir():
        return f"'{folder}' bukan folder; berkas '{path.name}' tidak dapat ditulis di sana"
    clean_stale_temp(folder)
    probe = temp_path(path)
    try:
        with open(probe, "xb"):
            pass
    except OSError as exc:
        why = "folder itu tidak menerima berkas baru" if exc.errno == errno.ENOENT else None
        return f"folder '{folder}' tidak dapat ditulisi ({why or os_reason(exc)})"
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return None


def _print_report(
    path: Path, errors: list[Problem], warnings: list[Problem], file: IO[str] | None = None
) -> None:
    out = file or sys.stdout
    for problem in [*errors, *warnings]:
        print(problem, file=out)
    if errors:
        print(f"\n{path}: TIDAK VALID — {len(errors)} galat, {len(warnings)} peringatan.", file=out)
    else:
        print(f"{path}: valid — 0 galat, {len(warnings)} peringatan.", file=out)


def _report(path: Path, errors: list[Problem], warnings: list[Problem]) -> None:
    """Print the problems of a plan given for optimisation or a report, on stderr.

    A file that is no readable plan at all gets its one message, without the summary.
    """
    if _file_unreadable(errors):
        for problem in errors:
            print(f"Galat: {problem.message}", file=sys.stderr)
    else:
        _print_report(path, errors, warnings, sys.stderr)


def _file_unreadable(problems: list[Problem]) -> bool:
    from sistemkerja.io.buku_kerja import FILE_PROBLEM_CODES

    return any(p.code in FILE_PROBLEM_CODES for p in problems if p.is_error)


def _tidy_folder(path: Path) -> None:
    """Remove temporary files left beside ``path`` by a killed earlier run."""
    from sistemkerja.io import clean_stale_temp

    clean_stale_temp(path.parent if str(path.parent) else Path("."))


# ---- commands -------------------------------------------------------------------------
def cmd_contoh(folder: Path, overwrite: bool) -> int:
    """Write every sample plan as a workbook into ``folder``."""
    from sistemkerja import contoh
    from sistemkerja.io import write_plan
    from sistemkerja.io.buku_kerja import os_reason

    if folder.exists() and not folder.is_dir():
        _error(f"'{folder}' adalah berkas, bukan folder")
        return EXIT_USAGE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(f"folder '{folder}' tidak dapat dibuat ({os_reason(exc)})")
        return EXIT_USAGE
    targets = {name: folder / contoh.FILE_NAMES[name] for name in contoh.names()}
    for path in targets.values():
        reason = check_output(path, (".xlsx",), overwrite=overwrite)
        if reason:
            _error(reason)
            return EXIT_USAGE
    for name, path in targets.items():
        write_plan(contoh.load(name), path)
        print(f"Ditulis: {path}")
    return EXIT_OK


def cmd_templat(path: Path, overwrite: bool) -> int:
    """Write a blank plan template with dropdowns."""
    from sistemkerja.io import write_template

    reason = check_output(path, (".xlsx",), overwrite=overwrite)
    if reason:
        _error(reason)
        return EXIT_USAGE
    write_template(path)
    print(f"Templat ditulis: {path}")
    return EXIT_OK


def cmd_periksa(path: Path, as_json: bool) -> int:
    """Validate a plan workbook; exit 0 without errors, 1 with errors, 2 if unreadable."""
    from sistemkerja.io import read_plan_problems

    _tidy_folder(path)
    _plan, problems = read_plan_problems(path)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    unreadable = _file_unreadable(problems)
    if as_json:
        payload = {
            "berkas": str(path),
            "valid": not errors,
            "galat": len(errors),
            "peringatan": len(warnings),
            "masalah": [p.to_dict() for p in problems],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif unreadable:
        _report(path, errors, warnings)
    else:
        _print_report(path, errors, warnings)
    if unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if errors else EXIT_OK


def cmd_optimasi(args: argparse.Namespace) -> int:
    """Optimise a plan workbook; write the result workbook; report status and gap.

    The ``--keluaran`` workbook holds the result tables and, when an allocation was
    found, the documents (MPH level 1 and 2, draft SKP, ABK, budget recap, schedule) of
    :func:`sistemkerja.laporan.xlsx.write_result_workbook`. The ``--skp`` workbook holds
    one SKP sheet per person and the unit head's (:func:`sistemkerja.laporan.skp.write_skp`).
    """
    from sistemkerja.io import read_plan_problems
    from sistemkerja.label import uraian_hasil

    keluaran = [p for p in (args.keluaran, args.skp) if p is not None]
    if args.keluaran is not None and args.skp is not None and args.keluaran == args.skp:
        _error("--keluaran dan --skp harus berkas yang berbeda")
        return EXIT_USAGE
    for path in keluaran:
        reason = check_output(path, (".xlsx",), overwrite=args.timpa, inputs=[args.berkas])
        if reason:
            _error(reason)
            return EXIT_USAGE
    _tidy_folder(args.berkas)
    plan, problems = read_plan_problems(args.berkas)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        if args.json:
            payload = {"status": "bad_input", "masalah": [p.to_dict() for p in errors]}
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            _report(args.berkas, errors, [])
        return EXIT_USAGE
    hasil = _optimise(plan, _solve_options(args))
    for path in keluaran:
        reason = check_output(path, (".xlsx",), overwrite=args.timpa, inputs=[args.berkas])
        if reason:  # the folder changed during the solve
            _error(reason)
            return EXIT_USAGE
    if keluaran:
        from sistemkerja.laporan.tabel import hitung_tabel
        from sistemkerja.laporan.xlsx import write_result_workbook

        tabel = hitung_tabel(hasil)
        if args.keluaran is not None:
            write_result_workbook(tabel, args.keluaran)
        if args.skp is not None and tabel.alokasi is not None:
            from sistemkerja.laporan.skp import write_skp_tabel

            write_skp_tabel(tabel, args.skp)
    if args.json:
        print(json.dumps(hasil.summary(), ensure_ascii=False, indent=2, default=str))
    else:
        print(uraian_hasil(hasil))
        if args.keluaran is not None:
            print(f"Hasil ditulis: {args.keluaran}")
        if args.skp is not None:
            if hasil.alokasi is not None:
                print(f"SKP ditulis: {args.skp}")
            else:
                print("SKP tidak ditulis: tidak ada penempatan pegawai.")
    return EXIT_OK if hasil.ok else EXIT_INVALID


def cmd_laporan(args: argparse.Namespace) -> int:
    """Write the one-file HTML report of a result workbook, or of a plan solved afresh."""
    from sistemkerja.domain.masalah import PlanError
    from sistemkerja.io import read_plan_problems
    from sistemkerja.label import uraian_hasil
    from sistemkerja.laporan.baca import is_result_workbook, read_result_workbook
    from sistemkerja.laporan.html import write_laporan_html

    reason = check_output(
        args.keluaran, (".html", ".htm"), overwrite=args.timpa, inputs=[args.berkas]
    )
    if reason:
        _error(reason)
        return EXIT_USAGE
    _tidy_folder(args.berkas)
    plan, problems = read_plan_problems(args.berkas)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        _report(args.berkas, errors, [])
        return EXIT_USAGE
    from_result = is_result_workbook(args.berkas)
    if from_result:  # the allocation as saved: no new solve
        try:
            hasil = read_result_workbook(args.berkas)
        except PlanError as exc:
            _print_report(args.berkas, [p for p in exc.problems if p.is_error], [], sys.stderr)
            return EXIT_USAGE
        except ValueError as exc:  # laporan.baca names sheet, row and column in Indonesian
            _error(f"buku kerja hasil '{args.berkas}' tidak dapat dibaca: {exc}")
            return EXIT_USAGE
        except Exception:  # a damaged result workbook is bad input, not a crash
            _error(
                f"buku kerja hasil '{args.berkas}' tidak dapat dibaca: lembar hasilnya "
                "(Ringkasan, Penugasan) rusak atau diubah; jalankan 'sistemkerja optimasi "
                "--keluaran' lagi"
            )
            return EXIT_USAGE
    else:
        hasil = _optimise(plan, _solve_options(args))
    reason = check_output(
        args.keluaran, (".html", ".htm"), overwrite=args.timpa, inputs=[args.berkas]
    )
    if reason:
        _error(reason)
        return EXIT_USAGE
    write_laporan_html(hasil, args.keluaran)
    if from_result:
        print("Dibaca dari buku kerja hasil (tanpa optimasi ulang).")
    print(uraian_hasil(hasil))
    print(f"Laporan ditulis: {args.keluaran}")
    return EXIT_OK if hasil.ok else EXIT_INVALID


def _baris_sapuan(h: Any) -> str:
    from sistemkerja.domain.angka import format_angka

    parts = [h.keterangan.splitlines()[0]]
    if h.ok:
        parts.append(f"EJ tertinggi {format_angka(h.ej_maks, 2)}" if h.ej_maks is not None else "")
        if h.biaya is not None:
            parts.append(f"biaya Rp {format_angka(round(h.biaya), 0)}")
    return "; ".join(p for p in parts if p)


def cmd_skenario(args: argparse.Namespace) -> int:
    """Run a sweep file: every scenario plus the base plan, then the comparison."""
    from sistemkerja.io.skenario import SkenarioError, baca_sapuan
    from sistemkerja.sapuan import daftar_skenario, jalankan_sapuan
    from sistemkerja.sapuan.rencana import rencana_sapuan

    try:
        sapuan = baca_sapuan(args.sapuan)
    except SkenarioError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if args.keluaran.exists() and not args.keluaran.is_dir():
        _error(f"--keluaran '{args.keluaran}' sudah ada dan bukan folder")
        return EXIT_USAGE
    plan, problems, sumber = rencana_sapuan(sapuan, args.sapuan, rencana=args.rencana)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        _report(Path(sumber or args.sapuan), errors, [])
        return EXIT_USAGE
    total = len(daftar_skenario(sapuan))
    bar = None
    if not args.json:
        from tqdm import tqdm

        print(f"Rencana dasar: {sumber}; {total} skenario (rencana dasar termasuk).")
        bar = tqdm(total=total, desc="Skenario", unit="skenario", file=sys.stderr, ascii=True)

    def maju(k: Any) -> None:
        if bar is not None:
            bar.set_postfix_str(f"{k.hasil.nama[:30]}: {k.hasil.status}", refresh=False)
            bar.update(1)

    try:
        result = jalankan_sapuan(
            plan,
            sapuan,
            args.keluaran,
            pekerja=args.pekerja,
            scheduler=args.scheduler,
            dokumen=not args.tanpa_dokumen,
            kemajuan=maju,
        )
    except ConnectionError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print(
            "\nDihentikan. Skenario yang sudah selesai tersimpan di "
            f"{args.keluaran}; jalankan perintah yang sama untuk melanjutkan.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        payload = {
            "skenario": [h.as_dict() for h in result.hasil],
            "dihitung": result.dihitung,
            "dari_tembolok": len(result.hasil) - result.dihitung,
            "perbandingan": str(result.berkas_banding),
            "grafik": str(result.berkas_grafik),
            "detik": result.detik,
        }
        for item in payload["skenario"]:
            item.pop("penugasan", None)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for h, cached in zip(result.hasil, result.dari_tembolok, strict=True):
            mark = " (tembolok)" if cached else ""
            print(f"- {h.nama}{mark}: {_baris_sapuan(h)}")
        print(
            f"{result.dihitung} skenario dihitung, {len(result.hasil) - result.dihitung} dari "
            f"tembolok, {result.detik:.0f} detik."
        )
        print(f"Perbandingan ditulis: {result.berkas_banding}")
        print(f"Grafik ditulis: {result.berkas_grafik}")
    failed = [h for h in result.hasil if h.status == "galat"]
    return EXIT_INVALID if failed else EXIT_OK


def cmd_kementerian(args: argparse.Namespace) -> int:
    """Plan every unit of a ministry (a folder of plan workbooks, or a synthetic one)."""
    from sistemkerja.domain.kementerian import KapasitasTerlampaui, Kementerian
    from sistemkerja.domain.masalah import FieldError
    from sistemkerja.io import read_plan_problems
    from sistemkerja.sapuan.kementerian import (
        BATAS_KEMENTERIAN,
        LABEL_STATUS_UNIT,
        MAKS_PEGAWAI,
        rencanakan_kementerian,
        tulis_kementerian,
    )

    if (args.folder is None) == (args.sintetis is None):
        _error("berikan FOLDER buku kerja rencana unit, atau --sintetis UNITxPEGAWAI")
        return EXIT_USAGE
    inputs = [] if args.folder is None else [args.folder]
    reason = check_output(args.keluaran, (".xlsx",), overwrite=args.timpa, inputs=inputs)
    if reason:
        _error(reason)
        return EXIT_USAGE
    if args.sintetis is not None:
        from sistemkerja.contoh.kementerian import generate_kementerian

        kementerian = generate_kementerian(*args.sintetis, seed=1)
    else:
        if not args.folder.is_dir():
            _error(f"folder '{args.folder}' tidak ada")
            return EXIT_USAGE
        files = sorted(f for f in args.folder.glob("*.xlsx") if not f.name.startswith(("~$", ".")))
        if not files:
            _error(f"tidak ada buku kerja rencana (.xlsx) di folder '{args.folder}'")
            return EXIT_USAGE
        plans = []
        for path in files:
            plan, problems = read_plan_problems(path)
            errors = [p for p in problems if p.is_error]
            if plan is None or errors:
                _report(path, errors, [])
                return EXIT_USAGE
            plans.append(plan)
        first = plans[0]
        own = next((u for u in first.units if u.code == first.pk.unit), None)
        try:
            kementerian = Kementerian(own.instansi if own else args.folder.name, tuple(plans))
        except FieldError as exc:
            _error(f"rencana unit di '{args.folder}' tidak dapat digabung: {exc}")
            return EXIT_USAGE
    print(
        f"{kementerian.nama}: {len(kementerian.unit)} unit, {kementerian.jumlah_pegawai} "
        f"pegawai, {len(kementerian.pool())} di pool bersama."
    )
    from tqdm import tqdm

    bar = tqdm(total=len(kementerian.unit), desc="Unit", unit="unit", file=sys.stderr, ascii=True)

    def maju(u: Any, _done: int, _total: int) -> None:
        bar.set_postfix_str(f"{u.unit}: {LABEL_STATUS_UNIT.get(u.status, u.status)[:20]}")
        bar.update(1)

    try:
        hasil = rencanakan_kementerian(
            kementerian,
            batas_waktu=args.batas_waktu or BATAS_KEMENTERIAN,
            maks_pegawai=args.maks_pegawai or MAKS_PEGAWAI,
            pekerja=args.pekerja,
            scheduler=args.scheduler,
            kemajuan=maju,
        )
    except ConnectionError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KapasitasTerlampaui as exc:
        _error(f"hasil gabungan ditolak: {exc}")
        return EXIT_INTERNAL
    finally:
        bar.close()
    tulis_kementerian(hasil, args.keluaran)
    for u in hasil.unit:
        if not u.ok or u.catatan:
            print(f"- {u.unit}: {LABEL_STATUS_UNIT.get(u.status, u.status)}")
            for note in u.catatan:
                print(f"    {note}")
    ok = sum(u.ok for u in hasil.unit)
    print(
        f"{ok} dari {len(hasil.unit)} unit berencana lengkap, {len(hasil.dipecah())} dipecah; "
        f"tidak ada pegawai melebihi kapasitas di seluruh unit; {hasil.detik:.0f} detik."
    )
    print(f"Hasil ditulis: {args.keluaran}")
    return EXIT_OK if ok == len(hasil.unit) else EXIT_INVALID


def cmd_lokakarya(args: argparse.Namespace) -> int:
    """``lokakarya daftar`` / ``lokakarya atur-ulang NAMA``: the trainer's commands."""
    from sistemkerja.lokakarya import (
        ARSIP,
        atur_ulang_peserta,
        daftar_peserta,
        folder_lokakarya,
        sumber_lokakarya,
    )

    folder = folder_lokakarya(args.folder)
    if args.lokakarya == "daftar":
        rows = daftar_peserta(folder)
        print(f"Folder lokakarya: {folder}")
        if not rows:
            print("Belum ada peserta.")
            return EXIT_OK
        print(f"{'Peserta':<30} {'Diubah':<19} {'Arsip':>5}")
        for row in rows:
            print(f"{row.kode:<30} {row.diubah:%Y-%m-%d %H:%M:%S} {row.arsip:>5}")
        print(f"{len(rows)} peserta.")
        return EXIT_OK
    try:
        path = atur_ulang_peserta(folder, args.nama, sumber_lokakarya(args.sumber))
    except (ValueError, OSError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    print(f"Salinan baru untuk '{args.nama}': {path}")
    print(f"Salinan lama (bila ada) disimpan di {folder / ARSIP}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.perintah == "lokakarya":
        return cmd_lokakarya(args)
    if args.perintah == "contoh":
        return cmd_contoh(args.folder, args.timpa)
    if args.perintah == "templat":
        return cmd_templat(args.berkas, args.timpa)
    if args.perintah == "optimasi":
        return cmd_optimasi(args)
    if args.perintah == "laporan":
        return cmd_laporan(args)
    if args.perintah == "skenario":
        return cmd_skenario(args)
    if args.perintah == "kementerian":
        return cmd_kementerian(args)
    return cmd_periksa(args.berkas, args.json)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        0 success, 1 invalid plan or no allocation, 2 usage, input or output error,
        3 internal error, 130 interrupted, 141 output pipe closed.
    """
    for stream in (sys.stdout, sys.stderr):  # a path that is not valid UTF-8 still prints
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --versi and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("\nDibatalkan.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `sistemkerja periksa x.xlsx --json | head`: quietly stop
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        _error(_os_message(exc))
        return EXIT_USAGE
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
        _error(
            "terjadi kesalahan internal di sistemkerja (bukan kesalahan Anda). Laporkan ke "
            f"pengembang; jalankan ulang dengan {DEBUG_ENV}=1 untuk rinciannya"
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
