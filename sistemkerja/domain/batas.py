"""Limits on plan values: what is refused outright and what is only implausible.

Every threshold is named here once; the validator, the entity rules and the format
document (``docs/format_buku_kerja.md``, section *Pemeriksaan nilai*) read them from here.

Refused (errors):

* :data:`ANGKA_MAKS` — no number (nor volume × norma waktu, nor volume × harga satuan)
  may exceed 10^15. That is Rp 1.000 triliun, about a third of the whole state budget,
  and far beyond any unit's hours; below it every whole rupiah is exact in a float
  (exact up to 2^53 ≈ 9 × 10^15), so sums of many lines never overflow to infinity.
* :data:`JAM_SETAHUN` — hours of one person in one year (capacity, committed hours, a
  fixed Penetapan, the policy's effective hours, the Ketua Tim's hours, the minimum
  hours per membership) cannot exceed the 8.784 hours of a leap year.
* :data:`BOBOT_MAKS` — objective weights lie in 0–1.000: the defaults are 0,01–10, and a
  weight a hundred times the largest default already makes every other term vanish
  below the solver's tolerances.

Implausible (warnings; the plan stays usable):

* :data:`KAPASITAS_MIN_WAJAR` — a person's capacity above 0 but below 100 jam a year
  (8 % of 1.250) is most likely ``1.25`` typed for 1.250 with the Indonesian thousands
  dot read as a decimal point.
* :data:`JAM_EFEKTIF_WAJAR` — the policy's effective hours outside 1.000–2.000 jam a
  year (the norms in use are 1.200, 1.250 and 1.300).
* :data:`BEBAN_MIN_WAJAR` and :data:`BEBAN_MAKS_ORANG_TAHUN` — one effort line (volume ×
  norma waktu) above 0 but below 1 jam a year, or above 10 person-years (10 × the
  effective hours), is most likely a slip of unit (minutes for hours) or separator.
"""

from __future__ import annotations

import math

ANGKA_MAKS: float = 1e15
"""Largest number accepted in any numeric field or product of two of them."""

JAM_SETAHUN: float = 366 * 24.0
"""Hours in a leap year (jam): the most one person can give in a year."""

BOBOT_MAKS: float = 1000.0
"""Largest objective weight accepted in the Kebijakan sheet."""

KAPASITAS_MIN_WAJAR: float = 100.0
"""Capacity below this (jam/tahun, but above 0) is warned as implausible."""

JAM_EFEKTIF_WAJAR: tuple[float, float] = (1000.0, 2000.0)
"""Plausible band of the policy's effective hours per year (jam)."""

BEBAN_MIN_WAJAR: float = 1.0
"""An effort line below this (jam/tahun, but above 0) is warned as implausible."""

BEBAN_MAKS_ORANG_TAHUN: float = 10.0
"""An effort line above this many person-years (× effective hours) is warned."""


def tampil(value: float) -> str:
    """Show a number the Indonesian way, huge or non-finite ones without digits' flood.

    Parameters
    ----------
    value : float
        The number.

    Returns
    -------
    str
        ``"1.250"``, ``"1,25"``, ``"0,001"``, ``"1 × 10^308"`` (from 10^15 up, and
        below 10^-6) or
        ``"tak hingga"`` / ``"bukan angka"``.

    Examples
    --------
    >>> tampil(1250.0), tampil(0.001), tampil(1e308)
    ('1.250', '0,001', '1 × 10^308')
    """
    from sistemkerja.domain.angka import format_angka

    if math.isnan(value):
        return "bukan angka"
    if math.isinf(value):
        return "tak hingga" if value > 0 else "minus tak hingga"
    if 1e-6 <= abs(value) < 0.01:
        return f"{value:.6f}".rstrip("0").replace(".", ",")
    if abs(value) < ANGKA_MAKS and (value == 0 or abs(value) >= 1e-6):
        return format_angka(value)
    mantissa, exponent = f"{value:.3e}".split("e")
    return f"{format_angka(float(mantissa))} × 10^{int(exponent)}"
