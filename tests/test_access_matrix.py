"""Every URL the platform serves, requested as each kind of person with other people's ids (issue #8).

The list of URLs comes from the URL configuration itself: a new URL name in one of our apps without
an entry here fails `test_every_url_has_an_entry`. Admin URLs are checked in bulk: nobody but staff
gets past the door, and for our own admin screens a facilitator of another region never gets another
region's objects. No request may end in a server error, and the owner's private details never appear
in anyone else's page.
"""

import fnmatch
import re
import uuid
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.access_world import SECRET, build_world

ROLES = ("anonymous", "participant", "trainer", "facilitator_elsewhere", "facilitator", "programme_admin")
STAFF = ("facilitator_elsewhere", "facilitator", "programme_admin")
OUR_APPS = ("core", "courses", "events", "trainers", "feedback", "oversight")

OK, LOGIN, DENIED, REDIRECT, ANY = 200, "login", "denied", "redirect", "any"


@dataclass
class Case:
    path: object  # a function of the world giving the URL path
    expect: dict
    method: str = "get"
    secret_for: tuple = ("facilitator", "programme_admin")


def each(value, **overrides) -> dict:
    return {role: overrides.get(role, value) for role in ROLES}


signed_in = each(OK, anonymous=LOGIN)
team_only = each(DENIED, anonymous=LOGIN, facilitator=OK, programme_admin=OK)

CASES: dict[str, list[Case]] = {
    # core
    "dashboard": [Case(lambda w: "/dashboard/", each(REDIRECT, anonymous=LOGIN))],
    "dashboard_role": [Case(lambda w: "/dashboard/programme/", each(DENIED, anonymous=LOGIN, programme_admin=OK))],
    "notifications": [Case(lambda w: "/notifications/", signed_in, secret_for=())],
    "preferences": [Case(lambda w: "/preferences/", signed_in, secret_for=())],
    "my_data": [Case(lambda w: "/my-data/", signed_in, secret_for=())],
    "consent": [Case(lambda w: "/consent/", signed_in, secret_for=())],
    # courses
    "search": [Case(lambda w: "/search/?q=needs", each(OK), secret_for=())],
    "wagtaildocs_serve": [
        Case(lambda w: w.trainer_document.url, each(OK, anonymous=LOGIN, participant=DENIED)),
        Case(lambda w: w.public_document.url, each(OK)),
    ],
    "wagtaildocs_authenticate_with_password": [Case(lambda w: "/documents/authenticate_with_password/999/", each(ANY))],
    "wagtailcore_authenticate_with_password": [Case(lambda w: "/_util/authenticate_with_password/9/9/", each(ANY))],
    "wagtailcore_login": [Case(lambda w: "/_util/login/", each(ANY))],
    # Page URLs resolve to courses' `serve_page`, which hands them to Wagtail's `wagtail_serve`.
    "page": [
        Case(lambda w: w.course.url, each(OK)),
        Case(lambda w: w.trainer_guide.url, each(OK, anonymous=LOGIN, participant=DENIED)),
    ],
    "wagtail_serve": [Case(lambda w: w.course.url, each(OK))],
    # allauth: public forms and the person's own account pages
    "account_*": [Case(None, each(ANY))],
    "mfa_*": [Case(None, each(ANY))],
    # events
    "events:cohort_list": [Case(lambda w: "/cohorts/", each(OK))],
    "events:cohort_detail": [Case(lambda w: f"/cohorts/{w.cohort.pk}/", each(OK), secret_for=())],
    "events:register": [Case(lambda w: f"/cohorts/{w.cohort.pk}/register/", signed_in, secret_for=())],
    "events:cohort_calendar": [Case(lambda w: f"/cohorts/{w.cohort.pk}/calendar.ics", each(OK), secret_for=())],
    "events:cohort_team": [Case(lambda w: f"/cohorts/{w.cohort.pk}/team/", team_only)],
    "events:preparation": [Case(lambda w: f"/cohorts/{w.cohort.pk}/team/preparation/{w.registration.pk}/", team_only)],
    "events:my_registrations": [Case(lambda w: "/my/courses/", signed_in, secret_for=())],
    "events:registration_cancel": [
        Case(lambda w: f"/my/courses/{w.registration.pk}/cancel/", each(DENIED, anonymous=LOGIN)),
        Case(lambda w: f"/my/courses/{w.registration.pk}/cancel/", each(DENIED, anonymous=LOGIN), method="post"),
    ],
    "events:my_calendar": [Case(lambda w: "/my/calendar.ics", signed_in, secret_for=())],
    "events:calendar_feed": [Case(lambda w: "/my/calendar-feed/", each(DENIED, anonymous=LOGIN, trainer=OK))],
    "events:calendar_feed_new": [
        Case(lambda w: "/my/calendar-feed/new/", each(DENIED, anonymous=LOGIN, trainer=REDIRECT), method="post")
    ],
    # The token in the address is the key (calendar apps and emailed links cannot sign in).
    "events:trainer_feed": [Case(lambda w: f"/calendar/{w.feed.token}.ics", each(OK), secret_for=())],
    "events:offer": [Case(lambda w: f"/offers/{w.offer.token}/", each(OK), secret_for=())],
    # trainers
    "trainers:apply": [Case(lambda w: "/trainer/apply/", signed_in, secret_for=())],
    "trainers:cv": [
        Case(
            lambda w: f"/trainer/applications/{w.application.pk}/cv/",
            each(DENIED, anonymous=LOGIN, programme_admin=OK),
            secret_for=("programme_admin",),
        )
    ],
    "trainers:pathway": [Case(lambda w: "/trainer/pathway/", signed_in, secret_for=())],
    "trainers:book_t4t": [
        Case(lambda w: f"/trainer/pathway/t4t/{w.t4t_cohort.pk}/book/", each(DENIED, anonymous=LOGIN), method="post")
    ],
    "trainers:trainee_pathway": [
        Case(lambda w: f"/trainer/trainees/{w.applicant_profile.pk}/", team_only, secret_for=())
    ],
    "trainers:deliveries": [Case(lambda w: "/trainer/deliveries/", signed_in, secret_for=())],
    "trainers:delivery": [
        Case(lambda w: f"/trainer/deliveries/{w.assignment.pk}/", each(DENIED, anonymous=LOGIN), secret_for=())
    ],
    "trainers:sign_offs": [Case(lambda w: "/trainer/sign-offs/", each(DENIED, anonymous=LOGIN))],
    "trainers:sign_off": [
        Case(lambda w: f"/trainer/sign-offs/{w.assignment.pk}/", each(DENIED, anonymous=LOGIN), secret_for=())
    ],
    "trainers:assessing": [Case(lambda w: "/trainer/assessing/", signed_in, secret_for=())],
    "trainers:assess": [
        Case(
            lambda w: f"/trainer/assessing/{w.applicant_profile.pk}/",
            each(DENIED, anonymous=LOGIN, programme_admin=OK),
            secret_for=(),
        )
    ],
    "trainers:t4t_day": [
        Case(lambda w: f"/trainer/t4t/{w.t4t_cohort.pk}/", each(DENIED, anonymous=LOGIN, programme_admin=OK))
    ],
    # feedback: a participant's own course (someone else's registration is a 404 for everyone)
    **{
        f"feedback:{name}": [Case(path, each(DENIED, anonymous=LOGIN), method=method)]
        for name, path, method in [
            ("course", lambda w: f"/my/course/{w.registration.pk}/", "get"),
            ("reading", lambda w: f"/my/course/{w.registration.pk}/readings/{w.course.pk}/", "get"),
            ("evaluation", lambda w: f"/my/course/{w.registration.pk}/days/{w.session.pk}/evaluation/", "get"),
            ("questionnaire", lambda w: f"/my/course/{w.registration.pk}/reflections/{w.questionnaire.pk}/", "get"),
            (
                "questionnaire_share",
                lambda w: f"/my/course/{w.registration.pk}/reflections/{w.questionnaire.pk}/share/",
                "post",
            ),
            (
                "questionnaire_comment",
                lambda w: f"/my/course/{w.registration.pk}/reflections/{w.questionnaire.pk}/comment/",
                "post",
            ),
            ("certificate", lambda w: f"/my/course/{w.registration.pk}/certificate/", "get"),
        ]
    },
    "feedback:t4t_reading": [Case(lambda w: f"/my/readings/{w.course.pk}/", each(DENIED, anonymous=LOGIN))],
    # feedback: the delivery team's pages (region A's cohort; the trainer here is not on its team)
    **{
        f"feedback:{name}": [Case(path, team_only)]
        for name, path in [
            ("cohort_delivery", lambda w: f"/team/cohorts/{w.cohort.pk}/"),
            ("cohort_readings", lambda w: f"/team/cohorts/{w.cohort.pk}/readings/"),
            ("cohort_results", lambda w: f"/team/cohorts/{w.cohort.pk}/results/"),
            ("register", lambda w: f"/team/days/{w.session.pk}/register/"),
            ("sign_in_sheet", lambda w: f"/team/days/{w.session.pk}/sign-in-sheet/"),
            ("record", lambda w: f"/team/days/{w.session.pk}/sections/"),
            ("issues", lambda w: f"/team/days/{w.session.pk}/issues/"),
            ("questions", lambda w: f"/team/days/{w.session.pk}/questions/"),
            ("materials", lambda w: f"/team/days/{w.session.pk}/materials/"),
            ("trainer_reflection", lambda w: f"/team/days/{w.session.pk}/reflection/"),
        ]
    },
    **{
        f"feedback:{name}": [
            Case(path, each(DENIED, anonymous=LOGIN, facilitator=ANY, programme_admin=ANY), method="post")
        ]
        for name, path in [
            ("issue_resolve", lambda w: f"/team/issues/{w.issue.pk}/resolve/"),
            ("question_escalate", lambda w: f"/team/questions/{w.question.pk}/escalate/"),
            ("question_answer", lambda w: f"/team/questions/{w.question.pk}/answer/"),
            ("material_remove", lambda w: f"/team/materials/{w.material.pk}/remove/"),
        ]
    },
    # Critical incidents: the lead and programme admins only (issue #6 point 3).
    "feedback:incidents": [
        Case(
            lambda w: f"/team/days/{w.session.pk}/incidents/",
            each(DENIED, anonymous=LOGIN, facilitator=ANY, programme_admin=OK),
            secret_for=("programme_admin",),
        )
    ],
    # A reflection shared with another trainer: nobody else reads it.
    "feedback:shared_entries": [Case(lambda w: "/team/reflections/", each(ANY, anonymous=LOGIN), secret_for=())],
    "feedback:shared_entry": [
        Case(lambda w: f"/team/reflections/{w.entry.pk}/", each(DENIED, anonymous=LOGIN), secret_for=())
    ],
    "feedback:shared_entry_comment": [
        Case(lambda w: f"/team/reflections/{w.entry.pk}/comment/", each(DENIED, anonymous=LOGIN), method="post")
    ],
    "feedback:my_results": [Case(lambda w: "/team/my-results/", each(ANY, anonymous=LOGIN), secret_for=())],
    "feedback:material_file": [
        Case(
            lambda w: f"/materials/{w.material.pk}/",
            each(DENIED, anonymous=LOGIN, facilitator=ANY, programme_admin=ANY),
        )
    ],
    "feedback:certificate_check": [Case(lambda w: "/certificates/check/?code=NOPE", each(OK), secret_for=())],
}


@dataclass(frozen=True)
class AdminObject:
    """Which object an admin screen's id points at, and whether it belongs to region A: a facilitator
    of another region must then be refused it (302 back to the admin home, 403 or 404)."""

    get: object
    region_a: bool = True


#: Our admin screens whose URLs take an object id.
ADMIN_OBJECTS = {
    "cohorts": AdminObject(lambda w: w.cohort.pk),
    "registrations": AdminObject(lambda w: w.registration.pk),
    "wagtailsnippets_events_venue": AdminObject(lambda w: w.venue.pk),
    "wagtailsnippetchoosers_events_venue": AdminObject(lambda w: w.venue.pk),
    "facilitators": AdminObject(lambda w: w.people["facilitator"].pk),
    "regions": AdminObject(lambda w: w.region.pk, region_a=False),
    "trainer_profiles": AdminObject(lambda w: w.applicant_profile.pk),
    "trainer_applications": AdminObject(lambda w: w.application.pk),
    "deliveries": AdminObject(lambda w: w.assignment.pk),
    "cohort_teams": AdminObject(lambda w: w.cohort.pk),
    "trainer_import": AdminObject(lambda w: 1, region_a=False),
    "feedback_questions": AdminObject(lambda w: w.question.pk),
    "feedback_incidents": AdminObject(lambda w: 1),
    "feedback_attendance": AdminObject(lambda w: 1),
    "feedback_follow_ups": AdminObject(lambda w: 1),
    "feedback_trainer_reflections": AdminObject(lambda w: 1),
    "feedback_forms": AdminObject(lambda w: 1, region_a=False),
    "feedback_questionnaires": AdminObject(lambda w: w.questionnaire.pk, region_a=False),
    "feedback_scales": AdminObject(lambda w: 1, region_a=False),
    "accredited_route": AdminObject(lambda w: 1, region_a=False),
    "evaluation_results": AdminObject(lambda w: 1, region_a=False),
    "consent_wording": AdminObject(lambda w: 1, region_a=False),
    "scheduled_runs": AdminObject(lambda w: 1, region_a=False),
    "core_message_template_edit": AdminObject(lambda w: 1, region_a=False),
    "wagtailsnippets_courses_*": AdminObject(lambda w: 1, region_a=False),
    "wagtailsnippetchoosers_courses_*": AdminObject(lambda w: 1, region_a=False),
}


@dataclass
class Route:
    name: str
    path: str
    admin: bool
    converters: dict = field(default_factory=dict)


def all_routes() -> list[Route]:
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), joined)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                path = prefix + str(pattern.pattern)
                yield Route(name, path, path.startswith("admin/"), getattr(pattern.pattern, "converters", {}))

    return [route for route in walk(get_resolver().url_patterns) if not route.path.startswith(("static/", "media/"))]


def cases_for(name: str) -> list[Case] | None:
    if name in CASES:
        return CASES[name]
    for pattern, cases in CASES.items():
        if "*" in pattern and fnmatch.fnmatch(name, pattern):
            return cases
    return None


def is_ours(namespace: str) -> bool:
    return not namespace.startswith("wagtail") or any(f"_{app}_" in namespace for app in OUR_APPS)


def admin_object(namespace: str) -> AdminObject | None:
    for pattern, admin_object_ in ADMIN_OBJECTS.items():
        if fnmatch.fnmatch(namespace, pattern):
            return admin_object_
    return None


def fill(route: Route, object_id=999999) -> str:
    """A concrete path for a route: ids of the given object, placeholders for anything else."""

    def value(name, converter_name):
        if converter_name == "uuid":
            return str(uuid.uuid4())
        if converter_name in ("int",) or name.endswith(("pk", "id")):
            return str(object_id)
        return "x"

    path = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: value(m.group(2), m.group(1) or "str"), route.path)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: value(m.group(1), "str"), path)
    path = re.sub(r"\([^)]*\)", "1", path).replace("^", "").replace("$", "").replace("\\", "")
    return "/" + path


@pytest.fixture
def world(make_user):
    return build_world(make_user)


@pytest.fixture
def request_as(client, world):
    def request(role: str, path: str, method: str = "get"):
        client.logout()
        if role != "anonymous":
            client.force_login(world.people[role])
        return getattr(client, method)(path)

    return request


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def check(response, expectation, role: str, path: str) -> None:
    status = response.status_code
    where = f"{role} {response.request['REQUEST_METHOD']} {path} -> {status}"
    assert status < 500, where
    if expectation == ANY:
        return
    if expectation == LOGIN:
        assert status == 302 and response["Location"].startswith(("/accounts/login/", "/admin/login/")), where
    elif expectation == DENIED:
        assert status in (403, 404), where
    elif expectation == REDIRECT:
        assert status == 302 and not response["Location"].startswith("/accounts/login/"), where
    else:
        assert status == expectation, where


def test_every_url_has_an_entry():
    missing = sorted(
        route.name
        for route in all_routes()
        if (not route.admin and cases_for(route.name) is None)
        or (
            route.admin
            and is_ours(route.name.split(":")[0])
            and route.converters
            and not admin_object(route.name.split(":")[0])
        )
    )

    assert not missing, f"Add these URL names to the access matrix (tests/test_access_matrix.py): {missing}"


@pytest.mark.parametrize("role", ROLES)
def test_each_page_answers_each_person_as_expected(role, world, request_as):
    for route in all_routes():
        if route.admin:
            continue
        for case in cases_for(route.name) or []:
            path = case.path(world) if case.path else fill(route)
            response = request_as(role, path, case.method)
            check(response, case.expect[role], role, path)
            if role not in case.secret_for and response.status_code == 200:
                assert SECRET not in body(response), f"{role} saw it at {path}"


#: Admin URLs Wagtail serves before sign-in (its icon sprite, its sign-in and password pages).
PUBLIC_ADMIN = ("wagtailadmin_sprite", "wagtailadmin_login", "wagtailadmin_password_reset*", "wagtailadmin_javascript*")


@pytest.mark.parametrize("role", ["anonymous", "participant", "trainer"])
def test_nobody_but_staff_gets_into_the_admin(role, world, request_as):
    for route in all_routes():
        if route.admin:
            path = fill(route)
            public = any(fnmatch.fnmatch(route.name, name) for name in PUBLIC_ADMIN)
            expected = (ANY if public else LOGIN) if role == "anonymous" else 403
            check(request_as(role, path), expected, role, path)


@pytest.mark.parametrize("role", STAFF)
def test_our_admin_screens_keep_other_regions_objects_away(role, world, request_as):
    for route in all_routes():
        namespace = route.name.split(":")[0]
        if not (route.admin and is_ours(namespace)):
            continue
        target = admin_object(namespace)
        path = fill(route, object_id=target.get(world) if target else 999999)
        response = request_as(role, path)
        assert response.status_code < 500, f"{role} {path} -> {response.status_code}"
        if role == "facilitator_elsewhere" and route.converters and target and target.region_a:
            assert response.status_code in (302, 403, 404), f"{role} {path} -> {response.status_code}"
        if role == "facilitator_elsewhere" and response.status_code == 200:
            assert SECRET not in body(response), path
