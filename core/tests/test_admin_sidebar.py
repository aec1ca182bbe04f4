"""The admin sidebar is built once per person and reused (core.admin_sidebar, issue #8)."""

import json
import re
import time

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from core.models import User
from core.roles import Role
from core.services.roles import role_grant

ERASURE = "Erase a person's data"
PAGES = '"name": "explorer"'


def _sidebar(client) -> tuple[dict, int]:
    """The sidebar of the admin home, and how many queries the page took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    found = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', response.text, re.S)
    return json.loads(found.group(1)), len(queries)


def _labels(sidebar: dict) -> str:
    return json.dumps(sidebar)


def test_a_persons_sidebar_is_built_once_and_is_the_same_on_the_next_page(client, make_user, region):
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))

    first, first_queries = _sidebar(client)
    again, queries = _sidebar(client)

    assert again == first
    assert queries < first_queries


def test_people_never_get_each_others_sidebar(client, make_user, region):
    for name in ("Amina", "Bryony"):
        person = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
        User.objects.filter(pk=person.pk).update(first_name=name)
        client.force_login(User.objects.get(pk=person.pk))
        assert f'"name": "{name}"' in _labels(_sidebar(client)[0])


def test_a_changed_name_shows_on_the_next_page(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.force_login(facilitator)
    _sidebar(client)

    User.objects.filter(pk=facilitator.pk).update(first_name="Chidi")  # no signal, as in another process

    assert '"name": "Chidi"' in _labels(_sidebar(client)[0])


def test_a_new_role_shows_on_the_next_page(client, make_user, region):
    facilitator = make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region])
    client.force_login(facilitator)
    assert ERASURE not in _labels(_sidebar(client)[0])

    role_grant(user=facilitator, role=Role.PROGRAMME_ADMIN, actor=None)

    assert ERASURE in _labels(_sidebar(client)[0])


def test_a_permission_granted_by_another_process_shows_once_the_role_is_read_again(client, make_user, region, settings):
    """No signal reaches this process; the permissions are part of what the sidebar is kept under, and
    a role's permissions are read again after ROLE_PERMISSIONS_CACHE_SECONDS (core.auth_backends)."""
    settings.ROLE_PERMISSIONS_CACHE_SECONDS = 0.2
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    assert ERASURE not in _labels(_sidebar(client)[0])

    group = Group.objects.get(name=Role.REGIONAL_FACILITATOR.value)
    permission = Permission.objects.get(content_type__app_label="core", codename="delete_user")
    Group.permissions.through.objects.create(group=group, permission=permission)
    time.sleep(0.25)

    assert ERASURE in _labels(_sidebar(client)[0])


def _grant_page_editing(group: Group, *, bulk: bool) -> None:
    """Let `group` edit pages: `bulk` as another process would (no signal reaches this one)."""
    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    grant = GroupPagePermission(group=group, page=Page.get_first_root_node(), permission=permission)
    GroupPagePermission.objects.bulk_create([grant]) if bulk else grant.save()


def test_page_editing_granted_here_shows_on_the_next_page(client, make_user, region):
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    assert PAGES not in _labels(_sidebar(client)[0])

    _grant_page_editing(Group.objects.get(name=Role.REGIONAL_FACILITATOR.value), bulk=False)

    assert PAGES in _labels(_sidebar(client)[0])


def test_page_editing_granted_by_another_process_shows_after_the_timeout(client, make_user, region, settings):
    settings.ADMIN_SIDEBAR_CACHE_SECONDS = 0.2
    client.force_login(make_user(Role.REGIONAL_FACILITATOR, mfa=True, regions=[region]))
    _sidebar(client)

    _grant_page_editing(Group.objects.get(name=Role.REGIONAL_FACILITATOR.value), bulk=True)
    assert PAGES not in _labels(_sidebar(client)[0])
    time.sleep(0.25)

    assert PAGES in _labels(_sidebar(client)[0])
