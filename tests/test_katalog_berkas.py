"""Catalogue of bad input at the command line: files, sheets, arguments, outputs, sizes,
unicode paths.

Every case runs ``sistemkerja`` on real files (openpyxl, zipfile, links, folders) and
asserts the exit code, that the message is Indonesian (no argparse English, no raw
exception names or ``[Errno …]``), that it names the file, sheet or argument, and that
no file that existed before the run changed (hashes before and after). Value-level cases
(cells) live in ``test_katalog_masukan_buruk.py`` and the domain engineer's file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from sistemkerja import contoh
from sistemkerja.cli import _parser, _solve_options, cpu_count, main
from sistemkerja.io import read_plan, write_plan
from sistemkerja.io.buku_kerja import MAX_FILE_BYTES, MAX_PEGAWAI, MAX_SHEET_ROWS
from sistemkerja.laporan.skp import lembar_skp

ROOT = Path(__file__).resolve().parent.parent

#: Text that must never reach a user: argparse's English and raw exception markers.
ENGLISH = (
    "Error",
    "Errno",
    "Traceback",
    "KeyError",
    "BadZipFile",
    "ParseError",
    "Exception",
    "usage:",
    "positional",
    "options:",
    "invalid choice",
    "choose from",
    "argument ",
    "arguments",
    "required:",
    "expected one",
    "unrecognized",
    "ambiguous",
    "No such file",
    "Permission denied",
    "Is a directory",
    "not a zip",
    "not well-formed",
    "show this help",
    "default:",
)

Setup = Callable[[Path, Path], list[str]]


def assert_indonesian(text: str, tmp: Path) -> None:
    """No English or raw exception marker outside the (test-named) temporary paths."""
    cleaned = text.replace(str(tmp), "<tmp>")
    leaks = [marker for marker in ENGLISH if marker in cleaned]
    assert not leaks, f"English/raw text {leaks} in:\n{text}"


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every regular file under ``folder`` (links not followed)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            hashes[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


@pytest.fixture(scope="module")
def kecil_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("master") / "kecil.xlsx"
    write_plan(contoh.load("kecil"), path)
    return path


# ---- building bad files ----------------------------------------------------------------
def _zip(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return path


def _rewrite_part(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy an xlsx with one part's bytes changed."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, change(data) if info.filename == part else data)
    return target


def _sheet_part(path: Path, sheet: str) -> str:
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(sheet) + 1
    return f"xl/worksheets/sheet{index}.xml"


def _ole(*streams: str) -> bytes:
    """Bytes of a compound (CFB/OLE) file header and directory naming ``streams``.

    Password-protected .xlsx files are CFB containers holding the streams
    ``EncryptionInfo`` and ``EncryptedPackage``; no CFB writer is installed here, so the
    header and directory entries are laid out by hand (names in UTF-16LE, 128-byte
    entries), which is what the reader recognises.
    """
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    header = header.ljust(512, b"\0")
    entries = b"".join(
        (name.encode("utf-16-le") + b"\0\0").ljust(64, b"\0")
        + (2 * len(name) + 2).to_bytes(2, "little")
        + b"\x02".ljust(62, b"\0")
        for name in ("Root Entry", *streams)
    )
    return header + entries.ljust(512, b"\0")


def _with_rows(source: Path, target: Path, sheet: str, total: int) -> Path:
    """Copy of ``source`` whose ``sheet`` has ``total`` data rows (copies of row 2)."""
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    template = [c.value for c in ws[2]]
    for i in range(total - (ws.max_row - 1)):
        values = list(template)
        values[0] = f"{values[0]}-{i}"
        ws.append(values)
    wb.save(target)
    return target


def _edited(source: Path, target: Path, change: Callable[[openpyxl.Workbook], None]) -> Path:
    wb = openpyxl.load_workbook(source)
    change(wb)
    wb.save(target)
    return target


# ---- the cases -----------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, the expected exit code and what the message names."""

    id: str
    category: str
    setup: Setup  # (folder, plan file) -> argv
    code: int
    names: tuple[str, ...]  # substrings of the message; "{tmp}" is the case folder
    creates: tuple[str, ...] = ()  # files the command may create (relative to folder)


def _periksa(make: Callable[[Path, Path], Path]) -> Setup:
    return lambda folder, plan: ["periksa", str(make(folder, plan))]


def _opt(*extra: str) -> Setup:
    return _argv("optimasi", "{plan}", *extra)


def _file(name: str, content: bytes) -> Callable[[Path, Path], Path]:
    def make(folder: Path, plan: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def _truncated(folder: Path, plan: Path) -> Path:
    path = folder / "terpotong.xlsx"
    data = plan.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _flipped(folder: Path, plan: Path) -> Path:
    """A byte changed inside a compressed part: the archive's checksum fails."""
    path = folder / "rusak.xlsx"
    with zipfile.ZipFile(plan) as zf:
        info = zf.getinfo("xl/styles.xml")
    data = bytearray(plan.read_bytes())
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _ods(folder: Path, plan: Path) -> Path:
    return _zip(
        folder / "dari_libreoffice.xlsx",
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<office:document-content/>",
            "META-INF/manifest.xml": "<manifest/>",
        },
    )


def _docx(folder: Path, plan: Path) -> Path:
    return _zip(
        folder / "surat.xlsx",
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"},
    )


def _plain_zip(folder: Path, plan: Path) -> Path:
    return _zip(folder / "arsip.xlsx", {"catatan.txt": "halo"})


def _bad_sheet_xml(folder: Path, plan: Path) -> Path:
    part = _sheet_part(plan, "Pegawai")
    return _rewrite_part(plan, folder / "xml_rusak.xlsx", part, lambda b: b[: len(b) // 2])


def _bad_strings_xml(folder: Path, plan: Path) -> Path:
    return _rewrite_part(
        plan, folder / "styles_rusak.xlsx", "xl/styles.xml", lambda b: b.replace(b">", b"", 3)
    )


def _missing_part(folder: Path, plan: Path) -> Path:
    path = folder / "tanpa_lembar.xlsx"
    part = _sheet_part(plan, "Pegawai")
    with zipfile.ZipFile(plan) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info, src.read(info.filename))
    return path


def _encrypted(folder: Path, plan: Path) -> Path:
    return _file("berkata_sandi.xlsx", _ole("EncryptionInfo", "EncryptedPackage"))(folder, plan)


def _xls(folder: Path, plan: Path) -> Path:
    return _file("lama.xlsx", _ole("Workbook", "\x05SummaryInformation"))(folder, plan)


def _directory(folder: Path, plan: Path) -> Path:
    path = folder / "folder.xlsx"
    path.mkdir()
    return path


def _fifo(folder: Path, plan: Path) -> Path:
    """A named pipe: reading it would wait forever for a writer."""
    path = folder / "pipa.xlsx"
    os.mkfifo(path)
    return path


def _dangling(folder: Path, plan: Path) -> Path:
    path = folder / "tautan.xlsx"
    path.symlink_to(folder / "sudah_dihapus.xlsx")
    return path


def _under_a_file(folder: Path, plan: Path) -> Path:
    return plan / "rencana.xlsx"


def _huge_file(folder: Path, plan: Path) -> Path:
    path = folder / "raksasa.xlsx"
    with open(path, "wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no real disk use
    return path


def _zip_bomb(folder: Path, plan: Path) -> Path:
    path = folder / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            chunk = b" " * (1 << 20)
            for _ in range(501):
                fh.write(chunk)
    return path


def _many_pegawai(folder: Path, plan: Path) -> Path:
    return _with_rows(plan, folder / "pegawai_banyak.xlsx", "Pegawai", MAX_PEGAWAI + 1)


def _many_kegiatan(folder: Path, plan: Path) -> Path:
    return _with_rows(plan, folder / "kegiatan_banyak.xlsx", "Kegiatan", MAX_SHEET_ROWS + 1)


def _value_at_last_row(folder: Path, plan: Path) -> Path:
    def change(wb: openpyxl.Workbook) -> None:
        wb["Pegawai"].cell(1_048_576, 2).value = "Catatan tersesat"

    return _edited(plan, folder / "baris_akhir.xlsx", change)


def _other_workbook(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Rekap"
    wb.active["A1"] = "bukan rencana"
    wb.save(folder / "lain.xlsx")
    return folder / "lain.xlsx"


def _header_moved(folder: Path, plan: Path) -> Path:
    return _edited(plan, folder / "judul_turun.xlsx", lambda wb: wb["Pegawai"].insert_rows(1, 2))


def _far_header(folder: Path, plan: Path) -> Path:
    def change(wb: openpyxl.Workbook) -> None:
        wb["Pegawai"].cell(1, 16_384).value = "Catatan jauh"

    return _edited(plan, folder / "judul_jauh.xlsx", change)


def _non_utf8_name(folder: Path, plan: Path) -> Path:
    path = Path(os.fsdecode(bytes(folder) + b"/rencana-\xff\xfe.xlsx"))
    path.write_bytes(b"bukan buku kerja")
    return path


UNICODE_NAME = "Rencana Direktorat ñ 計画 🙂 (salinan).xlsx"


def _unicode_missing(folder: Path, plan: Path) -> Path:
    return folder / "data unit" / UNICODE_NAME


def _unicode_plan(folder: Path, plan: Path) -> Path:
    target = folder / "data unit ñ" / UNICODE_NAME
    target.parent.mkdir()
    shutil.copyfile(plan, target)
    return target


def _unicode_text(folder: Path, plan: Path) -> Path:
    return _file(UNICODE_NAME, b"Nama;NIP\nAndi;1\n")(folder, plan)


def _same_output(folder: Path, plan: Path) -> list[str]:
    return ["optimasi", str(plan), "--keluaran", str(plan), "--timpa"]


def _output_symlink(folder: Path, plan: Path) -> list[str]:
    link = folder / "hasil.xlsx"
    link.symlink_to(plan)
    return ["optimasi", str(plan), "--keluaran", str(link), "--timpa"]


def _output_hardlink(folder: Path, plan: Path) -> list[str]:
    link = folder / "hasil.xlsx"
    os.link(plan, link)
    return ["optimasi", str(plan), "--keluaran", str(link), "--timpa"]


def _input_symlink(folder: Path, plan: Path) -> list[str]:
    link = folder / "rencana_tautan.xlsx"
    link.symlink_to(plan)
    return ["optimasi", str(link), "--keluaran", str(plan), "--timpa"]


def _output_dotdot(folder: Path, plan: Path) -> list[str]:
    (folder / "sub").mkdir()
    other = folder / "sub" / ".." / plan.name
    return ["optimasi", str(plan), "--keluaran", str(other), "--timpa"]


def _output_exists(folder: Path, plan: Path) -> list[str]:
    out = folder / "hasil.xlsx"
    out.write_bytes(b"hasil lama yang berharga")
    return ["optimasi", str(plan), "--keluaran", str(out)]


def _output_read_only(folder: Path, plan: Path) -> list[str]:
    out = folder / "hasil.xlsx"
    out.write_bytes(b"hasil lama")
    out.chmod(0o444)
    return ["optimasi", str(plan), "--keluaran", str(out), "--timpa"]


def _output_is_folder(folder: Path, plan: Path) -> list[str]:
    out = folder / "hasil.xlsx"
    out.mkdir()
    return ["optimasi", str(plan), "--keluaran", str(out), "--timpa"]


def _output_dangling(folder: Path, plan: Path) -> list[str]:
    out = folder / "hasil.xlsx"
    out.symlink_to(folder / "tidak_ada" / "x.xlsx")
    return ["optimasi", str(plan), "--keluaran", str(out), "--timpa"]


def _laporan_exists(folder: Path, plan: Path) -> list[str]:
    out = folder / "laporan.html"
    out.write_text("<p>laporan lama</p>", encoding="utf-8")
    return ["laporan", str(plan), "--keluaran", str(out)]


def _laporan_hardlink(folder: Path, plan: Path) -> list[str]:
    out = folder / "laporan.html"
    os.link(plan, out)
    return ["laporan", str(plan), "--keluaran", str(out), "--timpa"]


def _templat_exists(folder: Path, plan: Path) -> list[str]:
    out = folder / "templat.xlsx"
    out.write_bytes(b"templat lama")
    return ["templat", str(out)]


def _contoh_existing(folder: Path, plan: Path) -> list[str]:
    (folder / "contoh").mkdir()
    (folder / "contoh" / "kecil.xlsx").write_bytes(b"punya pengguna")
    return ["contoh", str(folder / "contoh")]


def _contoh_on_file(folder: Path, plan: Path) -> list[str]:
    return ["contoh", str(plan)]


def _argv(*args: str) -> Setup:
    def setup(folder: Path, plan: Path) -> list[str]:
        return [a.replace("{plan}", str(plan)).replace("{tmp}", str(folder)) for a in args]

    return setup


FILE = "berkas"
SHEET = "lembar"
ARG = "argumen"
OUT = "keluaran"
SIZE = "ukuran"
UNI = "unicode"

CASES: list[Case] = [
    # -- files ----------------------------------------------------------------------
    Case("missing file", FILE, _argv("periksa", "{tmp}/tidak_ada.xlsx"), 2, ("tidak_ada.xlsx",)),
    Case("folder as plan", FILE, _periksa(_directory), 2, ("folder.xlsx", "folder")),
    Case("empty file", FILE, _periksa(_file("kosong.xlsx", b"")), 2, ("kosong.xlsx", "kosong")),
    Case(
        "csv renamed xlsx",
        FILE,
        _periksa(_file("data.xlsx", b"Nama;NIP\nAndi;1\n")),
        2,
        ("data.xlsx", "bukan buku kerja"),
    ),
    Case(
        "html saved as xlsx",
        FILE,
        _periksa(_file("ekspor.xlsx", b"<html><table><tr><td>1</td></tr></table></html>")),
        2,
        ("ekspor.xlsx",),
    ),
    Case("truncated xlsx", FILE, _periksa(_truncated), 2, ("terpotong.xlsx", "terpotong")),
    Case("damaged byte in a part", FILE, _periksa(_flipped), 2, ("rusak.xlsx", "rusak")),
    Case("ods renamed xlsx", FILE, _periksa(_ods), 2, ("dari_libreoffice.xlsx", ".ods")),
    Case("word document renamed", FILE, _periksa(_docx), 2, ("surat.xlsx", "Word")),
    Case("zip that is no workbook", FILE, _periksa(_plain_zip), 2, ("arsip.xlsx", "zip")),
    Case(
        "invalid xml in a sheet",
        FILE,
        _periksa(_bad_sheet_xml),
        2,
        ("xml_rusak.xlsx", "'Pegawai'", "XML"),
    ),
    Case(
        "invalid xml in styles",
        FILE,
        _periksa(_bad_strings_xml),
        2,
        ("styles_rusak.xlsx", "xl/styles.xml"),
    ),
    Case("sheet part missing", FILE, _periksa(_missing_part), 2, ("tanpa_lembar.xlsx", "rusak")),
    Case(
        "password protected",
        FILE,
        _periksa(_encrypted),
        2,
        ("berkata_sandi.xlsx", "kata sandi"),
    ),
    Case("legacy xls", FILE, _periksa(_xls), 2, ("lama.xlsx", ".xls")),
    Case("named pipe as plan", FILE, _periksa(_fifo), 2, ("pipa.xlsx", "bukan berkas biasa")),
    Case("dangling symlink", FILE, _periksa(_dangling), 2, ("tautan.xlsx", "tidak ada")),
    Case("path under a file", FILE, _periksa(_under_a_file), 2, ("kecil.xlsx", "rencana.xlsx")),
    Case(
        "bad file given to optimasi",
        FILE,
        lambda folder, plan: ["optimasi", str(_truncated(folder, plan)), "--batas-waktu", "5"],
        2,
        ("terpotong.xlsx",),
    ),
    Case(
        "bad file given to laporan",
        FILE,
        lambda folder, plan: [
            "laporan",
            str(_encrypted(folder, plan)),
            "--keluaran",
            str(folder / "l.html"),
        ],
        2,
        ("berkata_sandi.xlsx", "kata sandi"),
    ),
    # -- sizes ----------------------------------------------------------------------
    Case("file over 50 MB", SIZE, _periksa(_huge_file), 2, ("raksasa.xlsx", "50,0 MB")),
    Case("zip unpacking to 501 MB", SIZE, _periksa(_zip_bomb), 2, ("bom.xlsx", "501,0 MB")),
    Case(
        "5001 Pegawai",
        SIZE,
        _periksa(_many_pegawai),
        2,
        ("pegawai_banyak.xlsx", "'Pegawai'", "5.001", "5.000"),
    ),
    Case(
        "20001 rows in Kegiatan",
        SIZE,
        _periksa(_many_kegiatan),
        2,
        ("kegiatan_banyak.xlsx", "'Kegiatan'", "20.001", "20.000"),
    ),
    # -- sheets: the real data extent -------------------------------------------------
    Case(
        "stray value at row 1048576",
        SHEET,
        lambda folder, plan: ["periksa", str(_value_at_last_row(folder, plan))],
        1,
        ("'Pegawai'", "baris 1048576"),
    ),
    Case(
        "workbook of another application",
        SHEET,
        lambda folder, plan: ["periksa", str(_other_workbook(folder))],
        1,
        ("lain.xlsx", "Pegawai", "templat"),
    ),
    Case(
        "header row moved down",
        SHEET,
        lambda folder, plan: ["periksa", str(_header_moved(folder, plan))],
        1,
        ("'Pegawai'", "baris 1"),
    ),
    Case(
        "header at column XFD",
        SHEET,
        lambda folder, plan: ["periksa", str(_far_header(folder, plan))],
        0,
        ("'Pegawai'", "Catatan jauh"),
    ),
    # -- command-line arguments ---------------------------------------------------------
    Case("batas-waktu inf", ARG, _opt("--batas-waktu", "inf"), 2, ("--batas-waktu", "inf")),
    Case("batas-waktu nan", ARG, _opt("--batas-waktu", "nan"), 2, ("--batas-waktu", "nan")),
    Case("batas-waktu 0", ARG, _opt("--batas-waktu", "0"), 2, ("--batas-waktu", "lebih dari 0")),
    Case("batas-waktu -1", ARG, _opt("--batas-waktu", "-1"), 2, ("--batas-waktu",)),
    Case("batas-waktu text", ARG, _opt("--batas-waktu", "lama"), 2, ("--batas-waktu", "lama")),
    Case("batas-waktu percent", ARG, _opt("--batas-waktu", "10%"), 2, ("--batas-waktu", "persen")),
    Case(
        "batas-waktu 1e9", ARG, _opt("--batas-waktu", "1000000000"), 2, ("--batas-waktu", "7 hari")
    ),
    Case("threads 100000", ARG, _opt("--threads", "100000"), 2, ("--threads", "paling banyak")),
    Case("threads -1", ARG, _opt("--threads", "-1"), 2, ("--threads", "sedikitnya 1")),
    Case("threads 0", ARG, _opt("--threads", "0"), 2, ("--threads", "sedikitnya 1")),
    Case("threads 1,5", ARG, _opt("--threads", "1,5"), 2, ("--threads", "bilangan bulat")),
    Case("celah -1", ARG, _opt("--celah", "-1"), 2, ("--celah", "negatif")),
    Case("celah 100%", ARG, _opt("--celah", "100%"), 2, ("--celah", "100%")),
    Case("celah 1 without percent", ARG, _opt("--celah", "1"), 2, ("--celah", "'1%'")),
    Case("celah text", ARG, _opt("--celah", "kecil"), 2, ("--celah", "kecil")),
    Case("celah inf", ARG, _opt("--celah", "inf"), 2, ("--celah",)),
    Case("unknown solver", ARG, _opt("--solver", "gurobi"), 2, ("--solver", "gurobi", "highs")),
    Case("unknown prioritas", ARG, _opt("--prioritas", "cepat"), 2, ("--prioritas", "pemerataan")),
    Case("unknown sub-command", ARG, _argv("optimalkan", "{plan}"), 2, ("optimalkan", "periksa")),
    Case("no sub-command", ARG, _argv(), 2, ("PERINTAH", "wajib")),
    Case("missing plan argument", ARG, _argv("periksa"), 2, ("berkas", "wajib")),
    Case("unknown option", ARG, _opt("--cepat"), 2, ("--cepat", "tidak dikenal")),
    Case("option without value", ARG, _opt("--keluaran"), 2, ("--keluaran", "satu nilai")),
    Case("ambiguous abbreviation", ARG, _opt("--t", "1"), 2, ("--t", "ambigu")),
    Case("laporan without keluaran", ARG, _argv("laporan", "{plan}"), 2, ("--keluaran", "wajib")),
    Case("extra positional", ARG, _argv("periksa", "{plan}", "lagi.xlsx"), 2, ("lagi.xlsx",)),
    Case("option value for a flag", ARG, _opt("--timpa=ya"), 2, ("--timpa", "ya")),
    # -- outputs: checked before the solve, never replacing an input ---------------------
    Case("keluaran is the plan", OUT, _same_output, 2, ("kecil.xlsx", "masukan")),
    Case("keluaran symlink to plan", OUT, _output_symlink, 2, ("hasil.xlsx", "masukan")),
    Case("keluaran hard link to plan", OUT, _output_hardlink, 2, ("hasil.xlsx", "masukan")),
    Case("plan via symlink, keluaran the plan", OUT, _input_symlink, 2, ("kecil.xlsx", "masukan")),
    Case("keluaran plan via ..", OUT, _output_dotdot, 2, ("kecil.xlsx", "masukan")),
    Case("keluaran exists", OUT, _output_exists, 2, ("hasil.xlsx", "--timpa")),
    Case("keluaran read-only", OUT, _output_read_only, 2, ("hasil.xlsx", "hanya-baca")),
    Case("keluaran is a folder", OUT, _output_is_folder, 2, ("hasil.xlsx", "folder")),
    Case("keluaran dangling symlink", OUT, _output_dangling, 2, ("hasil.xlsx", "tautan")),
    Case(
        "keluaran folder missing",
        OUT,
        _opt("--keluaran", "{tmp}/belum_ada/hasil.xlsx"),
        2,
        ("belum_ada", "tidak ada"),
    ),
    Case(
        "keluaran wrong suffix",
        OUT,
        _opt("--keluaran", "{tmp}/hasil.csv"),
        2,
        ("hasil.csv", ".xlsx"),
    ),
    Case(
        "keluaran where no file can be made",
        OUT,
        _opt("--keluaran", "/proc/hasil.xlsx"),
        2,
        ("/proc", "tidak dapat ditulisi"),
    ),
    Case(
        "keluaran under a file",
        OUT,
        _opt("--keluaran", "{plan}/hasil.xlsx"),
        2,
        ("kecil.xlsx", "bukan folder"),
    ),
    Case("laporan over existing html", OUT, _laporan_exists, 2, ("laporan.html", "--timpa")),
    Case("laporan hard link to plan", OUT, _laporan_hardlink, 2, ("laporan.html", "masukan")),
    Case(
        "laporan wrong suffix",
        OUT,
        _argv("laporan", "{plan}", "--keluaran", "{tmp}/laporan.pdf"),
        2,
        ("laporan.pdf", ".html"),
    ),
    Case("templat exists", OUT, _templat_exists, 2, ("templat.xlsx", "--timpa")),
    Case(
        "templat folder missing",
        OUT,
        _argv("templat", "{tmp}/tidak/templat.xlsx"),
        2,
        ("tidak", "folder"),
    ),
    Case(
        "templat wrong suffix",
        OUT,
        _argv("templat", "{tmp}/templat.xls"),
        2,
        ("templat.xls", ".xlsx"),
    ),
    Case("contoh over user's file", OUT, _contoh_existing, 2, ("kecil.xlsx", "--timpa")),
    Case("contoh into a file", OUT, _contoh_on_file, 2, ("kecil.xlsx", "bukan folder")),
    Case("contoh where no folder can be made", OUT, _argv("contoh", "/proc/contoh"), 2, ("/proc",)),
    # -- unicode in paths ------------------------------------------------------------
    Case("unicode name missing", UNI, _periksa(_unicode_missing), 2, (UNICODE_NAME, "data unit")),
    Case("unicode name of a good plan", UNI, _periksa(_unicode_plan), 0, (UNICODE_NAME, "valid")),
    Case("unicode name not xlsx", UNI, _periksa(_unicode_text), 2, (UNICODE_NAME,)),
    Case(
        "unicode output folder missing",
        UNI,
        _opt("--keluaran", "{tmp}/hasil ñ 計画/hasil 🙂.xlsx"),
        2,
        ("hasil ñ 計画",),
    ),
]


#: Cases that build big workbooks (> 5 s on a busy machine).
SLOW = frozenset({"20001 rows in Kegiatan"})


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.id in SLOW else []) for c in CASES],
)
def test_bad_input_answered_in_indonesian(
    case: Case, kecil_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kecil.xlsx"
    shutil.copyfile(kecil_master, plan)
    argv = case.setup(tmp_path, plan)
    before = snapshot(tmp_path)

    code = main(argv)
    out, err = capsys.readouterr()

    assert code == case.code, out + err
    message = err if case.code == 2 else out
    assert message.strip(), f"no message on {'stderr' if case.code == 2 else 'stdout'}"
    assert_indonesian(out + err, tmp_path)
    for name in case.names:
        assert name.replace("{tmp}", str(tmp_path)) in message, f"{name!r} not in:\n{message}"
    assert snapshot(tmp_path) == before, "a file changed or appeared"


def test_catalogue_size_and_categories() -> None:
    here = len(CASES)
    counts = {
        c: sum(1 for case in CASES if case.category == c) for c in {c.category for c in CASES}
    }
    assert here >= 60, counts
    assert min(counts.values()) >= 1 and len(counts) == 6, counts


# ---- real subprocesses -------------------------------------------------------------------
def _run(args: list[str | os.PathLike[str]], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "sistemkerja", *map(os.fsencode, args)],
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_subprocess_non_utf8_file_name(kecil_master: Path, tmp_path: Path) -> None:
    """A file name that is not valid UTF-8 is named (escaped), without a traceback."""
    path = _non_utf8_name(tmp_path, kecil_master)
    done = _run(["periksa", path], tmp_path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert "rencana-" in err and "bukan buku kerja" in err
    assert_indonesian(err + done.stdout.decode("utf-8"), tmp_path)


def test_subprocess_usage_error_on_stderr(kecil_master: Path, tmp_path: Path) -> None:
    done = _run(["optimasi", kecil_master, "--threads", "100000"], tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    err = done.stderr.decode("utf-8")
    assert "penggunaan: sistemkerja optimasi" in err and "--threads" in err
    assert_indonesian(err, tmp_path)


def test_subprocess_data_loss_refused(kecil_master: Path, tmp_path: Path) -> None:
    """The reported data loss: ``optimasi rencana.xlsx --keluaran rencana.xlsx``."""
    plan = tmp_path / "rencana.xlsx"
    wb = openpyxl.load_workbook(kecil_master)
    wb.create_sheet("Catatan saya")["A1"] = "jangan hilang"
    wb.save(plan)
    before = plan.read_bytes()
    for extra in ([], ["--timpa"]):
        done = _run(["optimasi", "rencana.xlsx", "--keluaran", "rencana.xlsx", *extra], tmp_path)
        assert done.returncode == 2
        assert "masukan" in done.stderr.decode("utf-8")
    assert plan.read_bytes() == before
    assert openpyxl.load_workbook(plan)["Catatan saya"]["A1"].value == "jangan hilang"


# ---- help ------------------------------------------------------------------------------
SUBCOMMANDS = ["contoh", "templat", "periksa", "optimasi", "laporan"]


@pytest.mark.parametrize(
    "argv", [[], *([name] for name in SUBCOMMANDS)], ids=["utama", *SUBCOMMANDS]
)
def test_help_is_indonesian_with_defaults(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("penggunaan: sistemkerja")
    assert "opsi:" in text and "tampilkan bantuan ini lalu keluar" in text
    assert_indonesian(text, tmp_path)
    if argv in (["optimasi"], ["laporan"]):
        assert "(bawaan: 60)" in text and "(bawaan: highs)" in text
        assert "(bawaan: dari lembar Kebijakan, 1 %)" in text
        assert "--prioritas" in text and "--timpa" in text
    if argv:
        assert "argumen posisi:" in text


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--versi"]) == 0
    assert capsys.readouterr().out.startswith("sistemkerja ")


# ---- numbers the Indonesian way, one mapping to the optimiser ---------------------------
@pytest.mark.parametrize(
    ("celah", "fraction"),
    [("0,5%", 0.005), ("0.5%", 0.005), ("0,005", 0.005), ("1 %", 0.01), ("0", 0.0)],
)
def test_celah_forms(celah: str, fraction: float) -> None:
    args = _parser().parse_args(["optimasi", "r.xlsx", "--celah", celah])
    assert _solve_options(args)["celah"] == pytest.approx(fraction)


def test_solve_options_defaults_and_mapping() -> None:
    args = _parser().parse_args(["optimasi", "r.xlsx"])
    assert _solve_options(args) == {"solver": "highs", "batas_waktu": 60.0, "log": False}
    args = _parser().parse_args(
        ["optimasi", "r.xlsx", "--batas-waktu", "0,5", "--threads", "1", "--prioritas", "bobot"]
    )
    assert _solve_options(args) == {
        "solver": "highs",
        "batas_waktu": 0.5,
        "threads": 1,
        "prioritas": "bobot",
        "log": False,
    }
    args = _parser().parse_args(["optimasi", "r.xlsx", "--batas-waktu", "1.000"])
    assert args.batas_waktu == 1000.0  # Indonesian thousands
    assert _parser().parse_args(["optimasi", "r.xlsx", "--threads", str(cpu_count())]).threads


def test_indonesian_numbers_reach_the_solver(
    kecil_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kecil.xlsx"
    shutil.copyfile(kecil_master, plan)
    out = tmp_path / "hasil.xlsx"
    argv = ["optimasi", str(plan), "--batas-waktu", "30,5", "--celah", "0,5%", "--threads", "1"]
    assert main([*argv, "--keluaran", str(out)]) == 0
    assert out.exists() and plan.read_bytes() == kecil_master.read_bytes()
    first = out.read_bytes()
    capsys.readouterr()
    assert main([*argv, "--keluaran", str(out)]) == 2  # exists: refused without --timpa
    assert "--timpa" in capsys.readouterr().err and out.read_bytes() == first
    assert main([*argv, "--keluaran", str(out), "--timpa"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Ringkasan"


def test_optimasi_writes_the_skp_workbook(
    kecil_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kecil.xlsx"
    shutil.copyfile(kecil_master, plan)
    out, skp = tmp_path / "hasil.xlsx", tmp_path / "skp.xlsx"
    argv = ["optimasi", str(plan), "--batas-waktu", "30", "--threads", "1"]
    assert main([*argv, "--keluaran", str(out), "--skp", str(out)]) == 2  # one file for both
    assert "berbeda" in capsys.readouterr().err and not out.exists()
    assert main([*argv, "--keluaran", str(out), "--skp", str(skp)]) == 0
    assert f"SKP ditulis: {skp}" in capsys.readouterr().out
    names = openpyxl.load_workbook(skp, read_only=True).sheetnames
    rencana = read_plan(plan)
    staff = [p for p in rencana.pegawai if p.unit == rencana.pk.unit]
    assert names[0].startswith("SKP ") and {lembar_skp(p.nip) for p in staff} <= set(names)
    assert main([*argv, "--skp", str(skp)]) == 2  # exists: refused without --timpa
    assert "--timpa" in capsys.readouterr().err


@pytest.mark.slow
def test_laporan_overwrites_only_with_timpa(
    kecil_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kecil.xlsx"
    shutil.copyfile(kecil_master, plan)
    report = tmp_path / "laporan.html"
    assert main(["laporan", str(plan), "--keluaran", str(report), "--threads", "1"]) == 0
    report.write_text("<p>catatan saya</p>", encoding="utf-8")
    assert main(["laporan", str(plan), "--keluaran", str(report)]) == 2
    assert report.read_text(encoding="utf-8") == "<p>catatan saya</p>"
    assert main(["laporan", str(plan), "--keluaran", str(report), "--timpa"]) == 0
    assert "<html" in report.read_text(encoding="utf-8")
    capsys.readouterr()


# ---- sample names ---------------------------------------------------------------------
def test_contoh_file_names_match_load_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["contoh", str(tmp_path / "c")]) == 0
    written = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert written == sorted(f"{name}.xlsx" for name in contoh.names())
    committed = sorted(p.name for p in (ROOT / "data" / "contoh").glob("*.xlsx"))
    assert committed == written


# ---- formatted but empty cells far away -------------------------------------------------
@pytest.mark.parametrize(("row", "column"), [(1_048_576, 1), (2, 16_384)], ids=["baris", "kolom"])
def test_formatted_empty_cell_far_away_reads_as_the_plan(
    kecil_master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: int, column: int
) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["Pegawai"].cell(row, column).fill = PatternFill("solid", fgColor="FFFF00")

    path = _edited(kecil_master, tmp_path / "format.xlsx", change)
    assert openpyxl.load_workbook(path)["Pegawai"].max_row >= row
    assert main(["periksa", str(path), "--json"]) == 0
    assert '"galat": 0' in capsys.readouterr().out
