"""Views that edit one sheet of the plan: a grid with a row form, and a parameter form.

The grid and row form edit a table sheet; the parameter form edits the key-value sheets
(PK, Kebijakan).

Both only render :class:`~sistemkerja.ui.rencana.ModelRencana` and hand what the user typed
to it; the model checks and saves. A refused edit puts the grid cell back and shows the
Indonesian reason (sheet, row, column) in the message line under the grid or next to the
field. Coded columns (team, indicator, activity, jabatan, unit, NIP) and choice columns
get dropdowns in the row form, filled from the plan.

CSS classes for browser tests and styling: ``sk-lembar`` and ``sk-lembar-<sheet>`` on the
editor, ``sk-pesan`` on its message line (plus ``sk-pesan-galat`` / ``sk-pesan-ok``),
``sk-siap`` once the editor is built.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets
from ipydatagrid import DataGrid

from sistemkerja.domain import skema
from sistemkerja.domain.rencana import Rencana
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io.sel import cell_text, field_default
from sistemkerja.ui._tampil import tulis_pesan
from sistemkerja.ui.rencana import ModelRencana, Suntingan

#: Index name of the grids: the row key of :meth:`Rencana.kunci`.
KUNCI = "Kunci"
#: Grid geometry (pixels), named so browser tests can click a cell of the canvas grid.
TINGGI_BARIS = 20
LEBAR_KOLOM = 130
#: The row key is not shown (it repeats the key columns); no row-header column.
LEBAR_KUNCI = 0


def _slug(text: str) -> str:
    """CSS-class form of a name: ``"Pagu (Rp)"`` → ``"pagu-rp"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _codes(plan: Rencana, attr: str, field: str = "code") -> list[str]:
    return [str(getattr(e, field)) for e in getattr(plan, attr)]


#: Where the choices of a coded column come from: (sheet, field) -> plan -> codes.
PILIHAN: dict[tuple[str, str], Callable[[Rencana], list[str]]] = {
    ("PK", "unit"): lambda p: _codes(p, "units"),
    ("Pegawai", "jabatan"): lambda p: _codes(p, "jabatan", "name"),
    ("Pegawai", "unit"): lambda p: _codes(p, "units"),
    ("Indikator", "sasaran"): lambda p: _codes(p, "sasaran"),
    ("Strategi", "indikator"): lambda p: list(p.targets()),
    ("Strategi", "tim"): lambda p: _codes(p, "tim"),
    ("Kebutuhan Peran", "indikator"): lambda p: list(p.targets()),
    ("Kebutuhan Peran", "jabatan"): lambda p: _codes(p, "jabatan", "name"),
    ("Kegiatan", "indikator"): lambda p: list(p.targets()),
    ("Kegiatan", "tim"): lambda p: _codes(p, "tim"),
    ("Beban Kegiatan", "kegiatan"): lambda p: _codes(p, "kegiatan"),
    ("Beban Kegiatan", "jabatan"): lambda p: _codes(p, "jabatan", "name"),
    ("Rincian Anggaran", "kegiatan"): lambda p: _codes(p, "kegiatan"),
    ("Rincian Anggaran", "program"): lambda p: sorted({x.program for x in p.pagu if x.program}),
    ("Rincian Anggaran", "giat"): lambda p: sorted({x.giat for x in p.pagu if x.giat}),
    ("Rincian Anggaran", "kro"): lambda p: sorted({x.kro for x in p.pagu if x.kro}),
    ("Rincian Anggaran", "ro"): lambda p: sorted({x.ro for x in p.pagu if x.ro}),
    ("Penetapan", "nip"): lambda p: _codes(p, "pegawai", "nip"),
    ("Penetapan", "tim"): lambda p: _codes(p, "tim"),
    ("Penetapan", "kegiatan"): lambda p: _codes(p, "kegiatan"),
    ("Penyesuaian", "nip"): lambda p: _codes(p, "pegawai", "nip"),
    ("Penyesuaian", "kegiatan"): lambda p: _codes(p, "kegiatan"),
}


def pilihan_kolom(plan: Rencana, lembar: Lembar, kolom: Kolom) -> list[str] | None:
    """Return the values offered for a column, or ``None`` for a free-text column.

    Parameters
    ----------
    plan : Rencana
        The plan (coded columns offer the codes it holds).
    lembar : Lembar
        The sheet.
    kolom : Kolom
        The column.

    Returns
    -------
    list of str or None
        The choice labels of an ``enum`` / ``bool`` column, the codes a coded column
        may refer to, ``None`` otherwise.
    """
    if kolom.kind == "bool":
        return ["Ya", "Tidak"]
    if kolom.kind == "enum" and kolom.enum is not None:
        return [str(e.value) for e in kolom.enum]
    source = PILIHAN.get((lembar.name, kolom.field))
    return source(plan) if source is not None else None


def tabel_teks(plan: Rencana, lembar: Lembar, kolom: Sequence[Kolom]) -> pd.DataFrame:
    """Return a sheet as the grid shows it: cell text, indexed by row key.

    Parameters
    ----------
    plan : Rencana
        The plan.
    lembar : Lembar
        A table sheet (not PK or Kebijakan).
    kolom : sequence of Kolom
        The columns shown.

    Returns
    -------
    pandas.DataFrame
        One string column per shown column (headers as in the workbook), index
        :data:`KUNCI`.
    """
    rows = [lembar.values(e) for e in getattr(plan, lembar.attr)]
    data = {k.header: [cell_text(k, r.get(k.field)) for r in rows] for k in kolom}
    frame = pd.DataFrame(data, index=pd.Index(list(plan.kunci(lembar.name)), name=KUNCI))
    return frame.astype(object)


def _message(box: widgets.HTML, suntingan: Suntingan | str, ok: bool | None = None) -> None:
    text = suntingan.pesan if isinstance(suntingan, Suntingan) else suntingan
    good = suntingan.diterima if isinstance(suntingan, Suntingan) else bool(ok)
    tulis_pesan(box, text, good)


class EditorLembar(widgets.VBox):
    """Editable grid of one table sheet, with a row form to add or change a row.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited.
    sheet : str
        Sheet name (``"Indikator"``) or plan attribute.
    kolom : sequence of str, optional
        Headers or field names of the columns shown (default: all).
    tinggi : int
        Height of the grid (pixels).

    Attributes
    ----------
    terpilih : str or None
        Key of the selected row (the row form shows it).
    grid : DataGrid
        The grid; editing a cell sends the typed text to the model.
    pesan : ipywidgets.HTML
        The message line: why an edit was refused, or that it was saved.
    """

    terpilih = traitlets.Unicode(None, allow_none=True)

    def __init__(
        self,
        model: ModelRencana,
        sheet: str,
        *,
        kolom: Sequence[str] | None = None,
        tinggi: int = 260,
    ) -> None:
        self.model = model
        self.lembar = skema.lembar_of(sheet)
        if self.lembar.single:
            raise ValueError(f"lembar '{self.lembar.name}' berisi satu data; pakai FormParameter")
        cols = self.lembar.columns
        if kolom is not None:
            wanted = set(kolom)
            cols = tuple(k for k in cols if k.header in wanted or k.field in wanted)
        self.kolom = cols
        self._reverting = False
        self._keys: list[str] = []
        self._rows_shown: tuple[Any, ...] | None = None
        self.judul = widgets.HTML(
            f"<b>{html.escape(self.lembar.name)}</b> — {html.escape(self.lembar.help)}"
        )
        self.grid = DataGrid(
            self._frame(),
            editable=True,
            selection_mode="row",
            base_column_size=LEBAR_KOLOM,
            base_row_size=TINGGI_BARIS,
            base_column_header_size=TINGGI_BARIS,
            header_visibility="column",
            layout=widgets.Layout(height=f"{tinggi}px"),
        )
        self.grid.add_class("sk-grid")
        self.grid.on_cell_change(self._cell_changed)
        self.grid.on_cell_click(self._cell_clicked)
        self.pesan = widgets.HTML()
        self.pesan.add_class("sk-pesan")
        self.fields: dict[str, widgets.ValueWidget] = {}
        self.form = widgets.GridBox(
            layout=widgets.Layout(grid_template_columns="repeat(3, minmax(220px, 1fr))")
        )
        self.tombol_tambah = widgets.Button(description="Tambah baris", icon="plus")
        self.tombol_ubah = widgets.Button(description="Ubah baris terpilih", icon="pencil")
        self.tombol_hapus = widgets.Button(description="Hapus baris terpilih", icon="trash")
        self.tombol_urung = widgets.Button(description="Urungkan", icon="undo")
        for b, name in [
            (self.tombol_tambah, "tambah"),
            (self.tombol_ubah, "ubah"),
            (self.tombol_hapus, "hapus"),
            (self.tombol_urung, "urungkan"),
        ]:
            b.add_class(f"sk-tombol-{name}")
        self.tombol_tambah.on_click(lambda _: self.tambah())
        self.tombol_ubah.on_click(lambda _: self.ubah())
        self.tombol_hapus.on_click(lambda _: self.hapus())
        self.tombol_urung.on_click(lambda _: self.urungkan())
        self.info_form = widgets.HTML(
            "<i>Formulir baris: isi lalu <b>Tambah baris</b>, atau pilih baris di tabel lalu "
            "<b>Ubah baris terpilih</b>.</i>"
        )
        self._build_form()
        super().__init__(
            [
                self.judul,
                self.grid,
                self.pesan,
                widgets.Accordion(
                    [
                        widgets.VBox(
                            [
                                self.info_form,
                                self.form,
                                widgets.HBox(
                                    [
                                        self.tombol_tambah,
                                        self.tombol_ubah,
                                        self.tombol_hapus,
                                        self.tombol_urung,
                                    ]
                                ),
                            ]
                        )
                    ],
                    titles=("Formulir baris",),
                ),
            ]
        )
        self.add_class("sk-lembar")
        self.add_class(f"sk-lembar-{_slug(self.lembar.name)}")
        model.observe(self._plan_changed, names="versi")
        self.observe(self._selected, names="terpilih")
        self.add_class("sk-siap")

    # ---- commands (also what the buttons do) -----------------------------------------
    def sunting(self, kunci: str, kolom: str, teks: Any) -> Suntingan:
        """Edit one cell as if typed into the grid; the grid shows the outcome."""
        result = self.model.sunting(self.lembar.name, kunci, kolom, teks)
        _message(self.pesan, result)
        if not result.diterima:
            self._refresh()
        return result

    def tambah(self) -> Suntingan:
        """Add the row typed into the form."""
        result = self.model.tambah_baris(self.lembar.name, self.nilai_form())
        _message(self.pesan, result)
        return result

    def ubah(self) -> Suntingan:
        """Apply the form's values to the selected row, field by field."""
        if self.terpilih is None:
            result = Suntingan(False, "Pilih dulu baris yang akan diubah di tabel")
            _message(self.pesan, result)
            return result
        current = self._row_texts(self.terpilih)
        key = self.terpilih
        result = Suntingan(True, "Tidak ada perubahan")
        for header, text in self.nilai_form().items():
            if text == current.get(header):
                continue
            result = self.model.sunting(self.lembar.name, key, header, text)
            if not result.diterima:
                break
            key = self._key_after(key)
        _message(self.pesan, result)
        return result

    def hapus(self) -> Suntingan:
        """Remove the selected row."""
        if self.terpilih is None:
            result = Suntingan(False, "Pilih dulu baris yang akan dihapus di tabel")
        else:
            result = self.model.hapus_baris(self.lembar.name, self.terpilih)
        _message(self.pesan, result)
        return result

    def urungkan(self) -> Suntingan:
        """Take back the last edit of the plan."""
        result = self.model.urungkan()
        _message(self.pesan, result)
        return result

    def nilai_form(self) -> dict[str, Any]:
        """Return the form's typed values by column header."""
        out: dict[str, Any] = {}
        for header, w in self.fields.items():
            value = w.value
            out[header] = "" if value is None else value
        return out

    # ---- rendering ----------------------------------------------------------------------
    def _frame(self) -> pd.DataFrame:
        plan = self.model.rencana
        if plan is None:
            return pd.DataFrame({k.header: [] for k in self.kolom}, dtype=object).rename_axis(KUNCI)
        frame = tabel_teks(plan, self.lembar, self.kolom)
        self._keys = list(frame.index)
        self._rows_shown = getattr(plan, self.lembar.attr)
        return frame

    def _refresh(self) -> None:
        self._reverting = True
        try:
            self.grid.data = self._frame()
        finally:
            self._reverting = False

    def _build_form(self) -> None:
        plan = self.model.rencana
        children = []
        self.fields = {}
        for k in self.lembar.columns:
            options = pilihan_kolom(plan, self.lembar, k) if plan is not None else None
            default = field_default(self.lembar, k)
            hint = k.example or (cell_text(k, default) if default is not None else "")
            description = k.header + ("" if k.required else " (opsional)")
            w: widgets.ValueWidget
            if options is not None and k.kind in ("enum", "bool"):
                w = widgets.Dropdown(options=["", *options], value="", description=description)
            elif options is not None:
                w = widgets.Combobox(
                    options=options, value="", placeholder=hint, description=description
                )
            else:
                w = widgets.Text(value="", placeholder=hint, description=description)
            w.style.description_width = "140px"
            w.tooltip = k.help or None
            w.add_class(f"sk-isian-{_slug(k.header)}")
            self.fields[k.header] = w
            children.append(w)
        self.form.children = children

    def _fill_form(self, texts: dict[str, str]) -> None:
        for header, w in self.fields.items():
            text = texts.get(header, "")
            if isinstance(w, widgets.Dropdown) and text not in w.options:
                w.options = [*w.options, text]
            w.value = text

    def _row_texts(self, kunci: str) -> dict[str, str]:
        plan = self.model.rencana
        if plan is None:
            return {}
        values = self.lembar.values(plan.cari(self.lembar.name, kunci))
        return {k.header: cell_text(k, values.get(k.field)) for k in self.lembar.columns}

    def _key_after(self, old: str) -> str:
        plan = self.model.rencana
        if plan is None:
            return old
        keys = plan.kunci(self.lembar.name)
        if old in keys:
            return old
        index = self._keys.index(old) if old in self._keys else -1
        return keys[index] if 0 <= index < len(keys) else old

    # ---- events -------------------------------------------------------------------------
    def _plan_changed(self, _change: dict[str, Any]) -> None:
        # Only what changed is redrawn: the grid when this sheet's rows changed, the
        # dropdowns' choices in place (what is typed in the row form is kept).
        plan = self.model.rencana
        rows = None if plan is None else getattr(plan, self.lembar.attr)
        if rows is not self._rows_shown:
            self._refresh()
        self._update_choices()
        if self.terpilih is not None and self.terpilih not in self._keys:
            self.terpilih = None

    def _update_choices(self) -> None:
        plan = self.model.rencana
        if plan is None:
            return
        for k in self.lembar.columns:
            w = self.fields.get(k.header)
            options = pilihan_kolom(plan, self.lembar, k)
            if w is None or options is None:
                continue
            if isinstance(w, widgets.Dropdown):
                wanted = ["", *options]
                if w.value not in wanted:
                    wanted.append(w.value)
                if list(w.options) != wanted:
                    value = w.value
                    w.options = wanted
                    w.value = value
            elif list(w.options) != options:
                w.options = options

    def _selected(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self._fill_form(self._row_texts(change["new"]))

    def _cell_changed(self, cell: dict[str, Any]) -> None:
        if self._reverting:
            return
        row = cell["row"]
        if not isinstance(row, int) or not 0 <= row < len(self._keys):
            return
        self.sunting(self._keys[row], str(cell["column"]), cell["value"])

    def _cell_clicked(self, cell: dict[str, Any]) -> None:
        row = cell.get("primary_key_row", cell.get("row"))
        if cell.get("region") == "body" and isinstance(row, int) and 0 <= row < len(self._keys):
            self.terpilih = self._keys[row]


class FormParameter(widgets.VBox):
    """Form of a key-value sheet (PK header, Kebijakan): one field per parameter.

    Each field shows its default as placeholder; a change is sent to the model when the
    field loses focus or Enter is pressed, and a refusal is shown next to that field.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited.
    sheet : str
        ``"PK"`` or ``"Kebijakan"``.
    """

    def __init__(self, model: ModelRencana, sheet: str) -> None:
        self.model = model
        self.lembar = skema.lembar_of(sheet)
        if not self.lembar.single:
            raise ValueError(f"lembar '{self.lembar.name}' berisi tabel; pakai EditorLembar")
        self._updating = False
        self.fields: dict[str, widgets.ValueWidget] = {}
        self.notes: dict[str, widgets.HTML] = {}
        rows = []
        for k in self.lembar.columns:
            default = field_default(self.lembar, k)
            shown = cell_text(k, default) if default is not None else ""
            options = pilihan_kolom(model.rencana, self.lembar, k) if model.rencana else None
            w: widgets.ValueWidget
            if options is not None and k.kind in ("bool", "enum"):
                w = widgets.Dropdown(options=["", *options], value="")
            else:
                w = widgets.Text(value="", placeholder=shown, continuous_update=False)
            w.description = k.header
            w.style.description_width = "260px"
            w.layout.width = "520px"
            w.tooltip = k.help or None
            note = widgets.HTML()
            note.add_class("sk-pesan")
            bawaan = f"bawaan: {shown}" if shown else ""
            help_text = "; ".join(t for t in (k.help, bawaan) if t)
            hint = widgets.HTML(f'<span style="color:#555">{html.escape(help_text)}</span>')
            w.observe(self._changed(k.header), names="value")
            self.fields[k.header] = w
            self.notes[k.header] = note
            rows.append(widgets.HBox([w, widgets.VBox([hint, note])]))
        self.pesan = widgets.HTML()
        self.pesan.add_class("sk-pesan")
        super().__init__(
            [
                widgets.HTML(
                    f"<b>{html.escape(self.lembar.name)}</b> — {html.escape(self.lembar.help)}"
                ),
                *rows,
                self.pesan,
            ]
        )
        self.add_class("sk-form")
        self.add_class(f"sk-form-{_slug(self.lembar.name)}")
        self._show()
        model.observe(lambda _: self._show(), names="versi")
        self.add_class("sk-siap")

    def sunting(self, kolom: str, teks: Any) -> Suntingan:
        """Change one parameter as if typed into its field."""
        result = self.model.sunting(self.lembar.name, None, kolom, teks)
        header = next(k.header for k in self.lembar.columns if kolom in (k.header, k.field))
        _message(self.notes[header], result)
        _message(self.pesan, result)
        if not result.diterima:
            self._show()
        return result

    def _changed(self, header: str) -> Callable[[dict[str, Any]], None]:
        def handler(change: dict[str, Any]) -> None:
            if not self._updating:
                self.sunting(header, change["new"])

        return handler

    def _show(self) -> None:
        plan = self.model.rencana
        if plan is None:
            return
        values = self.lembar.values(getattr(plan, self.lembar.attr))
        self._updating = True
        try:
            for k in self.lembar.columns:
                w = self.fields[k.header]
                text = cell_text(k, values.get(k.field))
                if isinstance(w, widgets.Dropdown) and text not in w.options:
                    w.options = [*w.options, text]
                w.value = text
        finally:
            self._updating = False
