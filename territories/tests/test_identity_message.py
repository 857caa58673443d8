"""Saving the site identity says so in words that agree (territories/admin_identity.py)."""

import pytest
from django.utils.translation import gettext as _

from territories.models import TerritorySettings
from testing import make_user
from testing.forms import identity_form_data

pytestmark = pytest.mark.django_db


def test_saving_the_identity_confirms_it_in_its_own_sentence(client, pau):
    client.force_login(make_user(pau, "publisher"))
    url = f"/admin/settings/territories/territorysettings/{pau.site_id}/"

    response = client.post(
        url, identity_form_data(client, url, display_name="Pau Lab"), follow=True
    )

    assert response.redirect_chain == [(url, 302)]
    assert TerritorySettings.for_site(pau.site).display_name == "Pau Lab"
    sent = [str(message).strip() for message in response.context["messages"]]
    # Not Wagtail's « %(setting_type)s updated. » (« Identité du site mis à jour. » in French).
    assert sent == [_("Site identity updated.")]
    assert not any("mis à jour" in message for message in sent)
