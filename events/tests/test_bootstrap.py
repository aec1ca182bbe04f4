"""`manage.py bootstrap` adds demo cohorts once, however often it runs."""

from io import StringIO

from django.core.management import call_command

from events.models import Cohort, Registration


def test_demo_cohorts_are_created_once(db):
    call_command("bootstrap", stdout=StringIO())
    counts = (Cohort.objects.count(), Registration.objects.count())

    call_command("bootstrap", stdout=StringIO())

    assert counts[0] == 3 and counts[1] > 0
    assert (Cohort.objects.count(), Registration.objects.count()) == counts
    assert set(Cohort.objects.values_list("status", flat=True)) == {"draft", "recruiting", "confirmed"}
