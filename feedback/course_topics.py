"""The course's topics as the reflective practice lists them (000 footnote 32, L7476–7489).

RP1 question 4 shows them as "the content of the training"; RP3 offers them as the "tools" a
participant would choose to face each challenge (000:L7573–7589). They are the seed's own list
(Day 1 sections 2–6, Day 2 Key Working in Practice sections 2, 3, 5, 6, 7), kept as text so that an
answer keeps meaning what it meant even if a section is later renamed.
"""

COURSE_TOPICS = (
    (
        "Day one",
        (
            "The Early Support principles that underpin the training",
            "The aims and process of helping",
            "Different views of the world",
            "Working in partnership",
            "Working together to improve outcomes for children and young people with SEND and their families",
        ),
    ),
    (
        "Day two",
        (
            "Early Support and key working",
            "Key working functions",
            "Key working in times of transition and change",
            "Multi-agency meetings and what will ‘getting it right’ look like?",
            "Management and supervision considerations",
        ),
    ),
)


def topic_labels() -> list[str]:
    return [topic for _, topics in COURSE_TOPICS for topic in topics]
