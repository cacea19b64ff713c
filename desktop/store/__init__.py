"""Persistence: SQLModel tables, the engine, migrations and queries. The only place that knows SQL."""
