"""The programme's pages as the seeds describe them (000:L2296–2340 and the chapters it cites).

Section and activity titles, aims, timings and groupings are the seeds' own. Summaries for newcomers
restate seed facts in plain English: each section's summary is written from the seeds' own account
of what the section does (its title, aims and activities, cited beside it) and is left unticked as
"checked by the central team" for them to review (issue #23 point 5). Whatever the seeds do not give
(the Day 2 Working in Partnership sections, reading texts and questions, trainers' notes, the guides
themselves) is a marked draft.
"""

DRAFT_TRAINER_NOTES = (
    "<p>Draft: the trainers’ notes for this activity are in the trainers’ guide for this day and have not "
    "been loaded yet. The central team will add them here.</p>"
)
DRAFT_SECTION_SUMMARY = "Draft: the central team has not written this section yet."

# Free two-day course (000:L37–39) for a mix of practitioners and parent carers (000:L2219–2229), told
# plainly to parents (000:L4023–4030); the sequence is 000:L2308–2340.
PROGRAMME = {
    "slug": "course",
    "title": "The Early Support and key working course",
    "intro": (
        "<p>A free two-day course about Early Support and key working, for everyone who supports disabled "
        "children and young people and those with special educational needs, from birth to 25, and their "
        "families. Parent carers and young people are welcome alongside practitioners from health, social care, "
        "education and the voluntary sector.</p>"
    ),
    "body": [
        {
            "type": "callout",
            "value": {
                "title": "Parent carers are welcome",
                "text": (
                    "<p>The course works best when parent carers, young people and practitioners from different "
                    "services learn together. If you are a parent carer, you are very welcome, and we will talk "
                    "with you beforehand about anything that would help you take part.</p>"
                ),
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Each day has five and a half hours of learning. Before Day 1 there is some reading, and between "
                "the two days there is a little more. After the course you are invited to reflect on your practice "
                "and to tell us how it went.</p>"
            ),
        },
    ],
}

WHO_IS_IT_FOR = (
    "<p>Practitioners from health, social care, education and the voluntary sector, and <strong>parent carers</strong> "
    "and young people. Groups are of around sixteen people, mixed so that everyone learns from each other. The "
    "course is free.</p>"
)

READINGS = {
    "pre": {
        "slug": "pre-reading",
        "title": "Pre-reading: before Day 1",
        "summary": (
            "Some reading to do before Day 1: the main laws and policies, what Early Support and key working are, "
            "and the Early Support resources. Questions help you check what you have learned."
        ),
        "seed_reference": "000:L2310–2314",
        "items": [
            "Key areas of policy and legislation",
            "An overview of Early Support and key working",
            "An introduction to Early Support resources",
        ],
    },
    "interim": {
        "slug": "interim-reading",
        "title": "Interim reading: between Day 1 and Day 2",
        "summary": (
            "Reading between the two days: communication skills, and a chance to look back at Day 1 and plan for Day 2."
        ),
        "seed_reference": "000:L2326–2330",
        "items": ["Communication skills", "Looking back at Day 1 and planning for Day 2"],
    },
    "t4t": {
        "slug": "t4t-pre-reading",
        "title": "Training for Trainers pre-reading",
        "summary": "What to read and prepare before Training for Trainers. You must finish it to take part.",
        "seed_reference": "000:L404–406, L2059–2093",
        "items": [],
    },
}

DAY1 = {
    "slug": "day-1",
    "title": "Day 1 – The Early Support Principles in Practice",
    "kind": "day1",
    "variant": "",
    "summary": (
        "The first day: the ten Early Support principles, what helps families, seeing things from other people’s "
        "point of view, and working in partnership. Both versions of Day 2 follow it, and you only need to do it once."
    ),
    "seed_reference": "000:L2316–2324, L2371–2399",
    "readings": [("pre", False)],
    "sections": [
        {
            "title": "Introductions, expectations, overview and parent carers’ and young people’s experiences",
            "planned_minutes": 35,
            "summary": (
                "You meet the trainers and the rest of the group, and say what you hope to get from the day. "
                "Parent carers and young people share what it is like to get help from services."
            ),
            "seed_reference": "000:L2371–2377; 35 minutes observed, 000:L3022–3024",
        },
        {
            "title": "The Early Support principles",
            "summary": (
                "You learn the ten Early Support principles. They say what good support looks like for disabled "
                "children and young people and their families."
            ),
            "seed_reference": "000:L2379–2381",
        },
        {
            "title": "The aims and process of helping",
            "summary": "You look at what helping a family means: what help is for, and how it works step by step.",
            "seed_reference": "000:L2383–2385",
            "activities": [
                {"number": "3.2", "title": "Exploring the process of helping", "seed_reference": "000:L3030"}
            ],
        },
        {
            "title": "Different views of the world",
            "summary": (
                "You look at how people can see the same thing in different ways. This helps you understand "
                "families and the people who work with them."
            ),
            "seed_reference": "000:L2387–2389",
        },
        {
            "title": "Working in partnership",
            "summary": (
                "You compare two ways of helping. In one, the worker is the expert who decides. In the other, the "
                "family and the worker are partners. You talk about how to be partners in real life."
            ),
            "seed_reference": "000:L2391",
            "aims": (
                "<ul><li>To explore the difference between the ‘expert’ and ‘partnership’ helping relationship</li>"
                "<li>To explore what we mean by partnership and how we undertake it in practice</li></ul>"
            ),
            "activities": [{"number": "5.2", "title": "Partnership in practice", "seed_reference": "000:L3291"}],
        },
        {
            "title": "Working together to improve outcomes for children and young people with SEND and their families",
            "summary": (
                "You talk about how services where you live can work better together. This helps children and "
                "young people with SEND and their families. SEND is short for special educational needs and "
                "disabilities."
            ),
            "seed_reference": "000:L2393–2399",
            "activities": [
                {
                    "number": "6.3",
                    "title": "Improving the way services work together locally",
                    "seed_reference": "000:L3316–3318",
                }
            ],
        },
    ],
    "guide": {"slug": "trainers-guide", "title": "Trainers’ guide: Day 1", "seed_reference": "000:L1999–2000"},
}

KEY_WORKING_IN_PRACTICE = {
    "slug": "day-2-key-working-in-practice",
    "title": "Day 2 – Key Working in Practice",
    "kind": "day2",
    "variant": "kwip",
    "summary": (
        "The second day is for people learning key working. You learn what key working is and the main jobs of a "
        "key worker. You look at times of change, at meetings with many services, and at how managers can help."
    ),
    "seed_reference": "000:L2332–2334, L2505–2529",
    "readings": [("interim", False)],
    "sections": [
        {
            "title": "Introductions, expectations, and overview",
            "summary": "You meet the group again, say what you hope to get from the day and hear the plan for it.",
            "seed_reference": "000:L2505–2507",
        },
        {
            "title": "Early Support and key working",
            "summary": (
                "You share what you already know about key working, and what you have seen it do for families. "
                "A key worker is one person who helps a family get the right support and makes sure services work "
                "together."
            ),
            "seed_reference": "000:L2509–2511; what key working is, 000:L5391–5431",
            "is_key_working_content": True,
            "activities": [
                {
                    "number": "2.2",
                    "title": "What is key working",
                    "aims": [
                        "To gain an understanding of participants’ knowledge and experience of key working",
                        "To give the participants the opportunity to think about and share what they have "
                        "experienced in practice",
                    ],
                    "planned_minutes": 20,
                    "grouping": "4 new groups (random numbers assigned by trainer)",
                    "group_count": 4,
                    "prompt": "<p>What is key working?</p>",
                    "seed_reference": "000:L7085–7096",
                }
            ],
        },
        {
            "title": "Key working functions",
            "summary": (
                "You learn the main jobs of a key worker. For example, they give help and advice, they are the "
                "first person a family can call, and they give the right facts at the right time."
            ),
            "seed_reference": "000:L2513; the areas of support, 000:L5391–5406",
            "is_key_working_content": True,
        },
        {
            "title": "Summing up the learning so far",
            "summary": "You stop and look back at what you have learned so far, before the rest of the day.",
            "seed_reference": "000:L2515–2517",
        },
        {
            "title": "Key working in times of transition and change",
            "summary": (
                "You look at how a key worker can help when things change for a family. For example, a child "
                "may move to a new school, or to services for adults."
            ),
            "seed_reference": "000:L2519–2521; activity 3.1, 000:L3154",
        },
        {
            "title": "Multi-agency meetings and what will ‘getting it right’ look like?",
            "summary": (
                "You look at meetings where the family and people from different services plan together. You talk "
                "about what a good meeting looks like."
            ),
            "seed_reference": "000:L2523–2525",
        },
        {
            "title": "Management and supervision considerations",
            "summary": (
                "You think about what managers can do to support key workers, such as regular time to talk "
                "through their work."
            ),
            "seed_reference": "000:L2527–2529",
        },
    ],
    "guide": {
        "slug": "trainers-guide",
        "title": "Trainers’ guide: Day 2 Key Working in Practice",
        "seed_reference": "000:L2002",
    },
}

WORKING_IN_PARTNERSHIP = {
    "slug": "day-2-working-in-partnership",
    "title": "Day 2 – Working in Partnership",
    "kind": "day2",
    "variant": "wip",
    "summary": "The other version of Day 2, about working in partnership through Early Support.",
    "seed_reference": "000:L2332–2334",
    "readings": [("interim", False)],
    "outcomes": None,
    "sections": [
        {
            "title": f"Draft section {number}: to be written by the central team",
            "summary": DRAFT_SECTION_SUMMARY,
            "seed_reference": "Not in the seeds (000:L2332–2334 names this version only)",
            "is_placeholder": True,
        }
        for number in (1, 2, 3)
    ],
}

TRAINING_FOR_TRAINERS = {
    "slug": "training-for-trainers",
    "title": "Training for Trainers",
    "kind": "t4t",
    "variant": "",
    "days": 2,
    "summary": (
        "Two days that prepare new trainers to deliver the course: getting to know the materials and the approach, "
        "and practising delivery in a safe setting."
    ),
    "who_is_it_for": (
        "<p>People recruited as Early Support trainers: experienced trainers, trainers new to Early Support, and "
        "parent carers.</p>"
    ),
    "preparation": (
        "<p>Read the trainers’ guide for Day 1 and pay particular attention to Section 5 (Working in partnership) "
        "and Section 6 (Working together to improve outcomes for children and young people with additional needs and "
        "their families). Prepare those two sections as if you were going to deliver them to a group of "
        "participants.</p><p>On the first day you will work in a small group with other trainers and deliver part "
        "of those sections. You will not know which part until the day.</p>"
    ),
    "seed_reference": "000:L404–406, L2082–2093, L3506–3577",
    "readings": [("t4t", True)],
    "outcomes": "t4t",
    "sections": [
        {
            "title": "Practising delivery: Day 1 Sections 5 and 6",
            "flexibility": "core",
            "seed_reference": "000:L2063–2065, L2089–2093, L3506–3514",
            "activities": [
                {
                    "number": "1.1",
                    "title": "Delivering part of Day 1 Sections 5 and 6",
                    "aims": ["To experience delivering the training in a safe environment"],
                    "grouping": "Small groups balanced by experience, skills and competences",
                    "prompt": (
                        "<p>Deliver the part or parts of Day 1 Sections 5 and 6 your group is given. You find out "
                        "which part on the day.</p>"
                    ),
                    "seed_reference": "000:L2089–2093, L3506–3514, L3526–3528",
                }
            ],
        },
        {
            "title": "Draft section 2: to be written by the central team",
            "summary": DRAFT_SECTION_SUMMARY,
            "seed_reference": "Not in the seeds (T4T sections are not listed)",
            "is_placeholder": True,
        },
    ],
}

INTRODUCTION_FOR_TRAINERS = {
    "slug": "introduction-for-trainers",
    "title": "Introduction for Trainers",
    "summary": (
        "Common to Key Working in Practice and Working in Partnership. Every trainer reads it before delivering "
        "any of the training, and again before every later delivery."
    ),
    "read_before_every_delivery": True,
    "seed_reference": "000:L2067–2077, L2122–2200",
    "body": [
        {"type": "heading", "value": {"text": "What it covers", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<ul><li>The course and its approach</li><li>Facilitation guidelines</li><li>Background reading</li>"
                "<li>Delivery and general issues</li><li>The format of the trainers’ notes</li>"
                "<li>An overview of the Early Support resources</li></ul>"
            ),
        },
    ],
}

GUIDE_DRAFT_BODY = [
    {
        "type": "callout",
        "value": {
            "title": "Draft",
            "text": (
                "<p>The guide itself has not been loaded. Upload it to the Trainer materials collection and choose "
                "it on this page.</p>"
            ),
        },
    }
]

T4T_READING_ITEMS = [
    {
        "title": "Introduction for Trainers",
        "summary": "Every trainer must read it before delivering any part of the training.",
        "page": "introduction-for-trainers",
        "seed_reference": "000:L2067–2077",
    },
    {
        "title": "Trainers’ guide for Day 1, Sections 5 and 6",
        "summary": "Prepare these two sections as if you were going to deliver them.",
        "page": "day-1/trainers-guide",
        "seed_reference": "000:L2082–2093",
    },
]

DRAFT_QUESTIONS = [
    {
        "kind": "choice",
        "prompt": "Draft question: the central team will write questions to check and enhance learning.",
        "choices": [
            {"text": "Draft answer A", "is_correct": True, "feedback": "Draft feedback."},
            {"text": "Draft answer B", "is_correct": False, "feedback": "Draft feedback."},
        ],
    },
    {"kind": "reflection", "prompt": "Draft reflection question: the central team will write it.", "choices": []},
]
