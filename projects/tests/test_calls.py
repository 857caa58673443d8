"""A call's status is derived from its dates; a call cannot close before it opens."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from irritants.models import CallForIrritantsPage, CallStatus
from testing import make_territory, open_call

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
    call = open_call(make_territory())
    call.closes_on = call.opens_on - DAY

    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "closes_on" in error.value.message_dict


def test_open_calls_are_announced_on_the_territory_home(client):
    territory = make_territory()
    call = open_call(territory, "Appel à irritants du printemps")
    open_call(territory, "Appel à venir", opens_on=TODAY + DAY, closes_on=TODAY + 10 * DAY)
    open_call(territory, "Appel clos", opens_on=TODAY - 10 * DAY, closes_on=TODAY - DAY)

    response = client.get("/", HTTP_HOST=territory.site.hostname)

    assert response.context["open_calls"] == [call]
    assert call.title in response.content.decode()


def test_closing_a_call_removes_it_from_the_home_page(client):
    territory = make_territory()
    call = open_call(territory)
    call.closes_on = TODAY - DAY
    call.opens_on = TODAY - 30 * DAY
    call.save_revision().publish()

    response = client.get("/", HTTP_HOST=territory.site.hostname)

    assert response.context["open_calls"] == []
