#!/usr/bin/env bash
# Runs every test of Parallax: formatting and lints, the native engine tests, the wasm
# API in headless Chromium and Firefox, the package's TypeScript definitions, the page end
# to end in headless Chromium, and the same result's JSON compared byte for byte
# natively, in Chromium and in Firefox.
# Installs whatever is missing first (see scripts/lib.sh), so it works on a fresh machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

timings=()
step() {
  local name=$1 started=$SECONDS
  shift
  say "$name"
  "$@"
  timings+=("$(printf '%5ss  %s' $((SECONDS - started)) "$name")")
}

ensure_rust_components() {
  cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1 && return
  say "adding the Rust components rustfmt and clippy"
  rustup component add rustfmt clippy
}

step "set-up: Rust, wasm tools, browsers, npm packages" \
  bash -c "source scripts/lib.sh; ensure_wasm_tools; ensure_browsers; ensure_node_modules"
ensure_rust_components
step "cargo fmt --check" cargo fmt --check
step "clippy, native" cargo clippy --all-targets --features cli,internals -- -D warnings
step "clippy, wasm32" cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests" cargo test --features cli
# The runner gives the whole wasm test run 20 s unless told otherwise, and the debug build of
# the bad-input table alone takes most of that on two cores: a limit, not a measurement.
export WASM_BINDGEN_TEST_TIMEOUT=300
# The runner picks Firefox when both driver variables are set: pass one driver at a time.
step "wasm API tests, headless Chromium" env -u CHROMEDRIVER -u GECKODRIVER \
  wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)"
step "wasm API tests, headless Firefox" env -u CHROMEDRIVER -u GECKODRIVER \
  wasm-pack test --mode no-install --headless --firefox --geckodriver "$(command -v geckodriver)"
step "build the page's wasm package" build_wasm
# The package's TypeScript definitions against a use of every field and against the
# package's own result on the sample reports (tests/types/).
step "TypeScript definitions of the package, tsc --noEmit" bash -c \
  "node tests/types/real-result.mjs && node_modules/.bin/tsc --noEmit -p tests/types"
# The npm package, packed as `npm pack` makes it; tests/e2e/package.test.mjs installs it.
step "pack the npm package (target/npm/)" node scripts/pack.mjs
step "page end-to-end tests, headless Chromium (and Firefox for determinism)" node --test --test-concurrency=1 tests/e2e/
# A short fuzz run of each target: its seeds (fuzz/seeds, kept in the repository) are
# replayed, then ten seconds of new inputs of up to 8 KB. An input that takes more than
# ten seconds is a finding (libFuzzer's -timeout), as a crash is: the work budget must
# hold. The long runs' figures are in BENCHMARKS.md; crashes they found are replayed by
# tests/fuzz_regressions.rs.
fuzz_smoke() {
  ensure_cargo_tool cargo-fuzz cargo-fuzz
  local target log status
  log=$(mktemp)
  for target in prepare align quotes; do
    status=0
    mkdir -p "fuzz/corpus/$target"
    (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -s none -O "corpus/$target" "seeds/$target" -- \
      -max_total_time=10 -max_len=8192 -timeout=10 -print_final_stats=1) >"$log" 2>&1 || status=$?
    grep -E '^(Done|stat::number_of_executed_units)' "$log" | sed "s/^/$target: /"
    if [[ $status -ne 0 ]]; then
      tail -n 40 "$log"
      return 1
    fi
  done
}
step "fuzz smoke run" fuzz_smoke

say "every test passed"
printf '%s\n' "${timings[@]}" >&2
