"""The components as spaCy citizens: factories, serialisation, DocBin, multiprocessing."""

import json

import spacy
from spacy.tokens import DocBin

import claimx.components  # noqa: F401  registers the factories
from claimx.pipeline import resolve_model

SENTENCE = "Khoja said the Russian strikes had killed 36 civilians in Homs."


def test_add_pipe_in_a_users_pipeline():
    nlp = spacy.load(resolve_model())
    nlp.add_pipe("claimx_claims")
    nlp.add_pipe("claimx_casualties")
    doc = nlp(SENTENCE)
    assert doc._.claimx_claims[0]["speaker"]["name"] == "Khoja"
    assert doc._.claimx_casualties[0]["source"]["name"] == "Khoja"


def test_factories_are_entry_points():
    from importlib.metadata import entry_points

    names = {e.name for e in entry_points(group="spacy_factories")}
    assert {"claimx_claims", "claimx_casualties", "claimx_strikes"} <= names


def test_to_disk_from_disk_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "claimx_claims" / "claims.json").is_file()
    assert (tmp_path / "pipeline" / "claimx_strikes" / "strikes.jsonl").is_file()
    assert loaded(SENTENCE)._.claimx_casualties == nlp(SENTENCE)._.claimx_casualties


def test_extension_values_survive_docbin(nlp):
    doc = nlp(SENTENCE)
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    # msgpack turns lists into tuples; the values are the same
    assert json.dumps(restored._.claimx_claims) == json.dumps(doc._.claimx_claims)


def test_n_process_gives_the_same_records(nlp):
    texts = [SENTENCE, "Russian jets struck a military airport.", "Nothing happened."] * 3
    one = [d._.claimx_strikes for d in nlp.pipe(texts)]
    two = [d._.claimx_strikes for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two


def test_initialize_adds_a_rule_folder(tmp_path):
    (tmp_path / "strikes.jsonl").write_text(json.dumps(
        {"id": "strike.sniping", "label": "ATTACK", "matcher": "token", "pattern": [[{"LOWER": "sniping"}]],
         "resolver": "noun_strike"}) + "\n")
    nlp = spacy.load(resolve_model())
    nlp.add_pipe("claimx_strikes")
    assert "strike.sniping" not in {r.id for r in nlp.get_pipe("claimx_strikes").rules}
    nlp.get_pipe("claimx_strikes").initialize(patterns_dir=str(tmp_path))
    assert "strike.sniping" in {r.id for r in nlp.get_pipe("claimx_strikes").rules}
    assert "strike.verb" in {r.id for r in nlp.get_pipe("claimx_strikes").rules}


def test_factories_declare_what_they_need(nlp):
    analysis = nlp.analyze_pipes()
    assert not analysis["problems"]["claimx_casualties"]
    assert "token.dep" in nlp.get_pipe_meta("claimx_claims").requires
