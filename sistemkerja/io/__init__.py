"""Reading and writing plan workbooks (``.xlsx``), the blank template and its documentation.

Only this subpackage touches Excel files; it uses openpyxl and the sheet layout of
:mod:`sistemkerja.domain.skema`.
"""

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
    "ConflictError",
    "fingerprint",
    "format_markdown",
    "load_with_fingerprint",
    "read_plan",
    "read_plan_problems",
    "write_plan",
    "write_template",
]
