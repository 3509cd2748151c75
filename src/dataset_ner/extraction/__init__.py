"""From documents to mention records: reading inputs (PDFs through PDFium, their text repaired), splitting text, extraction, shards, progress, the Dask runner, int8 quantisation."""
