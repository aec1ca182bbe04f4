"""Spreadsheets for the central team and the university partner, formula-safe (events.spreadsheets).

Evaluation results per day, region, cohort or trainer (issue #6 point 4) carry figures only, never an
answer's author. The accredited route list (issue #6 point 7) is for the university partner that
recognises the learning in a postgraduate certificate (000:L2171–2178).
"""

import tablib
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse

from events.models import Registration, Session
from events.spreadsheets import FORMATS, export_bytes
from feedback.models import Attendance, Questionnaire, QuestionnaireEntry, Topic
from feedback.selectors.evaluation import LEVELS, SCORED_TOPICS, evaluation_table


def evaluation_dataset(level: str, answers) -> tablib.Dataset:
    if level not in LEVELS:
        raise Http404
    headers = [level.capitalize(), "Responses"]
    for topic in SCORED_TOPICS:
        positive = "% answering yes" if topic == Topic.WORTHWHILE else "% agree or strongly agree"
        headers += [f"{topic.label}: average (0–100)", f"{topic.label}: {positive}"]
    dataset = tablib.Dataset(headers=headers)
    for row in evaluation_table(level, answers):
        cells = [row.name, row.responses]
        for topic in SCORED_TOPICS:
            result = row.results.get(topic)
            cells += [result.average if result else None, result.positive_share if result else None]
        dataset.append(cells)
    return dataset


def accredited_registrations(registrations):
    """Registrations on the accredited route with what the partner needs, in a fixed number of queries."""
    sent = QuestionnaireEntry.objects.filter(
        registration=OuterRef("pk"),
        status=QuestionnaireEntry.Status.SUBMITTED,
        questionnaire__kind=Questionnaire.Kind.REFLECTION,
    )
    return (
        registrations.filter(accredited_route=True, status=Registration.Status.CONFIRMED)
        .select_related("person", "cohort__region", "certificate")
        .prefetch_related(
            Prefetch("cohort__sessions", queryset=Session.objects.select_related("course")),
            Prefetch("attendance", queryset=Attendance.objects.select_related("session__course")),
        )
        .annotate(reflections_sent=Exists(sent))
        .order_by("cohort__region__name", "cohort__title", "person__last_name")
    )


def accredited_dataset(registrations) -> tablib.Dataset:
    dataset = tablib.Dataset(
        headers=["Name", "Email", "Cohort", "Region", "Days attended", "Certificate", "Sent a reflection"]
    )
    for registration in accredited_registrations(registrations):
        certificate = getattr(registration, "certificate", None)
        attended = [
            f"{a.session.course.title} ({a.session.date:%d/%m/%Y}): {a.get_status_display()}"
            for a in registration.attendance.all()
        ]
        dataset.append(
            [
                str(registration.person),
                registration.person.email,
                registration.cohort.title,
                registration.cohort.region.name,
                "; ".join(attended),
                certificate.code if certificate else "",
                "Yes" if registration.reflections_sent else "No",
            ]
        )
    return dataset


def spreadsheet_response(dataset: tablib.Dataset, extension: str, filename: str) -> HttpResponse:
    if extension not in FORMATS:
        raise Http404
    response = HttpResponse(export_bytes(dataset, extension), content_type=FORMATS[extension].CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
