"""What the apps above a page type add to its public page.

A territory's home page shows its open calls, projects and news; a project page names the
irritant it came from. The page types live in lower layers than what they show, so the app
that owns the content declares the section with Wagtail's ``register_page_section`` hook
(returning a ``PageSection``) and the page's template places each slot's sections in order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.template.loader import render_to_string
from wagtail import hooks


@dataclass(frozen=True)
class PageSection:
    page_type: type  # shown on these pages and on their subclasses'
    slot: str  # where the page's template places it
    template: str
    context: Callable  # context(page, request) -> dict, or None to leave the section out
    order: int = 0


@cache
def page_sections():
    # Declared once, when the apps' wagtail_hooks modules load: not rebuilt on every page.
    return sorted(
        (register() for register in hooks.get_hooks("register_page_section")),
        key=lambda section: section.order,
    )


def sections_of(page, request):
    """``{slot: [rendered HTML, …]}`` for ``page``: what its template shows of each slot."""
    slots = {}
    for section in page_sections():
        if not isinstance(page, section.page_type):
            continue
        context = section.context(page, request)
        if context is None:
            continue
        html = render_to_string(section.template, {"page": page, **context}, request=request)
        slots.setdefault(section.slot, []).append(html)
    return slots
