"""Where claimx spends its CPU time: ms per document of each pipeline component, of the comma
re-parse's passes (`reparse:<component>`), of `enrich` and of the rest of the spine, over a
folder in one process (CPU time, so a loaded machine skews it less than wall time). Compare
two versions by running them back to back.

    python bench/stages.py ../shared/corpus/fakes [--profile OUT.prof]

--profile also writes a cProfile of the run (read it sorted by tottime to find hot loops).
"""

from __future__ import annotations

import argparse
import cProfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import claimx
from claimx import spine
from claimx.sources import Document


class Clock:
    """CPU time by stage, each stage's own: time spent in a stage it calls goes to that one."""

    def __init__(self):
        self.spent: Counter = Counter()
        self.inner: list[float] = []

    def time(self, stage: str, work: Callable):
        self.inner.append(0.0)
        start = time.process_time()
        try:
            return work()
        finally:
            took = time.process_time() - start
            self.spent[stage] += took - self.inner.pop()
            if self.inner:
                self.inner[-1] += took


class Timed:
    """A pipeline component whose pipe() is timed; it passes for the component (isinstance
    included), as claimx_word_rules checks the attribute ruler and lemmatizer by type."""

    def __init__(self, name: str, component, clock: Clock, disabled: bool):
        self.component = component
        self.name = name
        self.clock = clock
        self.disabled = disabled

    __class__ = property(lambda self: type(self.component))  # noqa: PLE0237

    def __getattr__(self, attr):
        return getattr(self.component, attr)

    def __call__(self, doc):
        return self.component(doc)

    def pipe(self, stream, **kwargs):
        # the re-parse passes lists; so does claimx_word_rules, to the disabled components it stands in for
        stage = f"reparse:{self.name}" if isinstance(stream, list) and not self.disabled else self.name
        pipe = self.component.pipe if hasattr(self.component, "pipe") else lambda docs, **_: map(self.component, docs)
        docs = self.clock.time(stage, lambda: iter(pipe(stream, **kwargs)))
        done = object()
        while (doc := self.clock.time(stage, lambda: next(docs, done))) is not done:
            yield doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    a = ap.parse_args()
    nlp = claimx.load()
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in sorted(a.folder.glob("*.txt"))]
    clock = Clock()
    nlp._components = [(name, Timed(name, component, clock, name in nlp.disabled))
                       for name, component in nlp._components]
    enrich = spine.enrich
    spine.enrich = lambda *args, **kwargs: clock.time("enrich", lambda: enrich(*args, **kwargs))
    list(spine.extract_records(nlp, (Document(i, t) for i, t in texts[:20])))  # caches and lazy loads warm
    clock.spent.clear()
    profile = cProfile.Profile() if a.profile else None
    start = time.process_time()
    if profile:
        profile.enable()
    docs = sum(1 for _ in spine.extract_records(nlp, (Document(i, t) for i, t in texts)))
    if profile:
        profile.disable()
        profile.dump_stats(a.profile)
    total = time.process_time() - start
    print(f"{docs} documents, {1000 * total / docs:.2f} ms CPU each")
    order = [*nlp.component_names, *(f"reparse:{name}" for name in nlp.component_names), "enrich"]
    for stage in sorted(clock.spent, key=order.index):
        print(f"  {stage:<28}{1000 * clock.spent[stage] / docs:8.2f}")
    print(f"  {'rest (spine)':<28}{1000 * (total - clock.spent.total()) / docs:8.2f}")


if __name__ == "__main__":
    main()
