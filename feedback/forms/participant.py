"""Forms a participant fills in: reading progress, a day's evaluation, reflections and follow-ups.

Each turns the posted fields into what the service expects; the service decides what is allowed.
Nothing is required at the form level, so a draft can be saved half done; sending checks the rest.
"""

from django import forms

from core.forms import OPTIONAL, SiteFormMixin
from feedback.course_topics import COURSE_TOPICS
from feedback.models import EvaluationQuestion, QuestionnairePrompt
from feedback.selectors.evaluation import answer_field

Kind = QuestionnairePrompt.Kind


class ReadingProgressForm(SiteFormMixin, forms.Form):
    marks_optional = False  # ticks and self-check answers: progress, saved as it is

    def __init__(self, *args, items, questions, done, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.items, self.questions, self.given = items, questions, answers
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.BooleanField(
                label=f"I have read “{item.title}”", required=False, initial=item.pk in done
            )
        for question in questions:
            answer = answers.get(question.pk)
            if question.kind == "choice":
                field = forms.ChoiceField(
                    choices=[(block.id, block.value["text"]) for block in question.choices],
                    widget=forms.RadioSelect,
                    initial=answer.choice_id if answer else None,
                )
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), initial=answer.text if answer else "")
            field.label, field.required = question.prompt, False
            self.fields[f"question_{question.pk}"] = field
        self.apply_site_pattern()

    def item_rows(self):
        return [(item, self[f"item_{item.pk}"]) for item in self.items]

    def question_rows(self):
        """(question, field, the saved answer or None) for each question."""
        return [(q, self[f"question_{q.pk}"], self.given.get(q.pk)) for q in self.questions]

    def read_item_ids(self) -> set[int]:
        return {item.pk for item in self.items if self.cleaned_data.get(f"item_{item.pk}")}

    def answers(self) -> dict[int, str]:
        return {question.pk: self.cleaned_data.get(f"question_{question.pk}") or "" for question in self.questions}


class EvaluationResponseForm(SiteFormMixin, forms.Form):
    """The published version's questions; trainer questions once per trainer who delivered the day.
    The service decides what must be answered, and its errors come back by each question."""

    marks_optional = False  # each question says itself whether it is optional

    def __init__(self, *args, version, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for question in version.questions:
            names = []
            for trainer in trainers if question["topic"] == "trainer" else [None]:
                name = answer_field(question["key"], trainer)
                label = f"{question['text']} ({trainer})" if trainer else question["text"]
                if not question["required"]:
                    label = f"{label} {OPTIONAL}"
                self.fields[name] = self._field(question, label)
                names.append(name)
            self.groups.append((question, names))
        self.apply_site_pattern()

    @staticmethod
    def _field(question: dict, label: str) -> forms.Field:
        if question["kind"] == EvaluationQuestion.Kind.SCALE:
            choices = [(str(number), text) for number, text in enumerate(question["labels"], start=1)]
            return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, required=False)
        if question["kind"] == EvaluationQuestion.Kind.YES_NO:
            return forms.ChoiceField(
                label=label, choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect, required=False
            )
        return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def bound_groups(self):
        return [(question, [self[name] for name in names]) for question, names in self.groups]


class QuestionnaireForm(SiteFormMixin, forms.Form):
    """One field per answer part: `key` for text, `key__a`/`key__b` for pairs, links and tools.
    A draft may be saved half done, so nothing is required here: sending checks, and its errors
    come back keyed by these field names, each by its own question."""

    marks_optional = False

    def __init__(self, *args, prompts, principles, functions, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = prompts
        for prompt in prompts:
            value = answers.get(prompt.key)
            if prompt.kind == Kind.TEXT:
                label = f"{prompt.label} {prompt.text}".strip()
                self.fields[prompt.key] = self._text(label, value or "", rows=5, help_text=prompt.help_text)
            elif prompt.kind == Kind.PAIR:
                for part in "ab":
                    self.fields[f"{prompt.key}__{part}"] = self._text(f"{part}.", (value or {}).get(part, ""), rows=2)
            elif prompt.kind in (Kind.PAIR_PRINCIPLES, Kind.PAIR_TOOLS):
                linked = answers.get(prompt.links_to) or {}
                for part in "ab":
                    label = f"{part}) {linked[part]}" if linked.get(part) else f"{part})"
                    # The ten principles are shown in full once (RP2 question 4, 000:L7495–7533); each
                    # answer ticks them by number, so the form is not six copies of the list (issue #23).
                    choices = (
                        [(p.number, f"Principle {p.number}") for p in principles]
                        if prompt.kind == Kind.PAIR_PRINCIPLES
                        else [(day, [(topic, topic) for topic in topics]) for day, topics in COURSE_TOPICS]
                    )
                    self.fields[f"{prompt.key}__{part}"] = forms.TypedMultipleChoiceField(
                        label=label,
                        choices=choices,
                        coerce=int if prompt.kind == Kind.PAIR_PRINCIPLES else str,
                        widget=forms.CheckboxSelectMultiple,
                        required=False,
                        initial=(value or {}).get(part, []),
                    )
            elif prompt.kind == Kind.FUNCTIONS:
                self.fields[prompt.key] = forms.MultipleChoiceField(
                    label="Key working functions",
                    choices=[(f.letter, str(f)) for f in functions],
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    initial=value or [],
                )
        self.apply_site_pattern()

    @staticmethod
    def _text(label: str, initial: str, *, rows: int, help_text: str = "") -> forms.CharField:
        return forms.CharField(
            label=label,
            widget=forms.Textarea(attrs={"rows": rows}),
            required=False,
            initial=initial,
            help_text=help_text,
        )

    def fields_for(self, prompt) -> list:
        if prompt.kind in (Kind.TEXT, Kind.FUNCTIONS):
            return [self[prompt.key]]
        if prompt.is_answered:
            return [self[f"{prompt.key}__{part}"] for part in "ab"]
        return []

    def answers(self) -> dict:
        data = self.cleaned_data
        answers = {}
        for prompt in self.prompts:
            if prompt.kind in (Kind.TEXT, Kind.FUNCTIONS):
                answers[prompt.key] = data.get(prompt.key) or ("" if prompt.kind == Kind.TEXT else [])
            elif prompt.is_answered:
                empty = "" if prompt.kind == Kind.PAIR else []
                answers[prompt.key] = {part: data.get(f"{prompt.key}__{part}") or empty for part in "ab"}
        return answers


class ShareForm(SiteFormMixin, forms.Form):
    trainer = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Share with",
        empty_label="Nobody: keep it private",
        help_text="The trainer can read this reflection and write comments. You can stop sharing at any time.",
    )

    def __init__(self, *args, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = trainers
        self.apply_site_pattern()


class CommentForm(SiteFormMixin, forms.Form):
    text = forms.CharField(label="Your comment", widget=forms.Textarea(attrs={"rows": 4}))
