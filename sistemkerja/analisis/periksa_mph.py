"""Checks an MPH reviewer makes on the results (domain §4, §9; issue findings 1–6).

:func:`periksa_mph` lists, in Indonesian, what keeps the Matriks Peran-Hasil and the RHK
from being filed: the same RHK for two members of a team, a JF/Pelaksana of the unit
without an RHK Utama, a target nobody reaches at level 1, a cell holding several
results, a target that is a sentence instead of a number with a unit, and an RHK
without the superior's RHK it should intervene in.
"""

from __future__ import annotations

import pandas as pd

from sistemkerja.analisis._indeks import indeks
from sistemkerja.analisis.kontribusi import KontribusiKegiatan
from sistemkerja.analisis.mph import kepala_unit, sel_level1, sel_level2
from sistemkerja.analisis.skp import susun_rhk
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import parse_target
from sistemkerja.domain.enums import JenisJabatan
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.target import JenisTarget, baca_target

GALAT, PERINGATAN = "galat", "peringatan"
"""Severity (``tingkat``): an error keeps the MPH from being filed; a warning asks a look."""

RHK_GANDA = "RHK ganda"
TANPA_RHK_UTAMA = "Tanpa RHK utama"
TIDAK_TERJANGKAU = "Target tanpa pemegang level 1"
SEL_GANDA = "Sel berisi beberapa hasil"
TARGET_KALIMAT = "Target bukan angka"
RANTAI_PUTUS = "RHK pimpinan tidak ada"
JENIS_PERIKSA: tuple[str, ...] = (
    RHK_GANDA,
    TANPA_RHK_UTAMA,
    TIDAK_TERJANGKAU,
    SEL_GANDA,
    TARGET_KALIMAT,
    RANTAI_PUTUS,
)
"""The kinds of finding (``jenis``), in the order they are listed."""

KOLOM_PERIKSA_MPH: tuple[str, ...] = (
    "jenis",
    "tingkat",
    "nip",
    "nama",
    "tim",
    "indikator",
    "pesan",
)
"""Columns of :func:`periksa_mph`, in order."""


def target_angka(teks: str) -> bool:
    """Whether a target text is a number with a unit (or a bare number), not a sentence.

    A predicate on a known scale (``"WTP"``, ``"A"``), as a PK writes it and as the
    holder of an undivided PK target keeps it, is a described level and counts too.
    """
    try:
        parse_target(teks)
    except ValueError:
        try:
            return baca_target(teks).jenis is JenisTarget.PREDIKAT
        except ValueError:
            return False
    return True


def periksa_mph(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Check the MPH results and RHK of a plan under an allocation.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per finding (empty when there is none), kinds in the order of
        :data:`JENIS_PERIKSA`:

        - ``jenis`` — the kind of finding;
        - ``tingkat`` — ``"galat"`` (keeps the MPH from being filed) or ``"peringatan"``;
        - ``nip``, ``nama`` — the person concerned (empty for a target);
        - ``tim`` — the team concerned (empty when none);
        - ``indikator`` — the target concerned (empty when none);
        - ``pesan`` — the finding explained in Indonesian.

        Kinds: ``"RHK ganda"`` (warning; the same RHK text for two or more members of one
        team, each also noted in :func:`~sistemkerja.analisis.rhk`'s ``catatan``),
        ``"Tanpa RHK utama"`` (warning; a JF or Pelaksana of the unit without an RHK
        Utama), ``"Target tanpa pemegang level 1"`` (error; an indicator or tugas
        tambahan nobody holds at level 1), ``"Sel berisi beberapa hasil"`` (error; a
        cell joining several results), ``"Target bukan angka"`` (error; an IKI target
        that is not a number with a unit) and ``"RHK pimpinan tidak ada"`` (error; an RHK
        whose team lacks the Ketua its strategy needs).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    kontrib = KontribusiKegiatan(ix)
    semua = susun_rhk(ix, kontrib)
    level1 = sel_level1(ix, kontrib, anggota_tanpa_ketua=True)
    level2 = sel_level2(ix, kontrib)
    temuan: dict[str, list[tuple[object, ...]]] = {j: [] for j in JENIS_PERIKSA}

    def nama(nip: str | None) -> str | None:
        return None if nip is None else ix.pegawai[nip].name

    for r in semua:
        s = r.sel
        for c in r.catatan:
            if c.startswith("RHK sama dengan"):
                temuan[RHK_GANDA].append((PERINGATAN, s.nip, nama(s.nip), s.tim, s.indikator, c))
        if r.rhk_pimpinan is None:
            temuan[RANTAI_PUTUS].append(
                (
                    GALAT,
                    s.nip,
                    nama(s.nip),
                    s.tim,
                    s.indikator,
                    f"RHK '{s.hasil}' tidak punya RHK pimpinan yang diintervensi: tim "
                    f"{ix.nama_tim(str(s.tim))} belum punya Ketua Tim yang diperlukan strateginya.",
                )
            )
        for i in r.iki:
            if not target_angka(i.target):
                temuan[TARGET_KALIMAT].append(
                    (
                        GALAT,
                        s.nip,
                        nama(s.nip),
                        s.tim,
                        s.indikator,
                        f"target IKI '{i.iki}' adalah '{i.target}', bukan angka dengan satuan.",
                    )
                )
    punya_utama = {r.sel.nip for r in semua if r.jenis == "Utama"}
    kepala = kepala_unit(plan)
    for pg in plan.pegawai:
        if pg.unit != plan.pk.unit or pg.jenis is JenisJabatan.STRUKTURAL:
            continue
        if kepala is not None and pg.nip == kepala.nip:
            continue
        if pg.nip not in punya_utama:
            temuan[TANPA_RHK_UTAMA].append(
                (
                    PERINGATAN,
                    pg.nip,
                    pg.name,
                    None,
                    None,
                    f"{pg.name} ({pg.jabatan}) belum punya RHK utama: beri peran dalam tim atau "
                    "kegiatan mandiri untuk salah satu indikator kinerja.",
                )
            )
    terjangkau = {str(s.indikator) for s in level1 if s.indikator is not None}
    for kode in ix.urutan_target():
        if kode not in terjangkau:
            t = ix.target[kode]
            temuan[TIDAK_TERJANGKAU].append(
                (
                    GALAT,
                    None,
                    None,
                    None,
                    kode,
                    f"{kode} ({t.name}) tidak dipegang siapa pun pada MPH level 1 (Ketua Tim, "
                    "pegawai mandiri, atau anggota tim tanpa Ketua).",
                )
            )
    for s in level1 + level2:
        if s.hasil and "; " in s.hasil:
            temuan[SEL_GANDA].append(
                (
                    GALAT,
                    s.nip,
                    nama(s.nip),
                    s.tim,
                    s.indikator,
                    f"sel MPH berisi beberapa hasil ('{s.hasil}'); satu sel memuat satu hasil.",
                )
            )
    baris = [(j, *t) for j in JENIS_PERIKSA for t in temuan[j]]
    return pd.DataFrame(baris, columns=list(KOLOM_PERIKSA_MPH))
