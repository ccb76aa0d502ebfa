# whosaid — build, serve, package and test.
#
#   make serve     install what is missing, build the wasm, serve the page on
#                  http://127.0.0.1:8080/ (PORT=… overrides)
#   make test      every test suite (see TEST_SUITES below); non-zero on any failure
#   make wasm      pkg/whosaid.js + pkg/whosaid_bg.wasm (wasm-bindgen --target web, wasm-opt -Oz)
#   make package   whosaid-<version>.tgz at the repository root (npm pack)
#   make dist      dist/whosaid.html, one self-contained file
#   make deps      the wasm32 target, the wasm-bindgen CLI pinned by Cargo.lock, npm dev packages
#
# Adding a test suite from mk/*.mk: define a target `test-NAME` and append
# `TEST_EXTRA += NAME`; `make test` runs it after the built-in suites, with the
# same "=== suite NAME ===" markers that .ci/run uses to count results.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# A recipe that fails half-way (wasm-bindgen done, wasm-opt failed) must not
# leave a fresh-looking target behind that the next `make` would trust.
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
VERSION := $(shell awk -F'"' '/^version = / {print $$2; exit}' Cargo.toml)

WASM_RAW := target/$(WASM_TARGET)/release/whosaid.wasm
PKG_JS := pkg/whosaid.js
PKG_WASM := pkg/whosaid_bg.wasm
NPM_STAMP := node_modules/.package-lock.json
PACKAGE_TGZ := whosaid-$(VERSION).tgz
PACKAGE_STAGE := target/npm-package

# The release profile strips everything, which also drops the wasm
# `target_features` section that wasm-bindgen and wasm-opt read; for the wasm
# build strip debug info only. wasm-opt then drops names and producers. The
# wasm is built for size (opt-level z: 190 KB gzipped against 206 KB with s,
# 2026-11-25), with LLVM's inline threshold raised from z's 5 to 50 for the
# wasm target only: on 2026-12-01 that made `annotate` ~1.2x faster in Node
# (`node scripts/bench-peers.mjs`: 55-60x compromise against 46-49x) for
# 6 KB gzipped (209 -> 215 KB); 25 gave 51-55x for 1 KB. The native CLI keeps
# opt-level 3 for speed.
WASM_CARGO_ENV := CARGO_PROFILE_RELEASE_STRIP=debuginfo CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Cllvm-args=-inline-threshold=50
# What rustc 1.95 enables for wasm32-unknown-unknown (wasm-opt --print-features).
WASM_FEATURES := --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --enable-call-indirect-overlong

# The wasm test binaries run by `make test-wasm`; mk/*.mk may append.
WASM_TESTS ?= wasm_browser wasm_node

TEST_EXTRA ?=
TEST_SUITES = fmt clippy clippy-wasm native wasm e2e package $(TEST_EXTRA)

.PHONY: help deps deps-rust deps-npm wasm serve package dist test \
  test-lint test-fmt test-clippy test-clippy-wasm test-native test-wasm test-e2e test-package clean

help:
	@sed -n '2,14p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- deps
deps: deps-rust deps-npm

deps-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes a few minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

deps-npm: $(NPM_STAMP)

# npm ci rewrites node_modules/.package-lock.json, so it is the stamp.
$(NPM_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

# ---------------------------------------------------------------- build
wasm: deps
	$(WASM_CARGO_ENV) cargo rustc --release --target $(WASM_TARGET) --lib --no-default-features --crate-type cdylib
	@$(MAKE) --no-print-directory $(PKG_WASM)

$(PKG_WASM): $(WASM_RAW) Cargo.lock
	wasm-bindgen --target web --out-dir pkg --out-name whosaid $(WASM_RAW)
	node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $(WASM_FEATURES) $@ -o $@.opt
	mv $@.opt $@
	@echo "$@: $$(wc -c < $@) bytes, $$(gzip -9c $@ | wc -c) gzipped"

serve: wasm
	@echo "whosaid: http://127.0.0.1:$${PORT:-8080}/"
	python3 -m http.server $${PORT:-8080} --bind 127.0.0.1

dist: wasm
	node scripts/build-dist.mjs

# The npm package: wasm-bindgen's JS loader and the optimised wasm from pkg/,
# plus the hand-written files in www/npm/ (entry points, types, README, LICENSE).
package: wasm
	rm -rf $(PACKAGE_STAGE) && mkdir -p $(PACKAGE_STAGE)
	cp $(PKG_JS) $(PKG_WASM) $(PACKAGE_STAGE)/
	cp -R www/npm/. $(PACKAGE_STAGE)/
	cp LICENSE $(PACKAGE_STAGE)/LICENSE
	node scripts/check-package-version.mjs $(PACKAGE_STAGE)/package.json $(VERSION)
	rm -f $(PACKAGE_TGZ)
	npm pack ./$(PACKAGE_STAGE) --pack-destination . --silent
	@ls -l $(PACKAGE_TGZ)

# ---------------------------------------------------------------- tests
# Runs every suite even when one fails, then fails if any did.
test: deps
	@failed=""; \
	for s in $(TEST_SUITES); do \
	  echo "=== suite $$s ==="; \
	  if $(MAKE) --no-print-directory test-$$s; then echo "=== suite $$s: ok ==="; \
	  else echo "=== suite $$s: FAILED ==="; failed="$$failed $$s"; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: failed suites:$$failed"; exit 1; fi; \
	echo "make test: all suites passed ($(TEST_SUITES))"

test-lint: test-fmt test-clippy test-clippy-wasm

test-fmt:
	cargo fmt --all --check

test-clippy:
	cargo clippy --all-targets -- -D warnings

test-clippy-wasm: deps-rust
	cargo clippy --target $(WASM_TARGET) --no-default-features --lib --tests -- -D warnings

test-native:
	cargo test --no-fail-fast

test-wasm: deps
	cargo test --no-fail-fast --target $(WASM_TARGET) --no-default-features $(addprefix --test ,$(WASM_TESTS))

test-e2e: wasm dist
	npx playwright test

test-package: package
	node --test --test-reporter=tap tests/package/package.test.mjs tests/package/browser.test.mjs

clean:
	rm -rf pkg dist $(PACKAGE_STAGE) whosaid-*.tgz test-results playwright-report

-include mk/*.mk
