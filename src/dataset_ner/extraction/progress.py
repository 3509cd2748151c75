"""A one-line progress display on stderr: documents, documents/s, words/s."""

import sys
import time


class Progress:
    def __init__(self, every: float = 1.0, stream=None):
        self.stream, self.every = stream or sys.stderr, every
        self.start = self.last = time.perf_counter()
        self.documents = self.words = 0

    def restart(self) -> None:
        """Count time from now (after the model or the cluster has started)."""
        self.start = self.last = time.perf_counter()

    def update(self, documents: int, words: int, force: bool = False) -> None:
        self.documents, self.words = documents, words
        now = time.perf_counter()
        if force or now - self.last >= self.every:
            self.last, seconds = now, max(now - self.start, 1e-9)
            end = "\r" if self.stream.isatty() else "\n"
            print(f"{documents:,} documents  {documents / seconds:,.1f} documents/s  {words / seconds:,.0f} words/s",
                  end=end, file=self.stream, flush=True)

    def close(self) -> None:
        self.update(self.documents, self.words, force=True)
        if self.stream.isatty():
            print(file=self.stream)
