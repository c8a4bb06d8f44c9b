"""The guided tour (stage 0, *mulai*): the new work system and the suite, on the open plan.

:data:`TAHAP` describes the five planning stages of Permenpan RB 7/2022 and 6/2022 as the
suite walks through them, each with its notebook and its tab in the workshop app;
:func:`angka_kunci` gives the key numbers of a plan (computed, never typed); and
:class:`PanelMulai` shows both, so the app can open with it as its first tab.

CSS classes for browser tests: ``sk-panel-mulai`` on the panel, ``sk-siap`` once built,
``sk-angka-kunci`` on the numbers, ``sk-tahap`` on the stage list. Every user-facing text
is Indonesian.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.masalah import Problem
from sistemkerja.domain.rencana import Rencana
from sistemkerja.ui.rencana import ModelRencana


@dataclass(frozen=True, slots=True)
class Tahap:
    """One stage of the tour.

    Parameters
    ----------
    nomor : int
        Stage number (1–5).
    judul : str
        Its name.
    tab : str
        The tab of the workshop app that holds it (``"1 PK"``).
    notebook : str
        The notebook of the suite that holds it (in ``notebooks/``).
    dasar : str
        The rule it comes from.
    uraian : str
        What happens in this stage (Indonesian).
    klik : str
        What to click there (Indonesian).
    """

    nomor: int
    judul: str
    tab: str
    notebook: str
    dasar: str
    uraian: str
    klik: str


TAHAP: tuple[Tahap, ...] = (
    Tahap(
        1,
        "Penyusunan dan penetapan kinerja",
        "1 PK",
        "01_perjanjian_kinerja.ipynb",
        "Permenpan RB 7/2022; format PK menurut Permenpan RB 53/2014 (SAKIP)",
        "Pimpinan unit (Pejabat Level 1) menetapkan Perjanjian Kinerja satu tahun anggaran: "
        "sasaran, indikator kinerja dengan target (sering juga target triwulan) dan pagu "
        "anggaran. Tugas di luar PK yang tetap menjadi fungsi unit dicatat sebagai tugas "
        "tambahan.",
        "Isi kepala PK, lalu lembar Sasaran, Indikator, Pagu dan Tugas Tambahan; setiap "
        "perubahan diperiksa dan langsung disimpan ke berkas rencana.",
    ),
    Tahap(
        2,
        "Perumusan strategi pelaksanaan",
        "2 Strategi",
        "02_strategi_pelaksanaan.ipynb",
        "Permenpan RB 7/2022 (tim kerja, Ketua Tim, lintas unit dan lintas instansi)",
        "Untuk setiap target: dikerjakan tim kerja atau individu (pegawai mandiri), jabatan "
        "fungsional/pelaksana apa yang dibutuhkan, dari unit sendiri, lintas unit atau lintas "
        "instansi, dan apakah tim memerlukan Ketua Tim.",
        "Susun Tim Kerja, Strategi dan Kebutuhan Peran; periksa kapasitas dan jam terikat "
        "setiap pegawai.",
    ),
    Tahap(
        3,
        "Penyusunan rencana kegiatan dan anggaran",
        "3 Kegiatan & Anggaran",
        "03_rencana_kegiatan_anggaran.ipynb",
        "Permenpan RB 7/2022; struktur anggaran RKA-K/L (PMK 62/2023)",
        "Setiap kegiatan diberi jadwal (bulan), beban kerja (volume × norma waktu, dalam jam) "
        "dan rincian anggaran berkode RKA-K/L, sehingga kebutuhan anggaran tiap kegiatan "
        "diketahui dan dapat dibandingkan dengan pagu.",
        "Isi Kegiatan, Beban Kegiatan dan Rincian Anggaran; jumlah jam dan rupiah per "
        "kegiatan serta sisa pagu terlihat langsung.",
    ),
    Tahap(
        4,
        "Matriks Peran-Hasil (MPH)",
        "4 MPH",
        "04_matriks_peran_hasil.ipynb",
        "Permenpan RB 7/2022 (MPH); SKP menurut Permenpan RB 6/2022",
        "Pengoptimal menempatkan pegawai ke tim, peran Ketua Tim dan kegiatan; hasilnya "
        "Matriks Peran-Hasil yang dibahas dalam dialog kinerja. Setiap sel menjadi satu "
        "Rencana Hasil Kerja (RHK) dalam SKP pegawai, mengikuti kaskade kinerja Permenpan RB "
        "6/2022.",
        "Tekan Optimasi, ikuti kemajuannya (atau Berhenti), lalu baca matriksnya; di Dialog "
        "kinerja pilih pegawai dan perannya, tekan Hitung harga untuk melihat akibatnya, lalu "
        "Tetapkan; Ekspor hasil menulis buku kerja hasil, dokumen dan laporan HTML.",
    ),
    Tahap(
        5,
        "Beban kerja (ABK)",
        "5 Beban Kerja",
        "05_beban_kerja.ipynb",
        "Permenpan RB 1/2020 (analisis jabatan dan analisis beban kerja)",
        "Efisiensi jabatan (EJ) setiap pegawai dan jabatan di bawah alokasi: siapa di luar "
        "pita EJ sasaran dan karena kegiatan apa, lalu simulasi memindahkan jam dari satu "
        "pegawai ke pegawai lain.",
        "Pilih pemberi jam, kegiatan, penerima dan jumlah jam, tekan Pindahkan; Kembalikan "
        "membatalkan simulasi. Simulasi tidak mengubah berkas rencana.",
    ),
)
"""The stages of the tour, in order."""


def _orang(n: int) -> str:
    return f"{format_angka(n, 0)} orang"


def angka_kunci(rencana: Rencana, masalah: list[Problem] | None = None) -> list[tuple[str, str]]:
    """Return the key numbers of a plan, as the tour shows them.

    Parameters
    ----------
    rencana : Rencana
        The plan.
    masalah : list of Problem, optional
        Its problems (:meth:`Rencana.validate` when omitted).

    Returns
    -------
    list of tuple of (str, str)
        ``(label, value)`` rows, values in Indonesian notation: unit and year; the unit's
        own staff and the candidates from other units or agencies (orang); sasaran,
        indicators and tugas tambahan; teams; activities and their workload (jam, and the
        staff that workload needs, orang); pagu and the budget lines' total (Rp);
        effective hours (jam) and target EJ band; errors and warnings of the checks.
    """
    problems = rencana.validate() if masalah is None else masalah
    k = rencana.kebijakan
    unit = rencana.unit
    own = sum(1 for p in rencana.pegawai if rencana.asal(p) is Asal.UNIT)
    jam = sum(rencana.jam_kegiatan().values())
    biaya = sum(rencana.biaya_kegiatan().values())
    galat = sum(1 for p in problems if p.is_error)
    nama_unit = f"{unit.name} ({unit.instansi})" if unit is not None else rencana.pk.unit
    return [
        ("Unit", nama_unit),
        ("Tahun PK", str(rencana.pk.tahun)),
        ("Pegawai unit", _orang(own)),
        ("Calon dari unit/instansi lain", _orang(len(rencana.pegawai) - own)),
        ("Sasaran", format_angka(len(rencana.sasaran), 0)),
        ("Indikator kinerja", format_angka(len(rencana.indikator), 0)),
        ("Tugas tambahan", format_angka(len(rencana.tugas_tambahan), 0)),
        ("Tim kerja", format_angka(len(rencana.tim), 0)),
        ("Kegiatan", format_angka(len(rencana.kegiatan), 0)),
        (
            "Beban kerja seluruh kegiatan",
            f"{format_angka(jam, 0)} jam (setara {format_angka(jam / k.jam_efektif, 1)} "
            f"orang × {format_angka(k.jam_efektif, 0)} jam)",
        ),
        ("Pagu", f"Rp {format_angka(rencana.pagu_total, 0)}"),
        ("Rincian anggaran kegiatan", f"Rp {format_angka(biaya, 0)}"),
        ("Pita EJ sasaran", f"{format_angka(k.ej_min, 2)}–{format_angka(k.ej_max, 2)}"),
        ("Pemeriksaan rencana", f"{galat} galat, {len(problems) - galat} peringatan"),
    ]


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><th style="text-align:left;padding:2px 12px 2px 0">{html.escape(a)}</th>'
        f"<td>{html.escape(b)}</td></tr>"
        for a, b in rows
    )
    return f'<table style="font-size:13px">{body}</table>'


def _tahap_html(tahap: Tahap) -> str:
    return (
        f"<h4>{tahap.nomor}. {html.escape(tahap.judul)}</h4>"
        f"<p>{html.escape(tahap.uraian)}</p>"
        f"<p><b>Yang diklik:</b> {html.escape(tahap.klik)}<br>"
        f"<b>Di aplikasi lokakarya:</b> tab <i>{html.escape(tahap.tab)}</i>; "
        f'<b>di JupyterLab:</b> <a href="{html.escape(tahap.notebook)}" target="_blank">'
        f"{html.escape(tahap.notebook)}</a><br>"
        f'<span style="color:#555">Dasar: {html.escape(tahap.dasar)}</span></p>'
    )


PENGANTAR = (
    "<h3>Mulai: perencanaan sistem kerja unit</h3>"
    "<p>Sistem kerja baru (Permenpan RB 7/2022) menggantikan kerja berjenjang eselon dengan "
    "<b>tim kerja</b> lintas jabatan fungsional dan pelaksana: Perjanjian Kinerja (PK) "
    "pimpinan unit diturunkan menjadi strategi, kegiatan dan anggaran, lalu menjadi "
    "Matriks Peran-Hasil yang menentukan siapa menghasilkan apa. Kaskade kinerja "
    "Permenpan RB 6/2022 berakhir pada SKP setiap pegawai, dan analisis beban kerja "
    "(Permenpan RB 1/2020) memeriksa apakah bebannya wajar.</p>"
    "<p>Semua tahap bekerja pada <b>satu berkas rencana</b> (buku kerja Excel); setiap "
    "perubahan diperiksa dan langsung disimpan. Angka di bawah dihitung dari rencana yang "
    "sedang dibuka.</p>"
)


class PanelMulai(widgets.VBox):
    """The tour: what the work system is, the plan's key numbers, and where to go next.

    Parameters
    ----------
    model : ModelRencana
        The plan opened for the suite (the panel only reads it; its numbers follow
        every edit).

    Attributes
    ----------
    angka : ipywidgets.HTML
        The key numbers (:func:`angka_kunci`), or why the plan could not be read.
    tahap : ipywidgets.HTML
        The stages (:data:`TAHAP`) with their tab and notebook.
    """

    def __init__(self, model: ModelRencana) -> None:
        self.model = model
        self.angka = widgets.HTML()
        self.angka.add_class("sk-angka-kunci")
        self.tahap = widgets.HTML("".join(_tahap_html(t) for t in TAHAP))
        self.tahap.add_class("sk-tahap")
        super().__init__(
            [
                widgets.HTML(PENGANTAR),
                widgets.HTML("<h4>Rencana yang dibuka</h4>"),
                self.angka,
                widgets.HTML(
                    "<h4>Lima tahap, lima tab</h4><p>Kerjakan berurutan dari tab "
                    "<i>1 PK</i>; setiap tab dapat dibuka lagi kapan saja.</p>"
                ),
                self.tahap,
            ]
        )
        self.add_class("sk-panel-mulai")
        model.observe(self._show, names="versi")
        self._show()
        self.add_class("sk-siap")

    def _show(self, _change: dict[str, Any] | None = None) -> None:
        plan = self.model.rencana
        if plan is None:
            self.angka.value = (
                "<p>Berkas rencana belum dapat dibaca: "
                f"{html.escape(self.model.pesan or 'tidak ada rencana')}</p>"
            )
            return
        rows = angka_kunci(plan, list(self.model.masalah))
        if self.model.path:
            rows.insert(0, ("Berkas rencana", self.model.path))
        self.angka.value = _table(rows)
