"""Forms of the participant's course: `participant` for participants, `team` for the delivery team."""
