"""Finding and loading rule data (`patterns/*.json`). Rules are JSON data: parsed, never executed."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

PATTERN_FILES = ("claims.json", "casualties.json", "strikes.json", "numbers.json")


class PatternError(ValueError):
    """A rule file that is missing or malformed; the message names the file and entry."""


def default_dir() -> Path:
    """`claimx/patterns` inside an installed wheel; the checkout's top-level `patterns/` in a
    source (editable) install, where the wheel's copy does not exist."""
    packaged = Path(str(resources.files("claimx"))) / "patterns"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir():
        return checkout
    raise PatternError(f"no pattern folder: neither {packaged} nor {checkout} exists")


def load(name: str, folder: str | Path | None = None, required: dict[str, type] | None = None) -> dict:
    """Read one rule file and check that each required key holds the required type."""
    path = Path(folder) / name if folder else default_dir() / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PatternError(f"{path}: rule file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PatternError(f"{path}: cannot read rule file: {e}") from None
    except json.JSONDecodeError as e:
        raise PatternError(f"{path}:{e.lineno}: not valid JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise PatternError(f"{path}: expected a JSON object at the top level")
    names = {list: "array", dict: "object"}
    for key, kind in (required or {}).items():
        value = data.get(key)
        if not isinstance(value, kind):
            raise PatternError(f"{path}: entry '{key}' must be a JSON {names.get(kind, kind.__name__)}")
        if kind is list:
            for n, item in enumerate(value):
                if not isinstance(item, str):
                    raise PatternError(f"{path}: entry '{key}' item {n}: expected a string, got {json.dumps(item)}")
    return data
