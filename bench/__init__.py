"""Benchmarks and the national-scale data generator (issue #8). Installed only by config.settings.bench."""
