"""`make test` runs the tests of every app: pytest only looks in the folders that
pyproject.toml's testpaths names, so a new app's tests folder must be named there."""

import tomllib

from django.conf import settings


def test_every_tests_folder_is_collected():
    root = settings.BASE_DIR
    config = tomllib.loads((root / "pyproject.toml").read_text())
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    folders = {path.parent.parent.name for path in root.glob("*/tests/__init__.py")}
    assert folders - testpaths == set()
