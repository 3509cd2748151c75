"""From the weak CoNLL corpus and the hand-annotated corpora to training DocBins: reading, weak-label decisions, conversion, gold splits, the weighted reader."""
