"""Backfill: seated-soleus results used to be stored as × body weight; store raw kg and the
body mass they were judged against, as every other test stores its raw values."""

from django.db import migrations


def to_raw_kg(apps, schema_editor):  # type: ignore[no-untyped-def]
    TestResult = apps.get_model("assessments", "TestResult")
    rows = TestResult.objects.filter(test="seated_soleus", unit="x body weight")
    for row in rows.select_related("session__athlete"):
        mass = row.session.athlete.body_mass_kg
        if mass is None:
            continue
        mass = float(mass)
        row.left, row.right = round(row.left * mass, 1), round(row.right * mass, 1)
        row.unit, row.body_mass_kg = "kg", mass
        row.save(update_fields=["left", "right", "unit", "body_mass_kg"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_custom_exercises_and_body_mass")]

    operations = [migrations.RunPython(to_raw_kg, migrations.RunPython.noop)]
