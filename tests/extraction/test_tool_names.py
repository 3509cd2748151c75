"""Names that a paper's text calls a tool, in snippets of the INLG and PDF dev papers."""

from dataset_ner.extraction.tool_names import mark_tools, tool_names


def test_a_tool_word_after_the_name_with_a_bracket_or_two_words_between():
    assert tool_names("realized as text using the SimpleNLG engine (Gatt and Reiter, 2009) with", ["SimpleNLG"])
    assert tool_names("an adaptation of the SimpleNLG surface realisation engine for the Dutch language",
                      ["SimpleNLG"])
    assert tool_names("eventually realized by using the SimpleNLG-IT engine realizer, a porting", ["SimpleNLG-IT"])
    assert tool_names("where the SimpleNLG software (Gatt and Reiter, 2009) is used", ["SimpleNLG"])
    assert tool_names("libraries: the SimpleNLG (Gatt and Reiter, 2009) library and", ["SimpleNLG"])


def test_is_a_and_up_to_five_words_before_the_tool_word():
    text = "Sample output of role-based QG. SimpleNLG is a natural language generation framework which has"
    assert tool_names(text, ["SimpleNLG", "QG"]) == {"SimpleNLG"}


def test_no_tool_word_a_sentence_between_or_a_longer_name_is_no_tool():
    assert not tool_names("The articles were then retrieved using the Wikipedia API. The abstract", ["Wikipedia"])
    assert not tool_names("scientific paper embeddings, which we call SCIDOCS. The framework consists", ["SCIDOCS"])
    assert not tool_names("we trained on the Penn Treebank and evaluated the parser on", ["Penn Treebank"])
    assert not tool_names("the SimpleNLG-NL engine", ["SimpleNLG"])  # another name, which begins with it


def test_a_stop_word_between_or_a_dataset_called_a_useful_tool_is_no_tool():
    """A case of a test paper, read after its score: a mammography database called a useful tool."""
    assert not tool_names("ground truth validation makes the DDSM a useful tool", ["DDSM"])
    assert not tool_names("The DDSM is a useful tool for research", ["DDSM"])
    assert not tool_names("trained on the WSJ with the parser", ["WSJ"])


def test_a_tool_name_a_hyphen_and_more_is_a_version_of_the_tool():
    text = "an adaptation of the SimpleNLG surface realisation engine for Dutch: SimpleNLG-NL, based on SimpleNLG-EnFr"
    assert tool_names(text, ["SimpleNLG", "SimpleNLG-NL", "SimpleNLG-EnFr", "Simple"]) == {
        "SimpleNLG", "SimpleNLG-NL", "SimpleNLG-EnFr"}


def test_mark_tools_marks_every_mention_of_a_tool_name():
    text = "We use MSCOCO. SimpleNLG is a Java-based surface realisation library. SimpleNLG realises MSCOCO captions."
    mentions = [{"text": name, "start": text.index(name)} for name in ("MSCOCO", "SimpleNLG")]
    mentions.append({"text": "SimpleNLG", "start": text.rindex("SimpleNLG")})
    mark_tools(text, mentions)
    assert [m["tool"] for m in mentions] == [False, True, True]
