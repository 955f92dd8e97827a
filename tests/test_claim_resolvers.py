"""Claim resolvers for clean news (boundaries, cues beyond a finite verb with a clause) on
hand-built Docs or plain text: no model."""

import re

from claimx import resolvers


def test_doubled_apostrophes_become_single_marks_beside_the_quoted_words():
    text = "''It is more tinkering at the edges,'' said Alan Cole. ''Seeing it is emotional.''"
    marked = resolvers.single_marks(text, re.compile("''"), '"')
    assert len(marked) == len(text)
    assert marked == ' "It is more tinkering at the edges,"  said Alan Cole.  "Seeing it is emotional." '
    quotes = resolvers.find_quotes(marked, {'"'}, {'"'}, re.compile('"|\n'))
    assert [text[q.start : q.end] for q in quotes] == ["It is more tinkering at the edges,", "Seeing it is emotional."]


def test_a_lone_apostrophe_is_not_a_mark():
    text = "The players' union said it's over."
    assert resolvers.single_marks(text, re.compile("''"), '"') == text
