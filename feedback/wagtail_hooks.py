"""The participant's course in the Wagtail admin, and the names of its audit entries (`feedback.<noun>.<verb>`)."""

from wagtail import hooks

from feedback.admin.viewsets import CourseFollowThroughGroup

AUDIT_ACTIONS = [
    ("feedback.reading.save", "Save reading progress", "Reading progress saved"),
    ("feedback.attendance.record", "Take the register", "Register taken"),
    ("feedback.certificate.issue", "Issue certificate", "Certificate of attendance issued"),
    (
        "feedback.certificate.withdraw",
        "Take back certificate",
        "Certificate of attendance taken back: the register was corrected",
    ),
    ("feedback.delivery.sections", "Record sections", "Sections delivered recorded"),
    ("feedback.issue.record", "Record issue", "Issue, concern or query recorded"),
    ("feedback.issue.resolve", "Resolve issue", "Issue, concern or query dealt with"),
    ("feedback.incident.record", "Record critical incident", "Critical incident recorded"),
    ("feedback.trainer_reflection.save", "Save trainer reflection", "Trainer reflection saved"),
    ("feedback.trainer_reflection.submit", "Send trainer feedback", "Trainer feedback sent to the facilitator"),
    ("feedback.question.record", "Record question", "Unanswered question recorded"),
    ("feedback.question.escalate", "Escalate question", "Question escalated"),
    ("feedback.question.answer", "Answer question", "Question answered and fed back"),
    ("feedback.material.add", "Share material", "Flipchart photo or notes added"),
    ("feedback.material.remove", "Remove material", "Flipchart photo or notes removed"),
    ("feedback.evaluation_form.publish", "Publish evaluation form", "Evaluation form version published"),
    ("feedback.evaluation.submit", "Evaluate a day", "Evaluation received"),
    ("feedback.questionnaire.save", "Save draft", "Reflection draft saved"),
    ("feedback.questionnaire.submit", "Send reflection", "Reflection or follow-up sent"),
    ("feedback.questionnaire.share", "Share reflection", "Reflection shared with a trainer"),
    ("feedback.questionnaire.unshare", "Stop sharing reflection", "Reflection no longer shared"),
    ("feedback.questionnaire.comment", "Comment on reflection", "Comment added to a reflection"),
]


@hooks.register("register_log_actions")
def register_feedback_actions(actions):
    for action, label, message in AUDIT_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_course_follow_through():
    return CourseFollowThroughGroup()
