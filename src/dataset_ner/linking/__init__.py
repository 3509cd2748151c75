"""Links each mention to a dataset of a catalogue: the alias table (its format and how it is built
from the catalogues) and the `dataset_linker` component, which ships in the model wheel."""
