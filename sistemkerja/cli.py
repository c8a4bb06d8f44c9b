"""Command line: ``sistemkerja contoh|templat|periksa`` (Indonesian sub-commands).

Exit codes: 0 success / plan valid / allocation found (optimal or feasible); 1 the plan
has errors (``periksa``) or no allocation exists or was found in time (``optimasi``,
with the reasons); 2 wrong usage, bad input or a file that cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sistemkerja import __version__
from sistemkerja.domain.masalah import Problem

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """Argument parser that reports usage errors in Indonesian."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print the usage and an Indonesian error, then exit with code 2."""
        for english, indonesian in _ARGPARSE_ID.items():
            message = message.replace(english, indonesian)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {message}\n")


_ARGPARSE_ID = {
    "the following arguments are required": "argumen berikut wajib diisi",
    "unrecognized arguments": "argumen tidak dikenal",
    "invalid choice": "pilihan tidak sah",
    "choose from": "pilih dari",
    "expected one argument": "memerlukan satu nilai",
}


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sistemkerja",
        description="Perencanaan sistem kerja (Permenpan RB 7/2022): PK, strategi, "
        "kegiatan dan anggaran, Matriks Peran-Hasil.",
    )
    parser.add_argument("--versi", action="version", version=f"sistemkerja {__version__}")
    sub = parser.add_subparsers(
        dest="perintah", required=True, metavar="PERINTAH", parser_class=_Parser
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
    opt.add_argument("--keluaran", type=Path, help="berkas .xlsx hasil (ditimpa bila ada)")
    opt.add_argument("--solver", choices=["highs", "cbc"], default="highs", help="solver MILP")
    opt.add_argument(
        "--batas-waktu", type=float, default=60.0, metavar="DETIK", help="batas waktu solver"
    )
    opt.add_argument("--threads", type=int, default=None, help="jumlah thread solver")
    opt.add_argument(
        "--celah", type=float, default=1e-4, metavar="FRAKSI", help="celah relatif berhenti"
    )
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
    lap.add_argument("--solver", choices=["highs", "cbc"], default="highs", help="solver MILP")
    lap.add_argument(
        "--batas-waktu", type=float, default=60.0, metavar="DETIK", help="batas waktu solver"
    )
    lap.add_argument("--threads", type=int, default=None, help="jumlah thread solver")
    return parser


def _write_guarded(path: Path, overwrite: bool) -> str | None:
    """Return an Indonesian reason not to write ``path``, or ``None`` when it is fine."""
    if path.exists() and not overwrite:
        return f"berkas '{path}' sudah ada; pakai --timpa untuk menimpanya"
    if path.suffix.lower() != ".xlsx":
        return f"nama berkas '{path}' harus berakhiran .xlsx"
    return None


def cmd_contoh(folder: Path, overwrite: bool) -> int:
    """Write every sample plan as a workbook into ``folder``."""
    from sistemkerja import contoh
    from sistemkerja.io import write_plan

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"Galat: folder '{folder}' tidak dapat dibuat: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    targets = {name: folder / contoh.FILE_NAMES[name] for name in contoh.names()}
    blocked = [p for p in targets.values() if p.exists() and not overwrite]
    if blocked:
        names = ", ".join(str(p) for p in blocked)
        print(f"Galat: berkas sudah ada: {names}; pakai --timpa", file=sys.stderr)
        return EXIT_USAGE
    for name, path in targets.items():
        write_plan(contoh.load(name), path)
        print(f"Ditulis: {path}")
    return EXIT_OK


def cmd_templat(path: Path, overwrite: bool) -> int:
    """Write a blank plan template with dropdowns."""
    from sistemkerja.io import write_template

    reason = _write_guarded(path, overwrite)
    if reason:
        print(f"Galat: {reason}", file=sys.stderr)
        return EXIT_USAGE
    try:
        write_template(path)
    except OSError as exc:
        print(f"Galat: templat tidak dapat ditulis ke '{path}': {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Templat ditulis: {path}")
    return EXIT_OK


def cmd_periksa(path: Path, as_json: bool) -> int:
    """Validate a plan workbook; exit 0 when it has no errors, 1 otherwise."""
    from sistemkerja.io import read_plan_problems

    _plan, problems = read_plan_problems(path)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if as_json:
        payload = {
            "berkas": str(path),
            "valid": not errors,
            "galat": len(errors),
            "peringatan": len(warnings),
            "masalah": [p.to_dict() for p in problems],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_report(path, errors, warnings)
    return EXIT_INVALID if errors else EXIT_OK


def _print_report(path: Path, errors: list[Problem], warnings: list[Problem]) -> None:
    for problem in [*errors, *warnings]:
        print(problem)
    if errors:
        print(f"\n{path}: TIDAK VALID — {len(errors)} galat, {len(warnings)} peringatan.")
    else:
        print(f"{path}: valid — 0 galat, {len(warnings)} peringatan.")


def cmd_optimasi(args: argparse.Namespace) -> int:
    """Optimise a plan workbook; write the result workbook; report status and gap.

    The ``--keluaran`` workbook holds the result tables and, when an allocation was
    found, the documents (MPH level 1 and 2, draft SKP, ABK, budget recap, schedule) of
    :func:`sistemkerja.io.laporan_xlsx.write_result_workbook`.
    """
    from sistemkerja.io import read_plan_problems
    from sistemkerja.laporan.xlsx import write_result_workbook
    from sistemkerja.optimasi import optimasi

    if args.batas_waktu <= 0:
        print("Galat: --batas-waktu harus lebih dari 0 detik", file=sys.stderr)
        return EXIT_USAGE
    if args.keluaran is not None and args.keluaran.suffix.lower() != ".xlsx":
        print(f"Galat: nama berkas '{args.keluaran}' harus berakhiran .xlsx", file=sys.stderr)
        return EXIT_USAGE
    plan, problems = read_plan_problems(args.berkas)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        if args.json:
            payload = {"status": "bad_input", "masalah": [p.to_dict() for p in errors]}
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            _print_report(args.berkas, errors, [])
        return EXIT_USAGE
    hasil = optimasi(
        plan,
        solver=args.solver,
        batas_waktu=args.batas_waktu,
        threads=args.threads,
        gap=args.celah,
        log=args.log,
    )
    if args.keluaran is not None:
        try:
            write_result_workbook(hasil, args.keluaran)
        except OSError as exc:
            print(f"Galat: hasil tidak dapat ditulis: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        print(json.dumps(hasil.summary(), ensure_ascii=False, indent=2, default=str))
    else:
        print(hasil.describe())
        if args.keluaran is not None:
            print(f"Hasil ditulis: {args.keluaran}")
    return EXIT_OK if hasil.ok else EXIT_INVALID


def cmd_laporan(args: argparse.Namespace) -> int:
    """Write the one-file HTML report of a result workbook, or of a plan solved afresh."""
    from sistemkerja.domain.masalah import PlanError
    from sistemkerja.io import read_plan_problems
    from sistemkerja.laporan.baca import is_result_workbook, read_result_workbook
    from sistemkerja.laporan.html import write_laporan_html
    from sistemkerja.optimasi import optimasi

    if args.batas_waktu <= 0:
        print("Galat: --batas-waktu harus lebih dari 0 detik", file=sys.stderr)
        return EXIT_USAGE
    if args.keluaran.suffix.lower() not in (".html", ".htm"):
        print(f"Galat: nama berkas '{args.keluaran}' harus berakhiran .html", file=sys.stderr)
        return EXIT_USAGE
    plan, problems = read_plan_problems(args.berkas)
    errors = [p for p in problems if p.is_error]
    if plan is None or errors:
        _print_report(args.berkas, errors, [])
        return EXIT_USAGE
    if is_result_workbook(args.berkas):  # the allocation as saved: no new solve
        try:
            hasil = read_result_workbook(args.berkas)
        except (PlanError, KeyError, TypeError, ValueError) as exc:
            print(
                f"Galat: buku kerja hasil '{args.berkas}' tidak dapat dibaca: {exc}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    else:
        hasil = optimasi(
            plan, solver=args.solver, batas_waktu=args.batas_waktu, threads=args.threads
        )
    try:
        write_laporan_html(hasil, args.keluaran)
    except OSError as exc:
        print(f"Galat: laporan tidak dapat ditulis: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(hasil.describe())
    print(f"Laporan ditulis: {args.keluaran}")
    return EXIT_OK if hasil.ok else EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        0 success, 1 invalid plan, 2 usage or write error.
    """
    args = _parser().parse_args(argv)
    if args.perintah == "contoh":
        return cmd_contoh(args.folder, args.timpa)
    if args.perintah == "templat":
        return cmd_templat(args.berkas, args.timpa)
    if args.perintah == "optimasi":
        return cmd_optimasi(args)
    if args.perintah == "laporan":
        return cmd_laporan(args)
    return cmd_periksa(args.berkas, args.json)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
