"""Training steps beyond `spacy train`: weights the small pipeline starts from."""
