"""From nothing to an exported MPH in a real browser, only clicking and typing in the app.

The participant starts the app, opens "Berkas lain / rencana baru" in the plan bar, types
the PK header and a new file name, then types every row of a small plan into the row forms
of tabs 1–3 (as a planner types: "50.000.000", "4 Laporan", choices from dropdowns), runs
the optimiser in tab 4 and exports. The saved plan and the exported result workbook are
read back. Screenshots of each step go to ``artefak/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sistemkerja.io import read_plan
from sistemkerja.laporan.baca import read_result_workbook
from sistemkerja.lokakarya import ENV_FOLDER, ENV_SUMBER

pytestmark = [pytest.mark.browser, pytest.mark.slow]

APLIKASI = Path(__file__).resolve().parents[2] / "notebooks" / "aplikasi.ipynb"
NIP = ("198204102008031901", "199608212022012902", "198802032013012903")


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _tab(page, panel: str, title: str) -> None:
    page.click(f'{panel} > .lm-TabBar .lm-TabBar-tab >> text="{title}"')  # exact title


def _row(page, sheet: str, key: str, **fields: str) -> None:
    """Type one row into a sheet's row form and add it; wait until it is accepted."""
    editor = f".sk-lembar-{_slug(sheet)}"
    form = page.locator(f"{editor} .jupyter-widget-Collapse-header, {editor} .p-Collapse-header")
    if not page.locator(f"{editor} .sk-tombol-tambah").is_visible():
        form.first.click()
    for header, value in fields.items():
        field = f"{editor} .sk-isian-{_slug(header.replace('_', ' '))}"
        if page.locator(f"{field} select").count():
            page.select_option(f"{field} select", label=value)
        else:
            page.fill(f"{field} input", value)
    page.click(f"{editor} .sk-tombol-tambah")
    page.wait_for_selector(f"{editor} .sk-pesan-ok:has-text('{key}')")


def test_empty_plan_to_exported_mph_by_typing_in_the_app(voila_app, page, foto, tmp_path):
    folder = tmp_path / "ruang"
    server = voila_app(APLIKASI, env={ENV_FOLDER: str(folder), ENV_SUMBER: ""})
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(server.url(peserta="Perencana Baru"))
    page.wait_for_selector(".sk-panel-peserta.sk-siap")
    page.click(".sk-peserta-mulai")
    page.wait_for_selector(".sk-aplikasi-siap .sk-panel-mulai.sk-siap")

    # A new, empty plan from the PK header.
    page.click(".sk-bilah-rencana >> text=Berkas lain / rencana baru")
    page.fill(".sk-jalur input", "unit_baru")
    for key, value in {
        "tahun": "2027",
        "unit": "DIT-B",
        "nama-unit": "Direktorat Baru",
        "instansi": "Kementerian Contoh",
        "pihak-pertama": "Dr. Ani Wijaya",
        "jabatan-pihak-pertama": "Direktur Baru",
    }.items():
        page.fill(f".sk-baru-{key} input", value)
    page.click(".sk-tombol-baru")
    path = folder / "unit_baru.xlsx"
    page.wait_for_selector(f".sk-status-rencana:has-text('{path.name}')")
    assert "galat" in page.inner_text(".sk-bilah-rencana")  # what is still missing, listed
    foto("0-rencana-baru")

    _tab(page, ".sk-tab-tahap", "1 PK")
    page.wait_for_selector(".sk-panel-pk.sk-siap")
    _tab(page, ".sk-panel-pk .widget-tab", "Sasaran")
    _row(page, "Sasaran", "SS-1", Kode="SS-1", Uraian_sasaran="Meningkatnya kualitas data")
    _tab(page, ".sk-panel-pk .widget-tab", "Indikator dan target")
    _row(
        page,
        "Indikator",
        "IK-1",
        Kode="IK-1",
        Sasaran="SS-1",
        Uraian_indikator="Jumlah laporan data pegawai",
        Target="4 Laporan",
        Satuan="Laporan",
        Pola="Hitungan",
    )
    _tab(page, ".sk-panel-pk .widget-tab", "Pagu anggaran")
    _row(
        page,
        "Pagu",
        "WA",
        Program="WA",
        **{"Kegiatan (RKA)": "1234", "Pagu (Rp)": "50.000.000"},
        Uraian="Pengelolaan data pegawai",
    )
    foto("1-pk")

    _tab(page, ".sk-tab-tahap", "2 Strategi")
    page.wait_for_selector(".sk-panel-strategi.sk-siap")
    _tab(page, ".sk-panel-strategi .widget-tab", "Jabatan")
    _row(page, "Jabatan", "Pranata Komputer", Nama_jabatan="Pranata Komputer", Jenis="JF")
    _tab(page, ".sk-panel-strategi .widget-tab", "Pegawai")
    for nip, name, jenjang in zip(
        NIP,
        ("Budi Santoso", "Sari Lestari", "Dewi Anggraini"),
        ("Ahli Muda", "Ahli Pertama", "Ahli Pertama"),
        strict=True,
    ):
        _row(
            page,
            "Pegawai",
            nip,
            NIP=nip,
            Nama=name,
            Jabatan="Pranata Komputer",
            Jenis_jabatan="JF",
            Jenjang=jenjang,
            Golongan="III/c",
            Status="PNS",
            Unit="DIT-B",
        )
    _tab(page, ".sk-panel-strategi .widget-tab", "Tim kerja")
    _row(page, "Tim Kerja", "TIM-DATA", Kode="TIM-DATA", Nama_tim="Tim Data Pegawai")
    _tab(page, ".sk-panel-strategi .widget-tab", "Strategi per target")
    _row(
        page, "Strategi", "IK-1", Indikator="IK-1", Mode="Tim", Tim="TIM-DATA", Perlu_Ketua_Tim="Ya"
    )
    foto("2-strategi")

    _tab(page, ".sk-tab-tahap", "3 Kegiatan & Anggaran")
    page.wait_for_selector(".sk-panel-kegiatan.sk-siap")
    _row(
        page,
        "Kegiatan",
        "K-1",
        Kode="K-1",
        Nama_kegiatan="Penyusunan laporan data pegawai",
        Indikator="IK-1",
        Tim="TIM-DATA",
        Bulan_mulai="1",
        Bulan_selesai="12",
        Volume_keluaran="4",
        Satuan_keluaran="Laporan",
    )
    _tab(page, ".sk-panel-kegiatan .widget-tab", "Beban kegiatan")
    _row(
        page,
        "Beban Kegiatan",
        "K-1",
        Kegiatan="K-1",
        Jabatan="Pranata Komputer",
        Volume="4",
        **{"Norma waktu (jam)": "250"},
    )
    page.wait_for_selector(".sk-status-rencana:has-text('0 galat')")
    foto("3-kegiatan")

    _tab(page, ".sk-tab-tahap", "4 MPH")
    page.wait_for_selector(".sk-panel-mph.sk-siap")
    page.click(".sk-tombol-optimasi")
    page.wait_for_selector(".sk-panel-mph.sk-keadaan-selesai")
    assert page.locator(".sk-mph-level1 table").count() == 1
    foto("4-mph")
    page.click(".sk-tombol-ekspor")
    page.wait_for_selector(".sk-panel-ekspor.sk-ekspor-selesai")
    foto("4-ekspor")
    assert page.sk_galat == []

    plan = read_plan(path)
    assert [p.nip for p in plan.pegawai] == list(NIP)
    assert plan.pagu[0].pagu == 50_000_000
    back = read_result_workbook(folder / "unit_baru_hasil" / "hasil.xlsx")
    assert back.alokasi.ketua()["TIM-DATA"] in NIP
    assert sum(p.jam for p in back.alokasi.penugasan) == pytest.approx(1000)
