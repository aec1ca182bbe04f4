"""Reads across many relations, each a fixed number of queries (CONVENTIONS.md)."""
