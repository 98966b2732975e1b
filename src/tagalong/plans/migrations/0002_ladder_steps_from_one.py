"""Calf ladder steps are numbered 1-7 (as in "step 3 of 7"); they were stored 0-6."""

from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    PlanSession = apps.get_model("plans", "PlanSession")
    PlanSession.objects.filter(ladder_level__isnull=False).update(ladder_level=F("ladder_level") + 1)


def backwards(apps, schema_editor):
    PlanSession = apps.get_model("plans", "PlanSession")
    PlanSession.objects.filter(ladder_level__isnull=False).update(ladder_level=F("ladder_level") - 1)


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
