"""Problems found in a plan: where they are (sheet, row, column) and what is wrong."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass


class Tingkat(enum.StrEnum):
    """Severity of a problem: an error blocks planning, a warning does not."""

    GALAT = "galat"
    PERINGATAN = "peringatan"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a plan, located in the plan workbook.

    Parameters
    ----------
    sheet : str
        Sheet name in the workbook (``"Pegawai"``), or ``""`` for the file itself.
    row : int or None
        1-based Excel row number, ``None`` when the problem concerns a whole sheet.
    column : str or None
        Column header as shown in the workbook, ``None`` for a whole row or sheet.
    code : str
        Stable machine-readable code (English, snake case), e.g. ``"duplicate_nip"``.
    message : str
        Explanation for the user, in Indonesian.
    severity : Tingkat
        ``GALAT`` (error) or ``PERINGATAN`` (warning).
    key : str or None
        Key of the entity the problem concerns, stable when rows are sorted or
        inserted (see :meth:`sistemkerja.domain.skema.Lembar.key_of`): the NIP on
        Pegawai, the code on Unit, Sasaran, Indikator, Tugas Tambahan, Tim Kerja and
        Kegiatan, the parameter name on Kebijakan and PK, and the key fields joined by
        ``" / "`` (``"-"`` for an empty one) on the other sheets, e.g. a Penetapan row
        ``"198503122010011901 / TIM-A / -"``; ``None`` for a whole sheet or the file.
    """

    sheet: str
    row: int | None
    column: str | None
    code: str
    message: str
    severity: Tingkat = Tingkat.GALAT
    key: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this problem blocks the plan."""
        return self.severity is Tingkat.GALAT

    def location(self) -> str:
        """Return where the problem is, in Indonesian.

        Returns
        -------
        str
            E.g. ``"lembar 'Pegawai', baris 5 (198503122010011901), kolom 'Jam terikat'"``;
            the key is left out when it only repeats the column (Kebijakan, PK).
        """
        parts = []
        if self.sheet:
            parts.append(f"lembar '{self.sheet}'")
        shown_key = self.key if self.key and self.key != self.column else None
        if self.row is not None:
            parts.append(f"baris {self.row}" + (f" ({shown_key})" if shown_key else ""))
        elif shown_key:
            parts.append(f"data '{shown_key}'")
        if self.column:
            parts.append(f"kolom '{self.column}'")
        return ", ".join(parts) if parts else "berkas"

    def __str__(self) -> str:
        label = "Galat" if self.is_error else "Peringatan"
        return f"{label} di {self.location()}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict with sheet, row, column, code, message, severity, key."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class FieldError(ValueError):
    """A single field of an entity breaks a rule; raised at construction.

    Parameters
    ----------
    field : str
        Name of the dataclass field.
    code : str
        Problem code (see :class:`Problem`).
    message : str
        Indonesian explanation.
    """

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message

    def problem(
        self,
        sheet: str,
        key: str | None = None,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> Problem:
        """Return this error as a :class:`Problem` of one entity.

        Parameters
        ----------
        sheet : str
            Sheet of the entity.
        key : str, optional
            Key of the entity (see :attr:`Problem.key`).
        row : int, optional
            Excel row, when known.
        column : str, optional
            Column header of :attr:`field`; the field name when not given.

        Returns
        -------
        Problem
            An error-severity problem with this error's code and message.
        """
        return Problem(sheet, row, column or self.field, self.code, self.message, key=key)


class PlanError(Exception):
    """A plan could not be read or is not valid; carries every problem found.

    Parameters
    ----------
    problems : list of Problem
        All problems, errors first.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.is_error]
        head = f"Rencana tidak valid: {len(errors)} galat."
        body = "\n".join(f"- {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n- ... dan {more} masalah lain" if more > 0 else ""
        super().__init__(f"{head}\n{body}{tail}")
