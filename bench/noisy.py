"""The noisy-text check: claims on copies of the seeds and polnear-dev stripped the way every
public copy of FA-KES is, scored against the clean texts.

FA-KES (../shared/corpus/fakes) has no commas (", " became " ", "470,000" became "470000",
`agents," WHO said` became `agents" WHO said`), no apostrophes or single quote marks
("Assads"), straight double quotes only and "-" for dashes. `strip` does the same to a text
and the gold offsets are moved with it, checked span by span (`text == doc[start:end]`).
With --one-line, line breaks become spaces too (FA-KES articles are one line each)."""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from folds import FOLDS, extract, read_jsonl, score_folds, write_jsonl

HERE = Path(__file__).resolve().parent
SETS = ("seeds", "polnear-dev")
DELETED = frozenset(",'’‘")
REPLACED = {"“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
LINE_BREAKS = {"\n": " ", "\r": " "}


class Stripped:
    """A text stripped like FA-KES and the map from its old offsets to the new ones."""

    def __init__(self, text: str, one_line: bool = False):
        replaced = REPLACED | LINE_BREAKS if one_line else REPLACED
        kept, self.new_offset = [], []
        for ch in text:
            self.new_offset.append(len(kept))
            if ch not in DELETED:
                kept.append(replaced.get(ch, ch))
        self.new_offset.append(len(kept))
        self.text = "".join(kept)
        self._one_line = one_line

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.new_offset[start], self.new_offset[end]

    def same(self, old: str) -> str:
        """What a piece of the old text reads as in the stripped copy."""
        return Stripped(old, self._one_line).text


def moved(record: dict, stripped: Stripped) -> dict:
    """The record with every span (and `parts` entry) moved onto the stripped text; a span
    whose text is not the stripped text of the old span raises ValueError."""
    if isinstance(record, list):
        return [moved(x, stripped) for x in record]
    if not isinstance(record, dict):
        return record
    out = {k: moved(v, stripped) for k, v in record.items()}
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        out["start"], out["end"] = stripped.span(record["start"], record["end"])
        if isinstance(record.get("text"), str):
            out["text"] = stripped.text[out["start"] : out["end"]]
            if out["text"] != stripped.same(record["text"]):
                raise ValueError(f"span {record['start']}-{record['end']} does not survive stripping")
    return out


def strip_set(set_dir: Path, dest: Path, one_line: bool = False) -> tuple[Path, int]:
    """Write the stripped copy of an evaluation set to dest; returns it and the number of gold
    spans checked."""
    (dest / "docs").mkdir(parents=True)
    texts = {}
    for p in sorted((set_dir / "docs").iterdir()):
        texts[p.name] = Stripped(p.read_text(encoding="utf-8"), one_line)
        (dest / "docs" / p.name).write_text(texts[p.name].text, encoding="utf-8")
    gold, checked = [], 0
    for g in read_jsonl(set_dir / "gold.jsonl"):
        gold.append(moved(g, texts[g["doc"]]))
        checked += json.dumps(g).count('"start"')
    write_jsonl(dest / "gold.jsonl", gold)
    if (set_dir / "META.json").is_file():
        shutil.copy(set_dir / "META.json", dest / "META.json")
    return dest, checked


def content_speaker_f1(result: dict) -> float:
    return result["claim"]["content+speaker"]["f1"]


def check(shared: Path, name: str, clean: dict[str, dict], work: Path, one_line: bool = False) -> dict:
    """Clean and stripped content+speaker F1 (and their gap) on each fold and the whole set,
    given score.py's results on the clean set by fold."""
    stripped_dir, checked = strip_set(shared / "eval" / name, work / "set", one_line)
    pred = extract(stripped_dir / "docs", work / "pred.jsonl")
    noisy = score_folds(shared, stripped_dir, pred, work / "folds")
    rows = {}
    for part in (*FOLDS, "whole"):
        c, n = content_speaker_f1(clean[part]), content_speaker_f1(noisy[part])
        rows[part] = {"clean": c, "stripped": n, "gap": round(c - n, 4), "bad_offsets": noisy[part]["bad_offsets"]}
    return {"gold_spans_checked": checked, **rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--one-line", action="store_true", help="also join lines, as FA-KES articles are")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimx-noisy-"))
    results = {}
    for name in SETS:
        set_dir = a.shared / "eval" / name
        clean = score_folds(a.shared, set_dir, extract(set_dir / "docs", work / f"{name}.jsonl"), work / name / "clean")
        results[name] = check(a.shared, name, clean, work / name / "stripped", a.one_line)
    shutil.rmtree(work)
    if a.json:
        print(json.dumps(results))
        return
    print("claim content+speaker F1, clean and stripped; target gap <= 0.05")
    print(f"{'set':<12} {'part':<6} {'clean':>6} {'stripped':>8} {'gap':>6}")
    for name, rows in results.items():
        for part in (*FOLDS, "whole"):
            r = rows[part]
            print(f"{name:<12} {part:<6} {r['clean']:>6.3f} {r['stripped']:>8.3f} {r['gap']:>6.3f}")


if __name__ == "__main__":
    main()
