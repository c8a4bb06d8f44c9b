"""The ABK panel (stage 5, *beban kerja*): EJ per person and jabatan, and a what-if.

:class:`ModelBeban` holds the allocation the panel works on — the optimiser's — and a
what-if exploration on top of it: hours of one activity moved from one person to another
(:func:`sistemkerja.analisis.pindah_jam`), step by step, with the effect against the
optimiser's allocation (:func:`sistemkerja.analisis.efek_pindah`). A what-if never
changes the plan or its workbook; :meth:`ModelBeban.kembalikan` goes back to the
optimiser's allocation.

:class:`PanelBeban` renders it: the optimiser's state (or a *Hitung alokasi* button that
runs a :class:`~sistemkerja.ui.optimasi.ModelOptimasi` in the background), the charts of
EJ per person and per jabatan (PNG in an ``Image``), the people outside the target EJ
band with the activities that make their load, and the what-if form.

CSS classes for browser tests: ``sk-panel-beban`` on the panel, ``sk-siap`` once built,
``sk-keadaan-<keadaan>`` for the optimiser's state, ``sk-ada-alokasi`` while an allocation
is shown, ``sk-skenario`` while a what-if differs from the optimiser's allocation;
buttons ``sk-tombol-optimasi``, ``sk-tombol-berhenti``, ``sk-tombol-pindahkan``,
``sk-tombol-kembalikan``; the message line ``sk-pesan`` (``sk-pesan-ok`` /
``sk-pesan-galat``). Every user-facing text is Indonesian.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from sistemkerja import analisis, grafik
from sistemkerja.analisis.abk import PEGAWAI, UNIT
from sistemkerja.analisis.beban import DI_ATAS, KOLOM_BEBAN_JABATAN, KOLOM_BEBAN_PEGAWAI
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka, parse_angka
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.rencana import Rencana
from sistemkerja.ui._tampil import png, tulis_pesan
from sistemkerja.ui.optimasi import ModelOptimasi
from sistemkerja.ui.rencana import ModelRencana

#: What the panel says about the state of the optimiser, per :data:`~sistemkerja.ui.KEADAAN`.
LABEL_KEADAAN: dict[str, str] = {
    "siap": "Belum ada alokasi: tekan Hitung alokasi",
    "berjalan": "Pengoptimal berjalan…",
    "selesai": "Alokasi dari pengoptimal",
    "gagal": "Pengoptimal gagal",
    "dibatalkan": "Pengoptimal dihentikan; rencana terbaik sejauh ini dipakai",
}

CATATAN_SKENARIO = (
    "Simulasi ini hanya eksplorasi: pemindahan jam tidak mengubah rencana maupun berkas "
    "rencana, dan hilang saat alokasi dihitung ulang atau tombol Kembalikan ditekan."
)


@dataclass(frozen=True, slots=True)
class Langkah:
    """One what-if move of :class:`ModelBeban`.

    Parameters
    ----------
    dari, ke : str
        NIP of the person giving and of the person receiving the hours.
    kegiatan : str
        Activity code.
    jam : float
        Hours moved (jam).
    """

    dari: str
    ke: str
    kegiatan: str
    jam: float


def _jam(x: float) -> str:
    return f"{format_angka(x)} jam"


def _ej(x: float) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else format_angka(x, 2)


class ModelBeban(traitlets.HasTraits):
    """The allocation of the ABK panel and the what-if moves made on it.

    Attributes
    ----------
    rencana : Rencana or None
        The plan the allocation belongs to (never changed here).
    asal : Alokasi or None
        The optimiser's allocation (or one given by :meth:`pakai`); what
        :meth:`kembalikan` goes back to.
    alokasi : Alokasi or None
        The allocation shown: :attr:`asal` after the moves of :attr:`langkah`.
    langkah : list of Langkah
        The what-if moves made since :attr:`asal` was set, in order.
    peringatan : list of str
        Indonesian warnings of those moves (receiver outside the team, wrong jabatan…).
    pesan : str
        The latest message for the user (Indonesian).
    berhasil : bool
        Whether the latest command was carried out (for the message's colour).
    versi : int
        Goes up by one whenever :attr:`alokasi` or :attr:`rencana` changes: observe it
        to redraw.
    """

    rencana = traitlets.Instance(Rencana, allow_none=True)
    asal = traitlets.Instance(Alokasi, allow_none=True)
    alokasi = traitlets.Instance(Alokasi, allow_none=True)
    langkah = traitlets.List()
    peringatan = traitlets.List()
    pesan = traitlets.Unicode("")
    berhasil = traitlets.Bool(True)
    versi = traitlets.Int(0)

    # ---- commands -------------------------------------------------------------------
    def pakai(self, rencana: Rencana | None, alokasi: Alokasi | None, pesan: str = "") -> bool:
        """Start from a new allocation (the optimiser's); earlier moves are dropped.

        Parameters
        ----------
        rencana : Rencana or None
            The plan the allocation belongs to.
        alokasi : Alokasi or None
            The allocation; ``None`` clears the panel.
        pesan : str
            Message to show (e.g. the optimiser's status sentence).

        Returns
        -------
        bool
            ``False`` (with :attr:`pesan` saying why, nothing shown) when the allocation
            does not fit the plan.
        """
        if rencana is not None and alokasi is not None:
            masalah = analisis.periksa_alokasi(rencana, alokasi)
            if masalah:
                head = f"Alokasi tidak cocok dengan rencana: {masalah[0]}"
                more = f" (dan {len(masalah) - 1} masalah lain)" if len(masalah) > 1 else ""
                return self._set(rencana, None, [], [], head + more)
        return self._set(rencana, alokasi, [], [], pesan, ok=True)

    def pindahkan(self, dari: str, ke: str, kegiatan: str, jam: Any) -> bool:
        """Move hours of one activity from one person to another (what-if only).

        Parameters
        ----------
        dari, ke : str
            NIP of the person giving and of the person receiving the hours.
        kegiatan : str
            Activity code.
        jam : float or str
            Hours to move (jam); text is read the Indonesian way (``"12,5"``).

        Returns
        -------
        bool
            Whether the move was made. A refused move leaves :attr:`alokasi` as it was
            and says why in :attr:`pesan` (Indonesian, naming person and activity).
        """
        if self.rencana is None or self.alokasi is None:
            return self._tolak("Belum ada alokasi; hitung alokasi dulu")
        if not dari or not ke or not kegiatan:
            return self._tolak("Pilih pemberi jam, kegiatan dan penerima jam dulu")
        try:
            hours = parse_angka(jam) if isinstance(jam, str) else jam
        except ValueError:
            return self._tolak(
                f"Jam yang dipindah harus angka (misalnya 40 atau 12,5), bukan '{jam}'"
            )
        try:
            hasil = analisis.pindah_jam(self.rencana, self.alokasi, dari, ke, kegiatan, hours)
        except ValueError as exc:
            return self._tolak(f"Pemindahan ditolak: {exc}")
        step = Langkah(dari, ke, kegiatan, float(hours))
        people = self.rencana.pegawai_by_nip()
        text = f"{_jam(step.jam)} {kegiatan} dipindah dari {people[dari].name} ke {people[ke].name}"
        if hasil.peringatan:
            text += f" ({len(hasil.peringatan)} catatan, lihat di bawah)"
        warnings = list(dict.fromkeys([*self.peringatan, *hasil.peringatan]))
        return self._set(
            self.rencana, hasil.alokasi, [*self.langkah, step], warnings, text, ok=True, keep=True
        )

    def kembalikan(self) -> bool:
        """Drop every what-if move: back to the optimiser's allocation.

        Returns
        -------
        bool
            ``False`` when there was nothing to take back.
        """
        if not self.langkah:
            return self._tolak("Tidak ada pemindahan yang perlu dikembalikan")
        n = len(self.langkah)
        return self._set(
            self.rencana,
            self.asal,
            [],
            [],
            f"{n} pemindahan dikembalikan; alokasi kembali seperti hasil pengoptimal",
            ok=True,
            keep=True,
        )

    def ganti_rencana(self, rencana: Rencana | None) -> bool:
        """Follow an edit of the plan: keep the allocation and moves while they still fit.

        Parameters
        ----------
        rencana : Rencana or None
            The edited plan.

        Returns
        -------
        bool
            Whether the allocation (and every move) still fits the edited plan; if the
            moves do not, they are dropped; if the allocation does not, it is cleared.
        """
        if rencana is None or self.asal is None:
            return self._set(rencana, None, [], [], self.pesan, keep=self.asal is None)
        if analisis.periksa_alokasi(rencana, self.asal):
            return self._set(
                rencana,
                None,
                [],
                [],
                "Rencana berubah sehingga alokasi tidak lagi cocok; tekan Hitung alokasi",
            )
        current = self.asal
        try:
            for s in self.langkah:
                current = analisis.pindah_jam(
                    rencana, current, s.dari, s.ke, s.kegiatan, s.jam
                ).alokasi
        except ValueError:
            return self._set(
                rencana,
                self.asal,
                [],
                [],
                "Rencana berubah; pemindahan simulasi tidak lagi berlaku dan dikembalikan. "
                "Hitung ulang alokasi untuk rencana terbaru",
                keep=True,
            )
        return self._set(
            rencana,
            current,
            self.langkah,
            self.peringatan,
            "Rencana berubah sejak alokasi dihitung; hitung ulang alokasi untuk hasil terbaru",
            ok=True,
            keep=True,
        )

    # ---- what the views show ------------------------------------------------------------
    def beban(self) -> pd.DataFrame:
        """Return :func:`~sistemkerja.analisis.beban_pegawai` of the allocation shown."""
        if self.rencana is None or self.alokasi is None:
            return pd.DataFrame(columns=list(KOLOM_BEBAN_PEGAWAI))
        return analisis.beban_pegawai(self.rencana, self.alokasi)

    def jabatan(self, beban: pd.DataFrame | None = None) -> pd.DataFrame:
        """ABK per jabatan with the mean EJ of its people under the allocation shown.

        Parameters
        ----------
        beban : pandas.DataFrame, optional
            :meth:`beban` when already computed.

        Returns
        -------
        pandas.DataFrame
            :func:`~sistemkerja.analisis.beban_jabatan` (EJ from the workload need) plus
            ``ej_pegawai`` — mean EJ of the unit's own staff in that jabatan under the
            allocation shown (changes with a what-if; NaN without staff).
        """
        if self.rencana is None:
            return pd.DataFrame(columns=[*KOLOM_BEBAN_JABATAN, "ej_pegawai"])
        df = analisis.beban_jabatan(self.rencana, self.alokasi)
        b = self.beban() if beban is None else beban
        own = b[b["asal"] == Asal.UNIT.value] if len(b) else b
        mean = own.groupby("jabatan")["ej"].mean() if len(own) else pd.Series(dtype=float)
        return df.assign(ej_pegawai=df["jabatan"].map(mean).astype(float))

    def di_luar(self) -> pd.DataFrame:
        """Return :func:`~sistemkerja.analisis.di_luar_rentang` of the allocation shown."""
        if self.rencana is None or self.alokasi is None:
            return pd.DataFrame(columns=list(analisis.KOLOM_DI_LUAR_RENTANG))
        return analisis.di_luar_rentang(self.rencana, self.alokasi)

    def efek(self) -> pd.DataFrame:
        """Effect of the what-if against the optimiser's allocation.

        Returns
        -------
        pandas.DataFrame
            :func:`~sistemkerja.analisis.efek_pindah` for everyone who gave or received
            hours in :attr:`langkah` (in sheet order), then the unit's spread row; empty
            when no move was made.
        """
        if self.rencana is None or self.asal is None or self.alokasi is None or not self.langkah:
            return pd.DataFrame(columns=list(analisis.KOLOM_EFEK_PINDAH))
        touched = {n for s in self.langkah for n in (s.dari, s.ke)}
        order = [p.nip for p in self.rencana.pegawai if p.nip in touched]
        return analisis.efek_pindah(self.rencana, self.asal, self.alokasi, nip=order)

    def kegiatan_pegawai(self, nip: str) -> list[tuple[str, str, float]]:
        """Return ``(code, name, jam)`` of a person's activities, most hours first."""
        if self.rencana is None or self.alokasi is None:
            return []
        hours: dict[str, float] = defaultdict(float)
        for p in self.alokasi.penugasan:
            if p.nip == nip:
                hours[p.kegiatan] += p.jam
        names = {k.code: k.name for k in self.rencana.kegiatan}
        return [(c, names.get(c, c), h) for c, h in sorted(hours.items(), key=lambda kv: -kv[1])]

    # ---- internals -------------------------------------------------------------------------
    def _tolak(self, pesan: str) -> bool:
        self.berhasil = False
        self.pesan = pesan
        return False

    def _set(
        self,
        rencana: Rencana | None,
        alokasi: Alokasi | None,
        langkah: list[Langkah],
        peringatan: list[str],
        pesan: str,
        *,
        ok: bool = False,
        keep: bool = False,
    ) -> bool:
        with self.hold_trait_notifications():
            self.rencana = rencana
            if not keep:
                self.asal = alokasi
            self.alokasi = alokasi
            self.langkah = langkah
            self.peringatan = peringatan
            self.berhasil = ok
            self.pesan = pesan
        self.versi += 1
        return ok


# ---- rendering helpers ---------------------------------------------------------------------
def _table(rows: list[list[str]], header: list[str], css: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    return (
        f'<table class="{css}" style="border-collapse:collapse;font-size:12px">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


_STYLE = (
    "<style>.sk-tabel td,.sk-tabel th{border:1px solid #ccc;padding:2px 6px;"
    "vertical-align:top;text-align:left}.sk-tabel th{background:#f0f0f0}</style>"
)


def tabel_di_luar(df: pd.DataFrame, rencana: Rencana | None) -> str:
    """Render :func:`~sistemkerja.analisis.di_luar_rentang` as an HTML table with a summary."""
    if rencana is None:
        return ""
    k = rencana.kebijakan
    band = f"{format_angka(k.ej_min, 2)}–{format_angka(k.ej_max, 2)}"
    if df.empty:
        return f"<p>Semua pegawai berada dalam pita EJ {band}.</p>"
    over = int((df["posisi"] == DI_ATAS).sum())
    under = len(df) - over
    head = (
        f"<p><b>{len(df)} pegawai di luar pita EJ {band}</b>: {over} di atas pita "
        f"(terlalu berat), {under} di bawah pita (terlalu ringan).</p>"
    )
    rows = [
        [
            r.nama,
            r.jabatan,
            _ej(r.ej),
            r.kategori,
            r.posisi,
            _jam(r.jam_selisih),
            r.kegiatan,
            r.alasan,
        ]
        for r in df.itertuples(index=False)
    ]
    header = ["Nama", "Jabatan", "EJ", "Kategori", "Posisi", "Selisih", "Kegiatan", "Alasan"]
    return _STYLE + head + _table(rows, header, "sk-tabel sk-tabel-di-luar")


def tabel_efek(df: pd.DataFrame) -> str:
    """Render :meth:`ModelBeban.efek` as HTML: the people moved, then the unit's spread."""
    if df.empty:
        return "<p><i>Belum ada pemindahan jam.</i></p>"
    people = df[df["baris"] == PEGAWAI]
    rows = [
        [
            r.nama,
            _jam(r.jam_sebelum),
            _jam(r.jam_sesudah),
            _ej(r.ej_sebelum),
            _ej(r.ej_sesudah),
            f"{r.selisih_ej:+.2f}".replace(".", ","),
            f"{r.kategori_sebelum} → {r.kategori_sesudah}",
            f"{r.posisi_sebelum} → {r.posisi_sesudah}",
        ]
        for r in people.itertuples(index=False)
    ]
    header = [
        "Nama",
        "Jam sebelum",
        "Jam sesudah",
        "EJ sebelum",
        "EJ sesudah",
        "Selisih EJ",
        "Kategori",
        "Posisi",
    ]
    unit = df[df["baris"] == UNIT].iloc[0]
    spread = [
        [label, _ej(unit[f"{col}_sebelum"]), _ej(unit[f"{col}_sesudah"])]
        for label, col in (
            ("EJ rata-rata", "ej"),
            ("EJ tertinggi", "ej_tertinggi"),
            ("EJ terendah", "ej_terendah"),
            ("Simpangan baku EJ", "simpangan_baku"),
        )
    ]
    return (
        _STYLE
        + "<p><b>Efek terhadap alokasi pengoptimal</b></p>"
        + _table(rows, header, "sk-tabel sk-tabel-efek")
        + "<p><b>Sebaran EJ pegawai unit</b></p>"
        + _table(spread, ["Ukuran", "Sebelum", "Sesudah"], "sk-tabel sk-tabel-sebaran")
    )


def tabel_jabatan(df: pd.DataFrame) -> str:
    """Render :meth:`ModelBeban.jabatan` as an HTML table."""
    if df.empty:
        return ""
    rows = [
        [
            r.jabatan,
            _jam(r.jam_kebutuhan),
            format_angka(r.kebutuhan_pegawai, 2),
            str(r.pegawai_tersedia),
            "-" if pd.isna(r.pegawai_ditugaskan) else str(r.pegawai_ditugaskan),
            _ej(r.ej),
            r.kategori,
            _ej(r.ej_pegawai),
        ]
        for r in df.itertuples(index=False)
    ]
    header = [
        "Jabatan",
        "Beban kerja",
        "Kebutuhan (orang)",
        "Tersedia (orang)",
        "Ditugaskan (orang)",
        "EJ jabatan",
        "Kategori",
        "EJ rata-rata pegawai (alokasi)",
    ]
    return _STYLE + _table(rows, header, "sk-tabel sk-tabel-jabatan")


class PanelBeban(widgets.VBox):
    """The ABK panel: EJ per person and jabatan, who is outside the band, and a what-if.

    Parameters
    ----------
    model : ModelRencana
        The plan being edited (the panel only reads it).
    model_optimasi : ModelOptimasi, optional
        The optimiser panel's model: the panel shows its result whenever one arrives.
        Without it, the panel has its own (:attr:`optimasi`, default settings) and a
        *Hitung alokasi* button that runs it in the background.

    Attributes
    ----------
    beban : ModelBeban
        The allocation shown and the what-if moves.
    optimasi : ModelOptimasi
        The optimiser model observed (given or the panel's own).
    gambar_pegawai, gambar_jabatan : ipywidgets.Image
        The charts (PNG) of EJ per person and per jabatan.
    tabel_di_luar, tabel_efek, tabel_jabatan : ipywidgets.HTML
        The tables: outside the band, effect of the what-if, per jabatan.
    pilih_dari, pilih_kegiatan, pilih_ke : ipywidgets.Dropdown
        The what-if form (NIPs and activity codes as values).
    isian_jam : ipywidgets.Text
        Hours to move (Indonesian number).
    pesan : ipywidgets.HTML
        The message line.
    tampil : bool
        Whether the panel is on screen (the app sets it from its tabs); while it is not,
        the charts (about 0,4 s each) are drawn only when it is shown again.
    """

    tampil = traitlets.Bool(True)

    def __init__(self, model: ModelRencana, model_optimasi: ModelOptimasi | None = None) -> None:
        self.model = model
        self.milik_sendiri = model_optimasi is None
        self.optimasi = (
            ModelOptimasi(rencana=model.rencana) if model_optimasi is None else model_optimasi
        )
        self.beban = ModelBeban()
        self._updating = False

        self.judul = widgets.HTML(
            "<h3>Tahap 5 — Beban kerja (ABK)</h3>"
            "<p>Efisiensi jabatan (EJ) = jam kerja ÷ jam kerja efektif. Lihat siapa yang "
            "di luar pita EJ dan mengapa, lalu coba pindahkan jam kegiatan dari satu pegawai "
            "ke pegawai lain; efeknya langsung terlihat tanpa menjalankan ulang pengoptimal.</p>"
        )
        self.tombol_optimasi = widgets.Button(description="Hitung alokasi", icon="play")
        self.tombol_optimasi.add_class("sk-tombol-optimasi")
        self.tombol_optimasi.on_click(lambda _: self.hitung())
        self.tombol_berhenti = widgets.Button(description="Berhenti", icon="stop", disabled=True)
        self.tombol_berhenti.add_class("sk-tombol-berhenti")
        self.tombol_berhenti.on_click(lambda _: self.optimasi.berhenti())
        self.status = widgets.HTML()
        self.status.add_class("sk-status")
        buttons = [self.tombol_optimasi, self.tombol_berhenti] if self.milik_sendiri else []
        baris_status = widgets.HBox([*buttons, self.status])

        self.pesan = widgets.HTML()
        self.pesan.add_class("sk-pesan")
        self.peringatan = widgets.HTML()
        self.peringatan.add_class("sk-peringatan")
        self._beban = pd.DataFrame(columns=list(KOLOM_BEBAN_PEGAWAI))
        self._gambar_untuk: tuple[str, pd.DataFrame, pd.DataFrame | None] | None = None
        self._gambar_diminta: tuple[str, pd.DataFrame, pd.DataFrame | None] | None = None
        self.observe(self._draw_charts, names="tampil")

        # what-if form
        self.pilih_dari = widgets.Dropdown(description="Dari", options=[])
        self.pilih_kegiatan = widgets.Dropdown(description="Kegiatan", options=[])
        self.pilih_ke = widgets.Dropdown(description="Ke", options=[])
        self.isian_jam = widgets.Text(description="Jam", placeholder="mis. 40 atau 12,5")
        for w in (self.pilih_dari, self.pilih_kegiatan, self.pilih_ke, self.isian_jam):
            w.style.description_width = "70px"
            w.layout.width = "520px"
        self.isian_jam.layout.width = "220px"
        self.tombol_pindahkan = widgets.Button(
            description="Pindahkan", icon="exchange", button_style="primary"
        )
        self.tombol_pindahkan.add_class("sk-tombol-pindahkan")
        self.tombol_pindahkan.on_click(lambda _: self.pindahkan())
        self.tombol_kembalikan = widgets.Button(description="Kembalikan", icon="undo")
        self.tombol_kembalikan.add_class("sk-tombol-kembalikan")
        self.tombol_kembalikan.on_click(lambda _: self.kembalikan())
        self.pilih_dari.observe(self._dari_changed, names="value")
        self.pilih_kegiatan.observe(self._kegiatan_changed, names="value")
        self.tabel_efek = widgets.HTML()
        self.tabel_efek.add_class("sk-efek")
        simulasi = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Simulasi: pindahkan jam kegiatan</b><br>"
                    f"<i>{html.escape(CATATAN_SKENARIO)}</i>"
                ),
                self.pilih_dari,
                self.pilih_kegiatan,
                self.pilih_ke,
                widgets.HBox([self.isian_jam, self.tombol_pindahkan, self.tombol_kembalikan]),
                self.pesan,
                self.peringatan,
                self.tabel_efek,
            ]
        )
        simulasi.add_class("sk-simulasi")

        # charts and tables
        self.gambar_pegawai = widgets.Image(format="png")
        self.gambar_pegawai.add_class("sk-gambar-pegawai")
        self.gambar_jabatan = widgets.Image(format="png")
        self.gambar_jabatan.add_class("sk-gambar-jabatan")
        self.tabel_di_luar = widgets.HTML()
        self.tabel_di_luar.add_class("sk-di-luar")
        self.tabel_jabatan = widgets.HTML()
        self.tabel_jabatan.add_class("sk-tabel-jabatan")
        self.tab = widgets.Tab(
            [
                widgets.Box(
                    [self.gambar_pegawai],
                    layout=widgets.Layout(max_height="620px", overflow="auto"),
                ),
                widgets.VBox([self.gambar_jabatan, self.tabel_jabatan]),
                widgets.Box(
                    [self.tabel_di_luar],
                    layout=widgets.Layout(max_height="620px", overflow="auto"),
                ),
            ],
            titles=("EJ per pegawai", "Per jabatan", "Di luar pita EJ"),
        )
        super().__init__([self.judul, baris_status, simulasi, self.tab])
        self.add_class("sk-panel-beban")

        self.optimasi.observe(self._optimasi_changed, names=["keadaan", "kemajuan", "pesan"])
        self.optimasi.observe(self._hasil_changed, names="hasil")
        self.model.observe(self._plan_changed, names="versi")
        self.beban.observe(self._render, names="versi")
        self.beban.observe(self._show_message, names=["pesan", "berhasil"])
        self._show_state()
        if self.optimasi.hasil is not None:
            self._hasil_changed({"new": self.optimasi.hasil})
        else:
            self._render()
        self.add_class("sk-siap")

    # ---- commands (also what the buttons do) ---------------------------------------------
    def hitung(self) -> bool:
        """Run the optimiser on the current plan in the background (never blocks)."""
        self.optimasi.rencana = self.model.rencana
        started = self.optimasi.mulai()
        if not started:
            tulis_pesan(self.pesan, self.optimasi.pesan, False)
        return started

    def pindahkan(self) -> bool:
        """Move the hours typed in the form (what-if); the panel redraws at once."""
        return self.beban.pindahkan(
            self.pilih_dari.value or "",
            self.pilih_ke.value or "",
            self.pilih_kegiatan.value or "",
            self.isian_jam.value,
        )

    def kembalikan(self) -> bool:
        """Drop the what-if moves: back to the optimiser's allocation."""
        return self.beban.kembalikan()

    # ---- events ------------------------------------------------------------------------------
    def _hasil_changed(self, change: dict[str, Any]) -> None:
        hasil = change["new"]
        if hasil is None:
            return
        if hasil.alokasi is None:
            self.beban.pakai(self.model.rencana, None, f"Tidak ada alokasi: {hasil.keterangan}")
        else:
            self.beban.pakai(hasil.plan, hasil.alokasi, f"Alokasi: {hasil.keterangan}")
            if hasil.plan is not self.model.rencana:
                self.beban.ganti_rencana(self.model.rencana)

    def _plan_changed(self, _change: dict[str, Any]) -> None:
        if self.model.rencana is not self.beban.rencana:
            self.beban.ganti_rencana(self.model.rencana)

    def _optimasi_changed(self, _change: dict[str, Any]) -> None:
        self._show_state()

    def _show_state(self, _change: dict[str, Any] | None = None) -> None:
        keadaan = self.optimasi.keadaan
        for state in LABEL_KEADAAN:
            self.remove_class(f"sk-keadaan-{state}")
        self.add_class(f"sk-keadaan-{keadaan}")
        running = keadaan == "berjalan"
        self.tombol_optimasi.disabled = running
        self.tombol_berhenti.disabled = not running
        text = LABEL_KEADAAN[keadaan]
        if keadaan == "siap" and self.beban.asal is not None:
            text = "Alokasi tersedia"
        elif keadaan == "siap" and not self.milik_sendiri:
            text = "Belum ada alokasi: jalankan pengoptimal pada tahap Matriks Peran-Hasil"
        kemajuan = self.optimasi.kemajuan
        if running and kemajuan is not None:
            text += f" {kemajuan.label} ({format_angka(kemajuan.detik, 0)} detik)"
        elif keadaan in ("selesai", "gagal", "dibatalkan") and self.optimasi.pesan:
            text += f": {self.optimasi.pesan}"
        lines = "<br>".join(html.escape(line) for line in text.splitlines())
        self.status.value = f"<span>{lines}</span>"

    def _show_message(self, _change: dict[str, Any] | None = None) -> None:
        tulis_pesan(self.pesan, self.beban.pesan, self.beban.berhasil)
        items = "".join(f"<li>{html.escape(w)}</li>" for w in self.beban.peringatan)
        self.peringatan.value = (
            '<div style="color:#8a4b00"><b>Perhatikan (aturan yang mungkin dilanggar '
            f"simulasi):</b><ul>{items}</ul></div>"
            if items
            else ""
        )

    def _dari_changed(self, _change: dict[str, Any]) -> None:
        if self._updating:
            return
        self._fill_ke()
        self._fill_kegiatan()

    def _kegiatan_changed(self, change: dict[str, Any]) -> None:
        if self._updating:
            return
        hours = {c: h for c, _, h in self.beban.kegiatan_pegawai(self.pilih_dari.value or "")}
        code = change["new"]
        self.isian_jam.value = format_angka(hours[code]) if code in hours else ""

    # ---- rendering --------------------------------------------------------------------------
    def _render(self, _change: dict[str, Any] | None = None) -> None:
        b = self.beban
        has = b.alokasi is not None and b.rencana is not None
        for name, on in (("sk-ada-alokasi", has), ("sk-skenario", bool(b.langkah))):
            (self.add_class if on else self.remove_class)(name)
        self._beban = beban = b.beban()
        jabatan = b.jabatan(beban) if has else None
        if has:
            title = "EJ per pegawai — hasil pengoptimal"
            if b.langkah:
                title = f"EJ per pegawai — simulasi ({len(b.langkah)} pemindahan, tidak disimpan)"
            self._gambar_diminta = (title, beban, jabatan)
            self._draw_charts()
        else:
            self._gambar_diminta = None
            self.gambar_pegawai.value = b""
            self.gambar_jabatan.value = b""
            self._gambar_untuk = None
        self.tabel_jabatan.value = tabel_jabatan(jabatan) if jabatan is not None else ""
        self.tabel_di_luar.value = tabel_di_luar(b.di_luar(), b.rencana) if has else ""
        self.tabel_efek.value = tabel_efek(b.efek()) if has else ""
        self._fill_people()
        self._show_message()
        self._show_state()

    def _draw_charts(self, _change: dict[str, Any] | None = None) -> None:
        # A chart is drawn only when the panel is shown and what it shows changed (most
        # plan edits, e.g. a target's wording, leave every EJ as it was).
        wanted = self._gambar_diminta
        if wanted is None or not self.tampil:
            return
        title, beban, jabatan = wanted
        drawn = self._gambar_untuk
        if drawn is None or drawn[0] != title or not drawn[1].equals(beban):
            self.gambar_pegawai.value = png(grafik.grafik_beban_pegawai(beban, judul=title).figure)
        if drawn is None or drawn[2] is None or not drawn[2].equals(jabatan):
            self.gambar_jabatan.value = png(grafik.grafik_beban_jabatan(jabatan).figure)
        self._gambar_untuk = wanted

    @staticmethod
    def _label(r: Any) -> str:
        return f"{r.nama} — {r.jabatan}, EJ {_ej(r.ej)}"

    def _fill_people(self) -> None:
        beban = self._beban
        self._updating = True
        try:
            dari = self.pilih_dari.value
            if beban.empty:
                self.pilih_dari.options = []
            else:
                busiest = beban[beban["jam_tugas"] > 0].sort_values(
                    "ej", ascending=False, kind="stable"
                )
                self.pilih_dari.options = [
                    (self._label(r), r.nip) for r in busiest.itertuples(index=False)
                ]
            codes = [v for _, v in self.pilih_dari.options]
            self.pilih_dari.value = dari if dari in codes else next(iter(codes), None)
        finally:
            self._updating = False
        self._fill_ke()
        self._fill_kegiatan(keep=True)

    def _fill_ke(self) -> None:
        """Offer receivers: the giver's jabatan first, least loaded first."""
        beban, dari = self._beban, self.pilih_dari.value
        self._updating = True
        try:
            ke = self.pilih_ke.value
            if beban.empty or dari is None:
                self.pilih_ke.options = []
            else:
                jabatan = beban.loc[beban["nip"] == dari, "jabatan"].iloc[0]
                others = beban[beban["nip"] != dari].assign(_lain=beban["jabatan"] != jabatan)
                ordered = others.sort_values(["_lain", "ej"], kind="stable")
                self.pilih_ke.options = [
                    (self._label(r), r.nip) for r in ordered.itertuples(index=False)
                ]
            codes = [v for _, v in self.pilih_ke.options]
            self.pilih_ke.value = ke if ke in codes else next(iter(codes), None)
        finally:
            self._updating = False

    def _fill_kegiatan(self, keep: bool = False) -> None:
        chosen = self.pilih_kegiatan.value
        acts = self.beban.kegiatan_pegawai(self.pilih_dari.value or "")
        codes = [c for c, _, _ in acts]
        kept = keep and chosen in codes
        self._updating = True
        try:
            self.pilih_kegiatan.options = [
                (f"{code} {name} — {_jam(h)}", code) for code, name, h in acts
            ]
            self.pilih_kegiatan.value = chosen if kept else next(iter(codes), None)
        finally:
            self._updating = False
        if not kept:
            hours = {c: h for c, _, h in acts}
            code = self.pilih_kegiatan.value
            self.isian_jam.value = format_angka(hours[code]) if code in hours else ""
