"""Single-field rules shared by the entity constructors (raise :class:`FieldError`)."""

from __future__ import annotations

import math
import unicodedata

from sistemkerja.domain.batas import ANGKA_MAKS, BOBOT_MAKS, tampil
from sistemkerja.domain.masalah import FieldError


def invisible(text: str) -> bool:
    """Whether ``text`` holds only spaces and invisible characters (and is not empty).

    Invisible are the Unicode format characters (category Cf: zero-width space
    U+200B, zero-width (non-)joiners, word joiner U+2060, byte-order mark U+FEFF) and
    every kind of space, including the no-break space U+00A0.
    """
    return bool(text) and all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def text(value: str, field: str, label: str) -> None:
    """Require a text with at least one visible character."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(field, "missing_value", f"{label} wajib diisi")
    if invisible(value):
        raise FieldError(
            field,
            "invisible_text",
            f"{label} hanya berisi spasi atau karakter tak terlihat (mis. spasi lebar nol); "
            "isi dengan teks yang terbaca",
        )


def number(
    value: float,
    field: str,
    label: str,
    *,
    minimum: float = 0.0,
    maximum: float = ANGKA_MAKS,
) -> None:
    """Require a finite number in ``minimum`` … ``maximum`` (default at most 10^15)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldError(field, "wrong_type", f"{label} harus berupa angka")
    if value < minimum:
        code = "negative_value" if minimum == 0 else "below_minimum"
        raise FieldError(field, code, f"{label} tidak boleh kurang dari {minimum:g} ({value:g})")
    if value > maximum:
        raise FieldError(
            field,
            "value_too_large",
            f"{label} terlalu besar ({tampil(value)}); paling besar {tampil(maximum)}",
        )


def optional_number(
    value: float | None,
    field: str,
    label: str,
    *,
    minimum: float = 0.0,
    maximum: float = ANGKA_MAKS,
) -> None:
    """Like :func:`number` but ``None`` is allowed."""
    if value is not None:
        number(value, field, label, minimum=minimum, maximum=maximum)


def integer(value: int, field: str, label: str, *, minimum: int = 0) -> None:
    """Require a whole number not below ``minimum`` and at most 10^15."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(field, "wrong_type", f"{label} harus bilangan bulat")
    if value < minimum:
        raise FieldError(
            field, "below_minimum", f"{label} tidak boleh kurang dari {minimum} ({value})"
        )
    if value > ANGKA_MAKS:
        raise FieldError(
            field,
            "value_too_large",
            f"{label} terlalu besar ({tampil(value)}); paling besar {tampil(ANGKA_MAKS)}",
        )


def weight_message(value: float) -> str:
    """Indonesian message for an objective weight outside 0 … :data:`BOBOT_MAKS`."""
    return (
        f"bobot {tampil(value)} di luar kisaran 0–{tampil(BOBOT_MAKS)}; bobot sebesar itu "
        "menenggelamkan unsur tujuan lain"
    )


def weight(value: float, field: str) -> None:
    """Require a finite objective weight, not negative; refuse absurd ones (> 10^15).

    Weights above :data:`~sistemkerja.domain.batas.BOBOT_MAKS` but below 10^15 are
    reported by the plan's validation with the same code and message.
    """
    number(value, field, "Bobot", maximum=math.inf)
    if value > ANGKA_MAKS:
        raise FieldError(field, "weight_out_of_range", weight_message(value))


def month(value: int, field: str, label: str) -> None:
    """Require a month number 1–12."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise FieldError(field, "month_out_of_range", f"{label} harus bulan 1–12 ({value})")
