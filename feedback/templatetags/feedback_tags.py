"""Dashboard panels and small pieces the participant's course pages share.

core's dashboards include the panels, so core never imports feedback (CONVENTIONS.md).
"""

from django import template
from django.utils import timezone

from core.roles import Role
from courses.models import KeyWorkingFunction, Principle
from courses.reading_catalogue import reading_catalogue
from feedback.course_topics import COURSE_TOPICS
from feedback.models import QuestionnaireEntry
from feedback.rules import current_feedback_rules
from feedback.selectors.course import course_summaries
from feedback.selectors.dashboards import own_cohorts_by_creation, own_course_work_registrations
from feedback.selectors.readings import reading_progress
from trainers.models import Stage
from trainers.selectors.profiles import own_trainer_profile

register = template.Library()


@register.inclusion_tag("feedback/includes/prompt_list.html")
def prompt_list(shows: str):
    """The list a prompt shows: the ten principles (RP2), the course topics (RP1, footnote 32) or the
    functions A–J (RP4 footnote 33, follow-up section B)."""
    return {
        "shows": shows,
        "principles": list(Principle.objects.all()) if shows == "principles" else [],
        "functions": list(KeyWorkingFunction.objects.all()) if shows == "functions" else [],
        "course_topics": COURSE_TOPICS if shows == "course_topics" else [],
    }


@register.inclusion_tag("feedback/dashboards/participant.html", takes_context=True)
def participant_course_work(context):
    """Each confirmed course with what to do next: readings, evaluations, reflections, certificate, in a
    fixed number of queries however many courses the person has."""
    rules, today = current_feedback_rules(), timezone.localdate()
    registrations = own_course_work_registrations(context["request"])
    return {"summaries": course_summaries(registrations, rules, today), "today": today}


@register.inclusion_tag("feedback/dashboards/trainer.html", takes_context=True)
def trainer_course_work(context):
    person = context["request"].user
    cohorts = own_cohorts_by_creation(context["request"])
    shared = QuestionnaireEntry.objects.filter(shared_with=person, status=QuestionnaireEntry.Status.SUBMITTED).count()
    is_trainer = person.has_role(Role.TRAINER)
    profile = own_trainer_profile(context["request"]) if is_trainer else None
    before_t4t = is_trainer and (profile is None or not profile.has_reached(Stage.T4T_COMPLETED))
    return {
        "cohorts": cohorts,
        "shared": shared,
        "is_trainer": is_trainer,
        # The pre-reading is a condition of booking Training for Trainers (000:L404–406): after it,
        # there is nothing left to finish it for.
        "t4t_readings": t4t_reading_progress(person) if before_t4t else [],
    }


def t4t_reading_progress(person) -> list:
    """The T4T pre-readings with the trainer's progress, shown to people with the Trainer role who have
    not completed Training for Trainers."""
    t4t = reading_catalogue().t4t_pre_readings
    progress = reading_progress([person.pk], [reading.pk for reading in t4t])
    return [(reading, progress[(person.pk, reading.pk)]) for reading in t4t]
