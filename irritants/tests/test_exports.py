"""The irritants' exports as the staff who open them read them: local times to the second,
a CSV a French spreadsheet splits into columns, a sheet named after what it holds.

Over HTTP with a logged-in publisher, reading the real files.
"""

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from irritants.models import Irritant
from testing import make_territory, make_user, submit_irritant

pytestmark = pytest.mark.django_db

# 16:11:29.431017 UTC is 17:11:29 in Paris in winter (and 18:11:29 in summer).
WINTER = datetime.fromisoformat("2026-11-30T16:11:29.431017+00:00")
SUMMER = datetime.fromisoformat("2026-07-14T16:11:29.431017+00:00")


@pytest.fixture
def submitted(call):
    irritant = submit_irritant(call, title="Cantine; menus illisibles")
    Irritant.objects.filter(pk=irritant.pk).update(submitted_at=WINTER)
    return irritant


def csv_rows(client, query=""):
    response = client.get("/admin/irritants/?export=csv" + query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # UTF-8 for spreadsheet programs
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def xlsx_book(client):
    response = client.get("/admin/irritants/?export=xlsx")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_the_csv_writes_local_time_without_microseconds_and_semicolons(
    client, submitted, publisher
):
    second = submit_irritant(submitted.call, title="Accueil fermé")
    Irritant.objects.filter(pk=second.pk).update(submitted_at=SUMMER)
    client.force_login(publisher)

    rows = csv_rows(client)

    heading = rows[0]
    assert len(heading) > 5  # the columns are split on « ; »
    submitted_at = heading.index("Reçu le")
    by_reference = {row[0]: row for row in rows[1:]}
    assert by_reference[submitted.reference][submitted_at] == "2026-11-30 17:11:29"
    assert by_reference[second.reference][submitted_at] == "2026-07-14 18:11:29"
    # A « ; » inside a value is quoted, not a column break.
    assert "Cantine; menus illisibles" in by_reference[submitted.reference]
    assert all(len(row) == len(heading) for row in rows)


def test_the_xlsx_holds_local_times_in_a_sheet_named_after_the_export(client, submitted, publisher):
    client.force_login(publisher)

    book = xlsx_book(client)

    assert book.sheetnames == ["Irritants"]
    sheet = book.active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    submitted_at = rows[0].index("Reçu le")
    # A real date cell, in Paris time, to the second.
    assert rows[1][submitted_at] == datetime(2026, 11, 30, 17, 11, 29)
    assert sheet.cell(row=2, column=submitted_at + 1).is_date


def test_another_territorys_publisher_exports_none_of_it(client, submitted):
    client.force_login(make_user(make_territory(), "publisher"))
    assert len(csv_rows(client)) == 1
    assert xlsx_book(client).active.max_row == 1
