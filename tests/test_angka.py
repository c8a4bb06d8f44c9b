import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sistemkerja.domain.angka import format_angka, parse_angka, parse_target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,4", 1.4),
        ("1.250.000,50", 1250000.5),
        ("70 %", 70.0),
        ("70%", 70.0),
        ("1.250", 1250.0),
        ("3.05", 3.05),
        ("3,05", 3.05),
        ("1,250,000", 1250000.0),
        ("Rp 1.250.000", 1250000.0),
        ("Rp1.250.000,00", 1250000.0),
        ("-5", -5.0),
        (" 12 ", 12.0),
        (7, 7.0),
        (2.5, 2.5),
    ],
)
def test_parse_angka_indonesian(text, expected):
    assert parse_angka(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4x", "1.", "--2", "satu", True, math.nan])
def test_parse_angka_rejects(text):
    with pytest.raises(ValueError):
        parse_angka(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("70 %", 70.0, "%"),
        ("86 Laporan", 86.0, "Laporan"),
        ("Skala 7", 7.0, "Skala"),
        ("Indeks 3,05", 3.05, "Indeks"),
        ("85 poin", 85.0, "poin"),
        ("1,4", 1.4, ""),
        ("Rp 11.994.682.000", 11994682000.0, "Rp"),
        ("12 Rekomendasi kebijakan", 12.0, "Rekomendasi kebijakan"),
    ],
)
def test_parse_target(text, value, unit):
    target = parse_target(text)
    assert target.nilai == pytest.approx(value)
    assert target.satuan == unit
    assert target.teks == text


def test_parse_target_explicit_unit_wins():
    assert parse_target("90", "%").satuan == "%"


@pytest.mark.parametrize("text", ["Opini WTP", "", "antara 3 dan 5"])
def test_parse_target_rejects(text):
    with pytest.raises(ValueError):
        parse_target(text)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda v: round(v, 2)))
def test_format_then_parse_roundtrip(value):
    assert parse_angka(format_angka(value)) == pytest.approx(value, abs=0.006)
