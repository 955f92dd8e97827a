"""`make quality`: extract every evaluation set in ../shared/eval and score it with score.py.

Prints one line per set with the figures the issues set targets for."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    a = ap.parse_args()
    claimx = Path(sys.executable).parent / "claimx"
    out = Path(tempfile.mkdtemp())
    for name in ("seeds", "polnear-dev", "fakes-dev", "m2e2-dev"):
        folder = a.shared / "eval" / name
        pred = out / f"{name}.jsonl"
        subprocess.run([str(claimx), "extract", str(folder / "docs"), "-o", str(pred)], check=True,
                       stderr=subprocess.DEVNULL)
        score = subprocess.run([sys.executable, str(a.shared / "eval" / "score.py"), str(folder), str(pred), "--json"],
                               capture_output=True, text=True, check=True)
        r = json.loads(score.stdout)
        parts = [f"bad_offsets={r['bad_offsets']}"]
        if "claim" in r:
            parts.append(f"claim content F1={r['claim']['content']['f1']:.3f} "
                         f"content+speaker F1={r['claim']['content+speaker']['f1']:.3f}")
        if "casualty" in r:
            c = r["casualty"]
            parts.append(f"casualty value+outcome F1={c['value+outcome']['f1']:.3f} "
                         f"recall={c['value+outcome']['recall']:.3f} "
                         f"+category={c['recall_value+outcome+category']:.3f} "
                         f"full(+source)={c['recall_full(incl. source)']:.3f}")
        if "strike" in r:
            s = r["strike"]
            parts.append(f"strike event F1={s['events']['f1']:.3f} target F1={s['targets']['f1']:.3f}")
        print(f"{name:<12} " + "; ".join(parts))


if __name__ == "__main__":
    main()
