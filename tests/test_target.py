import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sistemkerja import contoh
from sistemkerja.domain.angka import format_angka, parse_target
from sistemkerja.domain.target import (
    NILAI_SAKIP,
    OPINI_BPK,
    Arah,
    JenisTarget,
    Periode,
    Skala,
    TargetPK,
    baca_target,
)

# --- plain numbers: the same as parse_target -------------------------------------------

PLAIN = [
    "90 %",
    "70%",
    "12 Laporan",
    "1.200 Orang",
    "Indeks 3,05",
    "95 poin",
    "85 poin",
    "Skala 7",
    "1,4",
    "Rp 11.994.682.000",
    "Rp 1.250.000,50",
    "12 Rekomendasi kebijakan",
    "86 Laporan",
    "12 Laporan/bulan",
    "-5 %",
    "5 Admin",
    "3 Kamin",
    "2 Pemaksimal",
]


def _sample_targets() -> list[tuple[str, str]]:
    """Every numeric target of both sample plans (the predicate of IK-5.3 has its own test)."""
    found = []
    for name in ("unit", "kecil"):
        plan = contoh.load(name)
        for ind in plan.indikator:
            if ind.target_pk.jenis is not JenisTarget.ANGKA:
                continue
            found.append((ind.target, ind.satuan))
            found.extend((tw, ind.satuan) for tw in ind.target_tw if tw is not None)
        found.extend((tt.target, tt.satuan) for tt in plan.tugas_tambahan)
    return found


SAMPLE = _sample_targets()


@pytest.mark.parametrize("text", PLAIN)
def test_plain_number_matches_parse_target(text):
    old = parse_target(text)
    new = baca_target(text)
    assert new.jenis is JenisTarget.ANGKA
    assert new.nilai == old.nilai
    assert new.satuan == old.satuan
    assert new.teks == old.teks
    assert new.arah is Arah.NAIK
    assert new.sebagai_target() == old


def test_sample_unit_holds_a_predicate_target():
    target = contoh.load("unit").targets()["IK-5.3"].target_pk
    assert target.jenis is JenisTarget.PREDIKAT and target.predikat == "A"
    with pytest.raises(ValueError, match="tidak memuat angka"):
        parse_target(target.teks)  # what the reader before issue 11 refused


def test_sample_plans_hold_targets():
    # both sample plans, indicators, quarterly targets and tugas tambahan
    assert len(SAMPLE) >= 30
    assert {s for _, s in SAMPLE} >= {"%", "Laporan", "Indeks", "Orang", "poin"}


@pytest.mark.parametrize(("text", "satuan"), SAMPLE)
def test_sample_plan_targets_match_parse_target(text, satuan):
    old = parse_target(text, satuan)
    new = baca_target(text, satuan)
    assert new.jenis is JenisTarget.ANGKA
    assert (new.nilai, new.satuan) == (old.nilai, old.satuan)
    # without the unit column too
    assert baca_target(text).sebagai_target() == parse_target(text)


@pytest.mark.parametrize("value", [90, 2.5, 1250000])
def test_cell_numbers_match_parse_target(value):
    old = parse_target(value, "%")
    new = baca_target(value, "%")
    assert (new.jenis, new.teks, new.nilai, new.satuan) == (
        JenisTarget.ANGKA,
        old.teks,
        old.nilai,
        old.satuan,
    )


def test_explicit_unit_wins_for_a_number():
    assert baca_target("90", "%").satuan == "%"
    assert baca_target("90 persen", "%").satuan == "%"


_UNITS = st.sampled_from(["%", "Laporan", "Orang", "Dokumen", "poin", "Rekomendasi kebijakan"])


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 2)), _UNITS)
def test_formatted_numbers_match_parse_target(value, unit):
    text = f"{format_angka(value)} {unit}"
    new = baca_target(text)
    old = parse_target(text)
    assert new.jenis is JenisTarget.ANGKA
    assert (new.nilai, new.satuan) == (old.nilai, old.satuan)


# --- predicates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "predikat", "skala", "rank"),
    [
        ("WTP", "WTP", OPINI_BPK, 3),
        ("Opini WTP", "WTP", OPINI_BPK, 3),
        ("opini BPK wtp", "WTP", OPINI_BPK, 3),
        ("Wajar Tanpa Pengecualian", "WTP", OPINI_BPK, 3),
        ("Wajar Tanpa Pengecualian (WTP)", "WTP", OPINI_BPK, 3),
        ("WDP", "WDP", OPINI_BPK, 2),
        ("Tidak Wajar", "TW", OPINI_BPK, 1),
        ("TMP", "TMP", OPINI_BPK, 1),
        ("Tidak Memberikan Pendapat", "TMP", OPINI_BPK, 1),
        ("AA", "AA", NILAI_SAKIP, 7),
        ("A", "A", NILAI_SAKIP, 6),
        ("BB", "BB", NILAI_SAKIP, 5),
        ("B", "B", NILAI_SAKIP, 4),
        ("Predikat BB", "BB", NILAI_SAKIP, 5),
        ("Predikat SAKIP/RB “BB”", "BB", NILAI_SAKIP, 5),
        ("Nilai SAKIP A", "A", NILAI_SAKIP, 6),
        ("CC", "CC", NILAI_SAKIP, 3),
        ("C", "C", NILAI_SAKIP, 2),
        ("D", "D", NILAI_SAKIP, 1),
    ],
)
def test_predicates(text, predikat, skala, rank):
    t = baca_target(text)
    assert t.jenis is JenisTarget.PREDIKAT
    assert t.predikat == predikat
    assert t.skala is skala
    assert t.peringkat == rank
    assert t.arah is Arah.NAIK
    assert t.nilai is None
    assert t.angka == ()


def test_scale_orders():
    assert [OPINI_BPK.peringkat(p) for p in ("WTP", "WDP", "TW", "TMP")] == [3, 2, 1, 1]
    ranks = [NILAI_SAKIP.peringkat(p) for p in ("AA", "A", "BB", "B", "CC", "C", "D")]
    assert ranks == sorted(ranks, reverse=True)
    assert len(set(ranks)) == 7


def test_predicate_with_a_bound_word_keeps_its_direction():
    at_least = baca_target("minimal BB")
    assert (at_least.jenis, at_least.predikat, at_least.arah) == (
        JenisTarget.PREDIKAT,
        "BB",
        Arah.NAIK,
    )
    assert at_least.teks == "minimal BB"
    assert baca_target("paling rendah WDP").peringkat == 2


def test_a_named_scale():
    mutu = Skala(
        "Kategori mutu",
        (("Sangat Baik",), ("Baik",), ("Cukup",), ("Kurang",)),
        (("SB", "Sangat Baik"),),
    )
    t = baca_target("Kategori Sangat Baik", skala=[mutu])
    assert (t.predikat, t.skala, t.peringkat) == ("Sangat Baik", mutu, 4)
    assert baca_target("SB", skala=[mutu]).predikat == "Sangat Baik"
    assert baca_target("Cukup", skala=[mutu]).peringkat == 2
    # the built-in scales still apply beside it
    assert baca_target("WTP", skala=[mutu]).skala is OPINI_BPK
    with pytest.raises(ValueError, match="tidak berisi angka, predikat"):
        baca_target("Cukup")
    # a label that starts like a prefix word is matched whole first
    nilai = Skala("Nilai", (("Nilai Tinggi",), ("Nilai Rendah",)))
    assert baca_target("Nilai Rendah", skala=[nilai]).peringkat == 1


def test_two_spellings_must_agree():
    with pytest.raises(ValueError, match="tidak berisi angka, predikat"):
        baca_target("Wajar Tanpa Pengecualian (WDP)")


def test_scale_rejects_bad_definitions():
    with pytest.raises(ValueError, match="dua kali"):
        Skala("X", (("A",), ("a",)))
    with pytest.raises(ValueError, match="tidak ada"):
        Skala("X", (("A",),), (("Amat", "Z"),))
    with pytest.raises(ValueError, match="bernama"):
        Skala("X", ())
    with pytest.raises(ValueError, match="pilihan: WTP, WDP, TW, TMP"):
        OPINI_BPK.peringkat("BB")


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("90–95 %", 90.0, 95.0, "%"),
        ("90-95 %", 90.0, 95.0, "%"),
        ("90 % – 95 %", 90.0, 95.0, "%"),
        ("90%—95%", 90.0, 95.0, "%"),
        ("3,0 s.d. 3,5", 3.0, 3.5, ""),
        ("3,0 sd 3,5", 3.0, 3.5, ""),
        ("90 s/d 95 %", 90.0, 95.0, "%"),
        ("90 S/D 95 %", 90.0, 95.0, "%"),
        ("90 sampai 95 %", 90.0, 95.0, "%"),
        ("90 sampai dengan 95 %", 90.0, 95.0, "%"),
        ("Indeks 3,0 – 3,5", 3.0, 3.5, "Indeks"),
        ("antara 3 dan 5", 3.0, 5.0, ""),
        ("1.000 - 1.250,5 Orang", 1000.0, 1250.5, "Orang"),
        ("Rp 1.000.000 – 2.000.000", 1e6, 2e6, "Rp"),
        ("Rp 1.000.000 – Rp 2.000.000", 1e6, 2e6, "Rp"),
        ("Indeks 3,0 – Indeks 3,5", 3.0, 3.5, "Indeks"),
    ],
)
def test_ranges(text, low, high, unit):
    t = baca_target(text)
    assert t.jenis is JenisTarget.RENTANG
    assert (t.bawah, t.atas, t.satuan) == (low, high, unit)
    assert t.nilai is None
    assert t.angka == (low, high)


def test_range_unit_column_wins():
    assert baca_target("90–95", "%").satuan == "%"


# --- bounds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "arah", "inclusive"),
    [
        ("≤ 10 %", 10.0, "%", Arah.TURUN, True),
        ("≤10%", 10.0, "%", Arah.TURUN, True),
        ("<= 10 %", 10.0, "%", Arah.TURUN, True),
        ("< 10 %", 10.0, "%", Arah.TURUN, False),
        ("maks. 10 %", 10.0, "%", Arah.TURUN, True),
        ("Maksimal 5 hari", 5.0, "hari", Arah.TURUN, True),
        ("paling banyak 5 Temuan", 5.0, "Temuan", Arah.TURUN, True),
        ("paling tinggi 2,5 %", 2.5, "%", Arah.TURUN, True),
        ("tidak lebih dari 3 Kasus", 3.0, "Kasus", Arah.TURUN, True),
        ("≥ 90 %", 90.0, "%", Arah.NAIK, True),
        (">= 90 %", 90.0, "%", Arah.NAIK, True),
        ("> 90 %", 90.0, "%", Arah.NAIK, False),
        ("min. 80 poin", 80.0, "poin", Arah.NAIK, True),
        ("minimal 1.250,5 Orang", 1250.5, "Orang", Arah.NAIK, True),
        ("paling sedikit 3 Laporan", 3.0, "Laporan", Arah.NAIK, True),
        ("sekurang-kurangnya 4 Dokumen", 4.0, "Dokumen", Arah.NAIK, True),
        ("10 Laporan (maks.)", 10.0, "Laporan", Arah.TURUN, True),
        ("5 % ke bawah", 5.0, "%", Arah.TURUN, True),
        ("90 % ke atas", 90.0, "%", Arah.NAIK, True),
        ("80 poin minimal", 80.0, "poin", Arah.NAIK, True),
    ],
)
def test_bounds(text, value, unit, arah, inclusive):
    t = baca_target(text)
    assert t.jenis is JenisTarget.BATAS
    assert (t.nilai, t.satuan, t.arah, t.inklusif) == (value, unit, arah, inclusive)
    if arah is Arah.TURUN:
        assert (t.bawah, t.atas) == (None, value)
    else:
        assert (t.bawah, t.atas) == (value, None)
    # the direction symbol never ends up in the unit (parse_target puts it there)
    assert not set(t.satuan) & set("≤≥<>")


def test_bound_symbol_ends_up_in_parse_target_unit_but_not_here():
    assert parse_target("≤ 10 %").satuan == "≤ %"
    assert baca_target("≤ 10 %").satuan == "%"


def test_bound_word_needs_a_word_boundary():
    # "minggu" is not "min." followed by "ggu"
    t = baca_target("minggu 2")
    assert t.jenis is JenisTarget.ANGKA
    assert (t.nilai, t.satuan) == (2.0, "minggu")


def test_a_bound_is_not_a_plain_number():
    with pytest.raises(ValueError, match="bukan satu angka"):
        baca_target("≤ 10 %").sebagai_target()


# --- compounds and multi-number targets -------------------------------------------------


def test_several_numbers_in_one_target():
    t = baca_target("33 % / 50 % / 17 %")
    assert t.jenis is JenisTarget.MAJEMUK
    assert [p.jenis for p in t.bagian] == [JenisTarget.ANGKA] * 3
    assert [(p.nilai, p.satuan) for p in t.bagian] == [(33.0, "%"), (50.0, "%"), (17.0, "%")]
    assert t.angka == (33.0, 50.0, 17.0)
    assert [p.teks for p in t.bagian] == ["33 %", "50 %", "17 %"]


def test_compound_outputs():
    t = baca_target("8 LHP + 8 Surat")
    assert t.jenis is JenisTarget.MAJEMUK
    assert [(p.nilai, p.satuan) for p in t.bagian] == [(8.0, "LHP"), (8.0, "Surat")]
    assert t.satuan == ""
    assert t.nilai is None


def test_compound_shares_a_trailing_unit():
    t = baca_target("33/50/17 %")
    assert [(p.nilai, p.satuan) for p in t.bagian] == [(33.0, "%"), (50.0, "%"), (17.0, "%")]


def test_compound_unit_column_only_fills_missing_units():
    t = baca_target("8 + 8 Surat", "Laporan")
    assert [(p.nilai, p.satuan) for p in t.bagian] == [(8.0, "Laporan"), (8.0, "Surat")]


def test_compound_of_other_forms():
    t = baca_target("WTP / ≤ 5 Temuan")
    assert [p.jenis for p in t.bagian] == [JenisTarget.PREDIKAT, JenisTarget.BATAS]
    assert t.bagian[1].arah is Arah.TURUN
    assert t.angka == (5.0,)


def test_s_slash_d_range_inside_a_compound():
    t = baca_target("90 s/d 95 % + 8 LHP")
    assert [p.jenis for p in t.bagian] == [JenisTarget.RENTANG, JenisTarget.ANGKA]
    assert (t.bagian[0].bawah, t.bagian[0].atas) == (90.0, 95.0)


def test_slash_in_a_unit_is_not_a_compound():
    t = baca_target("12 Laporan/bulan")
    assert t.jenis is JenisTarget.ANGKA
    assert t.satuan == "Laporan/bulan"


def test_targets_are_frozen():
    t = baca_target("8 LHP + 8 Surat")
    assert isinstance(t.bagian[0], TargetPK)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.nilai = 3.0  # type: ignore[misc]


# --- periods and dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "periode", "tahun"),
    [
        ("Triwulan IV", Periode.TW_IV, None),
        ("triwulan I", Periode.TW_I, None),
        ("TW III", Periode.TW_III, None),
        ("TW 2", Periode.TW_II, None),
        ("Triwulan ke-4", Periode.TW_IV, None),
        ("Semester II", Periode.SEMESTER_II, None),
        ("Semester 1 2025", Periode.SEMESTER_I, 2025),
        ("Triwulan IV Tahun 2024", Periode.TW_IV, 2024),
        ("paling lambat Triwulan III", Periode.TW_III, None),
    ],
)
def test_periods(text, periode, tahun):
    t = baca_target(text)
    assert t.jenis is JenisTarget.PERIODE
    assert (t.periode, t.tahun) == (periode, tahun)
    assert t.arah is Arah.TURUN
    assert t.angka == ()


def test_period_end_months():
    assert [p.bulan_akhir for p in Periode] == [3, 6, 9, 12, 6, 12]


@pytest.mark.parametrize(
    ("text", "hari", "bulan", "tahun"),
    [
        ("Desember 2017", None, 12, 2017),
        ("Des 2017", None, 12, 2017),
        ("Bulan Juni 2024", None, 6, 2024),
        ("Nopember 2023", None, 11, 2023),
        ("31 Maret 2025", 31, 3, 2025),
        ("paling lambat 15 Agustus 2025", 15, 8, 2025),
        ("Mei", None, 5, None),
    ],
)
def test_dates(text, hari, bulan, tahun):
    t = baca_target(text)
    assert t.jenis is JenisTarget.TANGGAL
    assert (t.hari, t.bulan, t.tahun) == (hari, bulan, tahun)
    assert t.arah is Arah.TURUN
    assert t.nilai is None


def test_a_date_is_no_longer_the_number_2017():
    assert parse_target("Desember 2017").nilai == 2017.0
    assert baca_target("Desember 2017").angka == ()


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["sekitar sepuluh", "Opini", "Baik", "Predikat XX", "≤ banyak", "= 10 %", "WTP / kira-kira"],
)
def test_unknown_forms_are_refused_with_examples(text):
    with pytest.raises(ValueError) as info:
        baca_target(text)
    message = str(info.value)
    assert f"target '{text}'" in message
    assert "tidak berisi angka, predikat, rentang, batas, periode atau tanggal" in message
    assert "contoh yang diterima: 90 %" in message
    assert "Desember 2017" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "target kosong"),
        ("   ", "target kosong"),
        ("95–90 %", "ujung bawah rentang lebih besar"),
        ("90 % – 5 Laporan", "bersatuan lain ('%' dan 'Laporan')"),
        ("Semester III", "Semester I dan II"),
        ("3 5 Laporan", "memuat 2 angka yang tidak tersusun sebagai rentang"),
        ("≤ 10 % dan ≥ 5 %", "memuat 2 angka yang tidak tersusun sebagai rentang"),
        ("95–90 % / 5 %", "ujung bawah rentang lebih besar"),
        ("Desember 2017 + 30 Februari 2025", "bukan tanggal yang ada"),
        ("30 Februari 2025", "bukan tanggal yang ada"),
    ],
)
def test_impossible_forms_are_refused(text, fragment):
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        baca_target(text)


def test_booleans_are_refused():
    with pytest.raises(ValueError, match="bukan teks atau angka"):
        baca_target(True)
