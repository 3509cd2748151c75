"""Scores and times trained pipelines: scoring, gold evaluation, baselines, benchmarks, the model card, the data ablation, package metadata."""
