"""From a trained pipeline to the model wheel: a config that needs no weights package, and the package meta."""
