"""Bootstrap loads RP1–RP5 and the follow-ups word for word from the seed, and the evaluation form (issue #6)."""

import pytest

from feedback.bootstrap import ensure_evaluation_form, ensure_questionnaires
from feedback.models import EvaluationForm, Questionnaire
from feedback.tests.factories import Silent

EPIGRAPHS = {
    1: ("Reflective Practice across disciplines", "Brazelton Touchpoints Project, 2006"),
    2: ("When a practitioner reflects in and on his practice", "Schön, 1983"),
    3: ("Creating a culture of respectful and responsive relationships", "Marbina, Church & Tayler, 2010"),
    4: ("[Reflective practice is] a deliberate pause", "York-Barr, Sommers, Ghere, & Montie, 2001"),
    5: (
        "Key working support provides a navigator, an enabler, a coordinator.",
        "Key working: improving outcomes for all, 2012",
    ),
}


@pytest.fixture
def seeded(db):
    ensure_questionnaires(Silent())
    ensure_evaluation_form(Silent())


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_each_reflective_practice_opens_with_its_epigraph(seeded, number):
    practice = Questionnaire.objects.get(kind="reflection", number=number)
    start, source = EPIGRAPHS[number]

    assert practice.title == f"Reflective Practice {number}"
    assert practice.epigraph.startswith(start) and practice.epigraph_source == source


def test_the_structured_answers_follow_the_seed(seeded):
    kinds = {
        number: [
            (p.label, p.kind, p.links_to)
            for p in Questionnaire.objects.get(kind="reflection", number=number).prompts.all()
        ]
        for number in range(1, 6)
    }

    assert [kind for _, kind, _ in kinds[1]] == ["text"] * 5
    assert kinds[2][5:] == [
        ("4.1.", "pair_principles", "goals"),
        ("4.2", "pair_principles", "strengths"),
        ("4.3", "pair_principles", "challenges"),
    ]
    assert kinds[3][-1] == ("", "pair_tools", "challenges")
    assert kinds[4][0][1] == "functions"
    rp4 = Questionnaire.objects.get(kind="reflection", number=4).prompts.get(key="family")
    assert rp4.about_a_family and "no names" in rp4.help_text
    assert Questionnaire.objects.get(kind="reflection", number=3).prompts.get(key="challenges").text == (
        "Identify two of your greatest challenges in working with other practitioners:"
    )


def test_the_follow_up_has_sections_a_to_d(seeded):
    follow_up = Questionnaire.objects.get(kind="follow_up")

    headings = [p.label for p in follow_up.prompts.filter(kind="heading")]

    assert headings == ["A", "B", "C", "D"]
    assert Questionnaire.objects.filter(kind="long_term").exists()


def test_the_evaluation_form_is_published_and_bootstrap_is_idempotent(seeded):
    form = EvaluationForm.objects.get()
    topics = {question["topic"] for question in form.current_version.questions}

    ensure_questionnaires(Silent())
    ensure_evaluation_form(Silent())

    assert {"value", "relevance", "utility", "content", "delivery", "trainer", "worthwhile"} <= topics
    assert form.current_version.number == 1 and EvaluationForm.objects.count() == 1
    assert Questionnaire.objects.count() == 7
