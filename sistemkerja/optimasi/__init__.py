"""The allocation optimiser (PuLP with HiGHS or CBC).

It assigns staff to teams, Ketua Tim roles and activities, balancing workload (EJ) and
budget, and explains infeasible plans.

Pipeline (each step a function): :func:`~sistemkerja.optimasi.masukan.build_masukan` →
:func:`~sistemkerja.optimasi.cek.precheck` → :func:`~sistemkerja.optimasi.greedy.greedy` →
:func:`~sistemkerja.optimasi.model.build_model` → :func:`~sistemkerja.optimasi.model.solve_model`
→ :class:`~sistemkerja.optimasi.hasil.Hasil`. Only :mod:`sistemkerja.optimasi.model` imports
PuLP.
"""

from sistemkerja.optimasi.cek import Penjelasan, precheck
from sistemkerja.optimasi.hasil import Hasil
from sistemkerja.optimasi.masukan import Masukan, build_masukan
from sistemkerja.optimasi.solve import explain, optimasi

__all__ = ["Hasil", "Masukan", "Penjelasan", "build_masukan", "explain", "optimasi", "precheck"]
