"""Each app's contribution to the fidelity dashboard, in the order the dashboard shows them."""

from oversight.providers import events, trainers

PROVIDERS = [events.PROVIDER, trainers.PROVIDER]
DEFINITIONS = [*events.DEFINITIONS, *trainers.DEFINITIONS]
