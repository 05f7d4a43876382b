# Comanda: `make run` starts everything on the embedded default, `make test` runs the whole suite.
# Both install what is missing first (Debian packages, the .venv and the project in it).

SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
PIP   := $(VENV)/bin/pip
PYTHON ?= python3
# libtesseract-dev, libleptonica-dev, pkg-config and g++: tesserocr built from source against Debian's
# Tesseract, so the OCR kept loaded reads exactly what the `tesseract` command reads
APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-osd fonts-dejavu-core dovecot-imapd chromium openssl \
	libtesseract-dev libleptonica-dev pkg-config g++
STAMP := $(VENV)/.installed

export OMP_THREAD_LIMIT ?= 1

.PHONY: install system run test lint unit fuzz mutate bench demo clean

install: system $(STAMP)

system:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	# never tesserocr's wheel: it carries a Tesseract of its own, which reads differently from Debian's
	$(PIP) install -q --no-binary tesserocr 'tesserocr>=2.7'
	touch $(STAMP)

run: install
	$(VENV)/bin/oms db seed --if-empty
	$(VENV)/bin/oms run

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

unit: install
	$(VENV)/bin/pytest -q tests/unit

# the whole suite on both cores (pytest-xdist): each test file goes whole to one worker, and the files that
# use the shared Redis/RabbitMQ run one after another on one of them (tests/conftest.py); TEST_JOBS=1 for
# one worker; the slowest tests are listed at the end
TEST_JOBS ?= 2
test: install lint
	$(VENV)/bin/pytest -q -n $(TEST_JOBS) --durations=25

# the fuzzing suite at length: thousands of fresh examples per property (`make test` runs a bounded,
# reproducible share); what fails is kept in .hypothesis/ and tried first next time
fuzz: install
	HYPOTHESIS_PROFILE=long $(VENV)/bin/pytest -q tests/fuzz

# mutation testing (never part of `make test`; long: an hour or more on 2 cores): small bugs planted in the
# domain rules, validation/ and the duplicate, review-lock and intake services ([tool.mutmut] in
# pyproject.toml says which files and which tests); prints how many were caught (killed) and which survived
mutate: install
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children $${MUTATE_JOBS:-2} $(MUTANTS) || true
	@$(PY) -m tests.mutation_score

bench: install
	$(PY) -m bench

demo: install
	$(VENV)/bin/oms demo

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
