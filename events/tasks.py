"""Background work for cohorts, run by the django-tasks database worker (`manage.py db_worker`).

Each offer enqueues `expire_waiting_list_offers` (defined with its service in
`events.services.waiting_list`) to run when it falls due; the two management
commands run the same services from a daily scheduler, as a safety net (docs/cohorts.md).
"""

from django_tasks import task

from events.services.messaging import cohort_messages_send_due

# Offers enqueued before the task moved to its service are stored under this module's path.
from events.services.waiting_list import expire_waiting_list_offers  # noqa: F401


@task()
def send_due_cohort_messages() -> int:
    return cohort_messages_send_due()
