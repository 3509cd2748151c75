"""A tool's words: what names software after its name ("Stanford CoreNLP POS tagger", "SimpleNLG library",
"Penn Treebank tokenizer"). A paper's dataset list leaves such names out (extraction.tool_names,
paper_datasets), and the linker does not drop them from a name to find a dataset (dataset_linker.tail_key)."""

TOOL_WORDS = (r"toolkits?|tools?|software|librar(?:y|ies)|packages?|analy[sz]ers?|taggers?|parsers?|reali[sz]ers?|"
              r"engines?|frameworks?|tokeni[sz]ers?")
