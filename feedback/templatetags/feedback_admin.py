"""Small helpers for the admin's templates of the participant's course."""

from django import template

from feedback.selectors.questionnaires import answer_lines

register = template.Library()


@register.simple_tag
def entry_answers(entry):
    """A sent follow-up's answers as lines of text, prompt by prompt."""
    return answer_lines(entry.questionnaire.prompts.all(), entry.answers)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)
