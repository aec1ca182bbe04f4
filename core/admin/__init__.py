"""The Wagtail admin screens of core and what every app's admin shares: the action view shape
(actions), permission policies (policies), erasure and message templates (views), the viewsets."""
