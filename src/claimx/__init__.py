"""claimx: attributed claims, casualty figures and strike targets from conflict news."""

from __future__ import annotations

from functools import lru_cache

from claimx.records import KINDS

__version__ = "0.1.0"


@lru_cache(maxsize=4)
def load(model: str | None = None, kinds: tuple[str, ...] = KINDS, patterns_dir: str | None = None):
    """The spaCy pipeline with the claimx components (cached per arguments)."""
    from claimx.pipeline import build

    return build(model, kinds, patterns_dir)


def extract(text: str, doc_id: str = "text", kinds: tuple[str, ...] = KINDS, model: str | None = None) -> list[dict]:
    """The claimx/1 records of one text."""
    from claimx.sources import Document
    from claimx.spine import extract_records

    _, records, errors = next(extract_records(load(model), [Document(doc_id, text)], kinds))
    if errors:
        raise RuntimeError(f"claimx: extraction failed on {doc_id}: {'; '.join(errors)}")
    return records


__all__ = ["__version__", "extract", "load"]
