"""The Ray Data engine: the same `extract_records` spine, one pipeline per actor.

Imported only for `claimx extract --engine ray` (extra `claimx[ray]`). The driver lists the
inputs (file paths, or texts for JSON lines and stdin); actors read, decode and extract; the
records come back in input order to the local engine's writers and summary, so the output is
byte-identical. A local instance keeps its files in a temporary folder claimx removes, and
keeps its logs to itself.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from claimx.records import KINDS
from claimx.run import Summary, empty_document, extraction_failed, to_stderr
from claimx.sources import (
    IDLE,
    JSONL_SUFFIXES,
    Document,
    Options,
    Problem,
    decode,
    document_id,
    id_base,
    read_inputs,
    walk,
)

BATCH_SIZE = 16
OBJECT_STORE_BYTES = 512 * 1024**2  # a local instance needs little: rows are paths and records
QUIET = {"RAY_LOG_TO_STDERR": "0", "RAY_USAGE_STATS_ENABLED": "0"}


def input_rows(paths: list[str], opts: Options) -> Iterator[dict | Problem]:
    """One row per document: files by path (actors read them), other inputs with their text."""
    base = id_base(paths)
    for arg in paths:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            for item in walk(path, opts.globs):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield {"id": document_id(item[1], base), "where": str(item[1]), "path": str(item[1]), "text": "",
                           "meta": "{}"}
        elif arg != "-" and path.is_file() and path.suffix.lower() not in JSONL_SUFFIXES:
            yield {"id": document_id(path, base), "where": arg, "path": arg, "text": "", "meta": "{}"}
        else:
            for item in read_inputs([arg], opts):
                if isinstance(item, Problem):
                    yield item
                elif item is not IDLE:
                    yield {"id": item.id, "where": item.where, "path": "", "text": item.text,
                           "meta": json.dumps(item.meta)}


class Extractor:
    """A Ray Data actor: loads the pipeline once, extracts batches of rows."""

    def __init__(self, model: str | None, kinds: tuple[str, ...], patterns_dir: str | None, date_field: str):
        from claimx import load

        self.nlp = load(model, tuple(kinds), patterns_dir)
        self.kinds = tuple(kinds)
        self.date_field = date_field

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from claimx.spine import extract_records

        docs, outcome = [], {}
        for i, (doc_id, where, path, text, meta) in enumerate(
                zip(batch["id"], batch["where"], batch["path"], batch["text"], batch["meta"], strict=True)):
            if path:
                try:
                    text, problem = decode(Path(path).read_bytes(), where)
                except OSError as e:
                    text, problem = None, Problem(where, f"cannot read: {e.strerror or e}")
                if text is None:
                    outcome[i] = ("[]", json.dumps([note(problem)]))
                    continue
                notes = [note(problem)] if problem else []
            else:
                notes = []
            if not text.strip():
                notes.append(note(empty_document(where)))
            docs.append((i, notes, Document(str(doc_id), text, where, json.loads(meta))))
        parsed = extract_records(self.nlp, (d for _, _, d in docs), self.kinds, date_field=self.date_field)
        for (i, notes, _), (doc, records, errors) in zip(docs, parsed, strict=True):
            if errors:
                notes.append(note(extraction_failed(doc.where, errors)))
                records = []
            outcome[i] = (json.dumps(records, ensure_ascii=False), json.dumps(notes))
        order = range(len(batch["id"]))
        return {"id": batch["id"], "records": np.array([outcome[i][0] for i in order], dtype=object),
                "notes": np.array([outcome[i][1] for i in order], dtype=object)}


def note(problem: Problem) -> list:
    return [problem.where, problem.message, problem.fatal]


@contextmanager
def local_or_cluster(address: str | None, workers: int | None) -> Iterator:
    """Connect to `address`, or start a local instance whose files (sessions, logs, sockets)
    live in a temporary folder removed afterwards, and whose processes log nothing to us."""
    if not address and "ray" not in sys.modules and not any(
            k in os.environ for k in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH")):
        # this instance's own token, in its processes' environment (Ray reads it on import): authenticated,
        # no warning about it, and nothing written to ~/.ray/auth_token
        os.environ.update(RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
    import ray
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # else each dataset's start and end on stderr
    if ray.is_initialized():
        yield ray
        return
    os.environ.update({k: v for k, v in QUIET.items() if k not in os.environ})
    temp = None if address else tempfile.mkdtemp(prefix="claimx-ray-")
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        else:
            ray.init(num_cpus=workers or os.cpu_count(), include_dashboard=False, log_to_driver=False,
                     object_store_memory=OBJECT_STORE_BYTES, logging_level=logging.ERROR, _temp_dir=temp)
        yield ray
    finally:
        ray.shutdown()
        if temp:
            shutil.rmtree(temp, ignore_errors=True)


def run_ray(
    paths: list[str],
    opts: Options,
    write: Callable[[list[dict]], None],
    kinds: tuple[str, ...] = KINDS,
    model: str | None = None,
    patterns_dir: str | None = None,
    address: str | None = None,
    workers: int | None = None,
    fail_fast: bool = False,
    progress: Callable[[], None] | None = None,
    report: Callable[[str], None] = to_stderr,
) -> Summary:
    """Extract on Ray; `write` gets each document's records in input order, as `run_extract`'s
    does; problems are reported as they come. Returns the run's summary."""
    summary = Summary(report=report, fail_fast=fail_fast, write=write, progress=progress)
    started = time.perf_counter()
    with local_or_cluster(address, workers) as ray:
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        ray.data.DataContext.get_current().enable_progress_bars = False
        rows = []
        for item in input_rows(paths, opts):
            if isinstance(item, Problem):
                summary.note(item)
                summary.finished(None)
            else:
                rows.append(item)
        if rows:
            n_actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            with warnings.catch_warnings():  # max_restarts is a "ray_remote_args" (deprecated, until 2.64)
                warnings.simplefilter("ignore")
                # an actor that dies fails the run; restartable actors get a core_worker warning on stderr
                dataset = ray.data.from_items(rows).map_batches(
                    Extractor, fn_constructor_kwargs={"model": model, "kinds": kinds, "patterns_dir": patterns_dir,
                                                       "date_field": opts.date_field},
                    batch_size=BATCH_SIZE, compute=ray.data.ActorPoolStrategy(size=n_actors), batch_format="numpy",
                    max_restarts=0)
            for row in dataset.iter_rows():
                notes = [Problem(*n) for n in json.loads(row["notes"])]
                for problem in notes:
                    summary.note(problem)
                summary.finished(None if any(p.fatal for p in notes) else json.loads(row["records"]))
    summary.seconds = time.perf_counter() - started
    return summary
