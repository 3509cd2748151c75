"""From documents to mention records: reading inputs, splitting text, extraction, shards, progress, local worker processes, the Dask runner, int8 quantisation."""
