"""What a casualty figure resolves to: the noun it counts, the victims' category, and whether
it counts people driven from their homes instead."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from spacy.tokens import Doc, Token

from claimx.resolvers.tree import listed, prep_object


def counted_noun(doc: Doc, end: int, sent_end: int, known: Callable[[Token], bool]) -> Token | None:
    """The noun a number ending before token `end` counts: "33 [civilians]", "two rebel
    [fighters]", "six Nusra Front [fighters]", "26 displaced [people]"; a `known` word (a victim
    or outcome word) counts even when not tagged a noun, and a plural one ends the phrase before
    an unknown noun that a comma would have set apart ("13 [people] MSF said")."""
    last = min(end + 4, sent_end)
    for j in range(end, last):
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN", "PRON") or known(t):
            nxt = doc[j + 1] if j + 1 < sent_end else None
            if known(t) and t.tag_ in ("NNS", "NNPS") and not (nxt is not None and known(nxt)
                                                                and nxt.pos_ in ("NOUN", "PROPN")):
                return t
            if t.pos_ == "PROPN" and not known(t):  # a group's name before the counted noun
                named = next((x for x in doc[j + 1 : last] if known(x) or x.pos_ != "PROPN" and x.dep_ != "compound"),
                             None)
                if named is not None and known(named) and named.tag_ in ("NNS", "NNPS"):
                    return named
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i != j and t.pos_ != "PRON":
                continue  # "rebel [fighters]", "civilian [deaths]"
            return t
        if not (t.pos_ in ("ADJ", "ADV", "PUNCT") or t.dep_ == "amod") or t.text in (",", ";", "."):
            return None
    return None


def victim_modifier(head: Token, modifiers: Collection[str]) -> Token | None:
    """A modifier of `head` that names victims ("[civilian] deaths")."""
    return next((c for c in head.children if c.dep_ in ("amod", "compound") and c.lower_ in modifiers), None)


def victim_in(t: Token, victims: Collection[str]) -> Token | None:
    """A victim noun in `t`'s subtree ("killing [civilians] ... 12"), not `t` itself, nor in the
    phrase of who did it ("Militants ... Kill 3") or of a part ("kills 23 including 8 kids")."""
    return next((x for x in t.subtree if x.i != t.i and x.pos_ in ("NOUN", "PROPN") and listed(x, victims)
                 and not _apart(x, t)), None)


def _apart(x: Token, t: Token) -> bool:
    """`x` (in `t`'s subtree) hangs on the subject or agent of `t`, or on a part's "including"
    or "among": the path up to `t` says so, no subtree needs walking."""
    while True:
        if x.lower_ in ("including", "among") or x.dep_ in ("nsubj", "agent") and x.head.i == t.i != x.i:
            return True
        if x.i == t.i:
            return False
        x = x.head


def predicate_noun(number: Token, victims: Collection[str]) -> Token | None:
    """The victim noun a copula says the counted people are: "four of those killed were
    [minors]", "two of the dead were [women]"."""
    verb = number.head
    if number.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and listed(c, victims)), None)


def share_noun(doc: Doc, end: int, sent_end: int, victims: Collection[str], preps: Collection[str],
               pronouns: Collection[str]) -> Token | None:
    """The victim noun after "of them" / "of whom" (a preposition and a pronoun for the whole,
    from `patterns/`) that follows a number ending before token `end`: "killed 20 people 12
    of them [children]", "86 30 of whom were [children]"."""
    words = doc[end : min(end + 5, sent_end)]
    if len(words) < 3 or words[0].lower_ not in preps or words[1].lower_ not in pronouns:
        return None
    noun = words[3] if words[2].pos_ == "AUX" and len(words) > 3 else words[2]
    return noun if listed(noun, victims) else None


def victim_category(head: Token, victims: Mapping[str, str], modifiers: Mapping[str, str]) -> str:
    """The victims' category (a word -> category lookup from `patterns/`), from a modifier
    ("civilian deaths"), the noun or its lemma, or a modifier that narrows "people"."""
    mod = victim_modifier(head, modifiers)
    if mod is not None:
        return modifiers[mod.lower_]
    cat = victims.get(head.lower_) or victims.get(head.lemma_.lower())
    if cat == "people" or cat is None:
        for c in head.children:
            if c.dep_ in ("amod", "compound") and victims.get(c.lower_, "people") != "people":
                return victims[c.lower_]
    return cat or "people"


def member_category(head: Token, groups: Mapping[str, str]) -> str | None:
    """The category of the members of what the "of" phrase after `head` or a name before it
    names: an armed group ("ten members of the Takfiri [group]", "[Hezbollah] members") makes
    combatants, whatever else it names ("the National Defence [Forces]"); a family or a rescue
    team civilians; None when it names neither."""
    group = prep_object(head, ("of",), not_ents=())
    named = [x for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") for x in c.subtree]  # "Daesh members"
    found = {groups[t.lower_] for t in (*named, *(group.subtree if group is not None else ())) if t.lower_ in groups}
    return "combatants" if "combatants" in found else min(found, default=None)


def victims_span(doc: Doc, head: Token, after: int) -> tuple[int, int]:
    """Characters of the victim noun with its modifiers from token `after` on ("rebel fighters")."""
    lo = min([head.i] + [c.i for c in head.lefts if c.i >= after and c.dep_ in ("amod", "compound", "nmod")])
    return doc[lo].idx, head.idx + len(head.text)


def displaced_count(anchor: Token, first: int, displacement: Collection[str]) -> bool:
    """The number counts people driven from their homes, not casualties: a displacement word
    governs it ("displaced [millions]", "[millions] more displaced"), makes its verb's complement
    ("left [millions] homeless", "forced [thousands] to flee"), or modifies it from before the
    number ("displaced 100000 [civilians]"; not "20 displaced [people] were killed").
    `anchor` is the counted noun, else the number's last word; `first` the number's first token."""
    governor = anchor.head
    if governor.i != anchor.i and anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            listed(governor, displacement)
            or any(c.dep_ in ("oprd", "xcomp", "acomp") and listed(c, displacement) for c in governor.children)):
        return True
    return any(c.dep_ == "amod" and c.i < first and listed(c, displacement) for c in anchor.children)
