"""`make incidents`: how `claimx compare` groups one incident's tolls across articles.

For each hand-annotated set (incidents-dev, seeds) it builds the two inputs a user brings,
each with 60 unrelated FA-KES corpus articles beside the set's own (the first 60 corpus ids
by SHA-1 that the set does not hold: a stable rule that knows nothing of the incidents):
a folder of text files, and JSON lines carrying each article's date from fakes.meta.jsonl
(articles without a date there, the seeds, carry none). Then extract, compare --json --all,
and score_incidents.py; one line per set and input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNRELATED = 60


def unrelated_ids(corpus: Path, exclude: set[str], n: int = UNRELATED) -> list[str]:
    names = sorted((p.name for p in corpus.glob("*.txt") if p.name not in exclude),
                   key=lambda name: hashlib.sha1(name.encode()).hexdigest())
    return names[:n]


def build_inputs(set_dir: Path, shared: Path, out: Path) -> tuple[Path, Path]:
    """(folder, jsonl) holding the set's documents and the unrelated ones."""
    corpus = shared / "corpus" / "fakes"
    dates = {}
    for line in (shared / "corpus" / "fakes.meta.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            dates[f"{row['id']}.txt"] = row.get("date")
    own = sorted(p.name for p in (set_dir / "docs").glob("*.txt"))
    files = [(set_dir / "docs" / name) for name in own] + [corpus / name for name in unrelated_ids(corpus, set(own))]
    folder = out / f"{set_dir.name}-folder"
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = out / f"{set_dir.name}.jsonl"
    with open(jsonl, "w", encoding="utf-8") as lines:
        for path in files:
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text, encoding="utf-8")
            row = {"id": path.name, "text": text}
            if dates.get(path.name):
                row["date"] = dates[path.name]
            lines.write(json.dumps(row, ensure_ascii=False) + "\n")
    return folder, jsonl


def score(set_dir: Path, shared: Path, source: Path, out: Path) -> dict:
    claimx = Path(sys.executable).parent / "claimx"
    records, groups = out / f"{source.name}.records.jsonl", out / f"{source.name}.groups.jsonl"
    subprocess.run([str(claimx), "extract", str(source), "--jobs", "1", "-o", str(records)], check=True,
                   stderr=subprocess.DEVNULL)
    with open(groups, "w", encoding="utf-8") as f:
        subprocess.run([str(claimx), "compare", str(records), "--json", "--all"], check=True, stdout=f,
                       stderr=subprocess.DEVNULL)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_incidents.py"), str(set_dir),
                             str(records), str(groups), "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--keep", type=Path, help="Keep inputs and outputs in this folder.")
    ap.add_argument("--verbose", action="store_true", help="Also one line per incident and outcome.")
    a = ap.parse_args()
    out = a.keep or Path(tempfile.mkdtemp())
    for name in ("incidents-dev", "seeds"):
        set_dir = a.shared / "eval" / name
        for label, source in zip(("folder", "jsonl"), build_inputs(set_dir, a.shared, out), strict=True):
            r = score(set_dir, a.shared, source, out)
            print(f"{name:<14} {label:<6} completeness {r['completeness']:.2f}  "
                  f"groups/unit {r['groups_per_unit']:.2f}  intruders {r['intruders']}  "
                  f"extracted {r['extracted']:.2f}  disputed_ok {r['disputed_ok']}")
            if a.verbose:
                for u in r["per_unit"]:
                    print(f"    {u['cluster']:<34} {u['outcome']:<8} tolls {u['tolls']:>2} completeness "
                          f"{u['completeness']:.2f} groups {u['groups']} intruders "
                          f"{[(i['doc'], i['id'], i['why']) for i in u['intruders']]} status {u['main_status']}")


if __name__ == "__main__":
    main()
