"""Single-field rules shared by the entity constructors (raise :class:`FieldError`)."""

from __future__ import annotations

import math

from sistemkerja.domain.masalah import FieldError


def text(value: str, field: str, label: str) -> None:
    """Require a non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(field, "missing_value", f"{label} wajib diisi")


def number(value: float, field: str, label: str, *, minimum: float = 0.0) -> None:
    """Require a finite number not below ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldError(field, "wrong_type", f"{label} harus berupa angka")
    if value < minimum:
        code = "negative_value" if minimum == 0 else "below_minimum"
        raise FieldError(field, code, f"{label} tidak boleh kurang dari {minimum:g} ({value:g})")


def optional_number(value: float | None, field: str, label: str, *, minimum: float = 0.0) -> None:
    """Like :func:`number` but ``None`` is allowed."""
    if value is not None:
        number(value, field, label, minimum=minimum)


def integer(value: int, field: str, label: str, *, minimum: int = 0) -> None:
    """Require a whole number not below ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(field, "wrong_type", f"{label} harus bilangan bulat")
    if value < minimum:
        raise FieldError(
            field, "below_minimum", f"{label} tidak boleh kurang dari {minimum} ({value})"
        )


def month(value: int, field: str, label: str) -> None:
    """Require a month number 1–12."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise FieldError(field, "month_out_of_range", f"{label} harus bulan 1–12 ({value})")
