"""Stage 4 of the suite: optimiser, Matriks Peran-Hasil, dialog kinerja and export.

:class:`PanelMPH` is built over the plan being edited (:class:`ModelRencana`):

- the optimiser (:class:`~sistemkerja.ui.kemajuan.PanelOptimasi` over a
  :class:`ModelOptimasi` whose plan follows the edited plan) with live progress and
  **Berhenti**; a result computed on an older version of the plan is marked outdated;
- the results: MPH level 1, MPH level 2 per team (team dropdown), the workload and the
  budget charts, from the run's tables computed once (:func:`hitung_tabel`);
- the **dialog kinerja**: pin or forbid a person in a team, a Ketua, fixed hours or a
  forbidden activity (a :class:`Penetapan`); **Hitung harga** re-solves with the pin in
  a background thread (:class:`ModelHarga`, :func:`harga_penetapan`) and shows the
  before/after; **Tetapkan** writes the pin to the Penetapan sheet (autosaved) and takes
  the pinned result as the current one; **Batal** discards it; existing pins can be
  removed;
- **Ekspor**: the result workbook, the document workbook and the HTML report, in one
  click, into ``<plan stem>_hasil/`` beside the plan file (:func:`ekspor_hasil`).

CSS classes: ``sk-panel-mph`` (with ``sk-keadaan-<keadaan>`` and ``sk-siap``),
``sk-panel-hasil``, ``sk-panel-dialog-kinerja`` (with ``sk-harga-<keadaan>``),
``sk-panel-ekspor``; buttons ``sk-tombol-optimasi``, ``sk-tombol-berhenti``,
``sk-tombol-harga``, ``sk-tombol-tetapkan``, ``sk-tombol-batal``,
``sk-tombol-hapus-penetapan``, ``sk-tombol-ekspor``; ``sk-hasil-usang`` on the panel while
the result is of an older plan; ``sk-mph-level1`` / ``sk-mph-level2`` on the tables.
"""

from __future__ import annotations

import base64
import html
import os
import threading
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets
from ipydatagrid import DataGrid

from sistemkerja import grafik
from sistemkerja.analisis import label_jabatan, mph_matriks
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Peran
from sistemkerja.domain.penetapan import Penetapan
from sistemkerja.domain.rencana import Rencana
from sistemkerja.io import new_workbook, save_atomic
from sistemkerja.laporan.html import tabel as tabel_html
from sistemkerja.laporan.html import write_laporan_html
from sistemkerja.laporan.skp import write_skp_tabel
from sistemkerja.laporan.tabel import TabelHasil, hitung_tabel
from sistemkerja.laporan.xlsx import tulis_dokumen, write_result_workbook
from sistemkerja.optimasi import Batal, Hasil, Kemajuan
from sistemkerja.optimasi.harga import HargaPenetapan, harga_penetapan
from sistemkerja.ui._tampil import ganti_kelas, png, tulis_pesan
from sistemkerja.ui.kemajuan import PanelOptimasi
from sistemkerja.ui.optimasi import KEADAAN, ModelOptimasi
from sistemkerja.ui.rencana import ModelRencana, Suntingan

__all__ = [
    "PILIHAN_PERAN",
    "USANG",
    "ModelHarga",
    "PanelMPH",
    "buat_penetapan",
    "ekspor_hasil",
    "folder_hasil",
    "periksa_penetapan",
    "pilihan_pegawai",
]

#: What the panel says when the result is of an older version of the plan.
USANG = "Rencana berubah sejak optimasi terakhir; jalankan Optimasi lagi"

#: The actions of the dialog kinerja: (label shown, Penetapan peran).
PILIHAN_PERAN: tuple[tuple[str, Peran], ...] = (
    ("Ketua Tim dari tim …", Peran.KETUA),
    ("Anggota tim …", Peran.ANGGOTA),
    ("Bukan anggota tim …", Peran.BUKAN_ANGGOTA),
    ("Jam tetap pada kegiatan …", Peran.JAM_TETAP),
    ("Dilarang mengerjakan kegiatan …", Peran.DILARANG),
)

#: Workbook and report names inside the export folder.
NAMA_BERKAS: dict[str, str] = {
    "hasil": "hasil.xlsx",
    "dokumen": "dokumen.xlsx",
    "skp": "skp.xlsx",
    "laporan": "laporan.html",
}

_MIME = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html",
}


# ---- pure helpers ----------------------------------------------------------------------
def pilihan_pegawai(plan: Rencana) -> list[tuple[str, str]]:
    """Return the staff as dropdown choices: ``("Nama — Jabatan Jenjang", nip)``.

    Parameters
    ----------
    plan : Rencana
        The plan.

    Returns
    -------
    list of tuple of str
        One choice per person, in Pegawai order.
    """
    return [(f"{p.name} — {label_jabatan(p)}", p.nip) for p in plan.pegawai]


def buat_penetapan(
    peran: Peran,
    nip: str,
    *,
    tim: str | None = None,
    kegiatan: str | None = None,
    jam: float | None = None,
    catatan: str | None = None,
) -> Penetapan:
    """Make the pin a dialog kinerja form describes, keeping only the fields it needs.

    Parameters
    ----------
    peran : Peran
        The action.
    nip : str
        The person.
    tim : str, optional
        Team code (team actions only; ignored otherwise).
    kegiatan : str, optional
        Activity code (activity actions only; ignored otherwise).
    jam : float, optional
        Hours (jam), ``Jam tetap`` only.
    catatan : str, optional
        Why (empty is none).

    Returns
    -------
    Penetapan
        The pin.

    Raises
    ------
    FieldError
        If a needed field is missing or breaks its rule (Indonesian message).
    """
    team = peran.needs_team
    return Penetapan(
        nip=nip,
        peran=peran,
        tim=tim if team else None,
        kegiatan=None if team else kegiatan,
        jam=jam if peran is Peran.JAM_TETAP else None,
        catatan=(catatan or "").strip() or None,
    )


def periksa_penetapan(plan: Rencana, penetapan: Penetapan) -> list[str]:
    """Return why a pin cannot be added to a plan (empty when it can).

    Parameters
    ----------
    plan : Rencana
        The plan.
    penetapan : Penetapan
        The pin.

    Returns
    -------
    list of str
        Indonesian messages naming sheet, row and column: a refused row, or each error
        the pin brings that the plan did not have (unknown code, a second Ketua for a
        team, a pin repeating one already there, hours beyond a year…).
    """
    change = plan.tambah(penetapan)
    if change.ditolak is not None:
        return [str(change.ditolak)]
    lama = {str(p) for p in plan.validate() if p.is_error}
    return [str(p) for p in change.galat if str(p) not in lama]


def folder_hasil(jalur_rencana: str | os.PathLike[str]) -> Path:
    """Return the export folder of a plan file: ``<folder>/<stem>_hasil``."""
    plan = Path(jalur_rencana)
    return plan.parent / f"{plan.stem}_hasil"


def ekspor_hasil(tabel: TabelHasil, jalur_rencana: str | os.PathLike[str]) -> dict[str, Path]:
    """Write the result workbook, the document workbook and the HTML report of one run.

    The files go into :func:`folder_hasil` (made when missing); an earlier export there
    is replaced, each file atomically; the plan file itself is never written.

    Parameters
    ----------
    tabel : TabelHasil
        The run's tables, computed once (:func:`hitung_tabel`) and handed to every
        writer.
    jalur_rencana : str or os.PathLike
        The plan workbook the run belongs to.

    Returns
    -------
    dict of str to pathlib.Path
        ``hasil`` (tables, documents and the plan's sheets; reads back with
        :func:`~sistemkerja.laporan.baca.read_result_workbook`), ``dokumen`` (the
        print-ready documents only; with an allocation), ``skp`` (one SKP sheet per person
        and the unit head's, :func:`~sistemkerja.laporan.skp.write_skp`; with an
        allocation) and ``laporan`` (HTML).
    """
    plan_file = Path(jalur_rencana).resolve()
    folder = folder_hasil(jalur_rencana)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {kind: folder / name for kind, name in NAMA_BERKAS.items()}
    if any(p.resolve() == plan_file for p in paths.values()):  # pragma: no cover - by design
        raise ValueError("berkas ekspor tidak boleh menimpa berkas rencana")
    out: dict[str, Path] = {}
    write_result_workbook(tabel, paths["hasil"])
    out["hasil"] = paths["hasil"]
    if tabel.alokasi is not None:
        wb = new_workbook()
        tulis_dokumen(wb, tabel)
        save_atomic(wb, paths["dokumen"])
        out["dokumen"] = paths["dokumen"]
        write_skp_tabel(tabel, paths["skp"])
        out["skp"] = paths["skp"]
    out["laporan"] = write_laporan_html(tabel, paths["laporan"])
    return out


#: Result tabs whose charts are drawn only while shown.
TAB_BEBAN, TAB_ANGGARAN = 2, 3

#: Geometry of the member grid (pixels), named so browser tests can click a row.
TINGGI_BARIS = 20
LEBAR_KUNCI = 150
LEBAR_KOLOM_ANGGOTA = 200


def _frame_anggota(tabel: TabelHasil | None, tim: str | None, plan: Rencana | None) -> pd.DataFrame:
    """Members of one team in the result (Ketua first), indexed by NIP, for the grid."""
    columns = ["Nama", "Peran dalam tim", "Jabatan"]
    if tabel is None or tabel.alokasi is None or tim is None or plan is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="NIP"), dtype=object)
    people = plan.pegawai_by_nip()
    ketua = tabel.alokasi.ketua().get(tim)
    rows = []
    for nip in tabel.alokasi.anggota(tim):
        p = people.get(nip)
        role = "Ketua Tim" if nip == ketua else "Anggota"
        rows.append((nip, p.name if p else nip, role, label_jabatan(p) if p else ""))
    frame = pd.DataFrame([r[1:] for r in rows], columns=columns, dtype=object)
    frame.index = pd.Index([r[0] for r in rows], name="NIP", dtype=object)
    return frame


def _escape_lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


# ---- the pinned re-solve ---------------------------------------------------------------
class ModelHarga(traitlets.HasTraits):
    """State of one "what does this pin cost" re-solve, run in a background thread.

    Attributes
    ----------
    keadaan : str
        One of :data:`~sistemkerja.ui.optimasi.KEADAAN`: ``siap``, ``berjalan``,
        ``selesai`` (a :class:`HargaPenetapan`), ``gagal`` (the pin was refused) or
        ``dibatalkan`` (discarded).
    kemajuan : Kemajuan or None
        The latest progress report of the re-solve.
    riwayat : list of tuple
        ``(detik, terbaik, batas)`` of the re-solve (as :attr:`ModelOptimasi.riwayat`).
    harga : HargaPenetapan or None
        The price, once computed.
    pesan : str
        What the dialog shows (Indonesian).
    """

    keadaan = traitlets.Enum(KEADAAN, default_value="siap")
    kemajuan = traitlets.Any(None, allow_none=True)
    riwayat = traitlets.List()
    harga = traitlets.Any(None, allow_none=True)
    pesan = traitlets.Unicode("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._thread: threading.Thread | None = None
        self._batal: Batal | None = None
        self._run = 0

    def hitung(self, rencana: Rencana, dasar: Hasil, penetapan: Penetapan, **opsi: Any) -> bool:
        """Start pricing a pin: re-solve ``rencana`` with it, compare with ``dasar``.

        Parameters
        ----------
        rencana : Rencana
            The plan without the pin (``dasar.plan``).
        dasar : Hasil
            The current result.
        penetapan : Penetapan
            The pin.
        **opsi
            Arguments of :func:`harga_penetapan` (``batas_waktu``…).

        Returns
        -------
        bool
            ``False`` (with :attr:`pesan`) when a re-solve is already going.
        """
        if self.keadaan == "berjalan":
            self.pesan = "Harga penetapan sedang dihitung; tunggu atau tekan Batal"
            return False
        self._run += 1
        self._batal = Batal()
        self.harga = None
        self.kemajuan = None
        self.riwayat = []
        self.pesan = "Menghitung harga penetapan (optimasi ulang dengan penetapan ini)…"
        self.keadaan = "berjalan"
        self._thread = threading.Thread(
            target=self._jalan,
            args=(self._run, rencana, dasar, penetapan, self._batal, opsi),
            name="sistemkerja-harga",
            daemon=True,
        )
        self._thread.start()
        return True

    def batal(self) -> None:
        """Discard the price (stopping its re-solve when it runs)."""
        self._run += 1
        if self._batal is not None:
            self._batal.set()
        self.harga = None
        self.kemajuan = None
        self.pesan = "Penetapan dibatalkan; rencana tidak berubah"
        self.keadaan = "dibatalkan"

    def kosongkan(self) -> None:
        """Forget the price after it was taken (back to ``siap``)."""
        self._run += 1
        self.harga = None
        self.kemajuan = None
        self.riwayat = []
        self.pesan = ""
        self.keadaan = "siap"

    def tunggu(self, timeout: float | None = None) -> bool:
        """Wait for the re-solve to end; return whether none is going any more."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _laporan(self, run: int) -> Any:
        def report(kemajuan: Kemajuan) -> None:
            if run != self._run:
                return
            self.kemajuan = kemajuan
            if kemajuan.terbaik is not None or kemajuan.batas is not None:
                self.riwayat = [*self.riwayat, (kemajuan.detik, kemajuan.terbaik, kemajuan.batas)]

        return report

    def _jalan(
        self,
        run: int,
        rencana: Rencana,
        dasar: Hasil,
        penetapan: Penetapan,
        batal: Batal,
        opsi: dict[str, Any],
    ) -> None:
        try:
            harga = harga_penetapan(
                rencana, dasar, penetapan, progress=self._laporan(run), batal=batal, **opsi
            )
        except ValueError as exc:  # a refused pin or setting: the message says why
            if run == self._run:
                self.pesan = str(exc)
                self.keadaan = "gagal"
            return
        except Exception:  # never leave the dialog "berjalan" forever
            if run == self._run:
                self.pesan = "Harga penetapan gagal dihitung karena galat tak terduga; coba lagi"
                self.keadaan = "gagal"
            return
        if run != self._run:  # discarded meanwhile
            return
        self.harga = harga
        self.pesan = harga.kalimat
        self.keadaan = "selesai"


# ---- the panel -------------------------------------------------------------------------
def _rp(value: float | None) -> str:
    return "-" if value is None else f"Rp {format_angka(value, 0)}"


def _angka(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else format_angka(value, digits)


def _selisih(value: float | None, fmt: Any) -> str:
    if value is None:
        return "-"
    if abs(value) < 1e-9:
        return "tetap"
    sign = "+" if value > 0 else "−"
    return f"{sign}{fmt(abs(value))}"


def tabel_harga_html(harga: HargaPenetapan) -> str:
    """Return the before/after of a pin as an HTML table (Indonesian labels and units).

    Parameters
    ----------
    harga : HargaPenetapan
        The price.

    Returns
    -------
    str
        A ``<table>``: EJ tertinggi, biaya (Rp), pegawai luar unit (orang), keanggotaan
        berubah, each before, after and the change; then the membership changes.
    """
    rows = [
        (
            "EJ tertinggi",
            _angka(harga.ej_maks_sebelum, 3),
            _angka(harga.ej_maks_sesudah, 3),
            _selisih(harga.selisih_ej_maks, lambda v: format_angka(v, 3)),
        ),
        (
            "Biaya (Rp)",
            _rp(harga.biaya_sebelum),
            _rp(harga.biaya_sesudah),
            _selisih(harga.selisih_biaya, lambda v: f"Rp {format_angka(v, 0)}"),
        ),
        (
            "Pegawai luar unit (orang)",
            _angka(harga.luar_sebelum, 0),
            _angka(harga.luar_sesudah, 0),
            _selisih(harga.selisih_luar, lambda v: format_angka(v, 0)),
        ),
        ("Keanggotaan berubah", "", "", format_angka(len(harga.keanggotaan), 0)),
    ]
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    head = "<tr><th>Ukuran</th><th>Sebelum</th><th>Sesudah</th><th>Perubahan</th></tr>"
    style = "border-collapse:collapse"
    text = f'<table class="sk-tabel-harga" border="1" style="{style}">{head}{body}</table>'
    if harga.keanggotaan:
        items = "".join(f"<li>{html.escape(k.uraian)}</li>" for k in harga.keanggotaan)
        text += f"<p>Keanggotaan yang berubah:</p><ul>{items}</ul>"
    return text


def _tautan_unduh(path: Path) -> str:
    """Return an ``<a download>`` link holding the file as a data URI (Lab and Voila)."""
    mime = _MIME.get(path.suffix, "application/octet-stream")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    name = html.escape(path.name)
    return f'<a download="{name}" href="data:{mime};base64,{data}" target="_blank">unduh</a>'


class PanelMPH(widgets.VBox):
    """Stage 4 panel: optimiser, MPH level 1 and 2, charts, dialog kinerja, export.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (shared by every panel of the suite).
    model_optimasi : ModelOptimasi, optional
        The solve state; a new one (defaults from the plan's Kebijakan) when omitted.

    Attributes
    ----------
    optimasi : ModelOptimasi
        The solve state; its plan follows :attr:`ModelRencana.rencana`.
    panel_optimasi : PanelOptimasi
        Settings, buttons, live progress, status.
    tabel : TabelHasil or None
        The current result's tables (computed once per result).
    harga : ModelHarga
        The dialog kinerja's pinned re-solve.
    mph1, mph2 : ipywidgets.HTML
        MPH level 1 and level 2 (of the team in :attr:`pilih_tim`) tables.
    grafik_beban, grafik_anggaran : ipywidgets.Image
        Workload and budget charts (PNG).
    usang : ipywidgets.HTML
        :data:`USANG` while the result is of an older plan, else empty.
    pesan_dialog, pesan_ekspor : ipywidgets.HTML
        Messages of the dialog kinerja and of the export.
    berkas_ekspor : dict of str to pathlib.Path
        The files of the last export.
    """

    def __init__(self, model: ModelRencana, *, model_optimasi: ModelOptimasi | None = None) -> None:
        self.model = model
        plan = model.rencana
        if model_optimasi is None:
            k = plan.kebijakan if plan is not None else None
            model_optimasi = ModelOptimasi(
                rencana=plan,
                celah=None if k is None else k.celah,
                prioritas=None if k is None else str(k.prioritas.value),
            )
        self.optimasi = model_optimasi
        self.optimasi.rencana = plan
        self._kebijakan = plan.kebijakan if plan is not None else None
        self.panel_optimasi = PanelOptimasi(self.optimasi)
        self.tabel: TabelHasil | None = None
        self.berkas_ekspor: dict[str, Path] = {}
        self._kunci_hasil = threading.Lock()
        self.harga = ModelHarga()
        self.usang = widgets.HTML()
        self.usang.add_class("sk-usang")

        # results
        self.mph1 = widgets.HTML("<i>Belum ada hasil: tekan Optimasi.</i>")
        self.mph1.add_class("sk-mph-level1")
        self.pilih_tim = widgets.Dropdown(description="Tim", options=[])
        self.pilih_tim.add_class("sk-pilih-tim")
        self.pilih_tim.observe(lambda _: self._tampilkan_level2(), names="value")
        self.mph2 = widgets.HTML()
        self.mph2.add_class("sk-mph-level2")
        self._nip_anggota: list[str] = []
        self.grid_anggota = DataGrid(
            _frame_anggota(None, None, None),
            selection_mode="row",
            base_column_size=LEBAR_KOLOM_ANGGOTA,
            base_row_size=TINGGI_BARIS,
            base_column_header_size=TINGGI_BARIS,
            base_row_header_size=LEBAR_KUNCI,
            layout=widgets.Layout(height="200px"),
        )
        self.grid_anggota.add_class("sk-grid-anggota")
        self.grid_anggota.on_cell_click(self._anggota_diklik)
        self.grafik_beban = widgets.Image(format="png", layout=widgets.Layout(max_width="900px"))
        self.grafik_beban.add_class("sk-grafik-beban")
        self.grafik_anggaran = widgets.Image(format="png", layout=widgets.Layout(max_width="900px"))
        self.grafik_anggaran.add_class("sk-grafik-anggaran")
        gulir = {"overflow": "auto", "max_height": "520px"}
        self.tab_hasil = widgets.Tab(
            [
                widgets.Box([self.mph1], layout=widgets.Layout(**gulir)),
                widgets.VBox(
                    [
                        self.pilih_tim,
                        widgets.Box([self.mph2], layout=widgets.Layout(**gulir)),
                        widgets.HTML(
                            "<b>Dari matriks ke dialog kinerja:</b> klik seorang anggota tim "
                            "di bawah; Dialog kinerja terisi dengan orang dan tim itu "
                            "(penetapan Ketua Tim), lalu tekan Hitung harga."
                        ),
                        self.grid_anggota,
                    ]
                ),
                widgets.Box([self.grafik_beban], layout=widgets.Layout(**gulir)),
                widgets.Box([self.grafik_anggaran], layout=widgets.Layout(**gulir)),
            ],
            titles=("MPH level 1", "MPH level 2", "Beban kerja", "Anggaran"),
        )
        self._grafik_untuk: list[TabelHasil | None] = [None, None]
        self.tab_hasil.observe(self._gambar_grafik, names="selected_index")
        panel_hasil = widgets.VBox([widgets.HTML("<b>Hasil</b>"), self.usang, self.tab_hasil])
        panel_hasil.add_class("sk-panel-hasil")

        # dialog kinerja
        gaya = {"description_width": "110px"}

        def lebar() -> widgets.Layout:  # one Layout per widget: hiding one hides no other
            return widgets.Layout(width="520px")

        self.pilih_pegawai = widgets.Dropdown(description="Pegawai", style=gaya, layout=lebar())
        self.pilih_peran = widgets.Dropdown(
            description="Penetapan", options=list(PILIHAN_PERAN), style=gaya, layout=lebar()
        )
        self.pilih_tim_pin = widgets.Dropdown(description="Tim", style=gaya, layout=lebar())
        self.pilih_kegiatan = widgets.Dropdown(description="Kegiatan", style=gaya, layout=lebar())
        self.jam = widgets.FloatText(value=0.0, description="Jam", style=gaya)
        self.catatan = widgets.Text(
            description="Catatan",
            placeholder="keputusan dialog kinerja",
            style=gaya,
            layout=lebar(),
        )
        for w, name in [
            (self.pilih_pegawai, "pegawai"),
            (self.pilih_peran, "peran"),
            (self.pilih_tim_pin, "tim"),
            (self.pilih_kegiatan, "kegiatan"),
            (self.jam, "jam"),
            (self.catatan, "catatan"),
        ]:
            w.add_class(f"sk-penetapan-{name}")
        self.pilih_peran.observe(lambda _: self._tampilkan_isian(), names="value")
        self.tombol_harga = widgets.Button(description="Hitung harga", icon="calculator")
        self.tombol_tetapkan = widgets.Button(
            description="Tetapkan", icon="check", button_style="success", disabled=True
        )
        self.tombol_batal = widgets.Button(description="Batal", icon="times", disabled=True)
        self.tombol_harga.add_class("sk-tombol-harga")
        self.tombol_tetapkan.add_class("sk-tombol-tetapkan")
        self.tombol_batal.add_class("sk-tombol-batal")
        self.tombol_harga.on_click(lambda _: self.hitung_harga())
        self.tombol_tetapkan.on_click(lambda _: self.tetapkan())
        self.tombol_batal.on_click(lambda _: self.batal())
        self.kemajuan_harga = widgets.HTML()
        self.kemajuan_harga.add_class("sk-kemajuan-harga")
        self.hasil_harga = widgets.HTML()
        self.hasil_harga.add_class("sk-harga")
        self.pesan_dialog = widgets.HTML()
        self.pesan_dialog.add_class("sk-pesan")
        self.daftar_penetapan = widgets.Select(
            description="Ditetapkan",
            options=[],
            rows=5,
            style=gaya,
            layout=widgets.Layout(width="720px"),
        )
        self.daftar_penetapan.add_class("sk-daftar-penetapan")
        self.tombol_hapus_penetapan = widgets.Button(description="Hapus penetapan", icon="trash")
        self.tombol_hapus_penetapan.add_class("sk-tombol-hapus-penetapan")
        self.tombol_hapus_penetapan.on_click(lambda _: self.hapus_penetapan())
        self.panel_dialog = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Dialog kinerja</b> — tetapkan atau larang peran seseorang, lihat "
                    "harganya, lalu tetapkan."
                ),
                self.pilih_pegawai,
                self.pilih_peran,
                self.pilih_tim_pin,
                self.pilih_kegiatan,
                self.jam,
                self.catatan,
                widgets.HBox([self.tombol_harga, self.tombol_tetapkan, self.tombol_batal]),
                self.kemajuan_harga,
                self.hasil_harga,
                self.pesan_dialog,
                self.daftar_penetapan,
                self.tombol_hapus_penetapan,
            ]
        )
        self.panel_dialog.add_class("sk-panel-dialog-kinerja")

        # export
        self.tombol_ekspor = widgets.Button(
            description="Ekspor hasil", icon="download", disabled=True
        )
        self.tombol_ekspor.add_class("sk-tombol-ekspor")
        self.tombol_ekspor.on_click(lambda _: self.ekspor_latar())
        self._thread_ekspor: threading.Thread | None = None
        self.pesan_ekspor = widgets.HTML()
        self.pesan_ekspor.add_class("sk-pesan")
        panel_ekspor = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Ekspor</b> — buku kerja hasil, dokumen siap cetak, SKP setiap pegawai "
                    "dan laporan HTML ditulis ke folder di samping berkas rencana."
                ),
                self.tombol_ekspor,
                self.pesan_ekspor,
            ]
        )
        panel_ekspor.add_class("sk-panel-ekspor")
        self.panel_ekspor = panel_ekspor

        super().__init__(
            [
                widgets.HTML("<h3>Tahap 4 — Optimasi dan Matriks Peran-Hasil</h3>"),
                self.panel_optimasi,
                panel_hasil,
                self.panel_dialog,
                panel_ekspor,
            ]
        )
        self.add_class("sk-panel-mph")
        self._isi_pilihan()
        self._tampilkan_isian()
        self.optimasi.observe(self._keadaan_berubah, names="keadaan")
        self.optimasi.observe(self._hasil_berubah, names="hasil")
        self.harga.observe(self._harga_berubah, names=["keadaan", "harga", "pesan"])
        self.harga.observe(self._kemajuan_harga, names="kemajuan")
        model.observe(self._rencana_berubah, names="versi")
        self._keadaan_berubah({"new": self.optimasi.keadaan})
        ganti_kelas(self.panel_dialog, "sk-harga-", self.harga.keadaan)
        if self.optimasi.hasil is not None:
            self._hasil_berubah({"new": self.optimasi.hasil})
        self.add_class("sk-siap")

    # ---- commands ---------------------------------------------------------------------
    def mulai(self) -> bool:
        """Start the optimiser with the settings shown (the Optimasi button)."""
        return self.panel_optimasi.mulai()

    def penetapan_form(self) -> Penetapan:
        """Return the pin the dialog form describes.

        Raises
        ------
        FieldError
            If a needed field is empty or breaks its rule (Indonesian message).
        """
        return buat_penetapan(
            self.pilih_peran.value,
            str(self.pilih_pegawai.value or ""),
            tim=self.pilih_tim_pin.value,
            kegiatan=self.pilih_kegiatan.value,
            jam=float(self.jam.value),
            catatan=self.catatan.value,
        )

    def hitung_harga(self) -> bool:
        """Price the pin of the form: start its re-solve (the Hitung harga button).

        Returns
        -------
        bool
            Whether the re-solve started; otherwise the dialog's message says why and
            nothing changed.
        """
        plan = self.model.rencana
        dasar = self.optimasi.hasil
        if plan is None:
            tulis_pesan(self.pesan_dialog, "Belum ada rencana yang dibuka", False)
            return False
        if self.optimasi.keadaan == "berjalan":
            tulis_pesan(self.pesan_dialog, "Tunggu optimasi selesai, lalu hitung harga", False)
            return False
        if dasar is None or dasar.plan != plan:
            tulis_pesan(
                self.pesan_dialog,
                "Jalankan Optimasi dahulu untuk rencana ini: harga penetapan dihitung "
                "terhadap hasil optimasi rencana yang sekarang",
                False,
            )
            return False
        try:
            pin = self.penetapan_form()
        except ValueError as exc:
            tulis_pesan(self.pesan_dialog, f"Penetapan belum lengkap: {exc}", False)
            return False
        problems = periksa_penetapan(plan, pin)
        if problems:
            tulis_pesan(self.pesan_dialog, "Penetapan ditolak:\n" + "\n".join(problems), False)
            return False
        tulis_pesan(self.pesan_dialog, "", True)
        return self.harga.hitung(plan, dasar, pin, batas_waktu=self.optimasi.batas_waktu)

    def tetapkan(self) -> Suntingan:
        """Write the priced pin to the Penetapan sheet and take its result (no new solve).

        Returns
        -------
        Suntingan
            Accepted (the plan is saved, with autosave) or refused with the reason.
        """
        harga = self.harga.harga
        plan = self.model.rencana
        if harga is None or self.harga.keadaan != "selesai" or plan is None:
            return self._tolak("Hitung harga penetapan dahulu")
        if not harga.hasil.ok:
            return self._tolak(
                "Penetapan ini membuat rencana tidak dapat disusun; tidak ditetapkan"
            )
        if plan != harga.dasar.plan:
            return self._tolak("Rencana berubah sejak harga dihitung; hitung harga penetapan lagi")
        if len(harga.penetapan) != 1:  # pragma: no cover - the dialog prices one pin
            return self._tolak("Tetapkan satu penetapan sekaligus")
        label = f"penetapan: {harga.kalimat_penetapan}"
        result = self.model.terapkan(plan.tambah(harga.penetapan[0]), label)
        if not result.diterima:
            tulis_pesan(self.pesan_dialog, result.pesan, False)
            return result
        self.optimasi.ambil(harga.hasil, self.harga.riwayat)
        self.harga.kosongkan()
        tulis_pesan(self.pesan_dialog, result.pesan, True)
        return result

    def batal(self) -> None:
        """Discard the price shown or being computed (the Batal button)."""
        self.harga.batal()

    def hapus_penetapan(self, kunci: str | None = None) -> Suntingan:
        """Remove a pin from the Penetapan sheet (the selected one by default).

        Parameters
        ----------
        kunci : str, optional
            Row key of the pin (:meth:`Rencana.kunci`); default the selected one.

        Returns
        -------
        Suntingan
            Accepted (saved, with autosave) or refused with the reason.
        """
        key = kunci if kunci is not None else self.daftar_penetapan.value
        if not key:
            return self._tolak("Pilih dahulu penetapan yang akan dihapus")
        result = self.model.hapus_baris("Penetapan", str(key))
        tulis_pesan(self.pesan_dialog, result.pesan, result.diterima)
        return result

    def ekspor(self) -> dict[str, Path]:
        """Write the result and document workbooks and the HTML report (the Ekspor button).

        Returns
        -------
        dict of str to pathlib.Path
            The files written (see :func:`ekspor_hasil`); empty when there is nothing
            to export, with the reason in :attr:`pesan_ekspor`.
        """
        tabel = self.tabel
        if tabel is None:
            tulis_pesan(self.pesan_ekspor, "Belum ada hasil untuk diekspor: tekan Optimasi", False)
            return {}
        if self.model.path is None:
            tulis_pesan(self.pesan_ekspor, "Rencana belum punya berkas; simpan dahulu", False)
            return {}
        tulis_pesan(self.pesan_ekspor, "Menulis berkas hasil…", True)
        try:
            files = ekspor_hasil(tabel, self.model.path)
        except OSError as exc:
            tulis_pesan(
                self.pesan_ekspor,
                f"Ekspor gagal: berkas tidak dapat ditulis ({exc.strerror or exc})",
                False,
            )
            return {}
        self.berkas_ekspor = files
        nama = {
            "hasil": "Buku kerja hasil",
            "dokumen": "Dokumen siap cetak (MPH, ABK, anggaran, jadwal)",
            "skp": "SKP setiap pegawai dan pimpinan unit",
            "laporan": "Laporan HTML",
        }
        items = "".join(
            f"<li>{nama[k]}: <code>{html.escape(str(p))}</code> ({_tautan_unduh(p)})</li>"
            for k, p in files.items()
        )
        note = ""
        if tabel.plan != self.model.rencana:
            note = f"<p style='color:#b71c1c'>Catatan: {html.escape(USANG)}.</p>"
        self.pesan_ekspor.remove_class("sk-pesan-galat")
        self.pesan_ekspor.add_class("sk-pesan-ok")
        self.pesan_ekspor.value = f"Tersimpan:<ul>{items}</ul>{note}"
        return files

    def ekspor_latar(self) -> bool:
        """Export in a background thread (the Ekspor button): the kernel stays responsive.

        The report's charts take a few seconds on a unit; meanwhile the export panel
        carries ``sk-ekspor-berjalan``, then ``sk-ekspor-selesai`` (files written) or
        ``sk-ekspor-gagal``.

        Returns
        -------
        bool
            Whether an export started (not when one is still running).
        """
        if self._thread_ekspor is not None and self._thread_ekspor.is_alive():
            return False
        ganti_kelas(self.panel_ekspor, "sk-ekspor-", "berjalan")
        self.tombol_ekspor.disabled = True

        def run() -> None:
            try:
                files = self.ekspor()
            finally:
                self.tombol_ekspor.disabled = self.tabel is None
            ganti_kelas(self.panel_ekspor, "sk-ekspor-", "selesai" if files else "gagal")

        self._thread_ekspor = threading.Thread(target=run, name="sistemkerja-ekspor", daemon=True)
        self._thread_ekspor.start()
        return True

    def tunggu_ekspor(self, timeout: float | None = None) -> bool:
        """Wait for a background export to end; return whether none is running."""
        if self._thread_ekspor is not None:
            self._thread_ekspor.join(timeout)
            return not self._thread_ekspor.is_alive()
        return True

    # ---- rendering ----------------------------------------------------------------------
    def _tolak(self, text: str) -> Suntingan:
        tulis_pesan(self.pesan_dialog, text, False)
        return Suntingan(False, text)

    def _hasil_berubah(self, change: dict[str, Any]) -> None:
        hasil: Hasil | None = change["new"]
        with self._kunci_hasil:
            if hasil is None:
                self.tabel = None
                self.tombol_ekspor.disabled = True
                self.mph1.value = "<i>Belum ada hasil: tekan Optimasi.</i>"
                self.mph2.value = ""
                self._periksa_usang()
                return
            tabel = hitung_tabel(hasil)
            self.tabel = tabel
            self._periksa_usang()
            if tabel.alokasi is None or tabel.mph_level1 is None:
                self.mph1.value = f"<i>Tidak ada alokasi: {_escape_lines(hasil.keterangan)}</i>"
                self.mph2.value = ""
                self.pilih_tim.options = []
                self.grafik_beban.value = b""
                self.grafik_anggaran.value = b""
            else:
                matriks = mph_matriks(tabel.mph_level1, kosong="–")
                labels = grafik.label_indikator(tabel.mph_level1)
                matriks = matriks.rename(
                    columns={c: f"{c} {labels[c]}" if c in labels else c for c in matriks.columns}
                )
                self.mph1.value = tabel_html(matriks, index=True)
                teams = [(f"{t.code} — {t.name}", t.code) for t in hasil.plan.tim]
                _ganti_pilihan(self.pilih_tim, teams)
                self._tampilkan_level2()
            self.tombol_ekspor.disabled = False
        self._gambar_grafik()

    def _gambar_grafik(self, _change: dict[str, Any] | None = None) -> None:
        """Draw the workload or budget chart of the result, only while its tab is shown.

        Each chart takes a few tenths of a second; ten participants clicking Optimasi at
        once on two cores should not wait for charts nobody looks at.
        """
        with self._kunci_hasil:
            tabel, index = self.tabel, self.tab_hasil.selected_index
            if tabel is None or tabel.alokasi is None:
                return
            if index == TAB_BEBAN and self._grafik_untuk[0] is not tabel:
                beban = grafik.grafik_beban_pegawai(tabel.beban_pegawai)
                self.grafik_beban.value = png(beban.figure)
                self._grafik_untuk[0] = tabel
            if index == TAB_ANGGARAN and self._grafik_untuk[1] is not tabel:
                anggaran = grafik.grafik_anggaran(
                    tabel.anggaran_pagu, tabel.belanja_akun, level="RO"
                )
                self.grafik_anggaran.value = png(anggaran.figure)
                self._grafik_untuk[1] = tabel

    def pilih_dari_matriks(self, nip: str, tim: str) -> None:
        """Fill the dialog kinerja from the matrix: this person as Ketua Tim of this team.

        Parameters
        ----------
        nip : str
            The person (a row of the team's matrix).
        tim : str
            The team.
        """
        plan = self.model.rencana
        if plan is None:
            return
        nama = plan.pegawai_by_nip().get(nip)
        self.pilih_pegawai.value = nip
        self.pilih_peran.value = Peran.KETUA
        self.pilih_tim_pin.value = tim
        who = nama.name if nama is not None else nip
        tulis_pesan(
            self.pesan_dialog,
            f"Dipilih dari matriks: {who} sebagai Ketua Tim {tim}. Ubah penetapan bila perlu, "
            "lalu tekan Hitung harga.",
            True,
        )

    def _anggota_diklik(self, cell: dict[str, Any]) -> None:
        row = cell.get("primary_key_row", cell.get("row"))
        keys = self._nip_anggota
        if cell.get("region") != "body" or not isinstance(row, int) or not 0 <= row < len(keys):
            return
        if self.pilih_tim.value is not None:
            self.pilih_dari_matriks(keys[row], self.pilih_tim.value)

    def _tampilkan_level2(self) -> None:
        tabel = self.tabel
        code = self.pilih_tim.value
        frame = _frame_anggota(tabel, code, self.model.rencana)
        self._nip_anggota = list(frame.index)
        self.grid_anggota.data = frame
        if tabel is None or tabel.mph_level2 is None or code is None:
            self.mph2.value = ""
            return
        one = tabel.mph_level2[tabel.mph_level2["tim"] == code]
        if one.empty:
            self.mph2.value = (
                "<i>Tim ini belum punya anggota dalam hasil, atau bekerja tanpa Ketua Tim "
                "(anggotanya tampil di MPH level 1).</i>"
            )
            return
        matriks = mph_matriks(one, kolom="hasil_ketua", kosong="–")
        pegawai = tabel.plan.pegawai_by_nip()
        ketua = [
            pegawai[k.nip].name
            for k in (tabel.alokasi.keanggotaan if tabel.alokasi else ())
            if k.tim == code and k.ketua and k.nip in pegawai
        ]
        judul = f"<p>Ketua Tim: {html.escape('; '.join(ketua) or 'tidak ada')}</p>"
        self.mph2.value = judul + tabel_html(matriks, index=True)

    def _periksa_usang(self) -> None:
        hasil = self.optimasi.hasil
        usang = hasil is not None and hasil.plan != self.model.rencana
        if usang:
            self.usang.value = f'<b style="color:#b71c1c">{html.escape(USANG)}</b>'
            self.add_class("sk-hasil-usang")
        else:
            self.usang.value = ""
            self.remove_class("sk-hasil-usang")

    def _keadaan_berubah(self, change: dict[str, Any]) -> None:
        keadaan = str(change["new"])
        ganti_kelas(self, "sk-keadaan-", keadaan)
        berjalan = keadaan == "berjalan"
        self.tombol_harga.disabled = berjalan or self.harga.keadaan == "berjalan"

    def _rencana_berubah(self, _change: dict[str, Any]) -> None:
        plan = self.model.rencana
        self.optimasi.rencana = plan
        if plan is not None and self._kebijakan is not None:
            old, new = self._kebijakan, plan.kebijakan
            if (old.celah, old.prioritas) != (new.celah, new.prioritas):
                self.panel_optimasi.setel(celah=new.celah, prioritas=str(new.prioritas.value))
        self._kebijakan = plan.kebijakan if plan is not None else None
        self._isi_pilihan()
        self._periksa_usang()

    def _isi_pilihan(self) -> None:
        plan = self.model.rencana
        if plan is None:
            return
        _ganti_pilihan(self.pilih_pegawai, pilihan_pegawai(plan))
        _ganti_pilihan(self.pilih_tim_pin, [(f"{t.code} — {t.name}", t.code) for t in plan.tim])
        _ganti_pilihan(
            self.pilih_kegiatan, [(f"{k.code} — {k.name}", k.code) for k in plan.kegiatan]
        )
        people = plan.pegawai_by_nip()
        pins = []
        for key, pin in zip(plan.kunci("Penetapan"), plan.penetapan, strict=True):
            who = people[pin.nip].name if pin.nip in people else pin.nip
            where = pin.tim or pin.kegiatan or ""
            jam = "" if pin.jam is None else f" {format_angka(pin.jam)} jam"
            pins.append((f"{who} — {pin.peran.value} {where}{jam}", key))
        _ganti_pilihan(self.daftar_penetapan, pins)

    def _tampilkan_isian(self) -> None:
        peran: Peran = self.pilih_peran.value
        team = peran.needs_team
        self.pilih_tim_pin.layout.display = None if team else "none"
        self.pilih_kegiatan.layout.display = "none" if team else None
        self.jam.layout.display = None if peran is Peran.JAM_TETAP else "none"

    def _kemajuan_harga(self, change: dict[str, Any]) -> None:
        k = change["new"]
        if k is None:
            return
        text = f"{k.label} — {format_angka(k.detik, 1)} detik"
        if k.terbaik is not None:
            text += f"; rencana terbaik {format_angka(k.terbaik, 4)}"
        self.kemajuan_harga.value = html.escape(text)

    def _harga_berubah(self, _change: dict[str, Any]) -> None:
        m = self.harga
        ganti_kelas(self.panel_dialog, "sk-harga-", m.keadaan)
        berjalan = m.keadaan == "berjalan"
        self.tombol_harga.disabled = berjalan or self.optimasi.keadaan == "berjalan"
        self.tombol_batal.disabled = not (berjalan or m.harga is not None)
        harga = m.harga
        self.tombol_tetapkan.disabled = not (
            m.keadaan == "selesai" and harga is not None and harga.hasil.ok
        )
        if harga is not None and m.keadaan == "selesai":
            self.kemajuan_harga.value = ""
            self.hasil_harga.value = (
                f"<p class='sk-kalimat-harga'>{_escape_lines(harga.kalimat)}</p>"
                + tabel_harga_html(harga)
            )
        elif berjalan:
            self.hasil_harga.value = f"<i>{html.escape(m.pesan)}</i>"
        elif m.keadaan == "gagal":
            self.kemajuan_harga.value = ""
            self.hasil_harga.value = ""
            tulis_pesan(self.pesan_dialog, m.pesan, False)
        else:
            self.kemajuan_harga.value = ""
            self.hasil_harga.value = ""
            if m.keadaan == "dibatalkan":
                tulis_pesan(self.pesan_dialog, m.pesan, True)


def _ganti_pilihan(w: widgets.Dropdown | widgets.Select, options: list[tuple[str, str]]) -> None:
    """Replace a dropdown's choices, keeping its value when it is still offered."""
    current = w.value
    values = [v for _, v in options]
    if list(w.options) != options:
        w.options = options
    if current in values:
        w.value = current
    elif values and isinstance(w, widgets.Dropdown):
        w.value = values[0]
