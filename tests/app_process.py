"""An app process for tests/test_shared_cache.py: Django set up from the environment it is given (the
test's database, a shared Redis), answering one command a line on stdin with one JSON line on stdout.

Each command does what a request or an admin's save does in a real app process; the process stays up
between commands, so anything it kept in its own memory would show.
"""

import datetime
import json
import sys

import django


def has_perm(person_id: int, permission: str) -> bool:
    """As a request checks a permission: the person loaded afresh, as the session middleware does."""
    from core.models import User

    return User.objects.get(pk=person_id).has_perm(permission)


def page(path: str) -> str:
    from django.test import Client

    response = Client().get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def take_permission(role: str, permission: str) -> None:
    """As a programme admin saving a role's permissions in the admin (Group.permissions)."""
    from django.contrib.auth.models import Group, Permission

    app_label, codename = permission.split(".")
    found = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    Group.objects.get(name=role).permissions.remove(found)


def add_cohort(title: str, like_cohort_id: int) -> None:
    """As a facilitator adding a cohort and its day in the admin: at the venue and on the course of
    `like_cohort_id`, a day later."""
    from events.models import Cohort, Session

    like = Cohort.objects.get(pk=like_cohort_id)
    day = like.sessions.get()
    copied = ("path", "region", "local_authority", "venue", "capacity", "status")
    cohort = Cohort.objects.create(title=title, **{field: getattr(like, field) for field in copied})
    Session.objects.create(
        cohort=cohort, course=day.course, date=day.date + datetime.timedelta(days=1), starts_at=day.starts_at,
        ends_at=day.ends_at,
    )  # fmt: skip


def rename_without_signals(cohort_id: int, title: str) -> None:
    """A write no signal hears (QuerySet.update): nothing is bumped, so kept values stay."""
    from events.models import Cohort

    Cohort.objects.filter(pk=cohort_id).update(title=title)


COMMANDS = {
    command.__name__: command for command in (has_perm, page, take_permission, add_cohort, rename_without_signals)
}


def main() -> None:
    django.setup()
    print(json.dumps("ready"), flush=True)
    for line in sys.stdin:
        name, arguments = json.loads(line)
        print(json.dumps(COMMANDS[name](*arguments)), flush=True)


if __name__ == "__main__":
    main()
