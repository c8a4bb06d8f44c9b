"""Agency policy parameters (Permenpan RB 7/2022 art. 25: each agency sets its own)."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import Jenjang, PeriodePenilaian
from sistemkerja.domain.masalah import FieldError

DEFAULT_KETUA_JENJANG: tuple[Jenjang, ...] = (
    Jenjang.AHLI_MUDA,
    Jenjang.AHLI_MADYA,
    Jenjang.AHLI_UTAMA,
    Jenjang.PENYELIA,
)


@dataclass(frozen=True, slots=True)
class Kebijakan:
    """Policy of the agency; every number here is a parameter, never a constant in code.

    Parameters
    ----------
    ketua_jenjang : tuple of Jenjang
        Jenjang eligible to be Ketua Tim [Ahli Muda and above, or Penyelia].
    max_tim_per_pegawai : int
        Most teams one person may sit in [3].
    lintas_instansi : bool
        Whether members from another agency are allowed [yes, at a cost].
    jam_efektif : float
        Effective working hours per person per year (jam) [1,250].
    ej_min, ej_max : float
        Target band of efisiensi jabatan (EJ) [0.90–1.00].
    periode_penilaian : PeriodePenilaian
        Monthly or quarterly periodic assessment [quarterly].
    """

    ketua_jenjang: tuple[Jenjang, ...] = DEFAULT_KETUA_JENJANG
    max_tim_per_pegawai: int = 3
    lintas_instansi: bool = True
    jam_efektif: float = 1250.0
    ej_min: float = 0.90
    ej_max: float = 1.00
    periode_penilaian: PeriodePenilaian = PeriodePenilaian.TRIWULANAN

    def __post_init__(self) -> None:
        _rules.integer(self.max_tim_per_pegawai, "max_tim_per_pegawai", "Maks. tim", minimum=1)
        _rules.number(self.jam_efektif, "jam_efektif", "Jam kerja efektif", minimum=1)
        _rules.number(self.ej_min, "ej_min", "EJ minimal")
        _rules.number(self.ej_max, "ej_max", "EJ maksimal")
        if self.ej_max < self.ej_min:
            raise FieldError("ej_max", "min_above_max", "EJ maksimal lebih kecil dari EJ minimal")
