"""The lab: builders of committed assets (seed-gold sample and settlement, the teacher's labels) and
experiment harnesses (ablation, extraction speed, name keys, timing). Run from project.yml; product
code never imports it."""
