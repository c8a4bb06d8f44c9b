"""The optimiser's settings and live progress view, over a :class:`ModelOptimasi`.

:class:`PanelOptimasi` shows the settings of a run (batas waktu in detik, celah in %,
prioritas), the buttons **Optimasi** and **Berhenti**, and while a run goes: its stage,
the seconds elapsed, the best plan and the bound with their gap, and a small chart of
both over time (:func:`grafik_riwayat`, drawn to PNG at most every
:data:`JEDA_GAMBAR` seconds). When the run ends it shows the status in plain words.

The worker thread of :class:`ModelOptimasi` only sets the model's traits; the handlers
here (which then run on that thread) only set widget values, which ipywidgets allows
from any thread.

CSS classes: ``sk-panel-optimasi``, ``sk-siap`` once built, ``sk-keadaan-<keadaan>``
following :attr:`ModelOptimasi.keadaan`, ``sk-tombol-optimasi`` and
``sk-tombol-berhenti`` on the buttons, ``sk-status`` on the status line.
"""

from __future__ import annotations

import html
import math
import threading
import time
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.label import uraian_hasil
from sistemkerja.ui._tampil import ganti_kelas, png
from sistemkerja.ui.optimasi import KEADAAN, ModelOptimasi

#: Most often the progress chart is redrawn while a run goes (detik between drawings).
JEDA_GAMBAR = 0.5

#: Prioritas choices: (label shown, value of ``optimasi(prioritas=...)``).
PILIHAN_PRIORITAS: tuple[tuple[str, str], ...] = (
    ("Bobot — satu nilai tujuan tertimbang", "bobot"),
    ("Pemerataan — EJ tertinggi serendah mungkin dahulu", "pemerataan"),
)

#: What each state is called on screen.
NAMA_KEADAAN: dict[str, str] = {
    "siap": "siap",
    "berjalan": "berjalan",
    "selesai": "selesai",
    "gagal": "gagal",
    "dibatalkan": "dihentikan",
}


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def grafik_riwayat(
    riwayat: Sequence[tuple[float, float | None, float | None]],
    *,
    sejak: float | None = None,
    judul: str = "Rencana terbaik dan batas bawah",
    ax: Axes | None = None,
) -> Axes:
    """Best plan and proven bound of a run over time, as steps.

    Parameters
    ----------
    riwayat : sequence of tuple
        ``(detik, terbaik, batas)`` reports (:attr:`ModelOptimasi.riwayat`): seconds
        since the run began (detik), objective of the best plan and best proven bound
        (objective units; ``None`` or infinite where unknown).
    sejak : float, optional
        Draw only the reports from this second on (detik): with
        ``prioritas="pemerataan"`` the second stage measures another objective than the
        first (highest EJ), so its points are drawn alone.
    judul : str
        Title.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 6 × 2,6 inch figure when omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; its lines are, in order, "rencana terbaik" and "batas bawah" (each
        only when it has a point).
    """
    if ax is None:
        ax = Figure(figsize=(6.0, 2.6), layout="constrained").add_subplot()
    points = [p for p in riwayat if sejak is None or p[0] >= sejak]
    best = [(t, v) for t, v, _ in points if _finite(v) is not None]
    bound = [(t, b) for t, _, b in points if _finite(b) is not None]
    ax.set_title(judul, loc="left", fontsize=10)
    if not best and not bound:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Belum ada rencana atau batas bawah", ha="center", va="center")
        return ax
    if best:
        # Markers: a plan found once (often only at the end) is a point, not a line.
        ax.step(
            *zip(*best, strict=True),
            where="post",
            color="#1f77b4",
            marker="o",
            markersize=3,
            label="rencana terbaik",
        )
    if bound:
        ax.step(*zip(*bound, strict=True), where="post", color="#d62728", label="batas bawah")
    ax.set_xlabel("detik")
    ax.set_ylabel("nilai tujuan")
    ax.xaxis.set_major_formatter(lambda v, _pos: format_angka(v, 0))
    ax.yaxis.set_major_formatter(lambda v, _pos: format_angka(v, 2))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    return ax


def teks_kemajuan(model: ModelOptimasi) -> str:
    """Return the progress line of a run in Indonesian (stage, seconds, best, bound, gap).

    Parameters
    ----------
    model : ModelOptimasi
        The solve state.

    Returns
    -------
    str
        E.g. ``"cabang-dan-batas — 3,2 detik; rencana terbaik 12,41; batas bawah 12,20;
        celah 1,7 %"``; ``""`` before the first report.
    """
    k = model.kemajuan
    if k is None:
        return ""
    parts = [f"{k.label} — {format_angka(k.detik, 1)} detik"]
    terbaik, batas = _finite(k.terbaik), _finite(k.batas)
    if terbaik is not None:
        parts.append(f"rencana terbaik {format_angka(terbaik, 4)}")
    elif k.tahap != "selesai":  # the closing report carries no numbers
        parts.append("belum ada rencana")
    if batas is not None:
        parts.append(f"batas bawah {format_angka(batas, 4)}")
    celah = k.celah
    if celah is not None:
        parts.append(f"celah {format_angka(celah * 100, 2)} %")
    return "; ".join(parts)


class PanelOptimasi(widgets.VBox):
    """Settings, Optimasi / Berhenti buttons, live progress and status of one solve.

    Parameters
    ----------
    model : ModelOptimasi
        The solve state this panel renders and drives.
    jeda : float
        Least time between two drawings of the progress chart while a run goes
        (detik) [:data:`JEDA_GAMBAR`].

    Attributes
    ----------
    batas_waktu : ipywidgets.FloatText
        Time limit (detik), linked to :attr:`ModelOptimasi.batas_waktu`.
    celah : ipywidgets.FloatText
        Stop gap (%), linked to :attr:`ModelOptimasi.celah` (a fraction).
    prioritas : ipywidgets.Dropdown
        ``bobot`` or ``pemerataan`` (:data:`PILIHAN_PRIORITAS`).
    tombol_optimasi, tombol_berhenti : ipywidgets.Button
        Start, and stop keeping the best plan so far (enabled only while running).
    kemajuan : ipywidgets.HTML
        Stage, seconds, best, bound and gap (:func:`teks_kemajuan`).
    grafik : ipywidgets.Image
        PNG of :func:`grafik_riwayat`.
    status : ipywidgets.HTML
        The status in plain words (:func:`sistemkerja.label.uraian_hasil`) or why the
        run was refused.
    jumlah_gambar : int
        How many times the progress chart was drawn (for tests of the throttle).
    """

    def __init__(self, model: ModelOptimasi, *, jeda: float = JEDA_GAMBAR) -> None:
        self.model = model
        self.jeda = jeda
        self._kunci = threading.Lock()
        self._terakhir = -math.inf
        self._bagian = "tujuan"
        self._awal_tujuan: float | None = None
        self._menyetel = False
        self.jumlah_gambar = 0
        gaya = {"description_width": "150px"}
        self.batas_waktu = widgets.FloatText(
            value=model.batas_waktu, description="Batas waktu (detik)", style=gaya
        )
        # Unset settings show the plan's Kebijakan (what the optimiser would take).
        kebijakan = model.rencana.kebijakan if model.rencana is not None else None
        celah = model.celah
        if celah is None:
            celah = kebijakan.celah if kebijakan is not None else Kebijakan().celah
        self.celah = widgets.FloatText(
            value=round(celah * 100, 6),
            description="Celah (%)",
            step=0.1,
            style=gaya,
        )
        nilai = model.prioritas
        if nilai not in ("bobot", "pemerataan"):
            nilai = str(kebijakan.prioritas.value) if kebijakan is not None else "bobot"
        self.prioritas = widgets.Dropdown(
            options=list(PILIHAN_PRIORITAS),
            value=nilai,
            description="Prioritas",
            style=gaya,
            layout=widgets.Layout(width="480px"),
        )
        self.batas_waktu.add_class("sk-batas-waktu")
        self.celah.add_class("sk-celah")
        self.prioritas.add_class("sk-prioritas")
        self.tombol_optimasi = widgets.Button(
            description="Optimasi", icon="play", button_style="primary"
        )
        self.tombol_berhenti = widgets.Button(
            description="Berhenti", icon="stop", button_style="warning", disabled=True
        )
        self.tombol_optimasi.add_class("sk-tombol-optimasi")
        self.tombol_berhenti.add_class("sk-tombol-berhenti")
        self.tombol_optimasi.on_click(lambda _: self.mulai())
        self.tombol_berhenti.on_click(lambda _: self.model.berhenti())
        self.keadaan = widgets.HTML()
        self.keadaan.add_class("sk-keadaan")
        self.kemajuan = widgets.HTML()
        self.kemajuan.add_class("sk-kemajuan")
        self.grafik = widgets.Image(format="png", layout=widgets.Layout(max_width="640px"))
        self.grafik.add_class("sk-grafik-kemajuan")
        self.status = widgets.HTML()
        self.status.add_class("sk-status")
        super().__init__(
            [
                widgets.HTML("<b>Pengaturan optimasi</b>"),
                widgets.HBox([self.batas_waktu, self.celah]),
                self.prioritas,
                widgets.HBox([self.tombol_optimasi, self.tombol_berhenti, self.keadaan]),
                self.kemajuan,
                self.grafik,
                self.status,
            ]
        )
        self.add_class("sk-panel-optimasi")
        self.batas_waktu.observe(self._setelan_berubah, names="value")
        self.celah.observe(self._setelan_berubah, names="value")
        self.prioritas.observe(self._setelan_berubah, names="value")
        self._setelan_berubah({})
        model.observe(self._keadaan_berubah, names="keadaan")
        model.observe(self._kemajuan_berubah, names="kemajuan")
        model.observe(self._riwayat_berubah, names="riwayat")
        model.observe(self._pesan_berubah, names=["pesan", "hasil"])
        self._keadaan_berubah({"new": model.keadaan})
        self._pesan_berubah({})
        self.add_class("sk-siap")

    # ---- commands ---------------------------------------------------------------------
    def mulai(self) -> bool:
        """Start a run with the settings shown (what the Optimasi button does)."""
        self._setelan_berubah({})
        return self.model.mulai()

    def setel(self, *, celah: float | None = None, prioritas: str | None = None) -> None:
        """Show new default settings (e.g. the plan's Kebijakan changed).

        Parameters
        ----------
        celah : float, optional
            Stop gap (fraction).
        prioritas : str, optional
            ``"bobot"`` or ``"pemerataan"``.
        """
        self._menyetel = True
        try:
            if celah is not None:
                self.celah.value = round(celah * 100, 6)
            if prioritas in ("bobot", "pemerataan"):
                self.prioritas.value = prioritas
        finally:
            self._menyetel = False
        self._setelan_berubah({})

    # ---- events -----------------------------------------------------------------------
    def _setelan_berubah(self, _change: dict[str, Any]) -> None:
        if self._menyetel:
            return
        self.model.batas_waktu = float(self.batas_waktu.value)
        self.model.celah = float(self.celah.value) / 100
        self.model.prioritas = str(self.prioritas.value)

    def _keadaan_berubah(self, change: dict[str, Any]) -> None:
        keadaan = str(change["new"])
        berjalan = keadaan == "berjalan"
        self.tombol_berhenti.disabled = not berjalan
        self.tombol_optimasi.disabled = berjalan
        for w in (self.batas_waktu, self.celah, self.prioritas):
            w.disabled = berjalan
        self.keadaan.value = f"<i>Keadaan: {NAMA_KEADAAN.get(keadaan, keadaan)}</i>"
        if keadaan == "berjalan":
            self._terakhir = -math.inf
            self._bagian, self._awal_tujuan = "tujuan", None
            self.kemajuan.value = "Optimasi berjalan…"
            self.status.value = ""
        else:
            self._gambar(paksa=True)
            self._pesan_berubah({})
        ganti_kelas(self, "sk-keadaan-", keadaan)

    def _kemajuan_berubah(self, change: dict[str, Any]) -> None:
        k = change.get("new")
        if k is not None:
            if k.bagian == "tujuan" and self._bagian == "ej_maks":
                self._awal_tujuan = k.detik
            self._bagian = k.bagian
        text = teks_kemajuan(self.model)
        if text:
            self.kemajuan.value = html.escape(text)

    def _riwayat_berubah(self, _change: dict[str, Any]) -> None:
        self._gambar(paksa=False)

    def _pesan_berubah(self, _change: dict[str, Any]) -> None:
        model = self.model
        if model.keadaan in ("selesai", "dibatalkan") and model.hasil is not None:
            text = uraian_hasil(model.hasil)
        else:
            text = model.pesan
        color = "#b71c1c" if model.keadaan == "gagal" else "#222"
        lines = "<br>".join(html.escape(line) for line in text.splitlines())
        self.status.value = f'<div style="color:{color}">{lines}</div>' if text else ""

    def _gambar(self, *, paksa: bool) -> None:
        """Redraw the progress chart, at most every :attr:`jeda` s unless forced."""
        with self._kunci:
            if not paksa and time.monotonic() - self._terakhir < self.jeda:
                return
            riwayat = list(self.model.riwayat)
            if self._bagian == "ej_maks":
                ax = grafik_riwayat(riwayat, judul="Tahap 1: EJ tertinggi serendah mungkin")
            else:
                ax = grafik_riwayat(riwayat, sejak=self._awal_tujuan)
            self.grafik.value = png(ax.figure)
            self.jumlah_gambar += 1
            self._terakhir = time.monotonic()  # the pause counts from the end of a drawing


__all__ = [
    "JEDA_GAMBAR",
    "KEADAAN",
    "NAMA_KEADAAN",
    "PILIHAN_PRIORITAS",
    "PanelOptimasi",
    "grafik_riwayat",
    "teks_kemajuan",
]
