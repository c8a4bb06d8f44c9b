"""Workshop workspaces and the participant's start panel, headless (real files, real widgets)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from sistemkerja import contoh, lokakarya
from sistemkerja.cli import main
from sistemkerja.io import fingerprint, read_plan, write_plan
from sistemkerja.lokakarya import (
    ARSIP,
    atur_ulang_peserta,
    daftar_peserta,
    folder_lokakarya,
    kode_peserta,
    peserta_dari_query,
    salinan_peserta,
    sumber_lokakarya,
)
from sistemkerja.ui.lokakarya import PanelPeserta


def jalankan_perintah(argv: list[str]) -> int:
    """The trainer's commands as typed after ``sistemkerja lokakarya``."""
    return main(["lokakarya", *argv])


@pytest.fixture(scope="module")
def sumber_kecil(tmp_path_factory) -> Path:
    """A trainer-provided workbook: the tiny sample plan."""
    path = tmp_path_factory.mktemp("pelatih") / "latihan.xlsx"
    write_plan(contoh.load("kecil"), path)
    return path


# ---- names ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        ("Dwi Ayu Lestari", "dwi-ayu-lestari"),
        ("  dwi   AYU lestari ", "dwi-ayu-lestari"),
        ("Siti Nur'aini", "siti-nur-aini"),
        ("Andi_2", "andi-2"),
        ("Ré Sétiawan", "re-setiawan"),
        ("M. Rizki", "m-rizki"),
    ],
)
def test_names_become_safe_file_names(nama, kode):
    assert kode_peserta(nama) == kode


@pytest.mark.parametrize(
    ("nama", "bagian"),
    [
        ("", "belum diisi"),
        ("   ", "belum diisi"),
        ("../../etc/passwd", "tidak diizinkan"),
        ("a/b", "tidak diizinkan"),
        ("nama<script>", "tidak diizinkan"),
        ("x" * 61, "terlalu panjang"),
        ("---", "sedikitnya satu huruf"),
        ("李明", "sedikitnya satu huruf"),
    ],
)
def test_bad_names_are_refused_in_indonesian(nama, bagian):
    with pytest.raises(ValueError, match=bagian):
        kode_peserta(nama)


def test_query_string_carries_the_participant(monkeypatch):
    assert peserta_dari_query("token=abc&peserta=Dwi%20Lestari") == "Dwi Lestari"
    assert peserta_dari_query("token=abc") == ""
    monkeypatch.setenv("QUERY_STRING", "peserta=Andi+Wijaya")
    assert peserta_dari_query() == "Andi Wijaya"


def test_folder_and_source_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(lokakarya.ENV_FOLDER, raising=False)
    monkeypatch.delenv(lokakarya.ENV_SUMBER, raising=False)
    monkeypatch.chdir(tmp_path)
    assert folder_lokakarya() == tmp_path / ".lokakarya"
    assert sumber_lokakarya() is None
    monkeypatch.setenv(lokakarya.ENV_FOLDER, str(tmp_path / "ruang"))
    monkeypatch.setenv(lokakarya.ENV_SUMBER, str(tmp_path / "w.xlsx"))
    assert folder_lokakarya() == tmp_path / "ruang"
    assert sumber_lokakarya() == tmp_path / "w.xlsx"
    assert folder_lokakarya(tmp_path / "lain") == tmp_path / "lain"


# ---- copies -----------------------------------------------------------------------------
def test_first_copy_is_the_sample_unit_and_later_calls_continue_it(tmp_path):
    folder = tmp_path / "lokakarya"
    path = salinan_peserta(folder, "Dwi Lestari")
    assert path == folder / "dwi-lestari.xlsx"
    assert read_plan(path) == contoh.load("unit")
    # The participant saves a change; a reload (second call, other spelling) continues it.
    changed = contoh.load("kecil")
    write_plan(changed, path)
    before = fingerprint(path)
    again = salinan_peserta(folder, "dwi  lestari")
    assert again == path
    assert fingerprint(again) == before
    assert read_plan(again) == changed
    assert [p.name for p in folder.iterdir()] == ["dwi-lestari.xlsx"]  # no temporary left


def test_copy_of_a_trainer_workbook_is_byte_for_byte(tmp_path, sumber_kecil):
    path = salinan_peserta(tmp_path, "Andi", sumber=sumber_kecil)
    assert path.read_bytes() == sumber_kecil.read_bytes()


def test_a_missing_or_invalid_source_is_refused_and_makes_nothing(tmp_path):
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        salinan_peserta(tmp_path / "f", "Andi", sumber=tmp_path / "tidak-ada.xlsx")
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan buku kerja")
    with pytest.raises(ValueError, match="tidak dapat dipakai"):
        salinan_peserta(tmp_path / "f", "Andi", sumber=bad)
    assert not (tmp_path / "f" / "andi.xlsx").exists()


def test_two_tabs_starting_at_once_end_with_one_complete_copy(tmp_path, sumber_kecil):
    paths: list[Path] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            paths.append(salinan_peserta(tmp_path, "Rina", sumber=sumber_kecil))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert set(paths) == {tmp_path / "rina.xlsx"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rina.xlsx"]
    assert read_plan(tmp_path / "rina.xlsx") == contoh.load("kecil")


def test_reset_archives_the_old_copy_and_makes_a_fresh_one(tmp_path, sumber_kecil):
    path = salinan_peserta(tmp_path, "Budi", sumber=sumber_kecil)
    path.write_bytes(path.read_bytes())  # same content, but mark it as the participant's
    old = path.read_bytes()
    t0 = dt.datetime(2026, 12, 2, 9, 30, 0)
    fresh = atur_ulang_peserta(tmp_path, "Budi", now=t0)
    assert fresh == path
    assert read_plan(fresh) == contoh.load("unit")
    archived = tmp_path / ARSIP / "budi-20261202-093000.xlsx"
    assert archived.read_bytes() == old
    # A second reset in the same second never overwrites the first archive.
    atur_ulang_peserta(tmp_path, "Budi", sumber=sumber_kecil, now=t0)
    second = tmp_path / ARSIP / "budi-20261202-093000-2.xlsx"
    assert read_plan(second) == contoh.load("unit")
    assert archived.read_bytes() == old
    assert read_plan(path) == contoh.load("kecil")


def test_a_refused_reset_leaves_the_copy_in_place(tmp_path, sumber_kecil):
    path = salinan_peserta(tmp_path, "Budi", sumber=sumber_kecil)
    with pytest.raises(FileNotFoundError):
        atur_ulang_peserta(tmp_path, "Budi", sumber=tmp_path / "hilang.xlsx")
    assert path.read_bytes() == sumber_kecil.read_bytes()
    assert not (tmp_path / ARSIP).exists()


def test_reset_of_a_new_participant_just_makes_a_copy(tmp_path, sumber_kecil):
    path = atur_ulang_peserta(tmp_path, "Citra", sumber=sumber_kecil)
    assert path.read_bytes() == sumber_kecil.read_bytes()
    assert not (tmp_path / ARSIP).exists()


def test_list_of_participants_with_archive_counts(tmp_path, sumber_kecil):
    assert daftar_peserta(tmp_path / "belum-ada") == []
    salinan_peserta(tmp_path, "Budi", sumber=sumber_kecil)
    salinan_peserta(tmp_path, "Ani", sumber=sumber_kecil)
    (tmp_path / "Catatan Pelatih.xlsx").write_bytes(b"")  # not a participant's copy
    atur_ulang_peserta(tmp_path, "Budi", sumber=sumber_kecil, now=dt.datetime(2026, 1, 1))
    atur_ulang_peserta(tmp_path, "Budi", sumber=sumber_kecil, now=dt.datetime(2026, 1, 1))
    rows = daftar_peserta(tmp_path)
    assert [(r.kode, r.arsip) for r in rows] == [("ani", 0), ("budi", 2)]
    assert rows[1].path == tmp_path / "budi.xlsx"


# ---- the trainer's commands ---------------------------------------------------------------
def test_trainer_commands_list_and_reset(tmp_path, sumber_kecil, capsys):
    salinan_peserta(tmp_path, "Budi", sumber=sumber_kecil)
    assert jalankan_perintah(["daftar", "--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "budi" in out and "1 peserta." in out
    code = jalankan_perintah(
        ["atur-ulang", "Budi", "--folder", str(tmp_path), "--sumber", str(sumber_kecil)]
    )
    assert code == 0
    assert "Salinan baru untuk 'Budi'" in capsys.readouterr().out
    assert len(list((tmp_path / ARSIP).glob("budi-*.xlsx"))) == 1
    assert jalankan_perintah(["atur-ulang", "../x", "--folder", str(tmp_path)]) == 2
    assert "tidak diizinkan" in capsys.readouterr().err


def test_trainer_commands_usage_in_indonesian(capsys):
    assert jalankan_perintah(["atur-ulang"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan:") and "galat: argumen berikut wajib diisi: NAMA" in err
    assert jalankan_perintah(["--help"]) == 0
    out = capsys.readouterr().out
    assert "atur-ulang" in out and "tampilkan bantuan ini" in out


def test_trainer_list_of_an_empty_folder(tmp_path, capsys):
    assert jalankan_perintah(["daftar", "--folder", str(tmp_path / "kosong")]) == 0
    assert "Belum ada peserta." in capsys.readouterr().out


# ---- the panel -----------------------------------------------------------------------------
def test_panel_mulai_gives_the_copy_path(tmp_path, sumber_kecil):
    panel = PanelPeserta(folder=tmp_path, sumber=sumber_kecil, nama="")
    assert "sk-siap" in panel._dom_classes and "sk-panel-peserta" in panel._dom_classes
    seen: list[str] = []
    panel.observe(lambda change: seen.append(change["new"]), names="path")
    panel.nama.value = "Dwi Lestari"
    panel.tombol.click()
    expected = str(tmp_path / "dwi-lestari.xlsx")
    assert panel.path == expected and seen == [expected]
    assert "sk-peserta-dimulai" in panel._dom_classes
    assert "sk-siap" in panel._dom_classes
    assert expected in panel.keterangan.value
    assert Path(panel.path).read_bytes() == sumber_kecil.read_bytes()


def test_panel_refuses_a_bad_name_and_keeps_the_path(tmp_path, sumber_kecil):
    panel = PanelPeserta(folder=tmp_path, sumber=sumber_kecil, nama="Ani")
    assert panel.mulai()
    first = panel.path
    panel.nama.value = "a/b"
    assert not panel.mulai()
    assert panel.path == first
    assert "tidak diizinkan" in panel.pesan
    assert "sk-galat" in panel.keterangan._dom_classes
    assert not panel.tombol.disabled
    panel.nama.value = "Ani"
    assert panel.mulai()
    assert "sk-galat" not in panel.keterangan._dom_classes


def test_panel_takes_name_folder_and_source_from_the_environment(
    monkeypatch, tmp_path, sumber_kecil
):
    monkeypatch.setenv("QUERY_STRING", "token=t&peserta=Rina")
    monkeypatch.setenv(lokakarya.ENV_FOLDER, str(tmp_path / "ruang"))
    monkeypatch.setenv(lokakarya.ENV_SUMBER, str(sumber_kecil))
    panel = PanelPeserta()
    assert panel.nama.value == "Rina"
    assert panel.mulai()
    assert panel.path == str(tmp_path / "ruang" / "rina.xlsx")
    assert read_plan(panel.path) == contoh.load("kecil")


def test_panel_shows_an_invalid_source(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan buku kerja")
    panel = PanelPeserta(folder=tmp_path / "f", sumber=bad, nama="Ani")
    assert not panel.mulai()
    assert panel.path == ""
    assert "tidak dapat dipakai" in panel.pesan
    assert "sk-peserta-dimulai" not in panel._dom_classes
