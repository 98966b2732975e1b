"""Backfill: a thread (and both people's inbox state) for every coaching link made before
messaging existed. New links get theirs when they are created."""

from django.db import migrations


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    CoachingLink = apps.get_model("athletes", "CoachingLink")
    Thread = apps.get_model("messaging", "Thread")
    ThreadState = apps.get_model("messaging", "ThreadState")
    pairs = CoachingLink.objects.values_list(
        "athlete_id", "coach_id", "practice_id", "athlete__user_id"
    ).distinct()
    for athlete_id, coach_id, practice_id, user_id in pairs.iterator():
        thread, created = Thread.objects.get_or_create(
            athlete_id=athlete_id, coach_id=coach_id, defaults={"practice_id": practice_id}
        )
        if created:
            ThreadState.objects.bulk_create(
                [ThreadState(thread=thread, user_id=coach_id), ThreadState(thread=thread, user_id=user_id)],
                ignore_conflicts=True,
            )


class Migration(migrations.Migration):
    dependencies = [("messaging", "0001_initial"), ("athletes", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
