"""Rules as data: every default rule fires on its own example; a user folder adds, overrides
and switches off rules; a bad rule file exits 2 naming file:line and the rule id."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimx
from claimx.components import rules_in_use
from claimx.sources import Document
from claimx.spine import extract_records

CLAIMX = str(Path(sys.executable).parent / "claimx")
DEFAULT_RULES = rules_in_use()


@pytest.mark.parametrize(("kind", "rule"), DEFAULT_RULES, ids=[r.id for _, r in DEFAULT_RULES])
def test_rule_fires_on_its_example(extract, kind, rule):
    records = extract(rule.data["example"], kind)
    assert rule.id in {r["rule"] for r in records}, [(r["rule"], r["text"]) for r in records]


def test_every_record_names_its_rule(extract):
    text = ('"We will not allow it," Kerry said. According to the observatory, Russian jets struck a hospital '
            "in Idlib, killing 12 civilians.")
    records = extract(text)
    assert {r["rule"] for r in records} >= {"claim.quote", "claim.according_to", "strike.ambiguous_verb",
                                            "casualty.killed"}


def test_matches_are_kept_as_span_groups_for_displacy(nlp):
    doc = nlp("Khoja said the Russian strikes had killed 36 civilians in Homs.")
    assert {(s.text, s.label_, s.id_) for s in doc.spans["claimx_claims"]} == {
        ("said", "CUE", "claim.say"), ("said", "OBJECT_CONTENT", "claim.say_object")}
    assert ("killed", "casualty.killed") in {(s.text, s.id_) for s in doc.spans["claimx_casualties"]}
    assert ("strikes", "strike.noun") in {(s.text, s.id_) for s in doc.spans["claimx_strikes"]}


def write_rules(folder: Path, name: str, *rules: dict) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rules))
    return folder


def run_claimx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLAIMX, *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_user_rules_add_override_and_switch_off(tmp_path):
    folder = write_rules(
        tmp_path / "mine", "claims.jsonl",
        {"id": "claim.grumble", "label": "CUE", "matcher": "token", "pattern": [[{"LEMMA": "grumble"}]],
         "resolver": "reported_speech", "example": "The minister grumbled that the talks had failed."},
        {"id": "claim.according_to", "disabled": True},
    )
    write_rules(folder, "strikes.jsonl",  # override by id: "struck" no longer needs a categorised target
                {"id": "strike.ambiguous_verb", "label": "ATTACK_VERB", "matcher": "token",
                 "pattern": [[{"LEMMA": {"IN": ["strike"]}, "POS": "VERB"}]], "resolver": "verb_strike"})
    nlp = claimx.load(patterns_dir=str(folder))
    text = ("The minister grumbled that the talks had failed. According to the observatory, the rebels left. "
            "Lightning struck twice.")
    records = next(extract_records(nlp, [Document("t", text)]))[1]
    rules = {(r["kind"], r["rule"]) for r in records}
    assert ("claim", "claim.grumble") in rules
    assert not any(rule == "claim.according_to" for _, rule in rules)
    assert ("strike", "strike.ambiguous_verb") in rules
    listed = run_claimx("rules", "--patterns", str(folder)).stdout
    assert "claim.grumble\tclaim\tCUE\t" in listed and "claim.according_to" not in listed
    assert "claim.say" in listed  # the defaults stay


@pytest.mark.parametrize(("rule", "message"), [
    ({"id": "claim.x", "label": "CUE", "matcher": "token", "pattern": [], "resolver": "reported_speech",
      "colour": "red"}, "rule 'claim.x': unknown key 'colour'"),
    ({"id": "claim.x", "label": "CUE", "matcher": "token", "pattern": [], "resolver": "guess_speaker"},
     "rule 'claim.x': unknown resolver 'guess_speaker'"),
    ({"id": "claim.x", "label": "CUE", "matcher": "regex", "pattern": [], "resolver": "reported_speech"},
     "rule 'claim.x': unknown matcher 'regex'"),
    ({"id": "claim.nothing", "disabled": True}, "rule 'claim.nothing': no default rule with this id to switch off"),
])
def test_a_bad_user_rule_exits_2_naming_file_line_and_id(tmp_path, rule, message):
    good = {"id": "claim.fine", "label": "CUE", "matcher": "token", "pattern": [[{"LEMMA": "grumble"}]],
            "resolver": "reported_speech"}
    folder = write_rules(tmp_path / "mine", "claims.jsonl", good, rule)
    result = run_claimx("rules", "--patterns", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'claims.jsonl'}:2: {message}" in result.stderr
    assert result.stdout == ""


def test_an_outcome_not_in_the_contract_exits_2(tmp_path):
    folder = write_rules(tmp_path / "mine", "casualties.jsonl",
                         {"id": "casualty.maimed", "label": "maimed", "matcher": "token",
                          "pattern": [[{"LOWER": "maimed"}]], "resolver": "casualty_figures"})
    result = run_claimx("rules", "--patterns", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'casualties.jsonl'}:1: rule 'casualty.maimed': label 'maimed' is not a category" in (
        result.stderr)


def test_a_victim_category_not_in_the_contract_exits_2(tmp_path):
    from claimx import rules

    words = json.loads((rules.default_dir() / "casualties.json").read_text())
    words["victims"]["journalists"] = ["reporter"]
    (tmp_path / "casualties.json").write_text(json.dumps(words))
    result = run_claimx("extract", "-", "--patterns", str(tmp_path), stdin="Nothing happened.\n")
    assert result.returncode == 2
    assert "entry 'victims': category 'journalists' is not in the contract" in result.stderr


def test_a_bad_matcher_pattern_exits_2_naming_file_line_and_id(tmp_path):
    folder = write_rules(tmp_path / "mine", "strikes.jsonl",
                         {"id": "strike.typo", "label": "ATTACK", "matcher": "token",
                          "pattern": [[{"LOWR": "shelling"}]], "resolver": "noun_strike"})
    result = run_claimx("extract", "-", "--patterns", str(folder), stdin="Nothing happened.\n")
    assert result.returncode == 2
    assert f"{folder / 'strikes.jsonl'}:1: rule 'strike.typo': bad token pattern" in result.stderr


def test_a_failing_rule_is_a_per_document_failure_in_the_spine(nlp, monkeypatch):
    strikes = nlp.get_pipe("claimx_strikes")

    def broken(doc):
        if "boom" in doc.text:
            raise RuntimeError("rule bug")
        return type(strikes).process(strikes, doc)

    monkeypatch.setattr(strikes, "process", broken)
    out = list(extract_records(nlp, [Document("a", "The boom was heard."), Document("b", "Jets struck Homs.")]))
    assert out[0][2] == ["claimx_strikes: RuntimeError: rule bug"] and out[0][1] == []
    assert out[1][2] == [] and out[1][1][0]["kind"] == "strike"


def test_without_the_spine_a_failing_rule_raises_as_in_spacy():
    import spacy

    from claimx.pipeline import resolve_model

    nlp = spacy.load(resolve_model())
    nlp.add_pipe("claimx_strikes")
    monkey = nlp.get_pipe("claimx_strikes")
    monkey.process = lambda doc: 1 / 0
    with pytest.raises(ZeroDivisionError):
        nlp("Jets struck Homs.")
    with pytest.raises(ValueError, match="needs a tagger, lemmatizer and parser"):
        spacy.blank("en").add_pipe("claimx_strikes")(spacy.blank("en")("Jets struck Homs."))


def test_show_marks_the_rule_of_each_record(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Khoja said the Russian strikes had killed 36 civilians in Homs.\n")
    result = run_claimx("show", str(article), "--rules")
    assert result.returncode == 0
    assert "said[claim.say]" in result.stdout and "[figure: 36][casualty.killed]" in result.stdout
    assert "[strike: strikes][strike.noun]" in result.stdout
    assert "[claim.say]" not in run_claimx("show", str(article)).stdout


def test_a_misspelt_folder_or_rule_file_exits_2(tmp_path):
    result = run_claimx("rules", "--patterns", str(tmp_path / "mnie"))
    assert result.returncode == 2 and f"{tmp_path / 'mnie'}: no such folder of rule files" in result.stderr
    (tmp_path / "claim.jsonl").write_text("")
    result = run_claimx("rules", "--patterns", str(tmp_path))
    assert result.returncode == 2 and f"{tmp_path / 'claim.jsonl'}: not a claimx rule file" in result.stderr


def test_a_user_word_list_extends_the_defaults_and_removes_words(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "casualties.json").write_text(json.dumps(
        {"victims": {"civilians": ["shoppers"]}, "remove": {"victims": {"civilians": ["villager", "villagers"]}}}))
    nlp = claimx.load(patterns_dir=str(folder))
    text = "The strike killed 7 shoppers. Another killed 4 villagers. A third killed 3 residents."
    records = next(extract_records(nlp, [Document("t", text)]))[1]
    victims = {r["victims"]["text"]: r["victims"]["category"] for r in records if r["kind"] == "casualty"}
    assert victims["shoppers"] == "civilians"  # added
    assert victims["residents"] == "civilians"  # the default list stays
    assert "villagers" not in victims  # removed
    words = nlp.get_pipe("claimx_casualties").words["casualties.json"]
    assert "villagers" not in words["victims"]["civilians"] and "children" in words["victims"]


@pytest.mark.parametrize(("words", "message"), [
    ({"victim": {"civilians": ["x"]}}, "unknown entry 'victim'"),
    ({"place_preps": "near"}, "entry 'place_preps': expected a JSON array"),
    ({"place_preps": [3]}, "entry 'place_preps' item 0: expected a string"),
    ({"remove": {"place_preps": ["nearr"]}}, "entry 'remove.place_preps': \"nearr\" is not in the default word lists"),
    ({"remove": ["place_preps"]}, "entry 'remove' must be a JSON object"),
])
def test_a_bad_user_word_list_exits_2_naming_the_file_and_entry(tmp_path, words, message):
    (tmp_path / "casualties.json").write_text(json.dumps(words))
    result = run_claimx("extract", "-", "--patterns", str(tmp_path), stdin="Nothing happened.\n")
    assert result.returncode == 2
    assert f"{tmp_path / 'casualties.json'}: {message}" in result.stderr


def test_speaker_types_come_from_the_word_lists_and_the_contract_bounds_them(tmp_path):
    text = "The watchdog said the strikes had killed 5 people."
    default = next(extract_records(claimx.load(), [Document("t", text)]))[1]
    assert [r["speaker"]["type"] for r in default if r["kind"] == "claim"] == ["unknown"]
    (tmp_path / "claims.json").write_text(json.dumps({"speaker_types": {"organization": ["watchdog"]}}))
    records = next(extract_records(claimx.load(patterns_dir=str(tmp_path)), [Document("t", text)]))[1]
    assert [r["speaker"]["type"] for r in records if r["kind"] == "claim"] == ["organization"]
    (tmp_path / "claims.json").write_text(json.dumps({"speaker_types": {"ngo": ["watchdog"]}}))
    result = run_claimx("extract", "-", "--patterns", str(tmp_path), stdin="Nothing happened.\n")
    assert result.returncode == 2
    assert f"{tmp_path / 'claims.json'}: entry 'speaker_types': category 'ngo' is not in the contract" in (
        result.stderr)
