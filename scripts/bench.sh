#!/usr/bin/env bash
# Runs every benchmark and prints the figures (nothing is asserted): quality against the
# labelled clusters, quotes, MRPC, native speed, then the browser benchmark (Parallax
# against jsdiff and diff-match-patch, scaling, page load) and sizes. Installs what is
# missing first, like the two README commands. Needs ../shared beside the checkout.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_browsers
ensure_node_modules
build_wasm
say "alignment quality"; cargo bench --features internals --bench quality
say "quotes"; cargo bench --bench quotes
say "discrepancies"; cargo bench --bench discrepancies
say "MRPC"; cargo bench --bench mrpc
say "native speed"; cargo bench --bench speed
say "batch: 1,000 stories, one thread and all cores"; cargo bench --features cli --bench batch
say "native speed per stage"; cargo bench --features internals --bench stages
say "browser benchmark and sizes"; node bench/run.mjs
