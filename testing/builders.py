"""Each builder makes one thing the way the platform does (its service, or Wagtail's page API
as the admin calls it), with French defaults and unique names, and returns it.

Pages reach the search index when the transaction commits: a test that searches them builds
them inside ``django_capture_on_commit_callbacks(execute=True)``."""

import datetime
import itertools
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from irritants import services as irritant_services
from irritants.forms import IrritantForm
from irritants.models import CallForIrritantsPage, CallIndexPage
from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
)
from projects.services import free_slug
from territories.launch import launch
from territories.models import Territory, TerritorySettings
from territories.permissions import network_group_name
from territories.services import TerritorySpec, create_territory, section_of

_numbers = itertools.count(1)


def _unused(name, taken):
    """``name`` with the first number that ``taken(candidate)`` says is free."""
    while taken(candidate := name.format(next(_numbers))):
        pass
    return candidate


def make_territory(name=None, slug=None, hostname=None, launched=True, **fields):
    """A new territory opened by ``create_territory`` (its pages, site, groups, workflow),
    online as the operator launches it (``launched=False``: still in preparation)."""
    slug = slug or _unused("essai-{}", lambda slug: Page.objects.filter(slug=slug).exists())
    name = name or f"Territoire {slug}"
    hostname = hostname or f"{slug}.localhost"
    territory = create_territory(TerritorySpec(name=name, slug=slug, hostname=hostname, **fields))
    if launched:
        territory = launch(territory)
    return territory


def publish_child(parent, page):
    """Add ``page`` under ``parent`` and publish it, as the page editor does (its aliases in
    the other languages' trees included)."""
    page.slug = free_slug(parent, page.slug or slugify(page.title) or "page")
    parent.add_child(instance=page)
    page.save_revision().publish()
    create_aliases_for_new_page(page)
    page.refresh_from_db()
    return page


def make_project(
    territory, title="Dématérialiser la demande de carte de cantine", phase="", **fields
):
    """A published project page in the territory's projects index, in ``phase`` since 2020."""
    if phase:
        fields.setdefault(
            "phases", [ProjectPhase(phase=phase, start_date=datetime.date(2020, 1, 6))]
        )
    fields = {
        "pitch": "Les familles demandent leur carte de cantine en ligne.",
        "problem": "<p>Les familles remplissent trois fois le même formulaire papier.</p>",
        "solution": "<p>Un seul formulaire en ligne, prérempli.</p>",
        **fields,
    }
    slug = fields.pop("slug", "")
    page = ProjectPage(title=title, slug=slug, **fields)
    return publish_child(section_of(territory.home, ProjectIndexPage), page)


def indicators(*indicators):
    """A project's ``indicators`` field as the page editor saves it, one block per mapping."""
    defaults = {
        "name": "Rendez-vous manqués",
        "category": "impact",
        "unit": "%",
        "direction": "lower",
        "baseline": "20",
        "target": "5",
        "description": "",
        "highlighted": False,
        "measurements": [{"date": "2024-01-01", "value": "14"}],
    }
    return json.dumps([{"type": "indicator", "value": {**defaults, **i}} for i in indicators])


def make_news(territory, title="Le nouveau service est en ligne", projects=(), **fields):
    """A published news item in the territory's news index, linked to ``projects``."""
    links = [NewsPageProject(project=project) for project in projects]
    slug = fields.pop("slug", "")
    page = NewsPage(title=title, slug=slug, related_projects=links, **fields)
    return publish_child(section_of(territory.home, NewsIndexPage), page)


def open_call(territory, title="Appel à irritants d'essai", **fields):
    """A published call for irritants in the territory's calls index, open today."""
    today = timezone.localdate()
    fields = {
        "opens_on": today - datetime.timedelta(days=1),
        "closes_on": today + datetime.timedelta(days=30),
        "eligibility": "<p>Tous les agents de la collectivité.</p>",
        "next_steps": "<p>L'équipe répond à chaque agent sous un mois.</p>",
        **fields,
    }
    slug = fields.pop("slug", "")
    page = CallForIrritantsPage(title=title, slug=slug, **fields)
    return publish_child(section_of(territory.home, CallIndexPage), page)


def user_in(group, username=None, **fields):
    """A user (password "x") in ``group``, as the admin's user form makes them."""
    users = get_user_model().objects
    username = username or _unused(
        slugify(group.name)[:100] + "-{}", lambda name: users.filter(username=name).exists()
    )
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    user.groups.add(group)
    return user


def make_user(territory, role="editor", username=None, **fields):
    """An account of ``role``: "editor" (Rédaction), "publisher" (Publication) or
    "administrator" (Administration) of the territory, or "network" (Réseau, with
    ``territory`` None); with an email address."""
    groups = {
        "editor": lambda: territory.editors,
        "publisher": lambda: territory.publishers,
        "administrator": lambda: territory.administrators,
        "network": lambda: Group.objects.get(name=network_group_name()),
    }
    fields.setdefault("email", f"{role}-{next(_numbers)}@example.org")
    return user_in(groups[role](), username, **fields)


def irritant_data(**overrides):
    """What an agent types in a call's public form, valid unless ``overrides`` say otherwise."""
    return {
        "title": "Les familles attendent trois semaines leur carte de cantine",
        "problem": "Chaque année, des centaines de familles remplissent trois fois le même "
        "formulaire pour la cantine, le périscolaire et le transport.",
        "consequences": "Des enfants sans repas à la rentrée, des parents qui posent des congés.",
        "people_affected": "Environ 2 000 familles par an",
        "service": "Éducation, restauration scolaire",
        "solution_idea": "",
        "submitter_name": "Camille Martin",
        "submitter_email": "camille.martin@collectivite.example",
        "submitter_service": "Direction de l'éducation",
        "consent": "on",
        "website": "",
        **overrides,
    }


def submit_irritant(call, files=(), **fields):
    """An irritant submitted to ``call`` through the public form's service (acknowledgement
    and publishers' emails included); ValueError with the form's errors if it is refused.

    ``files``: the uploads attached (a list). The agent's address is at the territory's first
    agents' domain, if it lists any and ``submitter_email`` is not given.
    """
    territory = Territory.of_page(call)
    domains = TerritorySettings.for_site(territory.site).email_domains
    if domains and "submitter_email" not in fields:
        fields["submitter_email"] = f"camille.martin@{domains[0]}"
    form = IrritantForm(
        data=irritant_data(**fields),
        files=MultiValueDict({"attachments": list(files)}),
        retention_months=irritant_services.retention_months(territory),
        email_domains=domains,
    )
    if not form.is_valid():
        raise ValueError(form.errors.as_json())
    return irritant_services.submit_irritant(call, form)
