"""Pangkat of a PNS golongan ruang (PP 99/2000 Lampiran I); PPPK has golongan only."""

from __future__ import annotations

from sistemkerja.domain.enums import StatusASN

PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
"""Pangkat name of each PNS golongan ruang (PP 99/2000)."""


def pangkat_golongan(golongan: str, status: StatusASN = StatusASN.PNS) -> str:
    """Return the "Pangkat/Gol. Ruang" text of an SKP header.

    Parameters
    ----------
    golongan : str
        ``"III/c"`` (PNS) or ``"9"`` (PPPK).
    status : StatusASN
        PNS shows pangkat and golongan; PPPK (no pangkat) shows its golongan only.

    Returns
    -------
    str
        ``"Penata / III/c"`` for a PNS, ``"Golongan 9"`` for a PPPK, the golongan
        itself when it has no pangkat.

    Examples
    --------
    >>> pangkat_golongan("III/c")
    'Penata / III/c'
    >>> pangkat_golongan("9", StatusASN.PPPK)
    'Golongan 9'
    """
    if status is StatusASN.PPPK or golongan not in PANGKAT:
        return f"Golongan {golongan}" if golongan.isdigit() else golongan
    return f"{PANGKAT[golongan]} / {golongan}"
