from .consent import ConsentDecision, ConsentPurpose, ConsentWording
from .geography import LocalAuthority, Region
from .message_templates import MessageTemplate
from .notifications import Notification
from .pages import HomePage, StandardPage
from .scheduling import ScheduledRun
from .users import User

__all__ = [
    "ConsentDecision",
    "ConsentPurpose",
    "ConsentWording",
    "HomePage",
    "LocalAuthority",
    "MessageTemplate",
    "Notification",
    "Region",
    "ScheduledRun",
    "StandardPage",
    "User",
]
