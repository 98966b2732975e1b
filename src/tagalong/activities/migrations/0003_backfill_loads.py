"""Backfill Activity.loads from the single measure each activity stored until now."""

from django.db import migrations


def backfill(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    changed = []
    for activity in Activity.objects.filter(loads={}).iterator(chunk_size=500):
        minutes = (activity.moving_s or activity.duration_s or 0) / 60
        loads = {"duration": minutes}
        if activity.load_measure:
            loads[activity.load_measure] = activity.load_value
        activity.loads = loads
        changed.append(activity)
        if len(changed) >= 500:
            Activity.objects.bulk_update(changed, ["loads"])
            changed = []
    Activity.objects.bulk_update(changed, ["loads"])


class Migration(migrations.Migration):
    dependencies = [("activities", "0002_parts_loads_settings")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
