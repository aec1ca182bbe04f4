"""Reads across many relations for the trainer pages and the admin, in a fixed number of queries."""
