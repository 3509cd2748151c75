"""Runs inside nlp and ships in the model wheel: the transformer path resolver and the mention components; imports nothing of the project."""
