"""Reflective practice RP1–RP5 (000 Appendix 5, L7419–7677) and the follow-up questionnaire (000
Appendix 4b, L7288–7353), from the seed. The questions are in British spelling ("favourite", "our
organisation") with the seed's one slip mended ("in working with other practitioners"); the quotations
at the top of each reflection stay word for word, as their authors wrote them (issue #23 point 5).

Each prompt: (key, label, text, kind, extra). `extra` may hold shows, links_to, required,
about_a_family, help_text and seed_reference. The ten principles (RP2 question 4) and the functions
A–J (RP4, footnote 33) are shown from the courses snippets, whose text is the same seed's.
"""

FAMILY_HELP = (
    "Describe the family without anything that could identify them: no names, ages or dates of birth, "
    "addresses, schools, services or places. Write, for example, “the mother”, “a child of primary school age”, "
    "“a rural area”."
)

REFLECTIONS = [
    {
        "number": 1,
        "title": "Reflective Practice 1",
        "seed_reference": "000:L7423–7445",
        "epigraph": (
            "Reflective Practice across disciplines can be seen as a process by which providers actively engage in "
            "thinking critically about their own reactions, judgments, behavior, and intentions, integrating that "
            "thinking with their actions. In Reflective Practice, this integration can be applied to past "
            "interactions, to understand the choices that we made and reactions that we had as practitioners, and "
            "so, to plan for future interactions and choices. The integration of thought with emotion and intention "
            "can also be applied to reflection occurring during the current relational interaction as it happens, "
            "so as to bring about an ever-increasing awareness of our choices; an awareness that is akin to "
            "observing one’s self from the perspective of another person."
        ),
        "epigraph_source": "Brazelton Touchpoints Project, 2006",
        "introduction": "",
        "prompts": [
            ("love", "1.", "What I love most about my job is…. Why?", "text", {}),
            (
                "more_of",
                "2.",
                "If I could spend more of my time at work doing what I find most rewarding, it would be….",
                "text",
                {},
            ),
            ("least", "3.", "My least favourite part of my job is…. Why?", "text", {}),
            (
                "idea",
                "4.",
                "One idea I have to make it better taking into account the content of the Early Support Key "
                "Working in Practice training….",
                "text",
                {"shows": "course_topics", "seed_reference": "000:L7442–7443, footnote 32 L7476–7489"},
            ),
            (
                "goals",
                "5.",
                "Thinking about the Early Support principles and Key Working functions, are there any goals for "
                "yourself that you would like to identify and implement?",
                "text",
                {},
            ),
        ],
    },
    {
        "number": 2,
        "title": "Reflective Practice 2",
        "seed_reference": "000:L7448–7552",
        "epigraph": (
            "When a practitioner reflects in and on his practice, the possible objects of his reflection are as "
            "varied as the kinds of phenomena before him and the systems of knowing-in-practice that he brings to "
            "them. He may reflect on the tacit norms and appreciations that underlie a judgment, or on the "
            "strategies and theories implicit in a pattern of behaviour. He may reflect on the feeling for a "
            "situation that has led him to adopt a particular course of action, on the way in which he has framed "
            "the problem he is trying to solve, or on the role he has constructed for himself within a larger "
            "institutional context."
        ),
        "epigraph_source": "Schön, 1983",
        "introduction": "",
        "prompts": [
            ("goals", "1.", "What do you see as the two most important goals for your work with families?", "pair", {}),
            ("strengths", "2.", "Identify two of your greatest strengths in working with families:", "pair", {}),
            ("challenges", "3.", "Identify two of your greatest challenges in working with families:", "pair", {}),
            (
                "principles",
                "4.",
                "Please revisit the Early Support principles that underpin the Key Working functions:",
                "note",
                {"shows": "principles", "seed_reference": "000:L7495–7533"},
            ),
            (
                "linked_intro",
                "",
                "What Early Support Principle(s) do you consider more closely linked to:",
                "note",
                {"seed_reference": "000:L7537"},
            ),
            (
                "goals_principles",
                "4.1.",
                "The two most important goals for your work with families",
                "pair_principles",
                {"links_to": "goals", "seed_reference": "000:L7539–7541"},
            ),
            (
                "strengths_principles",
                "4.2",
                "Two of your greatest strengths in working with families",
                "pair_principles",
                {"links_to": "strengths", "seed_reference": "000:L7543–7547"},
            ),
            (
                "challenges_principles",
                "4.3",
                "Two of your greatest challenges in working with families",
                "pair_principles",
                {"links_to": "challenges", "seed_reference": "000:L7549–7551"},
            ),
        ],
    },
    {
        "number": 3,
        "title": "Reflective Practice 3",
        "seed_reference": "000:L7554–7604",
        "epigraph": (
            "Creating a culture of respectful and responsive relationships with children and families can be "
            "demanding and requires a system in place that challenges both management and staff to look at "
            "everyday practice and reflect critically on it without creating defensiveness or a culture of blame.\n\n"
            "Reflection and critical reflection are unifying practices for diverse groups of professionals"
        ),
        "epigraph_source": "Marbina, Church & Tayler, 2010",
        "introduction": "",
        "prompts": [
            (
                "goals",
                "1.",
                "What do you see as the two most important goals for your work with other practitioners?",
                "pair",
                {},
            ),
            (
                "strengths",
                "2.",
                "Identify two of your greatest strengths in working with other practitioners:",
                "pair",
                {},
            ),
            (
                "challenges",
                "3.",
                "Identify two of your greatest challenges in working with other practitioners:",
                "pair",
                {},
            ),
            (
                "tools",
                "",
                "Looking back at the Key Working Training, what ‘tools’ would you choose to face those challenges "
                "and overcome barriers?",
                "pair_tools",
                {"links_to": "challenges", "seed_reference": "000:L7583–7604"},
            ),
        ],
    },
    {
        "number": 4,
        "title": "Reflective Practice 4",
        "seed_reference": "000:L7606–7650",
        "epigraph": (
            "[Reflective practice is] a deliberate pause to assume an open perspective, to allow for higher level "
            "thinking processes. Practitioners use these processes for examining beliefs, goals, and practices (…)."
        ),
        "epigraph_source": "York-Barr, Sommers, Ghere, & Montie, 2001",
        "introduction": "",
        "prompts": [
            (
                "functions",
                "A.",
                "Please choose one (or more) Key Working function(s) that you have put into practice with a family "
                "and reflect upon it:",
                "functions",
                {"help_text": "Key Working function(s):", "seed_reference": "000:L7615–7618, footnote 33 L7641–7651"},
            ),
            (
                "family",
                "1.",
                "Briefly describe the family (parent/family factors – priorities, needs, strengths; family dynamics; "
                "child factors – condition, needs, interests; environmental factors; …)",
                "text",
                {"about_a_family": True, "help_text": FAMILY_HELP},
            ),
            (
                "response",
                "2.",
                "How did the family respond to the Key Working function(s) that you have put in practice?",
                "text",
                {"about_a_family": True},
            ),
            ("meaning", "3.", "What meaning did you make of this?", "text", {"about_a_family": True}),
        ],
    },
    {
        "number": 5,
        "title": "Reflective Practice 5",
        "seed_reference": "000:L7652–7677",
        "epigraph": (
            "Key working support provides a navigator, an enabler, a coordinator. The overall aim of key working is "
            "to ensure the provision of holistic care and support to meet the individual requirements and "
            "aspirations of the child, young person and their family. (…)  The individual offering key working "
            "support should strive for an open and supportive relationship with the child/young person and their "
            "family, and this should be developed through regular and proactive contact."
        ),
        "epigraph_source": "Key working: improving outcomes for all, 2012",
        "introduction": "Looking back at the Early Support and Key Working training…",
        "prompts": [
            (
                "changed",
                "1.",
                "Has this training changed anything about your practice? How? Please give specific examples.",
                "text",
                {},
            ),
            (
                "in_action",
                "2.",
                "Where do you see Early Support and Key Working in action in our organisation; in your own practices; "
                "in the practices of your co-workers?",
                "text",
                {},
            ),
            (
                "changes",
                "3.",
                "What changes do you think need to be made to the Key Working training (i.e. considering its "
                "structure, contents, training methodologies/process, resources/materials and delivering)?",
                "text",
                {},
            ),
        ],
    },
]

POLICY_NOTE = (
    "The Department for Education Green Paper on SEND identified and recognised ES&KW as key approaches to "
    "meeting the needs of children, young people and families.\n\n"
    "The Government's Support and Aspiration Green Paper subsequently gave a commitment to legislate through the "
    "Children and Families Bill 2014. Focusing on the elements of the Bill specific to special educational needs "
    "(SEN) and disability, the Bill sets out the following changes to the SEN system and approach:\n"
    "- It extends the SEN system from birth to 25\n"
    "- It replaces old statements with a new birth- to-25 education, health and care plan (EHCP)\n"
    "- It offers families personal budgets\n"
    "- It sets out mechanisms to improve cooperation between all the services that support children and their "
    "families, particularly requiring local authorities and health authorities to work together\n"
    "- It includes the duty on local authorities to set out a 'local offer' of services available to parents and "
    "young people.\n\n"
    "Thinking about the changes proposed by the Children and Families Bill, consider and reflect on the following:"
)

FOLLOW_UP_PROMPTS = [
    (
        "a",
        "A",
        "Looking back at the Early Support and Key Working training…",
        "heading",
        {"seed_reference": "000:L7292"},
    ),
    ("a1", "1.", "… what do you choose as most important things you gained knowledge of? Why?", "text", {}),
    (
        "a2",
        "2.",
        "In what ways, if any, has this training changed your practice? Please give specific examples.",
        "text",
        {},
    ),
    (
        "a3",
        "3.",
        "Looking back at the ES&KW training, what changes do you think need to be made (i.e. considering its "
        "structure, contents, training methodologies/process, resources/materials and delivering)?",
        "text",
        {},
    ),
    ("b", "B", "The Key Working functions", "heading", {"seed_reference": "000:L7302"}),
    (
        "b_intro",
        "",
        "ES&KW training presents a definition of Key Working, based on the things that someone providing Key Working "
        "support would do - the Key Working functions\n\nPlease take a moment to read them…",
        "note",
        {"shows": "functions", "seed_reference": "000:L7304–7307"},
    ),
    (
        "b1",
        "1.",
        "Where do you see ES&KW in action in our organisation; in your own practices; in the practices of your "
        "co-workers?",
        "text",
        {},
    ),
    (
        "b2",
        "2.",
        "Can you provide examples of how you offer (or might offer) these functions as part of your work?",
        "text",
        {},
    ),
    ("b3", "3.", "What are the challenges you might face in fulfilling these Key Working functions?", "text", {}),
    (
        "b4",
        "4.",
        "What impact do you think having a Key Working approach will have for children and their families?",
        "text",
        {},
    ),
    ("c", "C", "Recent policy relevant to Key Working", "heading", {"seed_reference": "000:L7320"}),
    ("c_intro", "", POLICY_NOTE, "note", {"seed_reference": "000:L7322–7342"}),
    ("c1", "1.", "What opportunities and challenges do you identify in these proposals?", "text", {}),
    (
        "c2",
        "2.",
        "How can you contribute to ensuring assessment and planning process for children, young people and families "
        "are easier to access and work with?",
        "text",
        {},
    ),
    ("d", "D", "Ending questions", "heading", {"seed_reference": "000:L7349"}),
    ("d1", "", "Is there anything we missed in our conversation?", "text", {"required": False}),
    ("d2", "", "Is there anything that you want to say and didn't get a chance to say?", "text", {"required": False}),
]

FOLLOW_UPS = [
    {
        "kind": "follow_up",
        "title": "Follow-up questionnaire",
        "seed_reference": "000:L7288–7353 (Appendix 4b); no earlier than three months after, 000:L5236–5239",
        "introduction": "Three months or more after the course: what has stayed with you, and what has changed.",
        "prompts": FOLLOW_UP_PROMPTS,
    },
    {
        "kind": "long_term",
        "title": "Long-term questionnaire (optional)",
        "seed_reference": "000:L7288–7353 (Appendix 4b, open questionnaire); ten months after, 000:L4328–4330",
        "introduction": "About ten months after the course. This one is optional: answer it if you can.",
        "prompts": FOLLOW_UP_PROMPTS,
    },
]
