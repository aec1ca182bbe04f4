"""`manage.py anonymise_expired_participants [--dry-run]`: the retention period, run daily by cron.

Anonymises participants whose every cohort ended more than `PARTICIPANT_RETENTION_YEARS` ago
(`core.privacy.retention`; schedule in docs/privacy.md). Safe to run again: anonymised people are skipped.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from core.privacy.retention import (
    participant_anonymise_expired,
    retention_candidates,
    retention_counts,
    retention_cutoff,
)


class Command(BaseCommand):
    help = "Anonymise participants whose every cohort ended more than PARTICIPANT_RETENTION_YEARS ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the counts and change nothing.")

    def handle(self, *args, dry_run: bool, **options):
        years = settings.PARTICIPANT_RETENTION_YEARS
        try:
            cutoff = retention_cutoff(today=timezone.localdate(), years=years)
        except ValueError as error:
            raise CommandError(f"PARTICIPANT_RETENTION_YEARS is {years}: {error}") from None
        counts = retention_counts(cutoff=cutoff)
        self.stdout.write(
            f"Participants whose every cohort ended before {date_format(cutoff, 'j F Y')} "
            f"(more than {years} years ago): {counts.expired}\n"
            f"  already anonymised: {counts.already_anonymised}\n"
            f"  kept as programme staff or trainers: {counts.staff_or_trainers}\n"
            f"  to anonymise: {counts.to_anonymise}"
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        person_ids = list(retention_candidates(cutoff=cutoff).order_by("pk").values_list("pk", flat=True))
        done = 0
        for person_id in person_ids:
            if participant_anonymise_expired(person_id=person_id, cutoff=cutoff):
                done += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"  anonymised person {person_id}")
        self.stdout.write(self.style.SUCCESS(f"Anonymised {done} participants."))
