"""Plan-wide validation: every cross-reference and aggregate rule, all problems at once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sistemkerja.domain import batas, skema
from sistemkerja.domain._rules import weight_message
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import (
    JALUR_JENIS,
    Asal,
    JenisJabatan,
    Jenjang,
    Mode,
    Peran,
    StatusASN,
)
from sistemkerja.domain.masalah import Problem, Tingkat
from sistemkerja.domain.pk import angka_target
from sistemkerja.domain.target import Arah

if TYPE_CHECKING:
    from sistemkerja.domain.kegiatan import BebanKegiatan
    from sistemkerja.domain.pegawai import Jabatan
    from sistemkerja.domain.rencana import Rencana
    from sistemkerja.domain.strategi import KebutuhanPeran


class _Reporter:
    """Collects problems, turning (sheet, entity index, field) into workbook locations."""

    def __init__(self, plan: Rencana) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self._keys: dict[str, tuple[str, ...]] = {}

    def key(self, lembar: skema.Lembar, index: int | None, field: str | None) -> str | None:
        """Key of the entity a problem concerns (the parameter name on key-value sheets)."""
        if lembar.single:
            return lembar.header_of(field) if field else None
        if index is None:
            return None
        if lembar.name not in self._keys:
            self._keys[lembar.name] = self.plan.kunci(lembar.name)
        return self._keys[lembar.name][index]

    def add(
        self,
        lembar: skema.Lembar,
        index: int | None,
        field: str | None,
        code: str,
        message: str,
        severity: Tingkat = Tingkat.GALAT,
    ) -> None:
        if lembar.single:
            fields = [c.field for c in lembar.columns]
            pos = fields.index(field) if field in fields else None
            row = None if pos is None else self.plan.row_of(lembar.name, pos)
        else:
            row = None if index is None else self.plan.row_of(lembar.name, index)
        column = lembar.header_of(field) if field else None
        key = self.key(lembar, index, field)
        self.problems.append(Problem(lembar.name, row, column, code, message, severity, key))

    def warn(
        self, lembar: skema.Lembar, index: int | None, field: str | None, code: str, msg: str
    ) -> None:
        self.add(lembar, index, field, code, msg, Tingkat.PERINGATAN)


def _duplicates(
    rep: _Reporter, lembar: skema.Lembar, keys: Sequence[Hashable], label: str, code: str
) -> None:
    counts = Counter(keys)
    first: dict[Hashable, int] = {}
    field = lembar.key[0] if lembar.key else None
    for i, key in enumerate(keys):
        if counts[key] > 1:
            if key in first:
                shown = (
                    key if not isinstance(key, tuple) else " / ".join(str(k or "-") for k in key)
                )
                rep.add(
                    lembar,
                    i,
                    field,
                    code,
                    f"{label} '{shown}' ganda; sudah dipakai di baris "
                    f"{rep.plan.row_of(lembar.name, first[key])}",
                )
            else:
                first[key] = i


def _unknown(
    rep: _Reporter,
    lembar: skema.Lembar,
    items: Iterable[Any],
    field: str,
    known: set[str],
    target: str,
    code: str,
    *,
    optional: bool = False,
) -> None:
    for i, item in enumerate(items):
        value = getattr(item, field)
        if value is None and optional:
            continue
        if value not in known:
            rep.add(lembar, i, field, code, f"'{value}' tidak ada di lembar {target}")


def validate(plan: Rencana) -> list[Problem]:
    """Check a plan's cross-references and plan-wide rules.

    Parameters
    ----------
    plan : Rencana
        The plan; its entities already passed their single-field rules.

    Returns
    -------
    list of Problem
        Every problem found, errors before warnings, in sheet order.
    """
    rep = _Reporter(plan)
    _check_not_empty(rep, plan)
    _check_values(rep, plan)
    _check_keys(rep, plan)
    _check_staff(rep, plan)
    _check_pk(rep, plan)
    _check_strategy(rep, plan)
    _check_activities(rep, plan)
    _check_budget(rep, plan)
    _check_pins(rep, plan)
    _check_cascade(rep, plan)
    _check_target_tw(rep, plan)
    _check_golongan(rep, plan)
    _check_skp(rep, plan)
    order = {lembar.name: i for i, lembar in enumerate(skema.LEMBAR)}
    return sorted(
        rep.problems,
        key=lambda p: (not p.is_error, order.get(p.sheet, 99), p.row or 0),
    )


def _check_not_empty(rep: _Reporter, plan: Rencana) -> None:
    """Report a plan without staff, indicators or activities (it cannot be optimised)."""
    for lembar, items, code, what in (
        (skema.PEGAWAI, plan.pegawai, "no_pegawai", "pegawai"),
        (skema.INDIKATOR, plan.indikator, "no_indikator", "indikator kinerja"),
        (skema.KEGIATAN, plan.kegiatan, "no_kegiatan", "kegiatan"),
    ):
        if not items:
            rep.add(
                lembar,
                None,
                None,
                code,
                f"rencana belum memuat {what}; isi lembar '{lembar.name}' sebelum "
                "pegawai ditempatkan",
            )


_BOBOT = (
    "bobot_ej_maks",
    "bobot_ej_jabatan",
    "bobot_deviasi",
    "bobot_biaya",
    "bobot_lintas",
    "bobot_keanggotaan",
)


def _hours_of_a_year(
    rep: _Reporter, lembar: skema.Lembar, index: int | None, field: str, value: float | None
) -> None:
    if value is not None and value > batas.JAM_SETAHUN:
        rep.add(
            lembar,
            index,
            field,
            "hours_exceed_year",
            f"{lembar.header_of(field)} {batas.tampil(value)} jam melebihi jumlah jam dalam "
            f"setahun ({batas.tampil(batas.JAM_SETAHUN)} jam)",
        )


def _thousands_hint(value: float) -> str:
    """Suggest the number meant when a thousands dot was read as a decimal point."""
    meant = value * 1000
    if batas.KAPASITAS_MIN_WAJAR <= meant <= batas.JAM_SETAHUN:
        return (
            f"; bila maksudnya {format_angka(meant)} jam (titik sebagai pemisah ribuan), "
            f"tulis {meant:.0f}"
        )
    return ""


def _check_values(rep: _Reporter, plan: Rencana) -> None:
    """Value ranges: hours within a year, sane weights, products without overflow."""
    k = plan.kebijakan
    for name in ("jam_efektif", "jam_ketua", "min_jam_anggota"):
        _hours_of_a_year(rep, skema.KEBIJAKAN, None, name, getattr(k, name))
    low, high = batas.JAM_EFEKTIF_WAJAR
    if not low <= k.jam_efektif <= high and k.jam_efektif <= batas.JAM_SETAHUN:
        rep.warn(
            skema.KEBIJAKAN,
            None,
            "jam_efektif",
            "implausible_capacity",
            f"jam kerja efektif {batas.tampil(k.jam_efektif)} jam per tahun di luar kisaran "
            f"wajar {format_angka(low)}–{format_angka(high)} jam (norma: 1.200, 1.250 atau "
            f"1.300){_thousands_hint(k.jam_efektif)}",
        )
    for name in _BOBOT:
        weight = getattr(k, name)
        if weight > batas.BOBOT_MAKS:
            rep.add(
                skema.KEBIJAKAN,
                None,
                name,
                "weight_out_of_range",
                weight_message(weight),
            )
    for i, p in enumerate(plan.pegawai):
        _hours_of_a_year(rep, skema.PEGAWAI, i, "capacity_hours", p.capacity_hours)
        _hours_of_a_year(rep, skema.PEGAWAI, i, "committed_hours", p.committed_hours)
        cap = p.capacity_hours
        if cap is not None and 0 < cap < batas.KAPASITAS_MIN_WAJAR:
            rep.warn(
                skema.PEGAWAI,
                i,
                "capacity_hours",
                "implausible_capacity",
                f"kapasitas {batas.tampil(cap)} jam setahun tidak wajar (kurang dari "
                f"{format_angka(batas.KAPASITAS_MIN_WAJAR)} jam){_thousands_hint(cap)}",
            )
    for i, pin in enumerate(plan.penetapan):
        _hours_of_a_year(rep, skema.PENETAPAN, i, "jam", pin.jam)
    largest = batas.BEBAN_MAKS_ORANG_TAHUN * k.jam_efektif
    for i, b in enumerate(plan.beban):
        hours = b.jam
        shown = (
            f"volume {batas.tampil(b.volume)} × norma waktu {batas.tampil(b.norma_waktu)} jam "
            f"= {batas.tampil(hours)} jam"
        )
        if hours > batas.ANGKA_MAKS:
            rep.add(
                skema.BEBAN,
                i,
                "norma_waktu",
                "value_too_large",
                f"beban kerja terlalu besar: {shown}, melebihi "
                f"{batas.tampil(batas.ANGKA_MAKS)} jam",
            )
        elif hours > largest:
            rep.warn(
                skema.BEBAN,
                i,
                "norma_waktu",
                "implausible_hours",
                f"beban kerja tidak wajar: {shown}, lebih dari "
                f"{format_angka(batas.BEBAN_MAKS_ORANG_TAHUN)} orang-tahun "
                f"({format_angka(largest)} jam); periksa satuan dan pemisah ribuan",
            )
        elif 0 < hours < batas.BEBAN_MIN_WAJAR:
            rep.warn(
                skema.BEBAN,
                i,
                "norma_waktu",
                "implausible_hours",
                f"beban kerja tidak wajar: {shown}, kurang dari "
                f"{format_angka(batas.BEBAN_MIN_WAJAR)} jam setahun; norma waktu dalam jam, "
                "bukan menit",
            )
    for i, a in enumerate(plan.anggaran):
        if a.jumlah > batas.ANGKA_MAKS:
            rep.add(
                skema.ANGGARAN,
                i,
                "harga_satuan",
                "value_too_large",
                f"jumlah belanja terlalu besar: volume {batas.tampil(a.volume)} × harga satuan "
                f"Rp {batas.tampil(a.harga_satuan)} = Rp {batas.tampil(a.jumlah)}, melebihi "
                f"Rp {batas.tampil(batas.ANGKA_MAKS)}",
            )


def _check_keys(rep: _Reporter, plan: Rencana) -> None:
    _duplicates(rep, skema.UNIT, [u.code for u in plan.units], "Kode unit", "duplicate_code")
    _duplicates(rep, skema.JABATAN, [j.name for j in plan.jabatan], "Jabatan", "duplicate_code")
    _duplicates(rep, skema.PEGAWAI, [p.nip for p in plan.pegawai], "NIP", "duplicate_nip")
    _duplicates(
        rep, skema.SASARAN, [s.code for s in plan.sasaran], "Kode sasaran", "duplicate_code"
    )
    _duplicates(rep, skema.INDIKATOR, [i.code for i in plan.indikator], "Kode", "duplicate_code")
    _duplicates(rep, skema.TIM, [t.code for t in plan.tim], "Kode tim", "duplicate_code")
    _duplicates(rep, skema.KEGIATAN, [k.code for k in plan.kegiatan], "Kode", "duplicate_code")
    _duplicates(
        rep,
        skema.PAGU,
        [p.key if p.berkode else (*p.key, p.name) for p in plan.pagu],
        "Kode pagu",
        "duplicate_code",
    )
    _duplicates(
        rep, skema.STRATEGI, [s.indikator for s in plan.strategi], "Strategi", "duplicate_code"
    )
    _duplicates(
        rep,
        skema.KEBUTUHAN_PERAN,
        [(k.indikator, k.jabatan, k.jenjang_min) for k in plan.kebutuhan_peran],
        "Peran",
        "duplicate_code",
    )
    _duplicates(
        rep,
        skema.BEBAN,
        [(b.kegiatan, b.jabatan, b.jenjang_min) for b in plan.beban],
        "Beban",
        "duplicate_code",
    )
    indicator_codes = {i.code for i in plan.indikator}
    for i, t in enumerate(plan.tugas_tambahan):
        if t.code in indicator_codes:
            rep.add(
                skema.TUGAS_TAMBAHAN,
                i,
                "code",
                "duplicate_code",
                f"kode '{t.code}' sudah dipakai sebuah indikator",
            )
    _duplicates(
        rep, skema.TUGAS_TAMBAHAN, [t.code for t in plan.tugas_tambahan], "Kode", "duplicate_code"
    )


def _check_staff(rep: _Reporter, plan: Rencana) -> None:
    units = {u.code for u in plan.units}
    catalogue = {j.name: j for j in plan.jabatan}
    for i, p in enumerate(plan.pegawai):
        if p.unit not in units:
            rep.add(
                skema.PEGAWAI,
                i,
                "unit",
                "unknown_unit",
                f"unit '{p.unit}' tidak ada di lembar Unit",
            )
        jab = catalogue.get(p.jabatan)
        if jab is None:
            rep.add(
                skema.PEGAWAI,
                i,
                "jabatan",
                "unknown_jabatan",
                f"jabatan '{p.jabatan}' tidak ada di lembar Jabatan",
            )
        elif jab.jenis is not p.jenis:
            rep.add(
                skema.PEGAWAI,
                i,
                "jenis",
                "jenis_mismatch",
                f"jabatan '{p.jabatan}' berjenis {jab.jenis}, bukan {p.jenis}",
            )
        capacity = plan.capacity(p)
        if p.committed_hours > capacity:
            rep.warn(
                skema.PEGAWAI,
                i,
                "committed_hours",
                "overcommitted",
                f"jam terikat {format_angka(p.committed_hours)} melebihi kapasitas "
                f"{format_angka(capacity)} jam",
            )
        if plan.asal(p) is Asal.LINTAS_INSTANSI and not plan.kebijakan.lintas_instansi:
            rep.warn(
                skema.PEGAWAI,
                i,
                "unit",
                "cross_agency_not_allowed",
                "pegawai lintas instansi, padahal kebijakan tidak mengizinkan anggota "
                "lintas instansi",
            )


def _check_pk(rep: _Reporter, plan: Rencana) -> None:
    if plan.pk.unit not in {u.code for u in plan.units}:
        rep.add(
            skema.PK,
            None,
            "unit",
            "unknown_unit",
            f"unit '{plan.pk.unit}' tidak ada di lembar Unit",
        )
    sasaran = {s.code for s in plan.sasaran}
    _unknown(rep, skema.INDIKATOR, plan.indikator, "sasaran", sasaran, "Sasaran", "unknown_sasaran")
    used = {i.sasaran for i in plan.indikator}
    for i, s in enumerate(plan.sasaran):
        if s.code not in used:
            rep.warn(
                skema.SASARAN,
                i,
                "code",
                "sasaran_without_indicator",
                "sasaran belum punya indikator",
            )
    strategies = plan.strategi_by_target()
    for lembar, items in (
        (skema.INDIKATOR, plan.indikator),
        (skema.TUGAS_TAMBAHAN, plan.tugas_tambahan),
    ):
        for i, item in enumerate(items):
            if item.code not in strategies:
                rep.warn(lembar, i, "code", "no_strategy", f"'{item.code}' belum punya strategi")


def _check_strategy(rep: _Reporter, plan: Rencana) -> None:
    targets = set(plan.targets())
    teams = {t.code for t in plan.tim}
    catalogue = {j.name: j for j in plan.jabatan}
    _unknown(
        rep,
        skema.STRATEGI,
        plan.strategi,
        "indikator",
        targets,
        "Indikator/Tugas Tambahan",
        "unknown_indicator",
    )
    _unknown(
        rep, skema.STRATEGI, plan.strategi, "tim", teams, "Tim Kerja", "unknown_team", optional=True
    )
    needs_leader = [i for i, s in enumerate(plan.strategi) if s.perlu_ketua]
    if needs_leader and not plan.kebijakan.ketua_jenjang:
        rep.add(
            skema.KEBIJAKAN,
            None,
            "ketua_jenjang",
            "no_eligible_leader_jenjang",
            f"{len(needs_leader)} strategi memerlukan Ketua Tim, tetapi kebijakan tidak menetapkan "
            "jenjang yang boleh menjadi Ketua Tim",
        )
        for i in needs_leader:
            rep.add(
                skema.STRATEGI,
                i,
                "perlu_ketua",
                "no_eligible_leader_jenjang",
                "Ketua Tim diperlukan, tetapi tidak ada jenjang yang memenuhi syarat "
                "di lembar Kebijakan",
            )
    used_teams = {s.tim for s in plan.strategi if s.tim}
    for i, t in enumerate(plan.tim):
        if t.code not in used_teams:
            rep.warn(
                skema.TIM,
                i,
                "code",
                "team_without_target",
                "tim belum ditugasi target di lembar Strategi",
            )
    _unknown(
        rep,
        skema.KEBUTUHAN_PERAN,
        plan.kebutuhan_peran,
        "indikator",
        targets,
        "Indikator/Tugas Tambahan",
        "unknown_indicator",
    )
    _check_roles(rep, skema.KEBUTUHAN_PERAN, plan.kebutuhan_peran, catalogue)
    for i, k in enumerate(plan.kebutuhan_peran):
        if k.asal is Asal.LINTAS_INSTANSI and not plan.kebijakan.lintas_instansi:
            rep.warn(
                skema.KEBUTUHAN_PERAN,
                i,
                "asal",
                "cross_agency_not_allowed",
                "asal lintas instansi tidak diizinkan kebijakan; hanya sampai lintas unit",
            )


def _check_roles(
    rep: _Reporter,
    lembar: skema.Lembar,
    items: Sequence[KebutuhanPeran | BebanKegiatan],
    catalogue: dict[str, Jabatan],
) -> None:
    """Check that each role names a catalogued jabatan and a jenjang of its track."""
    for i, item in enumerate(items):
        jab = catalogue.get(item.jabatan)
        if jab is None:
            rep.add(
                lembar,
                i,
                "jabatan",
                "unknown_jabatan",
                f"jabatan '{item.jabatan}' tidak ada di lembar Jabatan",
            )
        elif item.jenjang_min is not None and item.jenjang_min.jalur not in JALUR_JENIS[jab.jenis]:
            rep.add(
                lembar,
                i,
                "jenjang_min",
                "jenjang_mismatch",
                f"jenjang '{item.jenjang_min}' tidak berlaku untuk jabatan {jab.jenis} "
                f"'{item.jabatan}'",
            )


def _check_activities(rep: _Reporter, plan: Rencana) -> None:
    targets = set(plan.targets())
    teams = {t.code for t in plan.tim}
    strategies = plan.strategi_by_target()
    catalogue = {j.name: j for j in plan.jabatan}
    for i, k in enumerate(plan.kegiatan):
        if k.indikator not in targets:
            rep.add(
                skema.KEGIATAN,
                i,
                "indikator",
                "unknown_indicator",
                f"indikator '{k.indikator}' tidak ada di lembar Indikator maupun Tugas Tambahan",
            )
        if k.tim is not None and k.tim not in teams:
            rep.add(
                skema.KEGIATAN,
                i,
                "tim",
                "unknown_team",
                f"tim '{k.tim}' tidak ada di lembar Tim Kerja",
            )
        s = strategies.get(k.indikator)
        if s is None or (k.tim is not None and k.tim not in teams):
            continue
        if s.mode is Mode.TIM and k.tim != s.tim:
            rep.add(
                skema.KEGIATAN,
                i,
                "tim",
                "team_mismatch",
                f"strategi '{k.indikator}' menugaskan tim '{s.tim}', bukan '{k.tim or '-'}'",
            )
        if s.mode is Mode.INDIVIDU and k.tim is not None:
            rep.add(
                skema.KEGIATAN,
                i,
                "tim",
                "team_mismatch",
                f"strategi '{k.indikator}' dikerjakan individu; kolom Tim harus kosong",
            )
    codes = {k.code for k in plan.kegiatan}
    _unknown(rep, skema.BEBAN, plan.beban, "kegiatan", codes, "Kegiatan", "unknown_activity")
    _check_roles(rep, skema.BEBAN, plan.beban, catalogue)
    with_effort = {b.kegiatan for b in plan.beban}
    for i, k in enumerate(plan.kegiatan):
        if k.code not in with_effort:
            rep.warn(
                skema.KEGIATAN,
                i,
                "code",
                "activity_without_effort",
                "kegiatan belum punya beban kerja",
            )


def _check_budget(rep: _Reporter, plan: Rencana) -> None:
    codes = {k.code for k in plan.kegiatan}
    _unknown(rep, skema.ANGGARAN, plan.anggaran, "kegiatan", codes, "Kegiatan", "unknown_activity")
    giat_pagu = {
        (p.program, p.giat): i for i, p in enumerate(plan.pagu) if p.berkode and not p.is_ro
    }
    ro_pagu = {p.key: i for i, p in enumerate(plan.pagu) if p.is_ro}
    giat_with_ro = {(p.program, p.giat) for p in plan.pagu if p.is_ro}
    # A PK that gives ceilings without codes: budget lines cannot be matched to them, which
    # is expected, not an error.
    uncoded = any(not p.berkode for p in plan.pagu)
    spent_giat: dict[tuple[str | None, str | None], float] = defaultdict(float)
    spent_ro: dict[tuple[str | None, str | None, str | None, str | None], float]
    spent_ro = defaultdict(float)
    for i, a in enumerate(plan.anggaran):
        giat = (a.program, a.giat)
        if giat not in giat_pagu:
            message = f"Program/Kegiatan RKA '{a.program}.{a.giat}' tidak ada di lembar Pagu"
            if uncoded:
                rep.warn(
                    skema.ANGGARAN,
                    i,
                    "giat",
                    "unmatched_budget_code",
                    f"{message}; pagu tanpa kode tidak dapat dicocokkan dengan rincian "
                    "anggaran, jadi rincian ini tidak diperiksa terhadap pagu",
                )
            else:
                rep.add(skema.ANGGARAN, i, "giat", "unknown_budget_code", message)
            continue
        spent_giat[giat] += a.jumlah
        key = (a.program, a.giat, a.kro, a.ro)
        if giat in giat_with_ro:
            if key not in ro_pagu:
                rep.add(
                    skema.ANGGARAN,
                    i,
                    "ro",
                    "unknown_budget_code",
                    f"RO '{a.program}.{a.giat}.{a.kro}.{a.ro}' tidak ada di lembar Pagu",
                )
            else:
                spent_ro[key] += a.jumlah
    for giat, i in giat_pagu.items():
        pagu = plan.pagu[i].pagu
        if spent_giat[giat] > pagu + 0.5:
            rep.add(
                skema.PAGU,
                i,
                "pagu",
                "budget_over_pagu",
                f"rincian anggaran Kegiatan {giat[0]}.{giat[1]} "
                f"Rp {format_angka(spent_giat[giat], 0)} "
                f"melebihi pagu Rp {format_angka(pagu, 0)}",
            )
    for key, i in ro_pagu.items():
        pagu = plan.pagu[i].pagu
        if spent_ro[key] > pagu + 0.5:
            rep.add(
                skema.PAGU,
                i,
                "pagu",
                "budget_over_pagu",
                f"rincian anggaran RO {'.'.join(str(k) for k in key)} "
                f"Rp {format_angka(spent_ro[key], 0)} "
                f"melebihi pagu RO Rp {format_angka(pagu, 0)}",
            )
        giat = (key[0], key[1])
        if giat not in giat_pagu:
            rep.add(
                skema.PAGU,
                i,
                "giat",
                "unknown_budget_code",
                f"pagu RO tanpa pagu Kegiatan {giat[0]}.{giat[1]}",
            )
    ro_sum: dict[tuple[str | None, str | None], float] = defaultdict(float)
    for key, i in ro_pagu.items():
        ro_sum[(key[0], key[1])] += plan.pagu[i].pagu
    for giat, total in ro_sum.items():
        if giat in giat_pagu and total > plan.pagu[giat_pagu[giat]].pagu + 0.5:
            rep.warn(
                skema.PAGU,
                giat_pagu[giat],
                "pagu",
                "ro_over_pagu",
                f"jumlah pagu RO Rp {format_angka(total, 0)} melebihi pagu Kegiatan",
            )


def _check_pins(rep: _Reporter, plan: Rencana) -> None:
    nips = {p.nip for p in plan.pegawai}
    teams = {t.code for t in plan.tim}
    codes = {k.code for k in plan.kegiatan}
    _unknown(rep, skema.PENETAPAN, plan.penetapan, "nip", nips, "Pegawai", "unknown_nip")
    _unknown(
        rep,
        skema.PENETAPAN,
        plan.penetapan,
        "tim",
        teams,
        "Tim Kerja",
        "unknown_team",
        optional=True,
    )
    _unknown(
        rep,
        skema.PENETAPAN,
        plan.penetapan,
        "kegiatan",
        codes,
        "Kegiatan",
        "unknown_activity",
        optional=True,
    )
    _duplicates(
        rep,
        skema.PENETAPAN,
        [(p.nip, p.tim, p.kegiatan) for p in plan.penetapan],
        "Penetapan",
        "duplicate_code",
    )
    _check_pins_struktural(rep, plan)
    leaders: dict[str, int] = {}
    for i, pin in enumerate(plan.penetapan):
        if pin.peran is Peran.KETUA and pin.tim is not None:
            if pin.tim in leaders:
                rep.add(
                    skema.PENETAPAN,
                    i,
                    "peran",
                    "conflicting_pins",
                    f"tim '{pin.tim}' sudah punya Ketua Tim yang ditetapkan di baris "
                    f"{plan.row_of(skema.PENETAPAN.name, leaders[pin.tim])}",
                )
            else:
                leaders[pin.tim] = i
    _unknown(rep, skema.PENYESUAIAN, plan.penyesuaian, "nip", nips, "Pegawai", "unknown_nip")
    _unknown(
        rep, skema.PENYESUAIAN, plan.penyesuaian, "kegiatan", codes, "Kegiatan", "unknown_activity"
    )
    _duplicates(
        rep,
        skema.PENYESUAIAN,
        [(p.nip, p.kegiatan) for p in plan.penyesuaian],
        "Penyesuaian",
        "duplicate_code",
    )


def _check_pins_struktural(rep: _Reporter, plan: Rencana) -> None:
    """Check that roles and pins go to JF or Pelaksana, unless the policy allows more.

    A structural official (the unit head, JPT) leads the unit through the Ketua Tim; the
    MPH reviewer expects only JF and Pelaksana as members (``Kebijakan.struktural_anggota``).
    A role (Kebutuhan Peran, Beban Kegiatan) for a structural jabatan could then never be
    filled, and a pin (Ketua Tim, Anggota, Jam tetap) of a structural official is refused.
    """
    if plan.kebijakan.struktural_anggota:
        return
    structural = {j.name for j in plan.jabatan if j.jenis is JenisJabatan.STRUKTURAL}
    for lembar, roles in (
        (skema.KEBUTUHAN_PERAN, plan.kebutuhan_peran),
        (skema.BEBAN, plan.beban),
    ):
        for i, role in enumerate(roles):
            if role.jabatan in structural:
                rep.add(
                    lembar,
                    i,
                    "jabatan",
                    "structural_role",
                    f"peran untuk jabatan struktural '{role.jabatan}' tidak dapat diisi: "
                    "pejabat struktural bukan anggota tim kecuali kebijakan 'Pejabat "
                    "struktural boleh menjadi anggota tim' diisi Ya",
                )
    people = {p.nip: p for p in plan.pegawai}
    pins = (Peran.KETUA, Peran.ANGGOTA, Peran.JAM_TETAP)
    for i, pin in enumerate(plan.penetapan):
        person = people.get(pin.nip)
        if pin.peran not in pins or person is None:
            continue
        if person.jenis is JenisJabatan.STRUKTURAL:
            where = f"tim '{pin.tim}'" if pin.tim else f"kegiatan '{pin.kegiatan}'"
            rep.add(
                skema.PENETAPAN,
                i,
                "nip",
                "structural_member",
                f"{person.name} adalah pejabat struktural ({person.jabatan}) dan tidak dapat "
                f"ditetapkan sebagai {pin.peran} pada {where}; anggota tim harus JF atau "
                "Pelaksana kecuali kebijakan 'Pejabat struktural boleh menjadi anggota tim' "
                "diisi Ya",
            )


def _check_cascade(rep: _Reporter, plan: Rencana) -> None:
    """Additive targets: the carrier activities' volumes should add up to the target."""
    carriers: dict[str, list[float]] = defaultdict(list)
    targets = plan.targets()
    for k in plan.kegiatan:
        target = targets.get(k.indikator)
        if target is None or not k.angka:
            continue
        if k.satuan.strip().casefold() == target.satuan.strip().casefold():
            carriers[k.indikator].append(k.volume)
    additive = [(skema.INDIKATOR, i, t) for i, t in enumerate(plan.indikator) if t.pola.additive]
    additive += [(skema.TUGAS_TAMBAHAN, i, t) for i, t in enumerate(plan.tugas_tambahan)]
    with_activities = {k.indikator for k in plan.kegiatan}
    for lembar, i, t in additive:
        if t.code not in with_activities:
            continue
        goal = t.parsed_target.nilai
        if not carriers.get(t.code):
            rep.warn(
                lembar,
                i,
                "target",
                "no_numeric_carrier",
                f"tidak ada kegiatan pembawa angka bersatuan '{t.satuan}' untuk target {t.target}",
            )
            continue
        total = sum(carriers[t.code])
        below_bound = t.target_pk.arah is Arah.TURUN and total < goal  # "≤ 10 Laporan" met
        if abs(total - goal) > 1e-6 * max(1.0, abs(goal)) and not below_bound:
            rep.warn(
                lembar,
                i,
                "target",
                "target_not_matched",
                f"jumlah keluaran kegiatan pembawa angka {format_angka(total)} {t.satuan} "
                f"tidak sama dengan target {t.target}",
            )


_TW = ("TW I", "TW II", "TW III", "TW IV")


def _check_target_tw(rep: _Reporter, plan: Rencana) -> None:
    """Warn when the quarterly targets do not build up to the yearly target.

    For a target with one number (see :func:`~sistemkerja.domain.pk.angka_target`) every
    set quarterly target with one number is read as cumulative: it must not go past the
    yearly target in the indicator's direction (above it when higher is better, below it
    when lower is better, as for ``"≤ 10 %"``), the quarters must not step back in that
    direction, and TW IV, when set, must equal the yearly target. Predicates, periods,
    dates and compound targets are not compared.
    """
    for i, ind in enumerate(plan.indikator):
        annual = ind.target_pk
        goal = angka_target(annual)
        if goal is None:
            continue
        sign = -1.0 if annual.arah is Arah.TURUN else 1.0
        tol = 1e-9 * max(1.0, abs(goal))
        previous: tuple[str, float] | None = None
        for q, tw in enumerate(ind.target_pk_tw()):
            value = None if tw is None else angka_target(tw)
            if tw is None or value is None:
                continue
            field = f"target_tw{q + 1}"
            shown = f"target {_TW[q]} {tw.teks}"
            if sign * (value - goal) > tol:
                side = "di atas" if sign > 0 else "di bawah"
                rep.warn(
                    skema.INDIKATOR,
                    i,
                    field,
                    "tw_past_target",
                    f"{shown} {side} target tahunan {ind.target}; target triwulan bersifat "
                    "kumulatif dan tidak melampaui target tahunan",
                )
            if previous is not None and sign * (value - previous[1]) < -tol:
                rep.warn(
                    skema.INDIKATOR,
                    i,
                    field,
                    "tw_not_monotone",
                    f"{shown} mundur dari target {previous[0]}; target triwulan bersifat kumulatif",
                )
            if q == 3 and abs(value - goal) > tol and sign * (value - goal) <= tol:
                rep.warn(
                    skema.INDIKATOR,
                    i,
                    field,
                    "tw4_not_target",
                    f"{shown} tidak sama dengan target tahunan {ind.target}",
                )
            previous = (f"{_TW[q]} {tw.teks}", value)


#: Golongan ruang of each JF jenjang for PNS: PermenPANRB No. 1 Tahun 2023 tentang
#: Jabatan Fungsional (jenjang jabatan and pangkat/golongan ruang), as in docs/domain.
GOLONGAN_JENJANG: dict[Jenjang, tuple[str, ...]] = {
    Jenjang.AHLI_PERTAMA: ("III/a", "III/b"),
    Jenjang.AHLI_MUDA: ("III/c", "III/d"),
    Jenjang.AHLI_MADYA: ("IV/a", "IV/b", "IV/c"),
    Jenjang.AHLI_UTAMA: ("IV/d", "IV/e"),
    Jenjang.PEMULA: ("II/a",),
    Jenjang.TERAMPIL: ("II/b", "II/c", "II/d"),
    Jenjang.MAHIR: ("III/a", "III/b"),
    Jenjang.PENYELIA: ("III/c", "III/d"),
}


def _check_golongan(rep: _Reporter, plan: Rencana) -> None:
    """Warn when a PNS in a JF holds a golongan outside their jenjang's band.

    The bands are :data:`GOLONGAN_JENJANG` (PermenPANRB 1/2023). PPPK (golongan 1–17),
    Pelaksana and structural officials are not checked.
    """
    for i, p in enumerate(plan.pegawai):
        if p.status is not StatusASN.PNS or p.jenis is not JenisJabatan.JF:
            continue
        allowed = GOLONGAN_JENJANG.get(p.jenjang)
        if allowed is None or p.golongan in allowed:
            continue
        band = allowed[0] if len(allowed) == 1 else f"{allowed[0]}–{allowed[-1]}"
        rep.warn(
            skema.PEGAWAI,
            i,
            "golongan",
            "golongan_jenjang",
            f"golongan {p.golongan} tidak sesuai jenjang {p.jenjang} (seharusnya {band})",
        )


def _check_skp(rep: _Reporter, plan: Rencana) -> None:
    """SKP period of each person, their penilai, and the Tugas SK sheet."""
    for i, p in enumerate(plan.pegawai):
        if p.bulan_mulai > p.bulan_selesai:
            rep.add(
                skema.PEGAWAI,
                i,
                "bulan_mulai",
                "period_inverted",
                f"mulai bertugas bulan {p.bulan_mulai} sesudah selesai bertugas bulan "
                f"{p.bulan_selesai}",
            )
        if p.penilai == p.nip:
            rep.add(
                skema.PEGAWAI,
                i,
                "penilai",
                "self_assessor",
                "pejabat penilai tidak boleh pegawai itu sendiri",
            )
    staff = plan.pegawai_by_nip()
    activities = {k.code: k for k in plan.kegiatan}
    for i, pin in enumerate(plan.penetapan):
        person = staff.get(pin.nip)
        act = activities.get(pin.kegiatan) if pin.kegiatan else None
        if person is None or act is None or pin.peran is Peran.DILARANG:
            continue
        if act.bulan_mulai < person.bulan_mulai or act.bulan_selesai > person.bulan_selesai:
            rep.warn(
                skema.PENETAPAN,
                i,
                "kegiatan",
                "outside_period",
                f"kegiatan '{act.code}' berjalan bulan {act.bulan_mulai}–{act.bulan_selesai}, "
                f"di luar masa tugas pegawai (bulan {person.bulan_mulai}–"
                f"{person.bulan_selesai})",
            )
    _unknown(rep, skema.TUGAS_SK, plan.tugas_sk, "nip", set(staff), "Pegawai", "unknown_nip")
    _check_hasil_anggota(rep, plan)
    _duplicates(
        rep,
        skema.TUGAS_SK,
        [(t.nip, t.uraian) for t in plan.tugas_sk],
        "Tugas SK",
        "duplicate_code",
    )


def _check_hasil_anggota(rep: _Reporter, plan: Rencana) -> None:
    """Hasil Anggota rows name a known person and activity, once per (NIP, kegiatan)."""
    staff = {p.nip for p in plan.pegawai}
    acts = {k.code for k in plan.kegiatan}
    rows = plan.hasil_anggota
    _unknown(rep, skema.HASIL_ANGGOTA, rows, "nip", staff, "Pegawai", "unknown_nip")
    _unknown(rep, skema.HASIL_ANGGOTA, rows, "kegiatan", acts, "Kegiatan", "unknown_activity")
    _duplicates(
        rep,
        skema.HASIL_ANGGOTA,
        [(h.nip, h.kegiatan) for h in rows],
        "Hasil Anggota",
        "duplicate_code",
    )
