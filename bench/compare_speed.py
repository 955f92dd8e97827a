"""`make bench-compare`: time and peak RSS of `claimx compare --json --all` over the records
of the 792-article corpus and of the corpus x10 (the records copied ten times, each copy's
document ids renamed, so that ten times the figures meet in the linking).

    python bench/compare_speed.py RECORDS.jsonl      # records from `claimx extract ../shared/corpus/fakes`

Targets (issue 11): under 10 s at 1x; x10 in at most 11x the time of 1x.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def times(records: Path, n: int, out: Path) -> Path:
    if n == 1:
        return records
    path = out / f"records-x{n}.jsonl"
    with open(records, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        lines = [json.loads(line) for line in src if line.strip()]
        for k in range(n):
            for r in lines:
                dst.write(json.dumps({**r, "doc": f"{r['doc']}#{k}"}, ensure_ascii=False) + "\n")
    return path


def run(records: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one compare run, in a process of its own."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    claimx = Path(sys.executable).parent / "claimx"
    out = subprocess.run([sys.executable, "-c", probe, str(claimx), "compare", str(records), "--json", "--all"],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in (1, 10):
            path = times(a.records, n, Path(tmp))
            lines = path.read_text(encoding="utf-8").count("\n")
            seconds, rss = min(run(path) for _ in range(2))
            rows.append((n, lines, seconds, rss))
            print(f"compare x{n:<3} {lines:>8} records  {seconds:6.2f} s  peak RSS {rss:6.0f} MB")
    print(f"x10 / x1 time: {rows[1][2] / rows[0][2]:.1f}x (target <= 11x); x1 {rows[0][2]:.2f} s (target < 10 s)")


if __name__ == "__main__":
    main()
