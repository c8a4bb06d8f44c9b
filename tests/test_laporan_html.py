"""The one-file HTML report: self-contained, every section, user text escaped, one command."""

from __future__ import annotations

import base64
import dataclasses
import html
import re

import pytest
from alokasi_tetap import load as load_alokasi

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.domain.angka import format_angka
from sistemkerja.io import write_plan
from sistemkerja.label import judul_kolom
from sistemkerja.laporan.html import laporan_html, write_laporan_html
from sistemkerja.optimasi.cek import Penjelasan
from sistemkerja.optimasi.hasil import Hasil

PNG = b"\x89PNG\r\n\x1a\n"


def _hasil(plan, alokasi=None, status="feasible", **kwargs) -> Hasil:
    objective = None if alokasi is None else 21.7
    return Hasil(plan, status, objective, None, None, alokasi=alokasi, **kwargs)


@pytest.fixture(scope="module")
def unit():
    return contoh.load("unit")


@pytest.fixture(scope="module")
def report(unit):
    return laporan_html(_hasil(unit, load_alokasi()))


def test_report_is_self_contained(report):
    sources = re.findall(r'src="([^"]+)"', report)
    assert len(sources) >= 8 + 6  # charts of every section, one per team in level 2
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', report)
    assert "<style>" in report and "@page" in report


def test_report_has_every_section(report, unit):
    headings = re.findall(r"<h2>(.*?)</h2>", report)
    assert headings == [
        "Ringkasan",
        "Beban kerja",
        "Anggaran terhadap pagu",
        "Matriks Peran-Hasil level 1",
        "Matriks Peran-Hasil level 2",
        "Jadwal dan tim",
        "Pemeriksaan cascade",
    ]
    teams = re.findall(r"<h3>(.*?)</h3>", report)
    # issue 11: the members of a team without a Ketua (TIM-TKL) are at level 1
    assert len(teams) == len({k.tim for k in load_alokasi().keanggotaan}) - 1
    assert report.count("page-break-before") >= 1


@pytest.mark.slow
def test_user_text_is_escaped(unit):
    alokasi = load_alokasi()
    nip = alokasi.penugasan[0].nip
    odd = [
        dataclasses.replace(p, name='<script>alert(1)</script> =HYPERLINK("x")')
        if p.nip == nip
        else p
        for p in unit.pegawai
    ]
    text = laporan_html(_hasil(unit.with_changes(pegawai=odd), alokasi))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '=HYPERLINK("x")' in text  # shown as typed: HTML has no formulas


def test_infeasible_report_explains_and_draws_nothing(unit):
    reason = Penjelasan("leader_missing", "Tim Data membutuhkan Ketua Tim …", 1.0, "orang")
    text = laporan_html(_hasil(unit, status="infeasible", penjelasan=(reason,)))
    assert "Mengapa rencana tidak dapat dipenuhi" in text
    assert "Tim Data membutuhkan Ketua Tim" in text
    assert "data:image/png" not in text


def test_write_is_atomic(unit, tmp_path):
    target = tmp_path / "laporan.html"
    target.write_text("lama", encoding="utf-8")
    write_laporan_html(_hasil(unit, status="infeasible"), target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.html"]


def test_one_command_writes_the_report(tmp_path, capsys):
    plan_path = tmp_path / "rencana.xlsx"
    write_plan(contoh.load("kecil"), plan_path)
    out = tmp_path / "laporan.html"
    assert main(["laporan", str(plan_path), "--keluaran", str(out), "--batas-waktu", "5"]) == 0
    assert "Laporan ditulis" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").count("data:image/png;base64,") >= 8
    assert main(["laporan", str(plan_path), "--keluaran", str(tmp_path / "x.pdf")]) == 2
    bad = tmp_path / "rusak.xlsx"
    bad.write_text("bukan xlsx", encoding="utf-8")
    assert main(["laporan", str(bad), "--keluaran", str(out)]) == 2


def test_result_workbook_reads_back_and_reports_without_solving(tmp_path, capsys):
    """optimasi --keluaran HASIL.xlsx, then laporan HASIL.xlsx: the same plan, status and
    allocation, and the report comes from the workbook (no new solve)."""
    from sistemkerja.laporan.baca import read_result_workbook
    from sistemkerja.laporan.xlsx import write_result_workbook
    from sistemkerja.optimasi import optimasi

    plan = contoh.load("kecil")
    hasil = optimasi(plan, batas_waktu=300, celah=0)
    path = tmp_path / "HASIL.xlsx"
    write_result_workbook(hasil, path)
    back = read_result_workbook(path)
    assert back.plan == plan
    assert (back.status, back.objective, back.solver) == (hasil.status, hasil.objective, "highs")
    assert back.components == pytest.approx(hasil.components)

    def rows(a):
        return sorted(
            (p.nip, p.kegiatan, p.jabatan, p.jenjang_min, round(p.jam, 6)) for p in a.penugasan
        )

    assert rows(back.alokasi) == rows(hasil.alokasi)
    assert set(back.alokasi.keanggotaan) == set(hasil.alokasi.keanggotaan)
    out = tmp_path / "laporan.html"
    assert main(["laporan", str(path), "--keluaran", str(out)]) == 0
    assert "Dibaca dari buku kerja hasil (tanpa optimasi ulang)" in capsys.readouterr().out
    assert "data:image/png;base64," in out.read_text(encoding="utf-8")


def test_a_result_workbook_without_its_plan_is_refused(tmp_path, capsys):
    from sistemkerja.laporan import tabel_hasil
    from sistemkerja.laporan.lembar import write_tables

    path = tmp_path / "HASIL_lama.xlsx"
    write_tables(tabel_hasil(_hasil(contoh.load("kecil"), status="infeasible")), path)
    assert main(["laporan", str(path), "--keluaran", str(tmp_path / "l.html")]) == 2
    assert "lembar" in capsys.readouterr().err.lower()  # errors go to stderr


@pytest.fixture(scope="module")
def hasil_kecil(tmp_path_factory):
    from sistemkerja.laporan.xlsx import write_result_workbook
    from sistemkerja.optimasi import optimasi

    path = tmp_path_factory.mktemp("hasil") / "HASIL.xlsx"
    write_result_workbook(optimasi(contoh.load("kecil"), batas_waktu=300, celah=0), path)
    return path


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("nip", "999", "NIP 999"),
        ("jam", None, "lembar Penugasan baris 2 kolom Jam (jam): kosong"),
        ("porsi", "banyak", "lembar Penugasan baris 2 kolom Porsi (0–1): 'banyak' bukan angka"),
    ],
)
def test_a_hand_edited_result_workbook_is_checked(
    hasil_kecil, tmp_path, capsys, column, value, message
):
    import openpyxl

    wb = openpyxl.load_workbook(hasil_kecil)
    ws = wb["Penugasan"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index(judul_kolom(column, "Penugasan")) + 1).value = value
    edited = tmp_path / "HASIL_disunting.xlsx"
    wb.save(edited)
    assert main(["laporan", str(edited), "--keluaran", str(tmp_path / "l.html")]) == 2
    err = capsys.readouterr().err
    assert "tidak dapat dibaca" in err and message in err


# ---- plain Indonesian, technical details apart, tables computed once ------------------------

KODE_TERLARANG = (
    "ej_maks",
    "ej_jabatan",
    "keanggotaan",
    "jam_kebutuhan",
    "pegawai_ditugaskan",
    "hasil_ketua",
    "feasible",
    "infeasible",
    "no_solution",
    "Kode status",
    "Bobot",
    "Jumlah variabel",
    "solver",
    "Solver",
)
INGGRIS = re.compile(
    r"\b(feasible|optimal solution|solver|weight|objective|bound|gap|variables?|rows?|"
    r"seconds?|status code|time limit|reached|true|false|none|nan)\b",
    re.IGNORECASE,
)


def _terlihat(report: str) -> str:
    """The text a reader sees without opening the collapsed technical details."""
    text = re.sub(r"<style>.*?</style>|<details>.*?</details>", " ", report, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture(scope="module")
def hasil_lengkap(unit):
    """A result as the optimiser returns it after a time limit (stored allocation)."""
    return Hasil(
        unit,
        "feasible",
        21.7,
        21.5,
        0.0092,
        components={
            "ej_maks": 1.02,
            "ej_jabatan": 0.9,
            "deviasi": 0.05,
            "biaya": 12_500_000.0,
            "lintas": 2.0,
            "keanggotaan": 25.0,
        },
        weights={"ej_maks": 10.0, "ej_jabatan": 5.0, "biaya": 1e-07, "keanggotaan": 0.01},
        solver="highs",
        build_seconds=1.5,
        solve_seconds=60.11,
        total_seconds=63.4,
        alokasi=load_alokasi(),
        counts={"pegawai": 40, "tim": 6, "kegiatan": 50, "variabel": 916, "kendala": 700},
        families={"kapasitas": 40},
        message="Time limit reached",
    )


@pytest.fixture(scope="module")
def report_lengkap(hasil_lengkap):
    return laporan_html(hasil_lengkap)


def test_visible_report_text_is_plain_indonesian(report_lengkap):
    visible = _terlihat(report_lengkap)
    for code in KODE_TERLARANG:
        assert code not in visible, code
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", visible)  # no code names at all
    assert not INGGRIS.findall(visible)
    assert "Status: layak — terbukti paling jauh 0,9 % dari optimum" in " ".join(visible.split())
    for label in (
        "EJ tertinggi pegawai unit",
        "Biaya personel dan pelibatan",
        "Rp 12.500.000",
        "Penempatan pegawai di tim (orang × tim)",
        "Beban kerja (jam)",
        "Pegawai ditugaskan (orang)",
        "Hasil kerja Ketua Tim",
        "Lama perhitungan",
    ):
        assert label in visible, label


def test_money_is_whole_rupiah(report_lengkap, unit):
    visible = _terlihat(report_lengkap)
    total = format_angka(unit.pagu_total, 0)
    assert total in visible
    assert f"{total},00" not in visible


def test_technical_details_are_collapsed_apart(report_lengkap):
    details = re.findall(r"<details>(.*?)</details>", report_lengkap, flags=re.S)
    assert len(details) == 1
    part = html.unescape(details[0])
    assert "<summary>Rincian teknis</summary>" in details[0]
    assert "<details open" not in report_lengkap
    for text in ("Kode status", "feasible", "Jumlah variabel", "Time limit reached"):
        assert text in part, text
    rows = {
        html.unescape(re.sub(r"<[^>]+>", "", a)): html.unescape(re.sub(r"<[^>]+>", "", c))
        for a, _, c, _ in re.findall(
            r"<tr>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>",
            details[0],
        )
    }
    assert rows["bobot.biaya"] == "0,1000"  # 1e-7 per Rp shown per juta rupiah, not 0,00
    assert rows["waktu_seluruhnya"] == "63,4000"  # the real total, not 0,00
    assert rows["jumlah.variabel"] == "916"


def test_tables_are_computed_once_and_handed_to_every_writer(tmp_path):
    """The report and the workbook show the tables they are given, not recomputed ones."""
    import openpyxl

    from sistemkerja.laporan import hitung_tabel, write_result_workbook
    from sistemkerja.laporan.xlsx import HEADER_ROW, LEMBAR_ABK_JABATAN
    from sistemkerja.optimasi import optimasi

    tabel = hitung_tabel(optimasi(contoh.load("kecil"), batas_waktu=300, celah=0))
    penanda = tabel.beban_jabatan.assign(jabatan="JABATAN-PENANDA")
    rekap = tabel.abk_jenjang.assign(jabatan="JABATAN-PENANDA")
    diubah = tabel.ganti(beban_jabatan=penanda, abk_jenjang=rekap)
    assert diubah.beban_jabatan is penanda and diubah.hasil is tabel.hasil
    assert "JABATAN-PENANDA" in laporan_html(diubah)
    assert "JABATAN-PENANDA" not in laporan_html(tabel)
    path = tmp_path / "HASIL.xlsx"
    write_result_workbook(diubah, path)
    wb = openpyxl.load_workbook(path, read_only=True)
    abk = [r[1] for r in wb[LEMBAR_ABK_JABATAN].iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    tabel_sheet = [r[0] for r in wb["Beban Jabatan"].iter_rows(min_row=2, values_only=True)]
    wb.close()
    assert set(abk) == set(tabel_sheet) == {"JABATAN-PENANDA"}


def test_status_sentence():
    from sistemkerja.label import kalimat_status

    plan = contoh.load("kecil")
    assert kalimat_status(Hasil(plan, "feasible", 1.0, 0.99, 0.008)) == (
        "layak — terbukti paling jauh 0,8 % dari optimum"
    )
    assert kalimat_status(Hasil(plan, "feasible", 1.0, None, None)) == (
        "layak — jarak ke optimum belum diketahui"
    )
    assert kalimat_status(Hasil(plan, "optimal", 1.0, 1.0, 0.0)).startswith("optimal — terbukti")
    assert kalimat_status(Hasil(plan, "infeasible", None, None, None)).startswith("tidak layak")
    stopped = Hasil(plan, "feasible", 1.0, 0.98, 0.021, berhenti="batal")
    assert kalimat_status(stopped).startswith("dihentikan pengguna — rencana terbaik sejauh ini")
