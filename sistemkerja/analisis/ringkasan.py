"""Plan-only summaries for the planning stages 1–3, before any allocation exists.

What the stage panels show while the plan is being written: counts of the PK
(:func:`ringkasan_pk`), the strategy per target (:func:`ringkasan_strategi`), the staff
and their hours (:func:`ringkasan_pegawai`, :func:`neraca_jam`), and the hours and
rupiah of every activity against the pagu (:func:`ringkasan_kegiatan`,
:func:`ringkasan_pagu`). None needs an :class:`~sistemkerja.domain.Alokasi`; the budget
here is *belanja* only (Σ volume × harga satuan of the budget lines), the personnel and
involvement costs of :func:`~sistemkerja.analisis.anggaran_pagu` come with an allocation.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.rencana import Rencana

DI_BAWAH, TEPAT, MELEBIHI = "di bawah pagu", "tepat pagu", "melebihi pagu"
"""Statuses of a pagu row in :func:`ringkasan_pagu`."""

BELUM_DIISI = "belum diisi"
"""Mode of a target without a row in the Strategi sheet."""

#: Rupiah differences below this count as equal (floating-point sums of lines).
TOLERANSI_RP = 0.5

KOLOM_RINGKASAN_KEGIATAN: tuple[str, ...] = (
    "kegiatan",
    "nama",
    "indikator",
    "tim",
    "bulan_mulai",
    "bulan_selesai",
    "jam",
    "belanja",
)
"""Columns of :func:`ringkasan_kegiatan`, in order."""

KOLOM_RINGKASAN_PAGU: tuple[str, ...] = (
    "level",
    "program",
    "giat",
    "kro",
    "ro",
    "uraian",
    "pagu",
    "belanja",
    "sisa",
    "persen",
    "status",
)
"""Columns of :func:`ringkasan_pagu`, in order."""

KOLOM_RINGKASAN_STRATEGI: tuple[str, ...] = (
    "target",
    "jenis",
    "uraian",
    "target_teks",
    "mode",
    "tim",
    "nama_tim",
    "perlu_ketua",
    "peran",
    "orang",
    "kegiatan",
)
"""Columns of :func:`ringkasan_strategi`, in order."""

KOLOM_RINGKASAN_PEGAWAI: tuple[str, ...] = (
    "asal",
    "jenis",
    "jenjang",
    "orang",
    "jam_kapasitas",
    "jam_terikat",
    "jam_tersedia",
)
"""Columns of :func:`ringkasan_pegawai`, in order."""


def ringkasan_pk(plan: Rencana) -> dict[str, float]:
    """Count the rows of the Perjanjian Kinerja sheets and total its pagu.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    dict of str to float
        ``sasaran``, ``indikator``, ``tugas_tambahan`` (rows of each sheet),
        ``indikator_tw`` (indicators with all four quarterly targets TW I–IV),
        ``pagu_kegiatan`` and ``pagu_ro`` (rows of the Pagu sheet at each level) and
        ``pagu_total`` (the unit's pagu, Σ Kegiatan-level ceilings, Rp).
    """
    with_tw = sum(1 for i in plan.indikator if all(t for t in i.target_tw))
    return {
        "sasaran": len(plan.sasaran),
        "indikator": len(plan.indikator),
        "tugas_tambahan": len(plan.tugas_tambahan),
        "indikator_tw": with_tw,
        "pagu_kegiatan": sum(1 for p in plan.pagu if not p.is_ro),
        "pagu_ro": sum(1 for p in plan.pagu if p.is_ro),
        "pagu_total": float(plan.pagu_total),
    }


def ringkasan_kegiatan(plan: Rencana) -> pd.DataFrame:
    """Hours and rupiah of every activity, from its effort and budget lines.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    pandas.DataFrame
        One row per activity of the Kegiatan sheet, in sheet order:

        - ``kegiatan``, ``nama``, ``indikator``, ``tim`` — code, name, target served and
          team (missing when worked individually);
        - ``bulan_mulai``, ``bulan_selesai`` — first and last month (1–12);
        - ``jam`` — Σ volume × norma waktu of its Beban Kegiatan lines (jam);
        - ``belanja`` — Σ volume × harga satuan of its Rincian Anggaran lines (Rp).
    """
    jam = plan.jam_kegiatan()
    belanja = plan.biaya_kegiatan()
    rows = [
        (
            k.code,
            k.name,
            k.indikator,
            k.tim,
            k.bulan_mulai,
            k.bulan_selesai,
            float(jam[k.code]),
            float(belanja[k.code]),
        )
        for k in plan.kegiatan
    ]
    return pd.DataFrame(rows, columns=list(KOLOM_RINGKASAN_KEGIATAN))


def _status(pagu: float, belanja: float) -> tuple[float, float, str]:
    sisa = pagu - belanja
    persen = belanja / pagu * 100 if pagu > 0 else float("nan")
    if abs(sisa) < TOLERANSI_RP:
        return sisa, persen, TEPAT
    return sisa, persen, DI_BAWAH if sisa > 0 else MELEBIHI


def ringkasan_pagu(plan: Rencana) -> pd.DataFrame:
    """Planned belanja against every pagu row and against the unit's pagu.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    pandas.DataFrame
        One row per row of the Pagu sheet, in sheet order, then one ``"Unit"`` row:

        - ``level`` — ``"Kegiatan"`` (RKA Kegiatan ceiling), ``"RO"`` or ``"Unit"``;
        - ``program``, ``giat``, ``kro``, ``ro`` — RKA-K/L codes (missing where not
          applicable);
        - ``uraian`` — description (the unit's name on the Unit row);
        - ``pagu`` — the ceiling (Rp); on the Unit row ``plan.pagu_total``;
        - ``belanja`` — Σ volume × harga satuan of the budget lines under the codes
          (Rp): all lines of the program and giat on a Kegiatan row, of the same KRO and
          RO as well on an RO row, every line on the Unit row;
        - ``sisa`` — ``pagu − belanja`` (Rp; negative when over);
        - ``persen`` — ``belanja / pagu × 100`` (%; NaN when the pagu is 0);
        - ``status`` — ``"di bawah pagu"``, ``"tepat pagu"`` (within Rp 0,5) or
          ``"melebihi pagu"``.
    """
    per_giat: dict[tuple[str, str], float] = defaultdict(float)
    per_ro: dict[tuple[str, str, str, str], float] = defaultdict(float)
    for a in plan.anggaran:
        per_giat[(a.program, a.giat)] += a.jumlah
        per_ro[(a.program, a.giat, a.kro, a.ro)] += a.jumlah
    rows = []
    for pg in plan.pagu:
        if pg.is_ro:
            belanja = per_ro.get((pg.program, pg.giat, pg.kro or "", pg.ro or ""), 0.0)
            level = "RO"
        else:
            belanja = per_giat.get((pg.program, pg.giat), 0.0)
            level = "Kegiatan"
        head = (level, pg.program, pg.giat, pg.kro, pg.ro, pg.name, float(pg.pagu))
        rows.append((*head, float(belanja), *_status(pg.pagu, belanja)))
    belanja = float(sum(a.jumlah for a in plan.anggaran))
    uraian = plan.unit.name if plan.unit is not None else plan.pk.unit
    pagu = float(plan.pagu_total)
    rows.append(("Unit", None, None, None, None, uraian, pagu, belanja, *_status(pagu, belanja)))
    return pd.DataFrame(rows, columns=list(KOLOM_RINGKASAN_PAGU))


def _jenjang_text(jenjang: object) -> str:
    return "" if jenjang is None else f" ≥ {jenjang}"


def ringkasan_strategi(plan: Rencana) -> pd.DataFrame:
    """How every target will be worked: mode, team, Ketua Tim and the roles it needs.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    pandas.DataFrame
        One row per target, indicators first then tugas tambahan, in sheet order:

        - ``target``, ``jenis`` (``"Indikator"`` / ``"Tugas tambahan"``), ``uraian``,
          ``target_teks`` (the target as written in the PK);
        - ``mode`` — ``"Tim"``, ``"Individu"`` or ``"belum diisi"`` (no Strategi row);
        - ``tim``, ``nama_tim`` — team code and name (missing when not by a team);
        - ``perlu_ketua`` — whether a Ketua Tim is needed (bool);
        - ``peran`` — the roles of the Kebutuhan Peran sheet, one per line:
          ``"Perencana ≥ Ahli Muda: 2 orang, asal Unit"`` (jam where given);
        - ``orang`` — Σ people asked for (orang);
        - ``kegiatan`` — number of activities serving the target.
    """
    strategi = plan.strategi_by_target()
    nama_tim = {t.code: t.name for t in plan.tim}
    peran: dict[str, list[str]] = defaultdict(list)
    orang: Counter[str] = Counter()
    for kp in plan.kebutuhan_peran:
        amount = []
        if kp.orang is not None:
            amount.append(f"{kp.orang} orang")
            orang[kp.indikator] += kp.orang
        if kp.jam is not None:
            amount.append(f"{format_angka(kp.jam)} jam")
        peran[kp.indikator].append(
            f"{kp.jabatan}{_jenjang_text(kp.jenjang_min)}: {', '.join(amount)}, asal {kp.asal}"
        )
    kegiatan = Counter(k.indikator for k in plan.kegiatan)
    rows = []
    targets = [("Indikator", t) for t in plan.indikator]
    targets += [("Tugas tambahan", t) for t in plan.tugas_tambahan]
    for jenis, t in targets:
        s = strategi.get(t.code)
        mode = BELUM_DIISI if s is None else str(s.mode)
        tim = None if s is None else s.tim
        rows.append(
            (
                t.code,
                jenis,
                t.name,
                t.target,
                mode,
                tim,
                None if tim is None else nama_tim.get(tim, tim),
                False if s is None else s.perlu_ketua,
                "\n".join(peran[t.code]),
                int(orang[t.code]),
                int(kegiatan[t.code]),
            )
        )
    return pd.DataFrame(rows, columns=list(KOLOM_RINGKASAN_STRATEGI))


def ringkasan_pegawai(plan: Rencana) -> pd.DataFrame:
    """Staff counted per origin, jenis and jenjang, with their hours.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    pandas.DataFrame
        One row per (asal, jenis, jenjang) present, ordered by origin (Unit, Lintas
        unit, Lintas instansi) then order of first appearance in the Pegawai sheet:

        - ``asal`` — ``"Unit"``, ``"Lintas unit"`` or ``"Lintas instansi"``;
        - ``jenis``, ``jenjang`` — kind and level of position;
        - ``orang`` — number of people (orang);
        - ``jam_kapasitas`` — Σ effective hours a year (jam; the Kebijakan default for
          those without their own);
        - ``jam_terikat`` — Σ hours already committed elsewhere (jam);
        - ``jam_tersedia`` — ``jam_kapasitas − jam_terikat`` (jam).
    """
    groups: dict[tuple[Asal, str, str], list[float]] = {}
    for pg in plan.pegawai:
        key = (plan.asal(pg), str(pg.jenis), str(pg.jenjang))
        acc = groups.setdefault(key, [0, 0.0, 0.0])
        acc[0] += 1
        acc[1] += plan.capacity(pg)
        acc[2] += pg.committed_hours
    order = sorted(groups, key=lambda k: k[0].rank)  # stable: first appearance within asal
    rows = [
        (
            str(k[0]),
            k[1],
            k[2],
            int(groups[k][0]),
            groups[k][1],
            groups[k][2],
            groups[k][1] - groups[k][2],
        )
        for k in order
    ]
    return pd.DataFrame(rows, columns=list(KOLOM_RINGKASAN_PEGAWAI)).astype(
        {"jam_kapasitas": float, "jam_terikat": float, "jam_tersedia": float}
    )


def neraca_jam(plan: Rencana) -> dict[str, float]:
    """Hours the staff have against the hours the activities need.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    dict of str to float
        ``orang`` and ``orang_unit`` (all staff in the Pegawai sheet, and those of the
        planning unit, orang); ``jam_kapasitas``, ``jam_terikat``, ``jam_tersedia``
        (Σ over all staff, jam; ``tersedia = kapasitas − terikat``) and
        ``jam_tersedia_unit`` (the planning unit's own staff only, jam);
        ``jam_kegiatan`` (Σ volume × norma waktu of every activity, jam);
        ``selisih`` (``jam_tersedia − jam_kegiatan``, jam; negative when the activities
        need more hours than the staff have) and ``persen`` (``jam_kegiatan /
        jam_tersedia × 100``, %; NaN without hours available).
    """
    kapasitas = terikat = tersedia_unit = 0.0
    orang_unit = 0
    for pg in plan.pegawai:
        cap = plan.capacity(pg)
        kapasitas += cap
        terikat += pg.committed_hours
        if plan.asal(pg) is Asal.UNIT:
            orang_unit += 1
            tersedia_unit += cap - pg.committed_hours
    tersedia = kapasitas - terikat
    kegiatan = float(sum(plan.jam_kegiatan().values()))
    return {
        "orang": float(len(plan.pegawai)),
        "orang_unit": float(orang_unit),
        "jam_kapasitas": kapasitas,
        "jam_terikat": terikat,
        "jam_tersedia": tersedia,
        "jam_tersedia_unit": tersedia_unit,
        "jam_kegiatan": kegiatan,
        "selisih": tersedia - kegiatan,
        "persen": kegiatan / tersedia * 100 if tersedia > 0 else float("nan"),
    }
