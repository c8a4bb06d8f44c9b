"""The whole suite in one view: the plan bar over one tab per planning stage.

:class:`Aplikasi` is what ``notebooks/aplikasi.ipynb`` shows and ``make app`` serves with
Voila: the plan bar (:class:`~sistemkerja.ui.berkas.BilahRencana`) over the tabs *Mulai*,
*1 PK*, *2 Strategi*, *3 Kegiatan & Anggaran*, *4 MPH* and *5 Beban Kerja*. All tabs share
one :class:`~sistemkerja.ui.rencana.ModelRencana` (an edit in one tab shows in every other)
and one :class:`~sistemkerja.ui.optimasi.ModelOptimasi` (the MPH tab's result is the one
the workload tab shows). A tab's panel is built the first time the tab is opened, so the
app opens quickly.

In a workshop (:meth:`Aplikasi.dari_lingkungan` with ``SISTEMKERJA_LOKAKARYA`` set, as
``make app`` does) the app first asks the participant's name
(:class:`~sistemkerja.ui.lokakarya.PanelPeserta`) and then opens their own copy of the plan.

CSS classes: ``sk-aplikasi``; ``sk-aplikasi-siap`` once the tabs are shown.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from sistemkerja.lokakarya import ENV_FOLDER
from sistemkerja.ui.beban import PanelBeban
from sistemkerja.ui.berkas import BilahRencana
from sistemkerja.ui.kegiatan import PanelKegiatan
from sistemkerja.ui.lokakarya import PanelPeserta
from sistemkerja.ui.mph import PanelMPH
from sistemkerja.ui.optimasi import ModelOptimasi
from sistemkerja.ui.pk import PanelPK
from sistemkerja.ui.rencana import ModelRencana
from sistemkerja.ui.strategi import PanelStrategi
from sistemkerja.ui.tur import PanelMulai

#: The plan file notebooks and the app open outside a workshop (beside the notebooks).
BERKAS_BAWAAN = "rencana_saya.xlsx"

#: Style of the app: stage tabs wide enough for their titles.
GAYA = (
    "<style>.sk-aplikasi .jupyter-widgets.widget-tab > .lm-TabBar .lm-TabBar-tab "
    "{flex: 0 0 auto !important; min-width: 90px; max-width: none !important; "
    "padding: 0 14px;}</style>"
)

Pembuat = Callable[[ModelRencana, ModelOptimasi], widgets.Widget]

#: The tabs: title and how its panel is built from the shared models.
TAB: tuple[tuple[str, Pembuat], ...] = (
    ("Mulai", lambda m, o: PanelMulai(m)),
    ("1 PK", lambda m, o: PanelPK(m)),
    ("2 Strategi", lambda m, o: PanelStrategi(m)),
    ("3 Kegiatan & Anggaran", lambda m, o: PanelKegiatan(m)),
    ("4 MPH", lambda m, o: PanelMPH(m, model_optimasi=o)),
    ("5 Beban Kerja", lambda m, o: PanelBeban(m, o)),
)


class Aplikasi(widgets.VBox):
    """The suite: plan bar and one tab per stage over shared models.

    Parameters
    ----------
    model : ModelRencana, optional
        The plan to work on; without it a participant panel asks for a name first and
        opens that participant's workshop copy.
    folder, sumber : str or os.PathLike, optional
        Workshop folder and trainer's workbook for the participant panel (see
        :mod:`sistemkerja.lokakarya`).

    Attributes
    ----------
    model : ModelRencana or None
        The plan being edited (``None`` until a participant started).
    model_optimasi : ModelOptimasi
        The solve shared by the MPH and workload tabs.
    tab : ipywidgets.Tab or None
        The stage tabs once shown.
    panel : dict of str to Widget
        The panels built so far, by tab title.
    """

    def __init__(
        self,
        model: ModelRencana | None = None,
        *,
        folder: str | os.PathLike[str] | None = None,
        sumber: str | os.PathLike[str] | None = None,
    ) -> None:
        self.model: ModelRencana | None = None
        self.model_optimasi = ModelOptimasi()
        self.tab: widgets.Tab | None = None
        self.panel: dict[str, widgets.Widget] = {}
        self.peserta: PanelPeserta | None = None
        super().__init__()
        self.add_class("sk-aplikasi")
        if model is not None:
            self._show(model)
        else:
            self.peserta = PanelPeserta(folder=folder, sumber=sumber)
            self.peserta.observe(self._participant_started, names="path")
            self.children = [
                widgets.HTML(
                    "<h2>Lokakarya sistem kerja</h2><p>Setiap peserta bekerja pada salinan "
                    "rencananya sendiri. Ketik nama Anda lalu tekan <b>Mulai</b>; bila halaman "
                    "dimuat ulang, ketik nama yang sama untuk melanjutkan.</p>"
                ),
                self.peserta,
            ]

    @classmethod
    def dari_lingkungan(cls, berkas: str | os.PathLike[str] = BERKAS_BAWAAN) -> Aplikasi:
        """Return the app as the environment asks: a workshop, or one plan file.

        Parameters
        ----------
        berkas : str or os.PathLike
            Plan file opened outside a workshop (written from the sample unit when it
            does not exist yet).

        Returns
        -------
        Aplikasi
            With ``SISTEMKERJA_LOKAKARYA`` set (``make app``): the participant panel
            first; otherwise the suite on ``berkas``.
        """
        if os.environ.get(ENV_FOLDER):
            return cls()
        return cls(ModelRencana.buka(Path(berkas), contoh="unit"))

    def buka_tab(self, judul: str) -> widgets.Widget:
        """Show the tab with this title (building its panel if needed); return the panel."""
        if self.tab is None:
            raise ValueError("aplikasi belum dimulai: belum ada rencana yang dibuka")
        titles = [t for t, _ in TAB]
        if judul not in titles:
            raise KeyError(f"tab '{judul}' tidak ada; pilihan: {', '.join(titles)}")
        self.tab.selected_index = titles.index(judul)
        return self.panel[judul]

    # ---- internals ------------------------------------------------------------------
    def _participant_started(self, change: dict[str, Any]) -> None:
        if change["new"] and self.model is None:
            self._show(ModelRencana.buka(change["new"]))

    def _show(self, model: ModelRencana) -> None:
        self.model = model
        self.model_optimasi.rencana = model.rencana
        self._holders = [widgets.VBox() for _ in TAB]
        self.tab = widgets.Tab(self._holders, titles=[t for t, _ in TAB])
        self.tab.add_class("sk-tab-tahap")
        self.tab.observe(lambda change: self._build(change["new"]), names="selected_index")
        top: list[widgets.Widget] = [widgets.HTML(GAYA), BilahRencana(model), self.tab]
        if self.peserta is not None:
            name = html.escape(self.peserta.nama.value)
            top.insert(1, widgets.HTML(f"<b>Peserta:</b> {name}"))
        self.children = top
        self._build(0)
        self.add_class("sk-aplikasi-siap")

    def _build(self, index: int | None) -> None:
        if index is None or self.model is None:
            return
        title, make = TAB[index]
        if title not in self.panel:
            self.panel[title] = make(self.model, self.model_optimasi)
            self._holders[index].children = [self.panel[title]]
        # Panels that draw slow charts draw them only while their tab is shown.
        for other, panel in self.panel.items():
            if panel.has_trait("tampil"):
                panel.tampil = other == title
