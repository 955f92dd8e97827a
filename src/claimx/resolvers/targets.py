"""What a strike resolves to: its trigger phrase, target and the target's category, attacker,
and count. Word lists come in as arguments."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.tokens import Token

from claimx.numbers import NumberReader
from claimx.resolvers.tree import PLACE_ENTS, argument, prep_object


def trigger_start(t: Token, modifiers: Collection[str]) -> Token:
    """The first word of a trigger with the `modifiers` right before it ("air strikes")."""
    first = t
    while first.i > 0:
        prev = t.doc[first.i - 1]
        if prev.lower_ not in modifiers or prev.head.i != t.i:
            break
        first = prev
    return first


def target_of(verb: Token, relative_pronouns: Collection[str], object_preps: Collection[str]) -> Token | None:
    """What an attack verb hits: its object (a relative pronoun's antecedent: "Shurbajy, who
    was shot"), the noun it modifies ("areas struck by the Russians"), or the object of one of
    `object_preps` ("fired on X")."""
    target = argument(verb, ("dobj", "nsubjpass"), relative_pronouns)
    if target is not None:
        return target
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "agent" for c in verb.children):
        return verb.head
    return prep_object(verb, object_preps)


def trailing_clauses(t: Token, instruments: Collection[str] = ()) -> set[int]:
    """The words after a target's head that are not the target: its own participle or relative
    clause, a relative clause anywhere inside it ("towns, such as Rastan, [which are in areas ...]"),
    an agent the parser hung on it ("guards [by suspected attackers]") and the weapon it was hit
    with ("the neighborhood [with rocket shells]", `instruments` naming weapons)."""
    return {x.i for c in t.subtree if c.i > t.i and (
        c.dep_ == "relcl" or c.dep_ == "acl" and c.head.i == t.i or c.dep_ == "prep" and (
            c.lower_ == "by" or c.lower_ == "with" and any(o.lower_ in instruments for o in c.children)))
            for x in c.subtree}


def target_phrase(t: Token, instruments: Collection[str] = ()) -> tuple[Token, Token]:
    """First and last word of a target: its contiguous phrase without what trailing_clauses
    drops, conjunctions or punctuation at its edges."""
    dropped = trailing_clauses(t, instruments)
    last = t
    for x in t.subtree:
        if x.i not in dropped and x.i == last.i + 1:
            last = x
    while last.i > t.i and (last.is_punct or last.lower_ in ("and", "or", "which")):
        last = t.doc[last.i - 1]
    first = t.left_edge
    while first.i < t.i and first.is_punct:
        first = t.doc[first.i + 1]
    return first, last


def target_category(t: Token, categories: Mapping[str, str], actor_categories: Mapping[str, str]) -> str:
    """The target's category: an actor word in its phrase ("rebel positions": rebels), else its
    head word's category, a place for a place entity, militants for a group named with one."""
    inner = trailing_clauses(t)
    words = [x for x in t.subtree if x.i not in inner and (x.i <= t.i or x.dep_ in ("prep", "pobj", "compound",
                                                                                    "conj"))][:12]
    for x in words:
        cat = actor_categories.get(x.lower_)
        if cat and x.i != t.i:
            return cat
    head = categories.get(t.lower_) or categories.get(t.lemma_.lower())
    if head:
        return head
    if t.ent_type_ in PLACE_ENTS:
        return "area"
    if t.ent_type_ in ("ORG", "NORP"):
        return "militants" if any(actor_categories.get(x.lower_) == "militants" for x in words) else "other"
    return "other"


def is_actor(t: Token, attackers: Collection[str], names: Collection[str]) -> bool:
    """A word that can carry out a strike: an attacker word ("jets", "warplanes"), a known
    side's name, or a nationality, country or organisation."""
    low = t.lower_
    return low in attackers or low in names or t.ent_type_ in ("NORP", "GPE", "ORG") or t.lemma_.lower() in attackers


def attacker_phrase(t: Token) -> tuple[Token, Token]:
    """First and last word of an attacker: a modifier's words up to it ("Russian" in "Russian
    jets"), else its subtree's words from its left edge to the last that is not the head of a
    relative clause or apposition ("Russian jets[, which hit ...]"), punctuation, or a preposition."""
    clauses = {x.i for c in t.children if c.dep_ in ("relcl", "appos") for x in c.subtree}
    tokens = [x for x in t.subtree if x.i not in clauses and x.dep_ != "punct" or x.i == t.i]
    first = min((x for x in tokens if t.left_edge.i <= x.i <= t.i), key=lambda x: x.i)
    if t.dep_ in ("amod", "compound"):
        return first, t
    return first, max((x for x in tokens if x.i >= t.i and x.dep_ != "prep"), key=lambda x: x.i)


def count_of(t: Token, reader: NumberReader) -> int | None:
    """The number a noun is counted with ("three [airstrikes]")."""
    for c in t.children:
        if c.dep_ == "nummod":
            got = reader.match([x.lower_ for x in t.doc[c.left_edge.i : c.i + 1]], 0)
            if got is not None:
                return got[1].value
    return None
