"""Draft RHK (Rencana Hasil Kerja) for each person's SKP, one per MPH cell.

Each cell of the Matriks Peran-Hasil becomes one RHK in that person's SKP (Permenpan RB
6/2022), pointing at the result of the leader it contributes to (*RHK pimpinan yang
diintervensi*): a Ketua Tim's or a mandiri person's RHK points at the unit head's
indicator; a member's RHK points at the Ketua's result.
"""

from __future__ import annotations

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, indeks
from sistemkerja.analisis.kontribusi import ANGKA, PENDUKUNG, KontribusiKegiatan
from sistemkerja.analisis.mph import ANGGOTA, Sel, sel_level1, sel_level2
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.rencana import Rencana

KOLOM_RHK: tuple[str, ...] = (
    "nip",
    "nama",
    "peran",
    "tim",
    "jenis",
    "rhk",
    "rhk_pimpinan",
    "indikator",
    "jenis_kontribusi",
    "target",
    "aspek",
    "bukti_dukung",
    "bulan_jatuh_tempo",
)
"""Columns of :func:`rhk`, in order."""


def _gabung_anggota(sel: list[Sel]) -> list[Sel]:
    """Merge a member's level 2 cells of one team and target (one MPH matrix cell)."""
    gabung: dict[tuple[str | None, str, str | None], list[Sel]] = {}
    for s in sel:
        if s.ketua or s.indikator is None:
            continue  # a Ketua's RHK is the level 1 team result
        gabung.setdefault((s.tim, s.nip, s.indikator), []).append(s)
    hasil = []
    for bagian in gabung.values():
        pertama = bagian[0]
        angka = [b for b in bagian if b.jenis_kontribusi == ANGKA]
        hasil.append(
            Sel(
                nip=pertama.nip,
                peran=pertama.peran,
                tim=pertama.tim,
                indikator=pertama.indikator,
                hasil="; ".join(b.hasil or "" for b in bagian),
                jenis_kontribusi=ANGKA if angka else PENDUKUNG,
                porsi=sum(b.porsi for b in angka) if angka else float("nan"),
                porsi_mentah=sum(b.porsi_mentah for b in angka) if angka else float("nan"),
                satuan=angka[0].satuan if angka else None,
                kegiatan=tuple(k for b in bagian for k in b.kegiatan),
                jam=sum(b.jam for b in bagian),
                hasil_ketua=pertama.hasil_ketua,
            )
        )
    return hasil


def _induk_anggota(ix: Indeks, s: Sel) -> str | None:
    """Return the parent of a member's RHK.

    The Ketua's result; the unit head's indicator when the team works without a Ketua by
    strategy; ``None`` when the team lacks the Ketua its strategy needs (broken chain).
    """
    if s.hasil_ketua is not None:
        return s.hasil_ketua
    kode = str(s.indikator)
    strategi = ix.plan.strategi_by_target().get(kode)
    if strategi is not None and strategi.perlu_ketua:
        return None
    return ix.target[kode].name


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
        One row per MPH cell: each level 1 cell (Ketua Tim and mandiri) and each level 2
        cell of a non-Ketua member (that member's activities of one team and target
        merged). Ordered by person (Pegawai order), then target (indicators before tugas
        tambahan), level 1 first.

        - ``nip``, ``nama``;
        - ``peran`` — ``"Ketua Tim <nama tim>"`` (``"Ketua <nama tim>"`` when the name
          starts with "Tim"), ``"Mandiri"`` or ``"Anggota"``;
        - ``tim`` — team code (empty for mandiri);
        - ``jenis`` — ``"Utama"`` (PK indicator) or ``"Tambahan"`` (tugas tambahan);
        - ``rhk`` — the result in bahasa hasil (the MPH cell's text);
        - ``rhk_pimpinan`` — the *RHK pimpinan yang diintervensi*: the unit head's
          indicator wording for a Ketua or mandiri person (and for a member of a team that
          works without a Ketua by strategy); the Ketua's result (``mph_level2``'s
          ``hasil_ketua``) for a member; empty when the team lacks the Ketua its strategy
          needs (broken chain, see :func:`~sistemkerja.analisis.cascade`);
        - ``indikator`` — the IKI: code of the indicator or tugas tambahan;
        - ``jenis_kontribusi`` — ``"angka"`` or ``"pendukung"``;
        - ``target`` — for angka, the rounded share and its unit (``"2 Dokumen"``); for
          pendukung, ``"mendukung target "`` + the indicator's target as written;
        - ``aspek`` — aspect of the indicator (tugas tambahan: ``"Kuantitas"``);
        - ``bukti_dukung`` — distinct evidence kinds of the activities behind the RHK,
          joined by ``"; "`` (empty when none is set);
        - ``bulan_jatuh_tempo`` — latest ``bulan_selesai`` of those activities (1–12).

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    kontrib = KontribusiKegiatan(ix)
    level1 = [s for s in sel_level1(ix, kontrib) if s.indikator is not None]
    level2 = _gabung_anggota(sel_level2(ix, kontrib))
    urut_orang = {p.nip: n for n, p in enumerate(plan.pegawai)}
    urut_target = {code: n for n, code in enumerate(ix.urutan_target())}
    semua = [(s, 1) for s in level1] + [(s, 2) for s in level2]
    semua.sort(key=lambda x: (urut_orang[x[0].nip], urut_target[str(x[0].indikator)], x[1]))
    baris = []
    for s, level in semua:
        kode = str(s.indikator)
        target = ix.target[kode]
        if level == 1:
            induk: str | None = target.name
            peran = s.peran
        else:
            induk = _induk_anggota(ix, s)
            peran = ANGGOTA
        if s.jenis_kontribusi == ANGKA:
            teks_target = f"{format_angka(s.porsi)} {s.satuan or ''}".strip()
        else:
            teks_target = f"mendukung target {target.target}"
        kegiatan = [ix.kegiatan[k] for k in s.kegiatan]
        bukti = list(dict.fromkeys(k.bukti_dukung for k in kegiatan if k.bukti_dukung))
        baris.append(
            (
                s.nip,
                ix.pegawai[s.nip].name,
                peran,
                s.tim,
                ix.jenis_target(kode),
                s.hasil,
                induk,
                kode,
                s.jenis_kontribusi,
                teks_target,
                ix.aspek(kode),
                "; ".join(bukti) or None,
                max(k.bulan_selesai for k in kegiatan),
            )
        )
    return pd.DataFrame(baris, columns=list(KOLOM_RHK))
