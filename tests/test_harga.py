"""The price of a pin (dialog kinerja): real re-solves of the tiny plan."""

from __future__ import annotations

import dataclasses

import pytest

from sistemkerja import contoh
from sistemkerja.domain import Penetapan, Peran, format_angka
from sistemkerja.optimasi import HargaPenetapan, Hasil, Status, harga_penetapan, optimasi

EXACT = {"celah": 0.0, "batas_waktu": 300}


@pytest.fixture(scope="module")
def kecil():
    plan = contoh.load("kecil")
    return plan, optimasi(plan, **EXACT)


def _nip(plan, first_name: str) -> str:
    return next(p.nip for p in plan.pegawai if p.name.split()[0] == first_name)


def test_ketua_pin_is_honoured_and_never_lowers_the_objective(kecil):
    plan, dasar = kecil
    ketua = dasar.alokasi.ketua()
    # a Ahli Muda who is not the optimum's Ketua of the team (the policy's Ketua jenjang)
    other = next(
        p.nip
        for p in plan.pegawai
        if p.jenjang in plan.kebijakan.ketua_jenjang
        and plan.asal(p).value == "Unit"
        and p.nip != ketua["TIM-A"]
    )
    harga = harga_penetapan(plan, dasar, Penetapan(other, Peran.KETUA, tim="TIM-A"))
    assert harga.hasil.status is Status.OPTIMAL
    assert harga.hasil.alokasi.ketua()["TIM-A"] == other
    assert harga.tujuan_sesudah >= harga.tujuan_sebelum - 1e-6
    assert harga.penetapan[0] in harga.hasil.plan.penetapan
    assert plan.penetapan == ()  # the input plan is untouched
    # the Ketua change shows as two membership rows: old Ketua and new Ketua
    changed = {(k.nip, k.sebelum, k.sesudah) for k in harga.keanggotaan if k.tim == "TIM-A"}
    assert (other, "Anggota", "Ketua Tim") in changed or (other, "-", "Ketua Tim") in changed
    assert any(k.nip == ketua["TIM-A"] and k.sebelum == "Ketua Tim" for k in harga.keanggotaan)
    assert harga.dalam_celah is False  # both proven optimal
    assert "Ketua Tim Perencanaan" in harga.kalimat


def test_sentence_carries_the_before_and_after_numbers(kecil):
    plan, dasar = kecil
    # Dewi out of Tim Perencanaan: her Analis SDM hours there go to someone else
    harga = harga_penetapan(
        plan, dasar, Penetapan(_nip(plan, "Dewi"), Peran.BUKAN_ANGGOTA, tim="TIM-A")
    )
    assert harga.ok
    assert all(
        k.nip != _nip(plan, "Dewi") for k in harga.hasil.alokasi.keanggotaan if k.tim == "TIM-A"
    )
    assert harga.tujuan_sesudah >= harga.tujuan_sebelum - 1e-6
    text = harga.kalimat
    assert text.startswith("Mengeluarkan Dewi Anggraini")
    assert (
        f"EJ tertinggi {format_angka(harga.ej_maks_sebelum, 2)} → "
        f"{format_angka(harga.ej_maks_sesudah, 2)}"
    ) in text or format_angka(harga.ej_maks_sebelum, 3) in text
    assert (
        f"Rp {format_angka(harga.biaya_sebelum, 0)} → Rp {format_angka(harga.biaya_sesudah, 0)}"
        in text
    )
    assert f"pegawai luar unit {harga.luar_sebelum} → {harga.luar_sesudah}" in text
    assert f"{len(harga.keanggotaan)} keanggotaan berubah" in text
    assert len(harga.keanggotaan) > 0
    table = harga.tabel().set_index("ukuran")
    assert table.loc["biaya", "sebelum"] == harga.biaya_sebelum
    assert table.loc["keanggotaan_berubah", "selisih"] == len(harga.keanggotaan)
    assert list(harga.tabel_keanggotaan().columns) == ["tim", "nip", "nama", "sebelum", "sesudah"]


def test_measures_are_the_optimisers_components(kecil):
    plan, dasar = kecil
    harga = harga_penetapan(plan, dasar, Penetapan(_nip(plan, "Andi"), Peran.ANGGOTA, tim="TIM-A"))
    assert harga.ej_maks_sebelum == dasar.components["ej_maks"]
    assert harga.biaya_sesudah == harga.hasil.components["biaya"]
    assert harga.luar_sesudah == round(harga.hasil.components["lintas"])
    assert any(
        k.nip == _nip(plan, "Andi") for k in harga.hasil.alokasi.keanggotaan if k.tim == "TIM-A"
    )


def test_same_settings_as_the_base_run_unless_overridden(kecil):
    plan, _ = kecil
    dasar = optimasi(plan, prioritas="pemerataan", **EXACT)
    pin = Penetapan(_nip(plan, "Andi"), Peran.ANGGOTA, tim="TIM-A")
    harga = harga_penetapan(plan, dasar, pin)
    assert harga.hasil.prioritas == "pemerataan"
    assert harga.hasil.celah_diminta == 0.0
    harga = harga_penetapan(plan, dasar, pin, prioritas="bobot", batas_waktu=120)
    assert harga.hasil.prioritas == "bobot"


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        (lambda n: Penetapan(n, Peran.KETUA, tim="TIM-X"), "'TIM-X' tidak ada di lembar Tim Kerja"),
        (
            lambda n: Penetapan(n, Peran.DILARANG, kegiatan="K-9"),
            "'K-9' tidak ada di lembar Kegiatan",
        ),
        (
            lambda n: Penetapan("199001012020011001", Peran.ANGGOTA, tim="TIM-A"),
            "tidak ada di lembar Pegawai",
        ),
    ],
)
def test_invalid_pins_are_refused_in_indonesian(kecil, pin, words):
    plan, dasar = kecil
    with pytest.raises(ValueError, match="Penetapan ditolak") as info:
        harga_penetapan(plan, dasar, pin(_nip(plan, "Dewi")))
    assert words in str(info.value)


def test_two_ketua_for_one_team_are_refused(kecil):
    plan, dasar = kecil
    pins = [
        Penetapan(_nip(plan, "Dewi"), Peran.KETUA, tim="TIM-A"),
        Penetapan(_nip(plan, "Budi"), Peran.KETUA, tim="TIM-A"),
    ]
    with pytest.raises(ValueError, match="sudah punya Ketua Tim yang ditetapkan"):
        harga_penetapan(plan, dasar, pins)


def test_refuses_a_base_run_of_another_plan_or_no_pin(kecil):
    plan, dasar = kecil
    other = plan.with_changes(
        penetapan=(Penetapan(_nip(plan, "Sari"), Peran.ANGGOTA, tim="TIM-A"),)
    )
    pin = Penetapan(_nip(plan, "Dewi"), Peran.KETUA, tim="TIM-A")
    with pytest.raises(ValueError, match="hasil dasar bukan hasil rencana ini"):
        harga_penetapan(other, dasar, pin)
    with pytest.raises(ValueError, match="tidak ada penetapan"):
        harga_penetapan(plan, dasar, [])


def test_infeasible_pin_is_a_result_whose_sentence_says_why(kecil):
    plan, dasar = kecil
    # Andi is Ahli Pertama: below the Ketua jenjang of the policy
    harga = harga_penetapan(plan, dasar, Penetapan(_nip(plan, "Andi"), Peran.KETUA, tim="TIM-A"))
    assert harga.status_sesudah is Status.INFEASIBLE
    assert harga.ej_maks_sesudah is None and harga.selisih_biaya is None
    assert harga.keanggotaan == ()
    assert "membuat rencana tidak dapat disusun" in harga.kalimat
    assert "Ahli Pertama" in harga.kalimat  # the reason, in the user's terms
    assert harga.hasil.penjelasan[0].message in harga.kalimat


def _seolah(hasil: Hasil, status: Status, objective: float, gap: float | None) -> Hasil:
    """The same run as if it had stopped early with a gap (a hand-made result)."""
    bound = None if gap is None else objective * (1 - gap)
    return dataclasses.replace(hasil, status=status, objective=objective, bound=bound, gap=gap)


def test_gap_note_when_the_change_is_within_the_gaps(kecil):
    plan, dasar = kecil
    harga = harga_penetapan(plan, dasar, Penetapan(_nip(plan, "Andi"), Peran.ANGGOTA, tim="TIM-A"))
    obj = harga.tujuan_sebelum
    kabur = dataclasses.replace(
        harga,
        dasar=_seolah(dasar, Status.FEASIBLE, obj, 0.01),
        hasil=_seolah(harga.hasil, Status.FEASIBLE, obj * 1.005, 0.01),
        tujuan_sesudah=obj * 1.005,
    )
    assert kabur.dalam_celah is True
    assert "Kedua hasil belum terbukti optimal" in kabur.kalimat
    assert "celah 1,0 %" in kabur.kalimat
    assert "masih dalam celah optimasi" in kabur.kalimat
    jelas = dataclasses.replace(
        kabur,
        dasar=dasar,
        hasil=_seolah(harga.hasil, Status.FEASIBLE, obj * 1.5, 0.01),
        tujuan_sesudah=obj * 1.5,
    )
    assert jelas.dalam_celah is False
    assert (
        "Hasil dengan penetapan belum terbukti optimal (dengan penetapan celah 1,0 %)"
        in jelas.kalimat
    )
    assert "melebihi celah" in jelas.kalimat
    tanpa_batas = dataclasses.replace(jelas, hasil=_seolah(harga.hasil, Status.FEASIBLE, obj, None))
    assert tanpa_batas.dalam_celah is True
    assert "celah belum diketahui" in tanpa_batas.kalimat


def test_harga_is_a_frozen_dataclass(kecil):
    plan, dasar = kecil
    harga = harga_penetapan(plan, dasar, Penetapan(_nip(plan, "Andi"), Peran.ANGGOTA, tim="TIM-A"))
    assert isinstance(harga, HargaPenetapan)
    with pytest.raises(dataclasses.FrozenInstanceError):
        harga.biaya_sesudah = 0.0  # type: ignore[misc]
