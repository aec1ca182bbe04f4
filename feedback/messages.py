"""The messages the participant's course sends, registered with core.notifications as `feedback.<what>`.

Each renders templates/email/feedback_<what>/{subject,body}.txt; `notify` records one
`core.Notification` per person and key, so nothing is ever sent twice. Reminders are optional:
people who stopped optional reminders are skipped (core.User.wants_optional_reminders).
"""

from core.notifications import register_message, register_safe_fields

READING_REMINDER = "feedback.reading_reminder"
EVALUATION_OPEN = "feedback.evaluation_open"
QUESTIONNAIRE_OPEN = "feedback.questionnaire_open"
QUESTION_ESCALATED = "feedback.question_escalated"
QUESTION_ANSWERED = "feedback.question_answered"
MATERIALS_SHARED = "feedback.materials_shared"
CRITICAL_INCIDENT = "feedback.critical_incident"
TRAINER_FEEDBACK = "feedback.trainer_feedback"
REFLECTION_SHARED = "feedback.reflection_shared"
REFLECTION_COMMENT = "feedback.reflection_comment"
CERTIFICATE_ISSUED = "feedback.certificate_issued"
CERTIFICATE_WITHDRAWN = "feedback.certificate_withdrawn"


def register() -> None:
    # What these messages' templates may show of each object (issue #19 point 5).
    register_safe_fields("feedback.certificate", "code")
    register_safe_fields("feedback.openquestion", "text", "answer", "escalation_note")
    register_safe_fields("feedback.questionnaire", "title", "is_reflection")
    register_safe_fields("feedback.questionnaireentry", "questionnaire", "registration")
    register_safe_fields("feedback.trainerreflection", "trainer", "feedback_to_facilitator")
    register_message(
        READING_REMINDER,
        "Reading reminder",
        optional=True,
        # 000:L898–904
        description="Before each course day, to people who have not finished its reading.",
    )
    register_message(
        # 000:L2723
        EVALUATION_OPEN,
        "Evaluation of a course day",
        description="At the end of each day attended.",
    )
    register_message(
        QUESTIONNAIRE_OPEN,
        "Reflective practice or follow-up questionnaire ready",
        optional=True,
        # 000:L4942–4946, L5236–5239
        description="When each reflective practice and the follow-up open.",
    )
    # 000:L2715–2721
    register_message(QUESTION_ESCALATED, "A participant's question escalated for an answer")
    # 000:L2719–2721
    register_message(QUESTION_ANSWERED, "The answer to a question the group asked")
    # 000:L2703–2711
    register_message(MATERIALS_SHARED, "Flipchart photos and notes from a day")
    # 000:L3075–3107
    register_message(CRITICAL_INCIDENT, "A critical incident recorded on a course day")
    # 000:L3961
    register_message(TRAINER_FEEDBACK, "A trainer's feedback to the Regional Facilitator")
    register_message(REFLECTION_SHARED, "A participant shared a reflection with you")
    register_message(REFLECTION_COMMENT, "A new comment on a shared reflection")
    register_message(CERTIFICATE_ISSUED, "Certificate of attendance")
    register_message(
        CERTIFICATE_WITHDRAWN,
        "Certificate of attendance taken back",
        description="When the register is corrected so that someone no longer attended every day.",
    )


def session_key(session) -> str:
    return f"session-{session.pk}"
