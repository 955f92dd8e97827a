"""Attributed claims: direct quotes, indirect speech, "according to", colon headings.

Quotes are found on the raw text (marks are characters, not tokens); the speaker and cue
come from the dependency parse around them. Speakers are resolved to the fullest name the
document gives ("Kerry", "he" -> "John Kerry").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimx import resolvers
from claimx.components.base import (
    Match,
    RuleComponent,
    char_span,
    evidence,
    line_layout,
    text_of,
    tokens_span,
)
from claimx.components.speakers import SpeakerNames
from claimx.kinds import contract_values, new_record
from claimx.layout import role_at
from claimx.records import Speaker
from claimx.resolvers.commas import stripped
from claimx.resolvers.openers import byline_length, without_opener
from claimx.resolvers.quotes import Quote, token_at, unmarked_quote_rest
from claimx.rules import Rule


@dataclass
class Found:
    """A claim before ids and names are assigned."""

    content: list[tuple[int, int]]  # parts, in text order
    cue: Token | None
    cue_text: tuple[int, int] | None
    speaker: list[Token] | None
    quote: str
    extra: dict = field(default_factory=dict)
    rule: str = ""  # the id of the rule that found it


@Language.factory(
    "claimx_claims",
    assigns=["doc._.claimx_claims"],
    requires=["token.dep", "token.tag", "token.lemma", "doc.sents", "doc.ents"],
    default_config={"patterns_dir": None},
)
def make_claims(nlp: Language, name: str, patterns_dir: str | None) -> ClaimComponent:
    return ClaimComponent(nlp, name, patterns_dir=patterns_dir)


class ClaimComponent(RuleComponent):
    """Sets `doc._.claimx_claims`: a list of claim dicts in the claimx/1 shape (minus `doc`)."""

    kind = "claim"
    resolvers = frozenset({"quote_with_cue", "reported_speech", "noun_cue_speech", "according_to", "colon_heading",
                           "object_content", "nominal_speech"})
    word_files = {"claims.json": {"speaker_types": dict, "addressee_verbs": list, "quotes": dict, "pronouns": list,
                                  "person_pronouns": list, "determiners": list, "relative_pronouns": list,
                                  "content_trim": list, "direct_speech": dict}}
    categories = {"claims.json": {"speaker_types": contract_values(Speaker, "type")}}

    def compile_words(self) -> None:
        rules = self.words["claims.json"]
        self.speaker_type: dict[str, str] = {}  # a speaker noun -> its type; the first type listing it wins
        for kind, words in rules["speaker_types"].items():
            for w in words:
                self.speaker_type.setdefault(w, kind)
        self.addressee_verbs = set(rules["addressee_verbs"])
        self.pronouns = set(rules["pronouns"])
        self.person_pronouns = set(rules["person_pronouns"])
        self.determiners = set(rules["determiners"])
        self.bare_words = self.pronouns | self.determiners  # not a content on their own: "said it", "the"
        self.relative_pronouns = set(rules["relative_pronouns"])
        self.content_trim = set(rules["content_trim"])
        self.speech_words = set(rules["direct_speech"]["words"])
        self.glued_endings = set(rules["direct_speech"]["glued_endings"])
        self.open_marks = set(rules["quotes"]["open"])
        self.close_marks = set(rules["quotes"]["close"])
        self.quote_marks = self.open_marks | self.close_marks
        self.mark_pattern = re.compile("|".join(map(re.escape, sorted(self.quote_marks | {"\n"}))))
        self.doubled_mark = re.compile(re.escape(rules["quotes"]["doubled"]))

    def process(self, doc: Doc) -> Doc:
        doc._.claimx_claims = _DocClaims(self, doc).run()
        return doc


class _DocClaims:
    """The claims of one document."""

    def __init__(self, rules: ClaimComponent, doc: Doc):
        self.r = rules
        self.doc = doc
        # quote marks as single characters (offsets unchanged) for the quote resolvers
        self.text = resolvers.single_marks(text_of(doc), rules.doubled_mark, '"')
        self.starts = doc.to_array([IDX]).tolist() if len(doc) else []
        self.stripped = stripped(self.text, len(doc))  # a text that lost its commas (and apostrophes)
        self.quotes: list[Quote] = []  # found in `run`
        self.cues_after: dict[int, Token | None] = {}  # quote index -> the cue after it
        self.matched: dict[str, list[Match]] = {}  # resolver -> its rules' matches, in text order
        for m in rules.matches(doc):
            self.matched.setdefault(m[0].resolver, []).append(m)
        # cue verbs: what a quote's or a clause's attribution hangs on
        self.cues = {tokens[0]: rule for rule, tokens in self.matched.get("reported_speech", ())}
        # cues whose direct object can be what is said when they have no clause
        self.object_cues = {tokens[0]: rule for rule, tokens in self.matched.get("object_content", ())}
        self.roles = line_layout(doc)
        self.plausible = partial(resolvers.plausible_speaker, speaker_heads=rules.speaker_type)
        self.speaker = partial(resolvers.speaker, relative_pronouns=rules.relative_pronouns, is_cue=self.is_cue,
                               plausible=self.plausible)

    def is_cue(self, t: Token) -> bool:
        return t.i in self.cues

    def opens_claim(self, t: Token) -> bool:
        """A cue with a speaker: a claim of its own."""
        return self.is_cue(t) and self.speaker(t) is not None

    def opens_others_claim(self, t: Token) -> bool:
        """A cue with a speaker other than the one speaking ("I think" is the speaker's own)."""
        if not self.is_cue(t):
            return False
        said_by = self.speaker(t)
        return said_by is not None and said_by.lower_ not in self.r.speech_words

    def trimmed(self, first: int, last: int) -> tuple[int, int] | None:
        return resolvers.trimmed(self.doc, first, last, self.r.content_trim)

    def quote_kind(self, content: tuple[int, int]) -> str:
        return resolvers.quote_kind(self.text[content[0] : content[1]], self.r.open_marks, self.r.close_marks)

    def skipped(self, offset: int) -> bool:
        return role_at(self.roles, offset) == "skip"

    # ---- quotes --------------------------------------------------------------------------
    def direct(self, quotes: list[Quote]) -> tuple[list[Found], set[int], list[Quote]]:
        """Quotes with a cue beside them; also the quotes that fill a paragraph with no cue
        (possible continuations of the previous paragraph's speaker)."""
        found: list[Found] = []
        used_cues: set[int] = set()
        covered: set[int] = set()
        orphans: list[Quote] = []
        for i, q in enumerate(quotes):
            if i in covered or self.skipped(q.start):
                continue
            if len(self.text[q.start : q.end].split()) < 3:
                continue  # scare quotes: "deconflict"
            cue = self.cue_after(i) if resolvers.opens_clause(self.text, q) else None
            parts = [(q.start, q.end)]
            kind = "direct"
            if cue is not None:
                j = resolvers.next_part(self.text, cue, quotes, i, self.is_cue)
                if j is not None and self.cue_after(j) is None:  # `"A" X told dpa. "B" Y said.`: B is Y's
                    parts.append((quotes[j].start, quotes[j].end))
                    covered.add(j)
                lead = resolvers.lead_in(self.doc, self.text, q, self.starts)
                if lead is not None:  # 'The strikes destroyed ..., "killing ...," Moscow said.'
                    parts, kind = [(lead, parts[-1][1])], "mixed"
            else:
                cue = resolvers.cue_before(self.doc, self.text, q, self.starts, self.is_cue, self.speaker)
            if cue is not None:
                subj = resolvers.speaker_after(q, cue, self.speaker)
                speaker = resolvers.phrase_of(subj) if subj is not None else None
                used_cues.add(cue.i)
                found.append(Found(parts, cue, None, speaker, kind, rule=self.r.scanners["quote_with_cue"].id))
            elif resolvers.fills_paragraph(self.text, q):
                orphans.append(q)
        return found, used_cues, orphans

    def cue_after(self, i: int) -> Token | None:
        """The cue right after quote i (looked up once: a quote is asked about as the next part of
        the one before it and again as a quote of its own)."""
        if i not in self.cues_after:
            self.cues_after[i] = resolvers.cue_after(self.doc, self.quotes[i], self.starts, self.r.quote_marks,
                                                     self.is_cue, self.speaker)
        return self.cues_after[i]

    def continuations(self, found: list[Found], orphans: list[Quote]) -> list[Found]:
        """A cue-less quote paragraph right after a paragraph that ends with a claim continues
        that claim's speaker (news style: the speaker is named once)."""
        out = []
        for q in orphans:
            prior = max((f for f in found if f.content[-1][1] < q.start and f.speaker), default=None,
                        key=lambda f: f.content[-1][1])
            if prior is None:
                continue
            gap = self.text[prior.content[-1][1] : q.start - 1]  # e.g. `," he said.\n`
            if "\n" in gap and len(gap.strip(" \n.,\"”")) < 60:
                out.append(Found([(q.start, q.end)], None, None, prior.speaker, "direct", {"continuation": True},
                                 rule=prior.rule))
        return out

    # ---- indirect speech -----------------------------------------------------------------
    def indirect(self, used_cues: set[int]) -> list[Found]:
        found = []
        for rule, tokens in self.matched.get("reported_speech", ()):
            t = self.doc[tokens[0]]
            if t.i in used_cues or self.skipped(t.idx):
                continue
            around = resolvers.parenthetical_content(t, self.r.content_trim)  # "A, X said, B": the cue is inside
            content = around or resolvers.reported_content(
                t, trim=self.r.content_trim, addressee_verbs=self.r.addressee_verbs,
                object_cue=self.cues[t.i].label == "OBJECT_CUE", opens_claim=self.opens_claim)
            if content is None and t.i in self.object_cues:  # "the firm announced a buyback"
                content = resolvers.object_content(t, self.r.content_trim, self.r.bare_words, self.plausible)
                rule = self.object_cues[t.i]
            if content is None:  # "was first reported by the Post"
                content = resolvers.passive_content(t, self.r.content_trim, self.r.bare_words)
            if content is None:
                continue
            subj = self.speaker(t)
            if subj is None and content[1] <= t.idx:
                subj = resolvers.phrase_before(t)  # "..., military analyst Pavel Felgenhauer told AFP"
                if subj is not None:
                    content = self.trimmed(t.sent.start, subj.left_edge.i - 1) or content
            if subj is None or subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in t.children):
                continue
            if content[0] <= subj.idx < content[1] and not around:
                continue  # the "subject" is inside what is reported: a misparse
            parts = [content] + self.quote_continuing(t, subj, content)
            found.append(Found(parts, t, None, resolvers.phrase_of(subj), self.quote_kind(content), rule=rule.id))
        return found

    def quote_continuing(self, cue: Token, said_by: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
        """The quote that goes on after the attribution of a content ending in a quote
        ('Both parties "saw Burma as ...," said Victor Cha, who served .... "In that sense, ..."'),
        as a second part; in a text that lost its quote marks with its apostrophes, the rest of
        the paragraph when it goes on quoting (`unmarked_quote_rest`); else nothing."""
        if content[1] > cue.idx:
            return []
        k = next((k for k, q in enumerate(self.quotes)
                  if q.close is not None and content[1] - 2 <= q.close < content[1]), None)
        if k is None:
            rest = self.stripped and unmarked_quote_rest(cue, said_by, content, self.text, self.r.quote_marks,
                                                         self.r.speech_words, self.r.glued_endings,
                                                         self.opens_others_claim)
            return [rest] if rest else []
        j = resolvers.next_part(self.text, cue, self.quotes, k, self.is_cue)
        return [] if j is None else [(self.quotes[j].start, self.quotes[j].end)]

    def in_prose(self, resolver: str) -> Iterator[tuple[Rule, Token, Token]]:
        """The matches of a resolver's rules outside skipped lines: the rule, the first and the
        last matched token."""
        for rule, tokens in self.matched.get(resolver, ()):
            first = self.doc[tokens[0]]
            if not self.skipped(first.idx):
                yield rule, first, self.doc[tokens[-1]]

    def tagged_as_noun(self, used_cues: set[int]) -> list[Found]:
        """"The Times and the Journal report that ...", "Activists claim that ...": a plural
        subject makes the tagger read the cue as a noun; the surface form still says it."""
        found = []
        for rule, t, _ in self.in_prose("noun_cue_speech"):
            if t.i in used_cues or t.i == t.sent.start:
                continue
            before = self.doc[t.sent.start : t.i]
            if any(x.pos_ in ("VERB", "AUX") for x in before):
                continue
            content = self.trimmed(t.i + 2, t.sent.end - 1)
            said_by = [x for x in before if not x.is_space]
            if content and said_by:
                found.append(Found([content], t, None, said_by, self.quote_kind(content), rule=rule.id))
        return found

    def nominal(self) -> list[Found]:
        """"Her remarks about tariffs", "his claim that ...": a noun of saying whose sayer is its
        possessive."""
        found = []
        for rule, noun, link in self.in_prose("nominal_speech"):
            said_by = resolvers.first_child(noun, ("poss",))
            if said_by is None:
                continue
            content = resolvers.nominal_content(noun, link, self.r.content_trim)
            if content is not None:
                found.append(Found([content], noun, None, resolvers.phrase_of(said_by), self.quote_kind(content),
                                   rule=rule.id))
        return found

    def according_to(self) -> list[Found]:
        found = []
        for rule, t, to in self.in_prose("according_to"):
            pobj = resolvers.first_child(to, ("pobj",))
            if pobj is None:
                continue
            sent = t.sent
            inner = {x.i for x in t.subtree} | {x.i for x in to.subtree}
            rest = [x.i for x in sent if x.i not in inner]
            before = [i for i in rest if i < t.i]
            after = [i for i in rest if i > max(inner)]
            side = after if len(after) >= len(before) else before
            if not side:
                continue
            content = self.trimmed(side[0], side[-1])
            if content is None:
                continue
            found.append(Found([content], t, (t.idx, to.idx + 2), resolvers.phrase_of(pobj), self.quote_kind(content),
                               rule=rule.id))
        return found

    def colon_headings(self) -> list[Found]:
        """Sub-headings such as `White House: Russia will not succeed`."""
        found = []
        doc = self.doc
        rule = self.r.scanners.get("colon_heading")
        if rule is None:
            return found
        for start, end, role in self.roles:
            if role != "heading":
                continue
            colon = self.text.find(":", start, end)
            if colon < 0 or colon - start > rule.pattern.get("max_name_chars", 40):
                continue
            i, j = token_at(self.starts, start), token_at(self.starts, colon)
            names = doc[i:j]
            if not names or not all(x.pos_ == "PROPN" or x.is_punct for x in names):
                continue
            content = self.trimmed(j + 1, token_at(self.starts, end) - 1)
            if content:
                found.append(Found([content], None, (colon, colon + 1), list(names), self.quote_kind(content),
                                   {"headline": True}, rule=rule.id))
        return found

    def without_unlikely_nested(self, found: list[Found]) -> list[Found]:
        """A cue inside another claim's content whose subject can't say anything is no claim of
        its own: "the fighting claimed the lives of ...", "the attack calls into question ...",
        "their intention shows ..." inside what a speaker says."""
        likely = [f for f in found if f.speaker and self.plausible(_head(f.speaker))]
        contents = [(f.content[0][0], f.content[-1][1]) for f in likely]
        return [f for f in found if f.cue is None or not f.speaker or self.plausible(_head(f.speaker))
                or self.participle_of_speech(f.cue) or not _cue_inside(f, contents)]

    def participle_of_speech(self, cue: Token) -> bool:
        """"..., saying ...": the speaker is the clause's; a wrong one is a wrong name, not a
        sign that nothing is said (unlike "claiming the lives of")."""
        return cue.tag_ == "VBG" and cue.i in self.cues and self.cues[cue.i].label == "CUE"

    def outermost(self, found: list[Found]) -> list[Found]:
        """Without the claims whose cue is inside what another claim reports after its cue
        ("aides said he believes rates will rise", "she said professors would dismiss her
        proposals"): the content is the whole reported clause, and its speaker the outer one.
        Inside a content the attribution closes ("X said Y, agencies reported") only the claims
        of object cues go ("Y, accusing Z of ..., X said")."""
        def within(f: Found, g: Found) -> bool:
            return g is not f and _cue_inside(f, [(g.content[0][0], g.content[-1][1])])

        def nested(f: Found, g: Found) -> bool:
            if not within(f, g) or within(g, f) or self.subordinate(f.cue):
                return False
            return self.cues[f.cue.i].label == "OBJECT_CUE" or g.cue is not None and g.cue.idx < g.content[0][0]
        return [f for f in found
                if not (f.cue is not None and f.cue.i in self.cues and any(nested(f, g) for g in found))]

    def subordinate(self, cue: Token) -> bool:
        """A cue opening a clause of its own inside another ("..., while SANA said ...", "Aleppo,
        where it said ...", "one that it said killed ...", "..., saying ...", "with X saying"): its claim stands
        beside the other."""
        return cue.dep_ == "relcl" or cue.dep_ in ("advcl", "pcomp") and cue.tag_ == "VBG" or any(
            c.dep_ == "mark" and c.lower_ not in self.r.content_trim or c.dep_ == "advmod" and c.tag_ == "WRB"
            for c in cue.children)

    # ---- speakers ------------------------------------------------------------------------
    def run(self) -> list[dict]:
        quotes = []
        if "quote_with_cue" in self.r.scanners:
            quotes = resolvers.find_quotes(self.text, self.r.open_marks, self.r.close_marks, self.r.mark_pattern)
        self.quotes = quotes
        direct, used, orphans = self.direct(quotes)
        quoted = [part for f in direct for part in f.content if f.quote == "direct"]
        quoted += [(q.start, q.end) for q in orphans]
        others = (self.indirect(used) + self.tagged_as_noun(used) + self.nominal() + self.according_to()
                  + self.colon_headings())
        others = [f for f in others if not _cue_inside(f, quoted)]
        found = direct + self.outermost(others)  # a claim quoted inside a quote belongs to the quote's speaker
        found += self.continuations(found, orphans)
        found.sort(key=lambda f: (f.content[0][0], f.content[-1][1]))
        kept: list[Found] = []
        for f in found:  # one record per content span: a direct quote wins over its parse
            if kept and kept[-1].content == f.content:
                continue
            kept.append(f)
        kept = self.without_unlikely_nested(kept)
        names = SpeakerNames(self)
        out = []
        for n, f in enumerate(kept, 1):
            out.append(self.record(f, n, names))
        names.fill_titles(out)
        return out

    def drop_openers(self, f: Found) -> None:
        """No byline at the start of the content or speaker (`MOSCOW (Sputnik) Six people ...`),
        no sentence adverb before the speaker (`Earlier in the day a source told`)."""
        start, end = f.content[0]
        f.content[0] = (start + byline_length(self.text[start:end]), end)
        if f.speaker:
            said_by = without_opener(f.speaker)
            first = said_by[0].idx + byline_length(self.text[said_by[0].idx : said_by[-1].idx + len(said_by[-1])])
            f.speaker = [t for t in said_by if t.idx >= first]

    def record(self, f: Found, n: int, names: SpeakerNames) -> dict:
        doc = self.doc
        self.drop_openers(f)
        start, end = f.content[0][0], f.content[-1][1]
        content = char_span(doc, start, end)
        if len(f.content) > 1:
            content["parts"] = [char_span(doc, s, e) for s, e in f.content]
        cue = None
        if f.cue_text:  # a phrase ("according to", a heading's colon): its lemma is its text
            cue = char_span(doc, *f.cue_text, lemma=self.text[f.cue_text[0] : f.cue_text[1]].lower())
        elif f.cue is not None:
            cue = tokens_span(doc, f.cue, f.cue, lemma=f.cue.lemma_.lower())
        speaker = names.speaker(f.speaker, start) if f.speaker else None
        lo = min([start] + ([cue["start"]] if cue else []) + ([speaker["start"]] if speaker else []))
        hi = max([end] + ([cue["end"]] if cue else []) + ([speaker["end"]] if speaker else []))
        rec = new_record("claim", n, f.rule, evidence(doc, lo, hi), speaker=speaker, cue=cue, content=content,
                         quote=f.quote)
        rec.update(f.extra)
        return rec


def _cue_inside(f: Found, spans: list[tuple[int, int]]) -> bool:
    """The claim's cue lies inside one of the character spans."""
    return f.cue is not None and any(start <= f.cue.idx < end for start, end in spans)


def _head(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
