"""The Ray Data engine: the same `extract_records` spine, one pipeline per actor.

Imported only for `claimx extract --engine ray` (extra `claimx[ray]`). The driver lists the
inputs (file paths, or texts for JSON lines and stdin); actors read, decode and extract; the
records come back in input order, so stdout is byte-identical to the local engine's.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from claimx.output import dumps
from claimx.records import KINDS
from claimx.run import empty_document, extraction_failed
from claimx.sources import Document, Options, Problem, decode, read_inputs, walk

BATCH_SIZE = 16
OBJECT_STORE_BYTES = 512 * 1024**2  # a local instance needs little: rows are paths and records


def input_rows(paths: list[str], opts: Options) -> Iterator[dict | Problem]:
    """One row per document: files by path (actors read them), other inputs with their text."""
    for arg in paths:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            for item in walk(path, opts.globs):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield {"id": item[0], "where": str(item[1]), "path": str(item[1]), "text": "", "meta": "{}"}
        elif arg != "-" and path.is_file() and path.suffix.lower() not in (".jsonl", ".ndjson"):
            yield {"id": arg, "where": arg, "path": arg, "text": "", "meta": "{}"}
        else:
            for item in read_inputs([arg], opts):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield {"id": item.id, "where": item.where, "path": "", "text": item.text,
                           "meta": json.dumps(item.meta)}


class Extractor:
    """A Ray Data actor: loads the pipeline once, extracts batches of rows."""

    def __init__(self, model: str | None, kinds: tuple[str, ...], patterns_dir: str | None):
        from claimx import load

        self.nlp = load(model, tuple(kinds), patterns_dir)
        self.kinds = tuple(kinds)

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
                    outcome[i] = ("", json.dumps([[str(problem), True]]))
                    continue
                notes = [[str(problem), problem.fatal]] if problem else []
            else:
                notes = []
            if not text.strip():
                notes.append([str(empty_document(where)), False])
            docs.append((i, notes, Document(str(doc_id), text, where, json.loads(meta))))
        parsed = extract_records(self.nlp, (d for _, _, d in docs), self.kinds)
        for (i, notes, _), (doc, records, errors) in zip(docs, parsed, strict=True):
            if errors:
                notes.append([str(extraction_failed(doc.where, errors)), True])
                records = []
            outcome[i] = ("".join(dumps(r) + "\n" for r in records), json.dumps(notes))
        order = range(len(batch["id"]))
        return {"id": batch["id"], "lines": np.array([outcome[i][0] for i in order], dtype=object),
                "notes": np.array([outcome[i][1] for i in order], dtype=object)}


def run_ray(
    paths: list[str],
    opts: Options,
    write: Callable[[str], None],
    report: Callable[[str, bool], None],
    kinds: tuple[str, ...] = KINDS,
    model: str | None = None,
    patterns_dir: str | None = None,
    address: str | None = None,
    workers: int | None = None,
) -> dict:
    """Extract on Ray; `write` gets each document's JSON lines in input order, `report` each
    problem (message, fatal). Returns counts for the summary."""
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers or os.cpu_count(), include_dashboard=False, log_to_driver=False,
                     object_store_memory=OBJECT_STORE_BYTES, logging_level=logging.WARNING)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    ray.data.DataContext.get_current().enable_progress_bars = False
    rows, counts = [], {"documents": 0, "failed": 0, "warnings": 0}
    for item in input_rows(paths, opts):
        if isinstance(item, Problem):
            report(str(item), item.fatal)
            counts["failed" if item.fatal else "warnings"] += 1
        else:
            rows.append(item)
    if not rows:
        return counts
    n_actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = ray.data.from_items(rows).map_batches(
        Extractor, fn_constructor_kwargs={"model": model, "kinds": kinds, "patterns_dir": patterns_dir},
        batch_size=BATCH_SIZE, compute=ray.data.ActorPoolStrategy(size=n_actors), batch_format="numpy")
    for row in dataset.iter_rows():
        failed = False
        for message, fatal in json.loads(row["notes"]):
            report(message, fatal)
            failed = failed or fatal
            counts["failed" if fatal else "warnings"] += 1
        if not failed:
            counts["documents"] += 1
            write(row["lines"])
    return counts


class FolderWriter:
    """`-o DIR` for the Ray engine: DIR/records.jsonl (the local engine's bytes) or
    DIR/records.parquet (one row per record: doc, id, kind, start, end, text, and the whole
    record as JSON), each written under a temporary name and renamed when complete."""

    PARQUET_ROWS = 10_000

    def __init__(self, folder: Path, fmt: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"records.{fmt}"
        self.partial = folder / f".records.{fmt}.partial"
        self.fmt = fmt
        self.rows: list[dict] = []
        self.parquet = None
        self.handle = self.partial.open("w", encoding="utf-8") if fmt == "jsonl" else None

    def write(self, lines: str) -> None:
        if self.handle is not None:
            self.handle.write(lines)
            return
        for line in lines.splitlines():
            r = json.loads(line)
            self.rows.append({"doc": r["doc"], "id": r["id"], "kind": r["kind"], "start": r["start"],
                              "end": r["end"], "text": r["text"], "record": line})
        if len(self.rows) >= self.PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self.rows, schema=pa.schema(
            [("doc", pa.string()), ("id", pa.string()), ("kind", pa.string()), ("start", pa.int64()),
             ("end", pa.int64()), ("text", pa.string()), ("record", pa.string())]))
        if self.parquet is None:
            self.parquet = pq.ParquetWriter(self.partial, table.schema)
        self.parquet.write_table(table)
        self.rows = []

    def commit(self) -> None:
        if self.handle is not None:
            self.handle.close()
        else:
            self._flush()
            self.parquet.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        if self.handle is not None:
            self.handle.close()
        elif self.parquet is not None:
            self.parquet.close()
        self.partial.unlink(missing_ok=True)
