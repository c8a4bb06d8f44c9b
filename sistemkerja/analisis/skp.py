"""Draft RHK (Rencana Hasil Kerja) and their individual indicators (IKI) for each SKP.

Each cell of the Matriks Peran-Hasil becomes one RHK in that person's SKP (Permenpan RB
6/2022, domain §4 and §9), pointing at the RHK of the leader it contributes to (*RHK
pimpinan yang diintervensi*): a Ketua Tim's, a mandiri person's and a member's of a team
without a Ketua point at the unit head's RHK — the sasaran whose indicators are the PK
indicators; a member's points at the Ketua's result. The result carries no number: the
numbers are the targets of the RHK's individual indicators (:func:`iki`), each a number
with a unit, never a sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, indeks
from sistemkerja.analisis.bahasa import _tanpa_ulang, pecah_hasil
from sistemkerja.analisis.kontribusi import ANGKA, KontribusiKegiatan
from sistemkerja.analisis.mph import (
    ANGGOTA,
    Sel,
    anggota_tim,
    hasil_target,
    kepala_unit,
    sel_ketua,
    sel_level1,
    sel_level2,
)
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Aspek
from sistemkerja.domain.pk import Indikator
from sistemkerja.domain.rencana import Rencana

KOLOM_RHK: tuple[str, ...] = (
    "nip",
    "nama",
    "peran",
    "tim",
    "jenis",
    "no",
    "rhk",
    "rhk_pimpinan",
    "nip_pimpinan",
    "indikator",
    "jenis_kontribusi",
    "kegiatan",
    "bukti_dukung",
    "bulan_jatuh_tempo",
    "sumber",
    "catatan",
)
"""Columns of :func:`rhk`, in order."""

KOLOM_IKI: tuple[str, ...] = ("nip", "no", "aspek", "iki", "target", "nilai", "satuan")
"""Columns of :func:`iki`, in order."""


@dataclass(frozen=True, slots=True)
class Iki:
    """One individual indicator of an RHK."""

    aspek: str
    iki: str
    target: str
    nilai: float
    satuan: str


@dataclass(frozen=True, slots=True)
class Rhk:
    """One RHK with its indicators, before it becomes rows of :func:`rhk` and :func:`iki`."""

    sel: Sel
    peran: str
    jenis: str
    rhk_pimpinan: str | None
    nip_pimpinan: str | None
    iki: tuple[Iki, ...]
    catatan: tuple[str, ...]


def teks_target(nilai: float, satuan: str) -> str:
    """Return a target as shown in an SKP: ``"4 Dokumen"``, ``"90 %"``, ``"3,05 Indeks"``."""
    return f"{format_angka(nilai)} {satuan}".strip()


def _iki_pk(ix: Indeks, kode: str, nilai: float | None = None) -> Iki:
    """Return the PK indicator itself as IKI, with the PK target or a share of it.

    A tugas tambahan, named by its activity, is worded as an output count
    (:func:`uraian_iki`).
    """
    t = ix.target[kode]
    nama = t.name if isinstance(t, Indikator) else uraian_iki(t.name, t.satuan, False)
    if nilai is None:
        try:
            parsed = t.parsed_target
        except ValueError:
            return Iki(ix.aspek(kode), nama, t.target, math.nan, t.satuan)
        satuan = parsed.satuan or t.satuan
        return Iki(ix.aspek(kode), nama, teks_target(parsed.nilai, satuan), parsed.nilai, satuan)
    return Iki(ix.aspek(kode), nama, teks_target(nilai, t.satuan), nilai, t.satuan)


def uraian_iki(nama_kegiatan: str, satuan: str, didukung: bool) -> str:
    """Word the quantity indicator of an activity's output.

    Parameters
    ----------
    nama_kegiatan : str
        Activity name (``"Penyusunan dokumen rekomendasi kebutuhan formasi ASN"``).
    satuan : str
        Output unit (``"Dokumen"``).
    didukung : bool
        Whether the person supports the output (*pendukung*) rather than carrying it.

    Returns
    -------
    str
        What the indicator counts, unit word in lower case (acronyms such as ``LHP``
        kept):

        - the unit heads the object: ``"Jumlah dokumen rekomendasi kebutuhan formasi ASN
          yang tersusun"``;
        - a count of occurrences (``Kali``, ``Kegiatan``): ``"Frekuensi rapat koordinasi
          … yang terlaksana"``;
        - people (``Orang``, ``Peserta``…): ``"Jumlah orang sasaran pengembangan
          kompetensi …"`` (never "480 Orang kompetensi …");
        - otherwise ``"Jumlah <satuan> <object> yang <verb>"``.

        Supported outputs read ``"… yang didukung hingga tersusun"`` (people: ``"… yang
        didukung"``).

    Examples
    --------
    >>> uraian_iki("Penyusunan laporan kinerja direktorat", "Laporan", False)
    'Jumlah laporan kinerja direktorat yang tersusun'
    >>> uraian_iki("Rapat koordinasi penetapan formasi", "Kali", True)
    'Frekuensi rapat koordinasi penetapan formasi yang didukung hingga terlaksana'
    >>> uraian_iki("Pengembangan kompetensi melalui pembelajaran elektronik", "Orang", False)
    'Jumlah orang sasaran pengembangan kompetensi melalui pembelajaran elektronik'
    """
    awalan, obyek = pecah_hasil(nama_kegiatan)
    if awalan.endswith("nya"):
        kerja = awalan[:-3]
        kerja = kerja[:1].lower() + kerja[1:]
    else:  # a result verb the table does not know: name the whole activity as done
        kerja, obyek = "terlaksana", nama_kegiatan[:1].lower() + nama_kegiatan[1:]
    satuan = " ".join(satuan.split())
    kata = "yang didukung hingga" if didukung else "yang"
    kecil = satuan if satuan[1:] != satuan[1:].lower() else satuan.lower()
    if satuan.casefold() in _SATUAN_ORANG:
        nama = " ".join(nama_kegiatan.split())
        teks = f"Jumlah {kecil} sasaran {nama[:1].lower()}{nama[1:]}"
        return f"{teks} yang didukung" if didukung else teks
    if satuan.casefold() in _SATUAN_KEJADIAN:
        return " ".join(p for p in ("Frekuensi", obyek, kata, kerja) if p)
    obyek = _tanpa_ulang(satuan, obyek)
    return " ".join(p for p in ("Jumlah", kecil, obyek, kata, kerja) if p)


_SATUAN_ORANG = frozenset({"orang", "peserta", "pegawai", "asn", "instansi", "responden"})
"""Units counting people or bodies served: the IKI names them as the activity's target group."""
_SATUAN_KEJADIAN = frozenset({"kali", "kegiatan", "frekuensi"})
"""Units counting occurrences: the IKI is a frequency."""


def _iki_kegiatan(ix: Indeks, kontrib: KontribusiKegiatan, kegiatan: str, nip: str | None) -> Iki:
    """Quantity IKI on an activity's output: the share carried, or the output supported."""
    k = ix.kegiatan[kegiatan]
    porsi = sum(r.porsi for r in kontrib.rows(kegiatan, nip) if r.jenis_kontribusi == ANGKA)
    if porsi > 0:
        nilai, didukung = round(porsi, 10), False
    else:  # pendukung, or an angka share that rounds to 0: the output it supports
        nilai, didukung = float(k.volume), True
    return Iki(
        Aspek.KUANTITAS.value,
        uraian_iki(k.name, k.satuan, didukung),
        teks_target(nilai, k.satuan),
        nilai,
        k.satuan,
    )


def _iki_pemegang(ix: Indeks, kontrib: KontribusiKegiatan, s: Sel) -> tuple[Iki, ...]:
    """IKI of a Ketua's or mandiri person's level 1 result.

    The PK indicator with the PK target when the target is not divided (Posisi/Rilis) or
    the holder carries all of it; with the holder's share of a Hitungan target; on the
    outputs of the activities when no share of the number is behind the cell.
    """
    kode = str(s.indikator)
    if not ix.aditif(kode):
        return (_iki_pk(ix, kode),)
    if s.jenis_kontribusi == ANGKA:
        try:
            penuh = abs(ix.target[kode].parsed_target.nilai - s.porsi) < 1e-9
        except ValueError:
            penuh = False
        return (_iki_pk(ix, kode) if penuh else _iki_pk(ix, kode, s.porsi),)
    nip = None if s.ketua else s.nip
    return tuple(_iki_kegiatan(ix, kontrib, k, nip) for k in s.kegiatan)


def _induk_sasaran(ix: Indeks, kode: str) -> str:
    """Return the unit head's RHK a target serves: its sasaran (a tugas tambahan's result)."""
    t = ix.target[kode]
    if isinstance(t, Indikator):
        sasaran = {s.code: s.name for s in ix.plan.sasaran}
        return sasaran.get(t.sasaran, t.name)
    return hasil_target(ix, kode)


def susun_rhk(ix: Indeks, kontrib: KontribusiKegiatan | None = None) -> list[Rhk]:
    """Every RHK of a plan and allocation, in SKP order (see :func:`rhk`)."""
    kontrib = kontrib or KontribusiKegiatan(ix)
    kepala = kepala_unit(ix.plan)
    nip_kepala = None if kepala is None else kepala.nip
    induk = sel_ketua(ix, kontrib)
    semua: list[Rhk] = []
    for s in sel_level1(ix, kontrib, anggota_tanpa_ketua=True):
        if s.indikator is None:
            continue
        kode = str(s.indikator)
        if s.tingkat == 1 and s.tim is not None and not s.ketua:
            # a member of a team without a Ketua, at level 1
            iki = tuple(_iki_kegiatan(ix, kontrib, k, s.nip) for k in s.kegiatan)
            peran = anggota_tim(ix.nama_tim(s.tim))
        else:
            iki = _iki_pemegang(ix, kontrib, s)
            peran = s.peran
        catatan = (s.catatan,) if s.catatan else ()
        semua.append(
            Rhk(s, peran, ix.jenis_target(kode), _induk_sasaran(ix, kode), nip_kepala, iki, catatan)
        )
    for s in sel_level2(ix, kontrib):
        if s.indikator is None:
            continue
        kode = str(s.indikator)
        ketua = induk.get((str(s.tim), kode))
        catatan = [s.catatan] if s.catatan else []
        if ketua is None:
            catatan.append(
                f"Tim {ix.nama_tim(str(s.tim))} belum punya Ketua Tim yang diperlukan "
                "strateginya: RHK pimpinan yang diintervensi belum ada."
            )
        semua.append(
            Rhk(
                s,
                ANGGOTA,
                ix.jenis_target(kode),
                None if ketua is None else ketua.hasil,
                None if ketua is None else ketua.nip,
                tuple(_iki_kegiatan(ix, kontrib, k, s.nip) for k in s.kegiatan),
                tuple(catatan),
            )
        )
    semua = _tandai_ganda(ix, semua)
    urut_orang = {p.nip: n for n, p in enumerate(ix.plan.pegawai)}
    urut_target = {code: n for n, code in enumerate(ix.urutan_target())}
    semua.sort(
        key=lambda r: (
            urut_orang[r.sel.nip],
            r.jenis != "Utama",
            urut_target[str(r.sel.indikator)],
            r.sel.tingkat,
        )
    )
    return semua


def _tandai_ganda(ix: Indeks, semua: list[Rhk]) -> list[Rhk]:
    """Add a warning to every member RHK whose text another member of the team has too."""
    kelompok: dict[tuple[str, str], list[int]] = {}
    for n, r in enumerate(semua):
        if r.sel.ketua or r.sel.tim is None or not r.sel.hasil:
            continue
        kelompok.setdefault((r.sel.tim, r.sel.hasil.casefold()), []).append(n)
    hasil = list(semua)
    for (tim, _), nomor in kelompok.items():
        orang = list(dict.fromkeys(semua[n].sel.nip for n in nomor))
        if len(orang) < 2:
            continue
        for n in nomor:
            lain = ", ".join(ix.pegawai[o].name for o in orang if o != semua[n].sel.nip)
            pesan = (
                f"RHK sama dengan RHK {lain} di {ix.nama_tim(tim)}: rumuskan hasil kerja "
                "masing-masing di lembar Hasil Anggota agar peran tidak tumpang tindih."
            )
            hasil[n] = Rhk(
                semua[n].sel,
                semua[n].peran,
                semua[n].jenis,
                semua[n].rhk_pimpinan,
                semua[n].nip_pimpinan,
                semua[n].iki,
                (*semua[n].catatan, pesan),
            )
    return hasil


def _nomor(semua: list[Rhk]) -> list[int]:
    nomor, hitung = [], {}
    for r in semua:
        hitung[r.sel.nip] = hitung.get(r.sel.nip, 0) + 1
        nomor.append(hitung[r.sel.nip])
    return nomor


def rhk(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Draft RHK of every person with a role in the MPH.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per RHK (one MPH cell): each level 1 cell of a Ketua Tim, a mandiri
        person or a member of a team without a Ketua, and each level 2 cell of a member.
        Ordered by person (Pegawai order), Utama before Tambahan, then target (plan
        order), level 1 first. Its individual indicators are :func:`iki`.

        - ``nip``, ``nama``;
        - ``peran`` — ``"Ketua Tim <nama tim>"`` (every team led, joined by ``"; "``),
          ``"Mandiri"``, ``"Anggota <nama tim>"`` (team without a Ketua) or
          ``"Anggota"``;
        - ``tim`` — team code(s) behind the RHK (empty for mandiri);
        - ``jenis`` — ``"Utama"`` (PK indicator) or ``"Tambahan"`` (tugas tambahan);
        - ``no`` — 1, 2, … per person in SKP order;
        - ``rhk`` — one result in bahasa hasil, without numbers;
        - ``rhk_pimpinan`` — the *RHK pimpinan yang diintervensi*: the unit head's RHK,
          i.e. the wording of the indicator's sasaran (a tugas tambahan: its name in
          bahasa hasil), for
          a Ketua, a mandiri person and a member of a team without a Ketua; the Ketua's
          result for a member; empty when the team lacks the Ketua its strategy needs;
        - ``nip_pimpinan`` — NIP of the owner of that RHK (unit head or Ketua); empty
          when broken or when the unit has no structural head on the Pegawai sheet;
        - ``indikator`` — code of the indicator or tugas tambahan served;
        - ``jenis_kontribusi`` — ``"angka"`` or ``"pendukung"``;
        - ``kegiatan`` — codes of the activities behind the RHK, joined by ``", "``;
        - ``bukti_dukung`` — distinct evidence kinds of those activities, joined by
          ``"; "`` (empty when none is set);
        - ``bulan_jatuh_tempo`` — latest ``bulan_selesai`` of those activities (1–12);
        - ``sumber`` — ``"perencana"`` (written in the plan) or ``"otomatis"``;
        - ``catatan`` — warnings in Indonesian (the same RHK as another member of the
          team, several activities behind one result, no Ketua), or empty.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    semua = susun_rhk(ix)
    baris = []
    for r, no in zip(semua, _nomor(semua), strict=True):
        s = r.sel
        kegiatan = [ix.kegiatan[k] for k in s.kegiatan]
        bukti = list(dict.fromkeys(k.bukti_dukung for k in kegiatan if k.bukti_dukung))
        baris.append(
            (
                s.nip,
                ix.pegawai[s.nip].name,
                r.peran,
                s.tim,
                r.jenis,
                no,
                s.hasil,
                r.rhk_pimpinan,
                r.nip_pimpinan,
                str(s.indikator),
                s.jenis_kontribusi,
                ", ".join(s.kegiatan),
                "; ".join(bukti) or None,
                max(k.bulan_selesai for k in kegiatan),
                s.sumber,
                " ".join(r.catatan) or None,
            )
        )
    return pd.DataFrame(baris, columns=list(KOLOM_RHK))


def iki(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Individual indicators (IKI) of every RHK of :func:`rhk`.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per individual indicator, in the order of :func:`rhk`; every RHK has at
        least one:

        - ``nip``, ``no`` — the RHK (joins :func:`rhk` on both);
        - ``aspek`` — ``"Kuantitas"``, ``"Kualitas"``, ``"Waktu"`` or ``"Biaya"``: the PK
          indicator's aspect for an IKI made from it, ``"Kuantitas"`` for an output count;
        - ``iki`` — the indicator's wording: the PK indicator (a Ketua's or mandiri
          person's IKI: the whole target when it is not divided, or the holder's share of
          a Hitungan target), else ``"Jumlah <satuan> <object> yang <verb>"`` for an angka
          share of an activity, ``"… yang didukung hingga <verb>"`` for the output a
          pendukung contribution (or a share that rounds to 0) supports;
        - ``target`` — number and unit as shown in the SKP (``"4 Dokumen"``, ``"90 %"``);
          never a sentence;
        - ``nilai`` — the number (satuan); NaN only for a PK target that is not a number;
        - ``satuan`` — its unit.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    semua = susun_rhk(ix)
    baris = [
        (r.sel.nip, no, i.aspek, i.iki, i.target, i.nilai, i.satuan)
        for r, no in zip(semua, _nomor(semua), strict=True)
        for i in r.iki
    ]
    return pd.DataFrame(baris, columns=list(KOLOM_IKI))
