# sistemkerja — satu perintah untuk memasang, menjalankan dan menguji.
#
#   make lab    buka JupyterLab pada notebooks/00_mulai.ipynb
#   make app    sajikan aplikasi lokakarya (Voila, kode tersembunyi) di 127.0.0.1 dengan token
#   make test   lint + format + aturan impor + uji unit + semua notebook (dipakai CI lewat .ci/run)
#   make cepat  bagian cepat saja (tanpa uji bertanda slow dan tanpa notebook), < 3 menit
#
# Hanya perlu Python >= 3.11 dan GNU make. Semua paket dipasang ke .venv di folder ini;
# tidak ada yang didaftarkan secara global.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := notebooks
LAB_NOTEBOOK := $(NOTEBOOKS)/00_mulai.ipynb
LAB_ARGS ?=
PYTEST_ARGS ?=

# Aplikasi lokakarya (make app, docs/lokakarya.md). APP_IP=0.0.0.0 menyajikannya ke ruangan.
APP_NOTEBOOK ?= $(NOTEBOOKS)/aplikasi.ipynb
APP_IP ?= 127.0.0.1
APP_PORT ?= 8866
# Kosong: token acak baru setiap kali make app dijalankan.
APP_TOKEN ?=
# Folder salinan rencana peserta dan buku kerja sumber dari pelatih (kosong: unit contoh).
APP_FOLDER ?= $(CURDIR)/.lokakarya
APP_SUMBER ?=
# Kernel peserta yang menganggur tanpa tab terbuka selama APP_CULL detik dimatikan.
APP_CULL ?= 1800
APP_ARGS ?=

# Root (mis. di dalam container) harus memakai --allow-root.
ALLOW_ROOT := $(shell [ "$$(id -u 2>/dev/null)" = 0 ] && echo --allow-root)

# Perintah di dalam venv; bin venv di depan PATH agar kernel Jupyter dan solver
# (mis. cbc dari PuLP) ditemukan tanpa mengaktifkan venv.
RUN := PATH="$(CURDIR)/$(BIN):$$PATH"

# Notebook: -p no:cacheprovider agar tidak ada .pytest_cache di notebooks/;
# sanitizer menormalkan teks yang berubah-ubah (waktu, path, alamat memori).
NBVAL_ARGS := --nbval-lax --nbval-current-env -p no:cacheprovider \
	--nbval-sanitize-with $(NOTEBOOKS)/nbval_sanitize.cfg
# Di kernel notebook: peringatan usang (Deprecation/FutureWarning) yang dipicu kode sel
# menggagalkan uji; peringatan dari mesin Jupyter sendiri tidak. Pesan ipykernel >= 7.3
# "running over TCP without encryption" ditulis ke stderr proses kernel, yang dibuang nbval,
# jadi tidak pernah menjadi keluaran sel.
NB_WARNINGS ?= error::DeprecationWarning:__main__,error::FutureWarning:__main__
NB_RUN := $(RUN) PYTHONWARNINGS="$(NB_WARNINGS)"

.DEFAULT_GOAL := help

.PHONY: help venv .venv lab app browser test cepat lint imports format unit notebooks bench cetak contoh clean distclean

help:
	@echo "Target make untuk sistemkerja:"
	@echo "  make lab        pasang (bila perlu) lalu buka JupyterLab pada $(LAB_NOTEBOOK)"
	@echo "                  argumen tambahan: make lab LAB_ARGS='--no-browser --port=8899'"
	@echo "  make app        sajikan aplikasi lokakarya ($(APP_NOTEBOOK)) dengan Voila di"
	@echo "                  $(APP_IP):$(APP_PORT) dengan token baru; ke ruangan: make app APP_IP=0.0.0.0"
	@echo "                  buku kerja pelatih: make app APP_SUMBER=latihan.xlsx (docs/lokakarya.md)"
	@echo "  make test       ruff check, ruff format --check, aturan impor, pytest, notebook (nbval)"
	@echo "  make cepat      ruff dan pytest tanpa uji bertanda slow (untuk pengembang, < 3 menit)"
	@echo "  make lint       ruff check dan ruff format --check"
	@echo "  make imports    periksa aturan impor antarlapisan (lint-imports, pyproject.toml)"
	@echo "  make format     rapikan kode dan notebook dengan ruff"
	@echo "  make unit       hanya uji unit (tests/)"
	@echo "  make browser    hanya uji peramban (tests/browser, Voila + Chromium Debian)"
	@echo "  make notebooks  hanya notebook di $(NOTEBOOKS)/ (nbval)"
	@echo "  make contoh     tulis (timpa) buku kerja contoh di data/contoh/"
	@echo "  make bench      ukur: baca/tulis rencana (benchmarks/run.py), setelan bawaan pengoptimal (benchmarks/pengoptimal.py), pembanding (benchmarks/optimasi.py, benchmarks/kesulitan.py),"
	@echo "                  suite widget: suntingan sel (benchmarks/ui_sunting.py), Optimasi sampai MPH (benchmarks/ui_mph.py), lokakarya 10 peserta (benchmarks/lokakarya.py)"
	@echo "                  dokumen resmi MPH/SKP/ABK (benchmarks/dokumen.py), sapuan skenario (benchmarks/sapuan.py),"
	@echo "                  kementerian 200 unit (benchmarks/kementerian.py, ~40 menit)"
	@echo "  make cetak      lihat dokumen seperti dicetak: xlsx/HTML -> PDF -> gambar halaman di artefak/cetak/"
	@echo "                  (perlu paket Debian libreoffice-calc-nogui, poppler-utils, chromium; tidak dipakai CI)"
	@echo "  make venv       buat/perbarui lingkungan $(VENV) saja"
	@echo "  make clean      hapus cache dan hasil build (tidak menghapus $(VENV))"
	@echo "  make distclean  seperti clean, ditambah menghapus $(VENV)"
	@echo "Python yang dipakai: PYTHON=$(PYTHON) (ubah dengan: make PYTHON=python3.12 ...)"

# ---- lingkungan ---------------------------------------------------------------------
venv .venv: $(STAMP)

# Membuat venv hanya bila belum ada; memeriksa versi Python lebih dulu.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
		echo "GALAT: '$(PYTHON)' tidak ditemukan. Pasang Python 3.11 atau lebih baru," >&2; \
		echo "       atau tunjuk interpreter lain: make PYTHON=/jalur/ke/python3.12 ..." >&2; \
		exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "GALAT: sistemkerja memerlukan Python 3.11 atau lebih baru;" >&2; \
		echo "       '$(PYTHON)' adalah versi $$($(PYTHON) -c 'import platform; print(platform.python_version())')." >&2; \
		echo "       Pasang Python yang lebih baru lalu jalankan: make PYTHON=python3.11 ..." >&2; \
		exit 1; }
	@echo "Membuat $(VENV) dengan $$($(PYTHON) -c 'import sys; print(sys.executable, sys.version.split()[0])')"
	@$(PYTHON) -m venv $(VENV) || { \
		echo "GALAT: gagal membuat $(VENV). Di Debian/Ubuntu pasang dulu paket python3-venv." >&2; \
		rm -rf $(VENV); exit 1; }

# Memasang ulang hanya bila pyproject.toml berubah (atau venv baru dibuat).
$(STAMP): pyproject.toml | $(BIN)/python
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "GALAT: $(VENV) memakai Python lama ($$($(BIN)/python -c 'import platform; print(platform.python_version())'));" >&2; \
		echo "       hapus dengan 'make distclean' lalu ulangi." >&2; \
		exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[notebook,dev]"
	@touch $@

# ---- menjalankan ---------------------------------------------------------------------
lab: $(STAMP)
	$(RUN) exec $(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(LAB_NOTEBOOK) $(ALLOW_ROOT) $(LAB_ARGS)

# Voila menyajikan satu notebook, kode disembunyikan (bawaan Voila), satu kernel per tab.
# Lingkungan proses Voila diwariskan ke setiap kernel: folder lokakarya dan sumber lewat
# SISTEMKERJA_LOKAKARYA(_SUMBER); nama peserta boleh dibawa tautan (?peserta=Nama).
# Voila (bukan Jupyter Server) tidak menolak root, jadi tidak perlu --allow-root.
app: $(STAMP)
	@test -f "$(APP_NOTEBOOK)" || { echo "GALAT: notebook aplikasi $(APP_NOTEBOOK) belum ada." >&2; exit 1; }
	@mkdir -p "$(APP_FOLDER)"
	@token="$(APP_TOKEN)"; \
	[ -n "$$token" ] || token="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(24))')"; \
	host="$(APP_IP)"; \
	if [ "$$host" = 0.0.0.0 ]; then \
		host="$$(hostname -I 2>/dev/null | cut -d' ' -f1)"; host="$${host:-$$(hostname)}"; fi; \
	echo "Aplikasi lokakarya:  http://$$host:$(APP_PORT)/?token=$$token"; \
	echo "Tautan per peserta:  http://$$host:$(APP_PORT)/?token=$$token&peserta=NAMA"; \
	echo "Salinan peserta di:  $(APP_FOLDER)"; \
	echo "Hentikan dengan Ctrl+C."; \
	export $(RUN) SISTEMKERJA_LOKAKARYA="$(abspath $(APP_FOLDER))" \
		SISTEMKERJA_LOKAKARYA_SUMBER="$(if $(APP_SUMBER),$(abspath $(APP_SUMBER)))"; \
	exec $(BIN)/voila "$(APP_NOTEBOOK)" --no-browser --Voila.ip=$(APP_IP) --port=$(APP_PORT) \
		--Voila.port_retries=0 --token="$$token" \
		--MappingKernelManager.cull_idle_timeout=$(APP_CULL) \
		--MappingKernelManager.cull_interval=60 $(APP_ARGS)

contoh: $(STAMP)
	$(RUN) $(BIN)/sistemkerja contoh data/contoh --timpa

cetak: $(STAMP)
	$(RUN) $(BIN)/python tools/cetak.py

bench: $(STAMP)
	@test -f benchmarks/run.py || { echo "GALAT: benchmarks/run.py belum ada." >&2; exit 1; }
	$(RUN) $(BIN)/python benchmarks/run.py
	$(RUN) $(BIN)/python benchmarks/pengoptimal.py
	$(RUN) $(BIN)/python benchmarks/optimasi.py
	$(RUN) $(BIN)/python benchmarks/kesulitan.py
	$(RUN) $(BIN)/python benchmarks/ui_sunting.py
	$(RUN) $(BIN)/python benchmarks/ui_mph.py
	$(RUN) $(BIN)/python benchmarks/lokakarya.py
	$(RUN) $(BIN)/python benchmarks/dokumen.py
	$(RUN) $(BIN)/python benchmarks/sapuan.py
	$(RUN) $(BIN)/python benchmarks/kementerian.py

# ---- pemeriksaan ----------------------------------------------------------------------
lint: $(STAMP)
	$(RUN) $(BIN)/ruff check .
	$(RUN) $(BIN)/ruff format --check .

imports: $(STAMP)
	$(RUN) $(BIN)/lint-imports

cepat: $(STAMP)
	$(RUN) $(BIN)/ruff check .
	$(RUN) $(BIN)/ruff format --check .
	$(RUN) $(BIN)/pytest -m "not slow" $(PYTEST_ARGS)

format: $(STAMP)
	$(RUN) $(BIN)/ruff check --fix .
	$(RUN) $(BIN)/ruff format .

unit: $(STAMP)
	$(RUN) $(BIN)/pytest $(PYTEST_ARGS)

browser: $(STAMP)
	$(RUN) $(BIN)/pytest -m browser $(PYTEST_ARGS) tests/browser

notebooks: $(STAMP)
	$(NB_RUN) $(BIN)/pytest $(NBVAL_ARGS) $(PYTEST_ARGS) $(NOTEBOOKS)/

# Menjalankan keempat langkah walau ada yang gagal, lalu gagal bila salah satunya gagal.
test: $(STAMP)
	@failed=""; \
	step() { name="$$1"; shift; echo; echo "=== $$name: $$*"; \
		"$$@" || failed="$$failed\n  - $$name"; }; \
	export $(RUN); \
	step "ruff check" $(BIN)/ruff check .; \
	step "ruff format" $(BIN)/ruff format --check .; \
	step "aturan impor" $(BIN)/lint-imports; \
	step "pytest" $(BIN)/pytest $(PYTEST_ARGS); \
	step "notebook" env PYTHONWARNINGS="$(NB_WARNINGS)" \
		$(BIN)/pytest $(NBVAL_ARGS) $(PYTEST_ARGS) $(NOTEBOOKS)/; \
	echo; \
	if [ -n "$$failed" ]; then printf "make test GAGAL pada:$$failed\n" >&2; exit 1; fi; \
	echo "make test: semua pemeriksaan lulus."

# ---- bersih-bersih ---------------------------------------------------------------------
clean:
	rm -rf build dist .pytest_cache .ruff_cache .hypothesis *.egg-info
	find . -path ./$(VENV) -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) \
		-exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
