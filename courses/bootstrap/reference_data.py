"""The programme's reference content as the seeds give it, each with its seed reference.

Texts are quoted from the seeds (spelling normalised, wording kept). Where the seeds name something
without saying what it means, the entry is a marked draft for the central team to write.
"""

PRINCIPLES_REF = "000:L1780–1810"
PRINCIPLES = [
    "The uniqueness of children, young people and families is valued and provided for.",
    "A single multi-agency assessment, planning and review process is provided and delivered in partnership "
    "with children, young people and families, facilitated by key working support where appropriate.",
    "Service delivery is holistic, coordinated and seamless.",
    "Continuity of care is maintained through different stages of a child’s life and through their "
    "preparation for adulthood.",
    "Children and young people’s learning and development is monitored and promoted.",
    "Children, young people and families are able to make informed choices.",
    "Wherever possible, families, children and young people are able to live ‘ordinary lives’.",
    "Children, young people and families are involved in shaping, developing and evaluating the services they use.",
    "Multi-agency working practices and systems are integrated.",
    "Children, young people and families can be confident that the people working with them have appropriate "
    "training, skills, knowledge and experience.",
]

COURSE_OUTCOMES_REF = "000:L1847–1863"
COURSE_OUTCOMES = [
    "Understand key working functions",
    "Understand how the principles of Early Support influence key working",
    "Be able to use relevant skills and knowledge to implement key working",
    "Identify why it is important for practitioners to understand the experiences of disabled children and young "
    "people and those with other additional needs and their families",
    "Explain partnership working with disabled children, young people and those with other additional needs and "
    "their families and with other agencies",
    "Explain how to use reflection to improve their own key working practice",
]

T4T_OUTCOMES_REF = "000:L3571–3577"
T4T_OUTCOMES = [
    "Familiarise participants with the materials and approach",
    "Provide the opportunity to practise delivery and ask questions",
    "Support participants to feel better placed to deliver the training",
]

FUNCTION_AREAS_REF = "001:L55–56; 002:L13–15"
FUNCTION_AREAS = [
    "Emotional and practical support",
    "Coordination",
    "Planning and assessment",
    "Information and specialist support (signposting)",
]

FUNCTIONS_REF = "000:L7641–7651"
FUNCTIONS = [
    ("A", "Being a single point of regular and consistent contact for the child, young person and family"),
    ("B", "Providing information and signposting where necessary"),
    ("C", "Identifying the strengths and needs of all family members"),
    ("D", "Advocating on the child’s, young person’s and/or family’s behalf where appropriate"),
    ("E", "Providing emotional and practical support as required, as part of a trusting relationship"),
    ("F", "Coordinating services and practitioners around the child, young person and family"),
    ("G", "Facilitating multi-agency meetings"),
    ("H", "Supporting a single planning and joint assessment process"),
    (
        "I",
        "Enabling and empowering the child, young person and their family to make decisions and use their "
        "personalised budgets in a way that is most effective for them",
    ),
    ("J", "Facilitating clinical care seamlessly integrated with specialist and universal services, where appropriate"),
]

RESOURCES_REF = "000:L2266–2276"
# (name, description from the seeds or "", seed reference)
RESOURCES = [
    ("Our family", "Includes a single Education, Health and Care Plan format.", RESOURCES_REF),
    ("My life", "Includes a single Education, Health and Care Plan format.", RESOURCES_REF),
    ("Multi-agency Planning and Improvement Tool (MAPIT)", "", RESOURCES_REF),
    ("Informed choice", "", RESOURCES_REF),
    ("Developmental Journals", "", RESOURCES_REF),
    ("Early Support App", "", RESOURCES_REF),
    (
        "Film materials",
        "Videos of parents, children and young people sharing their story: a way of bringing their voices into "
        "the training, with or without parents in the room.",
        "000:L2276, L550–554",
    ),
    (
        "Information resources on specific conditions and disabilities",
        "For parent carers and young people.",
        RESOURCES_REF,
    ),
    ("Background information resources", "For parent carers, children and young people.", RESOURCES_REF),
]

GLOSSARY_REF = "000:L2745–2751"
DRAFT_DEFINITION = "The central team will write a plain-English definition."
# (term, definition, seed reference, is_placeholder)
GLOSSARY = [
    (
        "Key working",
        "A set of functions rather than a role: a navigator, an enabler, a coordinator, giving holistic, "
        "family-centred support through regular and proactive contact. Anyone can carry it out, including parent "
        "carers and young people.",
        "000:L1818–1845",
        False,
    ),
    (
        "Key worker",
        "A role: someone whose job is only key working. Key working itself is everyone’s responsibility, "
        "whoever carries it out.",
        "000:L1909–1917",
        False,
    ),
    (
        "Practitioner",
        "Someone who works with children, young people and families, for example in health, social care, "
        "education or the voluntary sector.",
        "000:L2223–2229",
        False,
    ),
    ("Parent carer", DRAFT_DEFINITION, GLOSSARY_REF, True),
    ("Young person", DRAFT_DEFINITION, GLOSSARY_REF, True),
    ("Child", DRAFT_DEFINITION, GLOSSARY_REF, True),
    ("Additional needs", DRAFT_DEFINITION, GLOSSARY_REF, True),
    ("Requirements", DRAFT_DEFINITION, GLOSSARY_REF, True),
    ("Cohort", "One group of people taking the course together: their Day 1 and their Day 2.", "DOMAIN.md §10", False),
    ("Session", "One day of a cohort’s course.", "DOMAIN.md §10", False),
]

CRITERIA_REF = "000:L1948–1992"
TRAINER_CRITERIA = [
    "Substantial experience in delivering training using a variety of methods including participatory exercises",
    "Appropriately qualified to deliver training to adults",
    "The ability to work in partnership with young people and parent carers",
    "Knowledge of the issues facing children with additional needs and their families and experience of working "
    "effectively with families",
    "Ability to deliver training to multi-agency groups",
    "An ability to represent Early Support and resources and follow a designated training programme",
    "Ability to engage with and work in partnership with young people and parent carers",
    "Ability to reflect on own and others’ contributions to participants’ learning",
    "An understanding of and commitment to equality both in a training context and beyond",
    "Ability and willingness to travel across England",
]
LEAD_TRAINER_CRITERIA = [
    "Experience of enabling peers to learn and develop by modelling high quality delivery and providing "
    "appropriate and constructive feedback",
    "Ability to provide written reports and experience of contributing feedback within a strategic context to "
    "support project development and implementation",
]
