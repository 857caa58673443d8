"""SQLite: the full-text index (FTS5) holds the French stems of titles and bodies.

Wagtail's triggers copy each index entry's title, body and autocomplete text into the FTS5
table as written, and FTS5 matches whole words: "allocations" did not find "allocation".
These triggers store the stems instead (the function french_stems, search/sqlite.py), the
search stems the words it looks for, and so plurals and verb forms match as they do on
PostgreSQL. The entries already indexed are stemmed here. The update trigger fires only when
a text changes: Wagtail rewrites every entry's title_norm after indexing.

Nothing to do on other databases, or on a SQLite without FTS5 (Wagtail then searches with
LIKE, unstemmed).
"""

from django.db import migrations

from search.sqlite import FUNCTION, add_function

TRIGGERS = {
    "insert": "AFTER INSERT ON {table} BEGIN "
    "INSERT INTO {table}_fts(title, body, autocomplete, rowid) "
    "VALUES ({title}, {body}, NEW.autocomplete, NEW.id); END",
    "update": "AFTER UPDATE{columns} ON {table} BEGIN "
    "UPDATE {table}_fts SET title={title}, body={body}, autocomplete=NEW.autocomplete "
    "WHERE rowid=NEW.id; END",
}


def _table(apps, schema_editor):
    """The index entries' table when it has an FTS5 table beside it, else None."""
    if schema_editor.connection.vendor != "sqlite":
        return None
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{table}_fts"])
        return table if cursor.fetchone() else None


def _install(apps, schema_editor, stemmed):
    table = _table(apps, schema_editor)
    if table is None:
        return
    # The connection may predate the search app's receiver (search/sqlite.py).
    schema_editor.connection.ensure_connection()
    add_function(schema_editor.connection.connection)
    wrap = f"{FUNCTION}({{}})" if stemmed else "{}"
    title, body = wrap.format("NEW.title"), wrap.format("NEW.body")
    columns = " OF title, body, autocomplete" if stemmed else ""
    for event, template in TRIGGERS.items():
        name = f"{event}_{table}_fts"
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        definition = template.format(table=table, title=title, body=body, columns=columns)
        schema_editor.execute(f"CREATE TRIGGER {name} {definition}")
    schema_editor.execute(f"DELETE FROM {table}_fts")
    schema_editor.execute(
        f"INSERT INTO {table}_fts(rowid, title, body, autocomplete) "  # noqa: S608 (names)
        f"SELECT id, {wrap.format('title')}, {wrap.format('body')}, autocomplete FROM {table}"
    )


def stem(apps, schema_editor):
    _install(apps, schema_editor, stemmed=True)


def unstem(apps, schema_editor):
    _install(apps, schema_editor, stemmed=False)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_combined_text_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stem, unstem)]
