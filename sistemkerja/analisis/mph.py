"""Matriks Peran-Hasil (MPH): who delivers which result for which indicator (domain §4).

- **Two levels (penyelarasan dua tingkat)**, first matrix, :func:`mph_level1`: columns =
  the unit head's indicators (grouped under their sasaran) and tugas tambahan; rows = the
  unit head (the PK targets), every Ketua Tim once however many teams they lead, every
  person who works a target *mandiri*, and the members of a team that works without a
  Ketua by strategy (they answer to the unit head directly). Then one matrix per team,
  :func:`mph_level2`: columns = the Ketua's results, rows = the members.
- **One level (penyelarasan satu tingkat)**, :func:`mph_satu_tingkat`: rows = the unit
  head and every employee of the unit (plus staff assigned here from elsewhere).

Each cell holds **one** result in *bahasa hasil* and becomes one RHK; numbers never go
into a result (they are the targets of the individual indicators, see
:func:`~sistemkerja.analisis.iki`). A result the planner wrote (``Kegiatan.hasil``,
``Strategi.hasil_ketua``) is used as written. All frames are tidy (one row per cell);
:func:`mph_matriks` pivots them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, indeks, label_jabatan
from sistemkerja.analisis.bahasa import bahasa_hasil, hasil_indikator
from sistemkerja.analisis.kontribusi import ANGKA, PENDUKUNG, KontribusiKegiatan
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import JenisJabatan
from sistemkerja.domain.kegiatan import Kegiatan
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.pk import Indikator
from sistemkerja.domain.rencana import Rencana

KETUA, ANGGOTA, MANDIRI, PIMPINAN = "Ketua Tim", "Anggota", "Mandiri", "Pimpinan Unit"
"""Role labels in the MPH."""

PERENCANA, OTOMATIS = "perencana", "otomatis"
"""Where a result comes from (``sumber``): written by the planner, or generated."""


@dataclass(frozen=True, slots=True)
class Sel:
    """One MPH cell before it becomes a DataFrame row (also feeds RHK, IKI and cascade).

    ``porsi`` is the Σ of the rounded angka shares behind the cell (the whole team's for
    a Ketua, the person's own otherwise; NaN when none is above zero), in the unit of
    ``satuan``; ``utama`` is the activity whose result the cell shows (``None`` when the
    cell is the Ketua's or mandiri person's result for the whole target).
    """

    nip: str
    peran: str
    tim: str | None
    indikator: str | None
    hasil: str | None
    jenis_kontribusi: str | None
    porsi: float
    porsi_mentah: float
    satuan: str | None
    kegiatan: tuple[str, ...]
    jam: float = 0.0
    hasil_ketua: str | None = None
    ketua: bool = False
    sumber: str | None = None
    catatan: str | None = None
    utama: str | None = None
    tingkat: int = 1


def ketua_tim(nama_tim: str) -> str:
    """Role label of a team's Ketua: "Ketua Tim Data", not "Ketua Tim Tim Data"."""
    if nama_tim.casefold().startswith("tim "):
        return f"Ketua {nama_tim}"
    return f"{KETUA} {nama_tim}"


def anggota_tim(nama_tim: str) -> str:
    """Role label of a member of a team without a Ketua: "Anggota Tim Data"."""
    if nama_tim.casefold().startswith("tim "):
        return f"{ANGGOTA} {nama_tim}"
    return f"{ANGGOTA} Tim {nama_tim}"


def peran_ketua(peran: object) -> bool:
    """Whether an MPH role label is a Ketua Tim's (made by :func:`ketua_tim`)."""
    return str(peran).casefold().startswith("ketua ")


def hasil_pribadi(plan: Rencana, nip: str, kegiatan: Sequence[str]) -> str | None:
    """Return a person's own written result on some activities (the Hasil Anggota sheet).

    Parameters
    ----------
    plan : Rencana
        The plan.
    nip : str
        The person.
    kegiatan : sequence of str
        Activity codes behind one MPH cell, in order.

    Returns
    -------
    str or None
        The first written text among those activities, whitespace tidied; ``None`` when
        the planner wrote none for this person.
    """
    tulisan = {(h.nip, h.kegiatan): h.hasil for h in plan.hasil_anggota}
    for kode in kegiatan:
        teks = tulisan.get((nip, kode))
        if teks and teks.strip():
            return " ".join(teks.split())
    return None


def hasil_kegiatan(kegiatan: Kegiatan) -> tuple[str, str]:
    """Return an activity's result and its source: the planner's text, else generated."""
    if kegiatan.hasil and kegiatan.hasil.strip():
        return " ".join(kegiatan.hasil.split()), PERENCANA
    return bahasa_hasil(kegiatan.name), OTOMATIS


def hasil_target(ix: Indeks, kode: str) -> str:
    """Return the generated result for a whole target (a Ketua's intermediate outcome).

    An indicator gives :func:`~sistemkerja.analisis.bahasa.hasil_indikator`; a tugas
    tambahan, named by its activity, gives :func:`~sistemkerja.analisis.bahasa.bahasa_hasil`.
    """
    t = ix.target[kode]
    return hasil_indikator(t.name) if isinstance(t, Indikator) else bahasa_hasil(t.name)


def kepala_unit(plan: Rencana) -> Pegawai | None:
    """Return the unit head: the structural official of ``pk.unit`` (by name when several).

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    Pegawai or None
        The Pegawai whose jenis is Struktural and whose unit is the PK's unit; when
        several, the one named as pihak pertama of the PK (else the first); ``None``
        when the unit has no structural official on the Pegawai sheet.
    """
    calon = [
        p for p in plan.pegawai if p.jenis is JenisJabatan.STRUKTURAL and p.unit == plan.pk.unit
    ]
    nama = " ".join(plan.pk.pihak_pertama.split()).casefold()
    for p in calon:
        if " ".join(p.name.split()).casefold() == nama:
            return p
    return calon[0] if calon else None


def _angka(ix: Indeks, kontrib: KontribusiKegiatan, kode: str, nip: str | None) -> float:
    """Σ rounded angka shares of one activity (of one person, or everybody)."""
    return sum(r.porsi for r in kontrib.rows(kode, nip) if r.jenis_kontribusi == ANGKA)


def _angka_mentah(ix: Indeks, kontrib: KontribusiKegiatan, kode: str, nip: str | None) -> float:
    return sum(r.porsi_mentah for r in kontrib.rows(kode, nip) if r.jenis_kontribusi == ANGKA)


def _isi(
    ix: Indeks,
    kontrib: KontribusiKegiatan,
    kegiatan: Sequence[str],
    nip: str | None,
) -> tuple[tuple[str, ...], float, float, float]:
    """Activities with work behind them, Σ rounded and raw angka shares, Σ hours."""
    dipakai = tuple(k for k in kegiatan if kontrib.rows(k, nip))
    porsi = sum(_angka(ix, kontrib, k, nip) for k in dipakai)
    mentah = sum(_angka_mentah(ix, kontrib, k, nip) for k in dipakai)
    jam = sum(r.jam for k in dipakai for r in kontrib.rows(k, nip))
    return dipakai, porsi, mentah, jam


def _sel_pemegang(
    ix: Indeks,
    kontrib: KontribusiKegiatan,
    nip: str,
    peran: str,
    tim: str | None,
    kode: str,
    kegiatan: Sequence[str],
    ketua: bool,
) -> Sel | None:
    """Return the level 1 cell of a Ketua (the team's work) or a mandiri person (their own)."""
    dipakai, porsi, mentah, jam = _isi(ix, kontrib, kegiatan, None if ketua else nip)
    if not dipakai:
        return None
    strategi = ix.plan.strategi_by_target().get(kode)
    pribadi = None if ketua else hasil_pribadi(ix.plan, nip, dipakai)
    if pribadi is not None:
        hasil, sumber, utama = pribadi, PERENCANA, None
    elif strategi is not None and strategi.hasil_ketua and strategi.hasil_ketua.strip():
        hasil, sumber, utama = " ".join(strategi.hasil_ketua.split()), PERENCANA, None
    elif len(dipakai) == 1:
        (hasil, sumber), utama = hasil_kegiatan(ix.kegiatan[dipakai[0]]), dipakai[0]
    else:
        hasil, sumber, utama = hasil_target(ix, kode), OTOMATIS, None
    angka = porsi > 0
    return Sel(
        nip=nip,
        peran=peran,
        tim=tim,
        indikator=kode,
        hasil=hasil,
        jenis_kontribusi=ANGKA if angka else PENDUKUNG,
        porsi=round(porsi, 10) if angka else math.nan,
        porsi_mentah=mentah if angka else math.nan,
        satuan=ix.target[kode].satuan if angka else None,
        kegiatan=dipakai,
        jam=jam,
        ketua=ketua,
        sumber=sumber,
        utama=utama,
    )


def catatan_gabungan(kegiatan: Sequence[str]) -> str:
    """Return the note of an RHK that covers several activities (codes)."""
    return (
        f"RHK ini mencakup beberapa kegiatan ({', '.join(kegiatan)}); hasil gabungannya dapat "
        "ditulis di kolom Hasil kerja (RHK) lembar Kegiatan."
    )


def _sel_anggota(
    ix: Indeks,
    kontrib: KontribusiKegiatan,
    tim: str,
    nip: str,
    peran: str,
    kode: str,
    hasil_ketua: str | None,
    tingkat: int,
) -> Sel | None:
    """One member's cell for one target of a team: one result, never a joined list."""
    dipakai, _, _, jam = _isi(ix, kontrib, ix.kegiatan_tim(tim, kode), nip)
    if not dipakai:
        return None
    jam_per = {k: sum(r.jam for r in kontrib.rows(k, nip)) for k in dipakai}
    utama = max(dipakai, key=lambda k: (jam_per[k], -dipakai.index(k)))
    tulisan = {ix.kegiatan[k].hasil for k in dipakai}
    catatan = None
    pribadi = hasil_pribadi(ix.plan, nip, [utama, *dipakai])
    if pribadi is not None:
        hasil, sumber = pribadi, PERENCANA
    elif len(tulisan) == 1 and next(iter(tulisan)):
        hasil, sumber = hasil_kegiatan(ix.kegiatan[dipakai[0]])
    else:
        hasil, sumber = hasil_kegiatan(ix.kegiatan[utama])
        if len(dipakai) > 1:
            catatan = catatan_gabungan(dipakai)
    k = ix.kegiatan[utama]
    porsi = _angka(ix, kontrib, utama, nip)
    angka = porsi > 0
    return Sel(
        nip=nip,
        peran=peran,
        tim=tim,
        indikator=kode,
        hasil=hasil,
        jenis_kontribusi=ANGKA if angka else PENDUKUNG,
        porsi=round(porsi, 10) if angka else math.nan,
        porsi_mentah=_angka_mentah(ix, kontrib, utama, nip) if angka else math.nan,
        satuan=k.satuan if angka else None,
        kegiatan=dipakai,
        jam=jam,
        hasil_ketua=hasil_ketua,
        sumber=sumber,
        catatan=catatan,
        utama=utama,
        tingkat=tingkat,
    )


def _target_tim(ix: Indeks, tim: str) -> list[str]:
    return [kode for kode in ix.urutan_target() if ix.kegiatan_tim(tim, kode)]


def tanpa_ketua(ix: Indeks, tim: str, kode: str) -> bool:
    """Whether a team works a target without a Ketua by strategy (members at level 1)."""
    if ix.ketua.get(tim):
        return False
    strategi = ix.plan.strategi_by_target().get(kode)
    return strategi is None or not strategi.perlu_ketua


def _kosong(nip: str, peran: str, tim: str | None, ketua: bool = False, tingkat: int = 1) -> Sel:
    return Sel(
        nip,
        peran,
        tim,
        None,
        None,
        None,
        math.nan,
        math.nan,
        None,
        (),
        ketua=ketua,
        tingkat=tingkat,
    )


def sel_level1(
    ix: Indeks,
    kontrib: KontribusiKegiatan | None = None,
    anggota_tanpa_ketua: bool = False,
) -> list[Sel]:
    """Level 1 cells (without the unit head's row): one row per person, one cell per target.

    Rows: every Ketua Tim once (in order of the first team they lead; ``peran`` names
    every team led), then every mandiri person (Pegawai order), then — with
    ``anggota_tanpa_ketua`` — the members of teams that work a target without a Ketua by
    strategy. A person in several of these groups keeps the first row; their cells join it.
    """
    kontrib = kontrib or KontribusiKegiatan(ix)
    urut: dict[str, list[str]] = {}
    sel: dict[tuple[str, str], Sel] = {}
    kosong: dict[str, Sel] = {}

    def tambah(nip: str, peran: str, s: Sel | None) -> None:
        urut.setdefault(nip, [])
        if peran not in urut[nip]:
            urut[nip].append(peran)
        if s is not None and (nip, str(s.indikator)) not in sel:
            sel[(nip, str(s.indikator))] = s

    dipimpin: dict[str, list[str]] = {}
    for t in ix.plan.tim:
        for nip in ix.ketua[t.code]:
            dipimpin.setdefault(nip, []).append(t.code)
    for nip, tims in dipimpin.items():
        for t in tims:
            peran = ketua_tim(ix.nama_tim(t))
            tambah(nip, peran, None)
        kosong[nip] = _kosong(nip, "", tims[0], ketua=True)
        for kode in ix.urutan_target():
            kegiatan = [k for t in tims for k in ix.kegiatan_tim(t, kode)]
            tim_sel = [t for t in tims if ix.kegiatan_tim(t, kode)]
            s = _sel_pemegang(
                ix, kontrib, nip, "", ", ".join(tim_sel) or None, kode, kegiatan, True
            )
            if s is not None:
                tambah(nip, urut[nip][0], s)
    mandiri = {r.nip for k in ix.plan.kegiatan if k.tim is None for r in kontrib.rows(k.code)}
    for pg in ix.plan.pegawai:
        if pg.nip not in mandiri:
            continue
        for kode in ix.urutan_target():
            s = _sel_pemegang(
                ix, kontrib, pg.nip, "", None, kode, ix.kegiatan_tim(None, kode), False
            )
            if s is not None:
                tambah(pg.nip, MANDIRI, s)
    if anggota_tanpa_ketua:
        for t in ix.plan.tim:
            target = [kode for kode in _target_tim(ix, t.code) if tanpa_ketua(ix, t.code, kode)]
            for nip in ix.anggota[t.code] if target else []:
                for kode in target:
                    s = _sel_anggota(ix, kontrib, t.code, nip, "", kode, None, 1)
                    if s is not None:
                        tambah(nip, anggota_tim(t.name), s)
    hasil: list[Sel] = []
    urut_target = {kode: n for n, kode in enumerate(ix.urutan_target())}
    for nip, peran in urut.items():
        label = "; ".join(peran)
        mine = sorted(
            (s for (n, _), s in sel.items() if n == nip),
            key=lambda s: urut_target[str(s.indikator)],
        )
        if mine:
            hasil += [replace(s, peran=label) for s in mine]
        else:
            hasil.append(replace(kosong[nip], peran=label))
    return hasil


def sel_ketua(ix: Indeks, kontrib: KontribusiKegiatan) -> dict[tuple[str, str], Sel]:
    """Return each team's (first) Ketua's level 1 cell per target: ``(tim, indikator)``."""
    level1 = {(s.nip, s.indikator): s for s in sel_level1(ix, kontrib) if s.ketua}
    hasil: dict[tuple[str, str], Sel] = {}
    for t in ix.plan.tim:
        if not ix.ketua[t.code]:
            continue
        nip = ix.ketua[t.code][0]
        for kode in _target_tim(ix, t.code):
            s = level1.get((nip, kode))
            if s is not None:
                hasil[(t.code, kode)] = s
    return hasil


def sel_level2(ix: Indeks, kontrib: KontribusiKegiatan | None = None) -> list[Sel]:
    """Level 2 cells: per team (sheet order), per member (not the Ketua), per target.

    Teams that work a target without a Ketua by strategy have their members at level 1
    instead (:func:`sel_level1` with ``anggota_tanpa_ketua``); a team lacking the Ketua
    its strategy needs keeps its members here with no ``hasil_ketua`` (broken chain).
    """
    kontrib = kontrib or KontribusiKegiatan(ix)
    induk = sel_ketua(ix, kontrib)
    sel: list[Sel] = []
    for t in ix.plan.tim:
        target = [kode for kode in _target_tim(ix, t.code) if not tanpa_ketua(ix, t.code, kode)]
        if not target and not ix.ketua[t.code] and _target_tim(ix, t.code):
            continue  # every target of the team is at level 1
        for nip in ix.anggota[t.code]:
            if nip in ix.ketua[t.code]:
                continue
            mine = []
            for kode in target:
                ketua = induk.get((t.code, kode))
                s = _sel_anggota(
                    ix, kontrib, t.code, nip, ANGGOTA, kode, ketua.hasil if ketua else None, 2
                )
                if s is not None:
                    mine.append(s)
            sel += mine or [_kosong(nip, ANGGOTA, t.code, tingkat=2)]
    return sel


KOLOM_MPH1: tuple[str, ...] = (
    "nip",
    "nama",
    "jabatan",
    "peran",
    "tim",
    "sasaran",
    "uraian_sasaran",
    "indikator",
    "uraian_indikator",
    "hasil",
    "sumber",
    "jenis_kontribusi",
    "porsi",
    "porsi_mentah",
    "satuan",
    "kegiatan",
    "jam",
    "catatan",
)
"""Columns of :func:`mph_level1` and :func:`mph_satu_tingkat`, in order."""

KOLOM_MPH2: tuple[str, ...] = (
    "tim",
    "nip",
    "nama",
    "jabatan",
    "peran",
    "hasil_ketua",
    "indikator",
    "kegiatan",
    "hasil",
    "sumber",
    "jenis_kontribusi",
    "porsi",
    "porsi_mentah",
    "satuan",
    "jam",
    "catatan",
)
"""Columns of :func:`mph_level2`, in order."""


def _sel_kepala(ix: Indeks) -> list[Sel]:
    """Return the unit head's row: per target, the PK target as written (their IKI)."""
    kepala = kepala_unit(ix.plan)
    if kepala is None:
        return []
    return [
        Sel(
            kepala.nip,
            PIMPINAN,
            None,
            kode,
            ix.target[kode].target,
            None,
            math.nan,
            math.nan,
            None,
            (),
            sumber=PERENCANA,
        )
        for kode in ix.urutan_target()
    ]


def _frame1(ix: Indeks, sel: list[Sel]) -> pd.DataFrame:
    sasaran = {s.code: s.name for s in ix.plan.sasaran}
    baris = []
    for s in sel:
        pg = ix.pegawai[s.nip]
        t = None if s.indikator is None else ix.target[s.indikator]
        kode_sasaran = t.sasaran if isinstance(t, Indikator) else None
        baris.append(
            (
                s.nip,
                pg.name,
                label_jabatan(pg),
                s.peran,
                s.tim,
                kode_sasaran,
                sasaran.get(kode_sasaran or ""),
                s.indikator,
                None if t is None else t.name,
                s.hasil,
                s.sumber,
                s.jenis_kontribusi,
                s.porsi,
                s.porsi_mentah,
                s.satuan,
                ", ".join(s.kegiatan) or None,
                s.jam,
                s.catatan,
            )
        )
    df = pd.DataFrame(baris, columns=list(KOLOM_MPH1))
    df["indikator"] = pd.Categorical(df["indikator"], categories=ix.urutan_target())
    return df


def mph_level1(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """First matrix of the two-level Matriks Peran-Hasil, as a tidy frame.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per person × target with a result. Rows: the unit head (one cell per
        target: the PK target), every Ketua Tim once however many teams they lead (in
        order of their first team; their cell is ``Strategi.hasil_ketua``, else the result
        of the team's only activity for that target, else an intermediate outcome for the
        indicator), every person who works a target mandiri, and the members of a team
        that works a target without a Ketua by strategy. A Ketua whose teams have no
        assigned activity gets one row with empty ``indikator`` and ``hasil``.

        - ``nip``, ``nama``;
        - ``jabatan`` — jabatan and jenjang (``"Perencana Ahli Muda"``);
        - ``peran`` — ``"Pimpinan Unit"``, ``"Ketua Tim <nama tim>"`` (``"Ketua <nama
          tim>"`` when the name starts with "Tim"; every team led, joined by ``"; "``),
          ``"Mandiri"``, ``"Anggota <nama tim>"`` or ``"Anggota"``;
        - ``tim`` — team code(s) behind the cell, joined by ``", "`` (empty for mandiri);
        - ``sasaran``, ``uraian_sasaran`` — the indicator's sasaran (code, wording;
          empty for tugas tambahan), for a sasaran header row over its columns;
        - ``indikator`` — code of the indicator or tugas tambahan (a categorical holding
          every target code in plan order, so :func:`mph_matriks` shows empty columns);
        - ``uraian_indikator`` — its wording;
        - ``hasil`` — one result in bahasa hasil, without numbers; the unit head's cell is
          the PK target as written;
        - ``sumber`` — ``"perencana"`` (written in the plan) or ``"otomatis"``;
        - ``jenis_kontribusi`` — ``"angka"`` when a share above zero of the target's
          number is behind the cell, else ``"pendukung"`` (empty for the unit head);
        - ``porsi`` — Σ rounded angka shares (satuan indikator; the whole team's for a
          Ketua); NaN for pendukung;
        - ``porsi_mentah`` — Σ unrounded angka shares; NaN for pendukung;
        - ``satuan`` — the unit of ``porsi`` (empty for pendukung);
        - ``kegiatan`` — codes of the activities behind the cell, joined by ``", "``;
        - ``jam`` — hours behind the cell (jam);
        - ``catatan`` — a note in Indonesian (several activities behind one result) or
          empty.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    return _frame1(ix, _sel_kepala(ix) + sel_level1(ix, anggota_tanpa_ketua=True))


def mph_satu_tingkat(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """One-level Matriks Peran-Hasil (penyelarasan satu tingkat), as a tidy frame.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`mph_level1`. Rows: the unit head, then every employee of the
        unit and every person from another unit or agency who works here (Pegawai order);
        a cell is that person's one result for that indicator — a Ketua's level 1 result,
        a member's RHK (the member cell where they give most hours when they work one
        target in several teams), a mandiri person's. A person without any result gets
        one row with empty ``indikator`` (shown as a row without roles).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    kontrib = KontribusiKegiatan(ix)
    kepala = kepala_unit(plan)
    per_orang: dict[str, dict[str, Sel]] = {}
    peran: dict[str, list[str]] = {}
    for s in sel_level1(ix, kontrib, anggota_tanpa_ketua=True):
        peran.setdefault(s.nip, [s.peran])
        if s.indikator is not None:
            per_orang.setdefault(s.nip, {})[str(s.indikator)] = s
    for s in sel_level2(ix, kontrib):
        if ANGGOTA not in peran.setdefault(s.nip, []):
            peran[s.nip].append(ANGGOTA)
        if s.indikator is None:
            continue
        mine = per_orang.setdefault(s.nip, {})
        ada = mine.get(str(s.indikator))
        if ada is None or (ada.tingkat == 2 and s.jam > ada.jam):
            mine[str(s.indikator)] = s
    aktif = {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
    urut_target = {kode: n for n, kode in enumerate(ix.urutan_target())}
    sel = _sel_kepala(ix)
    for pg in plan.pegawai:
        if kepala is not None and pg.nip == kepala.nip:
            continue
        if pg.unit != plan.pk.unit and pg.nip not in aktif:
            continue
        label = "; ".join(dict.fromkeys(p for p in peran.get(pg.nip, []) if p)) or "–"
        mine = sorted(
            per_orang.get(pg.nip, {}).values(), key=lambda s: urut_target[str(s.indikator)]
        )
        if mine:
            sel += [replace(s, peran=label) for s in mine]
        else:
            sel.append(_kosong(pg.nip, label, None))
    return _frame1(ix, sel)


def mph_level2(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Matriks Peran-Hasil level 2 (the per-team matrices of the two-level form).

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per team × member (not the Ketua) × target the member works on (teams in
        sheet order, members in membership order, targets in plan order). A member
        without any activity of the team gets one row with empty ``indikator`` and
        ``hasil``. Teams that work without a Ketua by strategy are at level 1 instead.

        - ``tim`` — team code;
        - ``nip``, ``nama``, ``jabatan`` (jabatan and jenjang);
        - ``peran`` — ``"Anggota"``;
        - ``hasil_ketua`` — the column: the Ketua's level 1 result for that target;
          empty when the team lacks the Ketua its strategy needs (broken chain);
        - ``indikator`` — target code;
        - ``kegiatan`` — the member's activities of that target in the team, joined by
          ``", "``;
        - ``hasil`` — one result in bahasa hasil without numbers: the planner's
          ``Kegiatan.hasil`` when the member's activities there share it, else the result
          of the activity where the member gives most hours;
        - ``sumber`` — ``"perencana"`` or ``"otomatis"``;
        - ``jenis_kontribusi`` — ``"angka"`` when the member's rounded share of that
          activity is above zero, else ``"pendukung"``;
        - ``porsi`` — that rounded share (satuan keluaran); NaN for pendukung;
        - ``porsi_mentah`` — unrounded share; NaN for pendukung;
        - ``satuan`` — the activity's output unit (empty for pendukung);
        - ``jam`` — hours the member gives to the target in the team (jam);
        - ``catatan`` — when the result covers several activities, a note naming them and
          saying a combined result can be written in the Kegiatan sheet; else empty.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    baris = []
    for s in sel_level2(ix):
        pg = ix.pegawai[s.nip]
        baris.append(
            (
                s.tim,
                s.nip,
                pg.name,
                label_jabatan(pg),
                s.peran,
                s.hasil_ketua,
                s.indikator,
                ", ".join(s.kegiatan) or None,
                s.hasil,
                s.sumber,
                s.jenis_kontribusi,
                s.porsi,
                s.porsi_mentah,
                s.satuan,
                s.jam,
                s.catatan,
            )
        )
    return pd.DataFrame(baris, columns=list(KOLOM_MPH2))


def mph_matriks(
    df: pd.DataFrame,
    kolom: str = "indikator",
    baris: Sequence[str] = ("nip", "nama", "jabatan", "peran"),
    kosong: str = "",
    kelompok: str | None = None,
) -> pd.DataFrame:
    """Pivot a tidy MPH frame into the matrix layout users read.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of :func:`mph_level1`, :func:`mph_satu_tingkat` or :func:`mph_level2`
        (level 2 best filtered to one team).
    kolom : str
        Column whose values become the matrix columns: ``"indikator"`` for level 1,
        ``"hasil_ketua"`` (or ``"indikator"``) for level 2.
    baris : sequence of str
        Columns identifying a matrix row.
    kosong : str
        Mark of a cell without a role (documents pass ``"–"``).
    kelompok : str, optional
        A column grouping the matrix columns (``"uraian_sasaran"``): the columns become a
        two-level index (group, ``kolom``) — a sasaran header row over its indicators;
        tugas tambahan have an empty group.

    Returns
    -------
    pandas.DataFrame
        Rows = distinct ``baris`` values in order of appearance (a MultiIndex named after
        ``baris``); columns = values of ``kolom`` (a categorical's categories in their
        order, so targets nobody works on still show; else order of appearance); cells =
        the ``hasil`` text (one result per cell), ``kosong`` where the person has none.
    """
    if isinstance(df[kolom].dtype, pd.CategoricalDtype):
        kolom_urut = [str(c) for c in df[kolom].cat.categories]
    else:
        kolom_urut = list(dict.fromkeys(str(v) for v in df[kolom] if not pd.isna(v)))
    sel: dict[tuple[object, ...], dict[str, list[str]]] = {}
    grup: dict[str, str] = {}
    for rec in df.to_dict("records"):
        kunci = tuple(rec[b] for b in baris)
        isi = sel.setdefault(kunci, {})
        nilai, teks = rec[kolom], rec["hasil"]
        if not pd.isna(nilai) and kelompok is not None and not pd.isna(rec[kelompok]):
            grup.setdefault(str(nilai), str(rec[kelompok]))
        if not pd.isna(nilai) and not pd.isna(teks):
            daftar = isi.setdefault(str(nilai), [])
            if str(teks) not in daftar:
                daftar.append(str(teks))
    data = [["; ".join(isi.get(c, [])) or kosong for c in kolom_urut] for isi in sel.values()]
    if sel:
        index = pd.MultiIndex.from_tuples(list(sel), names=list(baris))
    else:
        index = pd.MultiIndex.from_arrays([[] for _ in baris], names=list(baris))
    if kelompok is None:
        columns: pd.Index = pd.Index(kolom_urut, name=kolom)
    else:
        columns = pd.MultiIndex.from_tuples(
            [(grup.get(c, ""), c) for c in kolom_urut], names=[kelompok, kolom]
        )
    return pd.DataFrame(data, index=index, columns=columns)
