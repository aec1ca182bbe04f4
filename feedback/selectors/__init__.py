"""Reads for the participant's course, each a fixed number of queries (CONVENTIONS.md)."""
