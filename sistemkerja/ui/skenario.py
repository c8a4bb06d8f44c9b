"""The scenario lab: named what-ifs on the current plan, solved on Dask, side by side.

:class:`ModelSkenario` (traitlets) holds the scenarios of a sweep and runs them with
:func:`sistemkerja.sapuan.jalankan_sapuan` in a background thread (a local Dask cluster
by default, an existing scheduler when given); :class:`PanelSkenario` is its view:

- copy the current plan into a named scenario, add changes to it in a form (pagu scaled
  or set, a person away some months, removed or added, a target, a Kebijakan parameter,
  a pin), remove changes;
- open and save the sweep as YAML beside the plan (``sistemkerja skenario`` runs the same
  file);
- **Jalankan semua**: progress as Dask finishes each scenario, then the comparison
  table and chart;
- **Jadikan rencana**: the selected scenario's changes applied to the plan being edited
  (one undoable edit, saved like any other, conflicts detected).

The worker thread only sets the model's traits; the view's handlers set widget values.

CSS classes for browser tests: ``sk-panel-skenario`` and ``sk-siap`` on the panel,
``sk-keadaan-<keadaan>`` following :attr:`ModelSkenario.keadaan`, ``sk-tombol-jalankan``,
``sk-tombol-salin``, ``sk-tombol-tambah-perubahan``, ``sk-tombol-jadikan``, the table
``sk-banding``, the chart ``sk-grafik-banding``, the message line ``sk-pesan`` (with
``sk-pesan-ok``/``sk-pesan-galat``), the fields ``sk-nama-skenario``,
``sk-daftar-skenario``, ``sk-jenis-perubahan``, ``sk-pekerja`` and ``sk-isian-<key>``.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.rencana import Perubahan
from sistemkerja.domain.skenario import (
    PengaturanSolver,
    Sapuan,
    Skenario,
    TambahPegawai,
    terapkan,
)
from sistemkerja.io.skenario import (
    SkenarioError,
    baca_sapuan,
    perubahan_dari_data,
    perubahan_ke_data,
    tulis_sapuan,
)
from sistemkerja.sapuan import NAMA_DASAR, jalankan_sapuan
from sistemkerja.sapuan.uraian import NAMA_JENIS, uraian_perubahan
from sistemkerja.ui._tampil import ganti_kelas, png, rupiah, tabel_html, tulis_pesan
from sistemkerja.ui.rencana import ModelRencana, Suntingan

KEADAAN_SKENARIO: tuple[str, ...] = ("siap", "berjalan", "selesai", "gagal")
"""States of a sweep run: ``siap → berjalan → selesai / gagal``."""


class ModelSkenario(traitlets.HasTraits):
    """State of the scenario lab: the scenarios, the run and its comparison.

    Attributes
    ----------
    rencana : ModelRencana
        The plan being edited; every scenario is applied to its current plan.
    daftar : list of Skenario
        The scenarios, in order (the base plan is added when the sweep runs).
    pengaturan : PengaturanSolver
        Solver settings of every scenario (batas waktu per skenario in detik).
    keluaran : str
        Output folder of the sweep (its scenario folders are the cache).
    pekerja : int or None
        Local Dask workers [the machine's cores]; 0 runs without Dask.
    scheduler : str or None
        Address of an existing Dask scheduler (``tcp://host:8786``).
    dokumen : bool
        Write each scenario's result workbook and report.
    keadaan : str
        One of :data:`KEADAAN_SKENARIO`.
    selesai, total : int
        Scenarios done, and in the running sweep (count).
    hasil : HasilSapuan or None
        The last finished sweep.
    pesan : str
        The latest message (Indonesian).
    pesan_ok : bool
        Whether :attr:`pesan` reports success (set just before it).
    """

    rencana = traitlets.Instance(ModelRencana)
    daftar = traitlets.List()
    pengaturan = traitlets.Instance(PengaturanSolver, args=())
    keluaran = traitlets.Unicode("hasil_skenario")
    pekerja = traitlets.Int(None, allow_none=True)
    scheduler = traitlets.Unicode(None, allow_none=True)
    dokumen = traitlets.Bool(False)
    keadaan = traitlets.Enum(KEADAAN_SKENARIO, default_value="siap")
    selesai = traitlets.Int(0)
    total = traitlets.Int(0)
    hasil = traitlets.Any(None, allow_none=True)
    pesan = traitlets.Unicode("")
    pesan_ok = traitlets.Bool(True)

    def __init__(self, rencana: ModelRencana, **kwargs: Any) -> None:
        super().__init__(rencana=rencana, **kwargs)
        self._thread: threading.Thread | None = None

    def _say(self, text: str, ok: bool = True) -> None:
        self.pesan_ok = ok
        self.pesan = text

    # ---- the scenarios ----------------------------------------------------------------
    def _index(self, nama: str) -> int:
        for i, s in enumerate(self.daftar):
            if s.nama == nama:
                return i
        raise KeyError(nama)

    def skenario(self, nama: str) -> Skenario:
        """Return the scenario called ``nama``.

        Raises
        ------
        KeyError
            If there is none.
        """
        return self.daftar[self._index(nama)]

    def salin(self, nama: str, keterangan: str = "") -> bool:
        """Copy the current plan into a new scenario without changes.

        Returns
        -------
        bool
            ``False`` (with :attr:`pesan` saying why) for an empty, reserved or taken name.
        """
        nama = nama.strip()
        if not nama:
            self._say("Tulis nama skenario lebih dahulu", ok=False)
            return False
        if nama == NAMA_DASAR:
            self._say(
                f"Nama '{NAMA_DASAR}' dipakai untuk rencana tanpa perubahan; pilih nama lain",
                ok=False,
            )
            return False
        if any(s.nama == nama for s in self.daftar):
            self._say(f"Skenario '{nama}' sudah ada; pilih nama lain", ok=False)
            return False
        self.daftar = [*self.daftar, Skenario(nama, keterangan)]
        self._say(f"Skenario '{nama}' dibuat dari rencana saat ini; tambahkan perubahannya")
        return True

    def hapus(self, nama: str) -> None:
        """Remove a scenario (its results stay in the output folder, as cache)."""
        i = self._index(nama)
        self.daftar = [s for k, s in enumerate(self.daftar) if k != i]
        self._say(f"Skenario '{nama}' dihapus")

    def tambah_perubahan(self, nama: str, data: Mapping[str, Any]) -> bool:
        """Add a change, given as a form's fields, to a scenario if it applies.

        Parameters
        ----------
        nama : str
            The scenario.
        data : Mapping of str to Any
            The change as a sweep file writes it (``{"jenis": "pagu_dikali", "faktor":
            "0,8"}``); text values are read like workbook cells.

        Returns
        -------
        bool
            ``False`` when the fields are refused or the change does not apply to the
            current plan (:attr:`pesan` names the field and why); the scenario is then
            unchanged.
        """
        i = self._index(nama)
        try:
            change = perubahan_dari_data(data)
        except SkenarioError as exc:
            self._say("Perubahan ditolak: " + "; ".join(exc.galat), ok=False)
            return False
        old = self.daftar[i]
        new = dataclasses.replace(old, perubahan=(*old.perubahan, change))
        plan = self.rencana.rencana
        if plan is not None:
            refused = terapkan(plan, new).ditolak
            mine = [
                p for p in refused if (p.key or "").startswith(f"perubahan[{len(new.perubahan)}]")
            ]
            if mine:
                self._say(f"Perubahan ditolak: {mine[0].message}", ok=False)
                return False
        self.daftar = [new if k == i else s for k, s in enumerate(self.daftar)]
        self._say(f"Ditambahkan ke '{nama}': {uraian_perubahan(change)}")
        return True

    def hapus_perubahan(self, nama: str, urutan: int) -> None:
        """Remove the change at position ``urutan`` (from 0) of a scenario."""
        i = self._index(nama)
        old = self.daftar[i]
        kept = tuple(c for k, c in enumerate(old.perubahan) if k != urutan)
        self.daftar = [
            dataclasses.replace(old, perubahan=kept) if k == i else s
            for k, s in enumerate(self.daftar)
        ]
        self._say(f"Perubahan {urutan + 1} dari '{nama}' dihapus")

    # ---- files ------------------------------------------------------------------------
    def sapuan(self) -> Sapuan:
        """Return the scenarios and settings as a sweep (``rencana``: the plan's file)."""
        path = self.rencana.path
        return Sapuan(tuple(self.daftar), os.path.basename(path) if path else None, self.pengaturan)

    def buka_sapuan(self, path: str | os.PathLike[str] | Sapuan) -> bool:
        """Take the scenarios and settings of a sweep file (its ``rencana`` is not used).

        Parameters
        ----------
        path : str, os.PathLike or Sapuan
            The YAML file, or a sweep already read.

        Returns
        -------
        bool
            ``False`` when the file cannot be read (:attr:`pesan` names line and key).
        """
        try:
            sapuan = path if isinstance(path, Sapuan) else baca_sapuan(path)
        except (SkenarioError, OSError) as exc:
            self._say(f"Berkas sapuan tidak dapat dibaca: {exc}", ok=False)
            return False
        own = [s for s in sapuan.skenario if s.nama != NAMA_DASAR]
        self.daftar = own
        self.pengaturan = sapuan.pengaturan
        self._say(f"{len(own)} skenario dibuka")
        return True

    def simpan_sapuan(self, path: str | os.PathLike[str]) -> Path:
        """Write the sweep as YAML (atomically); ``sistemkerja skenario`` runs it."""
        written = tulis_sapuan(self.sapuan(), path)
        self._say(f"Sapuan disimpan: {written}")
        return written

    # ---- running ----------------------------------------------------------------------
    def jalankan(self) -> bool:
        """Run every scenario (and the base plan) in a background thread.

        Returns
        -------
        bool
            ``False`` (with :attr:`pesan`) while a run goes or without a valid plan.
        """
        if self.keadaan == "berjalan":
            self._say("Sapuan sedang berjalan; tunggu sampai selesai", ok=False)
            return False
        plan = self.rencana.rencana
        if plan is None:
            self._say("Belum ada rencana yang dibuka", ok=False)
            return False
        errors = [p for p in plan.validate() if p.is_error]
        if errors:
            self._say(
                f"Rencana dasar masih memiliki {len(errors)} galat; perbaiki dahulu", ok=False
            )
            return False
        sapuan = self.sapuan()
        self.total = len(sapuan.skenario) + 1
        self.selesai = 0
        self._say(f"Menjalankan {self.total} skenario (rencana dasar termasuk)…")
        self.keadaan = "berjalan"
        self._thread = threading.Thread(
            target=self._run, args=(plan, sapuan), name="sistemkerja-sapuan", daemon=True
        )
        self._thread.start()
        return True

    def tunggu(self, timeout: float | None = None) -> bool:
        """Wait for the running sweep (detik at most); return whether none is running."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _run(self, plan: Any, sapuan: Sapuan) -> None:
        def maju(k: Any) -> None:
            self.selesai = k.selesai
            source = "dari tembolok" if k.dari_tembolok else "selesai"
            self._say(f"{k.selesai}/{k.total} — {k.hasil.nama}: {source}")

        try:
            result = jalankan_sapuan(
                plan,
                sapuan,
                self.keluaran,
                pekerja=self.pekerja,
                scheduler=self.scheduler or None,
                dokumen=self.dokumen,
                kemajuan=maju,
            )
        except Exception as exc:  # never leave the panel "berjalan" forever
            self._say(f"Sapuan berhenti: {exc}", ok=False)
            self.keadaan = "gagal"
            return
        self.hasil = result
        self._say(
            f"Selesai: {result.dihitung} skenario dihitung, "
            f"{len(result.hasil) - result.dihitung} dari tembolok ({result.detik:.0f} detik). "
            f"Perbandingan: {result.berkas_banding}"
        )
        self.keadaan = "selesai"

    # ---- promoting ----------------------------------------------------------------
    def jadikan_rencana(self, nama: str) -> Suntingan:
        """Apply a scenario's changes to the plan being edited (one undoable edit).

        Returns
        -------
        Suntingan
            Refused when a change does not apply or brings a new error to the plan.
        """
        plan = self.rencana.rencana
        if plan is None:
            return Suntingan(False, "Belum ada rencana yang dibuka")
        applied = terapkan(plan, self.skenario(nama))
        change = Perubahan(
            applied.rencana, applied.masalah, applied.ditolak[0] if applied.ditolak else None
        )
        done = self.rencana.terapkan(change, f"skenario '{nama}' dijadikan rencana")
        self._say(done.pesan, ok=done.diterima)
        return done


# ---- the view -------------------------------------------------------------------------
def _kolom_form(model: ModelSkenario, jenis: str) -> list[tuple[str, str, widgets.Widget]]:
    """Return the form fields of a change kind: (key in the file, label, widget)."""
    plan = model.rencana.rencana
    people = [(f"{p.name} ({p.jabatan})", p.nip) for p in (plan.pegawai if plan else ())]
    kegiatan = [("(seluruh unit)", "")] + [
        (f"{k.code} {k.name}", k.code) for k in (plan.kegiatan if plan else ())
    ]
    targets = [(f"{i.code} {i.name}", i.code) for i in (plan.indikator if plan else ())]
    teams = [(f"{t.code} {t.name}", t.code) for t in (plan.tim if plan else ())]
    months = [(str(m), m) for m in range(1, 13)]
    from sistemkerja.domain import skema

    params = [(k.header, k.field) for k in skema.KEBIJAKAN.columns]

    def dd(options: list[tuple[str, Any]]) -> widgets.Dropdown:
        return widgets.Dropdown(options=options, layout=widgets.Layout(width="28em"))

    def tx(placeholder: str = "") -> widgets.Text:
        return widgets.Text(placeholder=placeholder, layout=widgets.Layout(width="20em"))

    if jenis == "pagu_dikali":
        return [("faktor", "Faktor", tx("mis. 0,8")), ("kegiatan", "Kegiatan", dd(kegiatan))]
    if jenis == "pagu_ditetapkan":
        return [
            ("jumlah", "Jumlah (Rp)", tx("mis. 5.000.000.000")),
            ("kegiatan", "Kegiatan", dd(kegiatan)),
        ]
    if jenis == "pegawai_tidak_tersedia":
        return [
            ("nip", "Pegawai", dd(people)),
            ("bulan_mulai", "Dari bulan", dd(months)),
            ("bulan_selesai", "Sampai bulan", dd(months)),
        ]
    if jenis == "hapus_pegawai":
        return [("nip", "Pegawai", dd(people))]
    if jenis == "tambah_pegawai":
        return [
            ("contoh", "Seperti pegawai", dd(people)),
            ("nip", "NIP baru", tx("18 angka")),
            ("nama", "Nama", tx()),
            ("unit", "Unit asal", tx("kode unit, mis. BIRO-HUKUM")),
        ]
    if jenis == "ubah_target":
        return [
            ("indikator", "Indikator", dd(targets)),
            ("target", "Target baru", tx("mis. 28 Dokumen")),
        ]
    if jenis == "ubah_kebijakan":
        return [
            ("parameter", "Parameter", dd(params)),
            ("nilai", "Nilai", tx("seperti di lembar Kebijakan")),
        ]
    return [
        ("nip", "Pegawai", dd(people)),
        (
            "peran",
            "Peran",
            dd(
                [
                    ("Ketua Tim", "Ketua Tim"),
                    ("Anggota", "Anggota"),
                    ("Bukan anggota", "Bukan anggota"),
                ]
            ),
        ),
        ("tim", "Tim", dd(teams)),
    ]


def data_form(model: ModelSkenario, jenis: str, nilai: Mapping[str, Any]) -> dict[str, Any]:
    """Turn a form's values into the mapping a sweep file holds for that change.

    ``tambah_pegawai`` copies the chosen person's row (jabatan, jenjang, golongan…) with
    the new NIP, name and unit; an empty Kegiatan means the whole unit.
    """
    data: dict[str, Any] = {"jenis": jenis}
    values = {k: v for k, v in nilai.items() if v not in ("", None)}
    if jenis == "tambah_pegawai":
        plan = model.rencana.rencana
        people = plan.pegawai if plan else ()
        template = next((p for p in people if p.nip == values.get("contoh")), None)
        row = perubahan_ke_data(TambahPegawai(template))["pegawai"] if template else {}
        row.update({"NIP": values.get("nip", ""), "Nama": values.get("nama", "")})
        if "unit" in values:
            row["Unit"] = values["unit"]
        data["pegawai"] = row
        return data
    data.update(values)
    return data


class PanelSkenario(widgets.VBox):
    """The scenario lab's view over a :class:`ModelSkenario`.

    Parameters
    ----------
    rencana : ModelRencana
        The plan being edited.
    keluaran : str
        Output folder of the sweep ["hasil_skenario"].
    sapuan : str, Path or Sapuan, optional
        A sweep (or its file) to start from; its ``rencana`` is not used.

    Attributes
    ----------
    model : ModelSkenario
        The state; the notebook may drive it directly (``panel.model.jalankan()``).
    """

    def __init__(
        self,
        rencana: ModelRencana,
        *,
        keluaran: str = "hasil_skenario",
        sapuan: str | os.PathLike[str] | Sapuan | None = None,
    ) -> None:
        self.model = ModelSkenario(rencana, keluaran=keluaran)
        if sapuan is not None:
            self.model.buka_sapuan(sapuan)
        m = self.model
        wide = widgets.Layout(width="30em")
        auto = widgets.Layout(width="auto")
        self.pilihan = widgets.Select(description="Skenario", rows=8, layout=wide)
        self.nama = widgets.Text(
            placeholder="nama skenario baru", layout=widgets.Layout(width="18em")
        )
        self.tombol_salin = widgets.Button(
            description="Salin rencana sebagai skenario", icon="copy", layout=auto
        )
        self.tombol_salin.add_class("sk-tombol-salin")
        self.tombol_hapus = widgets.Button(description="Hapus skenario", icon="trash")
        self.perubahan = widgets.Select(
            description="Perubahan", rows=5, layout=widgets.Layout(width="46em")
        )
        self.tombol_hapus_perubahan = widgets.Button(description="Hapus perubahan")
        self.jenis = widgets.Dropdown(
            description="Jenis", options=[(v, k) for k, v in NAMA_JENIS.items()], layout=wide
        )
        self.form = widgets.VBox()
        self.tombol_tambah = widgets.Button(
            description="Tambah perubahan", button_style="info", icon="plus", layout=auto
        )
        self.tombol_tambah.add_class("sk-tombol-tambah-perubahan")
        self.pekerja = widgets.BoundedIntText(
            value=os.cpu_count() or 1,
            min=0,
            max=256,
            description="Pekerja Dask",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="12em"),
        )
        self.scheduler = widgets.Text(
            placeholder="kosong = klaster lokal; tcp://host:8786",
            description="Scheduler",
            layout=widgets.Layout(width="26em"),
        )
        self.dokumen = widgets.Checkbox(
            value=m.dokumen, description="Tulis hasil dan laporan tiap skenario", indent=False
        )
        self.tombol_jalankan = widgets.Button(
            description="Jalankan semua", button_style="primary", icon="play"
        )
        self.tombol_jalankan.add_class("sk-tombol-jalankan")
        self.kemajuan = widgets.IntProgress(
            value=0, min=0, max=1, description="Dask", layout=widgets.Layout(width="30em")
        )
        self.pesan = widgets.HTML()
        self.pesan.add_class("sk-pesan")
        self.tabel = widgets.HTML()
        self.tabel.add_class("sk-banding")
        self.grafik = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.grafik.add_class("sk-grafik-banding")
        self.tombol_jadikan = widgets.Button(
            description="Jadikan rencana",
            icon="check",
            tooltip="Terapkan perubahan skenario terpilih ke rencana",
        )
        self.tombol_jadikan.add_class("sk-tombol-jadikan")
        self.tombol_simpan = widgets.Button(
            description="Simpan sapuan (YAML)", icon="save", layout=auto
        )
        super().__init__(
            [
                widgets.HTML(
                    "<b>1. Skenario</b> — salinan rencana saat ini dengan perubahan bernama"
                ),
                widgets.HBox(
                    [
                        self.pilihan,
                        widgets.VBox(
                            [
                                self.nama,
                                self.tombol_salin,
                                self.tombol_hapus,
                                self.tombol_simpan,
                                self.tombol_jadikan,
                            ]
                        ),
                    ]
                ),
                widgets.HTML("<b>2. Perubahan</b> skenario terpilih"),
                self.perubahan,
                self.tombol_hapus_perubahan,
                self.jenis,
                self.form,
                widgets.HBox([self.tombol_tambah]),
                widgets.HTML("<b>3. Jalankan dan bandingkan</b>"),
                widgets.HBox([self.pekerja, self.scheduler]),
                self.dokumen,
                widgets.HBox([self.tombol_jalankan, self.kemajuan]),
                self.pesan,
                self.tabel,
                self.grafik,
            ]
        )
        self.add_class("sk-panel-skenario")
        self.nama.add_class("sk-nama-skenario")
        self.pilihan.add_class("sk-daftar-skenario")
        self.jenis.add_class("sk-jenis-perubahan")
        self.pekerja.add_class("sk-pekerja")
        self._fields: list[tuple[str, str, widgets.Widget]] = []
        self.jenis.observe(lambda _c: self._build_form(), names="value")
        self.pilihan.observe(lambda _c: self._show_changes(), names="value")
        m.observe(lambda _c: self._show_list(), names="daftar")
        m.observe(self._pesan_berubah, names="pesan")
        m.observe(self._keadaan_berubah, names="keadaan")
        m.observe(lambda _c: self._show_progress(), names=["selesai", "total"])
        m.observe(lambda _c: self._show_result(), names="hasil")
        self.tombol_salin.on_click(lambda _b: self._salin())
        self.tombol_hapus.on_click(lambda _b: self.pilihan.value and m.hapus(self.pilihan.value))
        self.tombol_tambah.on_click(lambda _b: self._tambah())
        self.tombol_hapus_perubahan.on_click(lambda _b: self._hapus_perubahan())
        self.tombol_jalankan.on_click(lambda _b: self.jalankan())
        self.tombol_jadikan.on_click(
            lambda _b: self.pilihan.value and m.jadikan_rencana(self.pilihan.value)
        )
        self.tombol_simpan.on_click(lambda _b: self._simpan())
        self._build_form()
        self._show_list()
        ganti_kelas(self, "sk-keadaan-", m.keadaan)
        self.add_class("sk-siap")

    # ---- commands -------------------------------------------------------------------
    def jalankan(self) -> bool:
        """Take the run settings from the form and start the sweep (as the button does)."""
        self.model.pekerja = self.pekerja.value
        self.model.scheduler = self.scheduler.value.strip() or None
        self.model.dokumen = self.dokumen.value
        return self.model.jalankan()

    def _salin(self) -> None:
        if self.model.salin(self.nama.value):
            self.pilihan.value = self.nama.value.strip()
            self.nama.value = ""

    def _tambah(self) -> None:
        if not self.pilihan.value:
            self.model.pesan = "Pilih atau buat skenario lebih dahulu"
            return
        values = {key: w.value for key, _label, w in self._fields}
        data = data_form(self.model, self.jenis.value, values)
        if self.model.tambah_perubahan(self.pilihan.value, data):
            for _key, _label, w in self._fields:
                if isinstance(w, widgets.Text):
                    w.value = ""

    def _hapus_perubahan(self) -> None:
        if self.pilihan.value and self.perubahan.index is not None:
            self.model.hapus_perubahan(self.pilihan.value, self.perubahan.index)

    def _simpan(self) -> None:
        path = self.model.rencana.path
        folder = Path(path).parent if path else Path.cwd()
        try:
            self.model.simpan_sapuan(folder / "sapuan.yaml")
        except OSError as exc:
            self.model.pesan = f"Sapuan tidak dapat disimpan: {exc}"

    # ---- rendering ------------------------------------------------------------------
    def _build_form(self) -> None:
        self._fields = _kolom_form(self.model, self.jenis.value)
        for key, _label, w in self._fields:
            w.add_class(f"sk-isian-{key.replace('_', '-')}")
        self.form.children = [
            widgets.HBox([widgets.Label(label, layout=widgets.Layout(width="9em")), w])
            for _key, label, w in self._fields
        ]

    def _show_list(self) -> None:
        names = [s.nama for s in self.model.daftar]
        current = self.pilihan.value
        self.pilihan.options = names
        self.pilihan.value = current if current in names else (names[-1] if names else None)
        self._show_changes()

    def _show_changes(self) -> None:
        nama = self.pilihan.value
        if not nama:
            self.perubahan.options = []
            return
        s = self.model.skenario(nama)
        self.perubahan.options = [
            (f"{i + 1}. {uraian_perubahan(c)}", i) for i, c in enumerate(s.perubahan)
        ] or [("(belum ada perubahan: sama dengan rencana dasar)", None)]

    def _pesan_berubah(self, _change: Any = None) -> None:
        tulis_pesan(self.pesan, self.model.pesan, self.model.pesan_ok)

    def _keadaan_berubah(self, _change: Any = None) -> None:
        ganti_kelas(self, "sk-keadaan-", self.model.keadaan)
        self.tombol_jalankan.disabled = self.model.keadaan == "berjalan"

    def _show_progress(self) -> None:
        self.kemajuan.max = max(1, self.model.total)
        self.kemajuan.value = min(self.model.selesai, self.kemajuan.max)
        self.kemajuan.description = f"{self.model.selesai}/{self.model.total}"

    def _show_result(self) -> None:
        result = self.model.hasil
        if result is None:
            self.tabel.value = ""
            return
        df = result.banding
        kolom = {
            "skenario": "Skenario",
            "keterangan": "Status",
            "ej_maks": "EJ tertinggi",
            "sebaran_ej": "Sebaran EJ",
            "biaya": "Biaya",
            "lintas": "Lintas (orang)",
            "target_bermasalah": "Target belum penuh",
            "keanggotaan_berubah": "Keanggotaan berubah",
            "ketua_berubah": "Ketua berubah",
        }
        fmt = {
            "biaya": rupiah,
            "keterangan": lambda v: str(v).splitlines()[0] if v else "",
            "ej_maks": lambda v: "" if v != v else format_angka(v, 2),
            "sebaran_ej": lambda v: "" if v != v else format_angka(v, 3),
        }
        self.tabel.value = tabel_html(df, kolom, format=fmt, kelas="sk-tabel sk-tabel-banding")
        from sistemkerja.grafik.skenario import gambar_skenario

        self.grafik.value = png(gambar_skenario(df))


__all__ = [
    "KEADAAN_SKENARIO",
    "NAMA_JENIS",
    "ModelSkenario",
    "PanelSkenario",
    "data_form",
    "uraian_perubahan",
]
