"""The Indonesian documentation of the plan workbook format, generated from the schema.

``docs/format_buku_kerja.md`` is the output of :func:`format_markdown`; a test keeps the
committed file equal to it. Regenerate it with::

    python -c "from sistemkerja.io.dokumen import write_markdown; write_markdown()"
"""

from __future__ import annotations

import os
from pathlib import Path

from sistemkerja.domain import batas, skema
from sistemkerja.domain.angka import format_angka, parse_angka
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.skema import Kolom, Lembar
from sistemkerja.io._nilai import (
    FALSE_WORDS,
    KIND_LABEL,
    MONTH_NAMES,
    NONE_MARK,
    TIDAK,
    TRUE_WORDS,
    YA,
    allowed_values,
    number_text,
    required_label,
    to_cell,
)
from sistemkerja.io._tulis import KETERANGAN, NILAI, PARAMETER, TEMP_PREFIX
from sistemkerja.io.buku_kerja import (
    MAX_FILE_BYTES,
    MAX_PEGAWAI,
    MAX_SHEET_ROWS,
    MAX_UNPACKED_BYTES,
)
from sistemkerja.io.templat import DAFTAR, PETUNJUK

__all__ = ["DOC_PATH", "format_markdown", "write_markdown"]

#: Where the generated document lives in the repository.
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "format_buku_kerja.md"

_NUMBER_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("1,4", "koma adalah pemisah desimal"),
    ("1.250.000,50", "titik memisahkan ribuan"),
    ("70 %", "tanda % diabaikan"),
    ("Rp 1.250.000", "awalan Rp diabaikan"),
    ("1.250", "hanya titik dengan kelompok tiga digit: ribuan"),
    ("3.05", "titik tanpa kelompok tiga digit: desimal (Excel berbahasa Inggris)"),
    ("1,250,000", "beberapa koma dengan kelompok tiga digit: ribuan gaya Inggris"),
)


def format_markdown() -> str:
    """Return the Markdown documentation of the plan workbook format (Indonesian).

    Returns
    -------
    str
        One section per sheet (purpose, column table with kind, wajib/opsional,
        allowed values, example and help) plus the rules for numbers, Ya/Tidak,
        months, NIP and lists.
    """
    parts = [_intro(), _general(), _numbers(), _other_values(), _limits(), _checks()]
    parts += [_sheet(lembar) for lembar in skema.LEMBAR]
    return "\n\n".join(part.strip("\n") for part in parts) + "\n"


def write_markdown(path: str | os.PathLike[str] | None = None) -> Path:
    """Write :func:`format_markdown` to ``path`` (default ``docs/format_buku_kerja.md``).

    Parameters
    ----------
    path : str or os.PathLike, optional
        Target file.

    Returns
    -------
    Path
        The file written.
    """
    target = Path(path) if path is not None else DOC_PATH
    target.write_text(format_markdown(), encoding="utf-8")
    return target


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return f"`{text}`" if text else ""


def _intro() -> str:
    sheets = "\n".join(
        f"{i}. **{lembar.name}** — {lembar.help}" for i, lembar in enumerate(skema.LEMBAR, 1)
    )
    return f"""
# Format buku kerja rencana

<!-- Dibuat otomatis dari sistemkerja/domain/skema.py oleh
sistemkerja.io.dokumen.format_markdown(); jangan diedit langsung. -->

Satu rencana (satu unit, satu tahun anggaran) disimpan dalam satu buku kerja Excel
(`.xlsx`) dengan satu lembar per jenis data, dalam urutan berikut:

{sheets}

Templat kosong yang siap diisi dibuat dengan `sistemkerja.io.write_template(...)`; templat
itu memuat lembar **{PETUNJUK}** (penjelasan setiap kolom), daftar pilihan di setiap kolom
pilihan, dan lembar tersembunyi **{DAFTAR}** yang menampung daftar pilihan itu.
"""


def _general() -> str:
    return f"""
## Aturan umum

- Baris 1 setiap lembar berisi judul kolom; data mulai baris 2. Nomor baris dalam pesan
  kesalahan adalah nomor baris Excel.
- Nama lembar dan judul kolom harus sama dengan tabel di bawah (huruf besar/kecil dan
  spasi ganda tidak dipersoalkan). Kolom yang hilang dilaporkan beserta judul yang paling
  mirip; kolom tambahan diabaikan dengan peringatan.
- Lembar lain (mis. {PETUNJUK}, {DAFTAR}, catatan sendiri) diabaikan.
- Lembar **Kebijakan** dan **PK** berbentuk baris `{PARAMETER} | {NILAI} | {KETERANGAN}`:
  kolom {PARAMETER} berisi judul di tabel, kolom {NILAI} berisi isiannya. Parameter
  Kebijakan yang tidak diisi memakai nilai bawaan.
- Baris yang seluruhnya kosong dilewati. Baris yang bermasalah dilaporkan dan tidak ikut
  dibaca; pembacaan berlanjut ke baris berikutnya sehingga semua masalah terlihat sekaligus.
- Teks dibaca tanpa spasi di awal dan akhir. Sel opsional yang kosong memakai nilai
  bawaan (lihat tabel).
- Teks yang diawali `=`, `+`, `-` atau `@` disimpan sebagai teks, bukan rumus. Untuk sel
  berisi rumus, nilai hasil hitungan terakhir Excel yang dibaca.
- Kode (unit, sasaran, indikator, tim, kegiatan, kode RKA) menghubungkan lembar: tulis
  persis sama di setiap lembar. Kode yang diketik sebagai angka dibaca sebagai teks
  (`12` menjadi "12", bukan "12.0").
"""


def _numbers() -> str:
    rows = "\n".join(
        f"| `{text}` | {number_text(parse_angka(text))} | {why} |" for text, why in _NUMBER_EXAMPLES
    )
    return f"""
## Angka

Kolom angka menerima angka Excel biasa maupun teks angka cara Indonesia:

| Tertulis | Dibaca sebagai (tanpa pemisah ribuan) | Aturan |
|---|---|---|
{rows}

Angka negatif ditolak di semua kolom angka. Kolom **bilangan bulat** menerima `3`, `"3"`
atau `3,0`, tetapi menolak `3,5`. Kolom **Target** berisi teks persis seperti tertulis di
PK (mis. `70 %`, `86 Laporan`, `Skala 7`, `1,4`) dan harus memuat tepat satu angka;
satuannya diambil dari kolom Satuan atau, bila kosong, dari teks target.
"""


def _other_values() -> str:
    true_words = ", ".join(f"`{w}`" for w in TRUE_WORDS)
    false_words = ", ".join(f"`{w}`" for w in FALSE_WORDS)
    months = ", ".join(f"{i} = {name}" for i, name in enumerate(MONTH_NAMES, 1))
    return f"""
## Ya/Tidak

Kolom Ya/Tidak berisi `{YA}` atau `{TIDAK}`. Juga diterima (huruf besar/kecil bebas):
{true_words} untuk {YA}; {false_words} untuk {TIDAK}; serta nilai logika Excel
TRUE/FALSE. Perhatikan: `T` berarti {TIDAK}.

## Bulan

Kolom bulan berisi nomor bulan tahun anggaran 1–12 ({months}). Nama bulan
(`Maret`, `Agt`, `Des`…) juga diterima; bulan di luar 1–12 ditolak.

## NIP

NIP terdiri atas 18 digit dan **harus disimpan sebagai Teks**: Excel hanya menyimpan 15
digit angka sehingga NIP yang tersimpan sebagai angka kehilangan digit terakhirnya dan
ditolak. Format kolom NIP sebagai Teks (templat sudah begitu) atau awali NIP dengan tanda
petik `'`. Spasi di dalam NIP diabaikan.

## Daftar dalam satu sel

Kolom daftar (mis. Kompetensi, Jenjang Ketua Tim) memuat beberapa nilai dipisah titik
koma: `SQL; statistik`. Untuk daftar pilihan, sel kosong berarti nilai bawaan, sedangkan
`{NONE_MARK}` berarti sengaja tidak ada pilihan sama sekali.
"""


def _limits() -> str:
    def thousands(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return f"""
## Batas ukuran dan berkas yang dikenali

Buku kerja yang melewati batas berikut ditolak sebelum dibaca, dengan pesan yang menyebut
lembar dan ukurannya, agar pemeriksaan tidak berjalan bermenit-menit:

| Batas | Nilai |
|---|---|
| baris data di lembar Pegawai | {thousands(MAX_PEGAWAI)} |
| baris data di lembar rencana lain | {thousands(MAX_SHEET_ROWS)} |
| ukuran berkas | {MAX_FILE_BYTES // (1024 * 1024)} MB |
| ukuran isi berkas setelah dibuka (arsip .xlsx) | {MAX_UNPACKED_BYTES // (1024 * 1024)} MB |

- Baris data adalah baris yang berisi sedikitnya satu nilai; judul kolom di baris 1 tidak
  dihitung. Baris atau sel yang hanya diberi format (warna, garis, lebar) tanpa isi tidak
  dihitung dan tidak dibaca, sekalipun letaknya di baris 1.048.576.
- Berkas yang bukan buku kerja .xlsx dijawab dengan jenisnya: Excel lama (.xls), berkas
  yang dilindungi kata sandi, OpenDocument (.ods), dokumen Word, arsip zip biasa, berkas
  kosong atau terpotong, dan lembar yang XML-nya rusak (disebut nama lembarnya).
- Penyimpanan menulis berkas sementara `{TEMP_PREFIX}<nama berkas>-<pid>-<kode>.tmp` di
  folder yang sama lalu memindahkannya ke tempatnya, sehingga berkas lama tidak pernah
  setengah tertulis. Bila proses dihentikan paksa, berkas sementara itu dapat tertinggal;
  penyimpanan atau perintah berikutnya di folder itu menghapusnya (hanya berkas berpola
  itu yang prosesnya sudah tidak berjalan atau yang berumur lebih dari sehari).
- Perintah `sistemkerja optimasi` dan `laporan` tidak pernah menimpa berkas masukan
  (juga lewat tautan simbolik atau tautan keras) dan hanya menimpa berkas keluaran yang
  sudah ada bila diberi `--timpa`.
"""


def _checks() -> str:
    """Value checks and their thresholds (from :mod:`sistemkerja.domain.batas`)."""
    low, high = batas.JAM_EFEKTIF_WAJAR
    keyed = ", ".join(
        f"{lembar.name}: {' / '.join(str(lembar.header_of(f)) for f in lembar.key)}"
        for lembar in skema.LEMBAR
        if len(lembar.key) > 1
    )
    ref = ", ".join(
        f"{lembar.name}: {' / '.join(str(lembar.header_of(f)) for f in lembar.ref)}"
        for lembar in skema.LEMBAR
        if lembar.ref
    )
    year = format_angka(batas.JAM_SETAHUN)
    capacity = format_angka(batas.KAPASITAS_MIN_WAJAR)
    line_min = format_angka(batas.BEBAN_MIN_WAJAR)
    line_max = format_angka(batas.BEBAN_MAKS_ORANG_TAHUN)
    rows = (
        (
            "Sel angka berisi nilai tak hingga atau bukan-angka (`INF`, `NaN`, `1e309`), "
            "juga bila diketik sebagai teks",
            "—",
            "galat",
            "`not_finite`",
        ),
        (
            "Setiap angka, serta volume × norma waktu (Beban Kegiatan) dan volume × harga "
            "satuan (Rincian Anggaran)",
            "paling besar 10^15",
            "galat",
            "`value_too_large`",
        ),
        (
            "Jam satu orang dalam setahun: Kapasitas (jam), Jam terikat, Jam pada Penetapan "
            "*Jam tetap*, Jam kerja efektif per tahun, Jam koordinasi Ketua Tim, Jam minimal "
            "per keanggotaan",
            f"paling banyak {year} jam (366 × 24)",
            "galat",
            "`hours_exceed_year`",
        ),
        (
            "Bobot tujuan di lembar Kebijakan",
            f"0–{format_angka(batas.BOBOT_MAKS)}",
            "galat",
            "`weight_out_of_range`",
        ),
        (
            "Teks yang hanya berisi spasi atau karakter tak terlihat (spasi lebar nol U+200B, "
            "U+FEFF, U+2060)",
            "—",
            "galat",
            "`invisible_text`",
        ),
        (
            "Rencana tanpa pegawai, tanpa indikator kinerja, atau tanpa kegiatan",
            "—",
            "galat",
            "`no_pegawai`, `no_indikator`, `no_kegiatan`",
        ),
        (
            f"Kapasitas (jam) seorang pegawai di atas 0 tetapi kurang dari {capacity} jam setahun",
            f"< {capacity} jam",
            "peringatan",
            "`implausible_capacity`",
        ),
        (
            "Jam kerja efektif per tahun (Kebijakan) di luar kisaran wajar",
            f"{format_angka(low)}–{format_angka(high)} jam",
            "peringatan",
            "`implausible_capacity`",
        ),
        (
            f"Satu baris Beban Kegiatan (volume × norma waktu) di atas 0 tetapi kurang dari "
            f"{line_min} jam, atau lebih dari {line_max} orang-tahun (× jam kerja efektif)",
            f"{line_min} jam – {line_max} orang-tahun",
            "peringatan",
            "`implausible_hours`",
        ),
    )
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return f"""
## Pemeriksaan nilai

Selain jenis isian setiap kolom, nilainya diperiksa. **Galat** membuat rencana tidak valid
dan ditolak pengoptimal; **peringatan** hanya mengingatkan nilai yang kemungkinan salah
ketik, dan rencana tetap dapat dipakai.

| Pemeriksaan | Batas | Tingkat | Kode |
|---|---|---|---|
{table}

Alasan batas: 10^15 rupiah adalah Rp 1.000 triliun, sekitar sepertiga APBN, dan di bawahnya
setiap rupiah utuh tersimpan tepat sehingga penjumlahan tidak pernah meluap. Bobot bawaan
0,01–10; bobot di atas {format_angka(batas.BOBOT_MAKS)} menenggelamkan unsur tujuan lain.
Kapasitas `1,25` jam hampir selalu berarti 1.250 jam yang titik ribuannya terbaca sebagai
titik desimal (Excel berbahasa Inggris); pesannya menyarankan angka yang dimaksud. Tulisan
`1.250` tetap dibaca 1.250 jam.

Spasi tak terputus (U+00A0) dihitung spasi: sel yang hanya berisi itu dianggap kosong. Spasi
dan karakter tak terlihat di awal dan akhir teks dibuang, sehingga kode `TIM-A` yang tersalin
bersama spasi lebar nol tetap dibaca `TIM-A`.

Setiap masalah menyebut lembar, baris Excel, kolom, dan **kunci** data yang bermasalah
(kolom `key` pada keluaran `periksa --json`), yang tetap benar walau baris diurutkan ulang:
NIP di lembar Pegawai; kode di lembar Unit, Sasaran, Indikator, Tugas Tambahan, Tim Kerja,
Strategi dan Kegiatan; nama jabatan di lembar Jabatan; nama parameter di lembar Kebijakan dan
PK; gabungan kolom kunci yang dipisah ` / ` (kolom kosong ditulis `-`) di lembar {keyed};
dan di lembar yang tanpa kunci unik, {ref}. Kunci yang berulang (data ganda) diberi akhiran
` #2`, ` #3`, dan seterusnya.
"""


def _sheet(lembar: Lembar) -> str:
    lines = [f"## Lembar {lembar.name}", "", lembar.help[0].upper() + lembar.help[1:] + "."]
    if lembar.single:
        lines += [
            "",
            f"Lembar berbentuk baris `{PARAMETER} | {NILAI} | {KETERANGAN}`; setiap baris "
            f"tabel di bawah adalah satu baris dengan judulnya di kolom {PARAMETER}.",
        ]
        if lembar is skema.KEBIJAKAN:
            defaults = lembar.values(Kebijakan())
            lines += [
                "",
                "Nilai bawaan: "
                + "; ".join(
                    f"{k.header} = {_show_default(k, defaults[k.field])}" for k in lembar.columns
                )
                + ".",
            ]
    if lembar.key:
        keys = ", ".join(f"**{lembar.header_of(f)}**" for f in lembar.key)
        which = "Nilai kolom" if len(lembar.key) == 1 else "Kombinasi kolom"
        lines += ["", f"{which} {keys} harus unik."]
    lines += [
        "",
        "| Kolom | Jenis | Wajib | Pilihan | Contoh | Keterangan |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_column_row(lembar, kolom) for kolom in lembar.columns]
    return "\n".join(lines)


def _column_row(lembar: Lembar, kolom: Kolom) -> str:
    cells = (
        kolom.header,
        KIND_LABEL[kolom.kind],
        required_label(lembar, kolom),
        allowed_values(kolom),
        _code(kolom.example),
        kolom.help,
    )
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _show_default(kolom: Kolom, value: object) -> str:
    shown = to_cell(kolom, value)
    if isinstance(shown, float):
        return format_angka(shown)
    return str(shown)
