"""Small rendering helpers every view shares: a figure as PNG, a message line, state classes."""

from __future__ import annotations

import html
import io

import ipywidgets as widgets
from matplotlib.figure import Figure

#: Resolution of the charts the panels show (dots per inch).
DPI = 80


def png(figure: Figure, dpi: int = DPI) -> bytes:
    """Render a matplotlib figure to PNG bytes (Agg, no pyplot state).

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure (made with :class:`matplotlib.figure.Figure`, so nothing to close).
    dpi : int
        Resolution (dots per inch).

    Returns
    -------
    bytes
        The PNG file.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def tulis_pesan(box: widgets.HTML, text: str, ok: bool) -> None:
    """Show a message line: green when ``ok``, red otherwise, one line per text line.

    The box carries ``sk-pesan-ok`` or ``sk-pesan-galat`` while it shows a message (the
    browser tests wait on them); an empty text clears the box and both classes.

    Parameters
    ----------
    box : ipywidgets.HTML
        The message line.
    text : str
        The message (Indonesian).
    ok : bool
        Whether it reports success.
    """
    box.remove_class("sk-pesan-ok")
    box.remove_class("sk-pesan-galat")
    if not text:
        box.value = ""
        return
    box.add_class("sk-pesan-ok" if ok else "sk-pesan-galat")
    color = "#1b5e20" if ok else "#b71c1c"
    lines = "<br>".join(html.escape(line) for line in text.splitlines())
    box.value = f'<span style="color:{color}">{lines}</span>'


def ganti_kelas(widget: widgets.DOMWidget, awalan: str, nilai: str) -> None:
    """Replace a widget's CSS classes starting with ``awalan`` by ``awalan + nilai``."""
    for name in list(widget._dom_classes):
        if name.startswith(awalan):
            widget.remove_class(name)
    widget.add_class(f"{awalan}{nilai}")
