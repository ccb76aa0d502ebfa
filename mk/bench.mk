# Benchmarks, size budget, hostile input and fuzzing (issue 7). Included by the
# Makefile (`-include mk/*.mk`).
#
#   make bench          criterion benches (short measurement) + ratios + peers
#   make bench-peers    whosaid native and wasm vs compromise, same text, same run
#   make size-check     gzipped pkg/whosaid_bg.wasm against its budget
#   make size-report    the same, plus the biggest contributors (twiggy)
#   make test-size      the size check as a `make test` suite
#   make test-hostile   tests/hostile.rs in release: full sizes (10 MB, a million marks)
#   make fuzz           each cargo-fuzz target for FUZZ_SECONDS (nightly + cargo-fuzz)

.PHONY: bench bench-criterion bench-ratios bench-peers bench-peer-deps size-check size-report \
  test-size test-hostile fuzz fuzz-deps

# Criterion's flags: short, because the machine is small and shared. Override
# e.g. BENCH_ARGS="--measurement-time 10" or BENCH_FILTER=scaling.
BENCH_ARGS ?= --warm-up-time 0.5 --measurement-time 2
BENCH_FILTER ?=
PEER_RUNS ?= 7
COMPROMISE_VERSION := 14.17.0
PEER_DIR := target/bench-peers

bench: bench-criterion bench-ratios bench-peers

# --no-default-features: the core alone, as a program embedding the crate runs
# it (no CLI, the system allocator), and no CLI binary to build.
bench-criterion:
	cargo bench --no-default-features --bench pipeline -- $(BENCH_ARGS) $(if $(BENCH_FILTER),'$(BENCH_FILTER)')

# Ratios from criterion's saved estimates (target/criterion/*/new/estimates.json).
bench-ratios:
	@node scripts/bench-ratios.mjs

# compromise goes into target/bench-peers/ so the repository's package.json and
# lockfile stay as they are (it is not a dependency of the package).
bench-peer-deps:
	@[ -f $(PEER_DIR)/node_modules/compromise/package.json ] || \
	  { mkdir -p $(PEER_DIR) && npm i --prefix $(PEER_DIR) --no-save --no-audit --no-fund compromise@$(COMPROMISE_VERSION); }

bench-peers: bench-peer-deps wasm
	cargo build --release --bin whosaid --example throughput
	node scripts/bench-peers.mjs --runs $(PEER_RUNS)

size-check: wasm
	scripts/size-check.sh

size-report: wasm
	scripts/size-check.sh --report

# A `make test` suite (see TEST_EXTRA in the Makefile).
TEST_EXTRA += size
test-size: size-check

# Also a `make test` suite: the debug suite runs these inputs at 1/64 of their
# size and skips the 10 MB ones. --no-default-features as for bench-criterion.
TEST_EXTRA += hostile
test-hostile:
	cargo test --release --no-default-features --test hostile -- --include-ignored

FUZZ_SECONDS ?= 180
FUZZ_TARGETS := annotate markdown utf16

fuzz-deps:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@rustup toolchain list | grep -q '^nightly' || \
	  { echo "cargo fuzz needs a nightly toolchain (rustup toolchain install nightly)"; exit 2; }

fuzz: fuzz-deps
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t && cp -n benches/data/*.txt fuzz/corpus/$$t/ ; \
	  echo "=== fuzz $$t for $(FUZZ_SECONDS) s ==="; \
	  cargo +nightly fuzz run -O $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 || exit 1; \
	done
