"""Guardrails: PHI scrubbing (guardrails.phi) and answer verification (guardrails.verification).

A leaf package: it imports nothing of the assistant, corpora or evals."""
