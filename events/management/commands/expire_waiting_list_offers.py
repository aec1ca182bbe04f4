from django.core.management.base import BaseCommand

from events.services.waiting_list import offers_expire


class Command(BaseCommand):
    help = "Close waiting-list offers past their time and offer each place to the next person (run hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"{offers_expire()} offer(s) expired.")
