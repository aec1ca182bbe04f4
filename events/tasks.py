"""Background work for cohorts, run by the django-tasks database worker (`manage.py db_worker`).

Each offer enqueues `expire_waiting_list_offers` to run when it falls due; the two management
commands run the same services from a daily scheduler, as a safety net (docs/cohorts.md).
"""

from django_tasks import task

from events.services.messaging import cohort_messages_send_due
from events.services.waiting_list import offers_expire


@task()
def expire_waiting_list_offers() -> int:
    return offers_expire()


@task()
def send_due_cohort_messages() -> int:
    return cohort_messages_send_due()
