#!/usr/bin/env bash
# Builds the wasm package and serves www/ (the page, with the five sample reports) on
# 127.0.0.1. Installs whatever is missing first. PORT picks the port (default 8000).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_wasm
port=${PORT:-8000}
say "Parallax is at http://127.0.0.1:$port/  (Ctrl-C stops it)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$ROOT/www"
