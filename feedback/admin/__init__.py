"""The participant's course in the Wagtail admin."""
