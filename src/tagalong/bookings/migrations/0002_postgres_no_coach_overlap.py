"""On PostgreSQL, the database itself refuses two scheduled sessions of one coach that overlap.

SQLite has no exclusion constraints; there the IMMEDIATE transactions serialise writers and the
check inside the booking transaction is enough (see bookings/services.py).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE bookings_session ADD CONSTRAINT bookings_session_coach_no_overlap
    EXCLUDE USING gist (coach_id WITH =, tstzrange(start, "end", '[)') WITH &&)
    WHERE (status = 'scheduled');
"""
DROP = "ALTER TABLE bookings_session DROP CONSTRAINT IF EXISTS bookings_session_coach_no_overlap;"


def _run(sql: str):  # type: ignore[no-untyped-def]
    def apply(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
