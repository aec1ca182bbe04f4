"""What participants did after registering (issue #6): the register of each delivered day, reading
progress and answers, end-of-day evaluations, and reflective practice RP1–RP5 (some shared with a
trainer, with a comment). Written in bulk, as feedback's services would have left them.

Everyone confirmed on a cohort whose days have passed has a register entry for each day; most read
their readings and answer some questions (people on cohorts starting soon have started too); most who
came evaluate each day; fewer write each later reflection, as in the pilots (000:L898–904).
"""

import datetime

from django.utils import timezone

from bench.generator.base import Context, bulk
from courses.models import CourseReading, KeyWorkingFunction, Principle, ReadingItem, ReadingQuestion
from events.models import Cohort, Registration

ATTENDANCE = (("present", 88), ("late", 4), ("left_early", 3), ("absent", 5))
REFLECTION_SHARE = {1: 0.6, 2: 0.45, 3: 0.35, 4: 0.25, 5: 0.2}


def _past_registrations(ctx: Context, today: datetime.date):
    plans = {plan.cohort.pk: plan for plan in ctx.made["cohorts"]}
    for registration in ctx.made["registrations"]:
        plan = plans[registration.cohort_id]
        if registration.status == Registration.Status.CONFIRMED and plan.cohort.status != Cohort.Status.CANCELLED:
            yield registration, plan


def make_feedback(ctx: Context) -> None:
    today = timezone.localdate()
    _attendance(ctx, today)
    _readings(ctx, today)
    _evaluations(ctx, today)
    _reflections(ctx, today)


def _attendance(ctx: Context, today: datetime.date) -> None:
    from feedback.models import Attendance

    statuses, weights = [s for s, _ in ATTENDANCE], [w for _, w in ATTENDANCE]
    with ctx.step("attendance (the register of each day)"):
        rows, came = [], []
        for registration, plan in _past_registrations(ctx, today):
            for session in plan.sessions:
                if session.date < today:
                    status = ctx.rng.choices(statuses, weights)[0]
                    rows.append(Attendance(session=session, registration=registration, status=status))
                    if status != "absent":
                        came.append((registration, plan, session))
        bulk(ctx, Attendance, rows)
        ctx.made["came"] = came


def _readings(ctx: Context, today: datetime.date) -> None:
    from feedback.models import ReadingAnswer, ReadingItemProgress

    readings_of = {}
    for link in CourseReading.objects.filter(reading__live=True):
        readings_of.setdefault(link.course_id, []).append(link.reading_id)
    items, questions = {}, {}
    for item in ReadingItem.objects.all():
        items.setdefault(item.reading_id, []).append(item)
    for question in ReadingQuestion.objects.all():
        questions.setdefault(question.reading_id, []).append(question)
    with ctx.step("reading progress and answers"):
        read, answered = {}, {}
        for registration, plan in _past_registrations(ctx, today):
            days_ahead = (plan.start - today).days
            if days_ahead > 60:
                continue
            keen = 0.75 if days_ahead < 0 else 0.4
            for reading_id in {r for session in plan.sessions for r in readings_of.get(session.course_id, [])}:
                for item in items.get(reading_id, []):
                    if ctx.rng.random() < keen:
                        read[(registration.person_id, item.pk)] = item
                for question in questions.get(reading_id, []):
                    if ctx.rng.random() < keen * 0.85:
                        answered[(registration.person_id, question.pk)] = question
        bulk(ctx, ReadingItemProgress, (ReadingItemProgress(person_id=p, item=item) for (p, _), item in read.items()))
        bulk(ctx, ReadingAnswer, (_answer(ctx, person_id, q) for (person_id, _), q in answered.items()))


def _answer(ctx: Context, person_id: int, question: ReadingQuestion):
    from feedback.models import ReadingAnswer

    choices = list(question.choices)
    if not choices:
        return ReadingAnswer(person_id=person_id, question=question, text="It made me think about how we plan.")
    choice = ctx.rng.choice(choices)
    return ReadingAnswer(
        person_id=person_id, question=question, choice_id=choice.id, is_correct=bool(choice.value["is_correct"])
    )


def _evaluations(ctx: Context, today: datetime.date) -> None:
    from feedback.models import EvaluationAnswer, EvaluationForm, EvaluationReceipt, EvaluationResponse

    form = EvaluationForm.objects.filter(is_active=True, current_version__isnull=False).first()
    if form is None:
        return
    version = form.current_version
    teams = ctx.made.get("teams", {})
    with ctx.step("evaluations (receipts, responses, answers)"):
        receipts, responses, answers = [], [], []
        for registration, plan, session in ctx.made["came"]:
            if ctx.rng.random() > 0.7:
                continue
            submitted = session.date
            receipts.append(EvaluationReceipt(session=session, registration=registration, submitted_on=submitted))
            response = EvaluationResponse(
                session=session,
                version=version,
                registration=None if version.is_anonymous else registration,
                submitted_on=submitted,
            )
            responses.append(response)
            for question in version.questions:
                trainers = teams.get(plan.cohort.pk, []) if question["topic"] == "trainer" else [None]
                for trainer_id in trainers:
                    answers.append(_evaluation_answer(ctx, response, question, trainer_id))
        bulk(ctx, EvaluationReceipt, receipts)
        bulk(ctx, EvaluationResponse, responses)
        bulk(ctx, EvaluationAnswer, (answer for answer in answers if answer is not None))


def _evaluation_answer(ctx: Context, response, question: dict, trainer_id):
    from feedback.models import EvaluationAnswer

    answer = EvaluationAnswer(
        response=response, question_key=question["key"], topic=question["topic"], trainer_id=trainer_id
    )
    if question["kind"] == "scale":
        points = len(question["labels"])
        answer.number = ctx.rng.choices(range(1, points + 1), [1, 2, 6, 30, 40][-points:])[0]
        answer.score = 100 * (answer.number - 1) / (points - 1)
        answer.positive = answer.number >= points - 1 if points >= 4 else answer.number == points
    elif question["kind"] == "yes_no":
        answer.positive = ctx.rng.random() < 0.93
        answer.score = 100.0 if answer.positive else 0.0
    elif ctx.rng.random() < 0.3 or question["required"]:
        answer.text = "The parent carers' stories made the principles real."
    else:
        return None
    return answer


def _reflections(ctx: Context, today: datetime.date) -> None:
    from feedback.course_topics import topic_labels
    from feedback.models import EntryComment, Questionnaire, QuestionnaireEntry, QuestionnairePrompt

    Kind = QuestionnairePrompt.Kind
    principles = list(Principle.objects.values_list("number", flat=True)) or [1]
    functions = list(KeyWorkingFunction.objects.values_list("letter", flat=True)) or ["A"]
    tools = topic_labels() or ["Day 1"]

    def value(prompt):
        pick = ctx.rng.sample
        return {
            Kind.TEXT: "We now meet the family together before the review.",
            Kind.PAIR: {"a": "Joint visits", "b": "One plan for the family"},
            Kind.PAIR_PRINCIPLES: {"a": pick(principles, min(2, len(principles))), "b": pick(principles, 1)},
            Kind.PAIR_TOOLS: {"a": pick(tools, 1), "b": pick(tools, 1)},
            Kind.FUNCTIONS: pick(functions, min(3, len(functions))),
        }.get(prompt.kind)

    questionnaires = list(
        Questionnaire.objects.filter(kind=Questionnaire.Kind.REFLECTION).prefetch_related("prompts").order_by("number")
    )
    teams = ctx.made.get("teams", {})
    with ctx.step("reflective practice entries and comments"):
        entries, comments = [], []
        for registration, plan in _past_registrations(ctx, today):
            if plan.end >= today:
                continue
            for questionnaire in questionnaires:
                if ctx.rng.random() > REFLECTION_SHARE.get(questionnaire.number, 0.2):
                    break  # people who stop writing reflections do not pick them up again
                answers = {p.key: value(p) for p in questionnaire.prompts.all() if p.is_answered}
                sent = plan.end + datetime.timedelta(days=14 * questionnaire.number)
                entry = QuestionnaireEntry(
                    registration=registration,
                    questionnaire=questionnaire,
                    answers=answers,
                    status="submitted" if sent < today else "draft",
                    submitted_at=timezone.make_aware(datetime.datetime.combine(sent, datetime.time(20)))
                    if sent < today
                    else None,
                )
                team = teams.get(plan.cohort.pk, [])
                if entry.status == "submitted" and team and ctx.rng.random() < 0.3:
                    entry.shared_with_id, entry.shared_at = team[0], entry.submitted_at
                    comments.append(EntryComment(entry=entry, author_id=team[0], text="Thank you for sharing this."))
                entries.append(entry)
        bulk(ctx, QuestionnaireEntry, entries)
        bulk(ctx, EntryComment, comments)
