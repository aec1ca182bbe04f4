"""Participant, team, public and file views of the participant's course (issue #6)."""
