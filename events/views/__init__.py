"""Pages on the public site: cohort listing and registration, a participant's courses, the shared cohort page."""
