"""spaCy components, one per record kind; importing this registers their factories."""

from claimx.components.casualties import CasualtyComponent
from claimx.components.claims import ClaimComponent
from claimx.components.commas import CommaReparser
from claimx.components.paragraphs import drop_parse_payload, mark_paragraphs
from claimx.components.strikes import StrikeComponent
from claimx.components.word_rules import WordRules
from claimx.kinds import REGISTRY
from claimx.rules import Rule, load_rules

__all__ = ["CasualtyComponent", "ClaimComponent", "CommaReparser", "StrikeComponent", "WordRules", "drop_parse_payload",
           "mark_paragraphs", "rules_in_use"]

COMPONENT_CLASSES = {"claim": ClaimComponent, "casualty": CasualtyComponent, "strike": StrikeComponent}


def rules_in_use(patterns_dir: str | None = None) -> list[tuple[str, Rule]]:
    """(kind, rule) of every rule the components would compile, checked as they would check it."""
    return [(kind, rule) for kind, cls in COMPONENT_CLASSES.items()
            for rule in load_rules(REGISTRY[kind].rule_file, patterns_dir, set(cls.resolvers), cls.rule_labels)]
