"""Trainers in the Wagtail admin, and the names of their audit entries (`trainers.<noun>.<verb>`)."""

from wagtail import hooks

from trainers.admin.viewsets import TrainersGroup
from trainers.pathway import IMPORT_LABEL, TRANSITIONS

AUDIT_ACTIONS = [
    *[(f"trainers.pathway.{t.verb}", t.label, t.label) for t in TRANSITIONS.values()],
    ("trainers.pathway.import", "Record an existing trainer", IMPORT_LABEL),
    ("trainers.application.submit", "Apply to become a trainer", "Application submitted"),
    ("trainers.application.assign", "Assign an assessor", "Application assigned to a Lead Trainer"),
    ("trainers.application.decide", "Decide an application", "Application decided"),
    ("trainers.assessment.record", "Assess against the person specification", "Assessment recorded"),
    ("trainers.mentor.assign", "Assign a mentor", "Mentor assigned"),
    ("trainers.prereading.record", "Record T4T pre-reading", "T4T pre-reading recorded as done"),
    ("trainers.t4t.book", "Book a place at T4T", "Place at T4T booked"),
    ("trainers.t4t.plan", "Plan T4T groups", "T4T groups and parts saved"),
    ("trainers.team.set", "Set a cohort's team", "Team of trainers set"),
    ("trainers.checklist.update", "Update a delivery checklist", "Checklist before delivery updated"),
    ("trainers.reflection.submit", "Submit a reflection", "Reflection submitted"),
    ("trainers.assignment.sign_off", "Sign off shadowing or co-training", "Signed off by a Lead Trainer"),
]


@hooks.register("register_log_actions")
def register_trainers_actions(actions):
    for action, label, message in AUDIT_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_trainers():
    return TrainersGroup()
