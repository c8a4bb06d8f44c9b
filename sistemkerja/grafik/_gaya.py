r"""Shared look of the charts: band colours, Indonesian number labels, wrapped text.

User text (names, team codes, activity titles) is drawn literally: every chart function
is wrapped by :func:`teks_apa_adanya`, so a name such as ``Budi $\foo^$`` shows as typed
instead of being parsed as mathtext (and crashing the drawing).
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from sistemkerja.domain.angka import format_angka

P = ParamSpec("P")
R = TypeVar("R")

TEKS_POLOS = {"text.parse_math": False, "text.usetex": False}
"""Matplotlib settings under which every text is drawn as the characters it holds."""


#: Colour per ABK band (A–E), from "Sangat Baik" to "Kurang"; "-" where EJ is undefined.
WARNA_PITA: dict[str, str] = {
    "A": "#1b7837",
    "B": "#5aae61",
    "C": "#a6dba0",
    "D": "#fdb863",
    "E": "#e66101",
    "-": "#bdbdbd",
}
#: Hours already committed elsewhere (jam terikat) and other neutral parts.
WARNA_TERIKAT = "#9e9e9e"
WARNA_KAPASITAS = "#212121"
WARNA_LINTAS = "#7b3294"
#: Distinct colours for categories (teams, jabatan, akun), cycled.
PALET: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
#: Twenty distinct colours (matplotlib's tab20) for long category lists (akun, jabatan).
PALET_BESAR: tuple[str, ...] = (
    "#1f77b4",
    "#aec7e8",
    "#ff7f0e",
    "#ffbb78",
    "#2ca02c",
    "#98df8a",
    "#d62728",
    "#ff9896",
    "#9467bd",
    "#c5b0d5",
    "#8c564b",
    "#c49c94",
    "#e377c2",
    "#f7b6d2",
    "#7f7f7f",
    "#c7c7c7",
    "#bcbd22",
    "#dbdb8d",
    "#17becf",
    "#9edae5",
)


def warna(i: int, n: int) -> str:
    """Colour of category ``i`` of ``n``: :data:`PALET` up to ten, else :data:`PALET_BESAR`."""
    palette = PALET if n <= len(PALET) else PALET_BESAR
    return palette[i % len(palette)]


NAMA_BULAN: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Mei",
    "Jun",
    "Jul",
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)


def axes(ax: Axes | None, size: tuple[float, float] = (8.0, 5.0)) -> Axes:
    """Return ``ax``, or the Axes of a new figure of ``size`` inches."""
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained").add_subplot()


def kosong(ax: Axes, pesan: str, judul: str) -> Axes:
    """Say on ``ax`` that there is nothing to draw (instead of an empty, degenerate plot)."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, pesan, ha="center", va="center", transform=ax.transAxes, fontsize=10)
    ax.set_title(judul, loc="left", fontsize=11)
    return ax


def bungkus(text: Any, width: int = 30, lines: int = 3) -> str:
    """Wrap a label to ``width`` characters and at most ``lines`` lines (… when cut)."""
    return textwrap.fill(
        str(text), width=width, max_lines=lines, placeholder=" …", break_long_words=True
    )


def angka(value: float, decimals: int = 0) -> str:
    """Format a tick value the Indonesian way (1.250; 0,95)."""
    return format_angka(value, decimals)


def sumbu_angka(ax: Axes, axis: str = "x", decimals: int = 0) -> None:
    """Label one axis's ticks with Indonesian number formatting."""
    fmt = FuncFormatter(lambda v, _pos: angka(v, decimals))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def sumbu_rupiah(ax: Axes, axis: str = "x") -> None:
    """Label one axis in juta rupiah ("1.250 jt")."""
    fmt = FuncFormatter(lambda v, _pos: f"{format_angka(v / 1e6, 0)} jt")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def ke_png(obj: Figure | Axes, dpi: int = 100) -> bytes:
    """Render a chart (a Figure, or the figure of an Axes) to PNG bytes (Agg, no pyplot).

    Parameters
    ----------
    obj : matplotlib.figure.Figure or matplotlib.axes.Axes
        The chart.
    dpi : int
        Resolution (dots per inch).

    Returns
    -------
    bytes
        The PNG file (``IPython.display.Image(ke_png(fig))`` shows it in a notebook).
    """
    import io

    figure = obj.figure if isinstance(obj, Axes) else obj
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def tinggi(rows: int, per_row: float = 0.28, minimum: float = 3.0) -> float:
    """Figure height (inches) that gives each of ``rows`` bars or cells room to read."""
    return max(minimum, 1.6 + per_row * rows)


def _gambar(obj: object) -> Iterable[Figure | SubFigure]:
    """Yield the figures of a chart function's return value (Axes, Figure or a list)."""
    if isinstance(obj, Axes):
        yield obj.figure
    elif isinstance(obj, Figure | SubFigure):
        yield obj
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from _gambar(item)


def polos(figure: Figure | SubFigure) -> None:
    """Switch mathtext off for every text of ``figure`` (titles, ticks, legends, notes).

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure; changed in place.
    """
    for text in figure.findobj(Text):
        text.set_parse_math(False)
        text.set_usetex(False)


def teks_apa_adanya(fn: Callable[P, R]) -> Callable[P, R]:
    r"""Wrap a chart function so all its text is drawn literally (no mathtext, no TeX).

    The function runs under :data:`TEKS_POLOS`, and every text of the figures it
    returns (or draws on) is then set with ``parse_math=False``, so saving the figure
    later, under other settings, still shows ``$`` and ``\`` as typed.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with mpl.rc_context(TEKS_POLOS):
            out = fn(*args, **kwargs)
            for figure in _gambar(out):
                polos(figure)
        return out

    return wrapper
