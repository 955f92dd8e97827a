"""Property-based: no text makes extraction raise, and every span indexes the text.

Budget: FUZZ_EXAMPLES examples per property (README, "Reliability")."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import spans_hold

from claimx.sources import Document
from claimx.spine import extract_records

FUZZ_EXAMPLES = 150
NEWS_WORDS = ["said", "told", "according", "to", "killed", "wounded", "at", "least", "dozens", "of", "civilians",
              "two", "women", "and", "a", "child", "no", "one", "thirty-three", "1.5", "million", "290,000", "-",
              "Russian", "air", "strikes", "hit", "Kerry", "he", "they", "“", "”", '"', "'", ":", ",", ".", "\n",
              "\n\n", "›", "RELATED", "COVERAGE", "Homs", "province", "the", "Observatory", "reported", "if", "not",
              "5-year-old", "$", "%", "since", "2011", "Wednesday", "Sept.", "30", "between", "20", "and", "30"]

settings.register_profile("claimx", max_examples=FUZZ_EXAMPLES, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile("claimx")


def check(nlp, text: str) -> None:
    _, records, errors = next(extract_records(nlp, [Document("fuzz", text)]))
    assert errors == []
    assert all(spans_hold(r, text) for r in records)


@given(st.text(max_size=400))
def test_any_unicode(nlp, text):
    check(nlp, text)


@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join))
def test_newslike_word_salad(nlp, text):
    check(nlp, text)


@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=60).map("".join))
def test_glued_marks_digits_and_words(nlp, text):
    check(nlp, text)
