"""Fixtures for real-browser tests: Voila on a free port with a token, Debian's Chromium.

- ``voila_app(notebook, env=...)`` starts Voila on 127.0.0.1 and returns once it answers;
  every server is stopped (with its kernels) at the end of the test.
- ``page`` is a Playwright page in a fresh Chromium profile (``/usr/bin/chromium``, never
  a downloaded build). Its JavaScript errors are collected in ``page.sk_galat``.
- ``foto(nama)`` saves a full-page screenshot to ``tests/browser/artefak/<test>-<nama>.png``
  (git-ignored; ``SISTEMKERJA_ARTEFAK`` names another folder). A failing test also leaves
  ``<test>-gagal.png`` and the server log beside it.

Wait on the UI's own ready signals (CSS classes such as ``sk-siap``,
``sk-keadaan-selesai``) with ``page.wait_for_selector``, never on fixed sleeps.

When Chromium is missing the tests fail in CI (``CI`` set: ``.ci/run`` installs it, so a
missing browser is a broken set-up) and are skipped elsewhere with the reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from harness import VoilaServer, chromium_missing, launch_chromium, start_voila

ARTEFAK = Path(os.environ.get("SISTEMKERJA_ARTEFAK", Path(__file__).parent / "artefak"))
#: Longest wait for one UI signal (milliseconds): a guard against hangs, not a speed check.
BATAS_TUNGGU_MS = 300_000


def _test_name(request: pytest.FixtureRequest) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def playwright_sync() -> Iterator[object]:
    why = chromium_missing()
    if why is not None:
        if os.environ.get("CI"):
            pytest.fail(f"Uji peramban tidak dapat berjalan di CI: {why}", pytrace=False)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture
def artefak() -> Path:
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


@pytest.fixture
def voila_app(
    request: pytest.FixtureRequest, artefak: Path
) -> Iterator[Callable[..., VoilaServer]]:
    servers: list[VoilaServer] = []

    def start(notebook: str | os.PathLike[str], env: dict[str, str] | None = None) -> VoilaServer:
        log = artefak / f"{_test_name(request)}-voila-{len(servers) + 1}.log"
        server = start_voila(notebook, log=log, env=env)
        servers.append(server)
        return server

    yield start
    rep = getattr(request.node, "rep_call", None)
    for server in servers:
        server.stop()
        if rep is not None and rep.failed:  # CI keeps no artefacts: show the server's end
            print(f"--- akhir log Voila {server.log.name} ---\n{server.log_text()[-4000:]}")


@pytest.fixture
def page(
    request: pytest.FixtureRequest, playwright_sync: object, tmp_path: Path, artefak: Path
) -> Iterator[object]:
    context = launch_chromium(playwright_sync, tmp_path / "profil-chromium")
    context.set_default_timeout(BATAS_TUNGGU_MS)
    pg = context.pages[0] if context.pages else context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.sk_galat = errors
    try:
        yield pg
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            pg.screenshot(path=str(artefak / f"{_test_name(request)}-gagal.png"), full_page=True)
        context.close()


@pytest.fixture
def foto(request: pytest.FixtureRequest, page: object, artefak: Path) -> Callable[[str], Path]:
    def take(nama: str) -> Path:
        path = artefak / f"{_test_name(request)}-{nama}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
