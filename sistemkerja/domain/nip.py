"""The NIP (Nomor Induk Pegawai): 18 digits with a fixed structure.

Structure: birth date ``YYYYMMDD`` (8), start of CPNS service ``YYYYMM`` (6), sex digit
(1 male, 2 female), then a 3-digit sequence number.

Sample data uses a documented **fictional scheme**: the sequence number always starts
with ``9`` (``9xx``) and people are generated, never copied, so no sample NIP is a
real person's on purpose (see ``docs/data_contoh.md``).
"""

from __future__ import annotations

import datetime as dt
import re

_NIP = re.compile(r"^\d{18}$")


def check_nip(nip: str) -> str | None:
    """Return an Indonesian reason why ``nip`` is not a well-formed NIP, or ``None``.

    Parameters
    ----------
    nip : str
        The NIP as text (spaces are not allowed; the reader removes them).

    Returns
    -------
    str or None
        ``None`` when valid, else the reason.

    Examples
    --------
    >>> check_nip("198503122010011901") is None
    True
    >>> check_nip("12345")
    'NIP harus 18 digit angka (tertulis 5 karakter)'
    """
    if not _NIP.match(nip):
        return f"NIP harus 18 digit angka (tertulis {len(nip)} karakter)"
    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"8 digit pertama NIP bukan tanggal lahir yang sah ({nip[0:8]})"
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < born.year + 15:
        return f"digit 9–14 NIP bukan TMT CPNS yang sah ({nip[8:14]})"
    if nip[14] not in "12":
        return f"digit ke-15 NIP harus 1 (pria) atau 2 (wanita), tertulis {nip[14]}"
    return None


def make_nip(born: dt.date, start_year: int, start_month: int, sex: int, seq: int) -> str:
    """Compose a NIP from its parts (used for fictional sample staff).

    Parameters
    ----------
    born : datetime.date
        Birth date.
    start_year, start_month : int
        Start of CPNS service.
    sex : int
        1 male, 2 female.
    seq : int
        Sequence number 0–999.

    Returns
    -------
    str
        18 digits.
    """
    return f"{born:%Y%m%d}{start_year:04d}{start_month:02d}{sex:d}{seq:03d}"
