"""Speakers resolved to the fullest name the document gives ("Kerry", "he", "the activist" ->
"John Kerry"), with a type and a title: the claims component's naming step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimx.components.base import tokens_span
from claimx.resolvers import first_child

if TYPE_CHECKING:
    from claimx.components.claims import _DocClaims


class SpeakerNames:
    """Resolves speaker mentions to the fullest name in the document."""

    def __init__(self, finder: _DocClaims):
        self.f = finder
        doc = finder.doc
        self.people: dict[str, str] = {}  # any word of a person's name -> the first full name
        self.ents = doc.ents  # built on each access: once per document
        for ent in self.ents:
            if ent.label_ == "PERSON" and not finder.skipped(ent.start_char):
                name = _clean(ent)
                for w in name.split():
                    known = self.people.get(w, "")
                    if w[:1].isupper() and (not known or len(name.split()) > len(known.split()) and w in known.split()
                                            and known in name):
                        self.people[w] = name
        self.orgs = [(_clean(e), e.label_) for e in self.ents if e.label_ in ("ORG", "GPE", "NORP")]
        self.history: list[tuple[int, dict]] = []  # (offset, speaker) of resolved mentions
        self.titles: dict[str, str] = {}

    def speaker(self, tokens: list[Token], offset: int) -> dict:
        doc = self.f.doc
        span = doc[tokens[0].i : tokens[-1].i + 1]
        out = tokens_span(doc, tokens[0], tokens[-1])
        head = span.root
        name, kind, title = None, "unknown", None
        ents = [e for e in self.ents if span.start <= e.start and e.end <= span.end]
        persons = [e for e in ents if e.label_ == "PERSON"]
        if len(tokens) == 1 and head.lower_ in self.f.r.pronouns:
            prior = self.antecedent(head.lower_, offset)
            if prior:
                name, kind = prior["name"], prior["type"]
        elif persons:
            full = [self.people.get(_clean(p).split()[-1], _clean(p)) for p in persons]
            name, kind = " and ".join(dict.fromkeys(full)), "person"
            before = doc[span.start : persons[0].start]
            words = [t for t in before if t.lower_ not in self.f.r.determiners]
            appos = first_child(head, ("appos",))
            if words and len(persons) == 1:
                title = doc[words[0].i : persons[0].start].text.strip(" ,")
            elif appos is not None:  # "Bassam Barabandi, a former Syrian diplomat, wrote"
                first = next(x for x in appos.subtree if x.lower_ not in self.f.r.determiners)
                title = doc[first.i : appos.right_edge.i + 1].text.strip(" ,")
            if title:
                self.titles.setdefault(name, title)
        elif len(tokens) == 1 and head.text in self.people:
            name, kind = self.people[head.text], "person"
        elif tokens[0].lower_ == "the" and len(tokens) == 2 and (prior := self.described(head.lower_)):
            name, kind = prior["name"], "person"  # "The activist" after "Bassam Barabandi, an activist"
        else:
            name, kind = self.describe(span, head, tokens)
        out.update(name=name, type=kind, title=title)
        self.history.append((offset, out))
        return out

    def describe(self, span: Span, head: Token, tokens: list[Token]) -> tuple[str, str]:
        """Name and type of a speaker that is not a named person."""
        first = tokens[1] if tokens[0].lower_ in self.f.r.determiners and len(tokens) > 1 else tokens[0]
        name = self.f.text[first.idx : tokens[-1].idx + len(tokens[-1].text)]
        low = head.lower_
        ent = next((e for e in self.ents if span.start <= e.start and e.end <= span.end
                    and e.label_ in ("ORG", "GPE", "NORP")), None)
        listed = self.f.r.speaker_type.get(low)
        if listed == "organization":
            return self.fullest_org(name), listed
        if listed is not None and listed != "group":
            return name, listed
        if listed == "group" or head.tag_ in ("NNS", "NNPS") and (ent is None or ent.label_ == "NORP"):
            return name, "group"
        if ent is not None:
            return self.fullest_org(name), {"ORG": "organization", "GPE": "country", "NORP": "group"}[ent.label_]
        if head.pos_ == "PROPN":
            return self.fullest_org(name), "organization"
        return name, "unknown"

    def described(self, noun: str) -> dict | None:
        """The latest person speaker whose title or apposition has this noun."""
        for _, prior in reversed(self.history):
            if prior.get("type") == "person" and noun in (prior.get("title") or "").lower():
                return prior
        return None

    def fullest_org(self, name: str) -> str:
        words = [w for w in name.split() if w[:1].isupper()]
        best = name
        for org, _ in self.orgs:
            if words and all(w in org.split() for w in words) and len(org) > len(best):
                best = org
        return best

    def antecedent(self, pronoun: str, offset: int) -> dict | None:
        if pronoun in self.f.r.person_pronouns:
            wanted = {"person"}
        elif pronoun == "it":
            wanted = {"organization", "country"}
        else:
            wanted = {"group", "organization", "anonymous", "country", "person"}
        for _, prior in reversed(self.history):
            if prior.get("type") in wanted and prior.get("name"):
                return prior
        if pronoun in self.f.r.person_pronouns:  # no earlier speaker: the last person named before
            for ent in reversed(self.ents):
                if ent.label_ == "PERSON" and ent.end_char <= offset:
                    full = self.people.get(_clean(ent).split()[-1], _clean(ent))
                    return {"name": full, "type": "person"}
        return None

    def fill_titles(self, claims: list[dict]) -> None:
        for c in claims:
            sp = c["speaker"]
            if sp and sp["type"] == "person" and not sp.get("title"):
                sp["title"] = self.titles.get(sp["name"])


def _clean(ent: Span) -> str:
    text = ent.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()

