"""Reads for plans, one module per job (see docs/dev/plan-builder.md)."""
