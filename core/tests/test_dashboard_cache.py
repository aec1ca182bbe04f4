"""The programme dashboard's count of people by role is reused for a few minutes (core.views)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role

pytestmark = pytest.mark.django_db


def test_the_count_of_people_by_role_is_reused(client, make_user):
    admin = make_user(Role.PROGRAMME_ADMIN, mfa=True)
    client.force_login(admin)
    url = reverse("dashboard_role", kwargs={"role_slug": Role.PROGRAMME_ADMIN.slug})
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url).content.decode()
    assert len(warm) < len(cold)
    row = f'<th scope="row">{Role.PROGRAMME_ADMIN.label}</th><td class="numeric">1</td>'
    assert row in second
