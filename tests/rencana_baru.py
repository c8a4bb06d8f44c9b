"""A small plan as a planner types it into the app, row by row (shared by two tests).

``KEPALA`` is the PK header of the plan bar's new-plan form; ``BARIS`` lists, in the order
they can be typed (every row refers only to rows before it), the tab, the sub-tab of the
sheet, the sheet, the text the accepted-row message names, and the typed fields by column
header.
"""

from __future__ import annotations

NIP = ("198204102008031901", "199608212022012902", "198802032013012903")

KEPALA = {
    "tahun": "2027",
    "unit": "DIT-B",
    "nama_unit": "Direktorat Baru",
    "instansi": "Kementerian Contoh",
    "pihak_pertama": "Dr. Ani Wijaya",
    "jabatan_pihak_pertama": "Direktur Baru",
}

_PEGAWAI = [
    (
        "2 Strategi",
        "Pegawai",
        "Pegawai",
        nip,
        {
            "NIP": nip,
            "Nama": name,
            "Jabatan": "Pranata Komputer",
            "Jenis jabatan": "JF",
            "Jenjang": jenjang,
            "Golongan": "III/c",
            "Status": "PNS",
            "Unit": "DIT-B",
        },
    )
    for nip, name, jenjang in zip(
        NIP,
        ("Budi Santoso", "Sari Lestari", "Dewi Anggraini"),
        ("Ahli Muda", "Ahli Pertama", "Ahli Pertama"),
        strict=True,
    )
]

BARIS: list[tuple[str, str, str, str, dict[str, str]]] = [
    (
        "1 PK",
        "Sasaran",
        "Sasaran",
        "SS-1",
        {"Kode": "SS-1", "Uraian sasaran": "Meningkatnya kualitas data pegawai"},
    ),
    (
        "1 PK",
        "Indikator dan target",
        "Indikator",
        "IK-1",
        {
            "Kode": "IK-1",
            "Sasaran": "SS-1",
            "Uraian indikator": "Jumlah laporan data pegawai",
            "Target": "4 Laporan",
            "Satuan": "Laporan",
            "Pola": "Hitungan",
        },
    ),
    (
        "1 PK",
        "Pagu anggaran",
        "Pagu",
        "WA",
        {
            "Program": "WA",
            "Kegiatan (RKA)": "1234",
            "Uraian": "Pengelolaan data pegawai",
            "Pagu (Rp)": "50.000.000",
        },
    ),
    (
        "2 Strategi",
        "Jabatan",
        "Jabatan",
        "Pranata Komputer",
        {"Nama jabatan": "Pranata Komputer", "Jenis": "JF"},
    ),
    *_PEGAWAI,
    (
        "2 Strategi",
        "Tim kerja",
        "Tim Kerja",
        "TIM-DATA",
        {"Kode": "TIM-DATA", "Nama tim": "Tim Data Pegawai"},
    ),
    (
        "2 Strategi",
        "Strategi per target",
        "Strategi",
        "IK-1",
        {"Indikator": "IK-1", "Mode": "Tim", "Tim": "TIM-DATA", "Perlu Ketua Tim": "Ya"},
    ),
    (
        "3 Kegiatan & Anggaran",
        "Kegiatan dan jadwal",
        "Kegiatan",
        "K-1",
        {
            "Kode": "K-1",
            "Nama kegiatan": "Penyusunan laporan data pegawai",
            "Indikator": "IK-1",
            "Tim": "TIM-DATA",
            "Bulan mulai": "1",
            "Bulan selesai": "12",
            "Volume keluaran": "4",
            "Satuan keluaran": "Laporan",
        },
    ),
    (
        "3 Kegiatan & Anggaran",
        "Beban kegiatan",
        "Beban Kegiatan",
        "K-1",
        {
            "Kegiatan": "K-1",
            "Jabatan": "Pranata Komputer",
            "Volume": "4",
            "Norma waktu (jam)": "250",
        },
    ),
]

#: Hours of the plan's one effort line (jam): 4 × 250.
JAM_TOTAL = 1000
