#!/usr/bin/env bash
# Size budget of the shipped wasm (issue 7): gzips pkg/whosaid_bg.wasm (what
# `make wasm` leaves: wasm-bindgen --target web, then wasm-opt -Oz) and fails when
# it is larger than the budget. Prints the size either way.
#
#   scripts/size-check.sh [WASM]          check (default pkg/whosaid_bg.wasm)
#   scripts/size-check.sh --report [RAW]  also list the biggest contributors
#
# The budget is the size measured when it was set plus 10% (issue 7):
#   2026-11-25 10:30: 178,473 bytes gzipped (gzip -9)
#   2026-11-25 11:30: 206,456 bytes gzipped (the page's wasm view joined the
#   build); +10% -> budget 227,100 bytes.
#   2026-11-25 11:45: 189,969 bytes gzipped once the wasm was built with
#   opt-level z (the native CLI keeps opt-level 3); budget unchanged.
#   2026-12-02: 234,042 bytes gzipped (217 KB before): speaker resolution's
#   indexes for texts where many entities share a name (coref.rs, ~1,200
#   lines; the shared-given-name input went from ~130x to 2-4x a news
#   megabyte, in the page too). Budget raised to 240,000 for that, not +10%:
#   slimming that code should win the growth back.
#   2026-12-02 (later): 241,493 bytes gzipped after the per-core speed work
#   (235,310 before it): the reported-speech and mention finders gained
#   out-of-line rule bodies and word-table-passing variants (at_cue,
#   classify_with, np_before_with, words_in), speaker resolution a small
#   index for its last resort (find_name_indexed, fit_fuzzily_near), for
#   1.12-1.19x the native engine's speed on PolNeAR train and 1.08x the
#   wasm's in Node. Budget raised to 245,000 for that, not +10%.
#   2026-12-03: 245,124 bytes gzipped (242,554 before): the accuracy rules
#   of that morning (headline verbs that end a name, nouns read as cues,
#   coordinated and sentence-closing quotes that end a reported clause,
#   mixed quotes with the comma inside the mark or a word outside them),
#   which raised PolNeAR dev end-to-end F1 from 0.7006 to 0.7088 and train
#   from 0.6537 to 0.6629. Budget raised to 250,000 for that, not +10%.
#   2026-12-03 (later): 230,825 bytes gzipped once the wasm was built as a
#   cdylib alone (`cargo rustc --crate-type cdylib`; rustc built it beside
#   an rlib before, 245,079). Budget lowered to 240,000 to keep that gain.
#   2026-12-04: 239,985 bytes gzipped (236,610 before): the day's accuracy
#   rules (appositions naming where a person is from, opening phrases before
#   a subject, chained infinitives, sentence-opening gerunds, `reportedly`,
#   thirteen cue verbs), which raised PolNeAR dev end-to-end F1 from 0.7147
#   to 0.7201 and train from 0.6706 to 0.6759, left 15 bytes. Budget raised to 245,000 for that, not
#   +10%; the speaker-resolution change of that day (+1.7 KB for a few lines)
#   is where to look for the bytes back.
# Raise it only deliberately, in its own commit that says why the wasm grew.
# Issue 6's ceiling is 200 KB gzipped: above it the check warns but passes, so
# the budget catches growth while the ceiling stays visible.
# WHOSAID_WASM_BUDGET overrides the budget for one run.
#
# The report needs names, which wasm-opt strips: it reads the raw rustc output
# (target/wasm32-unknown-unknown/release/whosaid.wasm, built by `make wasm` with
# debuginfo stripped but the name section kept) with twiggy when installed
# (`cargo install twiggy`), else with wasm-opt --func-metrics from npm binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET=${WHOSAID_WASM_BUDGET:-245000}
CEILING=200000
report=0
if [[ ${1:-} == --report ]]; then
  report=1
  shift
fi
wasm=pkg/whosaid_bg.wasm
[[ $report == 0 && -n ${1:-} ]] && wasm=$1
raw=${1:-target/wasm32-unknown-unknown/release/whosaid.wasm}
[[ $report == 0 ]] && raw=target/wasm32-unknown-unknown/release/whosaid.wasm

if [[ ! -f $wasm ]]; then
  echo "size-check: $wasm missing; run \`make wasm\` first" >&2
  exit 2
fi

raw_bytes=$(wc -c <"$wasm")
gz_bytes=$(gzip -9c "$wasm" | wc -c)
pct=$((gz_bytes * 100 / BUDGET))
echo "size-check: $wasm is $raw_bytes bytes, $gz_bytes gzipped (budget $BUDGET, ${pct}% used)"

if [[ $report == 1 ]]; then
  if [[ ! -f $raw ]]; then
    echo "size-check: $raw missing (needed for names); run \`make wasm\`" >&2
  elif command -v twiggy >/dev/null; then
    echo "--- biggest items (twiggy top -n 25, $raw, before wasm-opt) ---"
    twiggy top -n 25 "$raw"
    echo "--- biggest retainers (twiggy dominators -d 3 -r 30) ---"
    twiggy dominators -d 3 -r 30 "$raw"
  elif command -v wasm-opt >/dev/null || [[ -x node_modules/.bin/wasm-opt ]]; then
    opt=$(command -v wasm-opt || echo node_modules/.bin/wasm-opt)
    echo "--- wasm-opt --func-metrics ($raw; twiggy not installed) ---"
    "$opt" --all-features --func-metrics "$raw" -o /dev/null 2>&1 | head -60
  else
    echo "size-check: neither twiggy nor wasm-opt found for the report" >&2
  fi
fi

if ((gz_bytes > CEILING)); then
  echo "size-check: warning: over issue 6's ceiling of $CEILING bytes gzipped by $((gz_bytes - CEILING))"
fi
if ((gz_bytes > BUDGET)); then
  echo "size-check: FAILED: $gz_bytes bytes gzipped > budget $BUDGET (+$((gz_bytes - BUDGET)))" >&2
  exit 1
fi
echo "size-check: ok"
