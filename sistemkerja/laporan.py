"""Result tables of one optimisation run, ready for a workbook or a notebook."""

from __future__ import annotations

import pandas as pd

from sistemkerja import analisis
from sistemkerja.optimasi.hasil import (
    COMPONENT_UNITS,
    STATUS_LABEL,
    Hasil,
    tabel_penugasan,
    tabel_tim,
)


def ringkasan(hasil: Hasil) -> pd.DataFrame:
    """Return the run's summary as ``Parameter | Nilai | Satuan`` rows (Indonesian).

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    pandas.DataFrame
        Status, objective, bound, gaps, components with units, times and sizes.
    """
    rows: list[tuple[str, object, str]] = [
        ("Status", STATUS_LABEL[hasil.status], ""),
        ("Kode status", hasil.status, ""),
        ("Solver", hasil.solver, ""),
        ("Pesan solver", hasil.message, ""),
        ("Nilai tujuan", hasil.objective, ""),
        ("Batas bawah", hasil.bound, ""),
        ("Celah relatif", hasil.gap, "fraksi"),
        ("Celah absolut", hasil.gap_absolute, "satuan tujuan"),
    ]
    for name, gap in hasil.gap_in_units().items():
        rows.append((f"Celah dalam {name}", gap, COMPONENT_UNITS[name]))
    for name, val in hasil.components.items():
        rows.append((f"Komponen {name}", val, COMPONENT_UNITS[name]))
        rows.append((f"Bobot {name}", hasil.weights.get(name), f"per {COMPONENT_UNITS[name]}"))
    rows += [
        ("Waktu susun model", round(hasil.build_seconds, 3), "detik"),
        ("Waktu solver", round(hasil.solve_seconds, 3), "detik"),
    ]
    rows += [(f"Jumlah {k}", v, "") for k, v in hasil.counts.items()]
    return pd.DataFrame(rows, columns=["Parameter", "Nilai", "Satuan"])


def penjelasan(hasil: Hasil) -> pd.DataFrame:
    """Return why the plan cannot be met, one row per reason (empty when feasible)."""
    return pd.DataFrame(
        [(p.code, p.message, p.kekurangan, p.satuan) for p in hasil.penjelasan],
        columns=["kode", "penjelasan", "kekurangan", "satuan"],
    )


def tabel_hasil(hasil: Hasil) -> dict[str, pd.DataFrame]:
    """Return every result table keyed by the sheet name used in the result workbook.

    Parameters
    ----------
    hasil : Hasil
        An optimisation result.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``Ringkasan``, ``Penjelasan`` (when infeasible); with an allocation also
        ``Penugasan``, ``Tim``, ``Beban Pegawai``, ``Beban Jabatan``, ``Anggaran Kegiatan``,
        ``Anggaran Pagu``, ``MPH Level 1``, ``MPH Level 2``, ``RHK`` and ``Cascade``.
    """
    tables = {"Ringkasan": ringkasan(hasil)}
    if hasil.penjelasan:
        tables["Penjelasan"] = penjelasan(hasil)
    alokasi = hasil.alokasi
    if alokasi is None:
        tables["Beban Jabatan"] = analisis.beban_jabatan(hasil.plan)
        return tables
    plan = hasil.plan
    tables["Penugasan"] = tabel_penugasan(hasil)
    tables["Tim"] = tabel_tim(hasil)
    tables["Beban Pegawai"] = analisis.beban_pegawai(plan, alokasi)
    tables["Beban Jabatan"] = analisis.beban_jabatan(plan, alokasi)
    tables["Anggaran Kegiatan"] = analisis.anggaran_kegiatan(plan, alokasi)
    tables["Anggaran Pagu"] = analisis.anggaran_pagu(plan, alokasi)
    tables["MPH Level 1"] = analisis.mph_level1(plan, alokasi)
    tables["MPH Level 2"] = analisis.mph_level2(plan, alokasi)
    tables["RHK"] = analisis.rhk(plan, alokasi)
    tables["Cascade"] = analisis.cascade(plan, alokasi)
    return tables
