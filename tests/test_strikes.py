"""Strikes: triggers, attackers, targets with categories, counts, flags; and what is not a strike."""

import pytest
from tests.conftest import spans_hold

CASES = [
    # text, trigger, attacker name, target text, target category, place, count
    ("Russia launched air strikes in Syria on Wednesday.", "air strikes", "Russia", None, None, "Syria", None),
    ("The Russian defense ministry said it carried out about 20 flights over Syria, hitting eight Islamic State "
     "targets.",
     "hitting", "Russia", "eight Islamic State targets", "militants", None, 8),  # "it" in its own claim
    ("Government helicopters dropped barrel bombs on the town of Rastan.", "dropped barrel bombs",
     "Syrian government", "the town of Rastan", "area", None, None),
    ("Regime forces shelled rebel-held districts of Aleppo.", "shelled", "Syrian government",
     "rebel-held districts of Aleppo", "rebels", None, None),
    ("Israeli jets struck a military airport.", "struck", "Israel", "a military airport", "military", None, None),
]


@pytest.mark.parametrize(("text", "trigger", "attacker", "target", "category", "place", "count"), CASES)
def test_strike(extract, text, trigger, attacker, target, category, place, count):
    strikes = [s for s in extract(text, "strike") if s["trigger"]["text"] == trigger]
    assert strikes, [s["trigger"]["text"] for s in extract(text, "strike")]
    s = strikes[0]
    assert (s["attacker"] or {}).get("name") == attacker
    assert (s["target"] or {}).get("text") == target
    assert (s["target"] or {}).get("category") == category
    assert (s["place"] or {}).get("text") == place
    assert s["count"] == count
    assert spans_hold(s, text)


def test_disputed_strike_takes_the_claim_source(extract):
    text = "He said only two out of 57 Russian strikes had hit the jihadist group."
    strikes = extract(text, "strike")
    assert {s["count"] for s in strikes} >= {57}
    hit = next(s for s in strikes if s["trigger"]["text"] == "hit")
    assert hit["target"]["category"] == "militants" and hit["claim"] == "c1"


def test_conditional_strike_is_hypothetical(extract):
    text = ("Kerry said Washington would have grave concerns if Russia hit Syrian targets where fighters were "
            "not present.")
    (s,) = extract(text, "strike")
    assert s["hypothetical"] is True and s["source"]["name"] == "Kerry"


def test_negated_strike(extract):
    (s,) = extract("The strikes did not hit any civilian areas, the ministry said.", "strike")
    assert s["negated"] is True and s["target"]["category"] == "civilians"


NOT_STRIKES = [
    "The economy was hit hard by sanctions.",
    "Russia, US to Hold Talks on Coordinating Airstrikes in Syria\n\nThe talks start today.",  # headline
    "The two sides fought over the wording of the resolution.",
    "Tourism was hit by the unrest.",  # strike.ambiguous_verb: a non-attack cause
    "Damascus agreed to destroy its chemical weapons.",  # strike.ambiguous_verb: weapons are no target
    "The group demanded that Ankara release those it took hostage.",
    # strike.noun: a campaign noun with no attack word and no target (issue 13 part 5)
    "Russia stepped up its military campaign in Syria.",
    "The long-awaited offensive remains on the outskirts of the city.",
    "Rebels shot down a government jet over Hama.",  # strike.verb: an aircraft downed
]


@pytest.mark.parametrize("text", NOT_STRIKES)
def test_not_a_strike(extract, text):
    assert extract(text, "strike") == []


# ---- attackers that are pronouns (issue 13) ------------------------------------------------
@pytest.mark.parametrize(("text", "trigger", "attacker"), [
    # strike.ambiguous_verb: "which" stands for the actor its clause modifies
    ("Russian jets, which hit a hospital in Idlib, returned to base.", "hit", "Russia"),
    # strike.ambiguous_verb: the explosion itself is no attacker
    ("The explosion that hit the town killed five people.", "hit", None),
    # strike.ambiguous_verb: "which" hangs on a place, not an actor
    ("The government offensive on Aleppo - which has destroyed hospitals - continued.", "destroyed", None),
    # strike.ambiguous_verb: "They" with no attacker named before it in the same claim
    ("Russian warplanes struck rebel positions in Hama. They also hit a hospital, the monitor said.", "hit", None),
])
def test_pronoun_attacker_resolves_or_is_none(extract, text, trigger, attacker):
    (s,) = [s for s in extract(text, "strike") if s["trigger"]["text"] == trigger]
    assert (s["attacker"] or {}).get("name") == attacker
    assert spans_hold(s, text)


def test_relative_clause_attacker_stops_before_the_clause(extract):
    text = "Russian jets, which hit a hospital in Idlib, returned to base."  # strike.ambiguous_verb
    (s,) = extract(text, "strike")
    assert s["attacker"]["text"] == "Russian jets"


def test_pronoun_takes_the_attacker_named_earlier_in_its_claim(extract):
    text = ("The monitor said Russian warplanes struck rebel positions in Hama and they also hit a hospital "
            "in Idlib.")  # strike.ambiguous_verb, both inside one claim
    strikes = extract(text, "strike")
    assert [(s["attacker"] or {}).get("name") for s in strikes] == ["Russia", "Russia"]
    assert strikes[1]["attacker"]["text"] == "they" and spans_hold(strikes[1], text)


# ---- what a strike's target is not (issue 13) ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Two suicide bombers detonated themselves near the market.",  # strike.verb: a reflexive
    "A car bomb was detonated in the town of Azaz.",  # strike.verb: the weapon
])
def test_no_target(extract, text):
    (s,) = extract(text, "strike")
    assert s["target"] is None


def test_blamed_party_is_not_the_target(extract):
    (s,) = extract("The opposition blamed the attack on the regime.", "strike")  # strike.noun
    assert s["trigger"]["text"] == "attack" and s["target"] is None and s["attacker"] is None


def test_past_dated_attack_is_not_hypothetical(extract):
    text = "The families fear a repeat of an attack last month that killed 20 people."  # strike.noun
    (s,) = extract(text, "strike")
    assert s["hypothetical"] is False


# ---- repeat mentions and first mentions (issue 13 part 5) ------------------------------------
def test_repeat_mention_is_linked_to_the_first(extract):
    text = ("Russian jets bombed the market in Idlib on Monday. The strikes killed 12 people. "
            "The attacks also raised tensions between the two capitals.")  # strike.verb, then strike.noun twice
    strikes = extract(text, "strike")
    assert [(s["trigger"]["text"], s["same_as"]) for s in strikes] == [
        ("bombed", None), ("strikes", "s1"), ("attacks", "s1")]


def test_first_mention_with_the_is_a_strike_of_its_own(extract):
    (s,) = extract("The air strikes killed 12 people, the monitor said.", "strike")  # strike.noun
    assert s["trigger"]["text"] == "air strikes" and s["same_as"] is None


def test_mention_of_another_target_is_not_a_repeat(extract):
    text = "Jets hit a school in Idlib. The raid on the hospital in Hama killed five people."  # strike.noun
    strikes = extract(text, "strike")
    assert [s["trigger"]["text"] for s in strikes] == ["hit", "raid"]
    assert strikes[1]["same_as"] is None and strikes[1]["target"]["text"] == "the hospital in Hama"


def test_strike_noun_modifying_another_is_one_trigger(extract):
    (s,) = extract("Rebels blamed the bombing attacks on the regime.", "strike")  # strike.noun
    assert s["trigger"]["text"] == "bombing attacks"


def test_campaign_named_by_an_attack_word_or_with_a_target_is_a_strike(extract):
    text = ("American aircraft have been pressing a daily bombing campaign. "
            "The army launched an offensive against rebels in Aleppo.")
    strikes = extract(text, "strike")  # strike.campaign, strike.noun
    assert [(s["trigger"]["text"], (s["target"] or {}).get("text")) for s in strikes] == [
        ("bombing campaign", None), ("offensive", "rebels in Aleppo")]


def test_tag_line_after_the_last_sentence_is_no_strike(extract):
    text = ("At least 40 people were killed in air strikes on the village on Monday the monitor said. "
            "Get short URL 0 31 Tags Idlib air strikes")  # strike.noun, not on the tag line
    assert [s["trigger"]["start"] for s in extract(text, "strike")] == [text.index("air strikes")]


# ---- physical violence: a strike only with a victim or target (issue 13 part 5) -------------
@pytest.mark.parametrize(("text", "rule", "trigger", "target", "category"), [
    ("A Palestinian stabbed two Israelis in Jerusalem.", "strike.violence_verb", "stabbed", "two Israelis", "other"),
    ("Militants massacred villagers in the north.", "strike.violence_verb", "massacred", "villagers", "civilians"),
    ("Gunmen opened fire on worshippers at a mosque in Kabul.", "strike.fire_phrase", "opened fire", "worshippers",
     "civilians"),
    ("Protesters set fire to a police station.", "strike.fire_phrase", "set fire", "a police station",
     "infrastructure"),
    ("Youths hurled stones at soldiers.", "strike.violence_verb", "hurled", "soldiers", "military"),
    ("Soldiers fired into the crowd.", "strike.ambiguous_verb", "fired", "the crowd", "civilians"),
    ("A rocket launched at the village killed two children.", "strike.weapon_participle", "rocket launched",
     "the village", "area"),
    ("Activists reported the execution of 20 prisoners by the group.", "strike.noun", "execution",
     "20 prisoners", "other"),
])
def test_violence_with_its_victim_or_target(extract, text, rule, trigger, target, category):
    (s,) = extract(text, "strike")
    assert (s["rule"], s["trigger"]["text"], s["target"]["text"], s["target"]["category"]) == (
        rule, trigger, target, category)
    assert spans_hold(s, text)


@pytest.mark.parametrize("text", [
    "The company executed the plan.",  # strike.violence_verb: no victim
    "Police opened fire.",  # strike.fire_phrase: nothing fired on
    "A rocket launched last week.",  # strike.weapon_participle: nothing it was sent at
    "The massacre in Houla shocked the world.",  # strike.noun (a violence noun): no victim named
])
def test_violence_without_victim_or_target_is_no_strike(extract, text):
    assert extract(text, "strike") == []


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("Obama set a new strategy to combat Islamic State militants in Iraq.", "combat", "Islamic State militants"),
    ("Syrian units launched a fierce assault on another key district.", "assault", "another key district"),
    ("The facility was damaged after it was hit by four airstrikes.", "airstrikes", None),  # a pronoun: no target
    # strike.fight_against
    ("Washington and Moscow will forge a joint fight against Islamic State.", "fight", "Islamic State"),
    ("Protesters clashed with police in the capital.", "clashed", "police in the capital"),  # strike.ambiguous_verb
    # strike.noun: the tagger calls this "airstrike" a verb
    ("Syrian civil defense volunteers, known as the White Helmets, pass the body of a boy after he was pulled from "
     "the rubble following a government forces airstrike on the rebel-held al-Shaer neighborhood of Aleppo, Sept. 27, "
     "2016", "airstrike", "the rebel-held al-Shaer neighborhood of Aleppo"),
])
def test_targets_of_fighting_of_launched_attacks_and_no_pronoun(extract, text, trigger, target):
    # strike.ambiguous_verb; strike.noun with the target on its launch verb; strike.noun
    (s,) = extract(text, "strike")
    assert s["trigger"]["text"] == trigger and (s["target"] or {}).get("text") == target


@pytest.mark.parametrize("text", [
    "The two sides clashed over the wording of the resolution.",  # strike.ambiguous_verb: no side named
    "Russia launched an air campaign at the request of President Assad.",  # no target "at the request"
])
def test_no_target_for_disputes_and_requests(extract, text):
    assert all(s["target"] is None for s in extract(text, "strike"))


@pytest.mark.parametrize("text", [
    "Russia is fighting terrorism in Syria.",  # nothing named by its category
    "Russia will support the army only in its legitimate fight, specifically against terrorist groups.",
    "The fight against terrorism goes on.",  # strike.fight_against: no side named
])
def test_fighting_in_general_is_no_strike(extract, text):
    assert extract(text, "strike") == []


def test_executed_strikes_are_no_violence(extract):
    text = "The air strikes tonight were executed to deny the group its supply lines."
    assert [s["rule"] for s in extract(text, "strike")] == ["strike.noun"]  # not strike.violence_verb


def test_target_stops_before_a_relative_clause_inside_it(extract):
    text = ("Russian airstrikes hit towns, such as Zafaraneh, Rastan and Talbiseh, which are in areas not "
            "controlled by the IS militants.")  # strike.noun with its governing verb
    (s,) = extract(text, "strike")
    assert s["target"]["text"] == "towns, such as Zafaraneh, Rastan and Talbiseh" and s["target"]["category"] == "area"


def test_repeat_is_compared_with_first_mentions_only(extract):
    text = ("Jets carried out missions against IS militants. The airstrikes were deadly. "
            "The airstrikes against rebels supported by the US went on.")  # strike.campaign, strike.noun
    strikes = extract(text, "strike")
    assert [s["same_as"] for s in strikes] == [None, "s1", None]


@pytest.mark.parametrize(("text", "target", "attacker", "place"), [
    # strike.ambiguous_verb: the weapon is not part of the target
    ("Three civilians were killed after terrorists targeted Saif al-Dawleh neighborhood in Aleppo city with rocket "
     "shells.", "Saif al-Dawleh neighborhood in Aleppo city", "terrorists", None),
    ("Syria attack symptoms consistent with nerve agent use WHO.", None, None, "Syria"),  # strike.noun: where, not who
    ("US strikes killed 12 people.", None, "United States", None),  # strike.noun: a known side is the attacker
])
def test_target_attacker_and_place_boundaries(extract, text, target, attacker, place):
    (s,) = extract(text, "strike")
    assert (s["target"] or {}).get("text") == target and (s["attacker"] or {}).get("name") == attacker
    assert (s["place"] or {}).get("text") == place and spans_hold(s, text)


def test_a_definite_mention_repeats_the_nearest_first_mention_it_does_not_contradict():
    from claimx.components.strikes import StrikeComponent

    def strike(sid, attacker=None, target=None, place=None, same_as=None):
        return {"id": sid, "same_as": same_as, "attacker": attacker and {"name": attacker},
                "target": target and {"text": target}, "place": place and {"text": place}}

    earlier = [strike("s1", "Russia", "the market", "Idlib"), strike("s2", "Russia", "a school"),
               strike("s3", "Russia", "the market", same_as="s1")]
    repeated = StrikeComponent.repeated
    assert repeated(strike("s4", None, "The Market"), earlier) == "s1"  # "the" and case aside; s3 is a repeat itself
    assert repeated(strike("s4", "Russia"), earlier) == "s2"  # nothing contradicts the nearest
    assert repeated(strike("s4", "Russia", "the hospital"), earlier) is None
    assert repeated(strike("s4", "Israel", place="Idlib"), earlier) is None
    assert repeated(strike("s4", place="Aleppo"), earlier) == "s2"  # s2 names no place
