"""The bundled corpus end to end: offsets, ids, contract validity, and the seed quality floor."""

import json
import subprocess
import sys

import pytest
from tests.conftest import CORPUS, SHARED, spans_hold

from claimx.records import Record
from claimx.sources import Document
from claimx.spine import extract_records

SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus_records(nlp):
    docs = [Document(p.name, p.read_text(encoding="utf-8")) for p in SEEDS]
    return {doc.id: (doc.text, records) for doc, records, _ in extract_records(nlp, docs)}


def test_corpus_is_the_five_seeds():
    assert len(SEEDS) == 5
    if (SHARED / "seeds").is_dir():
        assert [p.read_bytes() for p in SEEDS] == [(SHARED / "seeds" / p.name).read_bytes() for p in SEEDS]


def test_every_span_indexes_the_text(corpus_records):
    for text, records in corpus_records.values():
        assert records
        assert all(spans_hold(r, text) for r in records)


def test_records_follow_the_contract(corpus_records):
    for _, records in corpus_records.values():
        for r in records:
            Record.validate_python(r)
        ids = [r["id"] for r in records]
        assert len(ids) == len(set(ids))
        claim_ids = {r["id"] for r in records if r["kind"] == "claim"}
        assert all(r.get("claim") in claim_ids for r in records if r.get("claim"))


def test_seed_scores_meet_the_targets(tmp_path, corpus_records):
    """Not a timed test: the seed quality floor from the issues, scored by ../shared/eval/score.py."""
    score = SHARED / "eval" / "score.py"
    if not score.is_file():
        pytest.skip("../shared/eval is not beside this checkout")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for _, recs in corpus_records.values() for r in recs))
    out = subprocess.run([sys.executable, str(score), str(SHARED / "eval" / "seeds"), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    assert r["bad_offsets"] == 0
    assert r["claim"]["content+speaker"]["f1"] >= 0.90
    assert r["casualty"]["value+outcome"]["f1"] >= 0.90
    assert r["casualty"]["recall_full(incl. source)"] >= 0.80
    assert r["strike"]["events"]["f1"] >= 0.90
    assert r["strike"]["targets"]["f1"] >= 0.75
