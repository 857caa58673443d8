"""Builders for unit tests: a territory, its pages, its people and their irritants, made
through the same services and page API as the admin and the public form (builders.py).

A unit test builds what it asserts on instead of reading the demo's content, so a new page
type, section or field does not break it; the demo stays the fixture of the end-to-end,
isolation, browser and live tests."""

from .builders import (
    indicators,
    irritant_data,
    make_news,
    make_project,
    make_territory,
    make_user,
    open_call,
    publish_child,
    submit_irritant,
    user_in,
)

__all__ = [
    "indicators",
    "irritant_data",
    "make_news",
    "make_project",
    "make_territory",
    "make_user",
    "open_call",
    "publish_child",
    "submit_irritant",
    "user_in",
]
