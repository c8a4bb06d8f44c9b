"""The plan being edited, as a traitlets model: edits, checks, autosave, conflicts, undo.

:class:`ModelRencana` holds one :class:`~sistemkerja.domain.Rencana` opened from a plan
workbook. Every edit goes through it:

- typed text is read as the workbook reader reads a cell (:mod:`sistemkerja.io.sel`);
- the edited plan is checked (:meth:`Rencana.validate`); an edit that breaks a field rule
  or brings a *new* error is refused with an Indonesian message naming sheet, row and
  column, and the plan (and the file) stay as they were;
- an accepted edit is saved at once (atomically, :func:`sistemkerja.io.write_plan`) unless
  autosave is off; if the file changed on disk since it was loaded (Excel, another
  notebook), nothing is written: :attr:`ModelRencana.konflik` turns true and the user
  chooses :meth:`~ModelRencana.muat_ulang` or :meth:`~ModelRencana.simpan_sebagai`;
- the last edits of the session can be undone (:meth:`~ModelRencana.urungkan`).

Views observe :attr:`ModelRencana.versi`, which goes up by one on every change of the
plan (edit, undo, reload).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import traitlets

from sistemkerja import contoh as _contoh
from sistemkerja.domain import skema
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.masalah import Problem
from sistemkerja.domain.pegawai import Unit
from sistemkerja.domain.pk import PerjanjianKinerja
from sistemkerja.domain.rencana import Perubahan, Rencana
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io import ConflictError, fingerprint, read_plan_problems, write_plan
from sistemkerja.io.sel import CellError, read_cell_text, read_row_text

#: How many edits :meth:`ModelRencana.urungkan` can take back.
BATAS_URUNGAN = 50


@dataclass(frozen=True, slots=True)
class Suntingan:
    """The outcome of one edit made through :class:`ModelRencana`.

    Parameters
    ----------
    diterima : bool
        Whether the edit reached the plan (and, with autosave, the file).
    pesan : str
        What the view shows next to the field (Indonesian).
    masalah : tuple of Problem
        Why it was refused (each naming sheet, row, column), or the new warnings
        of an accepted edit.
    """

    diterima: bool
    pesan: str
    masalah: tuple[Problem, ...] = ()


def _signature(problem: Problem) -> tuple[str, str, str | None, str | None]:
    return (problem.code, problem.sheet, problem.key, problem.column)


def _lembar_kolom(sheet: str, kolom: str) -> tuple[Lembar, Kolom]:
    lembar = skema.lembar_of(sheet)
    for k in lembar.columns:
        if kolom in (k.header, k.field):
            return lembar, k
    names = ", ".join(k.header for k in lembar.columns)
    raise ValueError(f"lembar '{lembar.name}' tidak punya kolom '{kolom}'; yang ada: {names}")


def rencana_kosong(
    *,
    tahun: int,
    unit: str,
    nama_unit: str,
    instansi: str,
    pihak_pertama: str,
    jabatan_pihak_pertama: str,
) -> Rencana:
    """Return an empty plan: the PK header and the planning unit, nothing else.

    Parameters
    ----------
    tahun : int
        Fiscal year of the PK.
    unit : str
        Code of the planning unit (``"DIT-PDK"``).
    nama_unit : str
        Its name.
    instansi : str
        Its agency.
    pihak_pertama : str
        Name of the unit head who signs the PK.
    jabatan_pihak_pertama : str
        Position of the unit head.

    Returns
    -------
    Rencana
        A plan with the default Kebijakan; its checks list what is still missing
        (staff, indicators, activities).

    Raises
    ------
    FieldError
        If a value breaks its rule (Indonesian message naming the field).
    """
    pk = PerjanjianKinerja(
        tahun=tahun,
        unit=unit,
        pihak_pertama=pihak_pertama,
        jabatan_pihak_pertama=jabatan_pihak_pertama,
    )
    return Rencana(kebijakan=Kebijakan(), pk=pk, units=(Unit(unit, nama_unit, instansi),))


class ModelRencana(traitlets.HasTraits):
    """One plan opened from a workbook, with its checks, saving and undo.

    Attributes
    ----------
    rencana : Rencana or None
        The plan; ``None`` when the workbook could not be read at all.
    path : str or None
        The plan workbook.
    sidik : str
        Fingerprint of the file as last loaded or saved ("" when there is none).
    masalah : list of Problem
        Every problem of the plan (errors first), as :meth:`Rencana.validate` gives.
    galat_baca : list of Problem
        Errors met reading the workbook that left rows out of the plan; while there are
        any, the plan is not saved over its workbook (the left-out rows would be lost):
        fix them in Excel and reload, or save as a new file.
    pesan : str
        The latest message for the user (Indonesian).
    konflik : bool
        The workbook changed on disk since it was loaded; saving is suspended until the
        user reloads or saves as a new file.
    tersimpan : bool
        Whether the file holds the plan as shown.
    simpan_otomatis : bool
        Save after every accepted edit.
    versi : int
        Goes up by one on every change of :attr:`rencana`.
    bisa_urung : int
        How many edits :meth:`urungkan` can take back.
    """

    rencana = traitlets.Instance(Rencana, allow_none=True)
    path = traitlets.Unicode(None, allow_none=True)
    sidik = traitlets.Unicode("")
    masalah = traitlets.List()
    galat_baca = traitlets.List()
    pesan = traitlets.Unicode("")
    konflik = traitlets.Bool(False)
    tersimpan = traitlets.Bool(True)
    simpan_otomatis = traitlets.Bool(True)
    versi = traitlets.Int(0)
    bisa_urung = traitlets.Int(0)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._urungan: list[tuple[Rencana, str]] = []

    # ---- opening --------------------------------------------------------------------
    @classmethod
    def buka(cls, path: str | os.PathLike[str], *, contoh: str | None = None) -> ModelRencana:
        """Open a plan workbook (written by the suite or filled in by hand in Excel).

        Parameters
        ----------
        path : str or os.PathLike
            The ``.xlsx`` workbook.
        contoh : str, optional
            When the file does not exist yet, first write this sample plan there
            (``"unit"`` or ``"kecil"``, see :func:`sistemkerja.contoh.load`); an existing
            file is opened as it is, never replaced.

        Returns
        -------
        ModelRencana
            The model; when the workbook cannot be read, :attr:`rencana` is ``None``
            and :attr:`pesan` / :attr:`masalah` say why.
        """
        model = cls()
        model.buka_berkas(path, contoh=contoh)
        return model

    @classmethod
    def baru(
        cls,
        path: str | os.PathLike[str],
        *,
        tahun: int,
        unit: str,
        nama_unit: str,
        instansi: str,
        pihak_pertama: str,
        jabatan_pihak_pertama: str,
    ) -> ModelRencana:
        """Start a new, empty plan and write it to a new workbook.

        Parameters
        ----------
        path : str or os.PathLike
            The new ``.xlsx`` workbook; an existing file is never replaced.
        tahun, unit, nama_unit, instansi, pihak_pertama, jabatan_pihak_pertama
            The PK header and the planning unit (see :func:`rencana_kosong`).

        Returns
        -------
        ModelRencana
            The model of the new plan.

        Raises
        ------
        FileExistsError
            If ``path`` exists.
        FieldError
            If a header value breaks its rule.
        """
        plan = rencana_kosong(
            tahun=tahun,
            unit=unit,
            nama_unit=nama_unit,
            instansi=instansi,
            pihak_pertama=pihak_pertama,
            jabatan_pihak_pertama=jabatan_pihak_pertama,
        )
        write_plan(plan, path, overwrite=False)
        return cls.buka(path)

    def buka_berkas(self, path: str | os.PathLike[str], *, contoh: str | None = None) -> bool:
        """Open another workbook in this model (the views follow); see :meth:`buka`.

        Unsaved edits of the current plan are kept only if they were saved: with a
        conflict pending or autosave off, save them first (:meth:`simpan_sebagai`).

        Parameters
        ----------
        path : str or os.PathLike
            The ``.xlsx`` workbook.
        contoh : str, optional
            Sample plan to write there first when the file does not exist.

        Returns
        -------
        bool
            Whether a plan could be read; otherwise :attr:`pesan` says why and the
            plan shown before stays.
        """
        target = Path(path)
        if not self.tersimpan and self.rencana is not None:
            self.pesan = (
                "Rencana yang terbuka belum tersimpan; simpan dulu (atau simpan sebagai "
                "berkas baru) sebelum membuka berkas lain"
            )
            return False
        if contoh is not None and not target.exists():
            try:
                write_plan(_contoh.load(contoh), target, overwrite=False)
            except OSError as exc:
                self.pesan = f"Berkas '{target}' tidak dapat dibuat ({exc.strerror or exc})"
                return False
        if not target.exists():
            self.pesan = f"Berkas '{target}' tidak ada"
            return False
        previous = (self.path, self.rencana, self.sidik, list(self.masalah))
        same = previous[0] is not None and Path(previous[0]).resolve() == target.resolve()
        self.path = str(target)
        if not same:
            self._urungan.clear()
            self.bisa_urung = 0
            self.rencana = None
        if self.muat_ulang():
            return True
        if previous[1] is not None and not same:  # keep showing the plan we had
            message = self.pesan
            self.path, self.rencana, self.sidik, self.masalah = previous
            self.pesan = message
        return False

    def muat_ulang(self) -> bool:
        """Read the workbook again, replacing the plan shown.

        The plan shown before (with the session's edits) stays on the undo list, so
        :meth:`urungkan` brings it back.

        Returns
        -------
        bool
            Whether a plan could be read.
        """
        if self.path is None:
            self.pesan = "Belum ada berkas rencana"
            return False
        try:
            sidik = fingerprint(self.path)
        except OSError:
            sidik = ""
        plan, problems = read_plan_problems(self.path)
        if plan is None:
            self.masalah = list(problems)
            errors = [p for p in problems if p.is_error]
            self.pesan = "\n".join(
                [f"Berkas '{self.path}' tidak dapat dibuka sebagai rencana:"]
                + [f"- {p}" for p in errors[:10]]
            )
            return False
        checked = plan.validate()
        known = {_signature(p) for p in checked}
        self.galat_baca = [p for p in problems if p.is_error and _signature(p) not in known]
        if self.rencana is not None:
            self._push(self.rencana, "muat ulang")
        self.sidik = sidik
        self.konflik = False
        self.tersimpan = True
        self._set(plan, checked)
        if self.galat_baca:
            self.pesan = (
                f"{len(self.galat_baca)} baris buku kerja tidak terbaca dan tidak ikut "
                "dimuat; perbaiki di Excel lalu muat ulang, atau simpan sebagai berkas baru. "
                "Selama itu rencana tidak disimpan ke berkas ini.\n"
                + "\n".join(f"- {p}" for p in self.galat_baca[:10])
            )
        else:
            self.pesan = f"Rencana dimuat dari '{self.path}'"
        return True

    # ---- edits ----------------------------------------------------------------------
    def sunting(self, sheet: str, kunci: str | None, kolom: str, teks: Any) -> Suntingan:
        """Change one cell: the value typed into column ``kolom`` of row ``kunci``.

        Parameters
        ----------
        sheet : str
            Sheet name (``"Indikator"``) or plan attribute.
        kunci : str or None
            Key of the row (see :meth:`Rencana.kunci`); ``None`` for PK and Kebijakan.
        kolom : str
            Column header (``"Target"``) or field name.
        teks : Any
            What was typed, read as a workbook cell (``"1.250"``, ``"Ya"``, ``"90 %"``);
            empty means the field's default.

        Returns
        -------
        Suntingan
            Accepted, or refused with the reason; a refused edit changes nothing.
        """
        plan = self._plan()
        lembar, k = _lembar_kolom(sheet, kolom)
        row, key = self._where(lembar, kunci, k)
        try:
            value = read_cell_text(lembar, k, teks)
        except CellError as exc:
            return self._refuse(Problem(lembar.name, row, k.header, exc.code, exc.message, key=key))
        old = self._current(lembar, kunci, k)
        if old == value:
            return Suntingan(True, "Tidak ada perubahan")
        change = plan.ubah(lembar.name, kunci, **{k.field: value})
        where = k.header if lembar.single else f"{key} {k.header}"
        return self.terapkan(change, f"{lembar.name} {where}")

    def tambah_baris(self, sheet: str, teks: Mapping[str, Any]) -> Suntingan:
        """Add a row typed into a form.

        Parameters
        ----------
        sheet : str
            Sheet name or plan attribute (not PK or Kebijakan).
        teks : Mapping of str to Any
            Typed text by column header or field name; a missing column is empty.

        Returns
        -------
        Suntingan
            Accepted, or refused with every unreadable or missing field.
        """
        plan = self._plan()
        lembar = skema.lembar_of(sheet)
        row = len(getattr(plan, lembar.attr)) + 2
        values, problems = read_row_text(lembar, teks, row=row)
        key = lembar.key_from(values)
        if problems:
            problems = [dataclasses.replace(p, key=key) for p in problems]
            return self._refuse(*problems)
        try:
            entity = lembar.make(values)
        except (CellError, ValueError) as exc:
            field = getattr(exc, "field", None)
            column = lembar.header_of(field) if field else None
            code = getattr(exc, "code", "invalid_row")
            text = getattr(exc, "message", str(exc))
            return self._refuse(Problem(lembar.name, row, column, code, text, key=key))
        return self.terapkan(plan.tambah(entity), f"tambah {lembar.name} {key or ''}".strip())

    def hapus_baris(self, sheet: str, kunci: str) -> Suntingan:
        """Remove one row.

        Parameters
        ----------
        sheet : str
            Sheet name or plan attribute.
        kunci : str
            Key of the row.

        Returns
        -------
        Suntingan
            Refused when other rows still refer to it (they are named).
        """
        change = self._plan().hapus(sheet, kunci)
        return self.terapkan(change, f"hapus {skema.lembar_of(sheet).name} {kunci}")

    def terapkan(self, perubahan: Perubahan, label: str = "perubahan") -> Suntingan:
        """Take an edit made on the plan (``plan.ganti(...)`` and friends) if it is sound.

        Parameters
        ----------
        perubahan : Perubahan
            The edit, made on :attr:`rencana`.
        label : str
            What the edit was, for the undo list and messages.

        Returns
        -------
        Suntingan
            Refused when the edit broke a field rule or brings an error the plan did
            not have; accepted (and saved, with autosave) otherwise.
        """
        if perubahan.ditolak is not None:
            return self._refuse(perubahan.ditolak)
        before = {_signature(p) for p in self.masalah if p.is_error}
        new_errors = [p for p in perubahan.galat if _signature(p) not in before]
        if new_errors:
            return self._refuse(*new_errors)
        old = {_signature(p) for p in self.masalah if not p.is_error}
        fresh = tuple(p for p in perubahan.masalah if not p.is_error and _signature(p) not in old)
        self._push(self._plan(), label)
        self.tersimpan = False
        self._set(perubahan.rencana, list(perubahan.masalah))
        text = f"Diterima: {label}"
        if self.simpan_otomatis:
            text = f"{text}. {self._autosave()}"
        self.pesan = text
        return Suntingan(True, text, fresh)

    def urungkan(self) -> Suntingan:
        """Take back the last edit of the session (saved, with autosave).

        Returns
        -------
        Suntingan
            Refused when there is nothing to undo.
        """
        if not self._urungan:
            return Suntingan(False, "Tidak ada perubahan untuk diurungkan")
        plan, label = self._urungan.pop()
        self.bisa_urung = len(self._urungan)
        self.tersimpan = False
        self._set(plan)
        text = f"Diurungkan: {label}"
        if self.simpan_otomatis:
            text = f"{text}. {self._autosave()}"
        self.pesan = text
        return Suntingan(True, text)

    # ---- saving ---------------------------------------------------------------------
    def simpan(self) -> bool:
        """Save the plan over its workbook, unless it changed on disk meanwhile.

        Returns
        -------
        bool
            Whether it was saved; otherwise :attr:`pesan` says why (a conflict sets
            :attr:`konflik`).
        """
        if self.path is None or self.rencana is None:
            self.pesan = "Belum ada rencana untuk disimpan"
            return False
        if self.galat_baca:
            self.pesan = (
                "Rencana tidak disimpan ke berkas ini: sebagian barisnya tidak terbaca saat "
                "dimuat dan akan hilang. Perbaiki di Excel lalu muat ulang, atau simpan "
                "sebagai berkas baru."
            )
            return False
        try:
            self.sidik = write_plan(
                self.rencana, self.path, expected_fingerprint=self.sidik or None
            )
        except ConflictError as exc:
            self.konflik = True
            self.pesan = str(exc)
            return False
        except OSError as exc:
            self.pesan = (
                f"Rencana belum tersimpan: berkas '{self.path}' tidak dapat ditulis "
                f"({exc.strerror or exc}). Perubahan tetap ada di sini; simpan sebagai "
                "berkas lain."
            )
            return False
        self.tersimpan = True
        self.pesan = f"Tersimpan ke '{self.path}'"
        return True

    def simpan_sebagai(self, path: str | os.PathLike[str], *, timpa: bool = False) -> bool:
        """Save the plan to another workbook, which becomes the plan's file.

        Parameters
        ----------
        path : str or os.PathLike
            The new workbook.
        timpa : bool
            Whether an existing file there may be replaced.

        Returns
        -------
        bool
            Whether it was saved; otherwise :attr:`pesan` says why.
        """
        if self.rencana is None:
            self.pesan = "Belum ada rencana untuk disimpan"
            return False
        target = Path(path)
        if self.path is not None and target.resolve() == Path(self.path).resolve():
            self.pesan = "Pilih nama berkas lain; berkas ini sudah berkas rencana"
            return False
        try:
            sidik = write_plan(self.rencana, target, overwrite=timpa)
        except FileExistsError:
            self.pesan = f"Berkas '{target}' sudah ada; pilih nama lain"
            return False
        except OSError as exc:
            self.pesan = f"Berkas '{target}' tidak dapat ditulis ({exc.strerror or exc})"
            return False
        self.path = str(target)
        self.sidik = sidik
        self.galat_baca = []
        self.konflik = False
        self.tersimpan = True
        self.pesan = f"Tersimpan sebagai '{target}'"
        return True

    def berubah_di_disk(self) -> bool:
        """Whether the workbook on disk is no longer the one loaded or last saved."""
        if self.path is None or not self.sidik:
            return False
        try:
            return fingerprint(self.path) != self.sidik
        except OSError:
            return True

    # ---- internals ------------------------------------------------------------------
    def _plan(self) -> Rencana:
        if self.rencana is None:
            raise ValueError("belum ada rencana yang dibuka")
        return self.rencana

    def _set(self, plan: Rencana, masalah: list[Problem] | None = None) -> None:
        problems = plan.validate() if masalah is None else masalah
        self.masalah = sorted(problems, key=lambda p: not p.is_error)
        self.rencana = plan
        self.versi += 1

    def _push(self, plan: Rencana, label: str) -> None:
        self._urungan.append((plan, label))
        del self._urungan[:-BATAS_URUNGAN]
        self.bisa_urung = len(self._urungan)

    def _autosave(self) -> str:
        if self.konflik:
            return "Belum disimpan: berkas diubah pihak lain; muat ulang atau simpan sebagai"
        if self.simpan():
            return "Tersimpan"
        return self.pesan

    def _refuse(self, *problems: Problem) -> Suntingan:
        text = "\n".join(str(p) for p in problems)
        self.pesan = text
        return Suntingan(False, text, problems)

    def _where(self, lembar: Lembar, kunci: str | None, kolom: Kolom) -> tuple[int | None, str]:
        plan = self._plan()
        if lembar.single:
            fields = [c.field for c in lembar.columns]
            return plan.row_of(lembar.name, fields.index(kolom.field)), kolom.header
        keys = plan.kunci(lembar.name)
        if kunci not in keys:
            raise KeyError(f"lembar '{lembar.name}' tidak memuat data berkunci '{kunci}'")
        return plan.row_of(lembar.name, keys.index(kunci)), kunci or ""

    def _current(self, lembar: Lembar, kunci: str | None, kolom: Kolom) -> Any:
        plan = self._plan()
        entity = (
            getattr(plan, lembar.attr) if lembar.single else plan.cari(lembar.name, kunci or "")
        )
        return lembar.values(entity).get(kolom.field)
