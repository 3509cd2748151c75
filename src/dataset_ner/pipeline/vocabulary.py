"""The project's words, defined once: the entity label, the names of the pipeline components, and the
words around a dataset's name (articles before it; generic head nouns, part words and split words
after it). Ships in the model wheel with the components that use it; data, evaluation and
extraction import it from here."""

LABEL = "DATASET"

# The components' factory names, as the configs' [components.*] blocks and setup.cfg's entry points spell them.
SPLIT_MENTIONS = "split_dataset_mentions"
TRIM_MENTIONS = "trim_dataset_mentions"
COORDINATED_MENTIONS = "coordinated_dataset_mentions"
MENTION_CONFIDENCE = "dataset_mention_confidence"
MENTION_NAMES = "dataset_mention_names"

# Words that precede a name without being part of it ("the Penn Treebank").
ARTICLES = frozenset({"the", "a", "an"})

# Generic head nouns that follow a name ("UCF101 dataset", "MNIST data sets"): the ones the head-tolerant
# score strips from gold and predicted spans alike.
HEAD_NOUNS = (
    "dataset", "datasets", "data set", "data sets", "corpus", "corpora", "benchmark", "benchmarks", "database",
    "databases",
)
# The weak-label repair also takes a following "collection" or "treebank" into the span, so that "TREC
# collection" and "Penn Treebank" stay whole.
SPAN_HEAD_NOUNS = HEAD_NOUNS + ("collection", "collections", "treebank", "treebanks")
# A canonical name also loses a trailing "data", "collection", "challenge" or "repository" ("the COCO
# challenge" → "COCO"), but keeps "Treebank", which names a resource ("Penn Treebank").
NAME_HEAD_NOUNS = HEAD_NOUNS + ("data", "collection", "collections", "challenge", "challenges", "repository")
# Lowercase words after a name that say which part or form of the dataset is meant ("ImageNet set",
# "BSD68 images", "E2E data sections"); a canonical name loses them too, matched in lowercase only,
# so that "Open Images" keeps its word, and kept after a split word ("COCO test set"). "subset" stays:
# "Hard subset" names a part.
NAME_PART_WORDS = frozenset({"set", "sets", "images", "samples", "videos", "sequences", "sections"})
# The words that name a split of a dataset ("CIFAR-10 test set", "COCO val").
SPLIT_WORDS = ("train", "training", "dev", "development", "test", "testing", "validation", "val", "valid",
               "held-out", "heldout")
# Words after a dataset's name that say which task it serves there ("COCO object detection task",
# "ILSVRC 2016 classification task", "MS COCO object", "CoNLL-2003 shared task"): a paper's dataset list
# counts such a mention under the name without them.
TASK_WORDS = ("classification", "detection", "segmentation", "recognition", "object", "objects", "task", "tasks",
              "shared task", "shared tasks")
