"""Running a sweep: cache, workers, files, comparison.

:func:`jalankan_sapuan` is the one entry point of the CLI, the notebook and the
benchmarks. It adds the base plan as scenario 0, looks every scenario up in the output
folder's cache (:class:`~sistemkerja.sapuan.simpan.Tembolok`), sends only the others to
the workers (:mod:`sistemkerja.sapuan.klaster`, or this process with ``pekerja=0``),
writes each result the moment it arrives, and writes the comparison workbook and chart
at the end. An interrupted sweep keeps every scenario that finished; running it again
solves only the rest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sistemkerja import __version__
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skenario import PengaturanSolver, Sapuan, Skenario, kunci, sidik_rencana
from sistemkerja.io._tulis import write_text_atomic
from sistemkerja.sapuan.banding import banding_sapuan, tulis_banding, tulis_grafik_banding
from sistemkerja.sapuan.kerja import HasilSkenario, jalankan_skenario
from sistemkerja.sapuan.simpan import Tembolok, folder_skenario, simpan_hasil

__all__ = [
    "BERKAS_BANDING",
    "BERKAS_GRAFIK",
    "NAMA_DASAR",
    "HasilSapuan",
    "Kemajuan",
    "daftar_skenario",
    "jalankan_sapuan",
    "kunci_terhadap",
]

NAMA_DASAR = "Rencana dasar"
"""Name of scenario 0: the base plan without changes, solved with the same settings."""
BERKAS_BANDING = "perbandingan.xlsx"
"""File name of the comparison workbook in the output folder."""
BERKAS_GRAFIK = "perbandingan.png"
"""File name of the comparison chart in the output folder."""


@dataclass(frozen=True, slots=True)
class Kemajuan:
    """Progress of a sweep, passed to the ``kemajuan`` callback after each scenario.

    Attributes
    ----------
    selesai : int
        Scenarios done so far, cache hits included (count).
    total : int
        Scenarios in the sweep, the base plan included (count).
    hasil : HasilSkenario
        The scenario just done.
    dari_tembolok : bool
        Whether it came from the cache.
    """

    selesai: int
    total: int
    hasil: HasilSkenario
    dari_tembolok: bool


@dataclass(frozen=True, slots=True)
class HasilSapuan:
    """What a sweep produced.

    Attributes
    ----------
    hasil : tuple of HasilSkenario
        One per scenario in sweep order, the base plan first (without files: they are
        in :attr:`folder`).
    folder : tuple of Path
        Each scenario's folder.
    dari_tembolok : tuple of bool
        Whether each result came from the cache.
    banding : pandas.DataFrame
        :func:`~sistemkerja.sapuan.banding.banding_sapuan` of the sweep.
    berkas_banding, berkas_grafik : Path
        The comparison workbook and chart.
    detik : float
        Wall-clock seconds of the whole sweep (s).
    """

    hasil: tuple[HasilSkenario, ...]
    folder: tuple[Path, ...]
    dari_tembolok: tuple[bool, ...]
    banding: pd.DataFrame
    berkas_banding: Path
    berkas_grafik: Path
    detik: float

    @property
    def dihitung(self) -> int:
        """Scenarios solved in this run (not from the cache)."""
        return sum(not t for t in self.dari_tembolok)

    @property
    def gagal(self) -> list[HasilSkenario]:
        """Scenarios without an allocation (refused, failed, infeasible, no solution)."""
        return [h for h in self.hasil if not h.ok]


BERKAS_SIDIK_BANDING = ".perbandingan.sha256"
"""Fingerprint of the comparison last written (its rows and the base plan's names)."""


def _tulis_perbandingan(
    out: Path, banding: pd.DataFrame, ordered: Sequence[HasilSkenario], plan: Rencana
) -> None:
    """Write the comparison workbook and chart, unless they already show these results.

    A warm re-run (every scenario from the cache) then writes nothing at all.
    """
    names = sorted((p.nip, p.name) for p in plan.pegawai)
    rows = [h.as_dict() for h in ordered]
    text = json.dumps({"rows": rows, "names": names, "versi": __version__}, sort_keys=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    stamp = out / BERKAS_SIDIK_BANDING
    files = (out / BERKAS_BANDING, out / BERKAS_GRAFIK)
    with contextlib.suppress(OSError):
        if stamp.read_text(encoding="utf-8").strip() == digest and all(f.is_file() for f in files):
            return
    stamp.unlink(missing_ok=True)
    tulis_banding(banding, files[0], daftar=ordered, dasar=ordered[0], plan=plan)
    tulis_grafik_banding(banding, files[1])
    write_text_atomic(digest + "\n", stamp)


def kunci_terhadap(key: str, base_key: str | None) -> str:
    """Return a scenario's cache key bound to the base plan it is solved against.

    Parameters
    ----------
    key : str
        :func:`sistemkerja.domain.skenario.kunci` of the scenario.
    base_key : str or None
        That of the base plan (``None``: the scenario is solved from scratch).

    Returns
    -------
    str
        sha256 of both; ``key`` itself without a base.
    """
    if base_key is None:
        return key
    return hashlib.sha256(f"{key}:acuan:{base_key}".encode()).hexdigest()


def daftar_skenario(sapuan: Sapuan) -> list[Skenario]:
    """Return the sweep's scenarios with the base plan first.

    A scenario named :data:`NAMA_DASAR` without changes is the base plan itself; the
    base is added in front otherwise.

    Raises
    ------
    FieldError
        If a scenario named :data:`NAMA_DASAR` has changes.
    """
    own = [s for s in sapuan.skenario if s.nama == NAMA_DASAR]
    if own and own[0].perubahan:
        raise FieldError(
            "nama",
            "reserved_name",
            f"nama skenario '{NAMA_DASAR}' dipakai untuk rencana tanpa perubahan; "
            "beri skenario ini nama lain",
        )
    rest = [s for s in sapuan.skenario if s.nama != NAMA_DASAR]
    return [own[0] if own else Skenario(NAMA_DASAR, "Rencana apa adanya, tanpa perubahan."), *rest]


def jalankan_sapuan(
    plan: Rencana,
    sapuan: Sapuan,
    keluaran: str | Path,
    *,
    pekerja: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    dokumen: bool = True,
    kemajuan: Callable[[Kemajuan], None] | None = None,
    dikirim: Callable[[list[Any]], None] | None = None,
    stabil: bool = True,
) -> HasilSapuan:
    """Run a sweep against a base plan; write every result and the comparison.

    Parameters
    ----------
    plan : Rencana
        The base plan (without validation errors).
    sapuan : Sapuan
        The scenarios and solver settings (:func:`sistemkerja.io.skenario.baca_sapuan`).
    keluaran : str or Path
        Output folder (created when missing); its scenario folders are the cache.
    pekerja : int, optional
        Local Dask workers [the machine's cores]; ``0`` runs every scenario in this
        process, without Dask.
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:8786``) instead of a local
        cluster.
    client : distributed.Client, optional
        An open Dask client to use (it stays open).
    dokumen : bool
        Write each scenario's result workbook and report (``False``: only its
        ``ringkasan.json``, for quick what-ifs).
    kemajuan : callable, optional
        Called with a :class:`Kemajuan` after each scenario (from the calling thread).
    dikirim : callable, optional
        Called with the Dask futures once submitted (e.g. ``distributed.progress``).
    stabil : bool
        Solve the base plan first and every scenario against its allocation
        (``optimasi(acuan=…)``): among equally good plans the one closest to the base
        wins, so "memberships changed" counts what the scenario needs, not the solver's
        choice among ties. ``False`` solves every scenario from scratch, all at once.

    Returns
    -------
    HasilSapuan
        Every result, the comparison and where the files are.

    Notes
    -----
    No worker is started when every scenario comes from the cache. An interrupt
    (``KeyboardInterrupt``) propagates after the scenarios still running are cancelled;
    every finished scenario is already on disk and is not solved again next time.
    """
    start = time.perf_counter()
    out = Path(keluaran)
    out.mkdir(parents=True, exist_ok=True)
    semua = daftar_skenario(sapuan)
    sidik = sidik_rencana(plan)
    base_key = kunci(plan, semua[0], sapuan.pengaturan, sidik=sidik)
    keys = [base_key] + [
        kunci_terhadap(kunci(plan, s, sapuan.pengaturan, sidik=sidik), base_key if stabil else None)
        for s in semua[1:]
    ]
    folders = [folder_skenario(out, i, s.nama) for i, s in enumerate(semua)]
    cache = Tembolok(out)
    found = cache.tempatkan(
        [(k, f, s.nama) for k, f, s in zip(keys, folders, semua, strict=True)], dokumen=dokumen
    )
    results: dict[int, HasilSkenario] = {}
    cached: dict[int, bool] = {}
    total = len(semua)

    def done(i: int, hasil: HasilSkenario, from_cache: bool) -> None:
        results[i] = hasil
        cached[i] = from_cache
        if kemajuan is not None:
            kemajuan(Kemajuan(len(results), total, hasil, from_cache))

    for i in sorted(found):
        done(i, found[i], True)
    todo = [i for i in range(total) if i not in found]
    # A local cluster takes seconds to start: the base plan is solved here meanwhile.
    early: _Awal | None = None
    local_cluster = client is None and scheduler is None and pekerja != 0
    if 0 in todo and len(todo) > 1 and local_cluster:
        early = _Awal(plan, semua[0], sapuan.pengaturan, dokumen=dokumen, kunci=keys[0])
    if todo:
        with _pelari(
            plan,
            sapuan,
            dokumen=dokumen,
            pekerja=pekerja,
            scheduler=scheduler,
            client=client,
            jumlah=len(todo),
            dikirim=dikirim,
        ) as run:
            if early is not None:
                hasil = early.hasil()
                simpan_hasil(folders[0], hasil)
                done(0, hasil.tanpa_berkas(), False)
            elif 0 in todo:  # the base first: the others are solved against its allocation
                for i, hasil in run([(0, semua[0], keys[0])], None):
                    simpan_hasil(folders[i], hasil)
                    done(i, hasil.tanpa_berkas(), False)
            acuan = results[0].alokasi() if stabil else None
            rest = [(i, semua[i], keys[i]) for i in todo if i != 0]
            for i, hasil in run(rest, acuan):
                simpan_hasil(folders[i], hasil)
                done(i, hasil.tanpa_berkas(), False)
    ordered = tuple(results[i] for i in range(total))
    banding = banding_sapuan(ordered, ordered[0], folder=[str(f.relative_to(out)) for f in folders])
    berkas_banding = out / BERKAS_BANDING
    berkas_grafik = out / BERKAS_GRAFIK
    _tulis_perbandingan(out, banding, ordered, plan)
    return HasilSapuan(
        hasil=ordered,
        folder=tuple(folders),
        dari_tembolok=tuple(cached[i] for i in range(total)),
        banding=banding,
        berkas_banding=berkas_banding,
        berkas_grafik=berkas_grafik,
        detik=time.perf_counter() - start,
    )


class _Awal:
    """The base plan solved in a thread of this process while the local cluster starts."""

    def __init__(
        self,
        plan: Rencana,
        skenario: Skenario,
        pengaturan: PengaturanSolver,
        *,
        dokumen: bool,
        kunci: str,
    ) -> None:
        self._result: list[HasilSkenario] = []
        self._thread = threading.Thread(
            target=lambda: self._result.append(
                jalankan_skenario(plan, skenario, pengaturan, dokumen=dokumen, kunci_skenario=kunci)
            ),
            name="sistemkerja-rencana-dasar",
            daemon=True,
        )
        self._thread.start()

    def hasil(self) -> HasilSkenario:
        """Wait for the base plan's result (jalankan_skenario never raises)."""
        self._thread.join()
        return self._result[0]


Pelari = Callable[
    [Sequence[tuple[int, Skenario, str]], Alokasi | None], Iterator[tuple[int, HasilSkenario]]
]
"""Runs scenarios (position, scenario, key) against an acuan; yields results as done."""


@contextmanager
def _pelari(
    plan: Rencana,
    sapuan: Sapuan,
    *,
    dokumen: bool,
    pekerja: int | None,
    scheduler: str | None,
    client: Any,
    jumlah: int,
    dikirim: Callable[[list[Any]], None] | None,
) -> Iterator[Pelari]:
    """Open what runs the scenarios (this process, a local cluster or a given client)."""
    if client is None and scheduler is None and pekerja == 0:

        def lokal(
            tugas: Sequence[tuple[int, Skenario, str]], acuan: Alokasi | None
        ) -> Iterator[tuple[int, HasilSkenario]]:
            for i, skenario, key in tugas:
                yield (
                    i,
                    jalankan_skenario(
                        plan,
                        skenario,
                        sapuan.pengaturan,
                        dokumen=dokumen,
                        kunci_skenario=key,
                        acuan=acuan,
                    ),
                )

        yield lokal
        return
    from sistemkerja.sapuan.klaster import jumlah_pekerja, klien, peta_skenario

    @contextmanager
    def opened() -> Iterator[Any]:
        if client is not None:
            yield client
        else:
            with klien(min(jumlah_pekerja(pekerja), jumlah), scheduler) as c:
                yield c

    with opened() as c:

        def dask(
            tugas: Sequence[tuple[int, Skenario, str]], acuan: Alokasi | None
        ) -> Iterator[tuple[int, HasilSkenario]]:
            return peta_skenario(
                c, plan, tugas, sapuan.pengaturan, dokumen=dokumen, acuan=acuan, dikirim=dikirim
            )

        yield dask
