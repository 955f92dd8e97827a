"""Finding, loading and checking rule data in `patterns/`. Rules are JSON data: parsed, never executed.

Two kinds of file: `<kind>.jsonl` holds a kind's rules, one a line (`id`, `label`, a spaCy
matcher pattern and the resolver its matches go to); `<kind>.json` holds the word lists the
resolvers consult. A user folder (`--patterns DIR`) adds to the defaults: its rules add to or
override the default rules by id (`"disabled": true` switches one off); its word-list files
extend the default ones (add words; `"remove"` takes words out).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PATTERN_FILES = ("claims.json", "casualties.json", "strikes.json", "numbers.json")
RULE_FILES = ("claims.jsonl", "casualties.jsonl", "strikes.jsonl")
RULE_KEYS = {"id", "label", "matcher", "pattern", "resolver", "example", "disabled", "note"}
# matcher -> how its `pattern` is read: a list of alternative spaCy Matcher patterns, a list of
# phrases (PhraseMatcher on LOWER), one DependencyMatcher pattern, or settings for a scanner
# of the raw text (quote marks are characters, not always tokens; headings are lines).
MATCHERS = {"token": list, "phrase": list, "dependency": list, "quotes": dict, "headings": dict}


class PatternError(ValueError):
    """A rule file that is missing or malformed; the message names the file and entry."""


@dataclass
class Rule:
    """One rule line and where it came from (`file:line`, for messages and `claimx rules`)."""

    data: dict
    where: str

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def label(self) -> str:
        return self.data["label"]

    @property
    def matcher(self) -> str:
        return self.data["matcher"]

    @property
    def pattern(self):
        return self.data["pattern"]

    @property
    def resolver(self) -> str:
        return self.data["resolver"]


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


def check_folder(folder: str | Path | None) -> None:
    """A user rule folder must exist, and every rule file in it must be one claimx reads: a
    misspelt folder or file name is an error, not a silent run on the defaults."""
    if not folder:
        return
    path = Path(folder)
    if not path.is_dir():
        raise PatternError(f"{path}: no such folder of rule files")
    known = set(RULE_FILES) | set(PATTERN_FILES)
    for f in sorted(path.iterdir()):
        if f.suffix in (".json", ".jsonl") and f.name not in known:
            raise PatternError(f"{f}: not a claimx rule file (expected one of {', '.join(sorted(known))})")


def read_words(path: Path) -> dict:
    """One word-list file as a JSON object."""
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
    return data


JSON_TYPES = {list: "array", dict: "object", str: "string", int: "number", float: "number", bool: "boolean"}


def _added(base, extra, path: Path, key: str):
    """`base` with `extra` added: lists gain the new words, objects gain new keys and merge
    existing ones, a single value is replaced by one of the same type."""
    if not isinstance(extra, type(base)) or isinstance(extra, bool) != isinstance(base, bool):
        raise PatternError(f"{path}: entry '{key}': expected a JSON {JSON_TYPES.get(type(base), type(base).__name__)}, "
                           f"got {json.dumps(extra)}")
    if isinstance(base, list):
        for n, w in enumerate(extra):
            if not isinstance(w, str):
                raise PatternError(f"{path}: entry '{key}' item {n}: expected a string, got {json.dumps(w)}")
        return base + [w for n, w in enumerate(extra) if w not in base and w not in extra[:n]]
    if isinstance(base, dict):
        empty = type(next(iter(base.values())))() if base else None  # a new key holds what the others hold
        return {**base, **{k: _added(base.get(k, empty), v, path, f"{key}.{k}") if base else v
                           for k, v in extra.items()}}
    return extra


def _removed(base, gone, path: Path, key: str):
    """`base` without the words (of a list) or keys (of an object) that `gone` names; naming one
    that is not there is an error, as a misspelt word would silently remove nothing."""
    if isinstance(base, dict) and isinstance(gone, dict):
        for k in gone:
            if k not in base:
                raise PatternError(f"{path}: entry '{key}': '{k}' is not in the default word lists")
        return {k: _removed(v, gone[k], path, f"{key}.{k}") if k in gone else v for k, v in base.items()}
    if not isinstance(base, (list, dict)) or not isinstance(gone, list):
        raise PatternError(f"{path}: entry '{key}': expected a JSON array of the words or keys to remove, "
                           f"got {json.dumps(gone)}")
    for w in gone:
        if w not in base:
            raise PatternError(f"{path}: entry '{key}': {json.dumps(w)} is not in the default word lists")
    if isinstance(base, list):
        return [w for w in base if w not in gone]
    return {k: v for k, v in base.items() if k not in gone}


def merged_words(defaults: dict, user: dict, path: Path) -> dict:
    """The default word lists extended by a user's file: each entry adds to the default entry
    of the same name; `"remove": {entry: words}` takes words (or an object's keys) out, in the
    manner of negspacy's termsets (`add_patterns` / `remove_patterns`)."""
    unknown = sorted(set(user) - set(defaults) - {"remove"})
    if unknown:
        raise PatternError(f"{path}: unknown entry '{unknown[0]}' (one of {', '.join(sorted(defaults))}, remove)")
    gone = user.get("remove", {})
    if not isinstance(gone, dict):
        raise PatternError(f"{path}: entry 'remove' must be a JSON object of entries and the words to remove")
    out = dict(defaults)
    for key, extra in user.items():
        if key != "remove":
            out[key] = _added(defaults[key], extra, path, key)
    for key, words in gone.items():
        if key not in defaults:
            raise PatternError(f"{path}: entry 'remove': unknown entry '{key}'")
        out[key] = _removed(out[key], words, path, f"remove.{key}")
    return out


def load(name: str, folder: str | Path | None = None, required: dict[str, type] | None = None,
         categories: dict[str, frozenset[str]] | None = None, replace: bool = False) -> dict:
    """Read one word-list file: the default, extended by the user folder's copy when it has one
    (`merged_words`), or with `replace` the folder's copy alone (a saved component). Check that
    each required key holds the required type and that the categories a list assigns
    (`categories`: key -> allowed) are ones the claimx/1 contract has."""
    check_folder(folder)
    user = Path(folder) / name if folder else None
    if replace and user is not None:
        path, data = user, read_words(user)
    else:
        path, data = default_dir() / name, read_words(default_dir() / name)
        if user is not None and user.exists():
            path, data = user, merged_words(data, read_words(user), user)
    for key, kind in (required or {}).items():
        value = data.get(key)
        if not isinstance(value, kind):
            raise PatternError(f"{path}: entry '{key}' must be a JSON {JSON_TYPES.get(kind, kind.__name__)}")
        if kind is list:
            for n, item in enumerate(value):
                if not isinstance(item, str):
                    raise PatternError(f"{path}: entry '{key}' item {n}: expected a string, got {json.dumps(item)}")
    for key, allowed in (categories or {}).items():
        unknown = sorted(set(data[key]) - allowed)
        if unknown:
            raise PatternError(f"{path}: entry '{key}': category '{unknown[0]}' is not in the contract "
                               f"(one of {', '.join(sorted(allowed))})")
    return data


def read_rules(path: Path, resolvers: set[str], labels: set[str] | None) -> list[Rule]:
    """Parse and check a rules file: each line a JSON object with known keys, a known matcher
    and resolver, a label the contract allows; a `disabled` line needs only its id."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise PatternError(f"{path}: rule file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PatternError(f"{path}: cannot read rule file: {e}") from None
    out, seen = [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise PatternError(f"{where}: not valid JSON: {e.msg}") from None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise PatternError(f"{where}: a rule is a JSON object with a string 'id'")
        rid = data["id"]
        if rid in seen:
            raise PatternError(f"{where}: rule '{rid}': id used twice in this file")
        seen.add(rid)
        unknown = sorted(set(data) - RULE_KEYS)
        if unknown:
            raise PatternError(f"{where}: rule '{rid}': unknown key '{unknown[0]}' "
                               f"(allowed: {', '.join(sorted(RULE_KEYS))})")
        if data.get("disabled"):
            out.append(Rule(data, where))
            continue
        for key in ("label", "matcher", "resolver"):
            if not isinstance(data.get(key), str):
                raise PatternError(f"{where}: rule '{rid}': '{key}' must be a string")
        if data["matcher"] not in MATCHERS:
            raise PatternError(f"{where}: rule '{rid}': unknown matcher '{data['matcher']}' "
                               f"(one of {', '.join(MATCHERS)})")
        if not isinstance(data.get("pattern"), MATCHERS[data["matcher"]]):
            raise PatternError(f"{where}: rule '{rid}': 'pattern' must be a JSON "
                               f"{'array' if MATCHERS[data['matcher']] is list else 'object'}")
        if data["resolver"] not in resolvers:
            raise PatternError(f"{where}: rule '{rid}': unknown resolver '{data['resolver']}' "
                               f"(one of {', '.join(sorted(resolvers))})")
        if labels is not None and data["label"] not in labels:
            raise PatternError(f"{where}: rule '{rid}': label '{data['label']}' is not a category of the "
                               f"contract (one of {', '.join(sorted(labels))})")
        out.append(Rule(data, where))
    return out


def load_rules(name: str, folder: str | Path | None, resolvers: set[str], labels: set[str] | None = None,
               replace: bool = False) -> list[Rule]:
    """The default rules of `name`, with the user folder's rules of the same name added,
    overriding by id, or switching a default off (`{"id": ..., "disabled": true}`). With
    `replace` the folder's file is the whole rule set (a saved component)."""
    check_folder(folder)
    user = Path(folder) / name if folder else None
    if replace and user is not None:
        return [r for r in read_rules(user, resolvers, labels) if not r.data.get("disabled")]
    rules = {r.id: r for r in read_rules(default_dir() / name, resolvers, labels)}
    if user is not None and user.exists():
        for r in read_rules(user, resolvers, labels):
            if r.data.get("disabled"):
                if rules.pop(r.id, None) is None:
                    raise PatternError(f"{r.where}: rule '{r.id}': no default rule with this id to switch off")
            else:
                rules[r.id] = r
    return list(rules.values())


def dump_rules(rules: list[Rule]) -> str:
    return "".join(json.dumps(r.data, ensure_ascii=False) + "\n" for r in rules)
