"""People who use the platform. One account per email address; roles are groups (core.roles)."""

from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.db import models
from django.db.models.functions import Lower

from core.roles import Role


class UserQuerySet(models.QuerySet):
    def with_role(self, role: Role) -> "UserQuerySet":
        """People holding `role`, found by its group's id (looked up first): given the id, PostgreSQL
        knows from its statistics how few people hold a staff role and reads them through the
        membership index; given the name, it guessed thousands and read every account
        (docs/performance.md, item 18)."""
        group_id = Group.objects.filter(name=role.value).values_list("pk", flat=True).first()
        return self.none() if group_id is None else self.filter(groups=group_id)

    def facilitators_of(self, region_id: int) -> "UserQuerySet":
        """The Regional Facilitators of a region whose accounts are in use: who is told about its cohorts."""
        return self.with_role(Role.REGIONAL_FACILITATOR).filter(regions=region_id, is_active=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person signs in with their email address; there is no separate username."""

    username = None
    email = models.EmailField("email address", unique=True)
    regions = models.ManyToManyField(
        "core.Region",
        blank=True,
        related_name="facilitators",
        help_text="For Regional Facilitators: the regions whose cohorts they manage.",
    )

    phone = models.CharField(
        "phone number",
        max_length=30,
        blank=True,
        help_text="We put it at the end of the emails we send about your cohorts.",
    )

    wants_optional_reminders = models.BooleanField(
        "send me optional reminders",
        default=True,
        help_text="Reading and reflection reminders. Messages about your place on a course are always sent.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="core_user_email_ci_unique"),
        ]
        indexes = [
            # Listings of trainers and facilitators are sorted by name: with this index PostgreSQL reads
            # the first page in name order instead of sorting everyone (docs/performance.md, item 32).
            models.Index(fields=["last_name", "first_name", "id"], name="core_user_by_name"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def region_names(self) -> str:
        return ", ".join(region.name for region in self.regions.all())

    region_names.short_description = "Regions"

    @property
    def role_names(self) -> frozenset[str]:
        """Group names, read once per request object."""
        if not hasattr(self, "_role_names"):
            self._role_names = frozenset(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, role: Role) -> bool:
        return role.value in self.role_names

    @property
    def roles(self) -> list[Role]:
        return [role for role in Role if self.has_role(role)]

    @property
    def primary_role(self) -> Role | None:
        """The role whose dashboard the person lands on: the most senior one they hold."""
        roles = self.roles
        return roles[0] if roles else None
