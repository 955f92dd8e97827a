"""Line breaks end sentences: headings, captions and link lists never run into the next
paragraph. Runs before the parser, which keeps sentence starts that are already set."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("claimx_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if "\n" in prev.text_with_ws and not t.is_space:
            t.is_sent_start = True
    return doc
