"""A workshop on this machine, measured: memory per participant kernel, "Optimasi" under load.

One Voila server serves the app notebook (:mod:`tests.browser.harness`: 127.0.0.1, a
token, Debian's Chromium through Playwright). ``--peserta`` pages (default 10) open it,
each is a participant with their own kernel and their own copy of the plan (the sample
unit unless ``--sumber``), and then:

1. **Memory**: RSS (MiB, from ``/proc`` via psutil) of every kernel once its page shows
   the copy open, and again after the optimisation; also the Voila server's own RSS.
2. **One click alone**: the first participant clicks "Optimasi"; time from the click to
   the status showing done.
3. **All at once**: every page clicks "Optimasi" at one wall-clock moment (a timer in each
   page); per page, the time from its click to its status showing done.

Times are taken inside each page (``Date.now()`` at the click, and when a
MutationObserver first sees the done selector), so a page finishing while Python waits on
another is not counted late. The browser runs on the same machine and takes CPU from the
kernels; in a room the browsers are the participants' own. Run with::

    .venv/bin/python benchmarks/lokakarya.py [--peserta 10]       # the workshop app
    .venv/bin/python benchmarks/lokakarya.py --notebook tests/browser/data/mini.ipynb \
        --dimulai .sk-peserta-dimulai --buka-tab '' --optimasi-siap .sk-optimasi-mulai.sk-siap \
        --optimasi .sk-optimasi-mulai --selesai .sk-status-optimasi.sk-keadaan-selesai \
        --status .sk-status-optimasi                               # the small stand-in

Every selector is an option; the defaults drive ``notebooks/aplikasi.ipynb``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from harness import (  # noqa: E402
    CHROMIUM,
    chromium_missing,
    kernel_pids,
    launch_chromium,
    rss_mib,
    start_voila,
)

from sistemkerja.lokakarya import ENV_FOLDER, ENV_SUMBER  # noqa: E402

BATAS_MS = 600_000  # a guard against hangs (10 min), not a target

_OBSERVER = """([mulai, selesai]) => {
  window.__sk = {klik: null, selesai: null, hilang: false};
  document.addEventListener('click', (e) => {
    if (window.__sk.klik === null && e.target.closest(mulai)) window.__sk.klik = Date.now();
  }, true);
  // Done = the done selector appears after the click, having been absent since then
  // (a second run starts from the first run's done state).
  const check = () => {
    const sk = window.__sk;
    if (sk.klik === null || sk.selesai !== null) return;
    if (!document.querySelector(selesai)) sk.hilang = true;
    else if (sk.hilang) sk.selesai = Date.now();
  };
  new MutationObserver(check).observe(document.body,
    {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});
}"""
_KLIK_NANTI = """([sel, at]) => {
  setTimeout(() => document.querySelector(sel).click(), Math.max(0, at - Date.now()));
}"""
_RESET = (
    "() => { window.__sk.klik = null; window.__sk.selesai = null; window.__sk.hilang = false; }"
)


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--notebook", default=str(ROOT / "notebooks" / "aplikasi.ipynb"))
    p.add_argument("--peserta", type=int, default=10, help="pages (participants) at once")
    p.add_argument("--sumber", help="plan workbook copied for each participant (default: unit)")
    p.add_argument("--siap", default=".sk-panel-peserta.sk-siap", help="page ready")
    p.add_argument("--nama", default=".sk-peserta-nama input", help="name input")
    p.add_argument("--mulai", default=".sk-peserta-mulai", help="Mulai button")
    p.add_argument("--dimulai", default=".sk-aplikasi-siap", help="copy open, app shown")
    p.add_argument(
        "--buka-tab",
        default=".sk-tab-tahap > .lm-TabBar .lm-TabBar-tab:nth-child(5)",
        help="click this before Optimasi (the '4 MPH' tab), if any",
    )
    p.add_argument("--optimasi-siap", default=".sk-panel-mph.sk-siap", help="can solve")
    p.add_argument("--optimasi", default=".sk-panel-mph .sk-tombol-optimasi", help="Optimasi")
    p.add_argument("--selesai", default=".sk-panel-mph.sk-keadaan-selesai", help="done")
    p.add_argument("--status", default=".sk-panel-optimasi .sk-status", help="status text")
    p.add_argument("--log", default=str(Path(tempfile.gettempdir()) / "sk-lokakarya-voila.log"))
    p.add_argument("--foto", help="save a screenshot of the first page at the end (PNG)")
    return p.parse_args(argv)


def _summary(values: list[float], spec: str) -> str:
    if not values:
        return "-"
    return (
        f"{format(min(values), spec)} / {format(statistics.median(values), spec)} / "
        f"{format(max(values), spec)}"
    )


def _open(page, server, args, nama: str) -> None:
    page.goto(server.url(), wait_until="commit")
    page.wait_for_selector(args.siap)
    page.fill(args.nama, nama)
    page.click(args.mulai)
    page.wait_for_selector(args.dimulai)
    if args.buka_tab:
        page.click(args.buka_tab)
    page.wait_for_selector(args.optimasi_siap)
    page.evaluate(_OBSERVER, [args.optimasi, args.selesai])


def _waktu_klik(page, args) -> tuple[float, str]:
    page.wait_for_function("() => window.__sk.selesai !== null")
    sk = page.evaluate("() => window.__sk")
    return (sk["selesai"] - sk["klik"]) / 1000.0, page.inner_text(args.status).strip()


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    why = chromium_missing()
    if why:
        print(why, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="sk-lokakarya-"))
    env = {ENV_FOLDER: str(work / "lokakarya")}
    if args.sumber:
        env[ENV_SUMBER] = str(Path(args.sumber).absolute())
    n = args.peserta
    t_start = time.monotonic()
    server = start_voila(args.notebook, log=Path(args.log), env=env)
    try:
        with sync_playwright() as pw:
            context = launch_chromium(pw, work / "profil")
            context.set_default_timeout(BATAS_MS)
            pages = [context.pages[0] if context.pages else context.new_page()]
            pages += [context.new_page() for _ in range(n - 1)]
            began = time.monotonic()
            for i, page in enumerate(pages, 1):
                _open(page, server, args, f"Peserta {i:02d}")
            opened_s = time.monotonic() - began
            kernels = kernel_pids(server)
            rss_open = [rss_mib(pid) for pid in kernels]
            server_open = rss_mib(server.process.pid)

            # One click alone (the first page), then every page at once.
            pages[0].click(args.optimasi)
            alone, alone_status = _waktu_klik(pages[0], args)
            for page in pages:
                page.evaluate(_RESET)
            # Every page clicks at the same moment: a timer in each page fires the button's
            # click at one wall-clock time (Playwright's click waits for rendering, which a
            # machine busy solving delays, and would spread the clicks out).
            fire = time.time() * 1000 + 1500
            for page in pages:
                page.evaluate(_KLIK_NANTI, [args.optimasi, fire])
            results = [_waktu_klik(page, args) for page in pages]
            clicks = [page.evaluate("() => window.__sk.klik") for page in pages]
            spread = (max(clicks) - min(clicks)) / 1000.0
            burst = (
                max(page.evaluate("() => window.__sk.selesai") for page in pages) - min(clicks)
            ) / 1000.0
            rss_after = [rss_mib(pid) for pid in kernel_pids(server)]
            server_after = rss_mib(server.process.pid)
            if args.foto:
                pages[0].screenshot(path=args.foto, full_page=True)
            context.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    times = [t for t, _ in results]
    statuses = sorted({s for _, s in results})
    print(
        f"# Lokakarya: {n} peserta, {Path(args.notebook).name}, rencana "
        f"{'unit contoh' if not args.sumber else args.sumber}"
    )
    print(
        f"# {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} inti, "
        f"Python {platform.python_version()}, {CHROMIUM} di mesin yang sama"
    )
    print()
    print(f"{'ukuran':<52} {'min / median / maks':>28}")
    print(f"{'-' * 52} {'-' * 28}")
    print(f"{'RSS per kernel peserta setelah membuka (MiB)':<52} {_summary(rss_open, '.0f'):>28}")
    print(f"{'RSS per kernel peserta setelah Optimasi (MiB)':<52} {_summary(rss_after, '.0f'):>28}")
    print(
        f"{'RSS server Voila (MiB), setelah membuka / Optimasi':<52} "
        f"{f'{server_open:.0f} / {server_after:.0f}':>28}"
    )
    print(f"{'RSS semua kernel setelah Optimasi (MiB)':<52} {sum(rss_after):>28.0f}")
    print(f"{f'membuka {n} halaman berurutan (detik)':<52} {opened_s:>28.1f}")
    print(f"{'satu klik Optimasi sendirian (detik)':<52} {alone:>28.1f}")
    label = f"{n} klik Optimasi serentak, per halaman (detik)"
    print(f"{label:<52} {_summary(times, '.1f'):>28}")
    print(f"{'  sebaran waktu klik (detik)':<52} {spread:>28.2f}")
    print(f"{'  klik pertama sampai selesai terakhir (detik)':<52} {burst:>28.1f}")
    print()
    print(f"kernel diukur: {len(rss_open)} (harus {n}); status sendirian: {alone_status}")
    print("status serentak: " + " | ".join(statuses))
    print(f"total waktu skrip: {time.monotonic() - t_start:.0f} detik; log Voila: {args.log}")
    return 0 if len(rss_open) == n else 1


if __name__ == "__main__":
    sys.exit(main())
