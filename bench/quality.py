"""`make quality`: extract every evaluation set in ../shared/eval, score it with score.py on
each fold (two halves by document, see folds.py) and on the whole set, and run the noisy-text
check (noisy.py) on the seeds and polnear-dev.

Prints a table of the figures the issues set targets for; --json prints score.py's results."""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import noisy
from folds import FOLDS, extract, score_folds

HERE = Path(__file__).resolve().parent
PARTS = (*FOLDS, "whole")

# set -> (measure, target, how to read it from score.py's result)
MEASURES = {
    "seeds": [
        ("bad offsets", "0", lambda r: r["bad_offsets"]),
        ("claim content F1", "", lambda r: r["claim"]["content"]["f1"]),
        ("claim content+speaker F1", ">= 0.95", lambda r: r["claim"]["content+speaker"]["f1"]),
        ("casualty value+outcome F1", ">= 0.90", lambda r: r["casualty"]["value+outcome"]["f1"]),
        ("casualty full recall (with source)", ">= 0.80", lambda r: r["casualty"]["recall_full(incl. source)"]),
        ("strike event F1", ">= 0.93", lambda r: r["strike"]["events"]["f1"]),
        ("strike target F1", ">= 0.90", lambda r: r["strike"]["targets"]["f1"]),
    ],
    "polnear-dev": [
        ("bad offsets", "0", lambda r: r["bad_offsets"]),
        ("claim content F1", ">= 0.78", lambda r: r["claim"]["content"]["f1"]),
        ("claim content+speaker F1", ">= 0.74", lambda r: r["claim"]["content+speaker"]["f1"]),
    ],
    "fakes-dev": [
        ("bad offsets", "0", lambda r: r["bad_offsets"]),
        ("casualty value+outcome recall", ">= 0.90", lambda r: r["casualty"]["value+outcome"]["recall"]),
        ("casualty recall with category", ">= 0.85", lambda r: r["casualty"]["recall_value+outcome+category"]),
        ("casualty precision (lower bound)", "", lambda r: r["casualty"]["value+outcome"]["precision"]),
    ],
    "m2e2-dev": [
        ("bad offsets", "0", lambda r: r["bad_offsets"]),
        ("strike event F1", ">= 0.75", lambda r: r["strike"]["events"]["f1"]),
        ("strike event precision", "", lambda r: r["strike"]["events"]["precision"]),
        ("strike target F1", ">= 0.60", lambda r: r["strike"]["targets"]["f1"]),
    ],
}
NOISY_MEASURES = [
    ("claim content+speaker F1, stripped", "", lambda r: r["stripped"]),
    ("  gap to clean", "<= 0.05", lambda r: r["gap"]),
    ("  bad offsets, stripped", "0", lambda r: r["bad_offsets"]),
]


def cell(value) -> str:
    return "-" if value is None else str(value) if isinstance(value, int) else f"{value:.3f}"


def table(results: dict, noisy_results: dict) -> str:
    head = f"{'set':<18} {'measure':<36} {'target':<8}" + "".join(f" {p:>7}" for p in ("fold a", "fold b", "whole"))
    lines = [head, "-" * len(head)]
    for name, measures in MEASURES.items():
        if name not in results:
            continue
        for label, target, read in measures:
            lines.append(f"{name:<18} {label:<36} {target:<8}" + "".join(f" {cell(read(results[name][p])):>7}"
                                                                         for p in PARTS))
    for name, rows in noisy_results.items():
        for label, target, read in NOISY_MEASURES:
            lines.append(f"{'noisy ' + name:<18} {label:<36} {target:<8}" + "".join(f" {cell(read(rows[p])):>7}"
                                                                                   for p in PARTS))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--json", action="store_true", help="score.py's results by set and fold, and the noisy check")
    ap.add_argument("--sets", nargs="+", choices=list(MEASURES), default=list(MEASURES), metavar="SET",
                    help=f"score only these sets (default: all of {', '.join(MEASURES)})")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimx-quality-"))
    results, noisy_results = {}, {}
    for name in a.sets:
        set_dir = a.shared / "eval" / name
        pred = extract(set_dir / "docs", work / f"{name}.jsonl")
        results[name] = score_folds(a.shared, set_dir, pred, work / name)
        if name in noisy.SETS:
            noisy_results[name] = noisy.check(a.shared, name, results[name], work / name / "stripped")
    shutil.rmtree(work)
    print(json.dumps({"sets": results, "noisy": noisy_results}) if a.json else table(results, noisy_results))


if __name__ == "__main__":
    main()
