"""The plan bar shown above every panel: which file, saved or not, conflicts, undo.

:class:`BilahRencana` renders a :class:`~sistemkerja.ui.rencana.ModelRencana`: the plan
file and whether it holds what is shown, the plan's errors and warnings (each naming sheet,
row and column), buttons Simpan / Urungkan / Muat ulang, and — when the file changed on
disk since it was loaded — the question the user must answer: reload from the file, or
save this version as a new file. It also opens another workbook, the sample, or starts a
new empty plan from the PK header.

CSS classes: ``sk-bilah-rencana``; ``sk-konflik`` on the conflict box while it is shown;
``sk-tersimpan`` / ``sk-belum-tersimpan`` on the status line; ``sk-tombol-<action>``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from sistemkerja.domain.masalah import FieldError
from sistemkerja.ui._tampil import tulis_pesan
from sistemkerja.ui.rencana import ModelRencana

#: How many problems the bar lists (the rest are counted).
MASALAH_DITAMPILKAN = 30


def _button(description: str, action: str, icon: str = "") -> widgets.Button:
    button = widgets.Button(description=description, icon=icon)
    button.add_class(f"sk-tombol-{action}")
    return button


class BilahRencana(widgets.VBox):
    """File, save state, problems and conflict prompt of the plan being edited.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited.
    """

    def __init__(self, model: ModelRencana) -> None:
        self.model = model
        self.status = widgets.HTML()
        self.status.add_class("sk-status-rencana")
        self.pesan = widgets.HTML()
        self.pesan.add_class("sk-pesan")
        self.tombol_simpan = _button("Simpan", "simpan", "save")
        self.tombol_urung = _button("Urungkan", "urungkan", "undo")
        self.tombol_muat = _button("Muat ulang", "muat-ulang", "refresh")
        self.tombol_simpan.on_click(lambda _: self._show_message(model.simpan()))
        self.tombol_urung.on_click(lambda _: self._show_message(model.urungkan().diterima))
        self.tombol_muat.on_click(lambda _: self._show_message(model.muat_ulang()))

        # conflict prompt
        self.nama_baru = widgets.Text(description="Nama berkas baru", placeholder="salinan.xlsx")
        self.nama_baru.style.description_width = "130px"
        self.tombol_simpan_sebagai = _button("Simpan sebagai", "simpan-sebagai", "copy")
        self.tombol_simpan_sebagai.on_click(lambda _: self.simpan_sebagai())
        self.tombol_muat_konflik = _button("Muat ulang dari berkas", "muat-konflik", "refresh")
        self.tombol_muat_konflik.on_click(lambda _: self._show_message(model.muat_ulang()))
        self.kotak_konflik = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Berkas rencana diubah di luar panel ini</b> (Excel atau notebook lain) "
                    "sejak dibuka. Perubahan Anda belum disimpan dan berkas itu tidak ditimpa. "
                    "Pilih: <b>muat ulang</b> isi berkas (perubahan Anda tetap dapat "
                    "dikembalikan dengan Urungkan), atau <b>simpan sebagai</b> berkas baru."
                ),
                widgets.HBox([self.tombol_muat_konflik]),
                widgets.HBox([self.nama_baru, self.tombol_simpan_sebagai]),
            ],
            layout=widgets.Layout(border="2px solid #b71c1c", padding="6px", display="none"),
        )

        # open another file / new plan
        self.jalur = widgets.Text(description="Berkas", placeholder="rencana.xlsx")
        self.tombol_buka = _button("Buka", "buka", "folder-open")
        self.tombol_buka.on_click(lambda _: self.buka())
        self.tombol_contoh = _button("Buka contoh di berkas ini", "contoh", "file")
        self.tombol_contoh.on_click(lambda _: self.buka(contoh="unit"))
        self.isian_baru = {
            "tahun": widgets.Text(description="Tahun", placeholder="2027"),
            "unit": widgets.Text(description="Kode unit", placeholder="DIT-PDK"),
            "nama_unit": widgets.Text(description="Nama unit"),
            "instansi": widgets.Text(description="Instansi"),
            "pihak_pertama": widgets.Text(description="Pimpinan unit"),
            "jabatan_pihak_pertama": widgets.Text(description="Jabatan pimpinan"),
        }
        for key, w in self.isian_baru.items():
            w.style.description_width = "130px"
            w.add_class(f"sk-baru-{key.replace('_', '-')}")
        self.jalur.add_class("sk-jalur")
        self.tombol_baru = _button("Buat rencana baru", "baru", "plus")
        self.tombol_baru.on_click(lambda _: self.baru())
        self.daftar_masalah = widgets.HTML()
        berkas = widgets.VBox(
            [
                widgets.HBox([self.jalur, self.tombol_buka, self.tombol_contoh]),
                widgets.HTML(
                    "<i>Rencana baru: isi kepala PK di bawah, tulis nama berkas baru pada "
                    "kolom Berkas, lalu tekan Buat rencana baru.</i>"
                ),
                widgets.GridBox(
                    list(self.isian_baru.values()),
                    layout=widgets.Layout(grid_template_columns="repeat(2, 360px)"),
                ),
                self.tombol_baru,
            ]
        )
        self.lipatan = widgets.Accordion(
            [self.daftar_masalah, berkas], titles=("Masalah rencana", "Berkas lain / rencana baru")
        )
        super().__init__(
            [
                widgets.HBox(
                    [self.status, self.tombol_simpan, self.tombol_urung, self.tombol_muat]
                ),
                self.kotak_konflik,
                self.pesan,
                self.lipatan,
            ]
        )
        self.add_class("sk-bilah-rencana")
        model.observe(
            self._render, names=["versi", "konflik", "tersimpan", "path", "bisa_urung", "pesan"]
        )
        self._render()

    # ---- commands ---------------------------------------------------------------------
    def _target(self, name: str) -> Path:
        """Return the path of a typed file name: beside the plan file when relative, ``.xlsx``."""
        target = Path(name).expanduser()
        if not target.is_absolute() and self.model.path is not None:
            target = Path(self.model.path).parent / target
        return target if target.suffix.lower() == ".xlsx" else target.with_suffix(".xlsx")

    def simpan_sebagai(self) -> bool:
        """Save the plan to the file named in :attr:`nama_baru` (beside the plan file)."""
        name = self.nama_baru.value.strip()
        if not name:
            self._show_message(False, "Tulis dulu nama berkas baru")
            return False
        ok = self.model.simpan_sebagai(self._target(name))
        self._show_message(ok)
        return ok

    def buka(self, contoh: str | None = None) -> bool:
        """Open the workbook named in :attr:`jalur` (with ``contoh``: the sample if new)."""
        name = self.jalur.value.strip()
        if not name:
            self._show_message(False, "Tulis dulu jalur berkas rencana pada kolom Berkas")
            return False
        ok = self.model.buka_berkas(self._target(name), contoh=contoh)
        self._show_message(ok)
        return ok

    def baru(self) -> bool:
        """Start a new, empty plan in the workbook named in :attr:`jalur`."""
        name = self.jalur.value.strip()
        if not name:
            self._show_message(False, "Tulis dulu nama berkas rencana baru pada kolom Berkas")
            return False
        values = {k: w.value.strip() for k, w in self.isian_baru.items()}
        labels = {k: w.description for k, w in self.isian_baru.items()}
        missing = [labels[k] for k, v in values.items() if not v]
        if missing:
            self._show_message(False, "Isi dulu: " + ", ".join(missing))
            return False
        try:
            tahun = int(values.pop("tahun"))
        except ValueError:
            self._show_message(False, "Tahun harus bilangan bulat, mis. 2027")
            return False
        target = self._target(name)
        if target.exists():
            self._show_message(False, f"Berkas '{target}' sudah ada; pilih nama lain")
            return False
        try:
            fresh = ModelRencana.baru(target, tahun=tahun, **values)
        except FieldError as exc:
            self._show_message(False, f"Kepala PK tidak sah: {exc.message}")
            return False
        except OSError as exc:
            self._show_message(False, f"Berkas '{target}' tidak dapat dibuat ({exc.strerror})")
            return False
        if fresh.path is None:
            return False
        ok = self.model.buka_berkas(fresh.path)
        self._show_message(ok)
        if ok:  # the header now lives in the plan (tab 1 PK); the form is ready for another
            for w in self.isian_baru.values():
                w.value = ""
        return ok

    # ---- rendering ----------------------------------------------------------------------
    def _show_message(self, ok: bool, text: str | None = None) -> None:
        tulis_pesan(self.pesan, self.model.pesan if text is None else text, ok)

    def _render(self, _change: dict[str, Any] | None = None) -> None:
        model = self.model
        path = html.escape(model.path or "(belum ada berkas)")
        if model.konflik:
            state, cls = "berkas diubah pihak lain — belum disimpan", "sk-belum-tersimpan"
        elif model.tersimpan:
            state, cls = "tersimpan", "sk-tersimpan"
        else:
            state, cls = "belum tersimpan", "sk-belum-tersimpan"
        self.status.remove_class("sk-tersimpan")
        self.status.remove_class("sk-belum-tersimpan")
        self.status.add_class(cls)
        errors = [p for p in model.masalah if p.is_error]
        warnings = len(model.masalah) - len(errors)
        self.status.value = (
            f"<b>Berkas:</b> {path} — <b>{state}</b>; {len(errors)} galat, {warnings} peringatan"
        )
        self.tombol_urung.disabled = model.bisa_urung == 0
        self.tombol_urung.tooltip = f"{model.bisa_urung} perubahan dapat diurungkan"
        self.kotak_konflik.layout.display = "flex" if model.konflik else "none"
        if model.konflik:
            self.kotak_konflik.add_class("sk-konflik")
        else:
            self.kotak_konflik.remove_class("sk-konflik")
        shown = model.masalah[:MASALAH_DITAMPILKAN]
        items = "".join(f"<li>{html.escape(str(p))}</li>" for p in shown)
        more = len(model.masalah) - len(shown)
        tail = f"<p>… dan {more} masalah lain</p>" if more > 0 else ""
        self.daftar_masalah.value = (
            f"<ul>{items}</ul>{tail}" if items else "<i>Tidak ada masalah.</i>"
        )
        self.lipatan.set_title(0, f"Masalah rencana ({len(errors)} galat, {warnings} peringatan)")
