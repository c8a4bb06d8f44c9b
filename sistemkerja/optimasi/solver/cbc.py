"""The CBC back-end (``cbcbox`` binary), run as a subprocess under the run's deadline.

CBC gets the same LP-guided start as HiGHS (its LPs solved by highspy) as a MIP start,
``-ratio celah`` as its stopping gap and the time left as ``-sec``. The waiting loop
reads CBC's log as it comes (incumbent and bound for the progress reports), and kills
CBC when the user cancels or it overruns its limit by more than the grace (bundled CBC
2.10.3 was seen running 7 minutes past ``-sec 60``).
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from sistemkerja.optimasi.greedy import Awal
from sistemkerja.optimasi.heuristik import Relaxed, better_bound, start_values
from sistemkerja.optimasi.model import Model, read_cbc_solution, value, write_mps
from sistemkerja.optimasi.solver import SolveOutcome, cbc_path
from sistemkerja.optimasi.solver._highspy import load_highs
from sistemkerja.optimasi.solver.celah import objective_step, proven_status, relative_gap
from sistemkerja.optimasi.solver.highs import (
    BERHENTI_TEXT,
    RELAX_INFEASIBLE,
    RELAX_STOPPED,
    from_relaxation,
    heuristics,
    nothing_found,
    stop_reason,
    within,
)
from sistemkerja.optimasi.status import Status
from sistemkerja.optimasi.tenggat import POLL, Tenggat

_BOUND = re.compile(r"(?:Lower bound|Upper bound):\s+(-?[\d.eE+-]+)")
_PROGRESS = re.compile(r"(-?[\d.eE+-]+) best solution, best possible (-?[\d.eE+-]+)")


def solve_cbc(
    model: Model,
    tenggat: Tenggat,
    *,
    celah: float,
    threads: int | None,
    log: bool,
    start: Awal | None,
    awal: np.ndarray | None = None,
) -> SolveOutcome:
    """Solve with CBC; see :func:`~sistemkerja.optimasi.solver.solve_model`."""
    path = cbc_path()
    if path is None:
        raise RuntimeError("CBC tidak tersedia: pasang paket 'cbcbox'")
    began = time.perf_counter()
    relaxed = Relaxed("stopped")
    integer = [i for i, flag in enumerate(model.columns.integer) if flag]
    cost = np.zeros(len(model.columns))
    for col, coef in model.objective:
        cost[col] += coef
    step = objective_step(cost, np.asarray(integer, dtype=np.int64)) if integer else None
    if start is not None and (model.y or model.u):
        # The same LP-guided start as for HiGHS (the LPs solved by highspy).
        loaded = load_highs(model, threads, False)
        relaxed = heuristics(model, loaded, start, tenggat, celah, step, search=False, awal=awal)
        if relaxed.status == "infeasible":
            seconds = time.perf_counter() - began
            return SolveOutcome(
                Status.INFEASIBLE, None, None, None, seconds, "cbc", RELAX_INFEASIBLE
            )
        if relaxed.status == "stopped":  # as for HiGHS: CBC's root LP would not finish
            if relaxed.start is not None:
                reason = stop_reason(tenggat)
                return from_relaxation(relaxed, began, "cbc", reason, step, note=RELAX_STOPPED)
            seconds = time.perf_counter() - began
            return SolveOutcome(
                nothing_found(tenggat),
                None,
                None,
                None,
                seconds,
                "cbc",
                RELAX_STOPPED,
                berhenti=stop_reason(tenggat),
            )
        if relaxed.start is not None and within(relaxed.objective, relaxed.bound, celah, step):
            return from_relaxation(relaxed, began, "cbc", "celah", step)

    def nothing(status: Status, message: str, raw: str = "") -> SolveOutcome:
        reason = stop_reason(tenggat)
        if status in (Status.NO_SOLUTION, Status.CANCELLED) and relaxed.start is not None:
            out = from_relaxation(relaxed, began, "cbc", reason, step)
        else:
            seconds = time.perf_counter() - began
            out = SolveOutcome(status, None, None, None, seconds, "cbc", message, berhenti=reason)
        out.pesan_solver = raw
        return out

    tenggat.tahap("cabang")
    with tempfile.TemporaryDirectory(prefix="sistemkerja-cbc-") as tmp:
        mps, sol, mst = (str(Path(tmp) / name) for name in ("m.mps", "m.sol", "m.mst"))
        if relaxed.start is not None:
            values = {col: float(v) for col, v in enumerate(relaxed.start)}
        else:
            values = start_values(model, start)
        names = write_mps(model, mps, mst, values)
        args = [path, mps, "-ratio", f"{celah:g}"]
        if step is not None:
            args += ["-allowableGap", f"{step * (1 - 1e-6):g}"]
        if threads:
            args += ["-threads", str(threads)]
        if values:
            args += ["-mips", mst]
        # Writing the MPS file counts against the limit (≈10 s at 1.000 staff).
        remaining = tenggat.remaining()
        if remaining < 1.0 or tenggat.cancelled():
            return nothing(nothing_found(tenggat), "batas waktu habis sebelum CBC mulai")
        args += ["-sec", f"{remaining:g}", "-solve", "-printingOptions", "all", "-solution", sol]
        lines, killed = _run_cbc(args, tenggat, relaxed.bound)
        output = "".join(lines)
        if log:
            print(output)
        if killed:
            seconds = time.perf_counter() - began
            text = (
                "dihentikan pengguna"
                if tenggat.cancelled()
                else f"CBC dihentikan paksa setelah {seconds:.0f} detik (melewati batas waktu)"
            )
            return nothing(nothing_found(tenggat), text)
        if not Path(sol).exists():
            return nothing(Status.NO_SOLUTION, "CBC tidak menulis solusi", output[-500:])
        status_line = Path(sol).read_text().splitlines()[0] if Path(sol).stat().st_size else ""
        x = read_cbc_solution(model, sol, names)
    seconds = time.perf_counter() - began
    first = status_line.lower()
    if "no integer solution" in first or "no feasible" in first:
        return nothing(nothing_found(tenggat), "batas waktu habis sebelum ada rencana", status_line)
    if "infeasible" in first and "stopped" not in first:
        return nothing(Status.INFEASIBLE, "terbukti tidak layak", status_line)
    if first.startswith("optimal"):
        reason = "celah"
    elif "stopped" in first and "objective value" in first:
        reason = stop_reason(tenggat) if stop_reason(tenggat) != "selesai" else "waktu"
    else:
        return nothing(Status.NO_SOLUTION, "CBC berhenti tanpa rencana", status_line)
    objective = value(model.objective, x)
    if (
        relaxed.start is not None
        and relaxed.objective is not None
        and relaxed.objective < objective
    ):
        found = _BOUND.findall(output)
        out = from_relaxation(
            relaxed, began, "cbc", reason, step, float(found[-1]) if found else None
        )
        out.pesan_solver = status_line
        return out
    found = _BOUND.findall(output)
    logged = float(found[-1]) if found else None
    if reason == "celah":
        # CBC stops at "-ratio celah": its bound is then at least objective − celah·|objective|.
        implied = objective - celah * max(abs(objective), 1e-9)
        logged = implied if logged is None else max(logged, implied)
    bound = better_bound(logged, relaxed)
    if bound is not None and bound > objective:
        bound = objective
    final = proven_status(objective, bound, step)
    message = "optimum terbukti" if final is Status.OPTIMAL else BERHENTI_TEXT[reason]
    return SolveOutcome(
        final,
        objective,
        bound,
        relative_gap(objective, bound),
        seconds,
        "cbc",
        message,
        x,
        berhenti=reason,
        pesan_solver=status_line,
    )


def _run_cbc(args: list[str], tenggat: Tenggat, batas: float | None) -> tuple[list[str], bool]:
    """Run CBC, reading its log as it comes; kill it when cancelled or overdue.

    Returns the log lines and whether CBC was killed.
    """
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True
    )
    lines: list[str] = []
    seen: list[float | None] = [None, batas]

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            found = _PROGRESS.search(line)
            if found:
                seen[0] = float(found.group(1))
                bound = float(found.group(2))
                seen[1] = bound if batas is None else max(bound, batas)

    reader = threading.Thread(target=read, name="cbc-log", daemon=True)
    reader.start()
    killed = False
    while proc.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(POLL)
        tenggat.lapor(seen[0], seen[1])
        if proc.poll() is None and tenggat.overdue():
            proc.kill()
            proc.wait()
            killed = True
    reader.join(timeout=5)
    if proc.stdout is not None:
        proc.stdout.close()
    return lines, killed
