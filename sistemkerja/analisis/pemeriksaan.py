"""Cascade checks per target: is its number carried, exactly once, by someone.

Domain §4 *(practice)*: for additive indicators (*hitungan*) the angka shares sum to the
parent target; level/index indicators (*posisi*, *rilis*) are never divided. Only the
activities marked as carriers (``Kegiatan.angka``, *Pembawa angka*) count: a supporting
step (*pendukung*, e.g. a verification of the documents another activity draws up) is
worked and checked like any activity but adds nothing to the number. Every indicator gets
one status, the most serious of its findings, in this order:

1. ``"rantai putus"`` — no activity, an activity nobody works on, or members' results
   whose team lacks the Ketua Tim its strategy needs;
2. ``"ganda"`` — the same result claimed twice at one level: two Ketua for one team, an
   effort line whose porsi sum above 1, or a non-additive target held by several people
   at level 1 (an additive split of a target that must not be divided);
3. ``"tanpa pembawa angka"`` — an additive target none of whose activities carries its
   number (none has its unit, or those that have it are all marked pendukung);
4. ``"lebih"`` / ``"kurang"`` — Σ angka shares above / below the target;
5. ``"teralokasi penuh"`` — Σ angka shares equal the target, or (non-additive) one
   person carries the whole target.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from sistemkerja.analisis._indeks import Indeks, KunciBeban, indeks
from sistemkerja.analisis.kontribusi import KontribusiKegiatan
from sistemkerja.analisis.mph import Sel, sel_level1
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.target import Arah

RANTAI_PUTUS = "rantai putus"
GANDA = "ganda"
TANPA_PEMBAWA = "tanpa pembawa angka"
LEBIH = "lebih"
KURANG = "kurang"
PENUH = "teralokasi penuh"

STATUS: tuple[str, ...] = (RANTAI_PUTUS, GANDA, TANPA_PEMBAWA, LEBIH, KURANG, PENUH)
"""Every cascade status, most serious first."""

KOLOM_CASCADE: tuple[str, ...] = (
    "indikator",
    "uraian",
    "jenis",
    "pola",
    "target",
    "satuan",
    "jumlah_angka",
    "selisih",
    "status",
    "pesan",
)
"""Columns of :func:`cascade`, in order."""

_TOLERANSI_RELATIF = 1e-9


def _sama(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_TOLERANSI_RELATIF, abs_tol=1e-9)


def _periksa_target(
    ix: Indeks, kontrib: KontribusiKegiatan, kode: str, level1: list[Sel]
) -> tuple[float, list[tuple[str, str]]]:
    """Return Σ angka shares (NaN if not additive) and the findings of one target."""
    target = ix.target[kode]
    nilai = target.nilai_target  # None for a predicate, period, date or compound target
    satuan = target.satuan
    kegiatan = ix.kegiatan_target(kode)
    temuan: list[tuple[str, str]] = []
    if not kegiatan:
        temuan.append((RANTAI_PUTUS, f"{kode} belum punya kegiatan; targetnya tidak dikerjakan."))
    kosong = [k.code for k in kegiatan if not kontrib.rows(k.code)]
    if kegiatan and len(kosong) == len(kegiatan):
        daftar = ", ".join(kosong)
        temuan.append((RANTAI_PUTUS, f"belum ada pegawai yang ditugaskan pada kegiatan {daftar}."))
    elif kosong:
        daftar = ", ".join(kosong)
        temuan.append((RANTAI_PUTUS, f"kegiatan {daftar} belum ada yang mengerjakan."))

    strategi = ix.plan.strategi_by_target().get(kode)
    perlu_ketua = strategi is not None and strategi.perlu_ketua
    for tim in dict.fromkeys(k.tim for k in kegiatan if k.tim is not None):
        nama_tim = ix.nama_tim(tim)
        ketua = ix.ketua.get(tim, [])
        dikerjakan = any(kontrib.rows(k.code) for k in kegiatan if k.tim == tim)
        if not ketua and perlu_ketua and dikerjakan:
            temuan.append(
                (
                    RANTAI_PUTUS,
                    f"tim {nama_tim} ({tim}) belum punya Ketua Tim padahal strategi {kode} "
                    "memerlukannya; hasil anggotanya tidak tersambung ke pimpinan.",
                )
            )
        if len(ketua) > 1:
            nama = ", ".join(ix.pegawai[n].name for n in ketua)
            temuan.append(
                (
                    GANDA,
                    f"tim {nama_tim} ({tim}) punya {len(ketua)} Ketua Tim ({nama}); hasil tim "
                    f"yang sama diklaim {len(ketua)} kali pada level 1.",
                )
            )
    for k in kegiatan:
        porsi: dict[KunciBeban, float] = defaultdict(float)
        for p in ix.penugasan_kegiatan.get(k.code, []):
            porsi[(p.kegiatan, p.jabatan, p.jenjang_min)] += p.porsi
        for (_, jabatan, _), jumlah in porsi.items():
            if jumlah > 1 + 1e-9:
                temuan.append(
                    (
                        GANDA,
                        f"porsi baris beban {k.code} ({jabatan}) berjumlah "
                        f"{format_angka(jumlah)} (> 1); bagian yang sama diklaim lebih dari "
                        "sekali.",
                    )
                )

    if not ix.aditif(kode) or nilai is None:
        pemegang = list(dict.fromkeys((s.nip, s.peran) for s in level1 if s.indikator == kode))
        orang = list(dict.fromkeys(n for n, _ in pemegang))
        sebut = ", ".join(f"{ix.pegawai[n].name} ({p})" for n, p in pemegang)
        if len(orang) > 1:
            temuan.append(
                (
                    GANDA,
                    f"target {target.target} ({ix.pola(kode)}) tidak boleh dibagi, tetapi "
                    f"dipegang {len(orang)} orang pada level 1: {sebut}.",
                )
            )
        elif orang:
            temuan.append((PENUH, f"target {target.target} tidak dibagi; dipegang oleh {sebut}."))
        elif all(s != RANTAI_PUTUS for s, _ in temuan):
            temuan.append(
                (PENUH, f"target {target.target} tidak dibagi; dipegang langsung oleh tim.")
            )
        return math.nan, temuan

    pembawa = [k for k in kegiatan if ix.pembawa_angka(k)]
    jumlah = sum(r.porsi_mentah for k in pembawa for r in kontrib.rows(k.code))
    t = f"{format_angka(nilai)} {satuan}".strip()
    j = f"{format_angka(jumlah)} {satuan}".strip()
    sesuai = [k.code for k in kegiatan if ix.satuan_target(k)]
    if kegiatan and not pembawa and sesuai:
        daftar = ", ".join(sesuai)
        temuan.append(
            (
                TANPA_PEMBAWA,
                f"kegiatan {kode} yang keluarannya bersatuan '{satuan}' ({daftar}) semuanya "
                f"ditandai pendukung (Pembawa angka: Tidak), jadi tidak ada yang membawa angka "
                f"target {t}.",
            )
        )
    elif kegiatan and not pembawa:
        temuan.append(
            (
                TANPA_PEMBAWA,
                f"tidak ada kegiatan {kode} yang keluarannya bersatuan '{satuan}', jadi tidak "
                f"ada yang membawa angka target {t}.",
            )
        )
    elif pembawa and _sama(jumlah, nilai):
        temuan.append((PENUH, f"jumlah angka {j} sama dengan target {t}."))
    elif pembawa and jumlah < nilai and target.target_pk.arah is Arah.TURUN:
        # an upper bound ("≤ 10 Laporan", lower is better) is met below its number
        batas = target.target
        temuan.append((PENUH, f"jumlah angka {j} tidak melebihi batas target {batas}."))
    elif pembawa and jumlah < nilai:
        beda = format_angka(nilai - jumlah)
        temuan.append((KURANG, f"jumlah angka {j} kurang {beda} dari target {t}."))
    elif pembawa:
        beda = format_angka(jumlah - nilai)
        temuan.append(
            (
                LEBIH,
                f"jumlah angka {j} melebihi target {t} sebesar {beda}; periksa apakah beberapa "
                "kegiatan menghitung keluaran yang sama, dan tandai kegiatan pendukungnya "
                "(Pembawa angka: Tidak).",
            )
        )
    return jumlah, temuan


def cascade(plan: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """Check how each target cascades to the people of an allocation.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    pandas.DataFrame
        One row per indicator then tugas tambahan, in plan order:

        - ``indikator``, ``uraian`` — code and wording;
        - ``jenis`` — ``"Utama"`` (indicator) or ``"Tambahan"`` (tugas tambahan);
        - ``pola`` — ``"Hitungan"``, ``"Posisi"`` or ``"Rilis"`` (tugas tambahan count as
          Hitungan);
        - ``target``, ``satuan`` — the target's number and its unit (a bound's number, a
          range's lower end; NaN for a predicate, period, date or compound target, which
          has no one number and is never divided);
        - ``jumlah_angka`` — Σ unrounded angka shares of its carrier activities
          (satuan; pendukung activities add nothing); NaN for non-additive targets,
          whose number is never divided;
        - ``selisih`` — ``jumlah_angka − target`` (satuan; NaN when not additive);
        - ``status`` — one of :data:`STATUS` (the most serious finding, see the module
          docstring);
        - ``pesan`` — every finding explained in Indonesian with its numbers, joined by
          ``" "``.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    ix = indeks(plan, alokasi)
    kontrib = KontribusiKegiatan(ix)
    level1 = sel_level1(ix, kontrib)
    baris = []
    for kode in ix.urutan_target():
        target = ix.target[kode]
        angka = target.nilai_target
        nilai = math.nan if angka is None else angka
        jumlah, temuan = _periksa_target(ix, kontrib, kode, level1)
        status = min((s for s, _ in temuan), key=STATUS.index)
        pesan = " ".join(m[:1].upper() + m[1:] for _, m in temuan)
        baris.append(
            (
                kode,
                target.name,
                ix.jenis_target(kode),
                ix.pola(kode),
                nilai,
                target.satuan,
                jumlah,
                jumlah - nilai,
                status,
                pesan,
            )
        )
    return pd.DataFrame(baris, columns=list(KOLOM_CASCADE))
