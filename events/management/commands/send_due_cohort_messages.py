from django.core.management.base import BaseCommand

from events.services.messaging import cohort_messages_send_due


class Command(BaseCommand):
    help = "Send the pre-course packs and agendas that have fallen due (000:L2670–2676; run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{cohort_messages_send_due()} message(s) queued.")
