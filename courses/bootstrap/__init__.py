"""Courses' part of `manage.py bootstrap`: the real programme from the seeds, safe to run again."""

from courses.bootstrap import collections, pages, reference


def run(out) -> None:
    collections.ensure_trainer_collection(out)
    reference.load_reference(out)
    pages.ensure_programme(out)
