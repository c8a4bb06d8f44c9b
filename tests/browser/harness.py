"""Voila and Debian's Chromium for browser tests and the workshop benchmark.

Used by ``tests/browser/conftest.py`` (fixtures) and ``benchmarks/lokakarya.py`` (the
measurement), so both start and stop the server and the browser the same way:

- :func:`start_voila` serves one notebook on 127.0.0.1, a free port and a fresh token, with
  extra environment for its kernels, and returns once the server answers HTTP (polled,
  never a fixed sleep). :meth:`VoilaServer.stop` ends it and every kernel it started.
- :func:`launch_chromium` starts ``/usr/bin/chromium`` (never a downloaded build) through
  Playwright with a fresh user-data folder.
- :func:`kernel_pids` and :func:`rss_mib` read the kernels' memory from ``/proc`` (psutil).
- :func:`pilih_tab` clicks a Lumino tab until the browser shows it as current.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode

import psutil

#: The repository root: its package is put first on the kernels' PYTHONPATH.
ROOT = Path(__file__).resolve().parents[2]
#: Debian's Chromium (``apt-get install chromium``); override with SISTEMKERJA_CHROMIUM.
CHROMIUM = Path(os.environ.get("SISTEMKERJA_CHROMIUM", "/usr/bin/chromium"))
#: Flags for a headless Chromium as root in a container, with no traffic of its own.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
#: How long a start may take at most before it counts as hung (detik); not a speed check.
BATAS_MULAI = 180.0


def chromium_missing() -> str | None:
    """Return why the browser tests cannot run, or ``None`` when Chromium is there."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        return (
            f"Chromium tidak ditemukan di {CHROMIUM}; pasang dengan "
            "'apt-get install -y chromium' (.ci/run memasangnya sendiri)"
        )
    return None


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class VoilaServer:
    """A running Voila process serving one notebook.

    Attributes
    ----------
    process : subprocess.Popen
        The server (its own session, so its kernels can be ended with it).
    port : int
        The port on 127.0.0.1.
    token : str
        The token every page needs.
    log : Path
        Where the server's output goes.
    """

    process: subprocess.Popen[bytes]
    port: int
    token: str
    log: Path
    _log_file: IO[bytes] | None = field(default=None, repr=False)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:<port>/``."""
        return f"http://127.0.0.1:{self.port}/"

    def url(self, **query: str) -> str:
        """Return the app's URL with the token and extra query parameters."""
        return f"{self.base}?{urlencode({'token': self.token, **query})}"

    def log_text(self) -> str:
        """Return the server's output so far."""
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """End the server and every kernel it started (SIGTERM, then SIGKILL)."""
        if self.process.poll() is None:
            with contextlib.suppress(psutil.Error):
                children = psutil.Process(self.process.pid).children(recursive=True)
            self.process.send_signal(signal.SIGTERM)  # Voila shuts its kernels down
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
            for child in children:  # a kernel that outlived the server
                with contextlib.suppress(psutil.Error):
                    child.kill()
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


def start_voila(
    notebook: str | os.PathLike[str],
    *,
    log: Path,
    env: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
) -> VoilaServer:
    """Serve ``notebook`` with Voila on 127.0.0.1 and return once it answers.

    Parameters
    ----------
    notebook : path
        The notebook to serve (code hidden, Voila's default).
    log : Path
        File for the server's stdout and stderr.
    env : dict, optional
        Extra environment of the server, inherited by every kernel (Voila passes its
        own environment on, plus the page's ``QUERY_STRING``).
    extra_args : tuple of str
        More Voila options.

    Returns
    -------
    VoilaServer
        The running server.

    Raises
    ------
    RuntimeError
        If the server exits or does not answer within :data:`BATAS_MULAI` (the log's end
        is in the message).
    """
    port = free_port()
    token = secrets.token_urlsafe(16)
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    full_env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    full_env.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--token={token}",
        *extra_args,
    ]
    log.parent.mkdir(parents=True, exist_ok=True)
    log_file = log.open("wb")
    process = subprocess.Popen(
        cmd, stdout=log_file, stderr=subprocess.STDOUT, env=full_env, start_new_session=True
    )
    server = VoilaServer(process=process, port=port, token=token, log=log, _log_file=log_file)
    try:
        wait_until_answering(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_answering(server: VoilaServer, timeout: float = BATAS_MULAI) -> None:
    """Poll the server until it answers any HTTP request (a page that starts no kernel)."""
    deadline = time.monotonic() + timeout
    probe = f"{server.base}voila/sk-siap-belum"  # an unknown path: 404 once up, no kernel
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"Voila berhenti (kode {server.process.returncode}) sebelum siap:\n"
                f"{server.log_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"Voila tidak menjawab dalam {timeout:.0f} detik:\n{server.log_text()[-3000:]}"
            )
        time.sleep(0.1)  # polling interval, not a wait for readiness


def launch_chromium(playwright: Any, user_data_dir: Path, *, headless: bool = True) -> Any:
    """Start Debian's Chromium through Playwright with a fresh profile.

    Parameters
    ----------
    playwright : playwright.sync_api.Playwright
        A started Playwright.
    user_data_dir : Path
        An empty folder for the profile.
    headless : bool
        Without a window (the default).

    Returns
    -------
    playwright.sync_api.BrowserContext
        The persistent context; close it to end the browser.
    """
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=str(CHROMIUM),
        args=list(CHROMIUM_ARGS),
        headless=headless,
        viewport={"width": 1280, "height": 900},
        locale="id-ID",
    )


def kernel_pids(server: VoilaServer) -> list[int]:
    """Return the process ids of the kernels the server started (``ipykernel_launcher``)."""
    result = []
    with contextlib.suppress(psutil.Error):
        for child in psutil.Process(server.process.pid).children(recursive=True):
            with contextlib.suppress(psutil.Error):
                if any("ipykernel_launcher" in part for part in child.cmdline()):
                    result.append(child.pid)
    return result


def rss_mib(pid: int) -> float:
    """Return a process's resident memory (MiB), as ``VmRSS`` in ``/proc/PID/status``."""
    return psutil.Process(pid).memory_info().rss / 2**20


#: How long the browser may take to mark a clicked tab as current before it is clicked
#: again (milliseconds). Selecting is client-side only; a click lost to a layout shift is
#: retried, a slow kernel is not a reason to fail.
BATAS_KLIK_TAB_MS = 5_000


def pilih_tab(
    page: Any, panel: str, title: str, *, exact: bool = True, batas: float = 300.0
) -> None:
    """Click the tab ``title`` of the tab widget ``panel`` until it is the current tab.

    Parameters
    ----------
    page : playwright.sync_api.Page
        The page.
    panel : str
        CSS selector of the tab widget (its tab bar is a direct child).
    title : str
        The tab's title.
    exact : bool
        Match the whole title (``True``) or a part of it.
    batas : float
        Give up after this long (detik): a guard against hangs, not a speed check.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    pattern = f"^\\s*{re.escape(title)}\\s*$" if exact else re.escape(title)
    tab = page.locator(f"{panel} > .lm-TabBar .lm-TabBar-tab", has_text=re.compile(pattern))
    current = page.locator(
        f"{panel} > .lm-TabBar .lm-TabBar-tab.lm-mod-current", has_text=re.compile(pattern)
    )
    deadline = time.monotonic() + batas
    while True:
        tab.click()
        try:
            current.wait_for(timeout=BATAS_KLIK_TAB_MS)
            return
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise
