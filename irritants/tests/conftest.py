import pytest

from irritants.models import Irritant


@pytest.fixture(autouse=True)
def _no_demo_irritants(db):
    # Each test starts from an empty table (the demo's irritants come back on rollback).
    Irritant.objects.all().delete()
