import pytest

from irritants.models import Irritant
from testing import make_territory, make_user, open_call


@pytest.fixture(autouse=True)
def _no_demo_irritants(db):
    # Each test starts from an empty table (the demo's irritants come back on rollback).
    Irritant.objects.all().delete()


@pytest.fixture
def territory():
    return make_territory()


@pytest.fixture
def call(territory):
    """The territory's call for irritants, open today."""
    return open_call(territory)


@pytest.fixture
def publisher(territory):
    """One of the territory's publishers, who review its irritants and are told of new ones."""
    return make_user(territory, "publisher")
