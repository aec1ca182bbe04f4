from django.core.management.base import BaseCommand

from feedback.services.readings import reading_reminders_send_due


class Command(BaseCommand):
    help = "Remind people who have not finished the reading for a coming day (000:L898–904; run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{reading_reminders_send_due()} reminder(s) queued.")
