"""The ABK form per jabatan and jenjang (formulir analisis beban kerja), from an allocation.

The ABK is filed per jabatan **and** jenjang (Permenpan RB 1/2020; ``docs/domain``: one
form per jabatan-jenjang, e.g. "Analis SDM Aparatur Ahli Muda"), one row per task::

    No | Uraian tugas | Satuan hasil | Waktu penyelesaian (jam/satuan)
       | Waktu kerja efektif (jam) | Beban kerja (volume/tahun) | Pegawai yang dibutuhkan (orang)

with pegawai = volume × waktu penyelesaian ÷ waktu kerja efektif, the sum, and the sum
rounded to whole persons beside the present staff (bezetting).

Where the rows come from (decisions, also in ``docs/laporan.md``):

- **Activities** (``sumber = "kegiatan"``): for each effort line
  (:class:`~sistemkerja.domain.kegiatan.BebanKegiatan`: activity, jabatan, jenjang_min),
  the hours the allocation gives to people of one jabatan-jenjang, divided by the line's
  norma waktu, are that jabatan-jenjang's volume of the task. The jabatan and jenjang are
  the *person's* (a line done by people of two jenjang appears in both forms, with the
  share each did). People from outside the unit count too: their work is the unit's
  workload, and the need it shows is the unit's.
- **Leading a team** (``sumber = "ketua_tim"``): ``Kebijakan.jam_ketua`` hours per team
  led, satuan "Tim", volume = teams led by people of that jabatan-jenjang; no row when
  ``jam_ketua`` is 0.
- **Committed hours** (``sumber = "jam_terikat"``): hours the unit's own JF and
  Pelaksana staff already owe to other work this year (``Pegawai.committed_hours``),
  satuan "Jam", norma 1 jam; they are workload of the position, and
  :func:`~sistemkerja.analisis.beban_pegawai` counts them in each person's EJ as well.
  Outsiders' committed hours belong to their own unit; a structural official's (the
  unit head's) are not analysed from activities and are left out.

A jabatan-jenjang has a form when it has a task row, or when the unit has staff in it
who are not structural officials (an idle JF shows as a form with no tasks and need 0).
Structural positions without work in the plan (the unit head) have no form: their
workload is not analysed from activities.

**Whole persons** (:func:`pegawai_bulat`): the sum rounded half up, at least 1 when there
is any workload (5,14 → 5; 5,5 → 6; 0,22 → 1; 0 → 0). **Bezetting** is the headcount of
the unit's own staff in that jabatan-jenjang, not prorated for part-year staff (the form
counts people; part-year capacity shows in each person's EJ). EJ = workload ÷
(bezetting × jam kerja efektif), its category from the plan's band table
(``Kebijakan.kategori_ej``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from sistemkerja.analisis._indeks import TOLERANSI, indeks, label_jabatan
from sistemkerja.analisis.beban import abk_kategori
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal, JenisJabatan, Jenjang
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.rencana import Rencana

__all__ = [
    "KOLOM_ABK_JENJANG",
    "KOLOM_ABK_TUGAS",
    "SUMBER_JAM_TERIKAT",
    "SUMBER_KEGIATAN",
    "SUMBER_KETUA_TIM",
    "abk_jenjang",
    "abk_tugas",
    "pegawai_bulat",
]

SUMBER_KEGIATAN, SUMBER_KETUA_TIM, SUMBER_JAM_TERIKAT = "kegiatan", "ketua_tim", "jam_terikat"
"""Where a task row of :func:`abk_tugas` comes from."""

URAIAN_KETUA = "Memimpin dan mengoordinasikan tim kerja"
"""Uraian tugas of the Ketua Tim row."""
URAIAN_TERIKAT = "Tugas lain di luar rencana kinerja unit (jam terikat)"
"""Uraian tugas of the committed-hours row."""

KOLOM_ABK_TUGAS: tuple[str, ...] = (
    "jabatan",
    "jenjang",
    "nama_jabatan",
    "no",
    "kegiatan",
    "uraian_tugas",
    "satuan_hasil",
    "norma_waktu",
    "jam_efektif",
    "volume",
    "jam",
    "pegawai_dibutuhkan",
    "sumber",
)
"""Columns of :func:`abk_tugas`, in order."""

KOLOM_ABK_JENJANG: tuple[str, ...] = (
    "jabatan",
    "jenjang",
    "nama_jabatan",
    "jumlah_tugas",
    "jam_kebutuhan",
    "kebutuhan_pegawai",
    "kebutuhan_bulat",
    "bezetting",
    "selisih_orang",
    "ej",
    "kategori",
    "predikat",
)
"""Columns of :func:`abk_jenjang`, in order."""


def pegawai_bulat(kebutuhan: float) -> int:
    """Round staff needed to whole persons: half up, at least 1 when there is any need.

    Parameters
    ----------
    kebutuhan : float
        Staff needed (orang), ≥ 0.

    Returns
    -------
    int
        Whole persons (orang). A need within 1e-9 of 0 is 0; a value reached as
        5.4999999999 by float arithmetic counts as 5.5.

    Examples
    --------
    >>> [pegawai_bulat(x) for x in (0.0, 0.22, 1.49, 5.14, 5.5)]
    [0, 1, 1, 5, 6]
    """
    if math.isnan(kebutuhan) or kebutuhan <= TOLERANSI:
        return 0
    return max(1, math.floor(kebutuhan + 0.5 + TOLERANSI))


@dataclass(frozen=True, slots=True)
class _Baris:
    kegiatan: str | None
    uraian: str
    satuan: str
    norma: float
    sumber: str


def _kunci_jenjang(plan: Rencana) -> list[tuple[str, Jenjang]]:
    """Return the forms' keys in order.

    Jabatan in the order of the Beban Kegiatan sheet, then the Pegawai sheet; jenjang in
    the order of :class:`~sistemkerja.domain.enums.Jenjang`.
    """
    jabatan: dict[str, int] = {}
    for b in plan.beban:
        jabatan.setdefault(b.jabatan, len(jabatan))
    for pg in plan.pegawai:
        jabatan.setdefault(pg.jabatan, len(jabatan))
    urutan = {j: i for i, j in enumerate(Jenjang)}
    kunci = {(pg.jabatan, pg.jenjang) for pg in plan.pegawai}
    return sorted(kunci, key=lambda k: (jabatan[k[0]], urutan[k[1]]))


def abk_tugas(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Return the per-task rows of the ABK form of every jabatan-jenjang.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per task of one jabatan-jenjang (see the module notes for which tasks),
        forms in the order of :func:`abk_jenjang`, tasks in the order of the Beban
        Kegiatan sheet, then the Ketua Tim row, then the committed-hours row:

        - ``jabatan``, ``jenjang`` (label), ``nama_jabatan`` (``"Perencana Ahli Muda"``,
          ``"Pengadministrasi Perkantoran (Klerek)"``);
        - ``no`` — 1.. within the form;
        - ``kegiatan`` — activity code (``<NA>`` for the Ketua Tim and committed rows);
        - ``uraian_tugas`` — the activity's name (or the row's fixed wording);
        - ``satuan_hasil`` — the activity's unit of output (``"Tim"``, ``"Jam"``);
        - ``norma_waktu`` — waktu penyelesaian (jam per satuan);
        - ``jam_efektif`` — waktu kerja efektif (jam/tahun), ``Kebijakan.jam_efektif``;
        - ``volume`` — beban kerja (satuan per tahun) = ``jam / norma_waktu``;
        - ``jam`` — hours (jam) = ``volume × norma_waktu``;
        - ``pegawai_dibutuhkan`` — ``volume × norma_waktu / jam_efektif`` (orang);
        - ``sumber`` — ``"kegiatan"``, ``"ketua_tim"`` or ``"jam_terikat"``.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    wke = plan.kebijakan.jam_efektif
    jam: dict[tuple[str, Jenjang], dict[_Baris, float]] = defaultdict(lambda: defaultdict(float))
    urutan_beban = {(b.kegiatan, b.jabatan, b.jenjang_min): i for i, b in enumerate(plan.beban)}
    urut: dict[_Baris, float] = {}
    for p in alokasi.penugasan:
        beban = ix.beban[(p.kegiatan, p.jabatan, p.jenjang_min)]
        if p.jam <= 0 or beban.norma_waktu <= 0:
            continue
        kegiatan = ix.kegiatan[p.kegiatan]
        pg = ix.pegawai[p.nip]
        baris = _Baris(
            p.kegiatan, kegiatan.name, kegiatan.satuan, beban.norma_waktu, SUMBER_KEGIATAN
        )
        urut.setdefault(baris, urutan_beban[(p.kegiatan, p.jabatan, p.jenjang_min)])
        jam[(pg.jabatan, pg.jenjang)][baris] += p.jam
    jam_ketua = plan.kebijakan.jam_ketua
    if jam_ketua > 0:
        ketua = _Baris(None, URAIAN_KETUA, "Tim", jam_ketua, SUMBER_KETUA_TIM)
        urut[ketua] = len(urutan_beban)
        for pemimpin in ix.ketua.values():
            for nip in pemimpin:
                pg = ix.pegawai[nip]
                jam[(pg.jabatan, pg.jenjang)][ketua] += jam_ketua
    terikat = _Baris(None, URAIAN_TERIKAT, "Jam", 1.0, SUMBER_JAM_TERIKAT)
    urut[terikat] = len(urutan_beban) + 1
    for pg in plan.pegawai:
        if (
            plan.asal(pg) is Asal.UNIT
            and pg.jenis is not JenisJabatan.STRUKTURAL
            and pg.committed_hours > 0
        ):
            jam[(pg.jabatan, pg.jenjang)][terikat] += pg.committed_hours
    contoh = _contoh_pegawai(plan)
    rows = []
    for kunci in _kunci_jenjang(plan):
        tugas = jam.get(kunci, {})
        for no, baris in enumerate(sorted(tugas, key=lambda b: urut[b]), start=1):
            j = tugas[baris]
            volume = j / baris.norma
            rows.append(
                (
                    kunci[0],
                    kunci[1].value,
                    label_jabatan(contoh[kunci]),
                    no,
                    pd.NA if baris.kegiatan is None else baris.kegiatan,
                    baris.uraian,
                    baris.satuan,
                    float(baris.norma),
                    float(wke),
                    float(volume),
                    float(j),
                    volume * baris.norma / wke,
                    baris.sumber,
                )
            )
    df = pd.DataFrame(rows, columns=list(KOLOM_ABK_TUGAS))
    df = df.astype({"no": "int64", "kegiatan": "string"})
    df.attrs["kategori_ej"] = plan.kebijakan.kategori_ej
    return df


def _contoh_pegawai(plan: Rencana) -> dict[tuple[str, Jenjang], Pegawai]:
    """Return one person of each jabatan-jenjang (for the position's label)."""
    found: dict[tuple[str, Jenjang], Pegawai] = {}
    for pg in plan.pegawai:
        found.setdefault((pg.jabatan, pg.jenjang), pg)
    return found


def abk_jenjang(plan: Rencana, alokasi: Alokasi, tugas: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the ABK recap per jabatan and jenjang: whole persons, bezetting, difference.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.
    tugas : pandas.DataFrame, optional
        :func:`abk_tugas` of the same plan and allocation (computed when omitted).

    Returns
    -------
    pandas.DataFrame
        One row per jabatan-jenjang with a form (module notes), jabatan in the order of
        the Beban Kegiatan sheet then the Pegawai sheet, jenjang in the order of
        :class:`~sistemkerja.domain.enums.Jenjang`:

        - ``jabatan``, ``jenjang`` (label), ``nama_jabatan``;
        - ``jumlah_tugas`` — task rows of its form;
        - ``jam_kebutuhan`` — Σ hours of its tasks (jam);
        - ``kebutuhan_pegawai`` — Σ pegawai yang dibutuhkan (orang, unrounded);
        - ``kebutuhan_bulat`` — :func:`pegawai_bulat` of it (orang, whole);
        - ``bezetting`` — the unit's own staff in that jabatan-jenjang (orang);
        - ``selisih_orang`` — ``bezetting − kebutuhan_bulat`` (orang; negative = short);
        - ``ej`` — ``jam_kebutuhan / (bezetting × jam_efektif)``; NaN without bezetting;
        - ``kategori``, ``predikat`` — band of ``plan.kebijakan.kategori_ej``
          (``"-"`` when NaN).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    if tugas is None:
        tugas = abk_tugas(plan, alokasi)
    wke = plan.kebijakan.jam_efektif
    bezetting: dict[tuple[str, str], int] = defaultdict(int)
    struktural: dict[tuple[str, str], bool] = {}
    for pg in plan.pegawai:
        kunci = (pg.jabatan, pg.jenjang.value)
        if plan.asal(pg) is Asal.UNIT:
            bezetting[kunci] += 1
            struktural[kunci] = struktural.get(kunci, True) and (
                pg.jenis is JenisJabatan.STRUKTURAL
            )
    per = {k: g for k, g in tugas.groupby(["jabatan", "jenjang"], sort=False)}
    contoh = _contoh_pegawai(plan)
    rows = []
    for jabatan, jenjang in _kunci_jenjang(plan):
        kunci = (jabatan, jenjang.value)
        g = per.get(kunci)
        if g is None and (bezetting[kunci] == 0 or struktural.get(kunci, True)):
            continue
        jam = float(g["jam"].sum()) if g is not None else 0.0
        kebutuhan = float(g["pegawai_dibutuhkan"].sum()) if g is not None else 0.0
        bulat = pegawai_bulat(kebutuhan)
        orang = bezetting[kunci]
        ej = jam / (orang * wke) if orang else math.nan
        kategori, predikat = abk_kategori(ej, plan.kebijakan.kategori_ej)
        rows.append(
            (
                jabatan,
                jenjang.value,
                label_jabatan(contoh[(jabatan, jenjang)]),
                0 if g is None else len(g),
                jam,
                kebutuhan,
                bulat,
                orang,
                orang - bulat,
                ej,
                kategori,
                predikat,
            )
        )
    df = pd.DataFrame(rows, columns=list(KOLOM_ABK_JENJANG))
    df = df.astype(
        {
            "jumlah_tugas": "int64",
            "kebutuhan_bulat": "int64",
            "bezetting": "int64",
            "selisih_orang": "int64",
        }
    )
    df.attrs["kategori_ej"] = plan.kebijakan.kategori_ej
    return df
