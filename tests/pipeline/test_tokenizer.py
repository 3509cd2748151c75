import pytest

from dataset_ner.pipeline.tokenizer import blank


@pytest.fixture(scope="module")
def nlp():
    return blank()


@pytest.mark.parametrize("text, name", [
    ("Results on IJB-B.", "IJB-B"),
    ("We use WT10G.", "WT10G"),
    ("Tested on DataSetA.", "DataSetA"),
    ("and on Human3.6M.", "Human3.6M"),
])
def test_a_name_ending_in_a_capital_ends_before_the_full_stop(nlp, text, name):
    doc = nlp(text)
    start = text.index(name)
    assert doc.char_span(start, start + len(name)) is not None
    assert doc[-1].text == "."


def test_initials_and_abbreviations_stay_whole(nlp):
    words = [t.text for t in nlp("In the U.S. J. Smith et al. e.g. A.B. Ph.D. in Fig. 3 of Nov. 5")]
    assert {"U.S.", "J.", "e.g.", "A.B.", "Ph.D.", "Nov."} <= set(words)


def test_the_pipelines_configs_use_it():
    from pathlib import Path
    from spacy.util import load_config
    root = Path(__file__).parents[2]
    for name in ("cpu", "gpu", "cnn_baseline"):
        config = load_config(root / "configs" / f"{name}.cfg")
        assert config["nlp"]["tokenizer"]["@tokenizers"] == "dataset_ner.tokenizer.v1", name
