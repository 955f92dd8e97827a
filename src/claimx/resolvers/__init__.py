"""What a rule's match resolves to, as small named functions over tokens that every kind's
component shares. Word lists come in as arguments (from `patterns/`); none live here.

`tree`: subject, agent, prepositional object, place, hypothetical, negated, tree distance, a
mention's phrase; `speech`: a claim's speaker and reported content; `quotes`: quotes on the raw
text and the cue beside each; `victims`: the noun a
casualty figure counts and its category; `targets`: a strike's trigger phrase, target,
attacker and count.
"""

from claimx.resolvers.quotes import (
    Quote,
    cue_after,
    cue_before,
    fills_paragraph,
    find_quotes,
    lead_in,
    next_part,
    opens_clause,
    single_marks,
    speaker_after,
)
from claimx.resolvers.speech import (
    nominal_content,
    object_content,
    parenthetical_content,
    passive_content,
    phrase_before,
    plausible_speaker,
    quote_kind,
    reported_content,
    speaker,
    that_clause,
    trimmed,
)
from claimx.resolvers.targets import (
    attacker_phrase,
    count_of,
    is_actor,
    target_category,
    target_of,
    target_phrase,
    trigger_start,
)
from claimx.resolvers.tree import (
    PLACE_ENTS,
    TIME_ENTS,
    agent_of,
    argument,
    entity_of,
    first_child,
    first_conjunct,
    hypothetical,
    listed,
    nearest,
    negated,
    phrase_of,
    place_of,
    places_after,
    prep_object,
    subject,
    tree_distance,
)
from claimx.resolvers.victims import counted_noun, victim_category, victim_in, victim_modifier, victims_span

__all__ = [
    "PLACE_ENTS", "Quote", "TIME_ENTS", "agent_of", "argument", "attacker_phrase", "count_of", "counted_noun",
    "cue_after", "cue_before", "entity_of", "fills_paragraph", "find_quotes", "first_child", "first_conjunct",
    "hypothetical",
    "is_actor", "lead_in", "listed", "nearest", "negated", "next_part", "opens_clause", "phrase_before", "phrase_of",
    "place_of", "places_after", "plausible_speaker", "prep_object", "quote_kind", "reported_content", "speaker",
    "subject", "target_category", "target_of", "target_phrase", "that_clause", "tree_distance", "trigger_start",
    "trimmed", "victim_category", "victim_in", "victim_modifier", "victims_span",
    "nominal_content", "object_content", "parenthetical_content", "passive_content", "single_marks", "speaker_after",
]
