"""A deleted application takes its CV file with it (erasure deletes applications, DOMAIN.md §9)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from trainers.models import Application


@receiver(post_delete, sender=Application, dispatch_uid="trainers.application.delete_cv")
def delete_cv_file(sender, instance: Application, **kwargs) -> None:
    if instance.cv:
        name, storage = instance.cv.name, instance.cv.storage
        transaction.on_commit(lambda: storage.delete(name))
