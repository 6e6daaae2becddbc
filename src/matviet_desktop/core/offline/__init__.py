"""Offline cache for store managers: a local PostgreSQL holding a snapshot of one store's data."""
