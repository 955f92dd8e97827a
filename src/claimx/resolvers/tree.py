"""The resolvers every kind builds on: subject, agent, prepositional object, place,
hypothetical, negated, distance in the tree, a mention's phrase."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TIME_ENTS = frozenset({"DATE", "TIME"})


def argument(verb: Token, deps: Collection[str], relative_pronouns: Collection[str] = ()) -> Token | None:
    """The verb's first child by one of the relations `deps` (its subject, its object); a
    relative pronoun ("Turkey, which said", "Shurbajy, who was shot") stands for the noun its
    clause hangs on when `relative_pronouns` names it."""
    for c in verb.children:
        if c.dep_ in deps:
            if c.lower_ in relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return c
    return None


def agent_of(verb: Token) -> Token | None:
    """The agent of a passive ("hit [by X]", "reported [by X]")."""
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = first_child(c, ("pobj",))
            if pobj is not None:
                return pobj
    return None


def subject(verb: Token) -> Token | None:
    """Who does it: the verb's subject, the agent of a passive ("hit by X"), or the subject of
    the verb it depends on ("X moved in, hitting ...")."""
    doer = argument(verb, ("nsubj",))
    if doer is None:
        doer = agent_of(verb)
    if doer is None and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ == "VERB":
        doer = argument(verb.head, ("nsubj",))
    return doer


def listed(t: Token, words: Collection[str]) -> bool:
    """`t`'s lower-case form or lemma is one of `words`."""
    return t.lower_ in words or t.lemma_.lower() in words


def first_conjunct(t: Token) -> Token:
    """The first of the conjuncts `t` is one of ("officials" for "residents" in "two officials
    and three residents"): the one that carries the phrase's role in the sentence."""
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t


def first_child(t: Token, deps: Collection[str], not_ents: Collection[str] = ()) -> Token | None:
    """`t`'s first child by one of the relations `deps`, not an entity of the types `not_ents`."""
    return next((c for c in t.children if c.dep_ in deps and c.ent_type_ not in not_ents), None)


def prep_object(t: Token, preps: Collection[str], not_ents: Collection[str] = TIME_ENTS) -> Token | None:
    """The object of the first of `t`'s prepositions in `preps` that has one, not an entity of
    the types `not_ents` (by default, not a date or time: "struck [on Monday]")."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = first_child(c, ("pobj",), not_ents)
            if pobj is not None:
                return pobj
    return None


def place_of(t: Token, preps: Collection[str]) -> Token | None:
    """A place named in a prepositional phrase on `t` ("struck [in Idlib]")."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTS:
                    return g
    return None


def places_after(sent: Span, ents: tuple[Span, ...], preps: Collection[str]) -> list[Span]:
    """Place entities of a sentence that follow one of `preps` ("in Homs", "near Aleppo")."""
    return [e for e in ents if sent.start <= e.start < sent.end and e.start and e.label_ in PLACE_ENTS
            and e.doc[e.start - 1].lower_ in preps]


def nearest(spans: list[Span], t: Token) -> Span | None:
    """The span that starts closest to `t`."""
    return min(spans, key=lambda e: abs(e.start - t.i), default=None)


def entity_of(t: Token) -> Span:
    """The entity `t` is part of, else `t` alone."""
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return ent if ent is not None else t.doc[t.i : t.i + 1]


def hypothetical(t: Token, aux: Collection[str], conditionals: Collection[str], governors: Collection[str] = (),
                 levels: int = 2) -> bool:
    """Said as possible, not as done: a modal auxiliary ("could kill"), a condition ("if ...
    hit") or a governing word of intent or fear ("threatened to strike") on `t` or on the
    `levels` - 1 words above it."""
    x = t
    for _ in range(levels):
        for c in x.children:
            if c.dep_ == "aux" and c.lower_ in aux or c.dep_ == "mark" and c.lower_ in conditionals:
                return True
        if x.lemma_.lower() in governors and x.i != t.i:
            return True
        if x.head.i == x.i:
            break
        x = x.head
    return False


def negated(t: Token, through: Collection[str] = ()) -> bool:
    """Said as not done: a negation on `t`, or on its head when `t` hangs off it by one of the
    relations `through` ("were not [reported] killed" via acomp/xcomp)."""
    governed = t.head.children if t.dep_ in through else ()
    return any(c.dep_ == "neg" for c in (*t.children, *governed))


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (large when unrelated)."""
    up_a = {a.i: 0}
    x, d = a, 0
    while x.head.i != x.i and d < 8:
        x, d = x.head, d + 1
        up_a[x.i] = d
    x, d = b, 0
    while True:
        if x.i in up_a:
            return up_a[x.i] + d
        if x.head.i == x.i or d >= 8:
            return 99
        x, d = x.head, d + 1


def phrase_of(head: Token) -> list[Token]:
    """A mention's words: the head's contiguous phrase without appositions, relative
    clauses, or punctuation at its edges ("Bassam Barabandi, a former diplomat," -> the name)."""
    dropped = set()
    for c in head.children:
        if c.dep_ in ("appos", "relcl", "parataxis") or (c.dep_ == "punct" and c.i > head.i):
            dropped.update(x.i for x in c.subtree)
    keep = [x for x in head.subtree if x.i not in dropped]
    run = [head]
    for x in reversed([k for k in keep if k.i < head.i]):
        if x.i != run[0].i - 1:
            break
        run.insert(0, x)
    for x in (k for k in keep if k.i > head.i):
        if x.i != run[-1].i + 1:
            break
        run.append(x)
    while run and (run[0].is_punct or run[0].is_space) and run[0].i != head.i:
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].is_space) and run[-1].i != head.i:
        run.pop()
    return run
