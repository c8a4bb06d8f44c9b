"""The interactive suite's models (traitlets): state the widget views link to and render.

Models hold state and run work; views (issue 10) only link and render. Nothing outside
this subpackage imports it. :class:`ModelRencana` is the plan being edited (checks,
autosave, conflicts, undo); :class:`ModelOptimasi` is the solve state machine behind the
optimiser panel: ``siap → berjalan → selesai / gagal / dibatalkan``. :class:`EditorLembar`
and :class:`FormParameter` are the sheet views every stage panel is built from.

Needs the ``notebook`` extra (traitlets, ipywidgets): ``pip install -e ".[notebook]"``,
which ``make lab`` and ``make test`` install.
"""

from sistemkerja.ui.beban import Langkah, ModelBeban, PanelBeban
from sistemkerja.ui.berkas import BilahRencana
from sistemkerja.ui.kegiatan import PanelKegiatan
from sistemkerja.ui.kemajuan import PanelOptimasi
from sistemkerja.ui.lembar import EditorLembar, FormParameter
from sistemkerja.ui.lokakarya import PanelPeserta
from sistemkerja.ui.mph import ModelHarga, PanelMPH
from sistemkerja.ui.optimasi import KEADAAN, ModelOptimasi
from sistemkerja.ui.pk import PanelPK
from sistemkerja.ui.rencana import ModelRencana, Suntingan
from sistemkerja.ui.strategi import PanelStrategi
from sistemkerja.ui.tur import TAHAP, PanelMulai, Tahap, angka_kunci

__all__ = [
    "KEADAAN",
    "TAHAP",
    "BilahRencana",
    "EditorLembar",
    "FormParameter",
    "Langkah",
    "ModelBeban",
    "ModelHarga",
    "ModelOptimasi",
    "ModelRencana",
    "PanelBeban",
    "PanelKegiatan",
    "PanelMPH",
    "PanelMulai",
    "PanelOptimasi",
    "PanelPK",
    "PanelPeserta",
    "PanelStrategi",
    "Suntingan",
    "Tahap",
    "angka_kunci",
]
