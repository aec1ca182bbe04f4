"""Who reaches which page: each role's dashboard and the Wagtail admin (issue #2)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from core.models import Notification
from core.roles import Role

ALL_ROLES = list(Role)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_lands_on_its_own_dashboard(client, make_user, region, role):
    user = make_user(
        role,
        mfa=role in (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR),
        regions=[region] if role is Role.REGIONAL_FACILITATOR else (),
    )
    client.force_login(user)

    landing = client.get(reverse("dashboard"))
    page = client.get(landing["Location"])

    assert landing["Location"] == reverse("dashboard_role", kwargs={"role_slug": role.slug})
    assert page.status_code == 200
    assert page.templates[0].name == f"core/dashboards/{role.slug}.html"


@pytest.mark.parametrize(("role", "other"), [(r, o) for r in ALL_ROLES for o in ALL_ROLES if r is not o])
def test_a_dashboard_is_refused_to_people_without_its_role(client, make_user, role, other):
    client.force_login(make_user(role, mfa=True))

    response = client.get(reverse("dashboard_role", kwargs={"role_slug": other.slug}))

    assert response.status_code == 403


def test_an_unknown_dashboard_is_not_found(client, make_user):
    client.force_login(make_user(Role.PARTICIPANT))

    assert client.get("/dashboard/nobody/").status_code == 404


def test_a_person_without_a_role_is_told_so(client, make_user):
    client.force_login(make_user())

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert b"has no role" in response.content


@pytest.mark.parametrize("role", [Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR])
def test_staff_roles_reach_the_wagtail_admin(client, make_user, role):
    client.force_login(make_user(role, mfa=True))

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", [Role.TRAINER, Role.PARTICIPANT, None])
def test_other_people_are_refused_the_admin(client, make_user, role):
    client.force_login(make_user(role))

    response = client.get("/admin/pages/")

    assert response.status_code == 403
    assert b"This area is for programme staff" in response.content


@pytest.mark.parametrize("role", [Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR])
def test_staff_without_two_step_verification_must_set_it_up_first(client, make_user, role):
    user = make_user(role, mfa=False)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    for path in ("/admin/", reverse("dashboard_role", kwargs={"role_slug": role.slug}), "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before adding an authenticator; then the page opens.
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_superusers_must_set_up_two_step_verification_too(client):
    from core.models import User

    client.force_login(User.objects.create_superuser("root@example.org", PASSWORD))

    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("role", [Role.TRAINER, Role.PARTICIPANT])
def test_other_roles_do_not_need_two_step_verification(client, make_user, role):
    client.force_login(make_user(role))

    assert client.get(reverse("dashboard_role", kwargs={"role_slug": role.slug})).status_code == 200


def test_programme_dashboard_counts_people_by_role(client, make_user, region):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    for _ in range(3):
        make_user(Role.PARTICIPANT)
    make_user(Role.REGIONAL_FACILITATOR, regions=[region])
    client.force_login(admin)

    response = client.get(reverse("dashboard_role", kwargs={"role_slug": "programme"}))

    counts = response.context["people_per_role"]
    assert counts[Role.PARTICIPANT] == 3
    assert counts[Role.PROGRAMME_ADMIN] == 1
    assert counts[Role.REGIONAL_FACILITATOR] == 1
    assert counts[Role.TRAINER] == 0
    london = next(r for r in response.context["regions"] if r.pk == region.pk)
    assert london.facilitator_count == 1


def test_facilitator_dashboard_shows_only_their_regions(client, make_user, region, other_region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.force_login(facilitator)

    response = client.get(reverse("dashboard_role", kwargs={"role_slug": "facilitator"}))

    assert list(response.context["regions"]) == [region]
    assert other_region.name not in response.content.decode()


def test_programme_dashboard_queries_do_not_grow_with_regions(client, make_user, django_assert_max_num_queries):
    from core.models import LocalAuthority, Region

    def add_region_with_facilitator(n):
        region = Region.objects.create(code=f"X{n:08}", name=f"Region {n}")
        LocalAuthority.objects.create(code=f"L{n:08}", name=f"Authority {n}", region=region)
        make_user(Role.REGIONAL_FACILITATOR, regions=[region])

    add_region_with_facilitator(0)
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    url = reverse("dashboard_role", kwargs={"role_slug": "programme"})
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    budget = len(small.captured_queries)  # read now: the connection keeps only the last 9,000 queries
    for n in range(1, 21):
        add_region_with_facilitator(n)
    client.get(url)  # new regions change what the kept panels show: they are built again once
    with django_assert_max_num_queries(budget):
        client.get(url)


def test_footer_pages_and_home_page_render(client):
    for path in ("/", "/accessibility/", "/privacy/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b'href="#main"' in response.content
        assert b"<main" in response.content


def test_the_home_page_title_names_the_site_once(client):
    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode(), re.S).group(1)

    assert title.count("Early Support Key Working training") == 1 and title.startswith("Home")


def test_people_see_only_their_own_messages(client, make_user):
    from core.models import Notification

    me, someone_else = make_user(Role.PARTICIPANT), make_user(Role.PARTICIPANT)
    Notification.objects.create(recipient=me, message="m", key="1", subject="Your place is confirmed", body_text="a")
    Notification.objects.create(recipient=someone_else, message="m", key="1", subject="Their secret", body_text="b")
    client.force_login(me)

    response = client.get(reverse("notifications"))

    assert b"Your place is confirmed" in response.content
    assert b"Their secret" not in response.content


def test_the_message_list_does_not_grow_its_queries(client, make_user, django_assert_max_num_queries):
    from core.models import Notification

    me = make_user(Role.PARTICIPANT)
    client.force_login(me)
    Notification.objects.create(recipient=me, message="m", key="0", subject="s", body_text="b")
    client.get(reverse("notifications"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("notifications"))
    Notification.objects.bulk_create(
        Notification(recipient=me, message="m", key=str(n), subject="s", body_text="b") for n in range(1, 40)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("notifications"))


def test_a_person_can_stop_optional_reminders(client, make_user):
    me = make_user(Role.PARTICIPANT)
    client.force_login(me)

    response = client.post(reverse("preferences"), {})

    me.refresh_from_db()
    assert response.status_code == 302
    assert me.wants_optional_reminders is False


def test_a_facilitator_gives_the_phone_number_their_messages_sign_off_with(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.force_login(facilitator)

    client.post(reverse("preferences"), {"wants_optional_reminders": "on", "phone": "0113 496 0000"})

    facilitator.refresh_from_db()
    assert facilitator.phone == "0113 496 0000"


def test_a_participant_may_give_a_phone_number_for_their_facilitator_to_call(client, make_user):
    participant = make_user(Role.PARTICIPANT)
    client.force_login(participant)

    page = client.get(reverse("preferences")).content.decode()
    client.post(reverse("preferences"), {"phone": "07700 900123"})

    participant.refresh_from_db()
    assert "may call you to help you get ready" in page
    assert participant.phone == "07700 900123"


def test_a_person_reads_and_downloads_what_is_held_about_them(client, make_user):
    me = make_user(Role.PARTICIPANT, email="sam@example.org")
    client.force_login(me)

    page = client.get(reverse("my_data"))
    download = client.get(reverse("my_data"), {"format": "json"})

    assert b"sam@example.org" in page.content
    assert download["Content-Type"] == "application/json"
    assert "attachment" in download["Content-Disposition"]
    assert download.json()["Your account"][0]["email"] == "sam@example.org"


def test_what_is_held_is_shown_in_words_with_the_address_to_write_to(client, make_user, settings):
    settings.PROGRAMME_CONTACT_EMAIL = "team@example.org"
    me = make_user(Role.PARTICIPANT, email="sam@example.org")
    Notification.objects.create(
        recipient=me, message="events.test", key="1", subject="Your place", body_text="See you soon", body_html="<p>See"
    )
    client.force_login(me)

    page = client.get(reverse("my_data")).content.decode()

    assert "<dt>Send me optional reminders</dt><dd>Yes</dd>" in page
    assert "wants_optional_reminders" not in page and "True" not in page
    assert "See you soon" in page and "&lt;p&gt;" not in page
    assert '<a href="mailto:team@example.org">team@example.org</a>' in page


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_header_links_the_admin_for_staff_roles_without_reading_permissions(client, make_user, region, role):
    staff = role in (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)
    client.force_login(make_user(role, mfa=staff, regions=[region] if role is Role.REGIONAL_FACILITATOR else ()))

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard_role", kwargs={"role_slug": role.slug}))

    assert (f'href="{reverse("wagtailadmin_home")}"' in page.content.decode()) is staff
    assert not [query for query in queries if "auth_permission" in query["sql"]]


def test_the_wagtail_user_bar_is_on_pages_for_staff_only(client, make_user):
    client.force_login(make_user(Role.PROGRAMME_ADMIN, mfa=True))
    assert b"w-userbar" in client.get("/").content
    assert b"w-userbar" not in client.get(reverse("dashboard_role", kwargs={"role_slug": "programme"})).content

    client.force_login(make_user(Role.PARTICIPANT))
    assert b"w-userbar" not in client.get("/").content
