"""The scenario lab: sweeps of what-if scenarios, solved on Dask, compared side by side.

A sweep (:class:`~sistemkerja.domain.skenario.Sapuan`, read from YAML by
:mod:`sistemkerja.io.skenario`) is run by :func:`~.jalan.jalankan_sapuan`:
:mod:`.kerja` solves one scenario where it runs (plan in, data out), :mod:`.klaster`
sends scenarios to Dask workers (the only module importing Dask), :mod:`.simpan` writes
each scenario's folder and is the cache, :mod:`.banding` builds the comparison workbook
and chart.
"""

from sistemkerja.sapuan.banding import (
    banding_sapuan,
    banding_tampil,
    tulis_banding,
    tulis_grafik_banding,
)
from sistemkerja.sapuan.jalan import (
    BERKAS_BANDING,
    BERKAS_GRAFIK,
    NAMA_DASAR,
    HasilSapuan,
    Kemajuan,
    daftar_skenario,
    jalankan_sapuan,
)
from sistemkerja.sapuan.kerja import DITOLAK, GALAT, HasilSkenario, jalankan_skenario
from sistemkerja.sapuan.rencana import rencana_sapuan, sapuan_contoh

__all__ = [
    "BERKAS_BANDING",
    "BERKAS_GRAFIK",
    "DITOLAK",
    "GALAT",
    "NAMA_DASAR",
    "HasilSapuan",
    "HasilSkenario",
    "Kemajuan",
    "banding_sapuan",
    "banding_tampil",
    "daftar_skenario",
    "jalankan_sapuan",
    "jalankan_skenario",
    "rencana_sapuan",
    "sapuan_contoh",
    "tulis_banding",
    "tulis_grafik_banding",
]
