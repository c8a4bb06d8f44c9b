"""The optimiser's input: plain index sets and numbers derived from a plan (no PuLP).

Everything the model needs (who may do which effort line, hours and cost per person,
which people may join or lead a team, budget charges) is computed here once, so the
model builder, the greedy warm start and the infeasibility pre-checks share one truth.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sistemkerja.domain.enums import Asal, JenisJabatan, Jenjang, Mode, Peran
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.kegiatan import BebanKegiatan, Kegiatan
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.rencana import Rencana

BudgetKey = tuple[str | None, str | None, str | None, str | None]
"""(program, giat, kro, ro); kro/ro ``None`` for a Kegiatan-level pagu."""


@dataclass(frozen=True, slots=True)
class Baris:
    """One effort line to cover: a role of an activity with its hours.

    Parameters
    ----------
    index : int
        Position of the line in ``plan.beban``.
    beban : BebanKegiatan
        The effort line.
    kegiatan : Kegiatan
        Its activity.
    jam : float
        Hours needed (volume × norma waktu), jam.
    """

    index: int
    beban: BebanKegiatan
    kegiatan: Kegiatan
    jam: float

    @property
    def tim(self) -> str | None:
        """Team running the activity, ``None`` for individual work."""
        return self.kegiatan.tim


@dataclass(frozen=True, slots=True)
class Kebutuhan:
    """A team's need for a number of people of one kind (from Kebutuhan Peran).

    Parameters
    ----------
    tim : str
        Team code.
    indikator : str
        Indicator the need was stated for.
    jabatan : str
        Position family.
    jenjang_min : Jenjang or None
        Minimum jenjang.
    orang : int
        People needed (orang).
    calon : tuple of str
        NIPs of the people who qualify and may join the team.
    """

    tim: str
    indikator: str
    jabatan: str
    jenjang_min: Jenjang | None
    orang: int
    calon: tuple[str, ...]


@dataclass(slots=True)
class Masukan:
    """Index sets and coefficients of the allocation model.

    Attributes
    ----------
    plan : Rencana
        The plan (never mutated).
    pegawai : dict of str to Pegawai
        Everyone who could work, by NIP (plan order).
    tersedia : dict of str to float
        Hours available per person = capacity − committed hours (jam, ≥ 0).
    kapasitas : dict of str to float
        Effective capacity per person (jam).
    maks_tim : dict of str to int
        Most teams per person (tim): ``Pegawai.maks_tim`` when lower than the policy's
        ``max_tim_per_pegawai``.
    asal : dict of str to Asal
        Origin of each person.
    baris : list of Baris
        Effort lines with hours > 0 (team and individual).
    jam : dict of (str, int) to float
        Hours person ``p`` needs for the whole of line ``r`` (jam); keys are the
        eligible pairs.
    biaya : dict of (str, int) to float
        Cost if ``p`` does the whole of line ``r`` (Rp).
    layak : dict of int to list of str
        Eligible NIPs per line index.
    kegiatan_individu : dict of str to list of int
        Individual activities: their line indices.
    pembawa : dict of str to list of str
        Individual activities: NIPs eligible for every line (who can carry it whole).
    tim : list of str
        Teams with work (hours > 0), plan order.
    calon_anggota : dict of str to list of str
        Per team, NIPs eligible for at least one of its lines (and not forbidden).
    perlu_ketua : dict of str to bool
        Per team, whether it needs a Ketua Tim.
    calon_ketua : dict of str to list of str
        Per team needing a Ketua: members' candidates with an eligible jenjang.
    kebutuhan : list of Kebutuhan
        People-count needs per team.
    beban_kegiatan_rka : dict of BudgetKey to float
        Fixed budget lines per pagu key (Rp) — Kegiatan-level keys sum all ROs.
    pagu : dict of BudgetKey to float
        Ceilings (Rp).
    pagu_unit : float or None
        The unit's total pagu (Rp), ``None`` when the plan has no pagu.
    belanja_total : float
        Σ of all budget lines (Rp).
    pembebanan : dict of str to list of BudgetKey
        Per activity, the pagu keys its personnel cost is charged to (its largest RO
        and that RO's Kegiatan).
    pin_ketua, pin_anggota : set of (str, str)
        (nip, team) pins.
    pin_jam : dict of (str, str) to float
        (nip, activity) → fixed hours.
    """

    plan: Rencana
    pegawai: dict[str, Pegawai] = field(default_factory=dict)
    tersedia: dict[str, float] = field(default_factory=dict)
    kapasitas: dict[str, float] = field(default_factory=dict)
    maks_tim: dict[str, int] = field(default_factory=dict)
    asal: dict[str, Asal] = field(default_factory=dict)
    baris: list[Baris] = field(default_factory=list)
    jam: dict[tuple[str, int], float] = field(default_factory=dict)
    biaya: dict[tuple[str, int], float] = field(default_factory=dict)
    layak: dict[int, list[str]] = field(default_factory=dict)
    kegiatan_individu: dict[str, list[int]] = field(default_factory=dict)
    pembawa: dict[str, list[str]] = field(default_factory=dict)
    tim: list[str] = field(default_factory=list)
    calon_anggota: dict[str, list[str]] = field(default_factory=dict)
    perlu_ketua: dict[str, bool] = field(default_factory=dict)
    calon_ketua: dict[str, list[str]] = field(default_factory=dict)
    kebutuhan: list[Kebutuhan] = field(default_factory=list)
    beban_kegiatan_rka: dict[BudgetKey, float] = field(default_factory=dict)
    pagu: dict[BudgetKey, float] = field(default_factory=dict)
    pagu_unit: float | None = None
    belanja_total: float = 0.0
    pembebanan: dict[str, list[BudgetKey]] = field(default_factory=dict)
    pin_ketua: set[tuple[str, str]] = field(default_factory=set)
    pin_anggota: set[tuple[str, str]] = field(default_factory=set)
    pin_jam: dict[tuple[str, str], float] = field(default_factory=dict)

    by_index: dict[int, Baris] = field(default_factory=dict)

    @property
    def baris_by_index(self) -> dict[int, Baris]:
        """Effort lines keyed by their index in ``plan.beban`` (built once)."""
        if len(self.by_index) != len(self.baris):
            self.by_index = {b.index: b for b in self.baris}
        return self.by_index

    def charges(self, cost_by_activity: dict[str, float]) -> dict[BudgetKey, float]:
        """Personnel cost per pagu key, charging each activity's cost as the model does.

        Parameters
        ----------
        cost_by_activity : dict of str to float
            Cost per activity code (Rp).

        Returns
        -------
        dict of BudgetKey to float
            Cost charged to each RO and Kegiatan pagu (Rp).
        """
        per_key: dict[BudgetKey, float] = defaultdict(float)
        for code, keys in self.pembebanan.items():
            for key in keys:
                per_key[key] += cost_by_activity.get(code, 0.0)
        return per_key

    def baris_tim(self, tim: str) -> list[Baris]:
        """Effort lines of a team's activities."""
        return [b for b in self.baris if b.tim == tim]


def allowed_origin(plan: Rencana) -> dict[tuple[str, str], Asal]:
    """Farthest origin allowed per (target code, jabatan), from Kebutuhan Peran.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    dict of (str, str) to Asal
        Missing pairs allow only the unit's own staff. When the policy forbids
        cross-agency members, ``LINTAS_INSTANSI`` is lowered to ``LINTAS_UNIT``.
    """
    allowed: dict[tuple[str, str], Asal] = {}
    for k in plan.kebutuhan_peran:
        key = (k.indikator, k.jabatan)
        asal = k.asal
        if asal is Asal.LINTAS_INSTANSI and not plan.kebijakan.lintas_instansi:
            asal = Asal.LINTAS_UNIT
        if key not in allowed or asal.rank > allowed[key].rank:
            allowed[key] = asal
    return allowed


def boleh_bertugas(p: Pegawai, kebijakan: Kebijakan) -> bool:
    """Whether a person may join teams and carry activity hours at all.

    A structural official (``JenisJabatan.STRUKTURAL``: the unit head, JPT) leads the unit
    through the Ketua Tim and is no ordinary member, unless
    ``kebijakan.struktural_anggota`` allows it; JF and Pelaksana always may.

    Parameters
    ----------
    p : Pegawai
        The person.
    kebijakan : Kebijakan
        The agency's policy.

    Returns
    -------
    bool
        ``False`` for a structural official when the policy does not allow it.
    """
    return p.jenis is not JenisJabatan.STRUKTURAL or kebijakan.struktural_anggota


def qualifies(p: Pegawai, jabatan: str, jenjang_min: Jenjang | None) -> bool:
    """Whether a person has the jabatan and at least the jenjang of a role."""
    if p.jabatan != jabatan:
        return False
    return jenjang_min is None or p.jenjang.at_least(jenjang_min)


def build_masukan(plan: Rencana) -> Masukan:
    """Derive the optimiser's index sets and coefficients from a valid plan.

    Parameters
    ----------
    plan : Rencana
        A plan without validation errors.

    Returns
    -------
    Masukan
        The model input.
    """
    m = Masukan(plan=plan)
    for p in plan.pegawai:
        m.pegawai[p.nip] = p
        m.kapasitas[p.nip] = plan.capacity(p)
        m.maks_tim[p.nip] = plan.maks_tim(p)
        m.tersedia[p.nip] = plan.jam_tersedia(p)
        m.asal[p.nip] = plan.asal(p)

    kegiatan = {k.code: k for k in plan.kegiatan}
    allowed = allowed_origin(plan)
    forbidden = {(x.nip, x.kegiatan) for x in plan.penetapan if x.peran is Peran.DILARANG}
    not_member = {(x.nip, x.tim) for x in plan.penetapan if x.peran is Peran.BUKAN_ANGGOTA}
    overrides = {(x.nip, x.kegiatan): x for x in plan.penyesuaian}

    by_jabatan: dict[str, list[Pegawai]] = defaultdict(list)
    for p in plan.pegawai:
        if boleh_bertugas(p, plan.kebijakan):  # no line, so no team and no hours
            by_jabatan[p.jabatan].append(p)
    # People with a role's jabatan, jenjang and an allowed origin, per distinct role.
    qualified: dict[tuple[str, Jenjang | None, Asal], list[Pegawai]] = {}
    for r, b in enumerate(plan.beban):
        keg = kegiatan.get(b.kegiatan)
        if keg is None or b.jam <= 0:
            continue
        line = Baris(r, b, keg, b.jam)
        m.baris.append(line)
        origin = allowed.get((keg.indikator, b.jabatan), Asal.UNIT)
        role = (b.jabatan, b.jenjang_min, origin)
        if role not in qualified:
            qualified[role] = [
                p
                for p in by_jabatan.get(b.jabatan, ())
                if qualifies(p, b.jabatan, b.jenjang_min) and m.asal[p.nip].rank <= origin.rank
            ]
        eligible = []
        for p in qualified[role]:
            nip = p.nip
            if (nip, keg.code) in forbidden:
                continue
            if keg.tim is not None and (nip, keg.tim) in not_member:
                continue
            over = overrides.get((nip, keg.code))
            hours = over.jam if over is not None and over.jam is not None else b.jam
            if over is not None and over.biaya is not None:
                cost = over.biaya
            else:
                cost = hours * p.hourly_cost
            m.jam[(nip, r)] = hours
            m.biaya[(nip, r)] = cost
            eligible.append(nip)
        m.layak[r] = eligible

    _teams_and_individuals(m)
    _needs(m, allowed)
    _budget(m, kegiatan)
    for x in plan.penetapan:
        if x.peran is Peran.KETUA and x.tim:
            m.pin_ketua.add((x.nip, x.tim))
            m.pin_anggota.add((x.nip, x.tim))
        elif x.peran is Peran.ANGGOTA and x.tim:
            m.pin_anggota.add((x.nip, x.tim))
        elif x.peran is Peran.JAM_TETAP and x.kegiatan and x.jam is not None:
            m.pin_jam[(x.nip, x.kegiatan)] = x.jam
    return m


def _teams_and_individuals(m: Masukan) -> None:
    plan = m.plan
    by_activity: dict[str, list[int]] = defaultdict(list)
    for line in m.baris:
        by_activity[line.kegiatan.code].append(line.index)
    candidates: dict[str, set[str]] = defaultdict(set)
    for line in m.baris:
        if line.tim is None:
            continue
        candidates[line.tim].update(m.layak[line.index])
    need = plan.tim_perlu_ketua()
    team_order = [t.code for t in plan.tim]
    with_work = {line.tim for line in m.baris if line.tim is not None}
    m.tim = [t for t in team_order if t in with_work]
    eligible_jenjang = set(plan.kebijakan.ketua_jenjang)
    for t in m.tim:
        m.calon_anggota[t] = [nip for nip in m.pegawai if nip in candidates[t]]
        m.perlu_ketua[t] = need.get(t, False)
        if m.perlu_ketua[t]:
            m.calon_ketua[t] = [
                nip for nip in m.calon_anggota[t] if m.pegawai[nip].jenjang in eligible_jenjang
            ]
    for k in plan.kegiatan:
        if k.tim is None and by_activity.get(k.code):
            lines = by_activity[k.code]
            m.kegiatan_individu[k.code] = lines
            common = set(m.layak[lines[0]])
            for r in lines[1:]:
                common &= set(m.layak[r])
            m.pembawa[k.code] = [nip for nip in m.pegawai if nip in common]


def _needs(m: Masukan, allowed: dict[tuple[str, str], Asal]) -> None:
    strategies = m.plan.strategi_by_target()
    for k in m.plan.kebutuhan_peran:
        s = strategies.get(k.indikator)
        if s is None or s.mode is not Mode.TIM or s.tim not in m.calon_anggota or not k.orang:
            continue
        origin = allowed.get((k.indikator, k.jabatan), Asal.UNIT)
        calon = tuple(
            nip
            for nip in m.calon_anggota[s.tim]
            if qualifies(m.pegawai[nip], k.jabatan, k.jenjang_min)
            and m.asal[nip].rank <= origin.rank
        )
        m.kebutuhan.append(Kebutuhan(s.tim, k.indikator, k.jabatan, k.jenjang_min, k.orang, calon))


def _budget(m: Masukan, kegiatan: dict[str, Kegiatan]) -> None:
    plan = m.plan
    for p in plan.pagu:
        if p.berkode:  # a ceiling without codes matches no budget line: it bounds nothing
            m.pagu[p.key] = p.pagu
    if plan.pagu:
        m.pagu_unit = plan.pagu_total
    per_activity_ro: dict[str, dict[BudgetKey, float]] = defaultdict(lambda: defaultdict(float))
    for a in plan.anggaran:
        m.belanja_total += a.jumlah
        giat: BudgetKey = (a.program, a.giat, None, None)
        ro: BudgetKey = (a.program, a.giat, a.kro, a.ro)
        m.beban_kegiatan_rka[giat] = m.beban_kegiatan_rka.get(giat, 0.0) + a.jumlah
        m.beban_kegiatan_rka[ro] = m.beban_kegiatan_rka.get(ro, 0.0) + a.jumlah
        per_activity_ro[a.kegiatan][ro] += a.jumlah
    for code in kegiatan:
        ros = per_activity_ro.get(code)
        if not ros:
            m.pembebanan[code] = []
            continue
        ro = max(ros, key=lambda key: ros[key])
        keys = [key for key in (ro, (ro[0], ro[1], None, None)) if key in m.pagu]
        m.pembebanan[code] = keys
