"""The glossary (docs/glosarium.md) must name every public class, field and enum label.

A class is documented by a heading that holds its name in backticks (```Pegawai```); its
dataclass fields and enum members must appear, in backticks, inside that section. An
enum member's line must also carry its Indonesian label.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import re
from pathlib import Path

import pytest

import sistemkerja.domain as domain
from sistemkerja.domain import skema

GLOSARIUM = Path(__file__).resolve().parents[1] / "docs" / "glosarium.md"

CLASSES = sorted(name for name in domain.__all__ if inspect.isclass(getattr(domain, name)))
DATACLASSES = [n for n in CLASSES if dataclasses.is_dataclass(getattr(domain, n))]
ENUMS = [n for n in CLASSES if issubclass(getattr(domain, n), enum.Enum)]


@pytest.fixture(scope="module")
def text() -> str:
    return GLOSARIUM.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Map each backticked name in a heading to the text of that section."""
    sections: dict[str, str] = {}
    parts = re.split(r"^(#{1,6} .*)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", heading):
            sections.setdefault(name, body)
    return sections


def test_lists_are_not_empty():
    assert "Rencana" in DATACLASSES
    assert "Jenjang" in ENUMS


@pytest.mark.parametrize("name", CLASSES)
def test_class_has_a_section(text, name):
    found = name in _sections(text)
    assert found, (
        f"docs/glosarium.md: tambahkan judul bagian yang memuat `{name}` "
        f"(kelas publik sistemkerja.domain.{name})"
    )


@pytest.mark.parametrize("name", DATACLASSES)
def test_dataclass_fields_documented(text, name):
    section = _sections(text).get(name, "")
    fields = [f.name for f in dataclasses.fields(getattr(domain, name))]
    missing = [f for f in fields if f"`{f}`" not in section]
    assert not missing, f"docs/glosarium.md, bagian `{name}`: kolom belum dijelaskan: {missing}"


@pytest.mark.parametrize("name", ENUMS)
def test_enum_members_documented(text, name):
    section = _sections(text).get(name, "")
    lines = section.splitlines()
    missing = []
    for member in getattr(domain, name):
        label = str(member.value)
        if not any(f"`{member.name}`" in line and label in line for line in lines):
            missing.append(f"{member.name} ({label})")
    assert not missing, (
        f"docs/glosarium.md, bagian `{name}`: anggota belum dijelaskan "
        f"(baris dengan `NAMA` dan labelnya): {missing}"
    )


@pytest.mark.parametrize("name", [lembar.name for lembar in skema.LEMBAR])
def test_sheet_named(text, name):
    assert name in text, f"docs/glosarium.md: lembar buku kerja '{name}' belum disebut"


def test_section_parser_finds_fields_only_in_own_section():
    doc = "## `A`\n`x`\n## `B`\n`y`\n"
    assert _sections(doc) == {"A": "\n`x`\n", "B": "\n`y`\n"}
