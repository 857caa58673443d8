import pytest

from projects.models import NewsIndexPage
from subscriptions import services
from territories.services import section_of
from testing import make_project, make_territory


@pytest.fixture
def territory():
    return make_territory()


@pytest.fixture
def other_territory():
    return make_territory()


@pytest.fixture
def news_index(territory):
    return section_of(territory.home, NewsIndexPage)


@pytest.fixture
def project(territory):
    return make_project(territory)


@pytest.fixture(autouse=True)
def _demo_news_already_sent(db):
    # The demo's news were published when the test database was built: taken (sent to
    # nobody) before each test, as the first scheduled run does after ``load_demo``.
    services.send_news()
