"""The participant's start panel of the workshop app ("Mulai"): name, then their own copy.

:class:`PanelPeserta` is the "Mulai" widget: the participant types a name, clicks Mulai and
the panel's :attr:`PanelPeserta.path` holds the copy the rest of the app opens (see
:mod:`sistemkerja.lokakarya` for the workspaces). The panel carries CSS classes as ready
signals for browser tests: ``sk-panel-peserta`` always, ``sk-siap`` once it is displayed and
waiting, ``sk-peserta-dimulai`` once a copy is open.
"""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as widgets
import traitlets

from sistemkerja.lokakarya import (
    folder_lokakarya,
    peserta_dari_query,
    salinan_peserta,
    sumber_lokakarya,
)


class PanelPeserta(widgets.VBox):
    """The participant's start panel: name, "Mulai", and the path of their copy.

    Parameters
    ----------
    folder : str or os.PathLike, optional
        The workshop folder; :func:`folder_lokakarya` when omitted.
    sumber : str or os.PathLike, optional
        The trainer's workbook; :func:`sumber_lokakarya` when omitted.
    nama : str, optional
        The name to show at first; from the page's query string (``?peserta=``) when
        omitted.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    path : str
        Absolute path of the participant's copy once Mulai succeeded, ``""`` before.
    pesan : str
        What the panel says: the path opened, or why Mulai was refused.
    """

    path = traitlets.Unicode("")
    pesan = traitlets.Unicode("")

    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        sumber: str | os.PathLike[str] | None = None,
        nama: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.folder = folder_lokakarya(folder)
        self.sumber = sumber_lokakarya(sumber)
        self.nama = widgets.Text(
            value=peserta_dari_query() if nama is None else nama,
            description="Nama",
            placeholder="mis. Dwi Lestari",
        )
        self.nama.add_class("sk-peserta-nama")
        self.tombol = widgets.Button(
            description="Mulai", button_style="primary", tooltip="Buka salinan rencana Anda"
        )
        self.tombol.add_class("sk-peserta-mulai")
        self.keterangan = widgets.HTML("Ketik nama Anda lalu tekan <b>Mulai</b>.")
        self.keterangan.add_class("sk-peserta-pesan")
        super().__init__([widgets.HBox([self.nama, self.tombol]), self.keterangan], **kwargs)
        self.add_class("sk-panel-peserta")
        self.tombol.on_click(lambda _button: self.mulai())
        self.add_class("sk-siap")

    def mulai(self) -> bool:
        """Open (or make) the copy of the name typed; set :attr:`path` and :attr:`pesan`.

        Returns
        -------
        bool
            Whether a copy is open now. On refusal :attr:`path` keeps its value.
        """
        self.remove_class("sk-siap")
        self.tombol.disabled = True
        try:
            path = salinan_peserta(self.folder, self.nama.value, self.sumber)
        except (ValueError, OSError) as exc:
            kept = f". Salinan yang terbuka tetap: {self.path}" if self.path else ""
            self.pesan = f"{exc}{kept}"
            self.keterangan.value = f"<span style='color:#b3261e'>{_escape(self.pesan)}</span>"
            self.keterangan.add_class("sk-galat")
            return False
        finally:
            self.tombol.disabled = False
            self.add_class("sk-siap")
        self.pesan = f"Salinan rencana Anda: {path}"
        self.keterangan.remove_class("sk-galat")
        self.keterangan.value = (
            f"Salinan rencana Anda: <code class='sk-peserta-path'>{_escape(str(path))}</code>"
        )
        self.path = str(path)
        self.add_class("sk-peserta-dimulai")
        return True


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )
