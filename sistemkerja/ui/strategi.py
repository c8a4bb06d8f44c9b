"""Stage 2 panel, *perumusan strategi pelaksanaan*: how every target will be worked.

:class:`PanelStrategi` shows, per target, whether it is worked by a team or individually,
by which team, whether it needs a Ketua Tim and which roles it needs (jabatan, minimum
jenjang, number of people, allowed origin), next to the editors of Strategi, Kebutuhan
Peran, Tim Kerja, Pegawai (capacity and committed hours), Jabatan and Unit, and the
Kebijakan form with its defaults. The overview and the staff totals are redrawn after
every edit.

CSS classes for browser tests: ``sk-panel-strategi`` and ``sk-siap`` on the panel,
``sk-ikhtisar-target`` on the per-target table, ``sk-ringkasan-pegawai`` on the staff
table, ``sk-ringkasan`` on the hours line, and ``sk-jam-cukup`` / ``sk-jam-kurang`` on
it when the staff's available hours do / do not cover the activities' hours.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from sistemkerja.analisis.ringkasan import (
    BELUM_DIISI,
    neraca_jam,
    ringkasan_pegawai,
    ringkasan_strategi,
)
from sistemkerja.ui._tampil import DaftarMasalah, jam, persen, tabel_html
from sistemkerja.ui.lembar import EditorLembar, FormParameter
from sistemkerja.ui.rencana import ModelRencana

#: Sheets of the strategy stage, in tab order, with their tab titles.
LEMBAR_STRATEGI: tuple[tuple[str, str], ...] = (
    ("Strategi", "Strategi per target"),
    ("Kebutuhan Peran", "Kebutuhan peran"),
    ("Tim Kerja", "Tim kerja"),
    ("Pegawai", "Pegawai"),
    ("Tugas SK", "Tugas SK"),
    ("Jabatan", "Jabatan"),
    ("Unit", "Unit"),
)

#: Columns of the per-target overview: column of :func:`ringkasan_strategi` → header.
KOLOM_IKHTISAR: dict[str, str] = {
    "target": "Target",
    "uraian": "Uraian",
    "target_teks": "Nilai target",
    "mode": "Mode",
    "tim": "Tim",
    "perlu_ketua": "Perlu Ketua Tim",
    "peran": "Peran dibutuhkan (jabatan, jenjang minimal, orang, asal)",
    "orang": "Orang",
    "kegiatan": "Kegiatan",
}

#: Columns of the staff totals: column of :func:`ringkasan_pegawai` → header.
KOLOM_PEGAWAI: dict[str, str] = {
    "asal": "Asal",
    "jenis": "Jenis jabatan",
    "jenjang": "Jenjang",
    "orang": "Orang",
    "jam_kapasitas": "Kapasitas (jam)",
    "jam_terikat": "Jam terikat",
    "jam_tersedia": "Jam tersedia",
}


def teks_neraca_jam(neraca: Mapping[str, float]) -> str:
    """Return the staff-hours line of the strategy panel from :func:`neraca_jam`.

    Parameters
    ----------
    neraca : Mapping of str to float
        Output of :func:`~sistemkerja.analisis.ringkasan.neraca_jam`.

    Returns
    -------
    str
        E.g. ``"65 orang (60 dari unit sendiri): kapasitas 79.067,5 jam, terikat
        6.520 jam, tersedia 72.547,5 jam; jam kegiatan 60.272 jam (83,1 % dari jam
        tersedia), sisa 12.275,5 jam"``; when the activities need more, says by how
        much.
    """
    n = neraca
    head = (
        f"{int(n['orang'])} orang ({int(n['orang_unit'])} dari unit sendiri): "
        f"kapasitas {jam(n['jam_kapasitas'])}, terikat {jam(n['jam_terikat'])}, "
        f"tersedia {jam(n['jam_tersedia'])}; jam kegiatan {jam(n['jam_kegiatan'])} "
        f"({persen(n['persen'])} dari jam tersedia)"
    )
    if n["selisih"] >= 0:
        return f"{head}, sisa {jam(n['selisih'])}"
    return f"{head}, kurang {jam(-n['selisih'])}"


def _baris_target(row: pd.Series) -> str | None:
    return "sk-belum-diisi" if row["mode"] == BELUM_DIISI else None


class PanelStrategi(widgets.VBox):
    """Stage 2 panel: strategy per target, roles needed, teams, staff and policy.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (every edit is checked and saved by it).
    tinggi : int
        Height of each grid (pixels).

    Attributes
    ----------
    editor : dict of str to EditorLembar
        The sheet editors by sheet name (``"Strategi"``, ``"Pegawai"``…).
    form_kebijakan : FormParameter
        The Kebijakan parameters, each field showing its default.
    ikhtisar : ipywidgets.HTML
        Per-target overview (mode, tim, Ketua Tim, roles), redrawn on every change.
    neraca : ipywidgets.HTML
        One line: staff (orang), their hours (kapasitas, terikat, tersedia) against
        the hours of all activities.
    pegawai : ipywidgets.HTML
        Staff totals: orang and hours per asal, jenis and jenjang.
    masalah : DaftarMasalah
        Problems of the strategy sheets and Kebijakan.
    tab : ipywidgets.Tab
        "Ikhtisar per target", "Jumlah pegawai", one tab per sheet, then "Kebijakan".
    """

    def __init__(self, model: ModelRencana, *, tinggi: int = 260) -> None:
        self.model = model
        self.editor = {
            sheet: EditorLembar(model, sheet, tinggi=tinggi) for sheet, _title in LEMBAR_STRATEGI
        }
        self.form_kebijakan = FormParameter(model, "Kebijakan")
        self.ikhtisar = widgets.HTML()
        self.ikhtisar.add_class("sk-ikhtisar-target")
        self.neraca = widgets.HTML()
        self.neraca.add_class("sk-ringkasan")
        self.pegawai = widgets.HTML()
        self.pegawai.add_class("sk-ringkasan-pegawai")
        self.masalah = DaftarMasalah(model, [*self.editor, "Kebijakan"])
        overview = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Ikhtisar per target</b> — mode pelaksanaan, tim, kebutuhan Ketua Tim "
                    "dan peran yang dibutuhkan (dari lembar Strategi dan Kebutuhan Peran)."
                ),
                self.ikhtisar,
            ]
        )
        staff = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Jumlah pegawai</b> per asal, jenis jabatan dan jenjang, dengan "
                    "kapasitas, jam terikat dan jam tersedia (dari lembar Pegawai dan "
                    "Kebijakan)."
                ),
                self.pegawai,
            ]
        )
        self.tab = widgets.Tab(
            [overview, staff, *self.editor.values(), self.form_kebijakan],
            titles=(
                "Ikhtisar per target",
                "Jumlah pegawai",
                *(title for _sheet, title in LEMBAR_STRATEGI),
                "Kebijakan",
            ),
        )
        intro = widgets.HTML(
            "<h3 style='margin:4px 0'>Tahap 2 — Perumusan strategi pelaksanaan</h3>"
            "Untuk setiap target tentukan: dikerjakan <b>tim kerja</b> atau <b>individu</b>, "
            "tim mana, perlu Ketua Tim atau tidak, dan peran yang dibutuhkan (jabatan, "
            "jenjang minimal, jumlah orang, asal: unit, lintas unit, lintas instansi). "
            "Daftar pegawai memuat kapasitas dan jam terikat; parameter kebijakan "
            "menampilkan nilai bawaannya."
        )
        super().__init__([intro, self.neraca, self.tab, self.masalah])
        self.add_class("sk-panel")
        self.add_class("sk-panel-strategi")
        self._show()
        model.observe(lambda _: self._show(), names="versi")
        self.add_class("sk-siap")

    def _show(self) -> None:
        plan = self.model.rencana
        if plan is None:
            self.ikhtisar.value = html.escape(self.model.pesan)
            return
        self.ikhtisar.value = tabel_html(
            ringkasan_strategi(plan),
            KOLOM_IKHTISAR,
            kelas_baris=_baris_target,
            kelas="sk-tabel sk-tabel-strategi",
        )
        neraca = neraca_jam(plan)
        cukup = neraca["selisih"] >= 0
        self.neraca.remove_class("sk-jam-cukup")
        self.neraca.remove_class("sk-jam-kurang")
        self.neraca.add_class("sk-jam-cukup" if cukup else "sk-jam-kurang")
        color = "#1b5e20" if cukup else "#b71c1c"
        self.neraca.value = (
            f'<span style="color:{color}">{html.escape(teks_neraca_jam(neraca))}</span>'
        )
        self.pegawai.value = tabel_html(
            ringkasan_pegawai(plan),
            KOLOM_PEGAWAI,
            kelas="sk-tabel sk-tabel-pegawai",
        )
