"""Strikes: attack events with their attacker, target, place, count, and who says so.

A strike noun ("air strikes", "raids") is the trigger when the clause has one, and the verb
that governs it ("hit", "targeted") supplies the target; otherwise an attack verb is the
trigger. Bare back-references ("the strikes" with nothing else said) are not records.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimx import numbers
from claimx.components.base import (
    Match,
    RuleComponent,
    attribution,
    char_span,
    evidence,
    line_layout,
    span_dict,
    text_of,
    tokens_span,
)
from claimx.kinds import contract_values, new_record
from claimx.layout import role_at
from claimx.numbers import NumberReader
from claimx.records import Target
from claimx.resolvers import (
    TIME_ENTS,
    agent_of,
    attacker_phrase,
    count_of,
    entity_of,
    first_child,
    hypothetical,
    is_actor,
    negated,
    place_of,
    prep_object,
    subject,
    target_category,
    target_of,
    target_phrase,
    trigger_start,
)

VERB_RESOLVERS = {"verb_strike", "verb_strike_on_military_target", "violence_verb"}
REPEAT_FIELDS = (("attacker", "name"), ("target", "text"), ("place", "text"))  # what a repeat may not contradict


@Language.factory(
    "claimx_strikes",
    assigns=["doc._.claimx_strikes"],
    requires=["token.dep", "token.tag", "token.lemma", "doc.sents", "doc.ents", "doc._.claimx_claims"],
    default_config={"patterns_dir": None},
)
def make_strikes(nlp: Language, name: str, patterns_dir: str | None) -> StrikeComponent:
    return StrikeComponent(nlp, name, patterns_dir=patterns_dir)


class StrikeComponent(RuleComponent):
    """Sets `doc._.claimx_strikes`: strike dicts in the claimx/1 shape (minus `doc`)."""

    kind = "strike"
    resolvers = frozenset({"noun_strike", "weapon_strike", "weapon_participle", "verb_strike",
                           "verb_strike_on_military_target", "violence_verb"})
    word_files = {
        "strikes.json": {"attacker_words": list, "target_categories": dict, "attacker_names": dict,
                         "hypothetical_aux": list, "hypothetical_governors": list,
                         "weak_triggers": list, "of_target_triggers": list, "conditional_marks": list,
                         "trigger_modifiers": list, "launch_verbs": list, "aim_verbs": list, "target_preps": list,
                         "object_preps": list, "place_preps": list, "relative_pronouns": list,
                         "own_side_words": list, "back_reference_determiners": list,
                         "personal_pronouns": list, "reflexive_pronouns": list,
                         "weapon_words": list, "instrument_verbs": list, "blame_verbs": list,
                         "non_attack_causes": list, "past_time_words": list, "disarmament_modifiers": list,
                         "campaign_triggers": list, "downing_particles": list, "throw_verbs": list,
                         "non_victim_objects": list, "violence_nouns": list,
                         "launch_target_preps": list},
        **numbers.RULE_FILE,
    }
    categories = {"strikes.json": {"target_categories": contract_values(Target, "category")}}

    def compile_words(self) -> None:
        r = self.words["strikes.json"]
        self.reader = NumberReader(self.words["numbers.json"])
        self.weak = set(r["weak_triggers"])
        self.of_targets = set(r["of_target_triggers"])
        self.attackers = set(r["attacker_words"])
        self.categories = {w: cat for cat, words in r["target_categories"].items() for w in words}
        self.actor_categories = {w: c for w, c in self.categories.items() if c in ("militants", "rebels", "civilians")}
        self.names = r["attacker_names"]
        self.hyp_aux = set(r["hypothetical_aux"])
        self.hyp_gov = set(r["hypothetical_governors"])
        self.conditionals = set(r["conditional_marks"])
        self.trigger_modifiers = set(r["trigger_modifiers"])
        self.launch_verbs = set(r["launch_verbs"])
        self.aim_verbs = set(r["aim_verbs"])
        self.target_preps = set(r["target_preps"])
        self.fire_target_preps = self.target_preps | {"to"}  # "set fire [to] the houses"
        self.object_preps = set(r["object_preps"])
        self.place_preps = set(r["place_preps"])
        self.relative_pronouns = set(r["relative_pronouns"])
        self.own_side = set(r["own_side_words"])
        self.back_references = set(r["back_reference_determiners"])
        self.pronouns = set(r["personal_pronouns"])
        self.reflexives = set(r["reflexive_pronouns"])
        self.weapons = set(r["weapon_words"])
        self.instrument_verbs = set(r["instrument_verbs"])
        self.blame_verbs = set(r["blame_verbs"])
        self.non_attack_causes = set(r["non_attack_causes"])
        self.past_time = set(r["past_time_words"])
        self.disarmament = set(r["disarmament_modifiers"])
        self.campaigns = set(r["campaign_triggers"])
        self.downing_particles = set(r["downing_particles"])
        self.throw_verbs = set(r["throw_verbs"])
        self.non_victims = set(r["non_victim_objects"])
        self.violence_nouns = set(r["violence_nouns"])
        self.launch_target_preps = set(r["launch_target_preps"])  # not "at [the request of]"

    def process(self, doc: Doc) -> Doc:
        matches = self.matches(doc)
        # attack verbs anywhere in the document: a strike noun's governing verb is one of them
        verbs = {tokens[0] for r, tokens in matches if r.resolver in VERB_RESOLVERS}
        layout = line_layout(doc)
        matches = [m for m in matches if role_at(layout, doc[m[1][0]].idx) == "prose"]  # not "Tags Idlib air strikes"
        anchors = sorted({tokens[0] for _, tokens in matches})
        by_anchor: dict[int, list[Match]] = {}
        for m in matches:
            by_anchor.setdefault(m[1][0], []).append(m)
        found = []
        for _, hits in self.sentences_holding(doc, anchors, ("prose",)):
            found.extend(self.sentence_strikes(doc, [m for i in hits for m in by_anchor[i]], verbs))
        out = []
        named: dict[str, str] = {}  # claim id -> the last attacker named in it
        for s in sorted(found, key=lambda s: s["trigger"]["start"]):
            same_as = self.repeated(s, out) if s["definite"] else None
            claim_id, source = attribution(doc, s["trigger"]["start"], s["trigger"]["end"])
            self.name_from_source(s["attacker"], source)
            s["attacker"] = self.pronoun_antecedent(s["attacker"], named.get(claim_id) if claim_id else None)
            if claim_id and s["attacker"] is not None:
                named[claim_id] = s["attacker"]["name"]
            spans = [v for v in s.values() if isinstance(v, dict)]
            lo, hi = min(v["start"] for v in spans), max(v["end"] for v in spans)
            out.append(new_record("strike", len(out) + 1, s["rule"], evidence(doc, lo, hi), trigger=s["trigger"],
                                  attacker=s["attacker"], target=s["target"], place=s["place"], count=s["count"],
                                  source=source, claim=claim_id, hypothetical=s["hypothetical"],
                                  negated=s["negated"], same_as=same_as))
        doc._.claimx_strikes = out
        return doc

    @staticmethod
    def repeated(strike: dict, earlier: list[dict]) -> str | None:
        """The id of the first mention of the strike a definite mention ("the strikes", "the
        Russian raid on the market") repeats: the nearest earlier first mention whose attacker,
        target and place do not differ from its own (repeats say less: they are not compared)."""
        def said(span: dict, key: str) -> str:
            return span[key].lower().removeprefix("the ")

        own = [(field, key, said(strike[field], key)) for field, key in REPEAT_FIELDS if strike[field] is not None]
        return next((r["id"] for r in reversed(earlier) if not r["same_as"] and all(
            r[field] is None or said(r[field], key) == value for field, key, value in own)), None)

    # ---- triggers --------------------------------------------------------------------------
    def sentence_strikes(self, doc: Doc, matches: list[Match], verbs: set[int]) -> list[dict]:
        """A sentence's strikes: strike nouns and fired weapons first, as they carry the event
        of the verb that governs them; then attack verbs not already folded into one."""
        out = []
        folded: set[int] = set()  # verbs whose strike noun already carries the event
        # a strike noun that starts another's trigger is part of it ("bombing attacks")
        nouns = {tokens[0] for rule, tokens in matches if rule.resolver == "noun_strike"}
        done = {i for i in nouns if doc[i].head.i in nouns and trigger_start(doc[i].head, self.trigger_modifiers).i
                <= i < doc[i].head.i}
        for rule, tokens in matches:
            t = doc[tokens[0]]
            if rule.resolver == "noun_strike" and t.i not in done:
                verb = self.governing_verb(t, verbs)
                if verb is not None:
                    folded.add(verb.i)
                rec = self.noun_strike(t, verb)
            elif rule.resolver == "weapon_strike" and t.i not in done:
                folded.add(t.head.i)
                rec = self.weapon_strike(t)
            elif rule.resolver == "weapon_participle" and t.i not in done:
                folded.add(tokens[1])
                rec = self.weapon_participle(t, doc[tokens[1]])
            else:
                continue
            done.add(t.i)
            if rec:
                out.append({**rec, "rule": rule.id})
        for rule, tokens in matches:
            t = doc[tokens[0]]
            if rule.resolver in VERB_RESOLVERS and t.i not in folded and t.i not in done:
                done.add(t.i)
                if rule.resolver == "violence_verb":
                    rec = self.violence_strike(t, doc[tokens[-1]])
                else:
                    rec = self.verb_strike(t, checked=rule.resolver == "verb_strike_on_military_target")
                if rec:
                    out.append({**rec, "rule": rule.id})
        return out

    @staticmethod
    def governing_verb(noun: Token, verbs: set[int]) -> Token | None:
        """The attack verb a strike noun is the subject or agent of ("airstrikes hit towns",
        "targeted by the Russian airstrikes")."""
        head = noun.head
        if noun.dep_ in ("nsubj",) and head.i in verbs:
            return head
        if noun.dep_ == "pobj" and head.lower_ == "by" and head.head.i in verbs:
            return head.head
        return None

    # ---- records ---------------------------------------------------------------------------
    def trigger_span(self, t: Token) -> tuple[int, int]:
        return trigger_start(t, self.trigger_modifiers).idx, t.idx + len(t.text)

    def noun_strike(self, t: Token, verb: Token | None) -> dict | None:
        doc = t.doc
        attacker = named_place = None
        target = self.verb_object(verb) if verb is not None else None
        preps = self.target_preps | ({"of"} if t.lower_ in self.of_targets else set()) | (
            {"between", "with"} if t.lower_ in self.weak else set())
        blamed = t.dep_ == "dobj" and t.head.lemma_.lower() in self.blame_verbs
        if blamed:
            preps = preps - {"on"}  # "blamed the attack on the regime": the blamed, not the target
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in preps and target is None:
                target = first_child(c, ("pobj",), TIME_ENTS)
            elif c.dep_ == "acl" and c.lemma_.lower() in self.aim_verbs and target is None:
                target = first_child(c, ("dobj",)) or prep_object(c, self.target_preps)
            elif c.dep_ == "compound" and c.ent_type_ == "GPE" and c.lower_ not in self.names:
                named_place = c  # "the Syria attack", "an Idlib strike": where, not who
            elif c.dep_ in ("amod", "compound", "poss", "nmod") and self.attacker_like(c):
                attacker = c
            elif c.dep_ == "prep" and c.lower_ == "by" and attacker is None:
                attacker = first_child(c, ("pobj",))
        if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in self.launch_verbs:
            attacker = attacker or subject(t.head)
            if target is None and not blamed:  # "launched an assault [on X]": the parser hangs it on the verb
                target = prep_object(t.head, self.launch_target_preps)
        place = place_of(t, self.place_preps) or named_place
        if place is None and t.dep_ in ("dobj", "nsubj", "pobj"):
            place = place_of(t.head, self.place_preps)
        count = self.count(t)
        rec = self.record(doc, self.trigger_span(t), t if verb is None else verb, attacker, target, place, count)
        if rec is not None:
            det = next((c.lower_ for c in t.children if c.dep_ == "det"), None)
            # "the strikes", "The attacks also raised ...": a repeat of a strike reported before it,
            # if one was (process decides); "the Russian raid on X" may repeat one too
            rec["definite"] = det in self.back_references or det is None and t.tag_ == "NNS" and t.dep_ in (
                "nsubj", "nsubjpass")
        return rec

    def weapon_strike(self, weapon: Token) -> dict | None:
        verb = weapon.head
        target = prep_object(verb, self.target_preps) or prep_object(weapon, self.target_preps)
        return self.record(weapon.doc, (verb.idx, weapon.idx + len(weapon.text)), verb, subject(verb), target,
                           place_of(verb, self.place_preps), self.count(weapon))

    def weapon_participle(self, weapon: Token, verb: Token) -> dict | None:
        """"A rocket launched at the village": a strike only with what the weapon was sent at."""
        target = prep_object(verb, self.target_preps)
        if target is None:
            return None
        start = trigger_start(weapon, self.trigger_modifiers)
        return self.record(weapon.doc, (start.idx, verb.idx + len(verb.text)), verb, agent_of(verb), target,
                           place_of(verb, self.place_preps), self.count(weapon))

    def violence_strike(self, v: Token, last: Token) -> dict | None:
        """Physical violence ("stabbed", "executed", "opened fire on", "set fire to", "hurled
        stones at"): a strike only with its victim or target; `last` ends the trigger ("fire")."""
        if last.i != v.i:  # "opened fire on X", "set fire to X"
            target = prep_object(v, self.fire_target_preps) or prep_object(last, self.fire_target_preps)
        elif v.lemma_.lower() in self.throw_verbs:  # "hurled stones at X": the stones are no target
            target = prep_object(v, self.target_preps)
        else:
            target = self.verb_object(v)
            if target is not None and target.lemma_.lower() in self.non_victims:
                return None  # "executed the plan"
        if target is None:
            return None
        return self.record(v.doc, (v.idx, last.idx + len(last.text)), v, subject(v), target,
                           place_of(v, self.place_preps), self.count(target))

    def verb_strike(self, v: Token, checked: bool = False) -> dict | None:
        """An attack verb's strike; `checked` verbs ("hit", "destroy") only with a target of a
        known category, or a military attacker and some target."""
        if any(c.dep_ == "prt" and c.lower_ in self.downing_particles for c in v.children):
            return None  # "shot down a jet": an aircraft downed, not a strike on a target
        found = self.verb_object(v)
        if found is None and v.lower_ in self.weak:  # "protesters clashing [with police]"
            found = prep_object(v, ("with",))
        target = self.what_was_hit(v, found)
        fired = found is not None and target is None and v.lemma_.lower() in self.instrument_verbs
        attacker = self.actor(subject(v))
        if checked and not (fired and attacker is not None):
            cause = subject(v)
            if cause is not None and cause.lemma_.lower() in self.non_attack_causes:
                return None  # "hit by the unrest"
            target_ok = target is not None and self.category(target) != "other"
            attacker_ok = attacker is not None and self.attacker_like(attacker)
            if not (target_ok or attacker_ok and target is not None):
                return None  # "the economy was hit": neither a military actor nor a target
        count = self.count(target) if target is not None else None
        place = place_of(v, self.place_preps)
        return self.record(v.doc, (v.idx, v.idx + len(v.text)), v, attacker, target, place, count)

    def record(self, doc: Doc, trigger: tuple[int, int], anchor: Token, attacker, target, place, count) -> dict | None:
        attacker = self.actor(attacker)
        target = self.what_was_hit(anchor, target)
        if place is not None and target is not None and place.i in {x.i for x in target.subtree}:
            place = None
        words = text_of(doc)[trigger[0] : trigger[1]].lower().split()
        if words[-1] in self.weak and (target is None or self.category(target) == "other"):
            return None  # "fierce clashes", "fight terrorism": fighting, not a strike on something
        if words[-1] in self.campaigns and len(words) == 1 and target is None:
            return None  # "the offensive", "its military campaign in Syria": no "air campaign", nothing hit
        if words[-1] in self.violence_nouns and target is None:
            return None  # "the massacre in Houla" names no victim
        return {
            "trigger": char_span(doc, *trigger),
            "attacker": self.attacker_span(attacker) if attacker is not None else None,
            "target": self.target_span(target) if target is not None else None,
            "place": span_dict(entity_of(place)) if place is not None else None,
            "count": count,
            "hypothetical": not self.dated_past(anchor) and hypothetical(
                anchor, self.hyp_aux, self.conditionals, self.hyp_gov, levels=4),
            "negated": negated(anchor),
            "definite": False,
        }

    # ---- arguments -------------------------------------------------------------------------
    def verb_object(self, v: Token) -> Token | None:
        return target_of(v, self.relative_pronouns, self.object_preps)

    def actor(self, t: Token | None) -> Token | None:
        """Who carried out a strike: a relative pronoun stands for the noun its clause modifies,
        kept only when that noun is an actor ("the explosion that hit" has no attacker)."""
        if t is None or t.lower_ not in self.relative_pronouns:
            return t
        noun = t.head.head
        if t.head.dep_ != "relcl" or not self.attacker_like(noun) or noun.dep_ == "pobj" and noun.head.lower_ != "by":
            return None  # not a relative clause's subject, or hangs on a place ("on Aleppo - which ...")
        return noun

    def pronoun_antecedent(self, attacker: dict | None, last_named: str | None) -> dict | None:
        """A personal pronoun as the attacker ("they hit ...") keeps the name its claim's source
        gave it, else the attacker last named in the same claim, else is no attacker."""
        if attacker is None or attacker["name"].lower() not in self.pronouns:
            return attacker
        return {**attacker, "name": last_named} if last_named else None

    def what_was_hit(self, v: Token, target: Token | None) -> Token | None:
        """`target` unless it is not what `v` hit: a reflexive ("detonated themselves"), the
        weapon of a verb that uses one ("a car bomb was detonated", "a missile fired by ..."), or
        weapons being disarmed ("destroy its chemical weapons")."""
        if target is None or target.lower_ in self.reflexives or target.lower_ in self.pronouns:
            return None  # "detonated themselves"; "it was hit", "attack us": no target a reader can use
        if target.lower_ in self.weapons and v.lemma_.lower() in self.instrument_verbs:
            return None
        if target.lemma_.lower() == "weapon" and any(c.lower_ in self.disarmament for c in target.children):
            return None
        return target

    def dated_past(self, t: Token) -> bool:
        """A strike dated in the past ("an attack last month") is not a possible one."""
        dated = [x for c in t.children if c.ent_type_ in TIME_ENTS for x in c.subtree]
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if after is not None and after.ent_type_ in TIME_ENTS and after.ent_iob_ == "B":  # "an attack [last month]"
            dated += list(entity_of(after))
        return any(x.lower_ in self.past_time for x in dated)

    def attacker_like(self, t: Token) -> bool:
        return is_actor(t, self.attackers, self.names)

    def attacker_span(self, t: Token) -> dict:
        span = tokens_span(t.doc, *attacker_phrase(t))
        span["name"] = self.attacker_name(span["text"])
        return span

    def name_from_source(self, attacker: dict | None, source: dict | None) -> None:
        """"The Russian defense ministry said it ... hit": a pronoun or a bare "warplanes" as the
        attacker in a side's own claim is that side."""
        if attacker is None or source is None or attacker["name"] in self.names.values():
            return
        words = set(attacker["text"].lower().split())
        if words & self.own_side or words & self.attackers:
            known = self.known_name(source.get("name") or source["text"])
            if known:
                attacker["name"] = known

    def known_name(self, text: str) -> str | None:
        for word in text.lower().replace("'s", "").replace("’s", "").split():
            if word in self.names:
                return self.names[word]
        return None

    def attacker_name(self, text: str) -> str:
        return self.known_name(text) or (text[4:] if text.lower().startswith("the ") else text)

    def target_span(self, t: Token) -> dict:
        return tokens_span(t.doc, *target_phrase(t, self.weapons), category=self.category(t))

    def category(self, t: Token) -> str:
        return target_category(t, self.categories, self.actor_categories)

    def count(self, t: Token) -> int | None:
        return count_of(t, self.reader)
