"""Reading and writing plan workbooks (``.xlsx``), the blank template and its documentation.

It uses openpyxl and the sheet layout of :mod:`sistemkerja.domain.skema`. The helpers for
atomic saves and formatted sheets are public here, so the reports
(:mod:`sistemkerja.laporan`) write their workbooks the same way without reaching into a
private module.
"""

from sistemkerja.io._tulis import (
    HEADER_FILL,
    HEADER_FONT,
    clean_stale_temp,
    fit_widths,
    new_workbook,
    save_atomic,
    set_value,
    temp_path,
    write_header,
    write_text_atomic,
)
from sistemkerja.io.buku_kerja import (
    ConflictError,
    fingerprint,
    load_with_fingerprint,
    read_plan,
    read_plan_problems,
    write_plan,
)
from sistemkerja.io.dokumen import format_markdown
from sistemkerja.io.templat import write_template

__all__ = [
    "HEADER_FILL",
    "HEADER_FONT",
    "ConflictError",
    "clean_stale_temp",
    "fingerprint",
    "fit_widths",
    "format_markdown",
    "load_with_fingerprint",
    "new_workbook",
    "read_plan",
    "read_plan_problems",
    "save_atomic",
    "set_value",
    "temp_path",
    "write_header",
    "write_plan",
    "write_template",
    "write_text_atomic",
]
