"""`manage.py bootstrap` adds demo cohorts once, however often it runs."""

from io import StringIO

from django.core.management import call_command

from events.bootstrap import DEMO_COHORTS
from events.models import Cohort, Registration


def test_demo_cohorts_are_created_once(db):
    demo = Cohort.objects.filter(title__in=[title for title, *_ in DEMO_COHORTS])
    call_command("bootstrap", stdout=StringIO())
    counts = (demo.count(), Registration.objects.filter(cohort__in=demo).count())

    call_command("bootstrap", stdout=StringIO())

    assert counts[0] == 3 and counts[1] == 13
    assert (demo.count(), Registration.objects.filter(cohort__in=demo).count()) == counts
    assert set(demo.values_list("status", flat=True)) == {"draft", "recruiting", "confirmed"}
