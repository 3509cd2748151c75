"""Output folder of extraction: shards written with atomic renames, a manifest that makes reruns resume."""

import hashlib
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, List, Sequence, Tuple

from ..json_files import json_line, json_text, read_json
from .inputs import Item

MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"
SHARD_ERRORS = "shard-errors"
TEXTS = "texts"
LOCK = ".lock"


def write_atomic(path: Path, text: str) -> None:
    """Write `path.tmp` (newlines as they are), flush it to disk, then rename it over `path`."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf8", newline="") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def jsonl(rows: Iterable[dict]) -> str:
    return "".join(map(json_line, rows))


def text_file(doc_id: Any) -> str:
    """Where the output folder keeps a document's text: texts/<sha1 of its id>.txt (unique, a safe name)."""
    return f"{TEXTS}/{hashlib.sha1(str(doc_id).encode('utf8')).hexdigest()}.txt"


def fingerprint(items: Sequence[Item]) -> str:
    """Hash of where a shard's items come from (file and line), to notice changed inputs."""
    return hashlib.sha1("\n".join(item.where for item in items).encode("utf8")).hexdigest()


def plan_shards(items: Iterable[Item], shard_size: int) -> Iterator[Tuple[int, List[Item]]]:
    """Consecutive shards of `shard_size` items: (index, items)."""
    batch, index = [], 0
    for item in items:
        batch.append(item)
        if len(batch) == shard_size:
            yield index, batch
            batch, index = [], index + 1
    if batch:
        yield index, batch


class SettingsMismatch(ValueError):
    pass


class OutputBusy(RuntimeError):
    pass


def lock_folder(path: Path):
    """An exclusive lock on `path/.lock`, held while the returned file stays open (the OS drops it
    when the process dies); OutputBusy if another process holds it. No lock where fcntl is missing."""
    lock = (path / LOCK).open("w")
    try:
        import fcntl
    except ImportError:  # Windows
        return lock
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise OutputBusy(f"{path}: another extraction is writing to this folder ({path / LOCK} is locked); "
                         "wait for it to end or choose another --output") from None
    return lock


class OutputDir:
    """OUT/part-NNNNN.jsonl records, OUT/shard-errors/part-NNNNN.jsonl problems, OUT/manifest.json
    (settings and completed shards), OUT/errors.jsonl (all problems, written by finish), OUT/texts/
    (texts that exist nowhere else, named by their records' "text_file"). One process
    at a time: OUT/.lock is held until close() (use it as a context manager)."""

    def __init__(self, path: Path, settings: dict):
        self.path, self.settings = path, settings
        path.mkdir(parents=True, exist_ok=True)
        self._lock = lock_folder(path)
        try:
            self._open()
        except SettingsMismatch:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the folder's lock."""
        self._lock.close()

    def _open(self) -> None:
        path, settings = self.path, self.settings
        (path / SHARD_ERRORS).mkdir(exist_ok=True)
        for stale in [tmp for folder in (path, path / SHARD_ERRORS, path / TEXTS) for tmp in folder.glob("*.tmp")]:
            stale.unlink()
        manifest_path = path / MANIFEST
        if manifest_path.exists():
            manifest = read_json(manifest_path)
            if manifest["settings"] != settings:
                changed = sorted(k for k in settings.keys() | manifest["settings"].keys()
                                 if settings.get(k) != manifest["settings"].get(k))
                raise SettingsMismatch(
                    f"{manifest_path}:0: this output folder was written with other settings ({', '.join(changed)}: "
                    f"{[manifest['settings'].get(k) for k in changed]} then, {[settings.get(k) for k in changed]} now); "
                    "rerun with the same inputs and settings to resume, or choose another --output")
            self.shards = manifest["shards"]
        else:
            self.shards = {}
            self._save(complete=False)

    def part(self, index: int) -> Path:
        return self.path / f"part-{index:05d}.jsonl"

    def is_done(self, index: int, items: Sequence[Item]) -> bool:
        """Whether shard `index` was completed; raises SettingsMismatch if it came from other items."""
        entry = self.shards.get(str(index))
        if entry is None or not self.part(index).exists():
            return False
        if entry["fingerprint"] != fingerprint(items):
            raise SettingsMismatch(f"{self.path / MANIFEST}:0: shard {index} was written from other input files "
                                   "or lines (inputs changed since); choose another --output")
        return True

    def write(self, index: int, items: Sequence[Item], records: List[dict], problems: List[dict], words: int) -> None:
        """Write one shard's texts and problems, then its records, then record it in the manifest."""
        records = [self._store_text(record) for record in records]
        write_atomic(self.path / SHARD_ERRORS / self.part(index).name, jsonl(problems))
        write_atomic(self.part(index), jsonl(records))
        self.shards[str(index)] = {"fingerprint": fingerprint(items), "documents": len(records), "errors": len(problems),
                                   "mentions": sum(len(r["mentions"]) for r in records), "words": words}
        self._save(complete=False)

    def _store_text(self, record: dict) -> dict:
        """A record that carries its "text": the text written to OUT/texts/, the record with "text_file" instead."""
        if "text" not in record:
            return record
        name = text_file(record["id"])
        (self.path / TEXTS).mkdir(exist_ok=True)
        write_atomic(self.path / name, record["text"])
        rest = {key: value for key, value in record.items() if key not in ("id", "text")}
        return {"id": record["id"], "text_file": name, **rest}

    def totals(self) -> dict:
        keys = ("documents", "errors", "mentions", "words")
        return {key: sum(entry[key] for entry in self.shards.values()) for key in keys}

    def finish(self, n_shards: int) -> dict:
        """Gather every shard's problems into errors.jsonl, mark the manifest complete; the totals."""
        parts = [self.path / SHARD_ERRORS / self.part(i).name for i in range(n_shards)]
        write_atomic(self.path / ERRORS, "".join(p.read_text(encoding="utf8") for p in parts))
        self._save(complete=True, n_shards=n_shards)
        return self.totals()

    def _save(self, complete: bool, n_shards: int = None) -> None:
        manifest = {"settings": self.settings, "complete": complete, "n_shards": n_shards, "totals": self.totals(),
                    "shards": self.shards}
        write_atomic(self.path / MANIFEST, json_text(manifest))
