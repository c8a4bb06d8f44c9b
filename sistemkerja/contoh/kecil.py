"""A tiny plan that a person can check and solve by hand (for tests and first steps).

One unit and one other unit of the same ministry, six staff, one sasaran with two
indicators (one Hitungan, one Posisi), one tugas tambahan worked individually, two
teams, five activities and one Kegiatan (RKA) pagu. Every number is small and round:

===== ============================== ====== =====================================
Kode  Kegiatan                       Target Beban (jam)
===== ============================== ====== =====================================
K-1   Penyusunan rencana kebutuhan   IK-1   Perencana ≥ Ahli Pertama 400,
                                            Analis SDM Aparatur 200
K-2   Verifikasi rencana kebutuhan   IK-1   Perencana ≥ Ahli Muda 200,
      (pendukung: Pembawa angka Tidak)      Penata Layanan Operasional 200
K-3   Pemutakhiran data pegawai      IK-2   Penata Layanan Operasional 600,
                                            Analis SDM Aparatur 300
K-4   Integrasi data kepegawaian     IK-2   Pranata Komputer 400 (lintas unit)
K-5   Penyusunan laporan kinerja     TT-1   Perencana 200 (individu)
===== ============================== ====== =====================================

Total effort is 2,500 jam against 6,000 jam available in the unit (5 × 1,250 minus
250 committed) plus 500 jam of the Pranata Komputer from the other unit. Budget
lines total Rp 50.000.000 under a pagu of Rp 75.000.000, which leaves room for the
Pranata Komputer's honorarium (400 jam × Rp 50.000 + Rp 500.000 involvement). K-1 carries
IK-1's 4 Dokumen; K-2 verifies the same documents and is a supporting step.
"""

from __future__ import annotations

import datetime as dt

from sistemkerja.domain import (
    Asal,
    BarisAnggaran,
    BebanKegiatan,
    Indikator,
    Jabatan,
    JenisJabatan,
    Jenjang,
    Kebijakan,
    KebutuhanPeran,
    Kegiatan,
    MetodeCascade,
    Mode,
    Pagu,
    Pegawai,
    PerjanjianKinerja,
    Pola,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    TugasTambahan,
    Unit,
    make_nip,
)

KODE_UNIT = "DIT-KECIL"
"""Code of the planning unit of the tiny plan."""

_PER, _ASDM, _PRAKOM, _PLO = (
    "Perencana",
    "Analis SDM Aparatur",
    "Pranata Komputer",
    "Penata Layanan Operasional",
)
_JF, _PL = JenisJabatan.JF, JenisJabatan.PELAKSANA
_AP, _AM = Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA


def _orang(
    seq: int,
    name: str,
    jabatan: str,
    jenjang: Jenjang,
    golongan: str,
    born: tuple[int, int, int],
    start: tuple[int, int],
    sex: int,
    *,
    unit: str = KODE_UNIT,
    committed: float = 0.0,
    involvement: float = 0.0,
    hourly: float = 0.0,
) -> Pegawai:
    """Return one fictional person (NIP sequence ``9xx``)."""
    return Pegawai(
        nip=make_nip(dt.date(*born), start[0], start[1], sex, seq),
        name=name,
        jabatan=jabatan,
        jenis=_PL if jenjang is Jenjang.KLEREK else _JF,
        jenjang=jenjang,
        golongan=golongan,
        status=StatusASN.PNS,
        unit=unit,
        committed_hours=committed,
        involvement_cost=involvement,
        hourly_cost=hourly,
    )


def build_kecil() -> Rencana:
    """Build the tiny hand-checkable plan.

    Returns
    -------
    Rencana
        Six staff (five in ``DIT-KECIL``, one Pranata Komputer from ``PUS-DATA``), two
        indicators, one tugas tambahan, two teams, five activities with 2,500 jam of
        effort and Rp 50.000.000 of budget under a Rp 75.000.000 pagu. It validates
        without errors or warnings.

    Examples
    --------
    >>> plan = build_kecil()
    >>> len(plan.pegawai), sum(plan.jam_kegiatan().values())
    (6, 2500.0)
    """
    pegawai = (
        _orang(901, "Budi Santoso, S.E., M.Si.", _PER, _AM, "III/d", (1982, 4, 10), (2008, 3), 1),
        _orang(902, "Sari Lestari, S.E.", _PER, _AP, "III/a", (1996, 8, 21), (2022, 1), 2),
        _orang(903, "Dewi Anggraini, S.Psi.", _ASDM, _AM, "III/c", (1988, 2, 3), (2013, 1), 2),
        _orang(
            904,
            "Andi Pratama, S.Sos.",
            _ASDM,
            _AP,
            "III/b",
            (1993, 11, 5),
            (2018, 1),
            1,
            committed=250,
        ),
        _orang(
            905,
            "Rina Wulandari, S.Kom.",
            _PLO,
            Jenjang.KLEREK,
            "III/a",
            (1998, 6, 30),
            (2023, 3),
            2,
        ),
        _orang(
            906,
            "Eko Nugroho, S.Kom.",
            _PRAKOM,
            _AP,
            "III/b",
            (1994, 9, 12),
            (2019, 2),
            1,
            unit="PUS-DATA",
            committed=750,
            involvement=500_000,
            hourly=50_000,
        ),
    )
    kegiatan = (
        Kegiatan(
            "K-1", "Penyusunan rencana kebutuhan pegawai", "IK-1", "TIM-A", 1, 6, 4, "Dokumen"
        ),
        Kegiatan(
            "K-2",
            "Verifikasi rencana kebutuhan pegawai",
            "IK-1",
            "TIM-A",
            7,
            12,
            4,
            "Dokumen",
            angka=False,
        ),
        Kegiatan("K-3", "Pemutakhiran data pegawai", "IK-2", "TIM-B", 1, 12, 12, "Laporan"),
        Kegiatan("K-4", "Integrasi data kepegawaian", "IK-2", "TIM-B", 3, 8, 2, "Modul"),
        Kegiatan("K-5", "Penyusunan laporan kinerja unit", "TT-1", None, 6, 12, 2, "Laporan"),
    )
    beban = (
        BebanKegiatan("K-1", _PER, _AP, 4, 100),
        BebanKegiatan("K-1", _ASDM, None, 4, 50),
        BebanKegiatan("K-2", _PER, _AM, 4, 50),
        BebanKegiatan("K-2", _PLO, None, 4, 50),
        BebanKegiatan("K-3", _PLO, None, 12, 50),
        BebanKegiatan("K-3", _ASDM, None, 12, 25),
        BebanKegiatan("K-4", _PRAKOM, _AP, 2, 200),
        BebanKegiatan("K-5", _PER, None, 2, 100),
    )

    def line(
        kode: str, akun: str, uraian: str, volume: float, satuan: str, harga: float
    ) -> BarisAnggaran:
        return BarisAnggaran(
            kode, "WA", "1234", "AEA", "001", "051", akun, uraian, volume, satuan, harga
        )

    anggaran = (
        line("K-1", "521211", "Konsumsi rapat", 100, "OK", 50_000),
        line("K-2", "524111", "Perjalanan dinas verifikasi", 4, "OP", 5_000_000),
        line("K-3", "521211", "Alat tulis kantor", 12, "Bln", 1_000_000),
        line("K-4", "522151", "Honorarium narasumber", 10, "OJ", 1_000_000),
        line("K-5", "521211", "Penggandaan laporan", 2, "Paket", 1_500_000),
    )
    return Rencana(
        kebijakan=Kebijakan(),
        pk=PerjanjianKinerja(2027, KODE_UNIT, "Ratna Dewi, S.E., M.M.", "Direktur"),
        units=(
            Unit(KODE_UNIT, "Direktorat Contoh Kecil", "Kementerian Contoh"),
            Unit("PUS-DATA", "Pusat Data Contoh", "Kementerian Contoh"),
        ),
        jabatan=(
            Jabatan(_PER, _JF, "Perencanaan"),
            Jabatan(_ASDM, _JF, "Manajemen SDM"),
            Jabatan(_PRAKOM, _JF, "Teknologi informasi"),
            Jabatan(_PLO, _PL, "Layanan operasional"),
        ),
        pegawai=pegawai,
        sasaran=(Sasaran("SS-1", "Meningkatnya kualitas perencanaan dan data pegawai"),),
        indikator=(
            Indikator(
                "IK-1",
                "SS-1",
                "Jumlah dokumen rencana kebutuhan pegawai",
                "4 Dokumen",
                pola=Pola.HITUNGAN,
                target_tw=("1 Dokumen", "2 Dokumen", "3 Dokumen", "4 Dokumen"),
            ),
            Indikator(
                "IK-2",
                "SS-1",
                "Persentase data pegawai yang mutakhir",
                "90 %",
                pola=Pola.POSISI,
            ),
        ),
        tugas_tambahan=(TugasTambahan("TT-1", "Penyusunan laporan kinerja unit", "2 Laporan"),),
        pagu=(Pagu("WA", "1234", None, None, "Perencanaan dan data pegawai", 75_000_000),),
        tim=(
            TimKerja("TIM-A", "Tim Perencanaan", 2, 4),
            TimKerja("TIM-B", "Tim Data", 2, 4),
        ),
        strategi=(
            Strategi("IK-1", Mode.TIM, "TIM-A", True, MetodeCascade.KUANTITAS),
            Strategi("IK-2", Mode.TIM, "TIM-B", True, MetodeCascade.TIDAK_LANGSUNG),
            Strategi("TT-1", Mode.INDIVIDU),
        ),
        kebutuhan_peran=(
            KebutuhanPeran("IK-1", _PER, _AP, 2, 600),
            KebutuhanPeran("IK-1", _ASDM, None, 1, 200),
            KebutuhanPeran("IK-1", _PLO, None, 1, 200),
            KebutuhanPeran("IK-2", _PLO, None, 1, 600),
            KebutuhanPeran("IK-2", _ASDM, None, 1, 300),
            KebutuhanPeran("IK-2", _PRAKOM, _AP, 1, 400, Asal.LINTAS_UNIT),
            KebutuhanPeran("TT-1", _PER, None, 1, 200),
        ),
        kegiatan=kegiatan,
        beban=beban,
        anggaran=anggaran,
    )
