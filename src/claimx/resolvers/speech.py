"""What a claim's cue resolves to: who says it (the speaker) and what is said (the reported
content). Word lists and the document's cues come in as arguments."""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from claimx.resolvers.tree import agent_of, argument, first_child

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SENTENCE_END = frozenset({".", "!", "?", "…"})
# a cue in one of these relations to a verb says what that verb's subject says ("..., adding")
SHARED_SUBJECT_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp")


def speaker(cue: Token, *, relative_pronouns: Collection[str], is_cue: Callable[[Token], bool],
            plausible: Callable[[Token], bool], depth: int = 0) -> Token | None:
    """Who says it. `subject`'s rules (the nominal subject, a passive's agent, the subject of
    the verb the cue depends on) with what speech adds: the object of "quote" ("agencies
    quoted X as saying": X speaks), a relative pronoun standing for its noun ("Turkey, which
    said"), climbing up to three verbs ("..., adding", "and warned"), and skipping a reported
    clause ("X said the strikes had killed ..., and accused B": X accused, unless the clause
    has a `plausible` speaker of its own)."""
    cue_quotes = cue.lemma_.lower() == "quote"
    quoting = cue if cue_quotes else cue.head
    if cue_quotes or quoting.lemma_.lower() == "quote" and cue.dep_ in ("advcl", "pcomp", "xcomp", "prep"):
        quoted = first_child(quoting, ("dobj",))
        if quoted is not None:
            return quoted
    said_by = argument(cue, ("nsubj",), relative_pronouns)
    if said_by is None:
        said_by = agent_of(cue)
    if said_by is None and cue.dep_ == "acl" and cue.tag_ == "VBG" and (
            plausible(cue.head) or cue.head.dep_ == "pobj" and cue.head.head.lower_ == "with"):
        return participle_speaker(cue)
    if said_by is None and depth < 3 and cue.dep_ in SHARED_SUBJECT_DEPS and cue.head.pos_ in ("VERB", "AUX"):
        head = cue.head
        own = first_child(head, ("nsubj",))
        if cue.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and is_cue(head.head) and not (
                own is not None and plausible(own)):
            head = head.head
        return speaker(head, relative_pronouns=relative_pronouns, is_cue=is_cue, plausible=plausible, depth=depth + 1)
    return said_by


def participle_speaker(cue: Token) -> Token:
    """Who says it when a participle cue hangs on a noun that can speak or follows "with": the
    noun ("with surveys showing ...", "a statement saying ..."), or, for one a verb puts out
    ("the ministry released a memo arguing ...", "issued a statement calling ..."), that verb's
    subject."""
    noun = cue.head
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        issuer = first_child(noun.head, ("nsubj",))
        if issuer is not None:
            return issuer
    return noun


def plausible_speaker(t: Token, speaker_heads: Collection[str]) -> bool:
    """A word that can say something: a named person, organisation, place or group, a pronoun,
    a proper noun, or one of `speaker_heads` ("officials", "ministry")."""
    return t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ in ("PRON", "PROPN") or t.lower_ in speaker_heads


def trimmed(doc: Doc, first: int, last: int, trim: Collection[str]) -> tuple[int, int] | None:
    """Character span of tokens first..last without a leading word of `trim` ("that") or
    trailing `trim` punctuation and sentence ends; None when nothing is left."""
    while first <= last and (doc[first].lower_ in trim or doc[first].is_space):
        first += 1
    while first <= last and (doc[last].text in trim or doc[last].text in SENTENCE_END or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def that_clause(cue: Token) -> Token | None:
    """A "that" clause reached through the cue's object or phrase: "reiterated Washington's
    view that ...", "told IRNA that ...", "said in comments aired Monday that ..."."""
    for x in cue.subtree:
        if x.i <= cue.i or x.left_edge.i > cue.i + 10:
            continue
        if x.dep_ in ("ccomp", "acl", "relcl") and x.left_edge.lower_ == "that" and x.left_edge.i > cue.i:
            y = x.head
            while y.i != cue.i and y.dep_ in ("dobj", "dative", "pobj", "prep", "acl", "npadvmod", "appos"):
                y = y.head
            if y.i == cue.i:
                return x
    return None


def reported_content(cue: Token, *, trim: Collection[str], addressee_verbs: Collection[str], object_cue: bool,
                     opens_claim: Callable[[Token], bool]) -> tuple[int, int] | None:
    """What is said, as a character span: the cue's clause complement or "that" clause (from
    the sentence start when it comes first: "Y, X said"), what follows a colon, an
    `object_cue`'s arguments ("accused Russia of ..."), or the clause a "Y, X said" parse hangs
    the cue on. A clause that `opens_claim` of its own ("..., while the US said") ends it."""
    doc = cue.doc
    comp = first_child(cue, ("ccomp",)) or that_clause(cue)
    if comp is not None and comp.i < cue.i:
        tail = min([cue.i] + [x.i for c in cue.children if c.dep_ in SUBJECTS for x in c.subtree])
        return trimmed(doc, cue.sent.start, tail - 1, trim)
    if comp is not None:
        first, last = comp.left_edge.i, comp.right_edge.i
        obj = next((c for c in cue.rights if c.dep_ == "dobj" and c.i < comp.left_edge.i), None)
        if obj is not None and cue.lemma_.lower() not in addressee_verbs:
            first = obj.left_edge.i  # "reported several strikes ..., including one that ..."
        for c in comp.rights:
            if c.dep_ in ("advcl", "conj") and any(opens_claim(x) for x in c.subtree if x.i != comp.i):
                last = min(last, c.left_edge.i - 1)
                break
        else:  # a misparsed tail of the clause hangs off the cue: "targeted X, Y and Z"
            for c in cue.rights:
                if c.i > last and c.dep_ not in ("advcl", "conj", "cc", "parataxis", "punct", "prep", "npadvmod"):
                    last = c.right_edge.i
        return trimmed(doc, first, last, trim)
    for c in cue.children:
        if c.dep_ == "punct" and c.text == ":" and c.i > cue.i:
            return trimmed(doc, c.i + 1, cue.sent.end - 1, trim)
    if object_cue:
        args = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "prep", "oprd", "dative") and c.i > cue.i]
        if args and any(a.dep_ != "dative" for a in args):
            return trimmed(doc, min(a.left_edge.i for a in args), max(a.right_edge.i for a in args), trim)
    if cue.dep_ in ("parataxis", "ccomp") and cue.i > cue.head.i and cue.head.pos_ in ("VERB", "AUX"):
        head = cue.head  # "Y, X said" parsed with Y as the root
        left = cue.left_edge.i
        if any(t.text == "," for t in doc[head.left_edge.i : left]) or doc[left - 1].text == ",":
            return trimmed(doc, head.left_edge.i, left - 1, trim)
    return None


def phrase_before(cue: Token) -> Token | None:
    """The root of the noun phrase between the last comma and the cue ("..., military analyst
    Pavel Felgenhauer told AFP")."""
    doc = cue.doc
    j = cue.i - 1
    while j > cue.sent.start and doc[j].text != "," and doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
        j -= 1
    if doc[j].text != "," or j + 1 >= cue.i:
        return None
    span = doc[j + 1 : cue.i]
    return span.root if any(t.pos_ in ("PROPN", "NOUN") for t in span) else None


def quote_kind(text: str, open_marks: Collection[str], close_marks: Collection[str]) -> str:
    """"direct" for text wholly inside one pair of quote marks, "mixed" for text with marks
    inside, else "indirect"."""
    marks = sum(text.count(m) for m in {*open_marks, *close_marks})
    if not marks:
        return "indirect"
    if text[:1] in open_marks and text[-1:] in close_marks and marks == 2:
        return "direct"
    return "mixed"


def parenthetical_content(cue: Token, trim: Collection[str]) -> tuple[int, int] | None:
    """The whole clause around an attribution set off by commas inside it ("Acts of protest,
    Mr. Obama said, are acts of patriotism"; "Many were older, she said, and ..."): the cue
    hangs on the clause's verb as a parataxis with words of that clause on both sides."""
    head = cue.head
    if cue.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or first_child(cue, ("ccomp",)) is not None:
        return None
    words = [x.i for x in cue.subtree if not x.is_punct]
    first, last = words[0], words[-1]
    doc = cue.doc
    if first - 1 <= head.left_edge.i or last + 2 > head.right_edge.i:
        return None  # nothing of the clause before or after it: "Y, X said." is `reported_content`'s
    if (doc[first - 1].text, doc[last + 1].text) != (",", ",") and (doc[first - 1].is_punct or doc[last + 1].is_punct):
        return None  # set off by commas, or by none where a text lost them all (components/commas.py)
    return trimmed(doc, head.left_edge.i, head.right_edge.i, trim)


def object_content(cue: Token, trim: Collection[str], pronouns: Collection[str],
                   plausible: Callable[[Token], bool]) -> tuple[int, int] | None:
    """A noun phrase as what is said: the cue's direct object after it ("the firm announced a
    buyback", "Clinton mentioned disparaging remarks Trump had made"), not a bare pronoun
    ("said it") nor a `plausible` speaker, which is an inverted attribution without its commas
    ("... said a monitoring group")."""
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ in pronouns and obj.n_lefts + obj.n_rights == 0 or plausible(obj):
        return None
    return trimmed(cue.doc, obj.left_edge.i, obj.right_edge.i, trim)


def passive_content(cue: Token, trim: Collection[str], pronouns: Collection[str]) -> tuple[int, int] | None:
    """A passive cue with a by-phrase says its subject: "The registration issue was first
    reported by The Washington Post" (the speaker is the agent); not a bare pronoun ("it was
    declared by")."""
    said = first_child(cue, ("nsubjpass",))
    if said is None or agent_of(cue) is None or said.lower_ in pronouns and not (said.n_lefts or said.n_rights):
        return None
    return trimmed(cue.doc, said.left_edge.i, said.right_edge.i, trim)



def nominal_content(noun: Token, link: Token, trim: Collection[str]) -> tuple[int, int] | None:
    """What a noun of saying reports, from the word after it: the clause `link` ("that") opens
    ("his claim that people would learn nothing"), or the object of the preposition `link`
    ("her remarks about tariffs"), not a time."""
    if link.dep_ == "mark":
        clause = link.head
        if clause.head.i != noun.i or clause.dep_ not in ("acl", "ccomp", "relcl"):
            return None
        return trimmed(noun.doc, clause.left_edge.i, clause.right_edge.i, trim)
    said = first_child(link, ("pobj",), ("DATE", "TIME")) if link.dep_ == "prep" and link.head.i == noun.i else None
    if said is None:  # nor a time: "remarks on Saturday"
        return None
    # a verb hanging on the topic is mostly the sentence's own ("remarks about tariffs angered farmers")
    last = max([said.i] + [c.right_edge.i for c in said.rights if c.dep_ not in ("acl", "relcl")])
    return trimmed(noun.doc, said.left_edge.i, last, trim)
