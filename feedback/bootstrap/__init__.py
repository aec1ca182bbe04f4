"""Feedback's part of `manage.py bootstrap`: RP1–RP5, the follow-ups and the evaluation form, from the
seeds; demo progress on a recently delivered demo cohort. Safe to run again: what exists is kept,
so the central team's edits are never overwritten."""

from django.db.models import Q

from feedback.bootstrap import evaluation_data, questionnaires_data
from feedback.models import EvaluationForm, EvaluationQuestion, Questionnaire, QuestionnairePrompt, Scale
from feedback.services.evaluation import evaluation_form_publish

PROMPT_OPTIONS = ("shows", "links_to", "required", "about_a_family", "help_text", "seed_reference")


def _prompts(specs) -> list[QuestionnairePrompt]:
    prompts = []
    for order, (key, label, text, kind, extra) in enumerate(specs):
        options = {name: extra[name] for name in PROMPT_OPTIONS if name in extra}
        prompts.append(QuestionnairePrompt(sort_order=order, key=key, label=label, text=text, kind=kind, **options))
    return prompts


def ensure_questionnaires(out) -> None:
    created = 0
    specs = [{"kind": Questionnaire.Kind.REFLECTION, **spec} for spec in questionnaires_data.REFLECTIONS]
    specs += [{"number": 1, "epigraph": "", "epigraph_source": "", **spec} for spec in questionnaires_data.FOLLOW_UPS]
    for spec in specs:
        if Questionnaire.objects.filter(kind=spec["kind"], number=spec["number"]).exists():
            continue
        fields = {name: value for name, value in spec.items() if name != "prompts"}
        questionnaire = Questionnaire(**fields, prompts=_prompts(spec["prompts"]))
        questionnaire.save()
        created += 1
    out.step(f"reflective practice RP1–RP5 and the follow-up questionnaires ({created} new)")


def ensure_evaluation_form(out) -> None:
    scale, _ = Scale.objects.get_or_create(
        name=evaluation_data.AGREEMENT[0], defaults={"labels": evaluation_data.AGREEMENT[1]}
    )
    if EvaluationForm.objects.filter(
        Q(title=evaluation_data.FORM["title"]) | Q(is_active=True, course_kind="")
    ).exists():
        out.step("the end-of-day evaluation form (kept as it is)")
        return
    form = EvaluationForm(
        **evaluation_data.FORM,
        questions=[
            EvaluationQuestion(
                sort_order=order,
                topic=topic,
                kind=kind,
                text=text,
                required=required,
                scale=scale if kind == EvaluationQuestion.Kind.SCALE else None,
                seed_reference=reference,
            )
            for order, (topic, kind, text, required, reference) in enumerate(evaluation_data.QUESTIONS)
        ],
    )
    form.save()
    evaluation_form_publish(form=form, actor=None)
    out.step("the end-of-day evaluation form, version 1")


def run(out) -> None:
    ensure_questionnaires(out)
    ensure_evaluation_form(out)
    if out.demo:
        from feedback.bootstrap.demo import ensure_demo_course

        ensure_demo_course(out)
