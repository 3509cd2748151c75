"""The paper-level split of SciREX: every paper wholly in train, dev or test, by a hash of its id."""

import hashlib
from typing import Dict, Iterable, List

TEST_SHARE = 0.16
DEV_SHARE = 0.12
SPLITS = ("train", "dev", "test")


def bucket(doc_id: str) -> float:
    """A number in [0, 1) from the SHA-1 of "scirex:" + the paper id: stable across runs and file order."""
    digest = hashlib.sha1(f"scirex:{doc_id}".encode("utf8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def split_of(doc_id: str) -> str:
    """test below TEST_SHARE, dev below TEST_SHARE + DEV_SHARE, train above."""
    value = bucket(doc_id)
    return "test" if value < TEST_SHARE else "dev" if value < TEST_SHARE + DEV_SHARE else "train"


def split_papers(doc_ids: Iterable[str]) -> Dict[str, List[str]]:
    """Split name → sorted paper ids."""
    splits: Dict[str, List[str]] = {name: [] for name in SPLITS}
    for doc_id in doc_ids:
        splits[split_of(doc_id)].append(doc_id)
    return {name: sorted(ids) for name, ids in splits.items()}
