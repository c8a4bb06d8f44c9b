"""Sweeps of scenarios: on a Dask LocalCluster, from the cache, interrupted, a worker killed.

Every sweep here runs the small sample unit (6 people) for real: scenarios applied,
solved with HiGHS, documents rendered, files written. Nothing waits on a wall clock:
the killed-worker test kills a worker the moment the scheduler says it is running a
scenario, whatever the machine's speed.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

import openpyxl
import pytest

from sistemkerja import contoh
from sistemkerja.domain.skenario import (
    HapusPegawai,
    PaguDikali,
    PegawaiTidakTersedia,
    PengaturanSolver,
    Sapuan,
    Skenario,
    UbahKebijakan,
)
from sistemkerja.sapuan import (
    BERKAS_BANDING,
    BERKAS_GRAFIK,
    DITOLAK,
    GALAT,
    NAMA_DASAR,
    jalankan_sapuan,
    jalankan_skenario,
)
from sistemkerja.sapuan.simpan import BERKAS_RINGKASAN, FOLDER_SKENARIO

PERENCANA_MUDA = "198204102008031901"  # the small unit's Perencana Ahli Muda
PENGATURAN = PengaturanSolver(batas_waktu=60, celah=0.01)


@pytest.fixture(scope="module")
def kecil():
    return contoh.load("kecil")


def _sapuan(*extra: Skenario) -> Sapuan:
    return Sapuan(
        (
            Skenario("Pagu −10 %", perubahan=(PaguDikali(0.9),)),
            Skenario(
                "Perencana cuti semester I",
                perubahan=(PegawaiTidakTersedia(PERENCANA_MUDA, 1, 6),),
            ),
            Skenario("NIP salah", perubahan=(HapusPegawai("199901012020011999"),)),
            *extra,
        ),
        pengaturan=PENGATURAN,
    )


def _complete(out: Path) -> dict[str, dict]:
    """Scenario folder name → its ringkasan.json, for the folders that are complete."""
    return {
        p.parent.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((out / FOLDER_SKENARIO).glob(f"*/{BERKAS_RINGKASAN}"))
    }


def _stamps(out: Path) -> dict[str, int]:
    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for p in (out / FOLDER_SKENARIO).rglob("*")
        if p.is_file()
    }


def test_sweep_on_local_cluster_writes_every_result_and_the_comparison(kecil, tmp_path):
    seen = []
    result = jalankan_sapuan(kecil, _sapuan(), tmp_path, pekerja=2, kemajuan=seen.append)
    names = [h.nama for h in result.hasil]
    assert names == [NAMA_DASAR, "Pagu −10 %", "Perencana cuti semester I", "NIP salah"]
    assert [k.selesai for k in seen] == [1, 2, 3, 4] and {k.total for k in seen} == {4}
    assert result.dihitung == 4
    base, half, leave, wrong = result.hasil
    assert base.ok and half.ok, (base.keterangan, half.keterangan)
    # the refused change is reported in the user's terms and did not stop the sweep
    assert wrong.status == DITOLAK
    assert "perubahan[1] hapus_pegawai 199901012020011999" in wrong.keterangan
    # six months away: capacity halves, so the scenario is either solved with the
    # person carrying less, or infeasible with a reason — never silently the base plan
    if leave.ok:
        hours = {p[0]: 0.0 for p in leave.penugasan}
        for p in leave.penugasan:
            hours[p[0]] += p[4]
        base_hours = sum(p[4] for p in base.penugasan if p[0] == PERENCANA_MUDA)
        assert hours.get(PERENCANA_MUDA, 0.0) < base_hours
    else:
        assert leave.keterangan.startswith("tidak layak")
    # files: documents of every solved scenario, the comparison and its chart
    for folder, h in zip(result.folder, result.hasil, strict=True):
        assert (folder / BERKAS_RINGKASAN).is_file()
        has_docs = (folder / "hasil.xlsx").is_file() and (folder / "laporan.html").is_file()
        assert has_docs == (h.status not in (DITOLAK, GALAT))
    assert (tmp_path / BERKAS_GRAFIK).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    wb = openpyxl.load_workbook(tmp_path / BERKAS_BANDING, read_only=True)
    rows = list(wb["Perbandingan"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Skenario", "Status", "Keterangan")
    assert "Keanggotaan berubah dari rencana dasar" in header
    assert [r[0] for r in rows[1:]] == names
    changed = header.index("Keanggotaan berubah dari rencana dasar")
    assert rows[1][changed] == 0  # the base against itself
    problems = list(wb["Masalah"].iter_rows(values_only=True))
    assert any(r[0] == "NIP salah" and "199901012020011999" in r[2] for r in problems[1:])
    # the scenario's own result workbook reads back as a plan with the change applied
    from sistemkerja.laporan.baca import read_result_workbook

    solved = read_result_workbook(result.folder[1] / "hasil.xlsx")
    assert solved.alokasi is not None
    assert solved.plan.pagu[0].pagu == pytest.approx(kecil.pagu[0].pagu * 0.9)


def test_rerun_takes_every_scenario_from_the_cache_and_only_changed_ones_again(kecil, tmp_path):
    first = jalankan_sapuan(kecil, _sapuan(), tmp_path, pekerja=0)
    before = _stamps(tmp_path)
    again = jalankan_sapuan(kecil, _sapuan(), tmp_path, pekerja=0)
    assert again.dihitung == 0 and all(again.dari_tembolok)
    assert _stamps(tmp_path) == before  # nothing rewritten
    assert [h.as_dict() for h in again.hasil] == [h.as_dict() for h in first.hasil]
    # rename one scenario and change another: the renamed one is still a cache hit
    changed = Sapuan(
        (
            Skenario("Pagu dipotong sepersepuluh", perubahan=(PaguDikali(0.9),)),
            Skenario(
                "Perencana cuti semester I",
                perubahan=(PegawaiTidakTersedia(PERENCANA_MUDA, 1, 3),),
            ),
            Skenario("NIP salah", perubahan=(HapusPegawai("199901012020011999"),)),
        ),
        pengaturan=PENGATURAN,
    )
    third = jalankan_sapuan(kecil, changed, tmp_path, pekerja=0)
    assert third.dihitung == 1
    assert third.dari_tembolok == (True, True, False, True)
    assert third.hasil[1].nama == "Pagu dipotong sepersepuluh"
    assert (third.folder[1] / "hasil.xlsx").read_bytes() == (
        first.folder[1] / "hasil.xlsx"
    ).read_bytes()
    # other solver settings are other inputs: everything is solved again
    slower = Sapuan(changed.skenario, pengaturan=PengaturanSolver(batas_waktu=61, celah=0.01))
    assert jalankan_sapuan(kecil, slower, tmp_path, pekerja=0, dokumen=False).dihitung == 4


def test_interrupted_sweep_resumes_without_losing_a_finished_scenario(kecil, tmp_path):
    extra = tuple(Skenario(f"Pagu {f:.0%}", perubahan=(PaguDikali(f),)) for f in (0.95, 0.93, 0.91))
    sapuan = _sapuan(*extra)
    done = []

    def stop_after_three(k):
        done.append(k.hasil.nama)
        if len(done) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        jalankan_sapuan(kecil, sapuan, tmp_path, pekerja=2, kemajuan=stop_after_three)
    kept = _complete(tmp_path)
    assert len(kept) >= 3  # every scenario reported done is on disk, complete
    assert {d["nama"] for d in kept.values()} >= set(done)
    stamps = _stamps(tmp_path)
    resumed = jalankan_sapuan(kecil, sapuan, tmp_path, pekerja=2)
    assert resumed.dihitung == len(sapuan.skenario) + 1 - len(kept)
    assert sum(resumed.dari_tembolok) == len(kept)
    after = _stamps(tmp_path)
    assert {k: after[k] for k in stamps} == stamps  # finished results untouched
    assert len(_complete(tmp_path)) == len(sapuan.skenario) + 1


def test_worker_killed_mid_sweep_loses_only_its_running_scenario(kecil, tmp_path):
    from distributed import Client, LocalCluster

    sapuan = Sapuan(
        tuple(
            Skenario(f"Pagu {f:.0%}", perubahan=(PaguDikali(f),)) for f in (0.99, 0.98, 0.97, 0.96)
        ),
        pengaturan=PENGATURAN,
    )
    killed: list[int] = []
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = client.run(os.getpid)
        stop = threading.Event()

        def kill_a_busy_worker():
            while not stop.is_set() and not killed:
                busy = [w for w, tasks in client.processing().items() if tasks]
                if busy and busy[0] in pids:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(pids[busy[0]])
                    return
                stop.wait(0.05)

        killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
        killer.start()
        try:
            result = jalankan_sapuan(kecil, sapuan, tmp_path, client=client)
        finally:
            stop.set()
            killer.join()
    assert killed, "no worker was ever seen running a scenario"
    assert [h.status for h in result.hasil if h.status == GALAT] == []
    assert all(h.ok for h in result.hasil), [h.keterangan for h in result.hasil]
    assert len(_complete(tmp_path)) == 5


def test_a_crashing_scenario_becomes_a_failed_result_not_an_exception(kecil):
    broken = Skenario("Rusak", perubahan=(UbahKebijakan("prioritas", "pemerataan"),))
    result = jalankan_skenario(None, broken, PENGATURAN)  # type: ignore[arg-type]
    assert result.status == GALAT
    assert result.keterangan.startswith("gagal dijalankan:")
    assert not result.ok and result.berkas == {}


def test_the_base_name_is_reserved_for_the_unchanged_plan(kecil, tmp_path):
    from sistemkerja.domain.masalah import FieldError

    bad = Sapuan((Skenario(NAMA_DASAR, perubahan=(PaguDikali(0.5),)),))
    with pytest.raises(FieldError, match="nama lain"):
        jalankan_sapuan(kecil, bad, tmp_path, pekerja=0)
    own = Sapuan((Skenario(NAMA_DASAR),), pengaturan=PENGATURAN)
    result = jalankan_sapuan(kecil, own, tmp_path, pekerja=0, dokumen=False)
    assert [h.nama for h in result.hasil] == [NAMA_DASAR]


def test_packaged_example_sweep_is_the_one_in_data():
    from sistemkerja.io.skenario import baca_sapuan
    from sistemkerja.sapuan import sapuan_contoh

    data = baca_sapuan(Path(__file__).resolve().parents[1] / "data" / "skenario" / "contoh.yaml")
    packaged = sapuan_contoh()
    assert packaged.skenario == data.skenario and packaged.pengaturan == data.pengaturan
    assert (packaged.rencana, data.rencana) == ("contoh:unit", "../contoh/unit.xlsx")
