"""Matriks Peran-Hasil (MPH): who delivers which result for which indicator.

- **Level 1 (penyelarasan satu tingkat)**: columns = the unit head's indicators and tugas
  tambahan; rows = every person who works an activity alone (*mandiri*) or leads a team
  (*Ketua Tim*); a cell = that person's result for that indicator in *bahasa hasil*. A
  Ketua's cell is the team's result.
- **Level 2 (penyelarasan dua tingkat)**: per team, columns = the Ketua's results;
  rows = the members (Ketua first); a cell = the member's result.

Both are returned as tidy frames (one row per cell); :func:`mph_matriks` pivots them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, indeks, label_jabatan
from sistemkerja.analisis.bahasa import bahasa_hasil, hasil_dengan_jumlah
from sistemkerja.analisis.kontribusi import ANGKA, PENDUKUNG, KontribusiKegiatan
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.rencana import Rencana

KETUA, ANGGOTA, MANDIRI = "Ketua Tim", "Anggota", "Mandiri"
"""Role labels in the MPH."""


@dataclass(frozen=True, slots=True)
class Sel:
    """One MPH cell before it becomes a DataFrame row (also feeds RHK and cascade)."""

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


class Isi(NamedTuple):
    """What one person (or a whole team) delivers for one target: one MPH cell's content."""

    hasil: str
    jenis_kontribusi: str
    porsi: float
    porsi_mentah: float
    satuan: str | None
    kegiatan: tuple[str, ...]
    jam: float


def isi_sel(
    ix: Indeks,
    kontrib: KontribusiKegiatan,
    indikator: str,
    kegiatan: Sequence[str],
    nip: str | None,
) -> Isi | None:
    """Combine contributions to some activities of one target into one cell.

    Parameters
    ----------
    ix : Indeks
        Lookups of the plan and allocation.
    kontrib : KontribusiKegiatan
        Contributions grouped by activity.
    indikator : str
        Target code.
    kegiatan : sequence of str
        Activity codes of that target to combine.
    nip : str or None
        The person; ``None`` for everybody (a team's result).

    Returns
    -------
    Isi or None
        The cell's content; ``None`` when nobody contributes to those activities.
    """
    teks: list[str] = []
    dipakai: list[str] = []
    angka = False
    porsi = mentah = jam = 0.0
    for code in kegiatan:
        rows = kontrib.rows(code, nip)
        if not rows:
            continue
        k = ix.kegiatan[code]
        dipakai.append(code)
        jam += sum(r.jam for r in rows)
        if rows[0].jenis_kontribusi == ANGKA:
            angka = True
            shown = sum(r.porsi for r in rows)
            porsi += shown
            mentah += sum(r.porsi_mentah for r in rows)
            teks.append(hasil_dengan_jumlah(k.name, shown, k.satuan))
        else:
            teks.append(bahasa_hasil(k.name))
    if not dipakai:
        return None
    return Isi(
        hasil="; ".join(teks),
        jenis_kontribusi=ANGKA if angka else PENDUKUNG,
        porsi=round(porsi, 10) if angka else math.nan,
        porsi_mentah=mentah if angka else math.nan,
        satuan=ix.target[indikator].satuan if angka else None,
        kegiatan=tuple(dipakai),
        jam=jam,
    )


def ketua_tim(nama_tim: str) -> str:
    """Role label of a team's Ketua: "Ketua Tim Data", not "Ketua Tim Tim Data"."""
    if nama_tim.casefold().startswith("tim "):
        return f"Ketua {nama_tim}"
    return f"{KETUA} {nama_tim}"


def peran_ketua(peran: object) -> bool:
    """Whether an MPH role label is a Ketua Tim's (made by :func:`ketua_tim`)."""
    return str(peran).casefold().startswith("ketua ")


def _kosong(nip: str, peran: str, tim: str | None, ketua: bool = False) -> Sel:
    return Sel(nip, peran, tim, None, None, None, math.nan, math.nan, None, (), ketua=ketua)


def sel_level1(ix: Indeks, kontrib: KontribusiKegiatan | None = None) -> list[Sel]:
    """Level 1 cells: Ketua Tim rows (teams in sheet order), then mandiri rows."""
    kontrib = kontrib or KontribusiKegiatan(ix)
    sel: list[Sel] = []
    for t in ix.plan.tim:
        target_tim = [ind for ind in ix.urutan_target() if ix.kegiatan_tim(t.code, ind)]
        for nip in ix.ketua[t.code]:
            peran = ketua_tim(t.name)
            mine = []
            for ind in target_tim:
                isi = isi_sel(ix, kontrib, ind, ix.kegiatan_tim(t.code, ind), None)
                if isi is not None:
                    mine.append(Sel(nip, peran, t.code, ind, *isi, ketua=True))
            sel += mine or [_kosong(nip, peran, t.code, ketua=True)]
    mandiri = {r.nip for k in ix.plan.kegiatan if k.tim is None for r in kontrib.rows(k.code)}
    target_mandiri = [ind for ind in ix.urutan_target() if ix.kegiatan_tim(None, ind)]
    for pg in ix.plan.pegawai:
        if pg.nip not in mandiri:
            continue
        for ind in target_mandiri:
            isi = isi_sel(ix, kontrib, ind, ix.kegiatan_tim(None, ind), pg.nip)
            if isi is not None:
                sel.append(Sel(pg.nip, MANDIRI, None, ind, *isi))
    return sel


def hasil_tim(ix: Indeks, kontrib: KontribusiKegiatan, tim: str, indikator: str) -> str | None:
    """Return the team's result for one target (the Ketua's level 1 cell), or ``None``."""
    isi = isi_sel(ix, kontrib, indikator, ix.kegiatan_tim(tim, indikator), None)
    return None if isi is None else isi.hasil


def sel_level2(ix: Indeks, kontrib: KontribusiKegiatan | None = None) -> list[Sel]:
    """Level 2 cells: per team (sheet order), per member (Ketua first), per activity."""
    kontrib = kontrib or KontribusiKegiatan(ix)
    sel: list[Sel] = []
    for t in ix.plan.tim:
        kegiatan = [k for k in ix.plan.kegiatan if k.tim == t.code]
        induk: dict[str, str | None] = {}
        for nip in ix.anggota[t.code]:
            ketua = nip in ix.ketua[t.code]
            peran = KETUA if ketua else ANGGOTA
            mine = []
            for k in kegiatan:
                isi = isi_sel(ix, kontrib, k.indikator, [k.code], nip)
                if isi is None:
                    continue
                if k.indikator not in induk:
                    punya_ketua = bool(ix.ketua[t.code])
                    induk[k.indikator] = (
                        hasil_tim(ix, kontrib, t.code, k.indikator) if punya_ketua else None
                    )
                satuan = k.satuan if isi.jenis_kontribusi == ANGKA else None
                isi = isi._replace(satuan=satuan)
                mine.append(Sel(nip, peran, t.code, k.indikator, *isi, induk[k.indikator], ketua))
            sel += mine or [_kosong(nip, peran, t.code, ketua)]
    return sel


KOLOM_MPH1: tuple[str, ...] = (
    "nip",
    "nama",
    "jabatan",
    "peran",
    "tim",
    "indikator",
    "uraian_indikator",
    "hasil",
    "jenis_kontribusi",
    "porsi",
    "porsi_mentah",
    "satuan",
    "kegiatan",
    "jam",
)
"""Columns of :func:`mph_level1`, in order."""

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
    "jenis_kontribusi",
    "porsi",
    "porsi_mentah",
    "satuan",
    "jam",
)
"""Columns of :func:`mph_level2`, in order."""


def mph_level1(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Matriks Peran-Hasil level 1 (penyelarasan satu tingkat), as a tidy frame.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per person-role × target with a result. Rows are the Ketua Tim of each
        team (teams in sheet order; every Ketua of a team, so a double Ketua shows) and
        then every person who works an activity without a team (*mandiri*, in Pegawai
        order). A Ketua whose team has no assigned activity gets one row with empty
        ``indikator`` and ``hasil``.

        - ``nip``, ``nama``;
        - ``jabatan`` — jabatan and jenjang (``"Perencana Ahli Muda"``);
        - ``peran`` — ``"Ketua Tim <nama tim>"`` (``"Ketua <nama tim>"`` when the name
          starts with "Tim": "Ketua Tim Data", not "Ketua Tim Tim Data") or ``"Mandiri"``;
        - ``tim`` — team code (empty for mandiri);
        - ``indikator`` — code of the unit head's indicator or tugas tambahan (a
          categorical holding every target code in plan order, so
          :func:`mph_matriks` shows empty columns too);
        - ``uraian_indikator`` — its wording;
        - ``hasil`` — the result in bahasa hasil, one phrase per activity joined by
          ``"; "``, with the (rounded) share for angka activities: ``"Tersusunnya 4
          Dokumen rencana kebutuhan pegawai"``. A Ketua's result is the team's: all
          assigned shares of the team's activities for that target;
        - ``jenis_kontribusi`` — ``"angka"`` when any activity behind the cell carries
          the target's number, else ``"pendukung"``;
        - ``porsi`` — Σ rounded angka shares (satuan indikator); NaN for pendukung;
        - ``porsi_mentah`` — Σ unrounded angka shares; NaN for pendukung;
        - ``satuan`` — the target's unit (empty for pendukung);
        - ``kegiatan`` — codes of the activities behind the cell, joined by ``", "``;
        - ``jam`` — hours behind the cell (jam): the whole team's on those activities
          for a Ketua Tim, the person's own for mandiri; 0 for an empty Ketua row.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    baris = []
    for s in sel_level1(ix):
        pg = ix.pegawai[s.nip]
        uraian = None if s.indikator is None else ix.target[s.indikator].name
        baris.append(
            (
                s.nip,
                pg.name,
                label_jabatan(pg),
                s.peran,
                s.tim,
                s.indikator,
                uraian,
                s.hasil,
                s.jenis_kontribusi,
                s.porsi,
                s.porsi_mentah,
                s.satuan,
                ", ".join(s.kegiatan) or None,
                s.jam,
            )
        )
    df = pd.DataFrame(baris, columns=list(KOLOM_MPH1))
    df["indikator"] = pd.Categorical(df["indikator"], categories=ix.urutan_target())
    return df


def mph_level2(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Matriks Peran-Hasil level 2 (penyelarasan dua tingkat) per team, as a tidy frame.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per team × member × activity the member works on (teams in sheet order,
        Ketua first, activities in sheet order). A member without any activity of the
        team gets one row with empty ``indikator``, ``kegiatan`` and ``hasil``.

        - ``tim`` — team code;
        - ``nip``, ``nama``, ``jabatan`` (jabatan and jenjang);
        - ``peran`` — ``"Ketua Tim"`` or ``"Anggota"``;
        - ``hasil_ketua`` — the parent result: the team's result for the activity's
          target, as in the Ketua's level 1 cell; empty when the team has no Ketua;
        - ``indikator``, ``kegiatan`` — target and activity codes;
        - ``hasil`` — the member's result in bahasa hasil, with the rounded share for
          angka activities (``"Tersusunnya 2 Dokumen rencana kebutuhan pegawai"``);
        - ``jenis_kontribusi`` — ``"angka"`` or ``"pendukung"``;
        - ``porsi`` — rounded share (satuan keluaran); NaN for pendukung;
        - ``porsi_mentah`` — unrounded share; NaN for pendukung;
        - ``satuan`` — the activity's output unit (empty for pendukung);
        - ``jam`` — hours the member gives to the activity (jam).

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
                s.kegiatan[0] if s.kegiatan else None,
                s.hasil,
                s.jenis_kontribusi,
                s.porsi,
                s.porsi_mentah,
                s.satuan,
                s.jam,
            )
        )
    return pd.DataFrame(baris, columns=list(KOLOM_MPH2))


def mph_matriks(
    df: pd.DataFrame,
    kolom: str = "indikator",
    baris: Sequence[str] = ("nip", "nama", "jabatan", "peran"),
) -> pd.DataFrame:
    """Pivot a tidy MPH frame into the matrix layout users read.

    Parameters
    ----------
    df : pandas.DataFrame
        Output of :func:`mph_level1` (or :func:`mph_level2`, best filtered to one team).
    kolom : str
        Column whose values become the matrix columns: ``"indikator"`` for level 1,
        ``"hasil_ketua"`` (or ``"indikator"``) for level 2.
    baris : sequence of str
        Columns identifying a matrix row.

    Returns
    -------
    pandas.DataFrame
        Rows = distinct ``baris`` values in order of appearance (a MultiIndex named after
        ``baris``); columns = values of ``kolom`` (a categorical's categories in their
        order, so targets nobody works on still show; else order of appearance); cells =
        ``hasil`` texts joined by ``"; "``, ``""`` where the person has no result.
    """
    if isinstance(df[kolom].dtype, pd.CategoricalDtype):
        kolom_urut = [str(c) for c in df[kolom].cat.categories]
    else:
        kolom_urut = list(dict.fromkeys(str(v) for v in df[kolom] if not pd.isna(v)))
    sel: dict[tuple[object, ...], dict[str, list[str]]] = {}
    for rec in df.to_dict("records"):
        kunci = tuple(rec[b] for b in baris)
        isi = sel.setdefault(kunci, {})
        nilai, teks = rec[kolom], rec["hasil"]
        if not pd.isna(nilai) and not pd.isna(teks):
            isi.setdefault(str(nilai), []).append(str(teks))
    data = [["; ".join(isi.get(c, [])) for c in kolom_urut] for isi in sel.values()]
    if sel:
        index = pd.MultiIndex.from_tuples(list(sel), names=list(baris))
    else:
        index = pd.MultiIndex.from_arrays([[] for _ in baris], names=list(baris))
    return pd.DataFrame(data, index=index, columns=pd.Index(kolom_urut, name=kolom))
