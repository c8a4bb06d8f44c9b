"""Agency policy parameters (Permenpan RB 7/2022 art. 25: each agency sets its own)."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.ej import TABEL_EJ_BAWAAN, TabelEJ
from sistemkerja.domain.enums import Jenjang, LabelEnum, PeriodePenilaian
from sistemkerja.domain.masalah import FieldError

DEFAULT_KETUA_JENJANG: tuple[Jenjang, ...] = (
    Jenjang.AHLI_MUDA,
    Jenjang.AHLI_MADYA,
    Jenjang.AHLI_UTAMA,
    Jenjang.PENYELIA,
)


class BentukMPH(LabelEnum):
    """Which form of the Matriks Peran-Hasil the unit files (domain §4)."""

    DUA_TINGKAT = "Dua tingkat"
    """Penyelarasan dua tingkat: Ketua Tim and mandiri rows, then one matrix per team."""
    SATU_TINGKAT = "Satu tingkat"
    """Penyelarasan satu tingkat: every employee of the unit as a row."""


class Prioritas(LabelEnum):
    """What the optimiser puts first."""

    PEMERATAAN = "pemerataan"
    """First the lowest possible highest EJ, then the weighted rest."""
    BOBOT = "bobot"
    """The weighted sum of every component at once."""


class PendekatanSKP(LabelEnum):
    """Approach of the SKP (Permenpan RB 6/2022): quantitative or qualitative targets."""

    KUANTITATIF = "Kuantitatif"
    """Each IKI has a number with a unit as target."""
    KUALITATIF = "Kualitatif"
    """Targets described as levels of quality (the leader's choice)."""


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
    struktural_anggota : bool
        Whether a structural official (JenisJabatan.STRUKTURAL: the unit head, JPT,
        Administrator, Pengawas) may become an ordinary team member or Ketua Tim and carry
        activity hours [no: the head leads the unit through the Ketua Tim].
    jam_efektif : float
        Effective working hours per person per year (jam) [1,250].
    pendekatan_skp : PendekatanSKP
        Approach written in every SKP header [Kuantitatif].
    ej_min, ej_max : float
        Target band of efisiensi jabatan (EJ) [0.90–1.00].
    kategori_ej : TabelEJ
        EJ category bands A–E *(practice: tables differ between agencies)*; a str is
        read with :meth:`TabelEJ.baca` [A ≥ 1,00; B ≥ 0,90; C ≥ 0,70; D ≥ 0,50].
    periode_penilaian : PeriodePenilaian
        Monthly or quarterly periodic assessment [quarterly].
    bentuk_mph : BentukMPH
        Form of the Matriks Peran-Hasil the unit files: two levels (Ketua Tim, then
        per team) or one level (every employee) [dua tingkat].
    min_jam_anggota : float
        Fewest hours a member gives to a team they join (jam/tahun) [20]; avoids
        memberships of a few hours.
    jam_ketua : float
        Coordination hours a Ketua Tim spends per team led (jam/tahun) [0].
    kapasitas_bulanan : bool
        Also cap each person's hours month by month, spreading each activity's hours
        evenly over its months (jam_efektif / 12 per month) [no].
    bobot_ej_maks : float
        Objective weight of the highest load ratio (EJ) among the unit's staff, per EJ
        point [10].
    bobot_ej_jabatan : float
        Weight of the mean, over jabatan, of the highest EJ within each jabatan, per EJ
        point [5]; spreads work evenly among people of one jabatan.
    bobot_deviasi : float
        Weight of the mean distance of the unit's staff from the target EJ band, per EJ
        point [5].
    bobot_biaya : float
        Weight of personnel cost of involvement, per juta rupiah [0.1]; with the default
        EJ weights one EJ point of the busiest person is worth about Rp 100 juta, so the
        defaults favour balance and use cost to choose among balanced plans.
    bobot_lintas : float
        Weight per person involved from another unit or agency (orang) [0.1].
    bobot_keanggotaan : float
        Weight per team membership (keeps people in few teams) [0.01].
    celah : float
        Relative gap at which the optimiser stops: a plan proven at most this far from
        the optimum (fraction, 0 ≤ celah < 1) [0.01 = 1 %].
    prioritas : Prioritas
        ``pemerataan``: first minimise the highest EJ, then the weighted rest with it
        held; ``bobot``: the weighted sum alone [bobot; measured: pemerataan gives the
        sample unit EJ 0.977 instead of 1.000, but on 150 staff in 30 s a 17 % gap
        against 1 %, see ``docs/optimasi.md``].

    Notes
    -----
    The optimiser minimises ``bobot_ej_maks * EJ_max + bobot_ej_jabatan * mean over
    jabatan of EJ_max(jabatan) + bobot_deviasi * mean deviation +
    bobot_biaya * cost / 1e6 + bobot_lintas * cross-unit people + bobot_keanggotaan *
    memberships``. Setting every weight but ``bobot_biaya`` to zero gives pure minimum
    cost.
    """

    ketua_jenjang: tuple[Jenjang, ...] = DEFAULT_KETUA_JENJANG
    max_tim_per_pegawai: int = 3
    lintas_instansi: bool = True
    struktural_anggota: bool = False
    jam_efektif: float = 1250.0
    pendekatan_skp: PendekatanSKP = PendekatanSKP.KUANTITATIF
    ej_min: float = 0.90
    ej_max: float = 1.00
    kategori_ej: TabelEJ = TABEL_EJ_BAWAAN
    periode_penilaian: PeriodePenilaian = PeriodePenilaian.TRIWULANAN
    bentuk_mph: BentukMPH = BentukMPH.DUA_TINGKAT
    min_jam_anggota: float = 20.0
    jam_ketua: float = 0.0
    kapasitas_bulanan: bool = False
    bobot_ej_maks: float = 10.0
    bobot_ej_jabatan: float = 5.0
    bobot_deviasi: float = 5.0
    bobot_biaya: float = 0.1
    bobot_lintas: float = 0.1
    bobot_keanggotaan: float = 0.01
    celah: float = 0.01
    prioritas: Prioritas = Prioritas.BOBOT

    def __post_init__(self) -> None:
        _rules.integer(self.max_tim_per_pegawai, "max_tim_per_pegawai", "Maks. tim", minimum=1)
        _rules.number(self.jam_efektif, "jam_efektif", "Jam kerja efektif", minimum=1)
        _rules.number(self.ej_min, "ej_min", "EJ minimal")
        _rules.number(self.ej_max, "ej_max", "EJ maksimal")
        if isinstance(self.kategori_ej, str):
            try:
                object.__setattr__(self, "kategori_ej", TabelEJ.baca(self.kategori_ej))
            except ValueError as exc:
                raise FieldError("kategori_ej", "invalid_value", f"Kategori EJ: {exc}") from None
        elif not isinstance(self.kategori_ej, TabelEJ):
            raise FieldError(
                "kategori_ej", "wrong_type", "Kategori EJ harus teks seperti 'A ≥ 1,00; B ≥ 0,90'"
            )
        _rules.number(self.min_jam_anggota, "min_jam_anggota", "Jam minimal anggota")
        _rules.number(self.jam_ketua, "jam_ketua", "Jam koordinasi Ketua Tim")
        for name in (
            "bobot_ej_maks",
            "bobot_ej_jabatan",
            "bobot_deviasi",
            "bobot_biaya",
            "bobot_lintas",
            "bobot_keanggotaan",
        ):
            _rules.weight(getattr(self, name), name)
        _rules.number(self.celah, "celah", "Celah berhenti")
        if not 0 <= self.celah < 1:
            raise FieldError("celah", "out_of_range", "Celah berhenti harus dari 0 sampai < 1")
        if self.ej_max < self.ej_min:
            raise FieldError("ej_max", "min_above_max", "EJ maksimal lebih kecil dari EJ minimal")
