"""Quotes on the raw text (quote marks are characters, not always tokens) and what a quote
resolves to: the cue beside it, the part that continues it, the sentence that leads into it.
Token positions come from `starts`, the documents' token start offsets in order."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimx.resolvers.speech import SENTENCE_END

# what may follow a cue that closes its sentence: its speaker, who is told, when, where, how
ATTRIBUTION_TAIL = frozenset({"nsubj", "punct", "prep", "npadvmod", "advmod", "dative", "appos", "acl", "relcl"})


@dataclass
class Quote:
    start: int  # first character inside the marks
    end: int  # character after the last one inside the marks
    close: int | None  # offset of the closing mark; None when unbalanced


def token_at(starts: list[int], offset: int) -> int:
    """Index of the first token that starts at or after `offset`."""
    return bisect_left(starts, offset)


def token_containing(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def find_quotes(text: str, opens: Collection[str], closes: Collection[str], marks: re.Pattern) -> list[Quote]:
    """Quoted stretches (`marks` finds the quote marks and line breaks); a quote left open at a
    paragraph end continues when the next paragraph opens with a mark (the news convention),
    else ends there."""
    found: list[Quote] = []
    start = None
    skip_to = -1  # a continuing quote's opening mark in the next paragraph is not a new quote
    for m in marks.finditer(text):
        i, ch = m.start(), m.group()
        if i < skip_to:
            continue
        if ch == "\n":
            if start is not None:
                j = i
                while j < len(text) and text[j].isspace():
                    j += 1
                if j < len(text) and text[j] in opens:
                    skip_to = j + 1
                else:
                    found.append(Quote(start, i, None))
                    start = None
        elif start is None and ch in opens and ch != "\u201d":
            start = i + 1
        elif start is not None and ch in closes and not (ch == '"' and i == start):
            found.append(Quote(start, i, i))
            start = None
    if start is not None:
        found.append(Quote(start, len(text), None))
    return [q for q in found if q.end > q.start]


def cue_after(doc: Doc, q: Quote, starts: list[int], marks: Collection[str], is_cue: Callable[[Token], bool],
              speaker_of: Callable[[Token], Token | None]) -> Token | None:
    """The cue right after a quote: `"...," Kerry said` / `"...," said Carter` / `"..." WHO
    said in a statement`; only its speaker's words may stand between."""
    if q.close is None:
        return None
    i = token_at(starts, q.close + 1)
    while i < len(doc) and (doc[i].text in (",", "—", "–", "-") or doc[i].is_space and "\n" not in doc[i].text):
        i += 1  # `," he said`, but not across a paragraph break
    for j in range(i, min(i + 12, len(doc))):
        t = doc[j]
        if t.text in SENTENCE_END or t.text in marks or "\n" in t.text:
            return None
        if is_cue(t):
            subj = speaker_after(q, t, speaker_of)
            if subj is None:
                return None
            subtree = {x.i for x in subj.subtree}
            if all(x.i in subtree or x.is_punct for x in doc[i:j]) and (j > i or subj.i > t.i):
                return t
            return None
    return None


def speaker_after(q: Quote, cue: Token, speaker_of: Callable[[Token], Token | None]) -> Token | None:
    """The speaker of a cue after a quote, never a word inside the quote: with the commas
    stripped (`"We will not leave" said X`, `"..." he told Y`) the parse can take the quote's
    words for the cue's subject; then the subject after the closing mark is the speaker."""
    subj = speaker_of(cue)
    if subj is None or q.close is None or cue.idx < q.close or subj.idx > q.close:
        return subj
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx > q.close), None)


def cue_before(doc: Doc, text: str, q: Quote, starts: list[int], is_cue: Callable[[Token], bool],
               speaker_of: Callable[[Token], Token | None]) -> Token | None:
    """The cue right before a quote: `Kerry said: "..."`, `he told reporters, "..."`,
    `adding: "..."`; only the cue's own words may stand between."""
    k = q.start - 2
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0:
        return None
    p = token_containing(starts, k)
    punctuated = doc[p].text in (":", ",")
    if punctuated:
        p -= 1
    sent_start = doc[p].sent.start if p >= 0 else 0
    for j in range(p, max(sent_start - 1, p - (12 if punctuated else 2)), -1):
        t = doc[j]
        if is_cue(t):
            subtree = {x.i for x in t.subtree}
            if all(x.i in subtree or x.is_punct for x in doc[j + 1 : p + 1]) and speaker_of(t) is not None:
                return t
            return None
    return None


def next_part(text: str, cue: Token, quotes: list[Quote], index: int,
              is_cue: Callable[[Token], bool] = lambda t: False) -> int | None:
    """Index of the quote that continues a split quote after `cue`'s clause
    (`"We struck," he said, "and will again."`) in the same paragraph, unless a cue of its own
    on the clause reports it (`," he said, adding that "...`)."""
    if index + 1 >= len(quotes):
        return None
    nxt = quotes[index + 1]
    end = max(x.idx + len(x.text) for x in cue.subtree)
    if any(is_cue(c) and cue.i < c.i and c.idx < nxt.start for c in cue.children) or "\n" in text[cue.idx : nxt.start]:
        return None
    between = text[end : nxt.start - 1]
    if len(between) <= 4 and "\n" not in between and between.strip() in (",", ".", ";", ""):
        return index + 1
    return None


def lead_in(doc: Doc, text: str, q: Quote, starts: list[int]) -> int | None:
    """Start of the sentence text before a quote that ends in its attribution, if any
    ('The strikes destroyed ..., "killing ...," Moscow said.')."""
    sent = doc[token_at(starts, q.start)].sent
    if sent.start_char >= q.start - 1:
        return None
    before = text[sent.start_char : q.start - 1]
    if len(before.split()) < 3 or before.rstrip()[-1:] == ":":
        return None
    return sent.start_char + (len(before) - len(before.lstrip()))


def fills_paragraph(text: str, q: Quote) -> bool:
    """Nothing but the quote (and a full stop) on its line."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    after = text[(q.close if q.close is not None else q.end) + 1 : line_end if line_end >= 0 else None]
    return not text[line_start : q.start - 1].strip() and not after.strip(" .")


def opens_clause(text: str, q: Quote) -> bool:
    """A quote that can stand as the whole reported statement starts a sentence or follows a
    colon, comma or dash, not mid-phrase ('the banner of the "Free Syrian Army"')."""
    before = text[: q.start - 1].rstrip(" \t")
    return not before or before[-1] in "\n.:,;?!—–-\"”" or before.endswith("--")


def single_marks(text: str, doubled: re.Pattern, mark: str) -> str:
    """`text` with each doubled-apostrophe quote mark (`''It is,'' he said`, a newspaper style)
    written as one `mark` beside the quoted words and a space on its other side: same length,
    so offsets hold. An opening one follows a space, a line start or a bracket."""
    def one(m: re.Match) -> str:
        opening = m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "([—–-"
        return " " + mark if opening else mark + " "
    return doubled.sub(one, text)


def unmarked_quote_rest(cue: Token, said_by: Token, content: tuple[int, int], text: str, marks: Collection[str],
                        speech_words: Collection[str], glued_endings: Collection[str],
                        opens_claim: Callable[[Token], bool], max_sentences: int = 3) -> tuple[int, int] | None:
    """The rest of a paragraph that goes on quoting after "Y X said." where the text lost its
    apostrophes and with them the `''` quote marks (`''Y,'' he said. ''Z.''` -> `Y he said. Z`):
    the sentences after the attribution, to the paragraph's end, when there are at most
    `max_sentences` of them, none with a quote mark, an attribution of its own (but one of
    the speaker's "I think") or the speaker's head noun or name (then they are about the
    speaker), and someone speaks in them, or in Y when Y opens the paragraph: a first- or
    second-person word of `speech_words`, a contraction ending of `glued_endings` ("dont" ->
    "do" + "nt"). Nothing but the speaker and adjuncts may follow the cue ("said of the plan",
    not "declared war on ..."). None otherwise."""
    line_start = text.rfind("\n", 0, content[0]) + 1
    line_end = text.find("\n", content[0])
    if line_end < 0 and not line_start or content[1] > cue.idx:
        return None  # no paragraphs (an article on one line): no telling where a quote would end
    doc, sent = cue.doc, cue.sent
    end = _last_word(sent)
    if content[0] != sent.start_char or doc[end].text != "." or any(c.dep_ not in ATTRIBUTION_TAIL for c in cue.rights):
        return None
    line_end = len(text) if line_end < 0 else line_end
    rest, i = [], sent.end
    while i < len(doc) and doc[i].idx < line_end:
        rest.append(doc[i].sent)
        end, i = _last_word(rest[-1]), rest[-1].end
    if not rest or len(rest) > max_sentences or doc[end].idx > line_end \
            or any(m in text[sent.start_char : line_end] for m in marks):
        return None
    following = doc[rest[0].start : end + 1]
    named = said_by.lower_ if said_by.pos_ != "PRON" else None  # "Mr. Holtz", "the mayor", not "he"
    if any(t.lower_ == named or opens_claim(t) for t in following):
        return None

    def speaking(words) -> bool:
        return any(t.lower_ in speech_words or t.lower_ in glued_endings and not doc[t.i - 1].whitespace_
                   for t in words)
    opens_paragraph = not text[line_start : sent.start_char].strip()
    if not (speaking(following) or opens_paragraph and speaking(doc[sent.start : cue.i])):
        return None
    while end > rest[0].start and doc[end].is_punct:
        end -= 1
    return rest[0].start_char, doc[end].idx + len(doc[end].text)


def _last_word(sent) -> int:
    """Index of the sentence's last token that is not white space."""
    end = sent.end - 1
    while end > sent.start and sent.doc[end].is_space:
        end -= 1
    return end
