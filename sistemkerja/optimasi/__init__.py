"""The allocation optimiser (PuLP with HiGHS or CBC).

It assigns staff to teams, Ketua Tim roles and activities, balancing workload (EJ) and
budget, and explains infeasible plans.

Pipeline, one module per step: :mod:`.masukan` (input) → :mod:`.cek` (pre-checks) →
:mod:`.greedy` (warm start) → :mod:`.model` (container; the only module importing PuLP),
:mod:`.kendala` (constraint families), :mod:`.tujuan` (objective) → :mod:`.solver`
(HiGHS, CBC) with :mod:`.heuristik` → :mod:`.penjelasan` (when infeasible) →
:class:`~sistemkerja.optimasi.hasil.Hasil`. One :class:`~.tenggat.Tenggat` carries the
time limit, the cancel token and the progress callback through all of them.
:mod:`.harga` prices a dialog kinerja's pins by re-solving with them.
"""

from sistemkerja.optimasi.cek import Penjelasan, precheck
from sistemkerja.optimasi.harga import HargaPenetapan, PerubahanKeanggotaan, harga_penetapan
from sistemkerja.optimasi.hasil import Hasil
from sistemkerja.optimasi.masukan import Masukan, build_masukan
from sistemkerja.optimasi.penjelasan import explain
from sistemkerja.optimasi.solve import optimasi
from sistemkerja.optimasi.status import Status
from sistemkerja.optimasi.tenggat import Batal, Kemajuan, Tenggat

__all__ = [
    "Batal",
    "HargaPenetapan",
    "Hasil",
    "Kemajuan",
    "Masukan",
    "Penjelasan",
    "PerubahanKeanggotaan",
    "Status",
    "Tenggat",
    "build_masukan",
    "explain",
    "harga_penetapan",
    "optimasi",
    "precheck",
]
