"""Pages of the plans app, one module per job (see docs/dev/plan-builder.md)."""
