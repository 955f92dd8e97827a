"""Two small pipeline helpers claimx adds around its rule components."""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import IDX, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from claimx.components.base import line_layout, text_of

NEWLINE = re.compile("\n")


@Language.component("claimx_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Line breaks end sentences: headings, captions and link lists never run into the next
    paragraph. So do the edges of page furniture inside a line (a date line or share bar
    glued to a headline, see layout.py), which the components then pass over by the role of
    the sentence's start. Runs before the parser, which keeps sentence starts already set."""
    if not len(doc):
        return doc
    columns = doc.to_array([IDX, IS_SPACE])
    starts, spaces = columns[:, 0], columns[:, 1]
    # tokens tile the text, so a token's text_with_ws holds a line break when the count of
    # line breaks before the next token's start goes up
    newlines = numpy.fromiter((m.start() for m in NEWLINE.finditer(text_of(doc))), dtype=starts.dtype)
    breaks_before = numpy.searchsorted(newlines, starts)
    for i in numpy.flatnonzero((breaks_before[1:] > breaks_before[:-1]) & (spaces[1:] == 0)).tolist():
        doc[i + 1].is_sent_start = True
    starts = starts.tolist()
    for start, end, role in line_layout(doc):
        if role != "skip":
            continue
        for edge in (start, end):
            i = bisect_left(starts, edge)
            if 0 < i < len(doc) and not doc[i].is_space:
                doc[i].is_sent_start = True
                if i + 1 < len(doc) and doc[i + 1].is_sent_start is None:
                    doc[i + 1].is_sent_start = False  # "16 | Civilians Dead in ...": a headline's count stays in it
    return doc


@Language.component("claimx_slim")
def drop_parse_payload(doc: Doc) -> Doc:
    """Last in claimx's own pipeline: once the records are on the Doc, the token vectors and
    per-document caches are dead weight when worker processes send Docs back."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    for key in ("claimx_text", "claimx_dates", "claimx_layout"):
        doc.user_data.pop(key, None)
    doc._.claimx_sents = None
    return doc
