"""The four training configs repeat their shared settings (spaCy configs cannot include one
another); these tests keep the copies equal, so a change to one cannot silently miss the others."""
from pathlib import Path

from spacy.util import dict_to_dot, load_config

CONFIGS = Path(__file__).resolve().parents[1] / "configs"

# What configs/gpu.cfg may set differently from configs/cpu.cfg: the device, the model and its schedule.
GPU_SETTINGS = {
    "paths.transformer", "system.gpu_allocator", "components.transformer.model.mixed_precision",
    "training.accumulate_gradient", "training.patience", "training.max_steps", "training.batcher.size",
    "training.optimizer.learn_rate.initial_rate", "training.optimizer.learn_rate.total_steps",
    "training.optimizer.learn_rate.warmup_steps",
}
# What the CNN config may set differently from configs/cpu.cfg: its embedding layers, the ner's
# input, batching and the learning rate, the length of its training, and (with no sentencizer)
# the sentence scores.
CNN_SECTIONS = (
    "nlp.", "paths.transformer", "components.sentencizer.", "components.transformer.",
    "training.score_weights.sents_", "components.tok2vec.", "components.ner.model.", "training.batcher.",
    "training.optimizer.learn_rate", "training.max_steps", "training.eval_frequency",
)


def flat_settings(name: str) -> dict:
    """Every setting of a config file as a dotted key, uninterpolated."""
    return dict_to_dot(load_config(CONFIGS / name, interpolate=False))


def differing(a: dict, b: dict) -> set:
    return {key for key in a.keys() | b.keys() if a.get(key, "<absent>") != b.get(key, "<absent>")}


def test_gpu_config_differs_from_cpu_only_in_gpu_settings():
    assert differing(flat_settings("cpu.cfg"), flat_settings("gpu.cfg")) <= GPU_SETTINGS


def test_cnn_config_shares_data_components_and_optimizer_with_cpu():
    diff = differing(flat_settings("cpu.cfg"), flat_settings("cnn_baseline.cfg"))
    assert {key for key in diff if not key.startswith(CNN_SECTIONS)} == set()


# What configs/sm.cfg (en_dataset_ner_sm) may set differently from the CNN baseline: its matrix
# products (numpy instead of BLIS), width, hash rows, averaging, mention swapping, its training data
# and length.
SM_SETTINGS = {
    "nlp.after_pipeline_creation", "nlp.after_pipeline_creation.@callbacks",
    "components.tok2vec.model.encode.width", "components.tok2vec.model.embed.rows", "components.ner.model.hidden_width",
    "training.optimizer.use_averages",
    "corpora.train.augmenter.level", "corpora.train.weights.scirex", "corpora.train.weights.scirex_distilled",
    "training.max_steps",
}


def test_sm_config_differs_from_cnn_only_in_sm_settings():
    assert differing(flat_settings("cnn_baseline.cfg"), flat_settings("sm.cfg")) == SM_SETTINGS


def test_training_settings_live_in_the_configs():
    """project.yml passes paths, devices and seeds to the shipped pipelines' training, never a setting
    of the configs (the teacher, a lab command that rebuilds a committed asset, sets its own)."""
    import srsly

    project = srsly.read_yaml(CONFIGS.parent / "project.yml")
    allowed = ("--paths.", "--system.seed", "--gpu-id", "--output")
    for command in project["commands"]:
        if command["name"] == "teacher":
            continue
        for line in command["script"]:
            if "-m spacy train " in line:
                flags = [word for word in line.split() if word.startswith("--")]
                assert all(flag.startswith(allowed) for flag in flags), (command["name"], flags)


def test_shared_settings_are_really_compared():
    shared = flat_settings("cpu.cfg").keys() & flat_settings("cnn_baseline.cfg").keys()
    assert {"corpora.train.weights.tdmsci", "components.trim_dataset_mentions.factory",
            "components.dataset_mention_confidence.temperature", "training.optimizer.L2"} <= shared


def test_ner_labels_file_holds_what_initialising_finds():
    """The label file the configs give the ner (so initialising skips reading every training
    example) holds the actions spaCy derives from a mention of the vocabulary's label."""
    import spacy
    import srsly
    from spacy.training import Example

    from dataset_ner.pipeline.vocabulary import LABEL

    for name in ("cpu.cfg", "gpu.cfg", "cnn_baseline.cfg", "sm.cfg"):
        labels = load_config(CONFIGS / name, interpolate=False)["initialize"]["components"]["ner"]["labels"]
        assert labels == {"@readers": "spacy.read_labels.v1", "path": "corpus/labels/ner.json", "require": False}, name
    nlp = spacy.blank("en")
    derived, given = nlp.add_pipe("ner", name="derived"), nlp.add_pipe("ner", name="given")
    example = Example.from_dict(nlp.make_doc("We use ImageNet."), {"entities": [(7, 15, LABEL)]})
    derived.initialize(lambda: [example])
    given.initialize(lambda: [example], labels=srsly.read_json(CONFIGS.parent / "corpus/labels/ner.json"))
    assert [derived.moves.get_class_name(i) for i in range(derived.moves.n_moves)] == \
           [given.moves.get_class_name(i) for i in range(given.moves.n_moves)]
