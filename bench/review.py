"""`make bench`: start-up time of `claimx review` on the records of the 792-article corpus.

Runs the installed console script under a pseudo-terminal of 160x45, as a user does, and
times from launch to the first frame drawn and to the group list on screen (its status line,
"N of M groups shown"), then types q. Inputs: the corpus's records (extracted once with
`--jobs 1`, or --records FILE), the groups `compare --json --all` saves of them, and both
(the records then give the members' spans, dates and places). The median of three runs
each (the machine may be shared), and the best.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLAIMX = str(Path(sys.executable).parent / "claimx")
LISTED = b"groups shown"


def drain(leader: int, proc: subprocess.Popen, deadline: float) -> None:
    """Read the screen until the app exits: a full terminal buffer would block it."""
    while proc.poll() is None and time.perf_counter() < deadline:
        try:
            if select.select([leader], [], [], 0.05)[0]:
                os.read(leader, 1 << 16)
        except OSError:  # the app closed the terminal
            break
    proc.wait(timeout=10)


def start_up(args: list[str], timeout: float = 120) -> tuple[float, float]:
    """(seconds to the first frame, seconds to the group list) of one `claimx review` run."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    with tempfile.TemporaryDirectory() as marks_dir:
        started = time.perf_counter()
        proc = subprocess.Popen([CLAIMX, "review", *args, "--marks", f"{marks_dir}/review.jsonl"], stdin=follower,
                                stdout=follower, stderr=follower, env={**os.environ, "TERM": "xterm-256color"})
        os.close(follower)
        seen, first = b"", None
        try:
            while LISTED not in seen:
                if time.perf_counter() - started > timeout or proc.poll() is not None:
                    sys.exit(f"bench: review did not list groups:\n{seen[-2000:].decode(errors='replace')}")
                if select.select([leader], [], [], 0.05)[0]:
                    seen += os.read(leader, 1 << 16)
                    if first is None and b"\x1b[?1049h" in seen:  # the app took the screen
                        first = time.perf_counter() - started
            listed = time.perf_counter() - started
            os.write(leader, b"q")
            drain(leader, proc, started + timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
            os.close(leader)
    return first or listed, listed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--records", type=Path, help="claimx/1 records of the corpus (default: extract them)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    folder = a.shared / "corpus" / "fakes"
    with tempfile.TemporaryDirectory() as tmp:
        records = a.records
        if records is None:
            if not folder.is_dir():
                sys.exit(f"bench: {folder} not found (pass --shared or --records)")
            records = Path(tmp) / "records.jsonl"
            subprocess.run([CLAIMX, "extract", str(folder), "--jobs", "1", "-o", str(records)], check=True,
                           stderr=subprocess.DEVNULL)
        groups = Path(tmp) / "groups.jsonl"
        with open(groups, "w", encoding="utf-8") as out:
            subprocess.run([CLAIMX, "compare", "--json", "--all", str(records)], stdout=out, check=True,
                           stderr=subprocess.DEVNULL)
        n_records = len(records.read_text(encoding="utf-8").splitlines())
        n_groups = len(groups.read_text(encoding="utf-8").splitlines())
        print("| input | first frame s (median, best) | group list s (median, best) | target |")
        print("|---|---|---|---|")
        for name, paths, size in (("records", [records], f"{n_records:,} records"),
                                  ("saved groups", [groups], f"{n_groups:,} groups"),
                                  ("saved groups and records", [groups, records], "spans, dates and places")):
            runs = [start_up([str(p) for p in paths]) for _ in range(a.repeat)]
            first, listed = ([statistics.median(times), min(times)] for times in zip(*runs, strict=True))
            print(f"| `claimx review` {name} ({size}) | {first[0]:.2f}, {first[1]:.2f} | {listed[0]:.2f}, "
                  f"{listed[1]:.2f} | < 2 |")


if __name__ == "__main__":
    main()
