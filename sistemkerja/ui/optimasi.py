"""The solve state machine behind the optimiser panel, as a traitlets model.

:class:`ModelOptimasi` runs :func:`sistemkerja.optimasi.optimasi` in a background thread
so the notebook stays responsive, records every progress report, and stops on request
("Berhenti") keeping the best plan found so far. The worker thread only sets traits of
this model; it never touches a widget. States::

    siap ──mulai()──▶ berjalan ──▶ selesai      (a result, whatever its status)
                          │    └──▶ gagal        (the plan or a setting was refused)
                          └─berhenti()─▶ dibatalkan (best plan so far, honest status)

Every message in :attr:`ModelOptimasi.pesan` is Indonesian.
"""

from __future__ import annotations

import threading
from typing import Any

import traitlets

from sistemkerja.domain.masalah import PlanError
from sistemkerja.optimasi import Batal, Kemajuan, optimasi

#: The states of a solve, in the order a run goes through them.
KEADAAN: tuple[str, ...] = ("siap", "berjalan", "selesai", "gagal", "dibatalkan")


class ModelOptimasi(traitlets.HasTraits):
    """State of one optimiser panel: settings, progress, result.

    Attributes
    ----------
    rencana : Rencana or None
        The plan to solve (read at :meth:`mulai`; never changed).
    batas_waktu : float
        Time limit of a run (detik).
    celah : float or None
        Stop gap (fraction); ``None`` takes the plan's Kebijakan value.
    prioritas : str or None
        ``"pemerataan"`` or ``"bobot"``; ``None`` takes the plan's Kebijakan value.
    keadaan : str
        One of :data:`KEADAAN`.
    kemajuan : Kemajuan or None
        The latest progress report of the running (or last) run.
    riwayat : list of tuple
        ``(detik, terbaik, batas)`` of every report with a plan or bound, for the live
        chart of best plan and bound over time (detik, objective units).
    hasil : Hasil or None
        The result of the last finished or stopped run.
    pesan : str
        What the panel shows: the status sentence, or why the run was refused.
    """

    rencana = traitlets.Any(None, allow_none=True)
    batas_waktu = traitlets.Float(60.0)
    celah = traitlets.Float(None, allow_none=True)
    prioritas = traitlets.Unicode(None, allow_none=True)
    keadaan = traitlets.Enum(KEADAAN, default_value="siap")
    kemajuan = traitlets.Any(None, allow_none=True)
    riwayat = traitlets.List()
    hasil = traitlets.Any(None, allow_none=True)
    pesan = traitlets.Unicode("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._batal: Batal | None = None
        self._thread: threading.Thread | None = None

    # ---- commands -------------------------------------------------------------------
    def mulai(self) -> bool:
        """Start a run in a background thread.

        Returns
        -------
        bool
            ``False`` (with :attr:`pesan` saying why) when a run is already going or
            there is no plan; ``True`` when the run started.
        """
        if self.keadaan == "berjalan":
            self.pesan = "Optimasi sedang berjalan; tekan Berhenti atau tunggu sampai selesai"
            return False
        if self.rencana is None:
            self.pesan = "Belum ada rencana yang dibuka"
            return False
        self._batal = Batal()
        self.hasil = None
        self.kemajuan = None
        self.riwayat = []
        self.pesan = "Optimasi berjalan…"
        self.keadaan = "berjalan"
        self._thread = threading.Thread(
            target=self._run,
            args=(self.rencana, self._options(), self._batal),
            name="sistemkerja-optimasi",
            daemon=True,
        )
        self._thread.start()
        return True

    def berhenti(self) -> None:
        """Ask the running solve to stop; it returns its best plan so far (about 1 s)."""
        if self._batal is not None and self.keadaan == "berjalan":
            self._batal.set()
            self.pesan = "Menghentikan optimasi; rencana terbaik sejauh ini disimpan…"

    def tunggu(self, timeout: float | None = None) -> bool:
        """Wait for the running solve to end.

        Parameters
        ----------
        timeout : float, optional
            Seconds to wait at most (detik); ``None`` waits until it ends.

        Returns
        -------
        bool
            Whether no run is going any more.
        """
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def ambil(self, hasil: Any, riwayat: list[tuple[Any, ...]] | None = None) -> None:
        """Take a result solved elsewhere as this model's (a priced pin that was committed).

        Parameters
        ----------
        hasil : Hasil
            The result; its plan becomes :attr:`rencana`.
        riwayat : list of tuple, optional
            Its progress history ``(detik, terbaik, batas)``.

        Raises
        ------
        ValueError
            While a run is going (stop it first).
        """
        if self.keadaan == "berjalan":
            raise ValueError("optimasi sedang berjalan; hentikan dahulu")
        self.riwayat = list(riwayat or [])
        self.rencana = hasil.plan
        self.hasil = hasil
        self.pesan = hasil.keterangan
        self.keadaan = "dibatalkan" if hasil.berhenti == "batal" else "selesai"

    # ---- the worker -------------------------------------------------------------------
    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"batas_waktu": self.batas_waktu}
        if self.celah is not None:
            options["celah"] = self.celah
        if self.prioritas is not None:
            options["prioritas"] = self.prioritas
        return options

    def _report(self, kemajuan: Kemajuan) -> None:
        self.kemajuan = kemajuan
        if kemajuan.terbaik is not None or kemajuan.batas is not None:
            point = (kemajuan.detik, kemajuan.terbaik, kemajuan.batas)
            self.riwayat = [*self.riwayat, point]

    def _run(self, rencana: Any, options: dict[str, Any], batal: Batal) -> None:
        try:
            hasil = optimasi(rencana, progress=self._report, batal=batal, **options)
        except PlanError as exc:
            errors = [p for p in exc.problems if p.is_error]
            head = f"Rencana belum dapat dioptimasi: {len(errors)} galat"
            self.pesan = "\n".join([head, *(f"- {p}" for p in errors[:10])])
            self.keadaan = "gagal"
            return
        except ValueError as exc:  # settings out of range: the optimiser says which
            self.pesan = f"Pengaturan tidak dapat dipakai: {exc}"
            self.keadaan = "gagal"
            return
        except Exception:  # never leave the panel "berjalan" forever
            self.pesan = (
                "Optimasi berhenti karena galat tak terduga; rencana tidak berubah. "
                "Coba lagi, atau jalankan 'sistemkerja optimasi' untuk rinciannya"
            )
            self.keadaan = "gagal"
            return
        self.hasil = hasil
        self.pesan = hasil.keterangan
        self.keadaan = "dibatalkan" if hasil.berhenti == "batal" else "selesai"
