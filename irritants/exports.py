"""Spreadsheet exports for the staff who open them: a French spreadsheet program, in Paris.

Wagtail's exports write times in UTC (« 16:11:29.431017+00:00 » where the admin shows
17:11), a CSV separated by commas (which a French spreadsheet, whose decimal separator is the
comma, leaves in one column) and a sheet called « Sheet1 ». This mixin, put before Wagtail's
index view, writes local times to the second, « ; » between columns, and names the sheet.
It also keeps a spreadsheet from running a submitted value as a formula.

The open data CSV (projects/views.py) is not an admin export: it keeps its documented format.
"""

import csv
import datetime

from django.utils import timezone
from django.utils.encoding import force_str
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.workbook.child import INVALID_TITLE_REGEX
from wagtail.admin.views.mixins import (
    Echo,
    ExcelDateFormatter,
    SpreadsheetExportMixin,
    list_to_str,
)

# What French spreadsheet programs split a CSV on (their decimal separator is the comma).
CSV_DELIMITER = ";"
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# The longest sheet name spreadsheet programs accept.
SHEET_TITLE_LENGTH = 31


def local_time(value):
    """``value`` as the admin shows it: in the site's time zone, to the second, naive (a
    spreadsheet cell has no time zone)."""
    if timezone.is_aware(value):
        value = timezone.make_naive(value)  # into the current time zone: TIME_ZONE
    return value.replace(microsecond=0)


def sheet_title(title):
    """``title`` as a spreadsheet accepts a sheet name."""
    return INVALID_TITLE_REGEX.sub("", force_str(title))[:SHEET_TITLE_LENGTH] or "Export"


class StaffSpreadsheetExportMixin(SpreadsheetExportMixin):
    """The CSV and XLSX exports of an admin listing, for French staff (see the module)."""

    # The sheet's name in the XLSX file: what the export holds.
    export_sheet_title = None

    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: local_time(value).isoformat(" "),
            # A real date cell, which Wagtail formats as the language's short date and time.
            SpreadsheetExportMixin.FORMAT_XLSX: local_time,
        },
        (datetime.date, datetime.time): {SpreadsheetExportMixin.FORMAT_XLSX: None},
        list: {
            SpreadsheetExportMixin.FORMAT_CSV: list_to_str,
            SpreadsheetExportMixin.FORMAT_XLSX: list_to_str,
        },
    }

    def get_sheet_title(self):
        return sheet_title(self.export_sheet_title or self.get_filename())

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_CSV and value.startswith(FORMULA_PREFIXES):
            # XLSX cells are typed as text by Wagtail already; CSV has no types.
            return "'" + value
        if export_format == self.FORMAT_XLSX:
            # Values stored before control characters were refused would break the file.
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def stream_csv(self, queryset):
        yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def write_xlsx(self, queryset, output):
        """Wagtail's workbook, with the sheet named by ``get_sheet_title``."""
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title())
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)
