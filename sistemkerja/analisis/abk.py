"""ABK what-if: who is outside the target EJ band and why, and moving hours between people.

For the dialog kinerja on workload (analisis beban kerja):

- :func:`di_luar_rentang` lists the people whose EJ is outside the policy's target band
  [``ej_min``, ``ej_max``] with the activities that make their load;
- :func:`pindah_jam` moves hours of one activity from one person to another in a copy of
  the allocation (a :class:`Pindah` holding the new allocation and its warnings);
- :func:`efek_pindah` compares EJ before and after, per person and for the unit's spread.

EJ, its band and its position are those of :func:`~sistemkerja.analisis.beban.beban_pegawai`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from sistemkerja.analisis._indeks import TOLERANSI, indeks
from sistemkerja.analisis.beban import DI_ATAS, DI_BAWAH, abk_kategori, beban_pegawai, posisi_pita
from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Asal, Peran
from sistemkerja.domain.rencana import Rencana

__all__ = [
    "KOLOM_DI_LUAR_RENTANG",
    "KOLOM_EFEK_PINDAH",
    "Pindah",
    "di_luar_rentang",
    "efek_pindah",
    "pindah_jam",
]

KOLOM_DI_LUAR_RENTANG: tuple[str, ...] = (
    "nip",
    "nama",
    "jabatan",
    "jenjang",
    "asal",
    "kapasitas",
    "jam_terikat",
    "jam_tugas",
    "jam_ketua",
    "jam_total",
    "ej",
    "kategori",
    "posisi",
    "jam_selisih",
    "jumlah_kegiatan",
    "kegiatan",
    "alasan",
)
"""Columns of :func:`di_luar_rentang`, in order."""

KOLOM_EFEK_PINDAH: tuple[str, ...] = (
    "baris",
    "nip",
    "nama",
    "jam_sebelum",
    "jam_sesudah",
    "ej_sebelum",
    "ej_sesudah",
    "selisih_ej",
    "kategori_sebelum",
    "kategori_sesudah",
    "posisi_sebelum",
    "posisi_sesudah",
    "ej_tertinggi_sebelum",
    "ej_tertinggi_sesudah",
    "ej_terendah_sebelum",
    "ej_terendah_sesudah",
    "simpangan_baku_sebelum",
    "simpangan_baku_sesudah",
)
"""Columns of :func:`efek_pindah`, in order."""

PEGAWAI, UNIT = "pegawai", "unit"
"""Values of :func:`efek_pindah`'s ``baris`` column."""


def _jam(x: float) -> str:
    return f"{format_angka(x)} jam"


def _terlibat(alokasi: Alokasi) -> set[str]:
    return {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}


def di_luar_rentang(rencana: Rencana, alokasi: Alokasi) -> pd.DataFrame:
    """List everyone whose EJ is outside the policy's target band, and why.

    Parameters
    ----------
    rencana : Rencana
        The plan (its Kebijakan holds the band ``ej_min``–``ej_max``).
    alokasi : Alokasi
        Assignments and memberships.

    Returns
    -------
    pandas.DataFrame
        One row per person of the unit's own staff, or from outside with an assignment
        or a membership, whose ``posisi`` (:func:`~sistemkerja.analisis.beban.posisi_pita`)
        is ``"di atas pita"`` or ``"di bawah pita"``; people whose EJ is undefined (no
        capacity) are left out. Over the band first (highest EJ first), then under it
        (lowest first). Columns:

        - ``nip``, ``nama``, ``jabatan``, ``jenjang``, ``asal``;
        - ``kapasitas``, ``jam_terikat``, ``jam_tugas``, ``jam_ketua``, ``jam_total``
          (jam), ``ej``, ``kategori``, ``posisi`` as in
          :func:`~sistemkerja.analisis.beban.beban_pegawai`;
        - ``jam_selisih`` — hours to take away (over) or to add (under) to reach the
          band's edge (jam, positive);
        - ``jumlah_kegiatan`` — activities the person works on;
        - ``kegiatan`` — those activities, largest first, as text:
          ``"K-03 Penyusunan peta jabatan 320 jam; K-07 … 210 jam"`` (``"-"`` for none);
        - ``alasan`` — why, in Indonesian: the load and the committed and Ketua hours
          for people over the band; few or no assignments for people under it.

    Raises
    ------
    ValueError
        If the allocation refers to unknown people, activities, effort lines or teams.
    """
    beban = beban_pegawai(rencana, alokasi)
    k = rencana.kebijakan
    names = {g.code: g.name for g in rencana.kegiatan}
    per_orang: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for p in alokasi.penugasan:
        per_orang[p.nip][p.kegiatan] += p.jam
    involved = _terlibat(alokasi)
    keep = beban["posisi"].isin([DI_ATAS, DI_BAWAH]) & (
        (beban["asal"] == Asal.UNIT.value) | beban["nip"].isin(involved)
    )
    rows = []
    for r in beban[keep].itertuples(index=False):
        acts = sorted(per_orang[r.nip].items(), key=lambda kv: -kv[1])
        teks = "; ".join(f"{code} {names[code]} {_jam(jam)}" for code, jam in acts) or "-"
        over = r.posisi == DI_ATAS
        edge = k.ej_max if over else k.ej_min
        selisih = abs(r.jam_total - edge * r.kapasitas)
        if over:
            batas = f"{_jam(edge * r.kapasitas)} (EJ {format_angka(edge, 2)})"
            parts = [f"beban {_jam(r.jam_total)} melebihi {batas} sebesar {_jam(selisih)}"]
            if acts:
                parts.append(f"terbesar dari {acts[0][0]} {names[acts[0][0]]}")
        else:
            if not acts:
                parts = ["tidak ada penugasan"]
            else:
                n = len(acts)
                parts = [f"sedikit penugasan: {n} kegiatan, {_jam(r.jam_tugas)}"]
            parts.append(f"kurang {_jam(selisih)} untuk mencapai EJ {format_angka(edge, 2)}")
        if r.jam_terikat > 0:
            parts.append(f"jam terikat {_jam(r.jam_terikat)}")
        if r.jam_ketua > 0:
            parts.append(f"jam Ketua Tim {_jam(r.jam_ketua)}")
        rows.append(
            (
                r.nip,
                r.nama,
                r.jabatan,
                r.jenjang,
                r.asal,
                r.kapasitas,
                r.jam_terikat,
                r.jam_tugas,
                r.jam_ketua,
                r.jam_total,
                r.ej,
                r.kategori,
                r.posisi,
                selisih,
                len(acts),
                teks,
                "; ".join(parts),
            )
        )
    out = pd.DataFrame(rows, columns=list(KOLOM_DI_LUAR_RENTANG))
    if out.empty:
        return out
    order = out["ej"].where(out["posisi"] == DI_BAWAH, -out["ej"])
    rank = (out["posisi"] == DI_BAWAH).astype(int)
    return (
        out.assign(_r=rank, _o=order)
        .sort_values(["_r", "_o"], kind="stable")
        .drop(columns=["_r", "_o"])
        .reset_index(drop=True)
    )


@dataclass(frozen=True, slots=True)
class Pindah:
    """The outcome of :func:`pindah_jam`: the new allocation and what to watch.

    Parameters
    ----------
    alokasi : Alokasi
        The allocation after the move (the input is never changed).
    peringatan : tuple of str
        Indonesian warnings on rules the move may break: the receiver was not in the
        activity's team (added to it as Anggota in ``alokasi``), lacks the effort line's
        jabatan or jenjang, is barred by a pin, an individual activity is split, or a
        ``Jam tetap`` pin is no longer met. Empty when none applies.
    """

    alokasi: Alokasi
    peringatan: tuple[str, ...] = ()


def pindah_jam(
    rencana: Rencana, alokasi: Alokasi, dari: str, ke: str, kegiatan: str, jam: float
) -> Pindah:
    """Move hours of one activity from one person to another (what-if).

    The hours leave ``dari``'s assignments on ``kegiatan`` line by line (largest line
    first) and join ``ke``'s assignment on the same effort line (jabatan, jenjang
    minimal), merged with one ``ke`` already has. Each moved assignment keeps the line's
    jabatan; its ``porsi`` and ``biaya`` follow the hours: ``dari``'s shrink in
    proportion, ``ke`` gets ``jam`` ÷ its hours for the whole line (the
    :class:`~sistemkerja.domain.penetapan.Penyesuaian` override, else the line's hours)
    and the cost per hour of that (the override's cost, else the hourly cost).

    Parameters
    ----------
    rencana : Rencana
        The plan.
    alokasi : Alokasi
        The allocation before the move (not changed).
    dari, ke : str
        NIP of the person giving and of the person receiving the hours.
    kegiatan : str
        Activity code.
    jam : float
        Hours to move (jam, > 0, at most ``dari``'s hours on ``kegiatan``).

    Returns
    -------
    Pindah
        The new allocation and the warnings (see :class:`Pindah`). When ``ke`` is not a
        member of the activity's team, the move is still made and ``ke`` is added to the
        team as Anggota, so the analyses accept the allocation; a warning says so.

    Raises
    ------
    ValueError
        In Indonesian, naming the person or activity: unknown NIP or activity, the same
        person twice, ``jam`` not a positive finite number, or ``dari`` having fewer than
        ``jam`` hours on ``kegiatan``; or when the allocation does not fit the plan.
    """
    ix = indeks(rencana, alokasi)
    for peran, nip in (("pemberi", dari), ("penerima", ke)):
        if nip not in ix.pegawai:
            raise ValueError(f"NIP {nip} ({peran} jam) tidak ada di lembar Pegawai")
    if kegiatan not in ix.kegiatan:
        raise ValueError(f"kegiatan {kegiatan} tidak ada di lembar Kegiatan")
    keg = ix.kegiatan[kegiatan]
    p_dari, p_ke = ix.pegawai[dari], ix.pegawai[ke]
    label = f"{kegiatan} {keg.name}"
    if dari == ke:
        raise ValueError(f"pemberi dan penerima jam sama ({p_dari.name}); pilih orang lain")
    if isinstance(jam, bool) or not isinstance(jam, int | float) or not math.isfinite(jam):
        raise ValueError(f"jam yang dipindah harus bilangan, bukan {jam!r}")
    if jam <= 0:
        raise ValueError(f"jam yang dipindah harus lebih dari 0, bukan {format_angka(jam)}")
    milik = [i for i, p in enumerate(alokasi.penugasan) if p.nip == dari and p.kegiatan == kegiatan]
    punya = sum(alokasi.penugasan[i].jam for i in milik)
    if jam > punya + TOLERANSI:
        raise ValueError(
            f"{p_dari.name} hanya punya {_jam(punya)} pada {label}; "
            f"tidak dapat memindahkan {_jam(jam)}"
        )
    tasks: list[Penugasan | None] = list(alokasi.penugasan)
    sisa = float(jam)
    moved: list[tuple[Penugasan, float]] = []  # (line's assignment of dari, hours moved)
    for i in sorted(milik, key=lambda i: -alokasi.penugasan[i].jam):
        if sisa <= TOLERANSI:
            break
        p = alokasi.penugasan[i]
        take = min(sisa, p.jam)
        sisa -= take
        moved.append((p, take))
        left = p.jam - take
        tasks[i] = (
            None
            if left <= TOLERANSI
            else replace(p, jam=left, porsi=p.porsi * left / p.jam, biaya=p.biaya * left / p.jam)
        )
    overrides = {(s.nip, s.kegiatan): s for s in rencana.penyesuaian}
    over = overrides.get((ke, kegiatan))
    for p, take in moved:
        line = ix.beban[(p.kegiatan, p.jabatan, p.jenjang_min)]
        full = over.jam if over is not None and over.jam is not None else line.jam
        cost_full = over.biaya if over is not None and over.biaya is not None else None
        per_jam = (cost_full / full if full > 0 else 0.0) if cost_full is not None else None
        biaya = take * (p_ke.hourly_cost if per_jam is None else per_jam)
        porsi = take / full if full > 0 else 0.0
        j = next(
            (
                j
                for j, q in enumerate(tasks)
                if q is not None
                and q.nip == ke
                and (q.kegiatan, q.jabatan, q.jenjang_min) == (p.kegiatan, p.jabatan, p.jenjang_min)
            ),
            None,
        )
        if j is None:
            tasks.append(Penugasan(ke, p.kegiatan, p.jabatan, p.jenjang_min, take, porsi, biaya))
        else:
            q = tasks[j]
            assert q is not None
            tasks[j] = replace(q, jam=q.jam + take, porsi=q.porsi + porsi, biaya=q.biaya + biaya)
    members = list(alokasi.keanggotaan)
    warnings = []
    if keg.tim is not None and ke not in ix.anggota.get(keg.tim, []):
        members.append(Keanggotaan(keg.tim, ke, False))
        warnings.append(
            f"{p_ke.name} bukan anggota {ix.nama_tim(keg.tim)} yang mengerjakan {label}; "
            "dalam skenario ini ia ditambahkan sebagai Anggota"
        )
    if keg.tim is None:
        warnings.append(
            f"{label} dikerjakan perorangan (tanpa tim); memindahkan jamnya membagi kegiatan "
            "itu di antara dua orang"
        )
    for p, _ in moved:
        if p_ke.jabatan != p.jabatan:
            warnings.append(
                f"{label} memerlukan {p.jabatan}, sedangkan {p_ke.name} adalah {p_ke.jabatan}"
            )
        elif p.jenjang_min is not None and not p_ke.jenjang.at_least(p.jenjang_min):
            warnings.append(
                f"{label} memerlukan {p.jabatan} berjenjang minimal {p.jenjang_min}, "
                f"sedangkan {p_ke.name} berjenjang {p_ke.jenjang}"
            )
    warnings += _pin_warnings(rencana, dari, ke, kegiatan, keg.tim, label)
    if rencana.asal(p_ke) is not Asal.UNIT and ke not in _terlibat(alokasi):
        warnings.append(f"{p_ke.name} dari luar unit belum terlibat; pelibatannya menambah biaya")
    new = Alokasi(tuple(t for t in tasks if t is not None), tuple(members))
    return Pindah(new, tuple(dict.fromkeys(warnings)))


def _pin_warnings(
    plan: Rencana, dari: str, ke: str, kegiatan: str, tim: str | None, label: str
) -> list[str]:
    people = plan.pegawai_by_nip()
    out = []
    for x in plan.penetapan:
        if x.nip == ke and x.peran is Peran.DILARANG and x.kegiatan == kegiatan:
            out.append(f"penetapan melarang {people[ke].name} mengerjakan {label}")
        elif x.nip == ke and x.peran is Peran.BUKAN_ANGGOTA and tim and x.tim == tim:
            out.append(f"penetapan mengeluarkan {people[ke].name} dari tim {tim}")
        elif x.nip in (dari, ke) and x.peran is Peran.JAM_TETAP and x.kegiatan == kegiatan:
            out.append(
                f"penetapan jam tetap {people[x.nip].name} pada {label} "
                f"({_jam(x.jam or 0.0)}) tidak lagi dipenuhi"
            )
    return out


def _sebaran(beban: pd.DataFrame) -> tuple[float, float, float, float, float]:
    """Return (total hours, mean, highest, lowest, std) of the unit's own staff's EJ."""
    own = beban[(beban["asal"] == Asal.UNIT.value) & beban["ej"].notna()]
    if own.empty:
        nan = math.nan
        return 0.0, nan, nan, nan, nan
    ej = own["ej"]
    return (
        float(own["jam_total"].sum()),
        float(ej.mean()),
        float(ej.max()),
        float(ej.min()),
        float(ej.std(ddof=0)),
    )


def efek_pindah(
    rencana: Rencana,
    sebelum: Alokasi,
    sesudah: Alokasi,
    nip: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Compare workload before and after a what-if (e.g. :func:`pindah_jam`).

    Parameters
    ----------
    rencana : Rencana
        The plan.
    sebelum, sesudah : Alokasi
        The allocations to compare.
    nip : str or iterable of str, optional
        People to show; by default those whose total hours changed.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`KOLOM_EFEK_PINDAH`. One ``baris == "pegawai"`` row per person
        (sheet order) with ``jam_sebelum``/``jam_sesudah`` (total hours, jam),
        ``ej_*``, ``selisih_ej`` (after − before), ``kategori_*`` and ``posisi_*``;
        the spread columns are NaN there. Then one ``baris == "unit"`` row for the
        unit's own staff (``nip`` ``<NA>``, ``nama`` ``"Sebaran EJ pegawai unit"``):
        total hours, mean EJ in ``ej_*``, the category and position of that mean, and
        ``ej_tertinggi_*``, ``ej_terendah_*`` and ``simpangan_baku_*`` (population
        standard deviation, as :func:`~sistemkerja.analisis.banding_skenario`).

    Raises
    ------
    ValueError
        If an allocation does not fit the plan, or a given NIP is not in the plan.
    """
    a = beban_pegawai(rencana, sebelum).set_index("nip")
    b = beban_pegawai(rencana, sesudah).set_index("nip")
    if nip is None:
        chosen = [n for n in a.index if abs(a.at[n, "jam_total"] - b.at[n, "jam_total"]) > 1e-9]
    else:
        chosen = [nip] if isinstance(nip, str) else list(nip)
        unknown = [n for n in chosen if n not in a.index]
        if unknown:
            raise ValueError(f"NIP {', '.join(unknown)} tidak ada di lembar Pegawai")
    nan = math.nan
    rows: list[tuple] = []
    for n in chosen:
        ea, eb = a.at[n, "ej"], b.at[n, "ej"]
        rows.append(
            (
                PEGAWAI,
                n,
                a.at[n, "nama"],
                a.at[n, "jam_total"],
                b.at[n, "jam_total"],
                ea,
                eb,
                eb - ea,
                a.at[n, "kategori"],
                b.at[n, "kategori"],
                a.at[n, "posisi"],
                b.at[n, "posisi"],
                *(nan,) * 6,
            )
        )
    ja, ma, hia, loa, sda = _sebaran(a)
    jb, mb, hib, lob, sdb = _sebaran(b)
    k = rencana.kebijakan
    rows.append(
        (
            UNIT,
            pd.NA,
            "Sebaran EJ pegawai unit",
            ja,
            jb,
            ma,
            mb,
            mb - ma,
            abk_kategori(ma, k.kategori_ej)[0],
            abk_kategori(mb, k.kategori_ej)[0],
            posisi_pita(ma, k),
            posisi_pita(mb, k),
            hia,
            hib,
            loa,
            lob,
            sda,
            sdb,
        )
    )
    return pd.DataFrame(rows, columns=list(KOLOM_EFEK_PINDAH))
