#!/usr/bin/env bash
# CollateX (PyPI `collatex`) on the five seeds, in a throwaway virtual environment.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
# CollateX imports python-Levenshtein without declaring it.
"$venv/bin/pip" install --quiet collatex==2.3 python-Levenshtein
"$venv/bin/python" bench/collatex_seeds.py www/data
