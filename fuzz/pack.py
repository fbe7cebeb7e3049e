#!/usr/bin/env python3
"""Packs a fuzz corpus directory into fuzz/regressions/<target>.bin for the native tests.

Usage, after a campaign (the merge keeps one input per covered edge, a few thousand):

    mkdir -p /tmp/edge/align
    RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O align /tmp/edge/align corpus/align -- \\
        -merge=1 -use_counters=0 -max_len=384
    python3 pack.py align /tmp/edge/align

Format: for each input, in file-name order, its length as 4 bytes little-endian, then its
bytes. tests/fuzz_regressions.rs reads it back.
"""
import pathlib
import struct
import sys

target, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
out = pathlib.Path(__file__).parent / "regressions" / f"{target}.bin"
out.parent.mkdir(exist_ok=True)
with out.open("wb") as f:
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    for p in files:
        data = p.read_bytes()
        f.write(struct.pack("<I", len(data)))
        f.write(data)
print(f"{out}: {len(files)} inputs")
