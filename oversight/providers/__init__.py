"""Each app's contribution to the fidelity dashboard, in the order the dashboard shows them."""

from oversight.providers import events

PROVIDERS = [events.PROVIDER]
DEFINITIONS = [*events.DEFINITIONS]
