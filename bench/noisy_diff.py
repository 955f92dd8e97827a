"""The claims the comma-stripped copy gets wrong and the clean text gets right, per document:
what to read when the noisy check's gap (noisy.py) is too wide.

    python bench/noisy_diff.py polnear-dev a            # fold a's stripped-only errors
    python bench/noisy_diff.py polnear-dev a --keep /tmp/nd   # also keep both extractions

Matching is score.py's: gold and predicted contents pair one to one by character Jaccard
(>= 0.5), a pair is right when the speaker is too. Listed: gold claims right on the clean text
and not on the stripped one (`lost`, with what the stripped copy predicted there), and
predictions on the stripped copy that match no gold claim and no prediction on the clean text
(`new false positive`)."""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import tempfile
from pathlib import Path

from folds import FOLDS, extract, fold_of, read_jsonl
from noisy import Stripped, moved, strip_set

HERE = Path(__file__).resolve().parent


def load_score(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(score, gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """score.py's one-to-one matching: gold index -> prediction index."""
    cands = [(score.jacc(a, b), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
             if (a := score.span(g.get("content"))) and (b := score.span(p.get("content")))
             and score.jacc(a, b) >= 0.5]
    matched, used = {}, set()
    for _, i, j in sorted(cands, reverse=True):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def right(score, gold: list[dict], pred: list[dict]) -> dict[int, bool]:
    """Gold index -> whether its match is right with the speaker (unmatched: absent)."""
    return {i: score.speaker_ok(pred[j], gold[i], None) is not False for i, j in pairs(score, gold, pred).items()}


def show(claim: dict | None) -> str:
    if not claim:
        return "-"
    speaker = (claim.get("speaker") or {}).get("text")
    cue = (claim.get("cue") or {}).get("text")
    return f"[{speaker}] <{cue}> {(claim.get('content') or {}).get('text', '')[:160]!r}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", help="an evaluation set in ../shared/eval (seeds, polnear-dev)")
    ap.add_argument("fold", choices=(*FOLDS, "whole"))
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--keep", type=Path, help="a folder to keep both extractions in (reused when present: "
                                                     "delete stripped.jsonl to extract the stripped copy again)")
    a = ap.parse_args()
    score = load_score(a.shared)
    set_dir = a.shared / "eval" / a.set
    work = a.keep or Path(tempfile.mkdtemp(prefix="claimx-noisy-diff-"))
    if not (work / "set").is_dir():
        strip_set(set_dir, work / "set")
    for name, docs in (("clean", set_dir / "docs"), ("stripped", work / "set" / "docs")):
        if not (work / f"{name}.jsonl").is_file():  # delete one to extract it again
            extract(docs, work / f"{name}.jsonl")
    by_doc = {}
    for name, path in (("clean", work / "clean.jsonl"), ("stripped", work / "stripped.jsonl"),
                       ("gold", set_dir / "gold.jsonl")):
        for r in read_jsonl(path):
            if r.get("kind") == "claim":
                by_doc.setdefault(r["doc"], {}).setdefault(name, []).append(r)
    lost = new_fp = 0
    for doc in sorted(by_doc):
        if a.fold != "whole" and fold_of(doc) != a.fold:
            continue
        text = Stripped((set_dir / "docs" / doc).read_text(encoding="utf-8"))
        gold_clean = by_doc[doc].get("gold", [])
        gold_stripped = [moved(g, text) for g in gold_clean]
        clean = by_doc[doc].get("clean", [])
        clean_moved = [moved(p, text) for p in clean]
        noisy = by_doc[doc].get("stripped", [])
        ok_clean, ok_noisy = right(score, gold_clean, clean), right(score, gold_stripped, noisy)
        matched_noisy = pairs(score, gold_stripped, noisy)
        lines = []
        for i, g in enumerate(gold_stripped):
            if ok_clean.get(i) and not ok_noisy.get(i):
                j = matched_noisy.get(i)
                lines.append(f"  lost  gold {show(g)}\n        got  {show(noisy[j] if j is not None else None)}")
                lost += 1
        taken = set(matched_noisy.values())
        also_clean = set(pairs(score, noisy, clean_moved))  # stripped predictions the clean run made too
        for j, p in enumerate(noisy):
            if j not in taken and j not in also_clean:
                lines.append(f"  new false positive {show(p)}")
                new_fp += 1
        if lines:
            print(f"== {doc}")
            print("\n".join(lines))
    print(f"\n{lost} gold claims lost, {new_fp} new false positives (fold {a.fold})")
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
