"""PostgreSQL text search configurations for French, insensitive to accents.

french_unaccent strips accents then stems in French, for full-text search; simple_unaccent
only strips accents, for autocomplete prefixes (stemming a prefix would break it). On other
databases this migration does nothing: SQLite's FTS5 folds accents by itself.

unaccent is a trusted extension since PostgreSQL 13: a database owner may create it without
being a superuser. When even that is refused, the error says what to ask the administrator.
"""

from django.db import migrations
from django.db.utils import ProgrammingError

CONFIGURATIONS = {"french_unaccent": "french", "simple_unaccent": "simple"}


def create_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        except ProgrammingError as error:
            raise RuntimeError(
                "The PostgreSQL extension unaccent could not be created: ask the database "
                "administrator to run CREATE EXTENSION unaccent; in this database (on Debian "
                "it ships with the postgresql-contrib package), then migrate again. "
                f"PostgreSQL said: {error}"
            ) from error
        for name, dictionary in CONFIGURATIONS.items():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {dictionary})")
            # Words with accents are "word" tokens (hyphenated ones hword and hword_part);
            # plain ASCII words need no unaccent and keep the copied mapping.
            dictionaries = "unaccent, simple" if dictionary == "simple" else "unaccent, french_stem"
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH {dictionaries}"
            )


def drop_configurations(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
