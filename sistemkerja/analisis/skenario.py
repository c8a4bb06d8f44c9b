"""Scenario comparison: the few numbers that tell allocation scenarios apart."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sistemkerja.analisis.anggaran import anggaran_pagu
from sistemkerja.analisis.beban import beban_pegawai
from sistemkerja.analisis.pemeriksaan import PENUH, cascade
from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.rencana import Rencana

KOLOM_SKENARIO: tuple[str, ...] = (
    "skenario",
    "ej_maks",
    "sebaran_ej",
    "biaya",
    "lintas",
    "target_bermasalah",
)
"""Columns of :func:`banding_skenario`, in order."""


def banding_skenario(daftar: Mapping[str, tuple[Rencana, Alokasi]]) -> pd.DataFrame:
    """Compare allocation scenarios on workload, cost, outside staff and targets.

    Parameters
    ----------
    daftar : mapping of str to (Rencana, Alokasi)
        Scenario name → its plan and allocation (plans may differ between scenarios).

    Returns
    -------
    pandas.DataFrame
        One row per scenario, in the mapping's order:

        - ``skenario`` — the name;
        - ``ej_maks`` — highest EJ among the unit's own staff (EJ);
        - ``sebaran_ej`` — standard deviation of those EJ (EJ; 0 for one person);
        - ``biaya`` — personnel plus involvement cost of the allocation (Rp);
        - ``lintas`` — people from another unit or agency involved (orang);
        - ``target_bermasalah`` — targets whose cascade is not fully allocated
          (status other than "teralokasi penuh"; count).
    """
    rows = []
    for name, (plan, alokasi) in daftar.items():
        beban = beban_pegawai(plan, alokasi)
        own = beban[(beban["asal"] == "Unit") & beban["ej"].notna()]["ej"]
        unit = anggaran_pagu(plan, alokasi).iloc[-1]
        involved = {p.nip for p in alokasi.penugasan} | {k.nip for k in alokasi.keanggotaan}
        outside = {pg.nip for pg in plan.pegawai if plan.asal(pg) is not Asal.UNIT} & involved
        status = cascade(plan, alokasi)["status"]
        rows.append(
            (
                name,
                float(own.max()) if len(own) else float("nan"),
                float(own.std(ddof=0)) if len(own) else float("nan"),
                float(unit["biaya_personel"] + unit["biaya_pelibatan"]),
                len(outside),
                int((status != PENUH).sum()),
            )
        )
    return pd.DataFrame(rows, columns=list(KOLOM_SKENARIO))
