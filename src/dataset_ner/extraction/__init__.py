"""From documents to mention records: reading inputs, splitting text, extraction, shards, progress, the Dask runner, int8 quantisation."""
