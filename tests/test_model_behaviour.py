"""The packaged model (README command 1 installs en_dataset_ner) on the kinds of mention a user
found missed, in sentences written for these tests (not from any corpus). Skipped where the model
is not installed, as on a fresh clone before training."""

import pytest
import spacy

pytest.importorskip("en_dataset_ner", reason="en_dataset_ner is not installed: run README command 1 first")

MISSED = ("missed by the default model of stops 51 and 52 (it finds LibriSpeech only; stop 52's closing note); "
          "strict: passing again fails, so the mark goes")
CASES = {
    "coordination": ("Using the SVHN, STL-10 and ImageNet data sets, we train three classifiers.",
                     {"svhn", "stl10", "imagenet"}),
    "parentheses": pytest.param("We test speaker recognition (VoxCeleb1) and speech recognition (LibriSpeech) models.",
                                {"voxceleb1", "librispeech"}, marks=pytest.mark.xfail(strict=True, reason=MISSED)),
    "pre-trained on": ("The encoder is pre-trained on Places365 classification before fine-tuning.", {"places365"}),
    "before a task word": ("We report mIoU for Cityscapes segmentation and mAP for KITTI detection.", {"cityscapes", "kitti"}),
    "challenge": ("Our detector ranked first in the last COCO challenge.", {"coco"}),
    "subject": ("Kinetics-700, which contains about 650,000 clips, is our pre-training set.", {"kinetics700"}),
}


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_dataset_ner")


@pytest.mark.parametrize("text, keys", [CASES[kind] for kind in sorted(CASES)], ids=sorted(CASES))
def test_every_dataset_of_the_sentence_is_a_mention_of_its_own(nlp, text, keys):
    found = [ent._.dataset_key for ent in nlp(text).ents]
    assert set(found) == keys and len(found) == len(keys), found
