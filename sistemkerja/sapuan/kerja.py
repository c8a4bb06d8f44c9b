"""One scenario of a sweep, solved where it runs: plan in, data out, no files touched.

:func:`jalankan_skenario` is what a Dask worker (or the calling process) runs: apply the
scenario to the base plan, solve it with one solver thread, measure it and render its
result workbook and report to bytes. It never opens a file and never raises for a bad
scenario: a refused change, an invalid plan or a crash becomes a
:class:`HasilSkenario` whose status says so, so one bad scenario never stops a sweep.
The caller (:mod:`sistemkerja.sapuan.jalan`) writes what comes back.
"""

from __future__ import annotations

import dataclasses
import io
import math
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from sistemkerja import __version__
from sistemkerja.analisis.pemeriksaan import PENUH, cascade
from sistemkerja.analisis.skenario import banding_skenario
from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.enums import Jenjang
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skenario import PengaturanSolver, Skenario, kunci, terapkan

__all__ = [
    "BERKAS_HASIL",
    "BERKAS_LAPORAN",
    "DITOLAK",
    "GALAT",
    "HasilSkenario",
    "jalankan_skenario",
]

DITOLAK = "ditolak"
"""Status of a scenario that was not solved: a change refused or the new plan invalid."""
GALAT = "galat"
"""Status of a scenario whose run failed (a crash, or a worker that died repeatedly)."""
BERKAS_HASIL = "hasil.xlsx"
"""File name of a scenario's result workbook, in its folder."""
BERKAS_LAPORAN = "laporan.html"
"""File name of a scenario's HTML report, in its folder."""


@dataclass(frozen=True, slots=True)
class HasilSkenario:
    """What one scenario of a sweep produced: plain data, ready for JSON and pickling.

    Attributes
    ----------
    nama : str
        The scenario's name.
    kunci : str
        Cache key (:func:`sistemkerja.domain.skenario.kunci`).
    status : str
        An optimiser status (``optimal``, ``feasible``, ``infeasible``, ``no_solution``,
        ``cancelled``), or :data:`DITOLAK` / :data:`GALAT`.
    keterangan : str
        The status in plain Indonesian; for :data:`DITOLAK` and :data:`GALAT` the reason.
    objective, gap : float or None
        Weighted objective and relative gap (fraction) of the allocation.
    ej_maks, sebaran_ej : float or None
        Highest EJ of the unit's own staff and its standard deviation (EJ).
    biaya : float or None
        Personnel plus involvement cost (rupiah).
    lintas : int or None
        People from another unit or agency involved (orang).
    target_bermasalah : tuple of (str, str)
        Targets not fully allocated: (code, cascade status).
    keanggotaan : tuple of (str, str, bool)
        Memberships (NIP, team code, Ketua Tim), sorted: compared with the base scenario.
    penugasan : tuple of (str, str, str, str or None, float, float, float)
        Assignments (NIP, Kegiatan, jabatan, jenjang_min, jam, porsi, biaya in rupiah):
        with :attr:`keanggotaan` the whole allocation (:meth:`alokasi`), the reference
        the other scenarios of a sweep are solved against.
    masalah : tuple of str
        Refused changes and plan errors (Indonesian, naming sheet, row and field).
    detik : float
        Wall-clock seconds of the whole run on the worker (s).
    versi : str
        sistemkerja version that produced it (a cache entry of another version is stale).
    berkas : dict of str to bytes
        Rendered documents by file name (:data:`BERKAS_HASIL`, :data:`BERKAS_LAPORAN`);
        empty without an allocation or when documents were not asked for.
    """

    nama: str
    kunci: str
    status: str
    keterangan: str
    objective: float | None = None
    gap: float | None = None
    ej_maks: float | None = None
    sebaran_ej: float | None = None
    biaya: float | None = None
    lintas: int | None = None
    target_bermasalah: tuple[tuple[str, str], ...] = ()
    keanggotaan: tuple[tuple[str, str, bool], ...] = ()
    penugasan: tuple[tuple[str, str, str, str | None, float, float, float], ...] = ()
    masalah: tuple[str, ...] = ()
    detik: float = 0.0
    versi: str = __version__
    berkas: dict[str, bytes] = field(default_factory=dict, compare=False)

    @property
    def ok(self) -> bool:
        """Whether the scenario has an allocation (optimal or feasible)."""
        return self.status in ("optimal", "feasible")

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready fields (everything but :attr:`berkas`)."""
        return {
            "nama": self.nama,
            "kunci": self.kunci,
            "status": self.status,
            "keterangan": self.keterangan,
            "objective": self.objective,
            "gap": self.gap,
            "ej_maks": self.ej_maks,
            "sebaran_ej": self.sebaran_ej,
            "biaya": self.biaya,
            "lintas": self.lintas,
            "target_bermasalah": [list(t) for t in self.target_bermasalah],
            "keanggotaan": [list(k) for k in self.keanggotaan],
            "penugasan": [list(p) for p in self.penugasan],
            "masalah": list(self.masalah),
            "detik": self.detik,
            "versi": self.versi,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HasilSkenario:
        """Rebuild from :meth:`as_dict` output (without files).

        Raises
        ------
        KeyError, TypeError, ValueError
            If ``data`` is not such a dict.
        """
        return cls(
            nama=str(data["nama"]),
            kunci=str(data["kunci"]),
            status=str(data["status"]),
            keterangan=str(data["keterangan"]),
            objective=_float(data.get("objective")),
            gap=_float(data.get("gap")),
            ej_maks=_float(data.get("ej_maks")),
            sebaran_ej=_float(data.get("sebaran_ej")),
            biaya=_float(data.get("biaya")),
            lintas=None if data.get("lintas") is None else int(data["lintas"]),
            target_bermasalah=tuple((str(a), str(b)) for a, b in data["target_bermasalah"]),
            keanggotaan=tuple((str(n), str(t), bool(k)) for n, t, k in data["keanggotaan"]),
            penugasan=tuple(
                (
                    str(n),
                    str(k),
                    str(j),
                    None if m is None else str(m),
                    float(h),
                    float(p),
                    float(b),
                )
                for n, k, j, m, h, p, b in data.get("penugasan", ())
            ),
            masalah=tuple(str(m) for m in data["masalah"]),
            detik=float(data["detik"]),
            versi=str(data["versi"]),
        )

    def alokasi(self) -> Alokasi | None:
        """Return the allocation (``None`` without one)."""
        if not self.ok:
            return None
        return Alokasi(
            penugasan=tuple(
                Penugasan(n, k, j, None if m is None else Jenjang(m), h, p, b)
                for n, k, j, m, h, p, b in self.penugasan
            ),
            keanggotaan=tuple(Keanggotaan(t, n, k) for n, t, k in self.keanggotaan),
        )

    def tanpa_berkas(self) -> HasilSkenario:
        """Return the same result without its rendered files (they are on disk)."""
        return dataclasses.replace(self, berkas={})


def _teks(value: Any) -> str | None:
    return None if value is None else str(value)


def _float(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _render(hasil: Any) -> dict[str, bytes]:
    """Render the result workbook and the HTML report of a result to bytes."""
    from sistemkerja.io._tulis import new_workbook
    from sistemkerja.laporan.html import laporan_html
    from sistemkerja.laporan.tabel import hitung_tabel
    from sistemkerja.laporan.xlsx import isi_result_workbook

    tabel = hitung_tabel(hasil)
    wb = new_workbook()
    isi_result_workbook(wb, tabel)
    buffer = io.BytesIO()
    wb.save(buffer)
    return {
        BERKAS_HASIL: buffer.getvalue(),
        BERKAS_LAPORAN: laporan_html(tabel).encode("utf-8"),
    }


def jalankan_skenario(
    plan: Rencana,
    skenario: Skenario,
    pengaturan: PengaturanSolver | None = None,
    *,
    dokumen: bool = True,
    kunci_skenario: str | None = None,
    acuan: Alokasi | None = None,
) -> HasilSkenario:
    """Apply one scenario to a plan, solve it with one solver thread and measure it.

    Parameters
    ----------
    plan : Rencana
        The base plan (not changed).
    skenario : Skenario
        The scenario to apply.
    pengaturan : PengaturanSolver, optional
        Solver settings [defaults of :class:`PengaturanSolver`]. The solve always uses
        one thread, so N workers on N cores do not oversubscribe.
    dokumen : bool
        Render the result workbook and the HTML report into :attr:`HasilSkenario.berkas`.
    kunci_skenario : str, optional
        The cache key when the caller has computed it already.
    acuan : Alokasi, optional
        The base plan's allocation: ties and near-ties are broken towards it
        (``optimasi(acuan=…)``), so the memberships that change are the ones the
        scenario needs, not the solver's arbitrary choice among equals. The reported
        objective leaves the stability term out (:attr:`Hasil.plan_objective`).

    Returns
    -------
    HasilSkenario
        Never raises for a bad scenario: status :data:`DITOLAK` when a change is refused
        or the changed plan has errors (the problems in ``masalah``), :data:`GALAT` with
        the exception's text when the run crashed.
    """
    from sistemkerja.optimasi import optimasi

    start = time.perf_counter()
    pengaturan = pengaturan or PengaturanSolver()
    key = kunci_skenario or kunci(plan, skenario, pengaturan)

    def gagal(status: str, keterangan: str, masalah: tuple[str, ...] = ()) -> HasilSkenario:
        return HasilSkenario(
            nama=skenario.nama,
            kunci=key,
            status=status,
            keterangan=keterangan,
            masalah=masalah,
            detik=time.perf_counter() - start,
        )

    try:
        applied = terapkan(plan, skenario)
        if not applied.valid:
            errors = tuple(p.message for p in applied.galat)
            first = errors[0] if errors else "perubahan ditolak"
            more = f" (dan {len(errors) - 1} masalah lain)" if len(errors) > 1 else ""
            return gagal(DITOLAK, f"tidak dioptimalkan: {first}{more}", errors)
        new_plan = applied.rencana
        hasil = optimasi(new_plan, threads=1, acuan=acuan, **pengaturan.as_kwargs())
        common = {
            "nama": skenario.nama,
            "kunci": key,
            "status": str(hasil.status),
            "keterangan": hasil.keterangan,
            "objective": hasil.plan_objective,
            "gap": hasil.gap,
        }
        rendered = _render(hasil) if dokumen else {}
        if not hasil.ok or hasil.alokasi is None:
            return HasilSkenario(
                **common,
                masalah=tuple(p.message for p in hasil.penjelasan),
                detik=time.perf_counter() - start,
                berkas=rendered,
            )
        alokasi = hasil.alokasi
        row = banding_skenario({skenario.nama: (new_plan, alokasi)}).iloc[0]
        status = cascade(new_plan, alokasi)
        bad = status[status["status"] != PENUH]
        return HasilSkenario(
            **common,
            ej_maks=_finite(float(row["ej_maks"])),
            sebaran_ej=_finite(float(row["sebaran_ej"])),
            biaya=float(row["biaya"]),
            lintas=int(row["lintas"]),
            target_bermasalah=tuple(
                (str(k), str(s)) for k, s in zip(bad["indikator"], bad["status"], strict=True)
            ),
            keanggotaan=tuple(sorted((k.nip, k.tim, k.ketua) for k in alokasi.keanggotaan)),
            penugasan=tuple(
                (
                    p.nip,
                    p.kegiatan,
                    p.jabatan,
                    None if p.jenjang_min is None else str(p.jenjang_min.value),
                    p.jam,
                    p.porsi,
                    p.biaya,
                )
                for p in alokasi.penugasan
            ),
            detik=time.perf_counter() - start,
            berkas=rendered,
        )
    except Exception as exc:  # a crash in one scenario must not stop the sweep
        last = traceback.format_exception_only(exc)[-1].strip()
        return gagal(GALAT, f"gagal dijalankan: {last}", (traceback.format_exc(),))
