"""Where extraction's memory grows: the tokenizer alone over benchmark_memory's documents, 64 to a
memory zone, with RSS, glibc's heap in use and free (mallinfo2), and the capacity and filled cells
(live and deleted) of the string store's table and the lexeme index, every `step` documents.
`--after` picks what follows each zone: nothing, malloc_trim(0), or compact_vocab (what extraction does).

    python -m dataset_ner.experiments.hash_table_growth training/sm/model-best --documents 320000 --after compact
"""

import ctypes
import gc
import json

import psutil
import typer
from preshed.maps import PreshMap
from spacy.util import minibatch

from ..extraction.extract import PipelineSpec, load_pipeline
from ..extraction.hash_tables import compact_vocab
from .benchmark_memory import document_text


class Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]


LIBC = ctypes.CDLL("libc.so.6")
LIBC.mallinfo2.restype = Mallinfo2


def row(nlp, documents: int) -> dict:
    """RSS and heap (MiB), and both tables' capacity and filled cells, after `documents`."""
    info, strings = LIBC.mallinfo2(), nlp.vocab.strings._map
    [lexemes] = [o for o in gc.get_referents(nlp.vocab) if isinstance(o, PreshMap)]
    return {"docs": documents, "rss": round(psutil.Process().memory_info().rss / 2**20, 1),
            "heap_used": round((info.uordblks + info.hblkhd) / 2**20, 1), "heap_free": round(info.fordblks / 2**20, 1),
            "mmapped": round(info.hblkhd / 2**20, 1), "strmap_cap": strings.capacity, "strmap_filled": len(strings),
            "strings": len(nlp.vocab.strings), "lexmap_cap": lexemes.capacity, "lexmap_filled": len(lexemes)}


def main(model: str, documents: int = typer.Option(320000), step: int = typer.Option(32000),
         after: str = typer.Option("", help="'', 'trim' or 'compact'")):
    """Print a JSON row at 0 and every `step` documents."""
    nlp = load_pipeline(PipelineSpec(model))
    print(json.dumps(row(nlp, 0)), flush=True)
    done = 0
    for batch in minibatch((document_text(i) for i in range(documents)), 64):
        with nlp.memory_zone():
            [len(nlp.make_doc(text)) for text in batch]
        if after == "trim":
            LIBC.malloc_trim(0)
        elif after == "compact":
            compact_vocab(nlp.vocab)
        done += len(batch)
        if done % step == 0:
            print(json.dumps(row(nlp, done)), flush=True)


if __name__ == "__main__":
    typer.run(main)
