"""Evaluation sets split into two folds by document, extracted with the installed `claimx`
and scored with ../shared/eval/score.py as it is.

A document's fold is fixed by a hash of its file name, so it never moves when rules or sets
change: rules are written looking at one fold and judged on the other.

    python bench/folds.py ../shared/eval/fakes-dev a /tmp/fakes-dev-a

writes fold a of a set as a set of its own (docs, gold.jsonl) to read errors on."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

FOLDS = ("a", "b")


def fold_of(doc: str) -> str:
    """"a" or "b": the low bit of the first byte of sha1(file name)."""
    return FOLDS[hashlib.sha1(doc.encode("utf-8")).digest()[0] & 1]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def extract(docs: Path, pred: Path) -> list[dict]:
    """Run the installed console script on a folder, as a user does."""
    claimx = Path(sys.executable).parent / "claimx"
    subprocess.run([str(claimx), "extract", str(docs), "-o", str(pred)], check=True, stderr=subprocess.DEVNULL)
    return read_jsonl(pred)


def subset(set_dir: Path, keep, dest: Path, pred: list[dict] | None = None) -> tuple[Path, Path | None]:
    """A copy of the set (docs linked, gold and META), and of the predictions if given,
    restricted to the documents `keep(name)` accepts, so that score.py scores that part alone."""
    (dest / "docs").mkdir(parents=True)
    names = {p.name for p in (set_dir / "docs").iterdir() if keep(p.name)}
    for name in names:
        (dest / "docs" / name).symlink_to((set_dir / "docs" / name).resolve())
    write_jsonl(dest / "gold.jsonl", (g for g in read_jsonl(set_dir / "gold.jsonl") if g.get("doc") in names))
    if (set_dir / "META.json").is_file():
        shutil.copy(set_dir / "META.json", dest / "META.json")
    if pred is None:
        return dest, None
    pred_path = dest / "pred.jsonl"
    write_jsonl(pred_path, (r for r in pred if r.get("doc") in names))
    return dest, pred_path


def score(shared: Path, set_dir: Path, pred_path: Path) -> dict:
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(set_dir), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def score_folds(shared: Path, set_dir: Path, pred: list[dict], work: Path) -> dict[str, dict]:
    """score.py's result on fold a, fold b and the whole set."""
    results = {}
    for fold in FOLDS:
        part_dir, part_pred = subset(set_dir, lambda name, f=fold: fold_of(name) == f, work / fold, pred)
        results[fold] = score(shared, part_dir, part_pred)
    whole = work / "whole.jsonl"
    write_jsonl(whole, pred)
    results["whole"] = score(shared, set_dir, whole)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description="Write one fold of an evaluation set as a set of its own.")
    ap.add_argument("set", type=Path, help="an evaluation set folder (docs/, gold.jsonl)")
    ap.add_argument("fold", choices=FOLDS)
    ap.add_argument("dest", type=Path, help="a folder that does not exist yet")
    a = ap.parse_args()
    if a.dest.exists():
        ap.error(f"{a.dest} exists")
    dest, _ = subset(a.set, lambda name: fold_of(name) == a.fold, a.dest)
    print(f"{dest}: {sum(1 for _ in (dest / 'docs').iterdir())} documents of fold {a.fold}", file=sys.stderr)


if __name__ == "__main__":
    main()
