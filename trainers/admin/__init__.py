"""The trainer screens of the Wagtail admin, scoped to the regions each person manages."""
