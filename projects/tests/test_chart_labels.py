"""Chart labels a reader can read whole: inside the drawing, on whole units."""

import re
from xml.etree import ElementTree

import pytest

from testing import indicators, make_project, make_territory

pytestmark = pytest.mark.django_db

# .chart__tick in site.css; a generous average width of a digit or a letter at that size.
FONT_SIZE = 12
CHARACTER_WIDTH = 0.6 * FONT_SIZE
SVG = "{http://www.w3.org/2000/svg}"


def charts(html):
    """Each indicator chart of a page, parsed (the page's inline SVGs)."""
    found = re.findall(r'<svg class="chart__svg".*?</svg>', html, flags=re.S)
    return [
        ElementTree.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
        for svg in found
    ]


def horizontal_extent(text):
    """Where a <text> element starts and ends, from its x, its anchor and its length."""
    x = float(text.get("x")) + float(text.get("dx", 0))
    width = len(text.text.strip()) * CHARACTER_WIDTH
    start = {"start": x, "middle": x - width / 2, "end": x - width}[
        text.get("text-anchor", "start")
    ]
    return start, start + width


@pytest.mark.parametrize("path", ["project", "/resultats/"])
def test_every_label_of_an_indicator_chart_stays_inside_the_drawing(client, path):
    """On the project page and among the results page's key results (one include)."""
    territory = make_territory()
    measurements = [
        {"date": "2019-01-15", "value": "12"},
        {"date": "2024-06-30", "value": "48"},
    ]
    project = make_project(
        territory, indicators=indicators({"measurements": measurements, "highlighted": True})
    )
    path = f"/projets/{project.slug}/" if path == "project" else path

    response = client.get(path, HTTP_HOST=territory.site.hostname)

    [svg] = [chart for chart in charts(response.content.decode()) if chart.findall(f"{SVG}circle")]
    _x, _y, width, _height = (float(number) for number in svg.get("viewBox").split())
    labels = svg.findall(f"{SVG}text")
    assert "30/06/2024" in [label.text for label in labels]
    for label in labels:
        start, end = horizontal_extent(label)
        assert 0 <= start and end <= width, (label.text, start, end, width)


def test_a_duration_axis_reads_in_whole_days(client):
    territory = make_territory()
    duration = {
        "name": "Délai de traitement",
        "unit": "jours",
        "direction": "lower",
        "baseline": "75",
        "target": "45",
        "highlighted": True,
        "measurements": [
            {"date": "2020-01-31", "value": "70"},
            {"date": "2022-12-30", "value": "46"},
        ],
    }
    make_project(territory, indicators=indicators(duration))

    response = client.get("/resultats/", HTTP_HOST=territory.site.hostname)

    [svg] = [chart for chart in charts(response.content.decode()) if chart.findall(f"{SVG}circle")]
    ticks = [text.text for text in svg.findall(f"{SVG}text") if text.get("text-anchor") == "end"]
    axis = [tick for tick in ticks if tick.endswith("jours")]
    assert len(axis) >= 3
    for tick in axis:
        number = tick.removesuffix("jours").strip("\u00a0 ")
        assert re.fullmatch(r"\d+", number), axis
    # The highest tick is at or above the highest value: every point is on the drawing.
    assert int(axis[-1].split("\u00a0")[0]) >= 75
