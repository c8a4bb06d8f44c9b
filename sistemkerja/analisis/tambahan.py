"""RHK tambahan of a person: the Ketua Tim role itself and tasks held by decree (SK).

Permenpan RB 6/2022 puts work outside the cascade of the unit head's indicators under
*B. Kinerja Tambahan* of the SKP. Two kinds come from the plan without any hours:

- leading a team: one RHK per team led, "Terkoordinasinya pelaksanaan tugas <tim>",
  measured by the progress reports the Ketua writes for each periodic assessment
  (:attr:`~sistemkerja.domain.kebijakan.Kebijakan.periode_penilaian`: 4 reports a year
  when quarterly, 12 when monthly);
- each row of the Tugas SK sheet (:class:`~sistemkerja.domain.pk.TugasSK`: bendahara,
  pejabat pengadaan, ad-hoc teams), with its own target.

The frames have the columns of :func:`sistemkerja.analisis.rhk` and
:func:`sistemkerja.analisis.iki` (the RHK/IKI contract); ``no`` is left empty for the
caller to number after the person's other RHK (:func:`gabung_tambahan` does so).
"""

from __future__ import annotations

import math

import pandas as pd

from sistemkerja.analisis.bahasa import KATA_HASIL, bahasa_hasil
from sistemkerja.analisis.skp import KOLOM_IKI, KOLOM_RHK, iki, rhk
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import JenisJabatan, PeriodePenilaian
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.rencana import Rencana

KOORDINASI = "koordinasi"
"""``jenis_kontribusi`` of a Ketua Tim's coordination RHK."""
TUGAS_SK = "tugas SK"
"""``jenis_kontribusi`` of an RHK from the Tugas SK sheet."""

LAPORAN_KETUA: dict[PeriodePenilaian, int] = {
    PeriodePenilaian.TRIWULANAN: 4,
    PeriodePenilaian.BULANAN: 12,
}
"""Progress reports a Ketua Tim writes in a year, per assessment period (laporan)."""

IKI_KETUA = "Jumlah laporan kemajuan pelaksanaan tugas tim yang tersusun"
"""Indicator of a Ketua Tim's coordination RHK."""
BUKTI_KETUA = "Laporan kemajuan tim"
"""Evidence of a Ketua Tim's coordination RHK."""


def _peran_ketua(nama_tim: str) -> str:
    return f"Ketua {nama_tim}" if nama_tim.casefold().startswith("tim") else f"Ketua Tim {nama_tim}"


def _hasil_tugas(uraian: str) -> tuple[str, str]:
    """Word an SK task as (result, what its indicator counts).

    An activity (``"Pengelolaan sekretariat …"``) is reworded by
    :func:`~sistemkerja.analisis.bahasa.bahasa_hasil`; a post (``"Bendahara …"``, whose
    first word is not in the verb table :data:`~sistemkerja.analisis.bahasa.KATA_HASIL`)
    becomes ``"Terlaksananya tugas <post>"``.
    """
    pertama = uraian.split(" ", 1)[0].casefold()
    if pertama not in KATA_HASIL:
        return f"Terlaksananya tugas {uraian}", f"pelaksanaan tugas {uraian}"
    return bahasa_hasil(uraian), uraian[:1].lower() + uraian[1:]


def rhk_tambahan(plan: Rencana, alokasi: Alokasi) -> tuple[pd.DataFrame, pd.DataFrame]:
    """RHK tambahan of every person: teams led and tasks by decree.

    Parameters
    ----------
    plan : Rencana
        The plan (teams, Tugas SK, policy's ``periode_penilaian``).
    alokasi : Alokasi
        Team memberships (who leads which team) and assignments.

    Returns
    -------
    rhk : pandas.DataFrame
        Columns :data:`KOLOM_RHK`, one row per team led (Pegawai order, then team order)
        and per Tugas SK row (sheet order): ``jenis`` ``"Tambahan"``, ``no`` NaN,
        ``rhk_pimpinan`` empty (a tambahan result is given by the penilai, it does not
        intervene in a superior's RHK), ``nip_pimpinan`` the person's penilai (their
        ``penilai``, else the unit head for the unit's own staff), ``indikator`` a key
        joining the IKI rows: the team code, or ``"SK-<n>"`` for the n-th Tugas SK row;
        ``jenis_kontribusi`` :data:`KOORDINASI` or :data:`TUGAS_SK`; ``kegiatan`` the
        team's activity codes (empty for an SK task); ``bulan_jatuh_tempo`` 12;
        ``sumber`` ``"otomatis"``.
    iki : pandas.DataFrame
        Columns :data:`KOLOM_IKI` plus ``indikator`` (the join key above); one
        Kuantitas indicator per RHK: for a team led :data:`IKI_KETUA` with the target of
        :data:`LAPORAN_KETUA` (``"4 Laporan"`` when quarterly), for an SK task
        ``"Jumlah <satuan> pelaksanaan tugas <uraian>"`` (``"Jumlah <satuan> <uraian>"``
        for an activity) with the SK's target.
    """
    staff = plan.pegawai_by_nip()
    teams = {t.code: t for t in plan.tim}
    order = {p.nip: n for n, p in enumerate(plan.pegawai)}
    team_order = {t.code: n for n, t in enumerate(plan.tim)}
    head = kepala_unit(plan)
    kepala = head.nip if head is not None else None
    rhk_rows: list[tuple[object, ...]] = []
    iki_rows: list[tuple[object, ...]] = []
    led = sorted(
        (k for k in alokasi.keanggotaan if k.ketua and k.nip in staff and k.tim in teams),
        key=lambda k: (order[k.nip], team_order[k.tim]),
    )
    laporan = LAPORAN_KETUA[plan.kebijakan.periode_penilaian]
    for k in led:
        person = staff[k.nip]
        tim = teams[k.tim]
        kegiatan = [g.code for g in plan.kegiatan if g.tim == tim.code]
        rhk_rows.append(
            (
                person.nip,
                person.name,
                _peran_ketua(tim.name),
                tim.code,
                "Tambahan",
                math.nan,
                f"Terkoordinasinya pelaksanaan tugas {tim.name}",
                None,
                person.penilai or kepala,
                tim.code,
                KOORDINASI,
                ", ".join(kegiatan) or None,
                BUKTI_KETUA,
                12,
                "otomatis",
                None,
            )
        )
        iki_rows.append(
            (
                person.nip,
                math.nan,
                "Kuantitas",
                IKI_KETUA,
                f"{laporan} Laporan",
                float(laporan),
                "Laporan",
                tim.code,
            )
        )
    for n, tugas in enumerate(plan.tugas_sk, start=1):
        person = staff.get(tugas.nip)
        if person is None:
            continue  # reported by validation (unknown NIP)
        target = tugas.parsed_target
        key = f"SK-{n}"
        hasil, diukur = _hasil_tugas(tugas.uraian)
        rhk_rows.append(
            (
                person.nip,
                person.name,
                "Tugas SK",
                None,
                "Tambahan",
                math.nan,
                hasil,
                None,
                person.penilai or kepala,
                key,
                TUGAS_SK,
                None,
                f"Laporan pelaksanaan tugas sesuai {tugas.dasar}"
                if tugas.dasar
                else "Laporan pelaksanaan tugas",
                12,
                "otomatis",
                None,
            )
        )
        satuan = tugas.satuan or target.satuan
        iki_rows.append(
            (
                person.nip,
                math.nan,
                "Kuantitas",
                f"Jumlah {satuan.lower()} {diukur}",
                f"{format_angka(target.nilai)} {satuan}".strip(),
                float(target.nilai),
                satuan,
                key,
            )
        )
    rhk = pd.DataFrame(rhk_rows, columns=list(KOLOM_RHK))
    iki = pd.DataFrame(iki_rows, columns=[*KOLOM_IKI, "indikator"])
    rhk["no"] = rhk["no"].astype(float)
    iki["no"] = iki["no"].astype(float)
    return rhk, iki


def kepala_unit(plan: Rencana) -> Pegawai | None:
    """Return the unit head: the PK's pihak pertama by NIP, else the unit's Struktural person.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    Pegawai or None
        The person in the Pegawai sheet, ``None`` when neither is found.
    """
    staff = plan.pegawai_by_nip()
    if plan.pk.nip_pihak_pertama and plan.pk.nip_pihak_pertama in staff:
        return staff[plan.pk.nip_pihak_pertama]
    return next(
        (p for p in plan.pegawai if p.unit == plan.pk.unit and p.jenis is JenisJabatan.STRUKTURAL),
        None,
    )


def gabung_tambahan(
    rhk: pd.DataFrame, iki: pd.DataFrame, tambahan: tuple[pd.DataFrame, pd.DataFrame]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Append RHK tambahan to contract frames, numbering them after each person's RHK.

    Parameters
    ----------
    rhk, iki : pandas.DataFrame
        Frames of the RHK/IKI contract (``no`` 1.. per person).
    tambahan : tuple of pandas.DataFrame
        The output of :func:`rhk_tambahan`.

    Returns
    -------
    tuple of pandas.DataFrame
        ``rhk`` and ``iki`` with the tambahan rows added (``no`` continuing each
        person's numbering), ``rhk`` sorted by person (first appearance) then ``no``.
    """
    extra_rhk, extra_iki = (t.copy() for t in tambahan)
    last = rhk.groupby("nip")["no"].max().to_dict() if len(rhk) else {}
    numbers: list[float] = []
    for nip in extra_rhk["nip"]:
        last[nip] = float(last.get(nip, 0) or 0) + 1
        numbers.append(last[nip])
    extra_rhk["no"] = numbers
    key = dict(
        zip(zip(extra_rhk["nip"], extra_rhk["indikator"], strict=True), numbers, strict=True)
    )
    extra_iki["no"] = [
        key[(n, k)] for n, k in zip(extra_iki["nip"], extra_iki["indikator"], strict=True)
    ]
    extra_iki = extra_iki[list(KOLOM_IKI)]
    parts_rhk = [f for f in (rhk, extra_rhk) if len(f)]
    parts_iki = [f for f in (iki, extra_iki) if len(f)]
    out_rhk = pd.concat(parts_rhk, ignore_index=True) if parts_rhk else rhk
    out_iki = pd.concat(parts_iki, ignore_index=True) if parts_iki else iki
    first = {nip: n for n, nip in enumerate(dict.fromkeys(out_rhk["nip"]))}
    out_rhk = out_rhk.assign(_urut=out_rhk["nip"].map(first)).sort_values(
        ["_urut", "no"], kind="stable"
    )
    return out_rhk.drop(columns="_urut").reset_index(drop=True), out_iki.reset_index(drop=True)


def rhk_lengkap(plan: Rencana, alokasi: Alokasi) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every RHK and IKI of every person's SKP: the MPH's and the RHK tambahan.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships.

    Returns
    -------
    tuple of pandas.DataFrame
        :func:`~sistemkerja.analisis.rhk` and :func:`~sistemkerja.analisis.iki` with the
        rows of :func:`rhk_tambahan` (the Ketua Tim role of each team led, each Tugas SK)
        appended under *Tambahan* and numbered after each person's RHK
        (:func:`gabung_tambahan`). The ``indikator`` of such a row is the team code or
        ``"SK-<n>"`` (the n-th row of the Tugas SK sheet).
    """
    return gabung_tambahan(rhk(plan, alokasi), iki(plan, alokasi), rhk_tambahan(plan, alokasi))
