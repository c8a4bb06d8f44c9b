"""Stage 1 panel, *penyusunan dan penetapan kinerja*: the Perjanjian Kinerja being written.

:class:`PanelPK` gathers the PK header form and the editors of the sheets the unit head
fills for the PK (Unit, Sasaran, Indikator with its target and TW I–IV, Pagu, Tugas
Tambahan) in tabs, with a summary line and the plan's current problems on those sheets.

The small views shared by the stage panels live here too: :func:`tabel_html` (a
read-only table with Indonesian numbers) and :class:`DaftarMasalah` (the problems of some
sheets, each naming sheet, row and column).

CSS classes for browser tests: ``sk-panel-pk`` and ``sk-siap`` on the panel,
``sk-ringkasan`` on the summary line, ``sk-masalah`` on the problem list (plus
``sk-masalah-ada-galat`` / ``sk-masalah-bersih``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets

from sistemkerja.analisis.ringkasan import ringkasan_pk
from sistemkerja.ui._tampil import DaftarMasalah, rupiah
from sistemkerja.ui.lembar import EditorLembar, FormParameter
from sistemkerja.ui.rencana import ModelRencana

#: Sheets of the PK stage, in tab order, with their tab titles.
LEMBAR_PK: tuple[tuple[str, str], ...] = (
    ("Sasaran", "Sasaran"),
    ("Indikator", "Indikator dan target"),
    ("Tugas Tambahan", "Tugas tambahan"),
    ("Pagu", "Pagu anggaran"),
    ("Unit", "Unit"),
)


def teks_ringkasan_pk(ringkasan: Mapping[str, float]) -> str:
    """Return the summary line of the PK panel from :func:`ringkasan_pk`.

    Parameters
    ----------
    ringkasan : Mapping of str to float
        Output of :func:`~sistemkerja.analisis.ringkasan.ringkasan_pk`.

    Returns
    -------
    str
        E.g. ``"5 sasaran, 12 indikator (6 dengan target TW I–IV), 2 tugas tambahan;
        pagu total Rp 11.995.000.000 (3 Kegiatan, 10 RO)"``.
    """
    r = ringkasan
    return (
        f"{int(r['sasaran'])} sasaran, {int(r['indikator'])} indikator "
        f"({int(r['indikator_tw'])} dengan target TW I–IV), "
        f"{int(r['tugas_tambahan'])} tugas tambahan; pagu total {rupiah(r['pagu_total'])} "
        f"({int(r['pagu_kegiatan'])} Kegiatan, {int(r['pagu_ro'])} RO)"
    )


class PanelPK(widgets.VBox):
    """Stage 1 panel: the PK header, sasaran, indikator with targets, pagu, tugas tambahan.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (every edit is checked and saved by it).
    tinggi : int
        Height of each grid (pixels).

    Attributes
    ----------
    form_pk : FormParameter
        The PK header (year, unit, parties).
    editor : dict of str to EditorLembar
        The sheet editors by sheet name (``"Indikator"``…).
    ringkasan : ipywidgets.HTML
        The summary line (counts and pagu total), redrawn on every change.
    masalah : DaftarMasalah
        Problems of the PK sheets.
    tab : ipywidgets.Tab
        The tabs: "Kepala PK" then one per sheet.
    """

    def __init__(self, model: ModelRencana, *, tinggi: int = 260) -> None:
        self.model = model
        self.form_pk = FormParameter(model, "PK")
        self.editor = {
            sheet: EditorLembar(model, sheet, tinggi=tinggi) for sheet, _title in LEMBAR_PK
        }
        self.ringkasan = widgets.HTML()
        self.ringkasan.add_class("sk-ringkasan")
        self.masalah = DaftarMasalah(model, ["PK", *self.editor])
        self.tab = widgets.Tab(
            [self.form_pk, *self.editor.values()],
            titles=("Kepala PK", *(title for _sheet, title in LEMBAR_PK)),
        )
        intro = widgets.HTML(
            "<h3 style='margin:4px 0'>Tahap 1 — Penyusunan dan penetapan kinerja</h3>"
            "Isi kepala Perjanjian Kinerja, sasaran, indikator dengan target seperti tertulis "
            "di dokumen PK (mis. <i>90 %</i>, <i>12 Laporan</i>, <i>WTP</i>, <i>≤ 10 %</i>, "
            "<i>90–95 %</i>, <i>8 LHP + 8 Surat</i>, <i>Triwulan IV</i>) beserta target triwulan "
            "TW I–IV, pagu per Kegiatan/RO, dan tugas tambahan. Setiap perubahan diperiksa "
            "dan langsung disimpan; perubahan yang salah ditolak dengan alasannya."
        )
        super().__init__([intro, self.ringkasan, self.tab, self.masalah])
        self.add_class("sk-panel")
        self.add_class("sk-panel-pk")
        self._show()
        model.observe(lambda _: self._show(), names="versi")
        self.add_class("sk-siap")

    def _show(self) -> None:
        plan = self.model.rencana
        if plan is None:
            self.ringkasan.value = html.escape(self.model.pesan)
            return
        self.ringkasan.value = html.escape(teks_ringkasan_pk(ringkasan_pk(plan)))
