"""Stage 3 panel, *penyusunan rencana kegiatan dan anggaran*: activities, effort, budget.

:class:`PanelKegiatan` holds the editors of Kegiatan (months), Beban Kegiatan (volume ×
norma waktu) and Rincian Anggaran (budget lines with RKA codes), and keeps live totals:
hours and rupiah per activity, rupiah planned against every pagu row (remaining, status),
and a Gantt of the activities by month. Totals are redrawn after every edit; the Gantt
only when what it draws (activities, names, teams, months) changed and while its tab is
shown (else when the tab is next opened), since drawing it takes about 0,4 s on the
sample unit (43 activities) while the totals take a few milliseconds.

CSS classes for browser tests: ``sk-panel-kegiatan`` and ``sk-siap`` on the panel,
``sk-total-kegiatan`` and ``sk-total-pagu`` on the tables, ``sk-pagu-aman`` /
``sk-pagu-melebihi`` on the pagu table when no row / some row is over its pagu,
``sk-gantt`` on the chart.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Hashable

import ipywidgets as widgets
import pandas as pd
import traitlets

from sistemkerja.analisis.jadwal import jadwal_kegiatan
from sistemkerja.analisis.ringkasan import MELEBIHI, ringkasan_kegiatan, ringkasan_pagu
from sistemkerja.domain.rencana import Rencana
from sistemkerja.grafik.jadwal import grafik_jadwal
from sistemkerja.ui._tampil import DaftarMasalah, jam, persen, png, rupiah, tabel_html
from sistemkerja.ui.lembar import EditorLembar
from sistemkerja.ui.rencana import ModelRencana

#: Sheets of the activity stage, in tab order, with their tab titles.
LEMBAR_KEGIATAN: tuple[tuple[str, str], ...] = (
    ("Kegiatan", "Kegiatan dan jadwal"),
    ("Beban Kegiatan", "Beban kegiatan"),
    ("Rincian Anggaran", "Rincian anggaran"),
    ("Hasil Anggota", "Hasil kerja anggota"),
)

#: Index of the Gantt among the result tabs (it is drawn only while that tab is shown).
TAB_GANTT = 0

#: Resolution of the Gantt PNG (dots per inch).
DPI_GANTT = 80

#: Columns of the per-activity totals: column of :func:`ringkasan_kegiatan` → header.
KOLOM_TOTAL_KEGIATAN: dict[str, str] = {
    "kegiatan": "Kode",
    "nama": "Nama kegiatan",
    "indikator": "Indikator",
    "tim": "Tim",
    "bulan_mulai": "Bulan mulai",
    "bulan_selesai": "Bulan selesai",
    "jam": "Jam (volume × norma waktu)",
    "belanja": "Belanja (volume × harga satuan)",
}

#: Columns of the pagu table: column of :func:`ringkasan_pagu` → header.
KOLOM_TOTAL_PAGU: dict[str, str] = {
    "level": "Tingkat",
    "program": "Program",
    "giat": "Kegiatan (RKA)",
    "kro": "KRO",
    "ro": "RO",
    "uraian": "Uraian",
    "pagu": "Pagu",
    "belanja": "Direncanakan",
    "sisa": "Sisa",
    "persen": "Terpakai",
    "status": "Status",
}


def kunci_gantt(plan: Rencana) -> tuple[Hashable, ...]:
    """Return what the Gantt draws: per activity its code, name, team and months.

    Two plans with equal keys give the same chart, so the panel redraws only when the
    key changes.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    tuple
        One ``(code, name, team name, bulan mulai, bulan selesai)`` per activity.
    """
    nama_tim = {t.code: t.name for t in plan.tim}
    return tuple(
        (
            k.code,
            k.name,
            None if k.tim is None else nama_tim.get(k.tim, k.tim),
            k.bulan_mulai,
            k.bulan_selesai,
        )
        for k in plan.kegiatan
    )


def png_gantt(plan: Rencana, *, dpi: int = DPI_GANTT) -> bytes:
    """Draw the Gantt of the plan's activities by month as PNG bytes.

    Parameters
    ----------
    plan : Rencana
        The plan (no allocation needed: planned hours, the months of each activity).
    dpi : int
        Resolution (dots per inch).

    Returns
    -------
    bytes
        The PNG of :func:`~sistemkerja.grafik.grafik_jadwal` on
        :func:`~sistemkerja.analisis.jadwal_kegiatan` (a figure not held by pyplot).
    """
    ax = grafik_jadwal(jadwal_kegiatan(plan))
    image = png(ax.figure, dpi)
    ax.figure.clear()
    return image


def _baris_pagu(row: pd.Series) -> str | None:
    return "sk-melebihi-pagu" if row["status"] == MELEBIHI else None


class PanelKegiatan(widgets.VBox):
    """Stage 3 panel: activities, effort and budget lines, live totals and a Gantt.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (every edit is checked and saved by it).
    tinggi : int
        Height of each grid (pixels).

    Attributes
    ----------
    editor : dict of str to EditorLembar
        The sheet editors by sheet name (``"Kegiatan"``, ``"Beban Kegiatan"``,
        ``"Rincian Anggaran"``).
    ringkasan : ipywidgets.HTML
        One line: activities, total hours, total rupiah against the unit's pagu.
    total_kegiatan : ipywidgets.HTML
        Hours (jam) and rupiah per activity.
    total_pagu : ipywidgets.HTML
        Rupiah planned per pagu row (Kegiatan / RO of the Pagu sheet and the unit):
        pagu, planned, remaining, % used, status.
    gantt : ipywidgets.Image
        The Gantt (PNG), redrawn when an activity, its name, team or months change
        (while its tab is shown; otherwise when the tab is opened).
    hasil : ipywidgets.Tab
        The result tabs: "Jadwal (Gantt)", "Jam dan rupiah" (per activity), "Terhadap
        pagu".
    jumlah_gambar : int
        How many times the Gantt was drawn (for tests and measurement).
    masalah : DaftarMasalah
        Problems of the three sheets and of the Pagu sheet (a pagu exceeded).
    """

    jumlah_gambar = traitlets.Int(0)

    def __init__(self, model: ModelRencana, *, tinggi: int = 260) -> None:
        self.model = model
        self.editor = {
            sheet: EditorLembar(model, sheet, tinggi=tinggi) for sheet, _title in LEMBAR_KEGIATAN
        }
        self.ringkasan = widgets.HTML()
        self.ringkasan.add_class("sk-ringkasan")
        self.total_kegiatan = widgets.HTML()
        self.total_kegiatan.add_class("sk-total-kegiatan")
        self.total_pagu = widgets.HTML()
        self.total_pagu.add_class("sk-total-pagu")
        self.gantt = widgets.Image(
            format="png",
            layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start"),
        )
        self.gantt.add_class("sk-gantt")
        self._kunci_gantt: tuple[Hashable, ...] | None = None
        self._kunci_diminta: tuple[Hashable, ...] | None = None
        self._kunci = threading.Lock()
        self._thread_gantt: threading.Thread | None = None
        self.masalah = DaftarMasalah(model, [*self.editor, "Pagu"])
        self.tab = widgets.Tab(
            list(self.editor.values()), titles=tuple(title for _s, title in LEMBAR_KEGIATAN)
        )
        self.hasil = widgets.Tab(
            [
                widgets.VBox([self.gantt]),
                self.total_kegiatan,
                self.total_pagu,
            ],
            titles=("Jadwal (Gantt)", "Jam dan rupiah", "Terhadap pagu"),
        )
        intro = widgets.HTML(
            "<h3 style='margin:4px 0'>Tahap 3 — Penyusunan rencana kegiatan dan anggaran</h3>"
            "Rinci kegiatan dengan bulan mulai–selesai, beban kerja per peran (volume × norma "
            "waktu) dan rincian anggaran dengan kode RKA-K/L (program, kegiatan, KRO, RO, "
            "akun). Total jam dan rupiah terhadap setiap pagu serta jadwal di bawah "
            "diperbarui setiap kali rencana berubah."
        )
        super().__init__([intro, self.ringkasan, self.tab, self.hasil, self.masalah])
        self.hasil.observe(lambda _: self._draw_gantt(), names="selected_index")
        self.add_class("sk-panel")
        self.add_class("sk-panel-kegiatan")
        self._show()
        model.observe(lambda _: self._show(), names="versi")
        self.add_class("sk-siap")

    def _show(self) -> None:
        plan = self.model.rencana
        if plan is None:
            self.ringkasan.value = html.escape(self.model.pesan)
            return
        kegiatan = ringkasan_kegiatan(plan)
        pagu = ringkasan_pagu(plan)
        unit = pagu.iloc[-1]
        over = int(((pagu["status"] == MELEBIHI) & (pagu["level"] != "Unit")).sum())
        line = (
            f"{len(kegiatan)} kegiatan, {jam(float(kegiatan['jam'].sum()))}, belanja "
            f"{rupiah(float(kegiatan['belanja'].sum()))} dari pagu {rupiah(unit['pagu'])} "
            f"({persen(unit['persen'])}); "
        )
        if over:
            line += f"{over} baris lembar Pagu terlampaui"
        elif unit["status"] == MELEBIHI:
            line += "pagu unit terlampaui"
        else:
            line += "semua pagu tercukupi"
        color = "#b71c1c" if over or unit["status"] == MELEBIHI else "#1b5e20"
        self.ringkasan.value = f'<span style="color:{color}">{html.escape(line)}</span>'
        self.total_kegiatan.value = tabel_html(
            kegiatan,
            KOLOM_TOTAL_KEGIATAN,
            format={"jam": jam, "belanja": rupiah},
            kelas="sk-tabel sk-tabel-kegiatan",
        )
        self.total_pagu.value = tabel_html(
            pagu,
            KOLOM_TOTAL_PAGU,
            format={"pagu": rupiah, "belanja": rupiah, "sisa": rupiah, "persen": persen},
            kelas_baris=_baris_pagu,
            kelas="sk-tabel sk-tabel-pagu",
        )
        self.total_pagu.remove_class("sk-pagu-aman")
        self.total_pagu.remove_class("sk-pagu-melebihi")
        exceeded = bool((pagu["status"] == MELEBIHI).any())
        self.total_pagu.add_class("sk-pagu-melebihi" if exceeded else "sk-pagu-aman")
        self._draw_gantt()

    def _draw_gantt(self) -> None:
        plan = self.model.rencana
        if plan is None or self.hasil.selected_index != TAB_GANTT:
            return  # drawn when its tab is shown again
        key = kunci_gantt(plan)
        with self._kunci:
            if key in (self._kunci_gantt, self._kunci_diminta):
                return
            self._kunci_diminta = key
        if self._kunci_gantt is None:  # the first drawing, as the panel is built
            self._draw(plan, key)
            return
        # Later drawings (about 0,4 s on a unit) run in the background: the edit that
        # asked for one is shown at once, the chart follows; the newest request wins.
        thread = threading.Thread(
            target=self._draw, args=(plan, key), name="sistemkerja-gantt", daemon=True
        )
        self._thread_gantt = thread
        thread.start()

    def _draw(self, plan: Rencana, key: tuple[Hashable, ...]) -> None:
        image = png_gantt(plan)
        with self._kunci:
            if key != self._kunci_diminta:
                return  # a newer edit asked for another drawing
            self.gantt.value = image
            self._kunci_gantt = key
            self._kunci_diminta = None
            self.jumlah_gambar += 1

    def tunggu_gantt(self, timeout: float | None = None) -> bool:
        """Wait for a background Gantt drawing to end; return whether none is running.

        Parameters
        ----------
        timeout : float, optional
            Seconds to wait at most (detik).
        """
        thread = self._thread_gantt
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True
