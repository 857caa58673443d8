"""The open data API and its CSV export: documented fields, published pages only."""

import csv
import io

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

PROJECT_FIELDS = {
    "id",
    "name",
    "pitch",
    "url",
    "territory",
    "current_phase",
    "phases",
    "decisions",
    "themes",
    "user_types",
    "links",
    "budget",
    "shareable",
    "indicators",
    "last_published_at",
}


def projects_json(client, host="localhost", query=""):
    response = client.get(f"/api/projects.json{query}", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_network_api_lists_every_published_project_with_the_documented_fields(client):
    payload = projects_json(client)
    records = payload["data"]
    french = ProjectPage.objects.live().filter(locale__language_code="fr")
    assert payload["meta"]["count"] == len(records) == french.count()
    for record in records:
        assert set(record) == PROJECT_FIELDS
        assert set(record["territory"]) == {"id", "name", "url"}
        assert set(record["links"]) == {"service", "source_code", "statistics"}
    lapins = next(record for record in records if record["id"] == "pasdecalais/lapins")
    assert lapins["url"] == "http://pasdecalais.localhost:8000/projets/lapins/"
    assert lapins["current_phase"] == "operated"
    assert lapins["phases"][0] == {
        "name": "investigation",
        "start": "2017-12-04",
        "end": "2018-03-02",
    }
    assert lapins["phases"][-1]["end"] is None
    missed = lapins["indicators"][0]
    assert missed["unit"] == "%" and missed["direction"] == "lower"
    assert missed["baseline"] == 20 and missed["target"] == 5
    assert missed["measurements"][-1] == {"date": "2021-12-17", "value": 5}
    assert {"date": "2018-08-31", "evaluation": "user_evaluation"}.items() <= lapins["decisions"][
        1
    ].items()


def test_no_personal_data_is_published(client):
    body = client.get("/api/projects.json", HTTP_HOST="localhost").content.decode()
    csv_body = client.get("/api/projects.csv", HTTP_HOST="localhost").content.decode()
    for project in ProjectPage.objects.live():
        for member in project.team_members.all():
            assert member.name not in body and member.name not in csv_body


def test_unpublished_projects_are_left_out(client):
    lapins = ProjectPage.objects.get(slug="lapins")
    lapins.unpublish()
    ids = [record["id"] for record in projects_json(client)["data"]]
    assert "pasdecalais/lapins" not in ids
    assert "pasdecalais/partage-de-materiel" in ids
    # A draft with changes after publication publishes only the live version.
    rsa = ProjectPage.objects.get(slug="rsa-en-ligne", locale__language_code="fr")
    rsa.pitch = "Brouillon non relu"
    rsa.save_revision()
    assert "Brouillon non relu" not in client.get("/api/projects.json").content.decode()


def test_a_territory_host_publishes_its_own_projects_only(client):
    records = projects_json(client, "var.localhost")["data"]
    assert records and all(record["territory"]["id"] == "var" for record in records)
    filtered = projects_json(client, "localhost", "?territory=pau")["data"]
    assert filtered and {record["territory"]["id"] for record in filtered} == {"pau"}
    assert (
        client.get("/api/projects.json?territory=nowhere", HTTP_HOST="localhost").status_code == 404
    )


def test_the_csv_export_has_the_same_projects(client):
    response = client.get("/api/projects.csv", HTTP_HOST="pasdecalais.localhost")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    json_ids = [r["id"] for r in projects_json(client, "pasdecalais.localhost")["data"]]
    assert [row["id"] for row in rows] == json_ids
    lapins = rows[json_ids.index("pasdecalais/lapins")]
    assert lapins["territory"] == "Département du Pas-de-Calais"
    assert "Rendez-vous manqués dans les services sociaux: 5 % (2021-12-17)" in lapins["indicators"]


def test_the_territories_api_counts_projects_and_points_to_each_api(client):
    response = client.get("/api/territories.json", HTTP_HOST="localhost")
    records = {record["id"]: record for record in response.json()["data"]}
    assert set(records) == {"var", "pau", "grandest", "pasdecalais"}
    assert (
        records["var"]["projects_count"]
        == ProjectPage.objects.live().filter(url_path__startswith="/var/").count()
    )
    assert records["var"]["projects_api"] == "http://var.localhost:8000/api/projects.json"
    own = client.get("/api/territories.json", HTTP_HOST="pau.localhost").json()["data"]
    assert [record["id"] for record in own] == ["pau"]


def test_english_records_keep_the_territory_identifiers(client):
    lapins = ProjectPage.objects.get(slug="lapins")
    english = Locale.objects.get(language_code="en")
    translate_object(lapins, [english])
    lapins.get_translation(english).save_revision().publish()

    payload = projects_json(client, "pasdecalais.localhost")
    english_payload = client.get("/en/api/projects.json", HTTP_HOST="pasdecalais.localhost").json()

    assert english_payload["meta"]["language"] == "en"
    assert english_payload["meta"]["territory"] == payload["meta"]["territory"] == "pasdecalais"
    # Lapins is the territory's one project translated into English (its English slug is
    # the demo's); the English tree's alias of the other one shows French and is left out.
    [record] = english_payload["data"]
    assert record["id"] == "pasdecalais/no-shows"
    assert record["url"] == "http://pasdecalais.localhost:8000/en/projets/no-shows/"
    hub = client.get("/en/api/projects.json?territory=pasdecalais", HTTP_HOST="localhost").json()
    assert [r["id"] for r in hub["data"]] == ["pasdecalais/no-shows"]
