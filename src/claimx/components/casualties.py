"""Casualty figures: a number of people reported killed or injured, who they were, and who
reports it. Numbers come from `claimx.numbers`; the outcome and victims from the parse."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx import numbers
from claimx.components.base import (
    RuleComponent,
    attribution,
    char_span,
    evidence,
    line_layout,
    span_dict,
    text_of,
)
from claimx.kinds import contract_values, new_record
from claimx.layout import role_at
from claimx.numbers import NumberReader, Quantity
from claimx.records import Casualty, Victims
from claimx.resolvers import (
    counted_noun,
    first_conjunct,
    hypothetical,
    listed,
    nearest,
    negated,
    places_after,
    prep_object,
    tree_distance,
    victim_category,
    victim_in,
    victim_modifier,
    victims_span,
)
from claimx.resolvers.victims import displaced_count, member_category, predicate_noun, share_noun
from claimx.rules import PatternError, Rule
from claimx.tolls import is_part

SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
MAX_TREE_DISTANCE = 4
MAX_WAR_DISTANCE = 3  # "died in ... jails during the five-year conflict" with "jails" parsed a verb
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis"}


@Language.factory(
    "claimx_casualties",
    assigns=["doc._.claimx_casualties"],
    requires=["token.dep", "token.tag", "token.lemma", "doc.sents", "doc.ents", "doc._.claimx_claims"],
    default_config={"patterns_dir": None},
)
def make_casualties(nlp: Language, name: str, patterns_dir: str | None) -> CasualtyComponent:
    return CasualtyComponent(nlp, name, patterns_dir=patterns_dir)


def claim_said_by(noun: Token) -> dict | None:
    """The claim whose cue has this noun, or the phrase it is part of, as its subject: a count of
    who says something ("[two residents] said", "[a monitor medics and workers] said"). Not a
    reason on its own to drop a count: in comma-less text the parse also makes a figure's own
    noun the subject ("killed 1102 people said the Observatory"); see `figure` and `counts_after`."""
    while noun.dep_ in ("conj", "nmod", "compound") and noun.head.i > noun.i:
        noun = noun.head
    if noun.dep_ != "nsubj":
        return None
    return next((c for c in noun.doc._.claimx_claims or () if c["cue"] and c["cue"]["start"] == noun.head.idx), None)


class CasualtyComponent(RuleComponent):
    """Sets `doc._.claimx_casualties`: casualty dicts in the claimx/1 shape (minus `doc`)."""

    kind = "casualty"
    # casualty_figures: an outcome word, with the numbers near it in the tree; toll_figure and
    # more_figure: a slot that fixes which outcome word the number in it belongs to; object_figure:
    # the outcome verb right before a number, when the tree ties the number to no outcome word
    resolvers = frozenset({"casualty_figures", "toll_figure", "more_figure", "object_figure"})
    rule_labels = contract_values(Casualty, "outcome")  # a rule's label is the outcome its words report
    word_files = {
        "casualties.json": {"victims": dict, "victim_modifiers": dict, "cumulative": list,
                            "hypothetical_aux": list, "age_words": list, "not_people": list, "outcome_context": dict,
                            "dates": dict, "member_nouns": list, "member_of": dict, "wound_looks": list,
                            "people_zero": list, "age_or_money_before": list, "not_a_count_before": list,
                            "among_preps": list, "share_pronouns": list, "whole_nouns": list, "place_preps": list,
                            "conditional_marks": list, "counted_by_of": list, "died_of": dict,
                            "displacement": list, "war_nouns": list},
        **numbers.RULE_FILE,
    }
    categories = {"casualties.json": {key: contract_values(Victims, "category")
                                      for key in ("victims", "victim_modifiers", "member_of")}}

    def compile_words(self) -> None:
        rules = self.words["casualties.json"]
        self.reader = NumberReader(self.words["numbers.json"])
        self.outcome_at: dict[int, Rule] = {}  # the current document's outcome words: token -> rule
        self.slot_at: dict[int, tuple[Rule, int]] = {}  # a number's first token -> its rule and outcome word
        self.object_at: dict[int, tuple[Rule, int]] = {}  # the same, used when the tree finds no outcome word
        self.outcome_context = {w: set(v) for w, v in rules["outcome_context"].items()}
        self.victim = {w: cat for cat, words in rules["victims"].items() for w in words}
        self.victim_mod = {w: cat for cat, words in rules["victim_modifiers"].items() for w in words}
        self.member_nouns = set(rules["member_nouns"])
        self.wound_looks = set(rules["wound_looks"])
        self.member_of = {w: cat for cat, words in rules["member_of"].items() for w in words}
        try:
            self.cumulative = re.compile("|".join(rules["cumulative"]), re.IGNORECASE)
        except re.error as e:
            raise PatternError(f"casualties.json: entry 'cumulative': bad pattern: {e}") from None
        self.hypothetical_aux = set(rules["hypothetical_aux"])
        self.age_words = set(rules["age_words"])
        self.not_people = set(rules["not_people"])
        self.people_zero = set(rules["people_zero"])
        self.age_or_money_before = set(rules["age_or_money_before"])
        self.not_a_count_before = set(rules["not_a_count_before"])
        self.among = set(rules["among_preps"])
        self.share_pronouns = set(rules["share_pronouns"])  # "12 of [them]": the whole counted before
        self.whole_nouns = set(rules["whole_nouns"])  # "15 [civilians] 3 children": the 3 are among the 15
        self.place_preps = set(rules["place_preps"])
        self.conditionals = set(rules["conditional_marks"])
        self.counted_by_of = set(rules["counted_by_of"])
        self.displacement = set(rules["displacement"])
        self.war_nouns = set(rules["war_nouns"])
        self.died_of_verbs = set(rules["died_of"]["verbs"])
        self.died_of_preps = set(rules["died_of"]["preps"])
        self.months = rules["dates"]["months"]
        self.weekdays = rules["dates"]["weekdays"]
        month = "|".join(sorted(self.months, key=len, reverse=True))
        self.date_pattern = re.compile(
            rf"\b(?:(?P<m1>{month})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>(?:19|20)\d\d))?"
            rf"|(?P<d2>\d{{1,2}}) (?P<m2>{month})\.?(?: (?P<y2>(?:19|20)\d\d))?)\b", re.IGNORECASE)

    def process(self, doc: Doc) -> Doc:
        self.outcome_at, self.slot_at, self.object_at = {}, {}, {}
        for rule, tokens in self.matches(doc):
            if rule.resolver == "toll_figure":  # "to"/"at", the verb, the toll: the number follows "to"
                if self.toll_slot(*(doc[i] for i in tokens[:3])):
                    self.slot_at.setdefault(tokens[0] + 1, (rule, tokens[2]))
            elif rule.resolver == "more_figure":  # the outcome verb, the number, "more"
                self.slot_at.setdefault(tokens[1], (rule, tokens[0]))
            elif rule.resolver == "object_figure":  # the outcome verb: a number right after it
                self.object_at.setdefault(tokens[0] + 1, (rule, tokens[0]))
            else:
                self.outcome_at.setdefault(tokens[0], rule)
        found = {}
        ents = doc.ents  # built on each access: once per document
        hits = sorted(set(self.outcome_at) | {word for _, word in self.slot_at.values()})
        for sent, inside in self.sentences_holding(doc, hits, ("prose", "heading")):
            for f in self.sentence_figures(doc, sent, inside, ents):
                found.setdefault(f["figure"]["start"], f)  # a headline's number may open the next sentence
        out: list[dict] = []
        record_of: dict[int, dict] = {}  # id(found figure) -> its record
        for f in sorted(found.values(), key=lambda f: f["figure"]["start"]):
            claim_id, source = attribution(doc, f["figure"]["start"], f["figure"]["end"])
            said = {"outcome": f["outcome"], "source": source, "claim": claim_id, "place": f["place"],
                    "scope": f["scope"], "incident": f["incident"]}  # by the figure and by each of its parts
            record_of[id(f)] = new_record("casualty", len(out) + 1, f["rule"], evidence(doc, f["_lo"], f["_hi"]),
                                          figure=f["figure"], victims=f["victims"], **said)
            out.append(record_of[id(f)])
            for part in f["_parts"]:  # "among them a child and two women": the child, the women
                out.append(new_record("casualty", len(out) + 1, f["rule"], evidence(doc, f["_lo"], f["_hi"]),
                                      figure=part["figure"], victims=part["victims"], **said, subcount=True,
                                      part_of=record_of[id(f)]["id"]))
        for f in found.values():  # "two medics were among at least 31 people killed"
            if f["_whole"] is not None and id(f["_whole"]) in record_of:
                record_of[id(f)].update(subcount=True, part_of=record_of[id(f["_whole"])]["id"])
        doc._.claimx_casualties = out
        return doc

    # ---- outcome words ---------------------------------------------------------------------
    def outcome_of(self, t: Token) -> str | None:
        low = t.lower_
        rule = self.outcome_at.get(t.i)
        if rule is None:
            return None
        kind = rule.label
        context = self.outcome_context.get(low)
        if context is not None and not (t.head.lower_ in context or t.head.lemma_.lower() in context) and not (
                low in self.counted_by_of and self.counts_of(t)):
            return None  # "lives" only in "lost their lives", "claimed the lives of"; "the bodies of 44 victims"
        if low == "toll" and not any(c.lower_ == "death" for c in t.children) and t.i and t.nbor(-1).lower_ != "death":
            return None  # "death toll", not "toll road"
        if kind == "injured" and t.head.dep_ == "prep" and t.head.lower_ in self.died_of_preps and listed(
                t.head.head, self.died_of_verbs):
            return None  # "died of their wounds" reports deaths
        return kind

    @staticmethod
    def toll_slot(prep: Token, verb: Token, toll: Token) -> bool:
        """"to"/"at" hangs on the toll's verb, on the toll, or on a time phrase of the verb
        ("raised the toll ... the previous day to 61"); not deeper ("rose to 8 in addition to 12 injured")."""
        head = prep.head
        return head.i in (verb.i, toll.i) or head.dep_ == "npadvmod" and head.head.i == verb.i

    def counts_of(self, t: Token) -> bool:
        """`t` counts people through "of": "the bodies of [44] victims", "bodies of [two]"."""
        obj = prep_object(t, self.among, not_ents=())
        return obj is not None and (obj.like_num or any(c.dep_ == "nummod" for c in obj.children))

    # ---- numbers ---------------------------------------------------------------------------
    def numbers_in(self, sent: Span, words: list[str]) -> list[tuple[int, int, Quantity]]:
        """(first token, end token, quantity) of every quantity phrase, longest first."""
        out = []
        i = 0
        n = len(sent)
        while i < n:
            if not self.reader.may_start(words[i]):
                i += 1
                continue
            got = self.reader.match(words, i)
            if got is None:
                i += 1
                continue
            length, q = got
            out.append((sent.start + i, sent.start + i + length, q))
            i += length
        return out

    def sentence_figures(self, doc: Doc, sent: Span, hits: list[int], ents: tuple[Span, ...]) -> list[dict]:
        outcomes = [(doc[i], k) for i in hits if (k := self.outcome_of(doc[i]))]
        if not outcomes:
            return []
        words = [t.lower_ for t in sent]
        places = places_after(sent, ents, self.place_preps)
        figures = []
        taken: set[int] = set()
        for first, end, q in self.number_before(doc, sent) + self.numbers_in(sent, words):
            if first in taken:
                continue
            fig = self.figure(doc, sent, words, first, end, q, outcomes, places)
            if fig is not None:
                fig["_tokens"] = range(first, max(fig.pop("_end_token"), fig["_anchor"] + 1))
                taken.update(fig["_tokens"])
                figures.append(fig)
        for fig in figures:
            fig["_whole"] = self.whole_of(doc[fig["_anchor"]], fig, figures)
        return figures

    def whole_of(self, anchor: Token, part: dict, figures: list[dict]) -> dict | None:
        """The larger figure of the sentence this one is counted among: "two medics were among
        at least 31 people killed", "2 medics among 31 dead", "ten of the 26 dead"."""
        holder = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_ == "be" else anchor
        group = prep_object(anchor, self.among, not_ents=()) or prep_object(holder, self.among, not_ents=())
        if group is None:
            return None
        larger = [f for f in figures if f is not part and f["outcome"] == part["outcome"]
                  and f["figure"]["value"] > part["figure"]["value"]]
        if group.lower_ in self.share_pronouns:  # "killed 20 people 12 of them children": the figure before
            return next((f for f in reversed(larger) if f["figure"]["end"] <= part["figure"]["start"]), None)
        inside = {t.i for t in group.subtree}
        return next((f for f in larger if inside.intersection(f["_tokens"])), None)

    def number_before(self, doc: Doc, sent: Span) -> list[tuple[int, int, Quantity]]:
        """A headline's count that the parser left at the end of the sentence before when the
        headline's Title-Case outcome word opens this one ("... English Thirty | Killed in ...")."""
        opener = doc[sent.start]
        if not sent.start or not opener.is_title or opener.i not in self.outcome_at:
            return []
        for length in range(1, min(4, sent.start) + 1):
            first = sent.start - length
            if role_at(line_layout(doc), doc[first].idx) not in ("prose", "heading"):
                return []  # "Sun 16 Apr 2017 | Death toll ...": a date line's year
            words = [t.lower_ for t in doc[first : sent.start]]
            got = self.reader.match(words, 0) if self.reader.may_start(words[0]) else None
            if got is not None and got[0] == length:
                return [(first, sent.start, got[1])]
        return []

    def excluded(self, doc: Doc, first: int, end: int, q: Quantity, head: Token | None) -> bool:
        toks = doc[first:end]
        if any(t.ent_type_ in SKIP_ENTS for t in toks) and not (head is not None and self.is_victim(head)):
            return True
        after = [t.lower_ for t in doc[end : end + 3]]
        if after[:1] and after[0] in ("-", "–") and after[1:2] and after[1] in self.age_words:
            return True  # "a 5-year-old"
        if after[:1] and after[0] in self.age_words or first and doc[first - 1].lower_ in self.age_or_money_before:
            return True
        if head is not None and head.lower_ in self.not_people:
            return True
        if head is not None and not (self.is_victim(head) or self.outcome_of(head)):
            return head.pos_ in ("NOUN", "PROPN")  # "20 flights", "eight targets"
        if toks[0].lower_ in self.reader.single and len(toks) == 1:
            return head is None or not self.is_victim(head) or head.tag_ in ("NNS", "NNPS")
        if q.value == 0 and head is not None and any(c.lower_ in self.wound_looks for c in head.children):
            return True  # "bodies with no visible injuries"
        if q.value == 0 and (head is None or not (self.is_victim(head)
                                                  or head.tag_ == "NNS" and self.outcome_of(head))):
            return toks.text.lower() not in self.people_zero  # "no one", "nobody" count people; "no casualties"
        if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LAW", "PRODUCT", "EVENT", "WORK_OF_ART") for t in toks):
            return head is None or not self.is_victim(head)  # a headline's "25 YPG Fighters" tagged a law
        return bool(first and head is None and doc[first - 1].lower_ in self.not_a_count_before)

    def is_victim(self, t: Token) -> bool:
        """A victim noun, or a nationality in the plural ("five Syrians")."""
        return listed(t, self.victim) or t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS")

    def victim_head(self, doc: Doc, end: int, sent_end: int) -> Token | None:
        return counted_noun(doc, end, sent_end, lambda t: t.lower_ in self.victim or t.i in self.outcome_at)

    def category(self, head: Token) -> str:
        if head.lower_ in self.member_nouns:  # "ten members of the Takfiri group"
            return member_category(head, self.member_of) or "people"
        return victim_category(head, self.victim, self.victim_mod)

    def figure(self, doc: Doc, sent: Span, words: list[str], first: int, end: int, q: Quantity, outcomes,
               places: list[Span]) -> dict | None:
        head = self.victim_head(doc, end, sent.end)
        slot = self.slot_at.get(first)
        if slot is not None and head is not None and not self.is_victim(head) and head.lower_ not in self.not_people:
            head = None  # "has risen to 61 [a war monitor] said": commas stripped, the parse took the next noun
        if self.excluded(doc, first, end, q, head):
            return None
        if head is None and end < sent.end and doc[end].pos_ == "VERB" and doc[end].dep_ != "prep" and not \
                self.outcome_of(doc[end]):
            return None  # "millions driven from their homes", "thousands fled"; not "Kills 23 including ..."
        anchor = head if head is not None else doc[end - 1]
        if displaced_count(anchor, first, self.displacement):
            return None  # "has killed 280000 people and displaced [millions]"
        if slot is not None:
            rule, trigger, kind = slot[0], doc[slot[1]], slot[0].label
        else:
            trigger, kind = (head is None and self.outcome_of_bare_number(doc, end, outcomes)) or \
                self.nearest_outcome(anchor, doc[first], outcomes)
            rule = self.outcome_at[trigger.i] if trigger is not None else None
            verb = self.object_at.get(first)
            if trigger is None and verb is not None and (head is None or not self.outcome_of(head)):
                rule, trigger, kind = verb[0], doc[verb[1]], verb[0].label  # "killed 38 regime forces monitor"
        if trigger is None or hypothetical(trigger, self.hypothetical_aux, self.conditionals) or (
                negated(trigger, through=("acomp", "xcomp")) and q.value != 0):
            return None
        # a count of who says it, not a toll: "[two officials] and [three residents] said 12 died",
        # "killing four civilians [two residents] said"; not "killed [1102 people] said the
        # Observatory", the parse of a stripped text making the victims the subject
        said_by = first_conjunct(head) if head is not None else None
        if said_by is not None and (claim := claim_said_by(said_by)) is not None and (
                claim["cue"]["end"] <= trigger.idx
                or said_by.dep_ == "nsubj" and first > sent.start and doc[first - 1].pos_ == "NOUN"
                and claim["speaker"] and claim["speaker"]["start"] == doc[first].idx):
            return None
        end_token = end
        fig_start, fig_end = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
        victims, parts = None, []
        if head is not None and (self.is_victim(head) or head.i == trigger.i):
            victim_head = head
            mod = victim_modifier(head, self.victim_mod)
            if (head.i == trigger.i or self.outcome_of(head)) and mod is None:  # "six casualties among X"
                among = prep_object(head, self.among, not_ents=())
                victim_head = among if among is not None else head
            if victim_head.i == head.i and self.outcome_of(head):  # "32 civilian deaths", "six casualties"
                vs = (mod.idx, mod.idx + len(mod.text)) if mod is not None else (fig_start, fig_end)
                category = self.victim_mod[mod.lower_] if mod is not None else "people"
            else:
                category = self.category(victim_head)
                after = end if victim_head.i == head.i else victim_head.left_edge.i
                vs = victims_span(doc, victim_head, after)
                group = prep_object(victim_head, ("of",), not_ents=()) if category != "people" else None
                if victim_head.lower_ in self.member_nouns and group is not None:  # "members of the group"
                    vs = (vs[0], max(vs[1], group.idx + len(group.text)))
                end_token = max(end_token, victim_head.i + 1) if victim_head.i == head.i else end_token
            counts = self.counts_after(doc, sent, words, head, end_token)
            if counts and self.breaks_down(head, q, counts):  # "15 Syrian Civilians 3 Children Killed"
                parts = [self.part(*count) for count in counts]
                end_token = counts[-1][2].i + 1
            elif counts and sum(c[1].value for c in counts) != q.value:  # "two women and a child": one figure;
                # counts adding up to the first break it down: left apart ("a woman and a child")
                listed = [(doc[first:end], q, victim_head, category), *counts]
                last = counts[-1][2]
                parts = self.breakdown(doc, listed, last.idx + len(last.text))
                cats = {self.category(head), *(c[3] for c in counts)}
                q = Quantity.qualified(sum(c[1].value for c in listed), q.qualifier)
                category = cats.pop() if len(cats) == 1 else "civilians"
                fig_start, fig_end, end_token = doc[first].idx, last.idx + len(last.text), last.i + 1
                vs = (fig_start, fig_end)
            victims = char_span(doc, *vs, category=category)
        elif (shared := share_noun(doc, end, sent.end, self.victim, self.among, self.share_pronouns)) is not None:
            victims = char_span(doc, shared.idx, shared.idx + len(shared.text), category=self.category(shared))
        else:
            victims = self.victims_elsewhere(doc, trigger, doc[end - 1], fig_start, fig_end)
        lo, hi = min(fig_start, trigger.idx), max(fig_end, trigger.idx + len(trigger.text))
        return {
            "_lo": lo, "_hi": hi, "_end_token": end_token, "_anchor": anchor.i, "rule": rule.id,
            "figure": char_span(doc, fig_start, fig_end, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier),
            "outcome": kind,
            "victims": victims,
            "place": span_dict(place) if (place := nearest(places, trigger)) is not None else None,
            "scope": "cumulative" if self.cumulative.search(text_of(doc), sent.start_char, sent.end_char)
            or self.war_toll(sent, trigger) else "incident",
            "incident": self.incident(doc, sent),
            "_parts": parts,
        }

    def war_toll(self, sent: Span, trigger: Token) -> bool:
        """The war itself is what killed: a war noun next to the outcome word in the tree ("Syrias
        conflict has killed", "the six-year conflict has caused ... deaths", "the toll from the
        six-year conflict"), not one further off ("killed in an attack ... described as the worst in
        the six-year war"), nor a modifier ("a war monitor") or a figure of speech ("a war of words")."""
        return any(t.lower_ in self.war_nouns and t.dep_ not in ("compound", "npadvmod", "amod")
                   and prep_object(t, ("of",), not_ents=()) is None
                   and tree_distance(trigger, t) <= MAX_WAR_DISTANCE
                   for t in sent)

    def incident(self, doc: Doc, sent: Span) -> dict:
        """What tells this figure's event apart from others, for `claimx compare`: the date and
        weekday the sentence gives (else the article's first calendar date and most named
        weekday), and the attacker of a strike in the same sentence."""
        text = text_of(doc)[sent.start_char : sent.end_char]
        context = self.doc_dates(doc)
        date = self.calendar_date(text) or context["date"]
        weekday = next((w for w in self.weekdays if w in text.lower()), None) or context["weekday"]
        attackers = [s["attacker"]["name"] for s in doc._.claimx_strikes or ()
                     if s["attacker"] and sent.start_char <= s["trigger"]["start"] < sent.end_char]
        return {"date": date, "weekday": weekday, "attacker": attackers[0] if attackers else None}

    def doc_dates(self, doc: Doc) -> dict:
        cached = doc.user_data.get("claimx_dates")
        if cached is None:
            low = text_of(doc).lower()
            counts = {w: low.count(w) for w in self.weekdays}
            top = max(counts.values())
            weekday = min((w for w in self.weekdays if counts[w] == top), key=low.find) if top else None
            cached = doc.user_data["claimx_dates"] = {"date": self.calendar_date(text_of(doc)), "weekday": weekday}
        return cached

    def calendar_date(self, text: str) -> str | None:
        """The first month-and-day in the text as ISO ("2015-09-30", or "--09-30" with no year)."""
        m = self.date_pattern.search(text)
        if m is None:
            return None
        month = self.months[(m["m1"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d1"] or m["d2"])
        year = m["y1"] or m["y2"]
        if not 1 <= day <= 31:
            return None
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"

    def counts_after(self, doc: Doc, sent: Span, words: list[str], head: Token,
                     end_token: int) -> list[tuple[Span, Quantity, Token, str]]:
        """The counts listed after a count of `head`: "two women [and a child]", "40 children [12
        women and 30 men]" (commas stripped): consecutive non-combatant counts joined by "and", a
        comma or nothing, as (number span, quantity, victim noun, category). `words`: the
        sentence's tokens lower-cased."""
        cats = {self.category(head)}
        j = end_token
        counts = []
        while j < sent.end:
            k = j + 1 if words[j - sent.start] in ("and", ",") else j
            got = self.reader.match(words, k - sent.start) if k < sent.end and \
                self.reader.may_start(words[k - sent.start]) else None
            if got is None:
                break
            n, q = got
            nxt = self.victim_head(doc, k + n, sent.end)
            if nxt is not None and claim_said_by(nxt):
                break  # "killing four civilians [two residents] said"
            if nxt is None or not self.is_victim(nxt) or q.value == 0:
                break
            cat = self.category(nxt)
            if "combatants" in (cat, *cats):
                break
            cats.add(cat)
            counts.append((doc[k : k + n], q, nxt, cat))
            j = nxt.i + 1
        return counts

    def breaks_down(self, head: Token, q: Quantity, counts: list[tuple]) -> bool:
        """The counts after the first are parts of it, not more victims: right after a count of
        everyone, with no "and" between, and within it ("15 Syrian Civilians 3 Children", "three
        civilians two women and a man"); not "16 civilians and three children"."""
        return counts[0][0].start == head.i + 1 and sum(c[1].value for c in counts) <= q.value and (
            head.lower_ in self.whole_nouns or head.ent_type_ == "NORP")

    @staticmethod
    def part(number: Span, q: Quantity, noun: Token, category: str) -> dict:
        """A sub-count of a figure: its number and its victims."""
        doc = number.doc
        return {"figure": char_span(doc, number.start_char, number.end_char, value=q.value, low=q.low, high=q.high,
                                    qualifier=q.qualifier),
                "victims": char_span(doc, *victims_span(doc, noun, number.end), category=category)}

    def breakdown(self, doc: Doc, listed: list[tuple], end: int) -> list[dict]:
        """The counts of a list that is itself a part of a toll ("those killed include 14 children
        and four women", "among them a child and two women"), each as a sub-count; none for a
        list that is the toll ("killed two women and a child" is one figure of 3, SPEC.md)."""
        if not is_part(text_of(doc), listed[0][0].start_char, end):
            return []
        return [self.part(*count) for count in listed]

    def victims_elsewhere(self, doc: Doc, trigger: Token, number: Token, fig_start: int, fig_end: int) -> dict:
        """No noun after the number ("killing 12", "the toll rose to 70"): the noun a copula says
        the counted are ("four of those killed were minors"), a victim noun tied to the outcome
        word, else the figure itself stands for unspecified people."""
        t = predicate_noun(number, self.victim) or victim_in(trigger, self.victim)
        if t is not None:
            return char_span(doc, t.idx, t.idx + len(t.text), category=self.category(t))
        return char_span(doc, fig_start, fig_end, category="people")

    @staticmethod
    def outcome_of_bare_number(doc: Doc, end: int, outcomes) -> tuple[Token, str] | None:
        """The outcome a number without a noun is the subject of, right after it: "killed 3 [200
        were injured]" (commas stripped: the parse hangs the number on the verb before it)."""
        i = end
        while i < len(doc) and i - end < 2 and doc[i].pos_ == "AUX":  # "were", "have been"
            i += 1
        return next(((t, kind) for t, kind in outcomes if t.i == i), None) if i > end else None

    def nearest_outcome(self, anchor: Token, number: Token, outcomes) -> tuple[Token | None, str | None]:
        best, best_key = (None, None), None
        for t, kind in outcomes:
            d = tree_distance(anchor, t)
            if d > MAX_TREE_DISTANCE or not self.same_clause(anchor, t):
                continue
            key = (d, abs(t.i - number.i))
            if abs(t.i - number.i) > 15 and d > 1:  # far off, unless the number's own verb
                continue
            if best_key is None or key < best_key:
                best, best_key = (t, kind), key
        return best

    def same_clause(self, anchor: Token, trigger: Token) -> bool:
        """The outcome word lies in the clause of the first verb above the number: not
        "200,000 killed and millions [driven] from their homes". A victim noun tagged a verb
        is no clause ("killed 61 people mostly [civilians]" with commas stripped)."""
        x = anchor
        for _ in range(6):
            if x.i == trigger.i:
                return True
            if x.pos_ == "VERB" and x.i != anchor.i and x.dep_ in CLAUSE_DEPS and not self.is_victim(x):
                return any(t.i == trigger.i for t in x.subtree)
            if x.head.i == x.i:
                break
            x = x.head
        return True
