"""The open data API and its CSV export: documented fields, published pages only."""

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from projects.models import ProjectDecision, ProjectPage, ProjectPhase, ProjectTeamMember
from territories.models import Territory
from testing import indicators, make_project, make_territory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
JSON_BLOCK = re.compile(r"```json\n(.*?)\n```", re.S)


def documented_record():
    """The project record of the open data example in the documentation (README or docs/)."""
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in JSON_BLOCK.findall(path.read_text()):
            example = json.loads(block)
            records = example.get("data") if isinstance(example, dict) else None
            if records and "pitch" in records[0]:
                return records[0]
    raise AssertionError("the open data API has no documented example")


def projects_json(client, host="localhost", query=""):
    response = client.get(f"/api/projects.json{query}", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def host(territory):
    return territory.site.hostname


def record_of(records, project):
    return next(record for record in records if record["id"].endswith(f"/{project.slug}"))


def full_project(territory, **fields):
    """A project with everything the open data publishes: phases, decisions, indicators."""
    return make_project(
        territory,
        "Rappels de rendez-vous",
        phases=[
            ProjectPhase(
                phase="investigation", start_date=date(2020, 1, 6), end_date=date(2020, 3, 6)
            ),
            ProjectPhase(phase="operated", start_date=date(2020, 3, 9)),
        ],
        decisions=[
            ProjectDecision(
                date=date(2020, 3, 6),
                evaluation="user_evaluation",
                decision="continue",
                reason="Les usagers viennent.",
            ),
        ],
        indicators=indicators(
            {"name": "Rendez-vous manqués", "measurements": [{"date": "2024-01-01", "value": "5"}]}
        ),
        team_members=[ProjectTeamMember(name="Dominique Confidentiel", role="Développeuse")],
        **fields,
    )


def test_the_network_api_lists_every_published_project_with_the_documented_fields(client):
    territory = make_territory()
    project = full_project(territory)

    payload = projects_json(client)

    records = payload["data"]
    french = ProjectPage.objects.live().filter(locale__language_code="fr")
    assert payload["meta"]["count"] == len(records) == french.count()
    documented = documented_record()
    for record in records:
        assert set(record) == set(documented)
        assert set(record["territory"]) == set(documented["territory"])
        assert set(record["links"]) == set(documented["links"])
    record = record_of(records, project)
    assert record["id"] == f"{territory.slug}/{project.slug}"
    assert record["url"] == f"{territory.site.root_url}/projets/{project.slug}/"
    assert record["current_phase"] == "operated"
    assert record["phases"] == [
        {"name": "investigation", "start": "2020-01-06", "end": "2020-03-06"},
        {"name": "operated", "start": "2020-03-09", "end": None},
    ]
    [missed] = record["indicators"]
    assert set(missed) == set(documented["indicators"][0])
    assert missed["unit"] == "%" and missed["direction"] == "lower"
    assert missed["baseline"] == 20 and missed["target"] == 5
    assert missed["measurements"] == [{"date": "2024-01-01", "value": 5}]
    [decision] = record["decisions"]
    assert {"date": "2020-03-06", "evaluation": "user_evaluation"}.items() <= decision.items()


def test_no_personal_data_is_published(client):
    territory = make_territory()
    full_project(territory)

    body = client.get("/api/projects.json", HTTP_HOST="localhost").content.decode()
    csv_body = client.get("/api/projects.csv", HTTP_HOST="localhost").getvalue().decode()

    for project in ProjectPage.objects.live():
        for member in project.team_members.all():
            assert member.name not in body and member.name not in csv_body
    assert "Dominique Confidentiel" not in body + csv_body


def test_unpublished_projects_are_left_out(client):
    territory = make_territory()
    gone = make_project(territory, "Projet retiré")
    kept = make_project(territory, "Projet en ligne")
    gone.unpublish()

    ids = [record["id"] for record in projects_json(client)["data"]]
    assert f"{territory.slug}/{gone.slug}" not in ids
    assert f"{territory.slug}/{kept.slug}" in ids
    # A draft with changes after publication publishes only the live version.
    kept.pitch = "Brouillon non relu"
    kept.save_revision()
    assert "Brouillon non relu" not in client.get("/api/projects.json").content.decode()


def test_a_territory_host_publishes_its_own_projects_only(client):
    first, second = make_territory(), make_territory()
    make_project(first)
    make_project(second)

    records = projects_json(client, host(first))["data"]
    assert [record["territory"]["id"] for record in records] == [first.slug]
    filtered = projects_json(client, "localhost", f"?territory={second.slug}")["data"]
    assert [record["territory"]["id"] for record in filtered] == [second.slug]
    assert (
        client.get("/api/projects.json?territory=nowhere", HTTP_HOST="localhost").status_code == 404
    )


def test_the_csv_export_has_the_same_projects(client):
    territory = make_territory()
    project = full_project(territory)
    make_project(territory)

    response = client.get("/api/projects.csv", HTTP_HOST=host(territory))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    json_ids = [r["id"] for r in projects_json(client, host(territory))["data"]]
    assert [row["id"] for row in rows] == json_ids and len(rows) == 2
    row = rows[json_ids.index(f"{territory.slug}/{project.slug}")]
    assert row["territory"] == territory.name
    assert row["indicators"] == "Rendez-vous manqués: 5 % (2024-01-01)"


def test_the_territories_api_counts_projects_and_points_to_each_api(client):
    territory = make_territory()
    make_project(territory)
    make_project(territory)

    response = client.get("/api/territories.json", HTTP_HOST="localhost")

    records = {record["id"]: record for record in response.json()["data"]}
    assert set(records) == set(Territory.objects.values_list("slug", flat=True))
    assert records[territory.slug]["projects_count"] == 2
    api = f"{territory.site.root_url}/api/projects.json"
    assert records[territory.slug]["projects_api"] == api
    own = client.get("/api/territories.json", HTTP_HOST=host(territory)).json()["data"]
    assert [record["id"] for record in own] == [territory.slug]


def test_a_project_keeps_one_identifier_in_every_language(client):
    territory = make_territory()
    translated = make_project(territory, "Rappels de rendez-vous")
    untranslated = make_project(territory, "Projet resté en français")
    english = Locale.objects.get(language_code="en")
    translate_object(translated, [english])
    translation = translated.get_translation(english)
    translation.slug = "reminders"
    translation.title = "Appointment reminders"
    translation.save_revision().publish()

    payload = projects_json(client, host(territory))
    english_payload = client.get("/en/api/projects.json", HTTP_HOST=host(territory)).json()

    assert english_payload["meta"]["language"] == "en"
    assert english_payload["meta"]["territory"] == payload["meta"]["territory"] == territory.slug
    french = {record["id"]: record for record in payload["data"]}
    english_records = {record["id"]: record for record in english_payload["data"]}
    # Every published project in English too: translated where it is, in French otherwise.
    assert (
        set(english_records)
        == set(french)
        == {
            f"{territory.slug}/{translated.slug}",
            f"{territory.slug}/{untranslated.slug}",
        }
    )
    record = english_records[f"{territory.slug}/{translated.slug}"]
    assert (record["slug"], record["language"], record["name"]) == (
        "reminders",
        "en",
        "Appointment reminders",
    )
    assert record["url"] == f"{territory.site.root_url}/en/projets/reminders/"
    kept = english_records[f"{territory.slug}/{untranslated.slug}"]
    assert (kept["language"], kept["name"]) == ("fr", "Projet resté en français")
    assert {r["language"] for r in french.values()} == {"fr"}
    hub = client.get(f"/en/api/projects.json?territory={territory.slug}", HTTP_HOST="localhost")
    assert {r["id"] for r in hub.json()["data"]} == set(english_records)
    english_csv = client.get("/en/api/projects.csv", HTTP_HOST=host(territory))
    rows = list(
        csv.DictReader(io.StringIO(b"".join(english_csv.streaming_content).decode("utf-8-sig")))
    )
    assert {(row["id"], row["language"]) for row in rows} == {
        (key, record["language"]) for key, record in english_records.items()
    }


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/projects.json?territory=nope", 404, "nope"),
        ("/api/projects.csv?territory=nope", 404, "nope"),
        ("/en/api/projects.json?territory=nope", 404, "No territory has the identifier nope"),
        ("/api/projects.json?page_size=0", 400, "page_size"),
        ("/api/projects.json?after=x&before=y", 400, "after"),
    ],
)
def test_every_bad_parameter_is_answered_in_json(client, path, status, words):
    response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert words in response.json()["error"]


def test_the_territories_api_says_when_and_in_which_language(client):
    meta = client.get("/en/api/territories.json", HTTP_HOST="localhost").json()["meta"]
    assert meta["language"] == "en"
    assert meta["count"] == Territory.objects.count()
    assert meta["generated_at"].startswith(str(date.today().year))
