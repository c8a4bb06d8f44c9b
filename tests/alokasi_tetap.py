"""A fixed allocation of the sample unit, so chart images do not depend on solver timing.

The optimiser's allocation of the sample unit depends on how far a time-limited search
gets, so image tests draw a stored one instead. Regenerate it (and then the baseline
images, see ``tests/test_grafik.py``) with::

    .venv/bin/python tests/alokasi_tetap.py
"""

from __future__ import annotations

import json
from pathlib import Path

from sistemkerja.domain import Alokasi, Jenjang, Keanggotaan, Penugasan

PATH = Path(__file__).parent / "data" / "alokasi_unit.json"


def load(path: Path = PATH) -> Alokasi:
    """Read the stored allocation."""
    data = json.loads(path.read_text(encoding="utf-8"))
    penugasan = tuple(
        Penugasan(
            p["nip"],
            p["kegiatan"],
            p["jabatan"],
            None if p["jenjang_min"] is None else Jenjang(p["jenjang_min"]),
            p["jam"],
            p["porsi"],
            p["biaya"],
        )
        for p in data["penugasan"]
    )
    keanggotaan = tuple(Keanggotaan(k["tim"], k["nip"], k["ketua"]) for k in data["keanggotaan"])
    return Alokasi(penugasan, keanggotaan)


def save(alokasi: Alokasi, path: Path = PATH) -> None:
    """Write an allocation as JSON (one object per assignment and membership)."""
    data = {
        "penugasan": [
            {
                "nip": p.nip,
                "kegiatan": p.kegiatan,
                "jabatan": p.jabatan,
                "jenjang_min": None if p.jenjang_min is None else p.jenjang_min.value,
                "jam": round(p.jam, 6),
                "porsi": round(p.porsi, 9),
                "biaya": round(p.biaya, 2),
            }
            for p in alokasi.penugasan
        ],
        "keanggotaan": [
            {"tim": k.tim, "nip": k.nip, "ketua": k.ketua} for k in alokasi.keanggotaan
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from sistemkerja import contoh
    from sistemkerja.optimasi import optimasi

    hasil = optimasi(contoh.load("unit"), batas_waktu=30)
    assert hasil.alokasi is not None
    save(hasil.alokasi)
    print(f"{PATH}: {hasil.status}, tujuan {hasil.objective:.4f}, celah {hasil.gap:.2%}")
