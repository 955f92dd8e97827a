"""One benchmark measurement in a fresh process; prints a JSON line. Used by bench/speed.py.

    python bench/measure.py MODE FOLDER [--repeat N]

MODE: bare-1, bare-2 (spaCy's nlp.pipe, same model), claimx-1, claimx-2 (the extract spine,
all three kinds, writing JSON lines to a file), ray (the Ray engine on a local instance).
Times exclude loading the model (and starting Ray); they include reading the files.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def texts(folder: Path, repeat: int):
    files = sorted(folder.glob("*.txt"))
    for r in range(repeat):
        for f in files:
            yield f"{r}/{f.name}", f.read_text(encoding="utf-8")


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    docs = tokens = 0
    if a.mode.startswith("bare"):
        import spacy

        from claimx.pipeline import resolve_model

        nlp = spacy.load(resolve_model())
        start = time.perf_counter()
        for doc in nlp.pipe((t for _, t in texts(a.folder, a.repeat)), batch_size=32,
                            n_process=int(a.mode[-1])):
            docs += 1
            tokens += len(doc)
    elif a.mode.startswith("claimx"):
        import claimx
        from claimx.output import AtomicFile
        from claimx.run import run_extract
        from claimx.sources import Document

        nlp = claimx.load()
        out = AtomicFile(Path(tempfile.mkdtemp()) / "r.jsonl")
        start = time.perf_counter()
        summary = run_extract(nlp, (Document(i, t) for i, t in texts(a.folder, a.repeat)), out.write_document,
                              n_process=int(a.mode[-1]), report=lambda m: None)
        out.commit()
        docs = summary.documents
    elif a.mode == "ray":
        import ray

        from claimx.engines.ray import run_ray
        from claimx.output import write_lines
        from claimx.sources import Options

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR",
                 object_store_memory=512 * 1024**2)
        sink = open(tempfile.mktemp(), "w")  # noqa: SIM115
        start = time.perf_counter()
        summary = run_ray([str(a.folder)] * a.repeat, Options(), lambda records: write_lines(sink, records),
                          workers=2, report=lambda m: None)
        docs = summary.documents
    else:
        sys.exit(f"unknown mode {a.mode}")
    seconds = time.perf_counter() - start
    print(json.dumps({"mode": a.mode, "repeat": a.repeat, "docs": docs, "tokens": tokens, "seconds": seconds,
                      "rss_main_mb": peak_mb(resource.RUSAGE_SELF),
                      "rss_worker_mb": peak_mb(resource.RUSAGE_CHILDREN)}))


if __name__ == "__main__":
    main()
