"""Flipchart photos and notes move from the public media folder to the private one CVs use
(issue #19 point 5). File names stay the same, so no row changes; each file is copied before the
public one is deleted, and a file already moved (or missing) is left alone, so running it twice is safe."""

from django.core.files.storage import default_storage
from django.db import migrations, models

import feedback.models.materials
import trainers.storage
from trainers.storage import private_storage


def move_files(apps, source, target) -> None:
    SessionMaterial = apps.get_model("feedback", "SessionMaterial")
    for name in SessionMaterial.objects.exclude(file="").values_list("file", flat=True).iterator():
        if not source.exists(name) or target.exists(name):
            continue
        with source.open(name, "rb") as content:
            target.save(name, content)
        source.delete(name)


def to_private(apps, schema_editor) -> None:
    move_files(apps, default_storage, private_storage)


def to_public(apps, schema_editor) -> None:
    move_files(apps, private_storage, default_storage)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sessionmaterial",
            name="file",
            field=models.FileField(
                blank=True,
                storage=trainers.storage.PrivateStorage(),
                upload_to=feedback.models.materials.material_path,
            ),
        ),
        migrations.RunPython(to_private, to_public),
    ]
