"""What a review session reads: saved claimx-group/1 groups, or groups made here from records
(saved, or extracted from articles by the same path `compare` takes), the records behind the
members, and where the articles are."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from claimx.review.marks import DEFAULT_NAME
from claimx.review.model import Articles, GroupFacts
from claimx.sources import Problem, saved_records_file

GROUP_SCHEMA = "claimx-group/1"


def split_saved_groups(paths: list[str]) -> tuple[list[dict], list[str], list[str]]:
    """(groups read from claimx-group/1 files, the other paths, problems naming file and line)."""
    groups: list[dict] = []
    rest: list[str] = []
    problems: list[str] = []
    for arg in paths:
        saved = None if arg == "-" else saved_records_file(arg, GROUP_SCHEMA)
        if saved is None:
            rest.append(arg)
            continue
        for item in saved:
            if isinstance(item, Problem):
                problems.append(str(item))
            else:
                groups.append(item)
    return groups, rest, problems


def default_marks_path(first_input: str) -> Path:
    """review.jsonl in the folder holding the first input (a folder input: beside it)."""
    return Path(first_input).resolve().parent / DEFAULT_NAME


def make_groups(records, kinds) -> list[dict]:
    """The groups `compare --json --all` makes of the records."""
    from claimx.compare import group_records, groups_json

    return groups_json(group_records(records, kinds))


@dataclass
class ReviewData:
    """Groups (claimx-group/1, disputed first), the records behind their members where known,
    and the articles. Groups of records are made on first use (`ready`), or from the time
    `start_grouping` is called: on a large input that takes seconds, which the app spends
    on screen rather than before it."""

    records: dict[tuple[str, str], dict]  # (doc, id) -> claimx/1 record
    articles: Articles
    groups: list[dict] | None = None  # None: to be made from the records
    kinds: tuple[str, ...] = ("casualty", "strike")
    facts: list[GroupFacts] = field(default_factory=list)
    grouping: tuple[int, int] | None = None  # the child process making the groups, and its pipe

    @classmethod
    def of(cls, groups: list[dict], records: list[dict], kinds, articles: Articles) -> ReviewData:
        """Saved groups when there are any (records given beside them only fill in spans);
        else the groups `compare --json --all` makes of the records."""
        return cls({(r["doc"], r["id"]): r for r in records}, articles, groups or None, tuple(kinds))

    def start_grouping(self) -> None:
        """Make the groups in a child process from now on, while this one loads the app and
        draws it (in one process the two would take turns on one core). Only where a process
        can fork, and before any thread is started (a forked thread's locks stay locked)."""
        if self.groups is not None or self.grouping is not None or not hasattr(os, "fork") \
                or threading.active_count() > 1:
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write)
            self.grouping = pid, read
            return
        code = 1
        try:  # the child: Ctrl-C and SIGTERM end it at once; it never runs the parent's exit handlers
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.close(read)
            try:
                made: list[dict] | Exception = make_groups(self.records.values(), self.kinds)
            except Exception as e:  # said on screen by the app, as when grouping there
                made = e
            data = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)  # all or nothing down the pipe
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)

    def stop_grouping(self) -> None:
        """The app has closed before the groups came: end the child."""
        if self.grouping is not None:
            pid, read = self.grouping
            self.grouping = None
            os.close(read)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)

    def groups_from_child(self) -> list[dict] | None:
        pid, read = self.grouping
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
        self.grouping = None
        try:
            made = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError):  # the child died before it had said all
            return None
        if isinstance(made, Exception):
            raise made
        return made

    def ready(self) -> ReviewData:
        if self.groups is None:
            made = self.groups_from_child() if self.grouping is not None else None
            self.groups = made if made is not None else make_groups(self.records.values(), self.kinds)
        if len(self.facts) != len(self.groups):
            self.facts = [GroupFacts(g, self.records) for g in self.groups]
        return self
