"""newsfacts_tags: the part of speech, morphology and lemmas of the disabled attribute ruler and lemmatizer."""

import pytest
import spacy

from newsfacts import nlp as nlp_module
from newsfacts.errors import TaggingSetupError
from newsfacts.extensions import make_doc

SENTENCES = [
    "The chancellor said on Tuesday that borrowing had risen to £2.1bn, its highest since 2009.",
    "\u201cWe are not going to sell,\u201d she told reporters. \u201cIt's ours and we'd keep it.\u201d",
    "There is little doubt that the merger was blocked because regulators feared higher prices.",
    "Shares in the carmaker fell 4% after it warned that profits would be lower than forecast.",
    "I'm gonna tell them myself, the chief executive, who has been running the firm since 2015, added.",
    "Analysts, who didn't expect the cut, say they're watching whether rates are raised again.\n\nMore to follow.",
    "Y'all ain't seen nothin' yet, the union's leader was quoted as saying by the Daily Mirror.",
    "It rained.  What did the bank's governor, Mark Carney, mean when he spoke of 'turbulence'?",
]
FIELDS = ("text", "tag_", "pos_", "dep_", "morph", "lemma_")


def annotations(doc):
    return [tuple(str(getattr(t, f)) for f in FIELDS) for t in doc]


@pytest.fixture(scope="module")
def stock():
    """The base model as its authors ship it: attribute ruler and lemmatizer running."""
    return spacy.load(nlp_module.read_config()["nlp"]["model"])


def test_the_configured_pipeline_runs_the_table_not_the_ruler(nlp):
    assert "tags" in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    assert nlp.pipe_names.index("tags") < nlp.pipe_names.index("ner")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_the_base_models_own_components(nlp, stock, text):
    assert annotations(nlp(make_doc(nlp, text))) == annotations(stock(text))


@pytest.mark.parametrize(("text", "word", "pos", "lemma"), [
    ("The minister said the deal was done.", "said", "VERB", "say"),
    ("Officials told reporters the talks had stalled.", "told", "VERB", "tell"),
    ("Officials told reporters the talks had stalled.", "had", "AUX", "have"),
    ("The company's shares were suspended.", "were", "AUX", "be"),
    ("There are fears that prices will rise.", "are", "VERB", "be"),  # a two-token ruler pattern
    ("Profits rose to $3bn as sales climbed.", "climbed", "VERB", "climb"),
    ("The figures showed that exports grew.", "figures", "NOUN", "figure"),
    ("She did not comment.", "not", "PART", "not"),
    ("He warned them it wouldn't last.", "them", "PRON", "they"),
])
def test_part_of_speech_and_lemmas_the_rules_read(process, text, word, pos, lemma):
    token = next(t for t in process(text) if t.text == word)
    assert (token.pos_, token.lemma_) == (pos, lemma)


def test_with_the_base_components_enabled_it_does_nothing(stock):
    nlp = spacy.load(nlp_module.read_config()["nlp"]["model"])
    nlp.add_pipe("newsfacts_tags", before="ner")
    for text in SENTENCES[:3]:
        assert annotations(nlp(text)) == annotations(stock(text))


def test_a_pipeline_without_the_base_components_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_tags")
    assert [t.pos_ for t in nlp("Prices rose.")] == ["", "", ""]


def test_a_saved_pipeline_keeps_the_table_and_the_disabled_components(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names and set(loaded.disabled) == set(nlp.disabled)
    for text in SENTENCES:
        assert annotations(loaded(make_doc(loaded, text))) == annotations(nlp(make_doc(nlp, text)))


@pytest.mark.filterwarnings("ignore::UserWarning")  # the lemmatizer, run without part of speech, says so
def test_a_disabled_ruler_before_an_enabled_lemmatizer_is_refused():
    nlp = spacy.load(nlp_module.read_config()["nlp"]["model"], disable=["attribute_ruler"])
    nlp.add_pipe("newsfacts_tags", before="ner")
    with pytest.raises(TaggingSetupError, match="disable both"):
        nlp("Prices rose.")


def test_patterns_the_table_cannot_read_go_through_a_matcher_in_the_rulers_order():
    model = nlp_module.read_config()["nlp"]["model"]
    extra = [{"patterns": [[{"LOWER": "interest"}, {"LOWER": "rates", "OP": "+"}]], "attrs": {"POS": "PROPN"}},
             {"patterns": [[{"LENGTH": 3, "TAG": "NN"}]], "attrs": {"LEMMA": "three-letter"}}]
    stock = spacy.load(model)
    stock.get_pipe("attribute_ruler").add_patterns(extra)
    ours = spacy.load(model, disable=["attribute_ruler", "lemmatizer"])
    ours.get_pipe("attribute_ruler").add_patterns(extra)
    ours.add_pipe("newsfacts_tags", before="ner")
    text = "Interest rates rose again, the man said, and the tax bill fell."
    doc = ours(text)
    assert annotations(doc) == annotations(stock(text))
    assert doc[0].pos_ == "PROPN" and [t.lemma_ for t in doc if t.text in ("man", "tax")] == ["three-letter"] * 2
    assert ours.get_pipe("newsfacts_tags").steps()[0].number_of  # those two went to the Matcher
