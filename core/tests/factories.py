"""People, for tests whose subject is not the account itself (see `make_user` in conftest.py for roles)."""

import factory
from factory.django import DjangoModelFactory

from core.models import User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Test"
    last_name = "Person"
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        django_get_or_create = ("email",)
