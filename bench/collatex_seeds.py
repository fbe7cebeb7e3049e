"""Times CollateX (the scholarly collation tool) on the five seeds, for the ratio in
BENCHMARKS.md. Run through bench/collatex.sh, which makes a throwaway virtual environment.
Prints wall time and peak memory (resident set size)."""

import pathlib
import resource
import sys
import time

from collatex import Collation, collate

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "www/data")
collation = Collation()
for path in sorted(data.glob("*.txt")):
    collation.add_plain_witness(path.name[:3], path.read_text(encoding="utf-8"))
started = time.perf_counter()
collate(collation, output="json", segmentation=True)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"CollateX on the seeds: {elapsed:.2f} s wall, peak resident memory {peak:.0f} MiB")
