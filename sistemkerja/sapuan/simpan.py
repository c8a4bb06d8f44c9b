"""A sweep's output folder: one folder per scenario, and the cache that lives in it.

Layout of ``DIR`` (the ``--keluaran`` folder)::

    DIR/perbandingan.xlsx               the comparison workbook
    DIR/perbandingan.png                the comparison chart
    DIR/skenario/00-rencana-dasar/      the base plan, solved with the same settings
    DIR/skenario/01-<nama>/             one folder per scenario, in sweep order
        hasil.xlsx                      result workbook (as ``sistemkerja optimasi``)
        laporan.html                    report (as ``sistemkerja laporan``)
        ringkasan.json                  the numbers of the comparison and the cache key

Every file is written atomically, and ``ringkasan.json`` last: a folder with a
``ringkasan.json`` is complete, one without it is an interrupted write and is redone.
The cache is nothing but these folders: a scenario whose key (plan + changes + solver
settings, :func:`sistemkerja.domain.skenario.kunci`) and sistemkerja version match a
complete folder is not solved again, even when it was renamed or moved in the sweep.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sistemkerja import __version__
from sistemkerja.io._tulis import write_bytes_atomic, write_text_atomic
from sistemkerja.sapuan.kerja import GALAT, HasilSkenario

__all__ = [
    "BERKAS_RINGKASAN",
    "FOLDER_SKENARIO",
    "Tembolok",
    "folder_skenario",
    "simpan_hasil",
]

FOLDER_SKENARIO = "skenario"
"""Sub-folder of the output folder holding one folder per scenario."""
BERKAS_RINGKASAN = "ringkasan.json"
"""The file that completes a scenario's folder (written last)."""


def _slug(nama: str, panjang: int = 48) -> str:
    text = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:panjang].rstrip("-") or "skenario"


def folder_skenario(keluaran: Path, urutan: int, nama: str) -> Path:
    """Return the folder of the scenario at position ``urutan`` (0 is the base plan).

    Parameters
    ----------
    keluaran : Path
        The sweep's output folder.
    urutan : int
        Position in the sweep: 0 for the base plan, 1… for the scenarios.
    nama : str
        The scenario's name (made file-safe: ``"Pagu −20 %"`` → ``01-pagu-20``).

    Returns
    -------
    Path
        ``keluaran/skenario/<urutan:02d>-<slug>``.
    """
    return keluaran / FOLDER_SKENARIO / f"{urutan:02d}-{_slug(nama)}"


def simpan_hasil(folder: Path, hasil: HasilSkenario) -> Path:
    """Write a scenario's files, then its ``ringkasan.json``, each atomically.

    Parameters
    ----------
    folder : Path
        The scenario's folder (created when missing).
    hasil : HasilSkenario
        The result, with its rendered files.

    Returns
    -------
    Path
        The ``ringkasan.json`` written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / BERKAS_RINGKASAN
    target.unlink(missing_ok=True)  # the folder is incomplete until the new one is written
    for name, data in hasil.berkas.items():
        write_bytes_atomic(data, folder / name)
    payload = {**hasil.as_dict(), "berkas": sorted(hasil.berkas)}
    write_text_atomic(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", target)
    return target


@dataclass(frozen=True, slots=True)
class _Entri:
    folder: Path
    hasil: HasilSkenario
    berkas: tuple[str, ...]


def _baca(path: Path) -> _Entri | None:
    """Read one complete cache entry; ``None`` when it is damaged, stale or incomplete."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        hasil = HasilSkenario.from_dict(data)
        berkas = tuple(str(name) for name in data.get("berkas", ()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if hasil.versi != __version__ or hasil.status == GALAT:  # a crash is tried again
        return None
    if not all((path.parent / name).is_file() for name in berkas):
        return None
    return _Entri(path.parent, hasil, berkas)


class Tembolok:
    """The complete scenario folders of an output folder, by cache key.

    Parameters
    ----------
    keluaran : Path
        The sweep's output folder (may not exist yet).
    """

    def __init__(self, keluaran: Path) -> None:
        self._entries: dict[str, _Entri] = {}
        root = keluaran / FOLDER_SKENARIO
        if root.is_dir():
            for path in sorted(root.glob(f"*/{BERKAS_RINGKASAN}")):
                entry = _baca(path)
                if entry is not None:
                    self._entries.setdefault(entry.hasil.kunci, entry)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, kunci: object) -> bool:
        return kunci in self._entries

    def cari(self, kunci: str, *, dokumen: bool = True) -> tuple[HasilSkenario, Path] | None:
        """Return a complete entry of ``kunci`` and its folder, or ``None``.

        Parameters
        ----------
        kunci : str
            The cache key.
        dokumen : bool
            Whether the entry must hold its documents when it has an allocation.
        """
        entry = self._entries.get(kunci)
        if entry is None or (dokumen and entry.hasil.ok and not entry.berkas):
            return None
        return entry.hasil, entry.folder

    def tempatkan(
        self, tempat: list[tuple[str, Path, str]], *, dokumen: bool = True
    ) -> dict[int, HasilSkenario]:
        """Put the cached results of a sweep's scenarios in their folders.

        A result already in its folder under its name is used as it is. One that sits in
        another folder (the scenario was renamed, or moved in the sweep) or under another
        name is read into memory first, for every scenario, and only then written to its
        new folder: two scenarios that swapped places never overwrite each other's files.

        Parameters
        ----------
        tempat : list of (str, Path, str)
            For each scenario of the sweep: its cache key, its folder and its name.
        dokumen : bool
            Whether the sweep wants each scenario's documents: an entry with an
            allocation but without its files (a run with ``dokumen=False``) is a miss.

        Returns
        -------
        dict of int to HasilSkenario
            Position in ``tempat`` → cached result (without files); misses are absent.
        """
        found: dict[int, HasilSkenario] = {}
        moved: dict[int, tuple[Path, HasilSkenario]] = {}
        for i, (kunci, folder, nama) in enumerate(tempat):
            entry = self._entries.get(kunci)
            if entry is None or (dokumen and entry.hasil.ok and not entry.berkas):
                continue
            if entry.folder.resolve() == folder.resolve() and entry.hasil.nama == nama:
                found[i] = entry.hasil
                continue
            files = {name: (entry.folder / name).read_bytes() for name in entry.berkas}
            hasil = dataclasses.replace(entry.hasil, nama=nama, berkas=files)
            moved[i] = (folder, hasil)
        for i, (folder, hasil) in moved.items():
            simpan_hasil(folder, hasil)
            found[i] = hasil.tanpa_berkas()
        return found
