"""Impact indicators: what editors may enter, and how the page shows it."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from wagtail.blocks.struct_block import StructBlockValidationError

from projects.blocks import IndicatorBlock, MeasurementBlock
from projects.charts import line_chart
from projects.indicators import Indicator, Measurement, format_value
from projects.models import ProjectIndexPage, ProjectPage
from projects.tests.test_phases import project_form
from territories.services import section_of
from testing import indicators, make_project, make_territory


def indicator_value(**fields):
    block = IndicatorBlock()
    raw = {
        "name": "Rendez-vous manqués",
        "category": "impact",
        "unit": "%",
        "direction": "lower",
        "baseline": "20",
        "target": "5",
        "description": "",
        "highlighted": False,
        "measurements": [{"date": "2019-01-01", "value": "14"}],
    }
    raw.update(fields)
    return block, block.to_python(raw)


def test_a_measurement_needs_a_date_and_a_number():
    block = MeasurementBlock()
    for raw in ({"date": None, "value": "12"}, {"date": "2020-01-01", "value": None}):
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python(raw))
        assert set(error.value.block_errors) <= {"date", "value"} and error.value.block_errors
    cleaned = block.clean(block.to_python({"date": "2020-01-01", "value": "12.5"}))
    assert cleaned["value"] == Decimal("12.5")


def test_a_measurement_in_the_future_is_refused():
    block = MeasurementBlock()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"date": tomorrow, "value": "3"}))
    assert "date" in error.value.block_errors


def test_a_target_on_the_wrong_side_of_the_baseline_is_refused():
    block, value = indicator_value(direction="lower", baseline="5", target="20")
    with translation.override("fr"):
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
    message = " ".join(error.value.block_errors["target"].messages)
    assert "« Plus bas, c’est mieux »" in message and "20\u00a0%" in message

    block, value = indicator_value(direction="higher", baseline="5", target="20")
    assert block.clean(value)["target"] == Decimal("20")


def sample(direction, values, baseline=None, target=None, unit="%"):
    return Indicator(
        name="Indicateur",
        category="impact",
        unit=unit,
        direction=direction,
        baseline=None if baseline is None else Decimal(baseline),
        target=None if target is None else Decimal(target),
        measurements=[
            Measurement(date=date(2020, month, 1), value=Decimal(value))
            for month, value in enumerate(values, start=1)
        ],
    )


def test_direction_decides_what_better_means():
    lower = sample("lower", ["20", "7"], baseline="20", target="5")
    assert lower.trend == "improved" and lower.target_reached is False
    assert sample("lower", ["20", "4"], baseline="20", target="5").target_reached is True
    higher = sample("higher", ["20", "7"], baseline="20", target="50")
    assert higher.trend == "worse" and higher.target_reached is False
    assert sample("higher", ["30"]).trend is None  # no baseline: nothing to compare


def test_units_are_written_the_french_way_and_the_english_way():
    with translation.override("fr"):
        assert format_value(Decimal("5.00"), "%") == "5\u00a0%"
        assert format_value(Decimal("1200"), "usagers") == "1\u00a0200\u00a0usagers"
        assert format_value(Decimal("12.50"), "jours") == "12,5\u00a0jours"
    with translation.override("en"):
        assert format_value(Decimal("5"), "%") == "5%"
        assert format_value(Decimal("1200"), "") == "1,200"


def test_the_summary_says_where_the_indicator_stands():
    with translation.override("fr"):
        summary = sample("lower", ["20", "7"], baseline="20", target="5").summary
    assert "Dernière valeur : 7\u00a0% le 1er février 2020." in summary
    assert "Mieux que la situation de départ (20\u00a0%)." in summary
    assert "Cible (5\u00a0%) pas encore atteinte." in summary


def test_chart_points_follow_the_measurements():
    indicator = sample("lower", ["20", "14", "7", "5"], baseline="20", target="5")
    chart = line_chart(indicator)
    assert [point.value for point in chart.points] == [m.value for m in indicator.measurements]
    xs = [point.x for point in chart.points]
    ys = [point.y for point in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.plot_left and xs[-1] == chart.plot_right
    # SVG's y axis points down: a smaller value is drawn lower, the axis starts at zero.
    assert ys == sorted(ys)
    assert chart.baseline_y == ys[0] and chart.target_y == ys[-1]
    zero = chart.plot_bottom
    assert ys[0] == pytest.approx(zero - (zero - chart.plot_top) * 20 / 20)
    assert ys[2] == pytest.approx(zero - (zero - chart.plot_top) * 7 / 20, abs=0.1)
    assert line_chart(sample("higher", [])) is None


@pytest.mark.django_db
def test_the_project_page_draws_the_chart_of_its_measurements(client):
    territory = make_territory()
    measurements = [
        {"date": "2021-12-17", "value": "5"},
        {"date": "2019-06-03", "value": "14"},
        {"date": "2020-12-18", "value": "6"},
    ]
    project = make_project(territory, indicators=indicators({"measurements": measurements}))
    indicator = project.impact_indicators()[0]

    response = client.get(f"/projets/{project.slug}/", HTTP_HOST=territory.site.hostname)

    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    points = re.findall(r'data-date="([\d-]+)" data-value="([\d.]+)"', svg)
    assert [(day, Decimal(value)) for day, value in points] == [
        (m.iso_date, m.value) for m in indicator.measurements
    ]
    # The same data as a table, and the latest value against baseline and target.
    table = html[html.index('<table class="chart__table">') : html.index("</table>")]
    assert table.count("<tr>") == len(indicator.measurements) + 1
    assert "17 décembre 2021" in table and "5\u00a0%" in table
    assert "Plus bas, c’est mieux" in html
    assert "20\u00a0%" in html and "atteinte" in html


def indicator_form_data(measurements):
    """The project form of test_phases, with one indicator holding ``measurements``."""
    data = project_form(
        [{"phase": "investigation", "start_date": "2024-01-08", "end_date": "", "comment": ""}]
    )
    prefix = "indicators-0-value-"
    data.update(
        {
            "indicators-count": "1",
            "indicators-0-type": "indicator",
            "indicators-0-deleted": "",
            "indicators-0-order": "0",
            "indicators-0-id": "",
            prefix + "name": "Demandes traitées en ligne",
            prefix + "category": "used",
            prefix + "unit": "%",
            prefix + "direction": "higher",
            prefix + "baseline": "0",
            prefix + "target": "60",
            prefix + "description": "",
            prefix + "measurements-count": str(len(measurements)),
        }
    )
    for number, (day, value) in enumerate(measurements):
        item = f"{prefix}measurements-{number}-"
        data.update(
            {
                item + "value-date": day,
                item + "value-value": value,
                item + "deleted": "",
                item + "order": str(number),
                item + "id": "",
            }
        )
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    "measurement, field",
    [(("", "12"), "date"), (("2024-03-01", ""), "value"), (("2024-03-01", "douze"), "value")],
    ids=str,
)
def test_the_admin_refuses_a_measurement_without_a_date_or_a_number(
    admin_client, measurement, field
):
    index = section_of(make_territory().home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"

    # Drafts may be incomplete (Wagtail defers required fields): publishing checks everything.
    response = admin_client.post(url, {**indicator_form_data([measurement]), "action-publish": "1"})

    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["indicators"]
    errors = error.as_json_data()["blockErrors"][0]["blockErrors"]["measurements"]["blockErrors"]
    assert list(errors[0]["blockErrors"]) == [field]
    assert not ProjectPage.objects.filter(slug="guichet-unique").exists()


@pytest.mark.django_db
def test_the_admin_saves_an_indicator_with_its_measurements(admin_client):
    index = section_of(make_territory().home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"

    response = admin_client.post(
        url, indicator_form_data([("2024-06-01", "35"), ("2024-03-01", "12.5")])
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    # The page created under the French index (its English tree holds an alias of it).
    created = ProjectPage.objects.child_of(index).get(slug="guichet-unique")
    project = created.get_latest_revision_as_object()
    [indicator] = project.impact_indicators()
    assert [(m.iso_date, m.value) for m in indicator.measurements] == [
        ("2024-03-01", Decimal("12.5")),
        ("2024-06-01", Decimal("35")),
    ]
    assert indicator.direction == "higher" and indicator.target == Decimal("60")
