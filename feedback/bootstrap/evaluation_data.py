"""The first end-of-day evaluation form, from the seeds' evaluation evidence.

Value, relevance and utility (000:L2723); statements on content, delivery and the facilitators,
overall satisfaction and "was it worthwhile?" as on the KIP course form, whose results were read as
"Agreed" or "Strongly Agreed" (004:L572–577); free text from the end-of-course questions
(000:L7206–7254). The seeds report the KIP statements only by subject, so their wording here is
ours (marked as a product decision); programme admins change it in the admin and publish a new
version.
"""

AGREEMENT = (
    "Agreement",
    "Strongly disagree\nDisagree\nNeither agree nor disagree\nAgree\nStrongly agree",
)

FORM = {
    "title": "End of day evaluation",
    "intro": (
        "Please tell us what you thought of today. Your answers are anonymous: the trainers see only totals and "
        "comments, never who wrote them."
    ),
    "seed_reference": "000:L2723; 004:L572–577; 000:L7206–7254",
}

# topic, kind, text, required, seed reference
QUESTIONS = [
    ("value", "scale", "Today was of value to me.", True, "000:L2723"),
    ("relevance", "scale", "What I learned today is relevant to my work or to my family’s life.", True, "000:L2723"),
    ("utility", "scale", "I will be able to use what I learned today.", True, "000:L2723"),
    ("content", "scale", "The content of the day was clear and well organised.", True, "004:L572–577"),
    ("content", "scale", "The activities helped me to learn.", True, "004:L572–577"),
    (
        "delivery",
        "scale",
        "The day was well run: its pace, materials and venue helped me take part.",
        True,
        "004:L572–577",
    ),
    ("trainer", "scale", "The trainer explained things clearly and listened to everyone.", True, "004:L572–577"),
    ("satisfaction", "scale", "Overall, I am satisfied with the training.", True, "004:L572–577"),
    ("worthwhile", "yes_no", "Was the training event worthwhile?", True, "004:L576–577"),
    (
        "comments",
        "text",
        "What was particularly helpful: the contents, the way of working, the delivery, the group?",
        False,
        "000:L7236–7244",
    ),
    (
        "comments",
        "text",
        "Is there anything we missed? Anything that you want to say and didn’t get a chance to say?",
        False,
        "000:L7246–7254",
    ),
]
