"""Background work for the participant's course, run by the django-tasks database worker.

A daily scheduler enqueues these (or runs the management commands of the same names): the
services are idempotent, since `notify` never sends the same message twice (docs/participant-course.md).
"""

from django_tasks import task

from feedback.services.invitations import after_course_invitations_send_due
from feedback.services.readings import reading_reminders_send_due


@task()
def send_reading_reminders() -> int:
    return reading_reminders_send_due()


@task()
def send_after_course_invitations() -> int:
    return after_course_invitations_send_due()
