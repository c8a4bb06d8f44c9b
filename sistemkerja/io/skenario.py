"""Scenario and sweep files (YAML): read with line-numbered Indonesian errors, write back.

A scenario file::

    nama: Pagu −20 %
    keterangan: Bagaimana bila pagu dipotong 20 %?
    perubahan:
      - jenis: pagu_dikali
        faktor: 0.8
      - jenis: ubah_kebijakan
        parameter: ketua_jenjang
        nilai: Ahli Madya; Ahli Utama

A sweep file holds ``rencana`` (the plan workbook, relative to the file),
``pengaturan`` (solver settings), a list ``skenario`` and/or a grid ``kisi``: axes whose
options multiply into named scenarios. Values are read as the plan workbook reads its
cells (:mod:`sistemkerja.io.sel`): ``"0,8"`` and ``0.8`` are one number, ``Ya``/``Tidak``,
choices by their label, lists separated by ``;``.

Every problem of a file is reported at once, as
``"skenario.yaml baris 7, kunci 'perubahan[2].faktor': faktor pagu harus angka > 0,
tertulis 'dua puluh'"``; list positions count from 1, as a reader counts.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from sistemkerja.domain import skema
from sistemkerja.domain.ej import TabelEJ
from sistemkerja.domain.kebijakan import Prioritas
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.skenario import (
    JENIS_PERUBAHAN,
    HapusPegawai,
    PaguDikali,
    PaguDitetapkan,
    PegawaiTidakTersedia,
    PengaturanSolver,
    PerubahanSkenario,
    Sapuan,
    Skenario,
    TambahPegawai,
    TambahPenetapan,
    UbahKebijakan,
    UbahTarget,
)
from sistemkerja.io._nilai import CellError, from_cell, has_default
from sistemkerja.io._tulis import write_text_atomic
from sistemkerja.io.sel import cell_text, field_default, read_cell_text

__all__ = [
    "SkenarioError",
    "baca_sapuan",
    "baca_skenario",
    "perubahan_dari_data",
    "perubahan_ke_data",
    "sapuan_dari_teks",
    "sapuan_ke_teks",
    "skenario_dari_teks",
    "skenario_ke_teks",
    "tulis_sapuan",
    "tulis_skenario",
]

Path_ = tuple[str | int, ...]


class SkenarioError(ValueError):
    """A scenario or sweep file cannot be read; carries every problem found.

    Parameters
    ----------
    galat : list of str
        One Indonesian message per problem, each naming file, line and key path.
    """

    def __init__(self, galat: list[str]) -> None:
        self.galat = list(galat)
        super().__init__("\n".join(self.galat))


def _tertulis(message: str, value: Any) -> str:
    """Return ``", tertulis <value>"`` unless the message already quotes the value."""
    return "" if f"'{value}'" in message else f", tertulis {value!r}"


class _Gagal(Exception):
    """One value cannot be read (already reported)."""


def _show(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Baca:
    """Reader of one YAML document: values with the line of every key path."""

    def __init__(self, text: str, berkas: str) -> None:
        self.berkas = berkas
        self.lines: dict[Path_, int] = {}
        self.errors: list[str] = []
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" baris {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise SkenarioError([f"{berkas}{where}: bukan YAML yang sah ({problem})"]) from None
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: Path_) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                child = (*path, name)
                if name in seen:
                    self.lines[child] = key.start_mark.line + 1
                    self.err(child, "kunci ganda; tulis setiap kunci sekali")
                seen.add(name)
                self.lines[child] = key.start_mark.line + 1
                self._walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, (*path, i))

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def err(self, path: Path_, message: str) -> None:
        line = self.line(path)
        where = f" baris {line}" if line is not None else ""
        key = f", kunci '{_show(path)}'" if path else ""
        self.errors.append(f"{self.berkas}{where}{key}: {message}")

    def fail(self, path: Path_, message: str) -> _Gagal:
        self.err(path, message)
        return _Gagal()

    # ---- shapes ------------------------------------------------------------------
    def mapping(
        self, value: Any, path: Path_, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"harus berupa pemetaan kunci: nilai, tertulis {value!r}")
        out = {str(k): v for k, v in value.items()}
        unknown = [k for k in out if k not in allowed]
        for k in unknown:
            self.err((*path, k), f"kunci tidak dikenal; yang boleh: {', '.join(allowed)}")
        missing = [k for k in required if k not in out]
        for k in missing:
            self.err(path, f"kunci '{k}' wajib diisi")
        if missing:
            raise _Gagal()
        return {k: v for k, v in out.items() if k in allowed}

    def sequence(self, value: Any, path: Path_) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, f"harus berupa daftar (baris berawalan '- '), tertulis {value!r}")
        return value

    def kind(self, value: Any, path: Path_, kind: skema.Kind, *, required: bool = True) -> Any:
        if kind == "nip" and isinstance(value, int | float) and not isinstance(value, bool):
            raise self.fail(
                path, f"NIP harus ditulis dalam tanda petik agar digitnya utuh, tertulis {value}"
            )
        try:
            read = from_cell(skema.Kolom(str(path[-1]), str(path[-1]), kind), value)
        except CellError as exc:
            raise self.fail(path, f"{exc.message}{_tertulis(exc.message, value)}") from None
        if read is None and required:
            raise self.fail(path, "wajib diisi")
        return read

    def text(self, value: Any, path: Path_, *, required: bool = True) -> Any:
        if value is not None and not isinstance(value, str):
            raise self.fail(path, f"harus teks, tertulis {value!r}")
        return self.kind(value, path, "text", required=required)

    def row(self, lembar: skema.Lembar, value: Any, path: Path_) -> dict[str, Any]:
        """Read one row of a sheet given by field names or column headers."""
        names = {k.field: k for k in lembar.columns} | {k.header: k for k in lembar.columns}
        data = self.mapping(value, path, tuple(names))
        values: dict[str, Any] = {}
        bad = False
        for key, raw in data.items():
            kolom = names[key]
            if kolom.kind == "nip" and isinstance(raw, int | float) and not isinstance(raw, bool):
                self.err((*path, key), f"NIP harus ditulis dalam tanda petik, tertulis {raw}")
                bad = True
                continue
            try:
                values[kolom.field] = read_cell_text(lembar, kolom, _joined(kolom, raw))
            except CellError as exc:
                self.err((*path, key), f"{exc.message}{_tertulis(exc.message, raw)}")
                bad = True
        for kolom in lembar.columns:
            if kolom.field in values:
                continue
            try:
                values[kolom.field] = read_cell_text(lembar, kolom, None)
            except CellError:
                self.err(path, f"kunci '{kolom.header}' ({kolom.field}) wajib diisi")
                bad = True
        if bad:
            raise _Gagal()
        return values

    def build(
        self,
        maker: Any,
        values: dict[str, Any],
        path: Path_,
        keys: Mapping[str, Any],
        paths: Mapping[str, Path_] | None = None,
        raws: Mapping[str, Any] | None = None,
    ) -> Any:
        """Construct a domain object; a FieldError is reported at its field's key.

        ``keys`` maps a field to the file's key under ``path``; ``paths`` maps a field
        to the full path of its value (a grid value); ``raws`` holds the values as
        written, for the message.
        """
        try:
            return maker(**values)
        except FieldError as exc:
            key = keys.get(exc.field, exc.field)
            where = (paths or {}).get(exc.field, (*path, key))
            raw = (raws or {}).get(key, values.get(exc.field))
            shown = _tertulis(exc.message, raw) if raw is not None else ""
            raise self.fail(where, f"{exc.message}{shown}") from None


# ---- changes ----------------------------------------------------------------------
_JENIS_KELAS: dict[str, type] = {name: cls for cls, name in JENIS_PERUBAHAN.items()}

_KUNCI: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pagu_dikali": (("faktor",), ("kegiatan", "ro", "rincian")),
    "pagu_ditetapkan": (("jumlah",), ("kegiatan", "ro", "rincian")),
    "tambah_pegawai": (("pegawai",), ()),
    "hapus_pegawai": (("nip",), ()),
    "pegawai_tidak_tersedia": (("nip", "bulan_mulai", "bulan_selesai"), ()),
    "ubah_target": (("indikator", "target"), ("target_tw",)),
    "ubah_kebijakan": (("parameter", "nilai"), ()),
    "tambah_penetapan": (("nip", "peran"), ("tim", "kegiatan", "jam", "catatan")),
}


def _maker(lembar: skema.Lembar) -> Any:
    def make(**values: Any) -> Any:
        return lembar.make(values)

    return make


def _kebijakan_kolom(b: _Baca, name: Any, path: Path_) -> skema.Kolom:
    for kolom in skema.KEBIJAKAN.columns:
        if name in (kolom.field, kolom.header):
            return kolom
    fields = ", ".join(k.field for k in skema.KEBIJAKAN.columns)
    raise b.fail(path, f"parameter kebijakan {name!r} tidak dikenal; yang ada: {fields}")


def _joined(kolom: skema.Kolom, raw: Any) -> Any:
    """Join a YAML list given for a list column with ``;``, as a cell writes it."""
    if isinstance(raw, list) and kolom.kind in ("enumlist", "list"):
        return "; ".join(str(item) for item in raw) if raw else "-"
    return raw


def _kebijakan_nilai(b: _Baca, kolom: skema.Kolom, raw: Any, path: Path_) -> Any:
    raw = _joined(kolom, raw)
    try:
        value = read_cell_text(skema.KEBIJAKAN, kolom, raw)
    except CellError as exc:
        raise b.fail(path, f"{exc.message}{_tertulis(exc.message, raw)}") from None
    if kolom.field == "kategori_ej" and isinstance(value, str):
        try:
            value = TabelEJ.baca(value)
        except ValueError as exc:
            raise b.fail(path, f"Kategori EJ: {exc}{_tertulis(str(exc), raw)}") from None
    return value


def _perubahan(
    b: _Baca, value: Any, path: Path_, paths: Mapping[str, Path_] | None = None
) -> PerubahanSkenario:
    """Read one change; ``paths`` overrides where a key's value sits (grid values)."""
    paths = paths or {}

    def at(key: str) -> Path_:
        return paths.get(key, (*path, key))

    if not isinstance(value, Mapping):
        raise b.fail(path, f"perubahan harus pemetaan dengan kunci 'jenis', tertulis {value!r}")
    jenis = value.get("jenis")
    if jenis not in _KUNCI:
        raise b.fail(
            at("jenis"), f"jenis perubahan {jenis!r} tidak dikenal; pilihan: {', '.join(_KUNCI)}"
        )
    required, optional = _KUNCI[jenis]
    data = b.mapping(value, path, ("jenis", *required, *optional), ("jenis", *required))
    cls = _JENIS_KELAS[jenis]
    values: dict[str, Any] = {}
    if jenis in ("pagu_dikali", "pagu_ditetapkan"):
        amount = "faktor" if jenis == "pagu_dikali" else "jumlah"
        values[amount] = b.kind(data[amount], at(amount), "number")
        for key in ("kegiatan", "ro"):
            values[key] = b.kind(data.get(key), at(key), "code", required=False)
        if "rincian" in data:
            values["rincian"] = b.kind(data["rincian"], at("rincian"), "bool")
    elif jenis == "tambah_pegawai":
        row = b.row(skema.PEGAWAI, data["pegawai"], at("pegawai"))
        headers = {k.field: k.header for k in skema.PEGAWAI.columns}
        pegawai = b.build(_maker(skema.PEGAWAI), row, at("pegawai"), headers)
        values["pegawai"] = pegawai
    elif jenis == "hapus_pegawai":
        values["nip"] = b.kind(data["nip"], at("nip"), "nip")
    elif jenis == "pegawai_tidak_tersedia":
        values["nip"] = b.kind(data["nip"], at("nip"), "nip")
        for key in ("bulan_mulai", "bulan_selesai"):
            values[key] = b.kind(data[key], at(key), "month")
    elif jenis == "ubah_target":
        values["indikator"] = b.kind(data["indikator"], at("indikator"), "code")
        values["target"] = b.kind(data["target"], at("target"), "code")
        if data.get("target_tw") is not None:
            tw = b.sequence(data["target_tw"], at("target_tw"))
            if len(tw) != 4:
                raise b.fail(at("target_tw"), f"target triwulan harus 4 isian, tertulis {tw!r}")
            values["target_tw"] = tuple(
                b.kind(t, (*at("target_tw"), q), "code", required=False) for q, t in enumerate(tw)
            )
    elif jenis == "ubah_kebijakan":
        kolom = _kebijakan_kolom(b, data["parameter"], at("parameter"))
        values["parameter"] = kolom.field
        values["nilai"] = _kebijakan_nilai(b, kolom, data["nilai"], at("nilai"))
    else:  # tambah_penetapan
        row = b.row(skema.PENETAPAN, {k: v for k, v in data.items() if k != "jenis"}, path)
        penetapan = b.build(_maker(skema.PENETAPAN), row, path, {})
        values["penetapan"] = penetapan
    return b.build(cls, values, path, {}, paths, data)


def _skenario(b: _Baca, value: Any, path: Path_) -> Skenario:
    data = b.mapping(value, path, ("nama", "keterangan", "perubahan"), ("nama",))
    nama = b.text(data["nama"], (*path, "nama"))
    keterangan = b.text(data.get("keterangan"), (*path, "keterangan"), required=False) or ""
    changes = []
    failed = False
    for i, item in enumerate(b.sequence(data.get("perubahan"), (*path, "perubahan"))):
        try:
            changes.append(_perubahan(b, item, (*path, "perubahan", i)))
        except _Gagal:
            failed = True
    if failed:
        raise _Gagal()
    return b.build(
        Skenario, {"nama": nama, "keterangan": keterangan, "perubahan": tuple(changes)}, path, {}
    )


# ---- grid -------------------------------------------------------------------------
def _label(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _sumbu(b: _Baca, value: Any, path: Path_) -> list[tuple[str, tuple[PerubahanSkenario, ...]]]:
    """Read one grid axis into its options (label, changes)."""
    if isinstance(value, Mapping) and "pilihan" in value:
        data = b.mapping(value, path, ("nama", "pilihan"), ("nama", "pilihan"))
        options = []
        for j, item in enumerate(b.sequence(data["pilihan"], (*path, "pilihan"))):
            where = (*path, "pilihan", j)
            opt = b.mapping(item, where, ("label", "perubahan"), ("label",))
            label = b.text(opt["label"], (*where, "label"))
            changes = tuple(
                _perubahan(b, c, (*where, "perubahan", k))
                for k, c in enumerate(b.sequence(opt.get("perubahan"), (*where, "perubahan")))
            )
            options.append((label, changes))
        return options
    data = b.mapping(
        value,
        path,
        ("nama", "perubahan", "isian", "nilai", "label"),
        ("nama", "perubahan", "isian", "nilai"),
    )
    name = b.text(data["nama"], (*path, "nama"))
    template = data["perubahan"]
    if not isinstance(template, Mapping):
        raise b.fail((*path, "perubahan"), "harus satu perubahan (pemetaan dengan 'jenis')")
    isian = b.text(data["isian"], (*path, "isian"))
    values = b.sequence(data["nilai"], (*path, "nilai"))
    if not values:
        raise b.fail((*path, "nilai"), "daftar nilai kosong")
    labels = b.sequence(data.get("label"), (*path, "label"))
    if labels and len(labels) != len(values):
        raise b.fail(
            (*path, "label"),
            f"jumlah label ({len(labels)}) tidak sama dengan nilai ({len(values)})",
        )
    options = []
    for j, raw in enumerate(values):
        change = _perubahan(
            b,
            {**template, isian: raw},
            (*path, "perubahan"),
            {isian: (*path, "nilai", j)},
        )
        label = str(labels[j]) if labels else f"{name} {_label(raw)}"
        options.append((label, (change,)))
    return options


def _kisi(b: _Baca, value: Any, path: Path_) -> list[Skenario]:
    axes = []
    failed = False
    for i, item in enumerate(b.sequence(value, path)):
        try:
            axes.append(_sumbu(b, item, (*path, i)))
        except _Gagal:
            failed = True
    if failed:
        raise _Gagal()
    out = []
    for combo in itertools.product(*axes):
        nama = ", ".join(label for label, _ in combo)
        changes = tuple(c for _, cs in combo for c in cs)
        out.append(b.build(Skenario, {"nama": nama, "perubahan": changes}, path, {}))
    return out


def _pengaturan(b: _Baca, value: Any, path: Path_) -> PengaturanSolver:
    if value is None:
        return PengaturanSolver()
    data = b.mapping(value, path, ("solver", "batas_waktu", "celah", "prioritas"))
    values: dict[str, Any] = {}
    if "solver" in data:
        values["solver"] = b.text(data["solver"], (*path, "solver"))
    if "batas_waktu" in data:
        values["batas_waktu"] = b.kind(data["batas_waktu"], (*path, "batas_waktu"), "number")
    if data.get("celah") is not None:
        values["celah"] = b.kind(data["celah"], (*path, "celah"), "number")
    if data.get("prioritas") is not None:
        kolom = skema.Kolom("prioritas", "prioritas", "enum", enum=Prioritas)
        try:
            values["prioritas"] = from_cell(kolom, data["prioritas"])
        except CellError as exc:
            raise b.fail(
                (*path, "prioritas"), f"{exc.message}, tertulis {data['prioritas']!r}"
            ) from None
    return b.build(PengaturanSolver, values, path, {})


# ---- public reading ---------------------------------------------------------------
def perubahan_dari_data(data: Mapping[str, Any], sumber: str = "formulir") -> PerubahanSkenario:
    """Read one change from a mapping, as a file's entry is read (a form's fields).

    Parameters
    ----------
    data : Mapping of str to Any
        The entry: ``{"jenis": "pagu_dikali", "faktor": "0,8"}``; values may be text
        as typed ("0,8", "Ahli Muda; Ahli Madya").
    sumber : str
        What the messages start with.

    Returns
    -------
    PerubahanSkenario
        The change.

    Raises
    ------
    SkenarioError
        With every problem, each naming the key (``formulir, kunci 'faktor': …``).
    """
    b = _Baca("{}", sumber)
    b.data, b.lines = dict(data), {}  # no lines: the messages name the key alone
    result = None
    with contextlib.suppress(_Gagal):
        result = _perubahan(b, b.data, ())
    if b.errors or result is None:
        raise SkenarioError(b.errors)
    return result


def perubahan_ke_data(perubahan: PerubahanSkenario) -> dict[str, Any]:
    """Return a change as the mapping a file holds (the inverse of :func:`perubahan_dari_data`)."""
    return _perubahan_data(perubahan)


def skenario_dari_teks(text: str, berkas: str = "skenario.yaml") -> Skenario:
    """Read a scenario from YAML text.

    Parameters
    ----------
    text : str
        The YAML document.
    berkas : str
        File name the messages start with.

    Returns
    -------
    Skenario
        The scenario.

    Raises
    ------
    SkenarioError
        With every problem, each naming file, line and key path.
    """
    b = _Baca(text, berkas)
    result = None
    with contextlib.suppress(_Gagal):
        result = _skenario(b, b.data, ())
    if b.errors or result is None:
        raise SkenarioError(b.errors)
    return result


def sapuan_dari_teks(text: str, berkas: str = "sapuan.yaml") -> Sapuan:
    """Read a sweep from YAML text: ``rencana``, ``pengaturan``, ``skenario``, ``kisi``.

    Parameters
    ----------
    text : str
        The YAML document.
    berkas : str
        File name the messages start with.

    Returns
    -------
    Sapuan
        The sweep: the listed scenarios first, then the grid's, in product order (the
        first axis varies slowest); a grid scenario is named by its options' labels
        joined with ``", "``.

    Raises
    ------
    SkenarioError
        With every problem (also for no scenario at all or a repeated name).
    """
    b = _Baca(text, berkas)
    result = None
    try:
        data = b.mapping(b.data, (), ("rencana", "pengaturan", "skenario", "kisi"))
        rencana = b.text(data.get("rencana"), ("rencana",), required=False)
        pengaturan = None
        with contextlib.suppress(_Gagal):
            pengaturan = _pengaturan(b, data.get("pengaturan"), ("pengaturan",))
        scenarios: list[Skenario] = []
        for i, item in enumerate(b.sequence(data.get("skenario"), ("skenario",))):
            with contextlib.suppress(_Gagal):
                scenarios.append(_skenario(b, item, ("skenario", i)))
        if data.get("kisi") is not None:
            scenarios.extend(_kisi(b, data["kisi"], ("kisi",)))
        if not scenarios and not b.errors:
            raise b.fail((), "sapuan tidak memuat skenario; isi 'skenario' dan/atau 'kisi'")
        seen: set[str] = set()
        for s in scenarios:
            if s.nama in seen:
                b.err(("skenario",), f"nama skenario '{s.nama}' ganda; setiap nama harus unik")
            seen.add(s.nama)
        if pengaturan is not None and not b.errors:
            result = Sapuan(tuple(scenarios), rencana, pengaturan)
    except _Gagal:
        pass
    if b.errors or result is None:
        raise SkenarioError(b.errors)
    return result


def baca_skenario(path: str | Path) -> Skenario:
    """Read a scenario file (UTF-8 YAML); see :func:`skenario_dari_teks`."""
    path = Path(path)
    return skenario_dari_teks(path.read_text(encoding="utf-8"), path.name)


def baca_sapuan(path: str | Path) -> Sapuan:
    """Read a sweep file (UTF-8 YAML); see :func:`sapuan_dari_teks`."""
    path = Path(path)
    return sapuan_dari_teks(path.read_text(encoding="utf-8"), path.name)


# ---- writing ----------------------------------------------------------------------
def _cell(kolom: skema.Kolom, value: Any) -> Any:
    if value is None:
        return None
    if kolom.kind in ("number", "int", "month", "bool"):
        return value
    return cell_text(kolom, value)


def _row_data(lembar: skema.Lembar, entity: Any, *, headers: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    values = lembar.values(entity)
    for kolom in lembar.columns:
        value = values[kolom.field]
        if has_default(lembar, kolom) and field_default(lembar, kolom) == value:
            continue
        out[kolom.header if headers else kolom.field] = _cell(kolom, value)
    return out


def _perubahan_data(c: PerubahanSkenario) -> dict[str, Any]:
    out: dict[str, Any] = {"jenis": JENIS_PERUBAHAN[type(c)]}
    match c:
        case PaguDikali() | PaguDitetapkan():
            out["faktor" if isinstance(c, PaguDikali) else "jumlah"] = (
                c.faktor if isinstance(c, PaguDikali) else c.jumlah
            )
            if c.kegiatan is not None:
                out["kegiatan"] = c.kegiatan
            if c.ro is not None:
                out["ro"] = c.ro
            if not c.rincian:
                out["rincian"] = False
        case TambahPegawai():
            out["pegawai"] = _row_data(skema.PEGAWAI, c.pegawai, headers=True)
        case HapusPegawai():
            out["nip"] = c.nip
        case PegawaiTidakTersedia():
            out.update(nip=c.nip, bulan_mulai=c.bulan_mulai, bulan_selesai=c.bulan_selesai)
        case UbahTarget():
            out.update(indikator=c.indikator, target=c.target)
            if c.target_tw is not None:
                out["target_tw"] = list(c.target_tw)
        case UbahKebijakan():
            kolom = next(k for k in skema.KEBIJAKAN.columns if k.field == c.parameter)
            out.update(parameter=c.parameter, nilai=cell_text(kolom, c.nilai))
        case TambahPenetapan():
            out.update(_row_data(skema.PENETAPAN, c.penetapan, headers=False))
    return out


def _skenario_data(s: Skenario) -> dict[str, Any]:
    out: dict[str, Any] = {"nama": s.nama}
    if s.keterangan:
        out["keterangan"] = s.keterangan
    out["perubahan"] = [_perubahan_data(c) for c in s.perubahan]
    return out


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def skenario_ke_teks(skenario: Skenario) -> str:
    """Return a scenario as YAML text that :func:`skenario_dari_teks` reads back equal."""
    return _dump(_skenario_data(skenario))


def sapuan_ke_teks(sapuan: Sapuan) -> str:
    """Return a sweep as YAML text (its scenarios listed; a grid is written expanded)."""
    data: dict[str, Any] = {}
    if sapuan.rencana is not None:
        data["rencana"] = sapuan.rencana
    p = sapuan.pengaturan
    settings: dict[str, Any] = {"solver": p.solver, "batas_waktu": p.batas_waktu}
    if p.celah is not None:
        settings["celah"] = p.celah
    if p.prioritas is not None:
        settings["prioritas"] = p.prioritas.value
    data["pengaturan"] = settings
    data["skenario"] = [_skenario_data(s) for s in sapuan.skenario]
    return _dump(data)


def tulis_skenario(skenario: Skenario, path: str | Path) -> Path:
    """Write a scenario file atomically (UTF-8 YAML); return its path."""
    path = Path(path)
    write_text_atomic(skenario_ke_teks(skenario), path)
    return path


def tulis_sapuan(sapuan: Sapuan, path: str | Path) -> Path:
    """Write a sweep file atomically (UTF-8 YAML); return its path."""
    path = Path(path)
    write_text_atomic(sapuan_ke_teks(sapuan), path)
    return path
