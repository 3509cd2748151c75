"""length_order: texts through a pipeline shortest first, results in input order."""

import numpy
import spacy
from spacy.language import Language

from dataset_ner.length_order import in_length_order, stream_in_length_order

TEXTS = ["We train on ImageNet and evaluate on the CIFAR-10 test set of 10,000 images.", "Results on SQuAD.",
         "The MNIST digits.", "Our model, pre-trained on Kinetics-400, is fine-tuned on UCF101 and HMDB-51 videos.",
         "Short."]
SEEN = []


@Language.component("length_order_recorder")
def recorder(doc):
    SEEN.append(doc.text)
    return doc


def test_texts_go_through_the_pipeline_shortest_first_and_come_back_in_input_order():
    nlp = spacy.blank("en")
    nlp.add_pipe("length_order_recorder")
    SEEN.clear()
    assert in_length_order(nlp, TEXTS, lambda doc: doc.text, batch_size=2) == TEXTS
    assert SEEN == sorted(TEXTS, key=len)


def test_a_stream_is_sorted_a_chunk_at_a_time():
    nlp = spacy.blank("en")
    nlp.add_pipe("length_order_recorder")
    SEEN.clear()
    assert list(stream_in_length_order(nlp, iter(TEXTS), lambda doc: doc.text, batch_size=2, chunk=2)) == TEXTS
    assert SEEN == [*sorted(TEXTS[:2], key=len), *sorted(TEXTS[2:4], key=len), TEXTS[4]]


def test_the_real_transformer_pipeline_gives_what_nlp_pipe_gives(transformer_nlp):
    def output(doc):
        """The mentions and the hidden states of the text's wordpieces (the padding after them left out)."""
        hidden, lengths = doc._.trf_data.model_output.last_hidden_state, doc._.trf_data.wordpieces.lengths
        return [(e.start_char, e.end_char) for e in doc.ents], [numpy.array(hidden[i, :n]) for i, n in enumerate(lengths)]

    expected = [output(doc) for doc in transformer_nlp.pipe(TEXTS, batch_size=2)]
    found = in_length_order(transformer_nlp, TEXTS, output, batch_size=2)
    assert [ents for ents, _ in found] == [ents for ents, _ in expected]
    for (_, hidden), (_, hidden_expected) in zip(found, expected):
        for span, span_expected in zip(hidden, hidden_expected, strict=True):
            numpy.testing.assert_allclose(span, span_expected, atol=1e-4)
