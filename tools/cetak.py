"""Look at the result documents as printed: workbooks and report → PDF → page images.

Writes the documents of the sample unit (or of a plan workbook given with ``--rencana``)
into a folder, converts each workbook with LibreOffice headless (Debian package
``libreoffice-calc-nogui``) and the HTML report with Debian's Chromium (print to PDF,
A4) into PDF, renders every page to PNG with ``pdftoppm`` (``poppler-utils``), and prints
one row per document: pages, page images and the pages whose ink reaches the edge of the
printable area (content probably cut off there). Chromium clips an element wider than
the page at the margin, so for the HTML report the edge strip shows nothing: the report is
also laid out in print media at the A4 landscape width (Playwright with Debian's
Chromium) and every element wider than the page is listed. Open the images and look at
them.

Run::

    make cetak                       # the sample unit, into artefak/cetak/
    .venv/bin/python tools/cetak.py --satu-tingkat --keluaran /tmp/satu   # one-level MPH
    .venv/bin/python tools/cetak.py --rencana rencana.xlsx --keluaran /tmp/cetak

The sample unit uses the stored allocation of the tests (``tests/data/alokasi_unit.json``)
so the pages are the same on every run; another plan is solved first (HiGHS, 60 s).
Not part of ``make test``: LibreOffice is large and CI does not install it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Pixels per inch of the page images (60: a whole A4 page fits a screen, text readable).
DPI = 60
#: Printable margin (inches) assumed when looking for ink at the edge; LibreOffice's and
#: Chromium's default margins are wider, so ink in this strip means the page was cut.
TEPI = 0.25


@dataclass(frozen=True)
class Halaman:
    """One rendered page: its image and whether its ink reaches the edge strip."""

    png: Path
    di_tepi: bool


def _perintah(nama: str, paket: str) -> str:
    path = shutil.which(nama)
    if path is None:
        raise SystemExit(f"'{nama}' tidak ditemukan: pasang paket Debian '{paket}'.")
    return path


def ke_pdf_soffice(xlsx: Path, keluaran: Path) -> Path:
    """Convert a workbook to PDF with LibreOffice headless (its own profile folder)."""
    soffice = _perintah("soffice", "libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as profil:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profil}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(keluaran),
                str(xlsx),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return keluaran / (xlsx.stem + ".pdf")


#: A4 landscape less the report's ``@page`` margins (12 mm each side), in CSS pixels
#: (96 per inch): the width and height Chromium lays a printed page out in.
LEBAR_CETAK_PX = round((297 - 2 * 12) / 25.4 * 96)
TINGGI_CETAK_PX = round((210 - 2 * 12) / 25.4 * 96)

#: JavaScript listing the elements whose box or content reaches past the page width
#: (``batas``, CSS pixels): tag, class, right edge (px) and the start of their text.
UKUR_JS = """(batas) => {
  const hasil = [];
  const pilih = 'table, img, pre, p, h1, h2, h3, ol, ul, section, div';
  for (const el of document.body.querySelectorAll(pilih)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const kanan = Math.max(r.right, r.left + el.scrollWidth);
    if (kanan > batas + 1) {
      const teks = (el.innerText || '').replace(/\\s+/g, ' ').slice(0, 60);
      hasil.push([el.tagName.toLowerCase(), String(el.className), Math.round(kanan), teks]);
    }
  }
  return hasil;
}"""


def terlalu_lebar(page: object) -> list[tuple[str, str, int, str]]:
    """Return the elements of a loaded page wider than an A4 landscape page in print.

    The page is laid out in print media at :data:`LEBAR_CETAK_PX` wide (the printable
    width of the report's ``@page``); each element (table, image, paragraph, heading,
    section, div) whose box or scrolled content reaches past that width is returned as
    (tag, class, right edge in px, start of its text). Chromium clips such an element at
    the page margin when printing, so no ink at the paper edge shows it: only this
    measure does.
    """
    page.set_viewport_size({"width": LEBAR_CETAK_PX, "height": TINGGI_CETAK_PX})
    page.emulate_media(media="print")
    return [tuple(r) for r in page.evaluate(UKUR_JS, LEBAR_CETAK_PX)]


def ke_pdf_chromium(html: Path, keluaran: Path) -> tuple[Path, list[tuple[str, str, int, str]]]:
    """Print an HTML file to an A4 PDF with Debian's Chromium through Playwright.

    Returns the PDF and the elements wider than the page (:func:`terlalu_lebar`).
    """
    _perintah("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from harness import launch_chromium

    pdf = keluaran / (html.stem + ".pdf")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profil:
        context = launch_chromium(pw, Path(profil))
        try:
            page = context.new_page()
            page.goto(html.resolve().as_uri())
            lebar = terlalu_lebar(page)
            page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        finally:
            context.close()
    return pdf, lebar


def ke_png(pdf: Path, keluaran: Path) -> list[Halaman]:
    """Render every page of a PDF to PNG; flag pages whose ink reaches the edge strip."""
    pdftoppm = _perintah("pdftoppm", "poppler-utils")
    awalan = keluaran / pdf.stem
    subprocess.run(
        [pdftoppm, "-r", str(DPI), "-png", str(pdf), str(awalan)], check=True, timeout=600
    )
    halaman = []
    for png in sorted(keluaran.glob(f"{pdf.stem}-*.png")):
        gambar = np.asarray(Image.open(png).convert("L"))
        tepi = max(1, int(TEPI * DPI))
        pinggir = (gambar[:, :tepi], gambar[:, -tepi:], gambar[:tepi, :], gambar[-tepi:, :])
        halaman.append(Halaman(png, any(bool((p < 200).any()) for p in pinggir)))
    return halaman


def _bentuk(plan: Any, satu_tingkat: bool) -> Any:
    """Return the plan with the one-level MPH form chosen when ``satu_tingkat``."""
    if not satu_tingkat:
        return plan
    import dataclasses

    from sistemkerja.domain.kebijakan import BentukMPH

    kebijakan = dataclasses.replace(plan.kebijakan, bentuk_mph=BentukMPH.SATU_TINGKAT)
    return dataclasses.replace(plan, kebijakan=kebijakan)


def tulis_dokumen(rencana: Path | None, keluaran: Path, satu_tingkat: bool = False) -> list[Path]:
    """Write the result documents of a plan into ``keluaran``; return their paths.

    With ``satu_tingkat`` the plan's policy is switched to the one-level MPH form
    (``BentukMPH.SATU_TINGKAT``) first.
    """
    from sistemkerja import contoh
    from sistemkerja.io import read_plan
    from sistemkerja.laporan import tabel as tabel_mod
    from sistemkerja.laporan.html import write_laporan_html
    from sistemkerja.laporan.xlsx import write_result_workbook

    if rencana is None:
        from tests import alokasi_tetap

        plan = _bentuk(contoh.load("unit"), satu_tingkat)
        tabel = tabel_mod.hitung_tabel_alokasi(plan, alokasi_tetap.load())
    else:
        from sistemkerja.optimasi import optimasi

        plan = _bentuk(read_plan(rencana), satu_tingkat)
        tabel = tabel_mod.hitung_tabel(optimasi(plan, batas_waktu=60.0))
    keluaran.mkdir(parents=True, exist_ok=True)
    berkas = []
    from sistemkerja.laporan import xlsx

    wb_path = keluaran / "dokumen.xlsx"
    wb = xlsx.new_workbook()
    xlsx.tulis_dokumen(wb, tabel)
    xlsx.save_atomic(wb, wb_path)
    berkas.append(wb_path)
    try:
        from sistemkerja.laporan.skp import write_skp_tabel
    except ImportError:
        pass
    else:
        write_skp_tabel(tabel, keluaran / "skp.xlsx")  # returns the file's fingerprint
        berkas.append(keluaran / "skp.xlsx")
    write_result_workbook(tabel, keluaran / "hasil.xlsx")
    write_laporan_html(tabel, keluaran / "laporan.html")
    berkas.append(keluaran / "laporan.html")
    return berkas


def main(argv: list[str] | None = None) -> int:
    """Write, convert and render the documents; print one row per document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rencana", type=Path, help="buku kerja rencana (bawaan: unit contoh)")
    parser.add_argument("--keluaran", type=Path, default=ROOT / "artefak" / "cetak")
    parser.add_argument(
        "--satu-tingkat",
        action="store_true",
        help="tulis MPH bentuk penyelarasan satu tingkat (kebijakan Bentuk MPH)",
    )
    args = parser.parse_args(argv)
    keluaran: Path = args.keluaran
    if keluaran.exists():
        shutil.rmtree(keluaran)
    berkas = tulis_dokumen(args.rencana, keluaran, args.satu_tingkat)
    print(f"{'Dokumen':<16} {'Halaman':>7}  {'Di tepi':<28} Gambar")
    bermasalah = 0
    for path in berkas:
        lebar: list[tuple[str, str, int, str]] = []
        if path.suffix == ".html":
            pdf, lebar = ke_pdf_chromium(path, keluaran)
        else:
            pdf = ke_pdf_soffice(path, keluaran)
        halaman = ke_png(pdf, keluaran)
        tepi = [str(n) for n, h in enumerate(halaman, start=1) if h.di_tepi]
        bermasalah += len(tepi) + len(lebar)
        contoh_png = halaman[0].png.name if halaman else "-"
        print(f"{path.name:<16} {len(halaman):>7}  {', '.join(tepi) or '-':<28} {contoh_png} …")
        for tag, kelas, kanan, teks in lebar:
            print(f"  lebih lebar dari A4 ({kanan} > {LEBAR_CETAK_PX} px): <{tag} {kelas}> {teks}")
    print(f"Gambar halaman di {keluaran}")
    return 1 if bermasalah else 0


if __name__ == "__main__":
    raise SystemExit(main())
