"""Each app's contribution to the fidelity dashboard, in the order the dashboard shows them."""

from oversight.providers import events, feedback, trainers

PROVIDERS = [events.PROVIDER, trainers.PROVIDER, feedback.PROVIDER]
DEFINITIONS = [*events.DEFINITIONS, *trainers.DEFINITIONS, *feedback.DEFINITIONS]
