from .consent import ConsentDecision, ConsentPurpose, ConsentWording
from .geography import LocalAuthority, Region
from .notifications import Notification
from .pages import HomePage, StandardPage
from .users import User

__all__ = [
    "ConsentDecision",
    "ConsentPurpose",
    "ConsentWording",
    "HomePage",
    "LocalAuthority",
    "Notification",
    "Region",
    "StandardPage",
    "User",
]
