"""A call's status is derived from its dates; a call cannot close before it opens."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from irritants.models import CallForIrritantsPage, CallStatus

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    "opens_on, closes_on, status",
    [
        (TODAY + DAY, TODAY + 10 * DAY, CallStatus.UPCOMING),
        (TODAY, TODAY, CallStatus.OPEN),
        (TODAY - 10 * DAY, TODAY, CallStatus.OPEN),
        (TODAY - 10 * DAY, TODAY - DAY, CallStatus.CLOSED),
    ],
)
def test_status_follows_the_dates(opens_on, closes_on, status):
    assert CallForIrritantsPage(opens_on=opens_on, closes_on=closes_on).status == status


def test_a_call_cannot_close_before_it_opens():
    call = CallForIrritantsPage.objects.live().first()
    call.closes_on = call.opens_on - DAY

    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "closes_on" in error.value.message_dict


def test_open_calls_are_announced_on_the_territory_home(client):
    response = client.get("/", HTTP_HOST="pau.localhost")

    open_calls = response.context["open_calls"]
    assert [call.status for call in open_calls] == [CallStatus.OPEN]
    assert open_calls[0].title in response.content.decode().replace("&#x27;", "'")


def test_closing_a_call_removes_it_from_the_home_page(client):
    call = CallForIrritantsPage.objects.live().get(url_path__startswith="/pau/")
    call.closes_on = TODAY - DAY
    call.opens_on = TODAY - 30 * DAY
    call.save_revision().publish()

    response = client.get("/", HTTP_HOST="pau.localhost")

    assert response.context["open_calls"] == []
