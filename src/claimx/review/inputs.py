"""What a review session reads: saved claimx-group/1 groups, or groups made here from records
(saved, or extracted from articles by the same path `compare` takes), the records behind the
members, and where the articles are."""

from __future__ import annotations

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


@dataclass
class ReviewData:
    """Groups (claimx-group/1, disputed first), the records behind their members where known,
    and the articles. Groups of records are made on first use (`ready`): on a large input
    that takes seconds, which the app spends on screen rather than before it."""

    records: dict[tuple[str, str], dict]  # (doc, id) -> claimx/1 record
    articles: Articles
    groups: list[dict] | None = None  # None: to be made from the records
    kinds: tuple[str, ...] = ("casualty", "strike")
    facts: list[GroupFacts] = field(default_factory=list)

    @classmethod
    def of(cls, groups: list[dict], records: list[dict], kinds, articles: Articles) -> ReviewData:
        """Saved groups when there are any (records given beside them only fill in spans);
        else the groups `compare --json --all` makes of the records."""
        return cls({(r["doc"], r["id"]): r for r in records}, articles, groups or None, tuple(kinds))

    def ready(self) -> ReviewData:
        if self.groups is None:
            from claimx.compare import group_records, groups_json

            self.groups = groups_json(group_records(self.records.values(), self.kinds))
        if len(self.facts) != len(self.groups):
            self.facts = [GroupFacts(g, self.records) for g in self.groups]
        return self
