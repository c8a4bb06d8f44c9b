"""A ministry planned unit by unit on Dask: wall time, peak memory, price of decomposing.

Three measurements, each printing one table (``--bagian`` picks some):

``kementerian``
    A synthetic ministry (``--unit`` units of ``--pegawai`` staff, default 200 × 100 =
    20,000 staff, a shared pool listed by 3 units each) planned by
    :func:`~sistemkerja.sapuan.kementerian.rencanakan_kementerian` on a LocalCluster of
    ``--pekerja`` workers (default 2): generation, the pool coordinator, the solves,
    units planned/split/repaired, peak memory of this process and its workers together
    (sampled every 0,5 s with psutil), the merged capacity check.
``pool``
    The price of dividing the pool on a mid-size ministry (``--pool-unit`` × 100 staff,
    default 16): the coordinated result against every unit solved with the pool people's
    *whole* hours (which breaks their capacity across units, so it is not a plan — but
    the sum of its objectives bounds what any joint plan could reach).
``pecah``
    The price of splitting a unit: one unit of ``--besar`` staff (default 1,000; several
    sizes may be given) solved whole with a long limit (``--batas-utuh``, default 600 s,
    2 threads) against the ministry path, which splits it by team into parts of at most
    150 (a unit of 1,500 found no plan whole in 640 s with one thread).

Run::

    .venv/bin/python benchmarks/kementerian.py [--bagian kementerian pool pecah]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

import psutil

from sistemkerja import contoh
from sistemkerja.contoh.kementerian import generate_kementerian
from sistemkerja.domain.kementerian import Kementerian, beban_lintas_unit
from sistemkerja.optimasi import optimasi
from sistemkerja.sapuan.kementerian import (
    BATAS_KEMENTERIAN,
    CELAH_KEMENTERIAN,
    rencanakan_kementerian,
    selesaikan,
)
from sistemkerja.sapuan.klaster import Antrian, klien


@contextmanager
def peak_rss() -> Iterator[Callable[[], float]]:
    """Sample this process and all its children; yield a function giving the peak (GB)."""
    me = psutil.Process()
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                with suppress(psutil.Error):
                    total += p.memory_info().rss
            peak[0] = max(peak[0], total / 1e9)
            stop.wait(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield lambda: peak[0]
    finally:
        stop.set()
        thread.join()


def table(title: str, rows: list[tuple[str, object]]) -> None:
    print(f"\n{title}")
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        if isinstance(value, float):
            value = f"{value:,.3f}" if abs(value) < 100 else f"{value:,.1f}"
        print(f"  {key:<{width}}  {value}")


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


def ministry(args: argparse.Namespace) -> None:
    t0 = time.perf_counter()
    kem = generate_kementerian(args.unit, args.pegawai, seed=1, berbagi=3)
    gen = time.perf_counter() - t0
    done = [0]

    def tick(u, n, total) -> None:
        done[0] = n
        if n % max(1, total // 10) == 0:
            print(f"  {n}/{total} unit ({time.perf_counter() - t1:.0f} s)", flush=True)

    with peak_rss() as peak:
        t1 = time.perf_counter()
        hasil = rencanakan_kementerian(
            kem, batas_waktu=args.batas, celah=args.celah, pekerja=args.pekerja, kemajuan=tick
        )
        wall = time.perf_counter() - t1
        top = peak()
    status = Counter(u.status for u in hasil.unit)
    slowest = max(hasil.unit, key=lambda u: u.detik)
    table(
        f"Kementerian {args.unit} unit × {args.pegawai} pegawai, {args.pekerja} pekerja",
        [
            ("pegawai (orang)", kem.jumlah_pegawai),
            ("pegawai pool bersama (orang)", len(kem.pool())),
            ("membuat rencana sintetis (detik)", gen),
            ("merencanakan, total (detik)", wall),
            ("target", "≤ 600 detik"),
            ("memori puncak, proses + pekerja (GB)", top),
            ("target", "< 8 GB"),
            ("status unit", ", ".join(f"{k}: {v}" for k, v in sorted(status.items()))),
            ("unit dipecah", len(hasil.dipecah())),
            ("celah unit, median", _median([u.gap for u in hasil.unit if u.gap is not None])),
            ("celah unit, terbesar", max((u.gap or 0.0 for u in hasil.unit), default=0.0)),
            ("unit dengan perbaikan", sum(len(u.catatan) > 0 for u in hasil.unit)),
            ("solver per unit, rata-rata (detik)", sum(u.detik for u in hasil.unit) / args.unit),
            ("solver per unit, terlama (detik)", f"{slowest.detik:.1f} ({slowest.unit})"),
            ("nilai tujuan (jumlah unit)", hasil.objective),
            ("EJ tertinggi", hasil.ej_maks),
            ("biaya (Rp)", f"{hasil.biaya:,.0f}"),
            ("kelebihan jam terbesar lintas unit", max(b.lebih for b in hasil.beban)),
        ],
    )


def pool_price(args: argparse.Namespace) -> None:
    kem = generate_kementerian(args.pool_unit, 100, seed=1, berbagi=3)
    t0 = time.perf_counter()
    hasil = rencanakan_kementerian(kem, batas_waktu=60, celah=0.01, pekerja=args.pekerja)
    wall = time.perf_counter() - t0
    # each unit with its pool people's whole hours: not a plan (capacity broken across
    # units), a bound on what a joint plan could reach
    t0 = time.perf_counter()
    with klien(args.pekerja) as client:
        antrian = Antrian(client)
        for plan in kem.unit:
            antrian.kirim(plan.pk.unit, selesaikan, plan, 60, 0.01)
        free = {unit: solusi for unit, solusi, _exc in antrian}
    wall_free = time.perf_counter() - t0
    mine = {u.unit: u for u in hasil.unit}
    common = [u for u, sol in free.items() if sol.ok and mine[u].ok]
    obj_c = sum(mine[u].objective or 0.0 for u in common)
    obj_f = sum(free[u].objective or 0.0 for u in common)
    bound_f = sum(free[u].bound if free[u].bound is not None else obj_f for u in common)
    loads = beban_lintas_unit(kem, {u: s.alokasi for u, s in free.items() if s.alokasi})
    over = [b for b in loads if b.lebih > 0.01]
    table(
        f"Harga membagi pool: {args.pool_unit} unit × 100 pegawai (batas 60 s, celah 1 %)",
        [
            ("pegawai pool bersama (orang)", len(kem.pool())),
            (
                "terkoordinasi: unit dengan rencana",
                f"{len(mine) - len([u for u in mine.values() if not u.ok])} dari {len(mine)}",
            ),
            ("terkoordinasi: EJ tertinggi", hasil.ej_maks),
            ("terkoordinasi: biaya (Rp)", f"{hasil.biaya:,.0f}"),
            ("terkoordinasi: detik", wall),
            (
                "tanpa koordinasi: unit dengan rencana",
                f"{sum(s.ok for s in free.values())} dari {len(free)}",
            ),
            ("tanpa koordinasi: pegawai melebihi kapasitas", len(over)),
            ("tanpa koordinasi: kelebihan terbesar (jam)", max((b.lebih for b in over), default=0)),
            ("tanpa koordinasi: detik", wall_free),
            ("unit yang berencana di keduanya", len(common)),
            ("  nilai tujuan terkoordinasi", obj_c),
            ("  nilai tujuan tanpa koordinasi", obj_f),
            ("  batas bawah tanpa koordinasi", bound_f),
            (
                "  harga koordinasi thd. batas bawah",
                f"{obj_c / bound_f - 1:.2%}" if bound_f else "-",
            ),
        ],
    )


def split_price(args: argparse.Namespace) -> None:
    for n in args.besar:
        split_one(n, args)


def split_one(n: int, args: argparse.Namespace) -> None:
    plan = contoh.generate(n, seed=3)
    t0 = time.perf_counter()
    whole = optimasi(plan, threads=2, batas_waktu=args.batas_utuh) if args.batas_utuh else None
    wall_whole = time.perf_counter() - t0
    t0 = time.perf_counter()
    split = rencanakan_kementerian(
        Kementerian("satu unit", (plan,)), batas_waktu=args.batas, pekerja=args.pekerja
    )
    wall_split = time.perf_counter() - t0
    u = split.unit[0]
    from sistemkerja.analisis.skenario import banding_skenario

    whole_rows: list[tuple[str, object]] = [("utuh", "tidak dijalankan (--batas-utuh 0)")]
    if whole is not None:
        ej_whole = cost_whole = None
        if whole.alokasi is not None:
            row = banding_skenario({"utuh": (plan, whole.alokasi)}).iloc[0]
            ej_whole, cost_whole = float(row["ej_maks"]), float(row["biaya"])
        whole_rows = [
            ("utuh: status", f"{whole.status} ({whole.keterangan})"),
            ("utuh: nilai tujuan", whole.plan_objective),
            ("utuh: celah", whole.gap),
            ("utuh: EJ tertinggi", ej_whole),
            ("utuh: biaya (Rp)", "-" if cost_whole is None else f"{cost_whole:,.0f}"),
            ("utuh: detik (2 thread)", wall_whole),
        ]
    table(
        f"Harga memecah: satu unit {n} pegawai (utuh: batas {args.batas_utuh:.0f} s)",
        [
            *whole_rows,
            ("dipecah: status", f"{u.status}, {u.bagian} bagian"),
            ("dipecah: nilai tujuan", u.objective),
            ("dipecah: EJ tertinggi", u.ej_maks),
            ("dipecah: biaya (Rp)", f"{u.biaya:,.0f}"),
            ("dipecah: detik", wall_split),
        ],
    )
    for note in u.catatan:
        print(f"    - {note[:200]}")


def main() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    if "--log" in sys.argv:
        sys.argv.remove("--log")
        logging.getLogger("sistemkerja.sapuan.kementerian").setLevel(logging.INFO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bagian", nargs="+", default=["kementerian", "pool", "pecah"])
    parser.add_argument("--unit", type=int, default=200)
    parser.add_argument("--pegawai", type=int, default=100)
    parser.add_argument("--pekerja", type=int, default=2)
    parser.add_argument("--batas", type=float, default=BATAS_KEMENTERIAN)
    parser.add_argument("--celah", type=float, default=CELAH_KEMENTERIAN)
    parser.add_argument("--pool-unit", type=int, default=16)
    parser.add_argument("--besar", type=int, nargs="+", default=[1000])
    parser.add_argument("--batas-utuh", type=float, default=600.0)
    args = parser.parse_args()
    for part in args.bagian:
        {"kementerian": ministry, "pool": pool_price, "pecah": split_price}[part](args)


if __name__ == "__main__":
    main()
