"""A large network for the benchmarks: territories opened with create_territory, then filled
with projects and news written straight into the page tree.

Wagtail's page-by-page API (a revision and a publication per page) would take hours for
ten thousand pages; the rows it would leave behind are written in bulk instead, live, with
no revision. The same seed gives the same network.
"""

import random
import sys
import time
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.generations import NETWORK, bump
from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    Theme,
)
from projects.phases import Phase
from territories.launch import launch
from territories.services import TerritorySpec, create_territory, section_of

WORDS = (
    "usagers agents accueil service public démarche dossier délai rendez-vous aide allocation "
    "autonomie jeunes seniors mobilité transport emploi formation insertion logement social "
    "numérique plateforme outil carte signalement téléphone formulaire guichet équipe "
    "collectivité département région commune territoire proximité simplifier réduire attente "
    "informer orienter accompagner mutualiser partager mesurer tester améliorer"
).split()


def sentence(rng, length):
    return " ".join(rng.choices(WORDS, k=length)).capitalize() + "."


def paragraphs(rng, count):
    return "".join(f"<p>{sentence(rng, rng.randint(12, 30))}</p>" for _ in range(count))


def progress(label, done, total):
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r{label:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def bulk_children(parent, model, count, fields_for, rng, write=sentence):
    """``count`` live pages of ``model`` under ``parent``, in a few bulk inserts; titles and
    introductions from ``write(rng, words)``, the model's other fields from ``fields_for``."""
    content_type = ContentType.objects.get_for_model(model)
    first = parent.numchild + 1
    bases = []
    for number in range(first, first + count):
        title = f"{write(rng, rng.randint(3, 7))[:-1]} {number}"
        slug = f"{model._meta.model_name}-{number}"
        bases.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, number),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=parent.first_published_at,
                last_published_at=parent.first_published_at,
            )
        )
    Page.objects.bulk_create(bases)
    pages = []
    for base in Page.objects.filter(path__in=[page.path for page in bases]).order_by("path"):
        page = model(
            page_ptr_id=base.pk, locale_id=base.locale_id, intro=write(rng, 25), **fields_for(rng)
        )
        # The page row exists: this model's own table only.
        page.save_base(raw=True, force_insert=True)
        pages.append(page)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return pages


class Command(BaseCommand):
    help = _("Generate a large network of territories, projects and news (benchmarks only).")

    def add_arguments(self, parser):
        parser.add_argument("--territories", type=int, default=50)
        parser.add_argument("--projects", type=int, default=200, help=_("Per territory."))
        parser.add_argument("--news", type=int, default=5, help=_("Per project."))
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, territories, projects, news, seed, port, **options):
        rng = random.Random(seed)
        phases = [value for value, _label in Phase.choices]
        themes = list(Theme.objects.vocabulary().order_by("pk"))
        today = date(2026, 1, 1)  # not date.today(): the same seed gives the same network
        timings = []
        existing = Page.objects.filter(depth=2).count()
        for number in range(territories):
            spec = TerritorySpec(
                name=f"Territoire généré {existing + number}",
                slug=f"genere-{existing + number}",
                hostname=f"genere-{existing + number}.localhost",
                port=port,
            )
            start = time.perf_counter()
            territory = create_territory(spec)
            timings.append(time.perf_counter() - start)
            with transaction.atomic():
                self.fill(territory.home, projects, news, rng, phases, themes, today)
                # Online, as the benchmarks measure public pages (the operator launches it).
                launch(territory)
            progress(_("Territories"), number + 1, territories)
        # Pages written in bulk send no signal: whatever was cached before is made obsolete.
        bump(NETWORK)
        if timings:
            median = sorted(timings)[len(timings) // 2] * 1000
            self.stdout.write(
                _("%(count)s territories opened (create_territory: median %(median).0f ms).")
                % {"count": territories, "median": median}
            )

    def fill(self, home, projects, news, rng, phases, themes, today):
        def project_fields(rng):
            return {
                "pitch": sentence(rng, 12)[:200],
                "problem": paragraphs(rng, 2),
                "solution": paragraphs(rng, 2),
                "current_phase": rng.choice(phases),
                "body": [{"type": "paragraph", "value": paragraphs(rng, 2), "id": "p1"}],
            }

        def news_fields(rng):
            return {
                "date": today - timedelta(days=rng.randint(0, 900)),
                "body": [{"type": "paragraph", "value": paragraphs(rng, 2), "id": "p1"}],
            }

        project_pages = bulk_children(
            section_of(home, ProjectIndexPage).specific, ProjectPage, projects, project_fields, rng
        )
        ProjectPhase.objects.bulk_create(
            # bulk_create skips the save() that gives a translatable row its page's locale.
            ProjectPhase(
                page=page,
                phase=page.current_phase,
                start_date=today,
                sort_order=0,
                locale_id=page.locale_id,
            )
            for page in project_pages
        )
        if themes:
            ProjectPage.themes.through.objects.bulk_create(
                ProjectPage.themes.through(projectpage=page, theme=rng.choice(themes))
                for page in project_pages
            )
        news_pages = bulk_children(
            section_of(home, NewsIndexPage).specific,
            NewsPage,
            news * len(project_pages),
            news_fields,
            rng,
        )
        NewsPageProject.objects.bulk_create(
            NewsPageProject(page=item, project=project_pages[index // news], sort_order=0)
            for index, item in enumerate(news_pages)
        )
