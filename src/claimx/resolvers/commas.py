"""Where a text stripped of its commas (every public copy of FA-KES) had the commas that set
off an attribution, read off a first parse: `... in a market(,) a council said.`, `...
trouble(,) he said.`, `..."(,) said the Observatory.`, `...ISIL(,)" NATO chief Jens
Stoltenberg said`, `... Assad(,) adding: "..."`, `According to activists(,) the strikes ...`.
The parser reads such sentences far better with the commas back (see components/commas.py).
Offsets returned are where a comma goes in the document text: right after a token."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from claimx.resolvers.tree import first_child

SUBJECTS = ("nsubj", "nsubjpass")
PERSONAL = frozenset({"he", "she", "they", "we", "it", "i"})
# parts of a speaker phrase ("the Britain-based Syrian Observatory for Human Rights")
PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})
NAME_LINKS = frozenset({"of", "for", "-", "al", "el", "bin", "ibn", "de"})
# a finite verb after the cue: it reports a clause of its own, the commas are not missing
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# a word these end can't be followed by a comma
NO_COMMA_AFTER = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART"})
# a word that carries the reported clause on past its attribution ("... within a week(,) he said(,)
# and convoys could ...", "... was safe(,) the mayor said(,) until the shelling began")
CONTINUING = frozenset({"and", "but", "until", "because", "while", "although", "though", "unless"})
# a word that opens the circumstances of an attribution ("... Renzi said(,) after the meeting broke up")
CIRCUMSTANCES = frozenset({"after", "as", "when", "before", "since", "once"})
ADJUNCT_OPENERS = CONTINUING | CIRCUMSTANCES
# what opens a description of the speaker named after the cue
DESCRIBED_BY = frozenset({"who", "a", "an", "the", "in", "at"})
# words that open a sentence with a subordinate clause
SUBORDINATORS = frozenset({"when", "if", "while", "although", "though", "as", "after", "before", "because", "since",
                           "once", "unless", "whereas"})
SENTENCE_END = frozenset({".", "!", "?"})
QUOTE_MARKS = frozenset({'"', "”", "“"})
MAX_PHRASE = 10
MAX_TAIL = 12


def stripped(text: str, n_tokens: int) -> bool:
    """A text of some length with (almost) no commas: news prose has one every 20 words."""
    return n_tokens >= 40 and text.count(",") * 150 <= n_tokens


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper()


def _names_a_person(t: Token, title_suffixes: Collection[str]) -> bool:
    """A common noun that can stand before a name as its title ("commander", "activist",
    "spokesman", "envoy"), not "crime" or "mouths" in `a war crime Rycroft told`."""
    return t.tag_ == "NN" and t.lower_.endswith(tuple(title_suffixes))


def _abbreviated_title(t: Token) -> bool:
    """"Mr.", "Ms.", "Dr.", "Sen.": a title that opens a person's name."""
    return t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.endswith(".") and 3 <= len(t.text) <= 5 \
        and t.text[1:-1].islower()


def _speaks_for(noun: Token) -> bool:
    """`noun` heads a phrase "... for X" that is the whole speaker: a plural ("lawyers for the
    men") or a spokesman, not a title that ends a longer name ("UN coordinator for the crisis")."""
    return noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or noun.lower_.startswith("spokes"))


def speaker_phrase_start(cue: Token, speaker_heads: Collection[str], title_suffixes: Collection[str]) -> int | None:
    """Index of the first token of the speaker phrase right before `cue` ("a U.S. official",
    "he", "activists locals and rebels", "White House spokesman Josh Earnest"), or None. A run of
    names right after a preposition is its object, not the speaker's ("in Homs activists"); a
    date ends the phrase ("Wednesday morning"), and so does a noun that can't be the title of
    the name after it ("their mouths SOHR said")."""
    doc, sent = cue.doc, cue.sent
    j = cue.i - 1
    if j >= sent.start and doc[j].pos_ == "ADV" and doc[j].lower_ not in ("not", "never"):
        j -= 1  # "he also said"
    if j < sent.start:
        return None
    head = doc[j]
    if head.lower_ in PERSONAL:
        return j
    first = None
    while j >= sent.start and cue.i - j <= MAX_PHRASE:
        t = doc[j]
        if first is not None and t.pos_ == "NOUN" and (
                doc[first].pos_ == "ADJ"  # "its firepower military analyst ...": no adjective after a noun
                or doc[first].pos_ == "PROPN" and not _names_a_person(t, title_suffixes)
                and t.lower_ not in speaker_heads):  # "news agency SANA"
            break
        if t.ent_type_ in ("DATE", "TIME"):
            break
        if t.pos_ == "NUM" and first is not None and first + 1 < cue.i and doc[first].tag_ == "NNS" \
                and doc[first + 1].tag_ in ("NNS", "CD"):
            return first + 1  # "killed 12 people activists said", "four civilians two residents said": victims counted
        abbreviation = t.text == "." and j > sent.start and doc[j - 1].text.endswith(".")  # "U.S ."
        name_link = t.lower_ in NAME_LINKS and first is not None and j > sent.start and _capitalised(doc[j - 1]) \
            and _capitalised(doc[j + 1])  # "Observatory for Human Rights"
        if t.pos_ in PHRASE_POS or abbreviation or name_link:
            first = j
        elif t.lower_ == "and" and first is not None and doc[first].pos_ == "NOUN" and j > sent.start \
                and doc[j - 1].pos_ == "NOUN":
            first = j  # "activists locals and rebels"
        elif t.pos_ == "DET" and first is not None:
            first = j
            break
        else:
            break
        j -= 1
    if first is None:
        return None
    if first - sent.start > 2 and doc[first - 1].lower_ == "for" and _speaks_for(doc[first - 2]):
        # "lawyers for the men said": who speaks for someone
        return first - 3 if doc[first - 3].pos_ == "DET" else first - 2
    elif first > sent.start and doc[first - 1].pos_ == "ADP":  # "in Homs activists said": Homs is the preposition's
        k = first
        while k < cue.i and doc[k].pos_ == "PROPN":
            k += 1
        if k > first and k < cue.i and doc[k].pos_ == "NOUN" and not _capitalised(doc[k]):
            first = k
        elif doc[first].pos_ == "PROPN":  # "the plans of Moscow Dr. Salem told": a title or a new name starts it
            split = next((k for k in range(first + 1, cue.i) if _abbreviated_title(doc[k]) or doc[k].ent_iob_ == "B"
                          and doc[k].ent_type_ in ("PERSON", "ORG")), None)
            if split is not None:
                return split
    if first > sent.start and _capitalised(doc[first]) and _capitalised(doc[first - 1]):
        return None  # a name cut in two: "the London Based Syrian Observatory"
    if doc[first].pos_ != "DET" and head.pos_ == "NOUN" and head.lower_ not in speaker_heads \
            and head.ent_type_ not in ("PERSON", "ORG", "NORP"):  # "a monitor said" has a determiner to go by
        return None
    return first


def phrase_after(cue: Token, speaker_heads: Collection[str] = ()) -> bool:
    """The cue is followed by a speaker phrase that ends the sentence ("said the Observatory."),
    and has no subject before it that can speak (a reported clause's noun the parse took for
    one, "... the talks collapsed said one source", does not count)."""
    doc, sent = cue.doc, cue.sent
    last = sent.end - 1
    while last > cue.i and (doc[last].text in SENTENCE_END or doc[last].text in QUOTE_MARKS or doc[last].is_space):
        last -= 1
    while last > cue.i and (doc[last].ent_type_ in ("DATE", "TIME") or doc[last].lower_ in ("on", "late", "earlier")):
        last -= 1  # "said the Observatory on Friday"
    words = list(doc[cue.i + 1 : last + 1])
    if any(c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or c.lower_ in speaker_heads or not speaker_heads)
           for c in cue.lefts) or not words:
        return False
    if words[0].pos_ == "DET":
        words = words[1:]
    # the name, then maybe who it is: "said Omar Saleh a rescue worker", "said one source in the town"
    k = next((i for i, t in enumerate(words) if t.pos_ not in PHRASE_POS and t.lower_ not in NAME_LINKS), len(words))
    if k < len(words) and (k == 0 or words[k].lower_ not in DESCRIBED_BY):
        return False
    return 0 < k <= MAX_PHRASE and any(_capitalised(t) or t.lower_ in PERSONAL for t in words[:k])


def _tail_is_adjunct(cue: Token) -> bool:
    """What follows the cue reports nothing of its own: "told Reuters speaking on condition of
    anonymity", "said on Sunday", "said after the meeting broke up", not "said the toll had
    risen"."""
    doc, sent = cue.doc, cue.sent
    if cue.i + 1 < sent.end and doc[cue.i + 1].lower_ in ADJUNCT_OPENERS:
        return True
    for t in doc[cue.i + 1 : min(sent.end, cue.i + 1 + MAX_TAIL)]:
        if t.text in QUOTE_MARKS or t.tag_ == "VBG":
            return True
        if t.tag_ in FINITE_TAGS or t.lower_ == "that" or t.text == ":":
            return False
    return sent.end - cue.i - 1 <= MAX_TAIL


def _comma_before(doc, i: int) -> int | None:
    """Where the comma goes before token i: after the token before it, or before a closing
    quote mark glued to the quoted words (`ISIL" NATO` -> `ISIL," NATO`)."""
    prev = doc[i - 1]
    if prev.text in QUOTE_MARKS:
        if not prev.whitespace_ or prev.i == 0 or doc[prev.i - 1].whitespace_ or doc[prev.i - 1].is_punct:
            return None  # an opening mark, or `."` already closed
        return prev.idx
    if prev.is_punct or prev.is_space or prev.pos_ in NO_COMMA_AFTER:
        return None
    return prev.idx + len(prev.text)


def _opens_second_statement(cue: Token, speaker_heads: Collection[str]) -> bool:
    """A participle ("adding", "saying" (often tagged a noun), "arguing") that reports a statement of the
    sentence's subject, not of the noun before it ("a statement saying ...")."""
    doc, sent = cue.doc, cue.sent
    if cue.i < sent.start + 3 or cue.i + 1 >= sent.end:
        return False
    prev, nxt = doc[cue.i - 1], doc[cue.i + 1]
    if prev.tag_ in FINITE_TAGS or prev.lower_ in speaker_heads:
        return False
    return nxt.text in (":", "that") or nxt.text in QUOTE_MARKS or nxt.pos_ in ("PRON", "DET", "PROPN")


def _parsed_right(cue: Token, first: int) -> bool:
    """The first parse already reads "Y X said": the cue heads the sentence with its subject
    starting at `first` and a clause before it."""
    subj = first_child(cue, SUBJECTS)
    return (cue.dep_ == "ROOT" and subj is not None and subj.left_edge.i == first
            and any(c.dep_ in ("ccomp", "parataxis") and c.i < first for c in cue.lefts))


def after_opener(cue: Token, openers: Collection[str]) -> int | None:
    """`Earlier(,) state television said`, `Earlier in the day(,) a source told`: the comma after
    a sentence adverb (and the phrase after it) that the parse took into the cue's subject."""
    doc, sent = cue.doc, cue.sent
    subj = first_child(cue, SUBJECTS)
    if subj is None or subj.left_edge.i != sent.start or doc[sent.start].lower_ not in openers:
        return None
    last = sent.start
    nxt = doc[last + 1]
    if nxt.pos_ == "ADP" and nxt.right_edge.i < subj.i and any(c.dep_ == "pobj" for c in nxt.children):
        last = nxt.right_edge.i
    if last + 1 >= subj.i or doc[last + 1].is_punct:
        return None
    return doc[last].idx + len(doc[last].text)


def missing_commas(sent: Span, cues: list[Token], speaker_heads: Collection[str], title_suffixes: Collection[str],
                   addressee_verbs: Collection[str], participles: Collection[str] = ("adding", "saying")) -> list[int]:
    """Character offsets in the document where commas that set off the attribution of `cues`
    (reporting verbs in the sentence) were stripped; empty when the first parse reads the
    sentence right already. The phrase after an `addressee_verbs` cue is who is told, not who
    tells ("he told RIA Novosti"); of the cues ending in -ing only `participles` open a second
    statement ("claiming the lives of ..." reports nothing)."""
    doc = sent.doc
    found = []
    for cue in cues:
        if cue.lower_ in participles:  # "... for Assad adding: ...", "... a complaint arguing the strikes ..."
            if _opens_second_statement(cue, speaker_heads):
                at = _comma_before(doc, cue.i)
                if at is not None:
                    found.append(at)
            continue
        if cue.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if cue.i - sent.start >= 3 and cue.lemma_ not in addressee_verbs and phrase_after(cue, speaker_heads):
            at = _comma_before(doc, cue.i)
            if at is not None and not (cue.dep_ == "ROOT" and any(c.dep_ in ("ccomp", "parataxis") for c in cue.lefts)
                                       and any(c.dep_ == "nsubj" for c in cue.rights)):
                found.append(at)
            continue
        if any(c.dep_ == "nsubj" for c in cue.rights):
            continue  # "..., said spokesman Colonel Chris Garver on Wednesday"
        first = speaker_phrase_start(cue, speaker_heads, title_suffixes)
        if first is not None and _splits_its_clause(cue, first):
            at = _comma_before(doc, first)
            if at is not None:
                found += [at, cue.idx + len(cue.text)]
            continue
        if first is None or first - sent.start < 3 and doc[first - 1].text not in QUOTE_MARKS:
            continue
        if _tail_is_adjunct(cue) and not _parsed_right(cue, first):
            at = _comma_before(doc, first)
            if at is not None:
                found.append(at)
                # "A(,) X said(,) until B": an attribution inside the clause it reports ("A(,) X said and
                # B" reports A alone; "while" may open a clause of the speaker's own)
                if cue.i + 1 < sent.end and doc[cue.i + 1].lower_ in CONTINUING - {"and", "but", "while"}:
                    found.append(cue.idx + len(cue.text))
    return sorted(set(found))


def _splits_its_clause(cue: Token, first: int) -> bool:
    """`Acts of protest(,) Mr. Obama said(,) are acts of patriotism`: an attribution between the
    subject of what is said and its verb: a noun phrase opening the sentence before the speaker
    phrase starting at `first`, a finite verb right after the cue (or the participle the parse
    made the sentence's verb), and no second one after that ("said talks would ...")."""
    doc, sent = cue.doc, cue.sent
    if first - sent.start < 2 or doc[first - 1].pos_ not in ("NOUN", "PROPN") or cue.i + 2 >= sent.end \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : first]):
        return False  # after a verb the noun is its object: "backs a plan the UN said is ..." is a relative clause
    verb, after = doc[cue.i + 1], doc[cue.i + 2]
    finite = verb.tag_ in FINITE_TAGS or verb.tag_ == "VBN" and verb.dep_ == "ROOT"  # "killed" read as a participle
    return finite and verb.pos_ in ("VERB", "AUX") and after.tag_ not in FINITE_TAGS and after.tag_ != "VB"


def after_subordinate_clause(cue: Token, speaker_heads: Collection[str], title_suffixes: Collection[str]) -> int | None:
    """`When the fighters entered the village(,) the mayor said he had fled`, `Speaking at a rally
    in Ohio(,) Trump says he ...`: the comma that ends a sentence's opening subordinate clause or
    participle phrase, before the speaker of a cue that reports a clause of its own; the parse
    otherwise takes the speaker into the opening clause."""
    doc, sent = cue.doc, cue.sent
    opener = doc[sent.start + 1] if doc[sent.start].lower_ == "even" else doc[sent.start]  # "Even if"
    participle = opener.tag_ == "VBG" and doc[opener.i + 1].pos_ in ("ADP", "DET")  # not "Leading Syrian ..."
    if not (opener.lower_ in SUBORDINATORS or participle) or cue.tag_ not in ("VBD", "VBZ", "VBP") \
            or _tail_is_adjunct(cue):
        return None
    first = speaker_phrase_start(cue, speaker_heads, title_suffixes)
    if first is None or first - sent.start < 3 or _parsed_right_subject(cue, first):
        return None
    return _comma_before(doc, first)


def _parsed_right_subject(cue: Token, first: int) -> bool:
    subj = first_child(cue, SUBJECTS)
    return subj is not None and subj.left_edge.i == first and cue.dep_ == "ROOT"


def according_to_comma(sent: Span) -> int | None:
    """`According to activists the strikes killed ...`: the comma after the source phrase of a
    sentence-initial "according to"."""
    doc = sent.doc
    if len(sent) < 6 or sent[0].lower_ != "according" or sent[1].lower_ != "to":
        return None
    j = sent.start + 2
    if doc[j].pos_ == "DET":
        j += 1
    last = None
    while j < sent.end - 1 and j - sent.start < 2 + MAX_PHRASE:
        t = doc[j]
        if t.pos_ in PHRASE_POS - {"NUM"} or t.lower_ in NAME_LINKS and last is not None and _capitalised(doc[j + 1]):
            last = j
            j += 1
        else:
            break
    if last is None or doc[last].lower_ in NAME_LINKS:
        return None
    nxt = doc[last + 1]
    if nxt.is_punct or nxt.pos_ not in ("DET", "NUM", "PRON", "PROPN", "NOUN", "ADJ"):
        return None
    return doc[last].idx + len(doc[last].text)


def according_to_comma_after(according: Token) -> int | None:
    """`Officials said the convoy was turned back at the crossing(,) according to a statement`:
    the comma before an "according to" after the start of a sentence, which the parse
    otherwise takes into the clause another cue reports."""
    doc, sent = according.doc, according.sent
    if according.i - sent.start < 3 or according.i + 2 >= sent.end or doc[according.i + 1].lower_ != "to":
        return None
    return _comma_before(doc, according.i)


def unattached_speaker(cue: Token, speaker_heads: Collection[str], title_suffixes: Collection[str],
                       addressee_verbs: Collection[str]) -> Token | None:
    """The head of the speaker phrase of a cue that heads its sentence ("Y X said") but has no
    subject in the parse, when that phrase is a subtree of its own hanging elsewhere ("its
    firepower, military analyst Pavel Felgenhauer told AFP" read as a conjunct of
    "firepower"): the cue's subject to be."""
    if cue.dep_ != "ROOT" or cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    first = speaker_phrase_start(cue, speaker_heads, title_suffixes)
    if first is not None:
        if first > cue.sent.start and cue.doc[first - 1].pos_ == "ADP":
            return None  # "at the U.N. Kerry said": maybe the preposition's object
        phrase = cue.doc[first : cue.i]
    elif cue.lemma_ not in addressee_verbs and phrase_after(cue):
        last = cue.sent.end - 1
        while last > cue.i and cue.doc[last].is_punct:
            last -= 1
        phrase = cue.doc[cue.i + 1 : last + 1]
    else:
        return None
    root = phrase.root
    if root.head.i == cue.i and root.dep_ not in ("dobj", "conj", "appos", "npadvmod", "dep", "attr"):
        return None
    if root.left_edge.i < phrase.start or root.right_edge.i >= phrase.end:
        return None
    return root
