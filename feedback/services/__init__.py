"""State changes of the participant's course: one module per record, each function one transaction."""
