"""spaCy components, one per record kind; importing this registers their factories."""

from claimx.components.casualties import CasualtyComponent
from claimx.components.claims import ClaimComponent
from claimx.components.paragraphs import drop_parse_payload, mark_paragraphs
from claimx.components.strikes import StrikeComponent

__all__ = ["CasualtyComponent", "ClaimComponent", "StrikeComponent", "drop_parse_payload", "mark_paragraphs"]
