"""The interactive suite's models (traitlets): state the widget views link to and render.

Models hold state and run work; views (issue 10) only link and render. Nothing outside
this subpackage imports it. The first model is :class:`ModelOptimasi`, the solve state
machine behind the optimiser panel: ``siap → berjalan → selesai / gagal / dibatalkan``.

Needs the ``notebook`` extra (traitlets, ipywidgets): ``pip install -e ".[notebook]"``,
which ``make lab`` and ``make test`` install.
"""

from sistemkerja.ui.optimasi import KEADAAN, ModelOptimasi

__all__ = ["KEADAAN", "ModelOptimasi"]
