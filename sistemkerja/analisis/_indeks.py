"""Lookups shared by the analyses, built once per call from a plan and an allocation.

:func:`periksa_alokasi` lists every reference of an allocation that does not fit the plan;
:func:`indeks` refuses such an allocation, so no analysis guesses around a mismatch.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sistemkerja.domain.alokasi import Alokasi, Penugasan
from sistemkerja.domain.enums import Asal, Aspek, JenisJabatan, Jenjang
from sistemkerja.domain.kegiatan import BebanKegiatan, Kegiatan
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.pk import Indikator, TugasTambahan
from sistemkerja.domain.rencana import Rencana

KunciBeban = tuple[str, str, Jenjang | None]
"""An effort line's key: (kegiatan, jabatan, jenjang_min)."""

TOLERANSI = 1e-9
"""Absolute slack when comparing computed floats with band edges and targets."""


def _line(jenjang: Jenjang | None) -> str:
    return "tanpa jenjang minimal" if jenjang is None else f"jenjang minimal {jenjang.value}"


def periksa_alokasi(plan: Rencana, alokasi: Alokasi) -> list[str]:
    """List every reference of an allocation that does not fit the plan.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        Assignments and team memberships, e.g. made by hand.

    Returns
    -------
    list of str
        One Indonesian message per problem (empty when the allocation fits): unknown NIP,
        activity, effort line (kegiatan, jabatan, jenjang minimal) or team, and work on a
        team's activity by someone who is not a member of that team.
    """
    pegawai = plan.pegawai_by_nip()
    kegiatan = {k.code: k for k in plan.kegiatan}
    beban = {(b.kegiatan, b.jabatan, b.jenjang_min) for b in plan.beban}
    tim = {t.code for t in plan.tim}
    anggota = {(k.tim, k.nip) for k in alokasi.keanggotaan}
    masalah: list[str] = []
    for n, p in enumerate(alokasi.penugasan, start=1):
        awal = f"penugasan ke-{n} ({p.nip}, {p.kegiatan})"
        if p.nip not in pegawai:
            masalah.append(f"{awal}: NIP {p.nip} tidak ada di lembar Pegawai")
        k = kegiatan.get(p.kegiatan)
        if k is None:
            masalah.append(f"{awal}: kegiatan {p.kegiatan} tidak ada di lembar Kegiatan")
            continue
        if (p.kegiatan, p.jabatan, p.jenjang_min) not in beban:
            masalah.append(
                f"{awal}: kegiatan {p.kegiatan} tidak punya baris beban untuk jabatan "
                f"{p.jabatan} ({_line(p.jenjang_min)})"
            )
        if p.nip in pegawai and k.tim is not None and (k.tim, p.nip) not in anggota:
            masalah.append(
                f"{awal}: kegiatan {k.code} dikerjakan tim {k.tim}, tetapi {p.nip} bukan "
                "anggota tim itu"
            )
    for n, a in enumerate(alokasi.keanggotaan, start=1):
        if a.tim not in tim:
            masalah.append(f"keanggotaan ke-{n}: tim {a.tim} tidak ada di lembar Tim Kerja")
        if a.nip not in pegawai:
            masalah.append(f"keanggotaan ke-{n}: NIP {a.nip} tidak ada di lembar Pegawai")
    return masalah


def label_jabatan(pegawai: Pegawai) -> str:
    """Return the position as shown in an MPH: ``"Perencana Ahli Muda"``, ``"X (Klerek)"``."""
    if pegawai.jenis is JenisJabatan.JF:
        return f"{pegawai.jabatan} {pegawai.jenjang.value}"
    return f"{pegawai.jabatan} ({pegawai.jenjang.value})"


@dataclass(frozen=True, slots=True)
class Indeks:
    """Lookups of one (plan, allocation) pair; built by :func:`indeks`."""

    plan: Rencana
    alokasi: Alokasi
    pegawai: dict[str, Pegawai]
    kegiatan: dict[str, Kegiatan]
    target: dict[str, Indikator | TugasTambahan]
    beban: dict[KunciBeban, BebanKegiatan]
    jam_kegiatan: dict[str, float]
    penugasan_kegiatan: dict[str, list[Penugasan]]
    ketua: dict[str, list[str]]
    anggota: dict[str, list[str]]
    kegiatan_per: dict[tuple[str | None, str], list[str]]

    def kegiatan_tim(self, tim: str | None, indikator: str) -> list[str]:
        """Return the codes of a team's activities for one target (``tim=None``: no team)."""
        return self.kegiatan_per.get((tim, indikator), [])

    def kegiatan_target(self, indikator: str) -> list[Kegiatan]:
        """Return the activities of one target, in sheet order."""
        return [k for k in self.plan.kegiatan if k.indikator == indikator]

    def nama_tim(self, tim: str) -> str:
        """Return the name of a team (its code if unknown)."""
        return next((t.name for t in self.plan.tim if t.code == tim), tim)

    def urutan_target(self) -> list[str]:
        """Return indicator codes then tugas tambahan codes, in plan order."""
        return list(self.target)

    def aditif(self, kode: str) -> bool:
        """Whether a target's number adds up over its children (Hitungan, tugas tambahan)."""
        t = self.target[kode]
        return t.pola.additive if isinstance(t, Indikator) else True

    def pola(self, kode: str) -> str:
        """Return the label of a target's pattern (tugas tambahan count as Hitungan)."""
        t = self.target[kode]
        return t.pola.value if isinstance(t, Indikator) else "Hitungan"

    def aspek(self, kode: str) -> str:
        """Return the label of the aspect a target measures (tugas tambahan: Kuantitas)."""
        t = self.target[kode]
        return t.aspek.value if isinstance(t, Indikator) else Aspek.KUANTITAS.value

    def jenis_target(self, kode: str) -> str:
        """Return ``"Utama"`` for PK indicators, ``"Tambahan"`` for tugas tambahan."""
        return "Utama" if isinstance(self.target[kode], Indikator) else "Tambahan"

    def pembawa_angka(self, kegiatan: Kegiatan) -> bool:
        """Whether an activity carries part of its target's number (*angka*).

        True when the activity is marked as a carrier (``Kegiatan.angka``), the target
        is additive and the activity's output unit equals the target's unit
        (case-insensitive).
        """
        return kegiatan.angka and self.satuan_target(kegiatan)

    def satuan_target(self, kegiatan: Kegiatan) -> bool:
        """Whether an activity of an additive target outputs the target's unit.

        The unit test of :meth:`pembawa_angka` alone, whatever ``Kegiatan.angka`` says:
        such an activity marked *pendukung* could carry the number but does not.
        """
        if kegiatan.indikator not in self.target or not self.aditif(kegiatan.indikator):
            return False
        satuan = self.target[kegiatan.indikator].satuan
        return kegiatan.satuan.strip().casefold() == satuan.strip().casefold()

    def bobot_baris(self, kunci: KunciBeban) -> float:
        """Return the weight of an effort line in its activity: line hours / activity hours."""
        total = self.jam_kegiatan.get(kunci[0], 0.0)
        if total > 0:
            return self.beban[kunci].jam / total
        n = sum(1 for k in self.beban if k[0] == kunci[0])
        return 1.0 / n

    def asal(self, nip: str) -> Asal:
        """Return the origin of a person relative to the planning unit."""
        return self.plan.asal(self.pegawai[nip])


def indeks(plan: Rencana, alokasi: Alokasi) -> Indeks:
    """Build the lookups of a plan and an allocation, refusing a mismatched allocation.

    Parameters
    ----------
    plan : Rencana
        The plan.
    alokasi : Alokasi
        The allocation.

    Returns
    -------
    Indeks
        The lookups.

    Raises
    ------
    ValueError
        If :func:`periksa_alokasi` finds problems; the message lists them all.
    """
    masalah = periksa_alokasi(plan, alokasi)
    if masalah:
        daftar = "\n- ".join(masalah)
        raise ValueError(f"alokasi tidak cocok dengan rencana:\n- {daftar}")
    per_kegiatan: dict[str, list[Penugasan]] = defaultdict(list)
    for p in alokasi.penugasan:
        per_kegiatan[p.kegiatan].append(p)
    ketua: dict[str, list[str]] = {t.code: [] for t in plan.tim}
    anggota: dict[str, list[str]] = {t.code: [] for t in plan.tim}
    for a in alokasi.keanggotaan:
        if a.ketua and a.nip not in ketua[a.tim]:
            ketua[a.tim].append(a.nip)
    for t in plan.tim:
        urut = list(ketua[t.code])
        urut += [a.nip for a in alokasi.keanggotaan if a.tim == t.code and a.nip not in urut]
        anggota[t.code] = list(dict.fromkeys(urut))
    kegiatan_per: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for k in plan.kegiatan:
        kegiatan_per[(k.tim, k.indikator)].append(k.code)
    return Indeks(
        plan=plan,
        alokasi=alokasi,
        pegawai=plan.pegawai_by_nip(),
        kegiatan={k.code: k for k in plan.kegiatan},
        target=plan.targets(),
        beban={(b.kegiatan, b.jabatan, b.jenjang_min): b for b in plan.beban},
        jam_kegiatan=plan.jam_kegiatan(),
        penugasan_kegiatan=dict(per_kegiatan),
        ketua=ketua,
        anggota=anggota,
        kegiatan_per=dict(kegiatan_per),
    )
