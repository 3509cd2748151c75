"""Rebuild running text from CoNLL tokens, keeping each token's character offsets."""

from typing import List, Sequence, Tuple


def rebuild_text(tokens: Sequence[str], rejoin_hyphens: bool = True) -> Tuple[str, List[Tuple[int, int]]]:
    """Join tokens with spaces; with `rejoin_hyphens`, a token ending in '-' after a letter
    or digit is glued to the next one ("Sports-" "1M" -> "Sports-1M"), undoing PDF line breaks."""
    parts: List[str] = []
    offsets: List[Tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        if i > 0:
            previous = tokens[i - 1]
            glued = rejoin_hyphens and len(previous) > 1 and previous.endswith("-") and previous[-2].isalnum()
            if not glued:
                parts.append(" ")
                pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return "".join(parts), offsets
