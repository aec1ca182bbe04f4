"""Each app's contribution to the fidelity dashboard, in the order the dashboard shows them."""

from oversight.providers import events, feedback, readings, trainers

PROVIDERS = [events.PROVIDER, trainers.PROVIDER, readings.PROVIDER, feedback.PROVIDER]
DEFINITIONS = [*events.DEFINITIONS, *trainers.DEFINITIONS, *readings.DEFINITIONS, *feedback.DEFINITIONS]
