"""The reference snippets in the Wagtail admin: programme admins edit them, with revisions."""

import pytest
from django.urls import reverse

from core.roles import Role
from courses.tests import factories


def test_programme_admins_list_and_search_principles(admin_client):
    factories.PrincipleFactory(text="Service delivery is holistic, coordinated and seamless.")
    factories.PrincipleFactory(text="Multi-agency working practices and systems are integrated.")

    response = admin_client.get(reverse("wagtailsnippets_courses_principle:list"), {"q": "holistic"})

    assert response.status_code == 200
    assert "holistic" in response.content.decode()
    assert "Multi-agency working" not in response.content.decode()


def test_editing_a_principle_keeps_a_revision(admin_client):
    principle = factories.PrincipleFactory(number=7, text="Ordinary lives")

    response = admin_client.post(
        reverse("wagtailsnippets_courses_principle:edit", args=[principle.pk]),
        {"number": "7", "text": "Wherever possible, families are able to live ‘ordinary lives’.", "seed_reference": ""},
    )

    assert response.status_code == 302
    principle.refresh_from_db()
    assert principle.text.startswith("Wherever possible")
    assert principle.revisions.count() == 1
    assert principle.latest_revision.content["text"] == principle.text


def test_programme_admins_add_a_glossary_term(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_courses_glossaryterm:add"), {"term": "Cohort", "definition": "One group."}
    )

    assert response.status_code == 302


def test_regional_facilitators_cannot_edit_reference_content(client, make_user, region):
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    principle = factories.PrincipleFactory()

    response = client.get(reverse("wagtailsnippets_courses_principle:edit", args=[principle.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    "model_name",
    [
        "principle",
        "learningoutcome",
        "keyworkingfunctionarea",
        "keyworkingfunction",
        "resource",
        "glossaryterm",
        "personspecificationcriterion",
    ],
)
def test_every_reference_list_opens_for_programme_admins(admin_client, model_name):
    for suffix in ("list", "add"):
        response = admin_client.get(reverse(f"wagtailsnippets_courses_{model_name}:{suffix}"))
        assert response.status_code == 200, suffix
