"""CLI command groups: one module per group, each with register(app); no business logic here."""
