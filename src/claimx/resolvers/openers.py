"""What a claim's spans must not start with: a byline or dateline glued to the first sentence
(`MOSCOW (Sputnik) Six people were killed`, `Reuters) Western powers say`), and for a speaker,
the words that open the sentence before it in a text without commas (`Earlier state
television said`, `Earlier in the day a source at the police command told`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

# `BEIRUT (Reuters) -`, `MOSCOW (Sputnik)`, `(AFP) `, `Reuters) ` (a span that starts inside one),
# `DAMASCUS -`
BYLINE = re.compile(
    r"(?:[A-Z]{3,}[A-Z.'-]*(?: [A-Z][A-Z.'-]+)* ?)?\([A-Z][\w .'-]{1,30}\)\s*(?:[-–—]+\s*)?"
    r"|[A-Z][\w.'-]{1,30}\)\s+(?:[-–—]+\s*)?"
    r"|[A-Z]{3,}(?: [A-Z]{3,})* [-–—]+\s*"
)


def byline_length(text: str) -> int:
    """Characters of a byline or dateline at the start of `text`, 0 when there is none; never
    all of it."""
    m = BYLINE.match(text)
    return 0 if m is None or m.end() >= len(text) else m.end()


def without_opener(tokens: list[Token]) -> list[Token]:
    """A speaker phrase without the sentence adverbs and the prepositional phrase that open
    the sentence before it ("Earlier in the day a source" -> "a source"), when a noun phrase
    is left."""
    k = 0
    while k < len(tokens) - 1:
        t = tokens[k]
        if not t.whitespace_:
            break  # "Western-backed"
        if t.pos_ == "ADV" and t.dep_ in ("advmod", "npadvmod") and t.lower_ not in ("only", "also", "not"):
            k += 1
        elif t.pos_ == "ADP" and t.right_edge.i < tokens[-1].i and any(c.dep_ == "pobj" for c in t.children):
            # "In a statement the ministry"
            k = next(n for n, x in enumerate(tokens) if x.i > t.right_edge.i)
        else:
            break
    rest = tokens[k:]
    if k == 0 or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in rest):
        return tokens
    return rest
