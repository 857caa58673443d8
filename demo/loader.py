"""Builds the demo network from ``content.py``: the hub and the four territories.

Loading is idempotent: what exists (found by host name or by slug under its parent) is
left as it is, so a second run creates nothing and an editor's changes survive.
"""

import json
from datetime import timedelta
from html import unescape

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from home.models import AccessibilityPage, ContentPage
from hub.models import NetworkHomePage
from irritants.models import CallForIrritantsPage, CallIndexPage
from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectDecision,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    ProjectTeamMember,
    ResultsPage,
    Theme,
    UserType,
)
from territories.launch import launch
from territories.models import (
    Territory,
    TerritoryHomePage,
    TerritorySettings,
    TerritorySettingsTranslation,
)
from territories.services import TerritorySpec, content_locales, create_territory, section_of

from . import card_images, content, content_en, images
from .banners import ensure_banners

HUB_HOSTNAME = "localhost"
SECTION_CLASSES = {
    "calls": CallIndexPage,
    "projects": ProjectIndexPage,
    "news": NewsIndexPage,
    "results": ResultsPage,
    "about": ContentPage,
}


def string_pairs(french, english):
    """(French, English) for each string of ``english``, found at the same place in ``french``."""
    if isinstance(english, str):
        yield french, english
    elif isinstance(english, dict):
        for key, value in english.items():
            yield from string_pairs(french[key], value)
    else:
        for french_item, english_item in zip(french, english, strict=True):
            yield from string_pairs(french_item, english_item)


class DemoLoader:
    def __init__(self, port=8000, log=None):
        self.port = port
        self.log = log or (lambda message: None)
        self.today = timezone.localdate()

    @transaction.atomic
    def load(self):
        themes = self.ensure_terms(Theme, content.THEMES)
        user_types = self.ensure_terms(UserType, content.USER_TYPES)
        hub = self.ensure_hub()
        # After the hub, which replaced Wagtail's welcome page: the synchronisation set up
        # here aliases the pages that exist (the hub) into the other languages' trees.
        content_locales()
        for term in [*themes.values(), *user_types.values()]:
            self.translate_term(term)
        method = content.NETWORK["method_page"]
        method_page = self.ensure_page(
            hub, ContentPage, method["slug"], title=method["title"], show_in_menus=True
        )
        # The hub has no sections of its own: its "read more" links lead to the method.
        self.fill_section(method_page, method, {"about": method_page})
        self.fill_section(hub, content.NETWORK, {"about": method_page})
        self.translate_hub(hub)
        self.ensure_accessibility_statement(hub)
        for territory in content.TERRITORIES:
            self.ensure_territory(territory, themes, user_types)
        ensure_banners(self.log)

    # Building blocks -------------------------------------------------------------------

    def ensure_terms(self, model, terms):
        by_slug = {}
        for slug, name in terms:
            term, _ = model.objects.get_or_create(
                slug=slug, locale=Locale.get_default(), defaults={"name": name}
            )
            by_slug[slug] = term
        return by_slug

    def ensure_page(self, parent, page_class, slug, children=(), **fields):
        """The child of ``parent`` with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = page_class(slug=slug, **fields)
        for relation, items in children:
            setattr(page, relation, items)
        parent.add_child(instance=page)
        page.save_revision().publish()
        create_aliases_for_new_page(page)
        self.log(f"  + {page.get_verbose_name()} « {page.title} »")
        return page

    def stream(self, body, sections=None):
        """Convert the content's (block type, value) pairs to a StreamField's raw JSON."""
        blocks = []
        for block_type, value in body:
            if block_type == "heading":
                blocks.append({"type": "heading", "value": {"text": value, "level": "h2"}})
            elif block_type == "paragraph":
                blocks.append({"type": "paragraph", "value": f"<p>{escape(value)}</p>"})
            elif block_type == "image":
                picture = images.saved_image(
                    value["title"], images.steps_diagram(value["steps"], "#1f4e79")
                )
                blocks.append(
                    {
                        "type": "image",
                        "value": {
                            "image": picture.pk,
                            "alt_text": value["alt_text"],
                            "decorative": False,
                        },
                    }
                )
            elif block_type in ("quote", "key_figure"):
                blocks.append({"type": block_type, "value": value})
            elif block_type == "faq":
                items = [
                    {"question": item["question"], "answer": f"<p>{escape(item['answer'])}</p>"}
                    for item in value["items"]
                ]
                blocks.append(
                    {"type": "accordion", "value": {"title": value["title"], "items": items}}
                )
            elif block_type == "call_to_action":
                target = (sections or {}).get(value["link"])
                if target is None:
                    continue
                blocks.append(
                    {
                        "type": "call_to_action",
                        "value": {
                            "text": value["text"],
                            "description": value.get("description", ""),
                            "page": target.pk,
                            "url": "",
                        },
                    }
                )
            else:
                raise ValueError(f"Unknown demo block type: {block_type}")
        return json.dumps(blocks)

    # The hub ---------------------------------------------------------------------------

    def ensure_hub(self):
        network = content.NETWORK
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        hub = NetworkHomePage.objects.filter(locale=Locale.get_default()).first()
        if hub is None:
            root = Page.get_first_root_node()
            hub = NetworkHomePage(
                title=network["title"], slug="reseau", locale=Locale.get_default()
            )
            root.add_child(instance=hub)
            hub.save_revision().publish()
            self.log(f"  + {hub.get_verbose_name()} « {hub.title} »")
        if site is None:
            site = Site(is_default_site=True)
        if site.root_page_id != hub.pk:
            previous_root = site.root_page if site.pk else None
            site.hostname, site.port, site.root_page = HUB_HOSTNAME, self.port, hub
            site.site_name = network["title"]
            site.save()
            self.remove_wagtail_welcome_page(previous_root)
        TerritorySettings.for_site(site)
        return hub

    def ensure_accessibility_statement(self, home):
        """The site's statement (opened blank by create_territory), with the demo's facts."""
        facts = content.ACCESSIBILITY
        statement = self.ensure_page(
            home, AccessibilityPage, "accessibilite", title=facts["title"], show_in_menus=False
        )
        if statement.audit_date is None:
            for name, value in facts.items():
                setattr(statement, name, value)
            statement.audit_date = statement.statement_date = self.today
            statement.full_clean()
            statement.save_revision().publish()
        return statement

    def remove_wagtail_welcome_page(self, page):
        """Wagtail's install creates a bare "Welcome" page as the default site's root."""
        if page is not None and page.specific_class is Page and page.numchild == 0:
            page.delete()

    # Territories ------------------------------------------------------------------------

    def ensure_territory(self, data, themes, user_types):
        site = Site.objects.filter(hostname=data["hostname"]).first()
        if site is None:
            self.log(f"{data['name']} ({data['hostname']}:{self.port})")
            home = create_territory(
                TerritorySpec(
                    name=data["name"],
                    slug=data["slug"],
                    hostname=data["hostname"],
                    kind=data["kind"],
                    port=self.port,
                    intro=data["intro"],
                )
            ).home
            home.key_figures = json.dumps(
                [{"type": "key_figure", "value": figure} for figure in data["key_figures"]]
            )
            home.save_revision().publish()
            settings = TerritorySettings.for_site(home.get_site())
            settings.display_name = data["display_name"]
            settings.contact_email = data["contact_email"]
            settings.agent_email_domains = data["agent_email_domains"]
            settings.footer_text = data["footer_text"]
            settings.social_links = json.dumps(
                [{"type": "link", "value": link} for link in data["social_links"]]
            )
            branding = content.BRANDING[data["slug"]]
            settings.primary_color = branding["primary_color"]
            settings.logo = images.saved_image(
                f"Logo — {data['name']}",
                images.logo(branding["initials"], branding["primary_color"]),
                collection=home.territory_space.collection,
            )
            settings.footer_links = json.dumps(
                [
                    {
                        "type": "link",
                        "value": {
                            "label": content.FOOTER_LINK_LABELS[key],
                            "page": section_of(home, SECTION_CLASSES[key]).pk,
                            "url": "",
                        },
                    }
                    for key in branding["footer_links"]
                ]
            )
            settings.full_clean()
            settings.save()
        else:
            home = TerritoryHomePage.objects.get(pk=site.root_page_id)

        self.ensure_accessibility_statement(home)
        sections = {key: section_of(home, cls) for key, cls in SECTION_CLASSES.items()}
        color = content.BRANDING[data["slug"]]["primary_color"]
        collection = home.territory_space.collection
        self.card_image = lambda kind, slug: card_images.card_image(kind, slug, color, collection)
        self.fill_section(sections["about"], data["about"], sections)
        self.fill_section(sections["results"], data["results"], sections)
        projects = {
            project["slug"]: self.ensure_project(
                sections["projects"], project, themes, user_types, sections
            )
            for project in data["projects"]
        }
        for call in data["calls"]:
            self.ensure_call(sections["calls"], call)
        for item in data["news"]:
            self.ensure_news(sections["news"], item, projects, sections)
        self.translate_territory(data, home, sections["about"], projects)
        # Its content is in place: the demo territory opens to the public, through the same
        # service as « Mettre en ligne » (as the operator: no account asks).
        territory = Territory.objects.get(home=home)
        if not territory.is_launched:
            launch(territory)

    # English translations ----------------------------------------------------------------

    def english_locale(self):
        if "en" not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            return None
        return Locale.objects.get(language_code="en")

    def translate_hub(self, hub):
        """The hub's home page and its banner's alternative text in English: the English
        home is the network's front door, not an alias of the French one."""
        locale = self.english_locale()
        if locale is None:
            return
        english = content_en.NETWORK
        TerritorySettingsTranslation.objects.get_or_create(
            identity=TerritorySettings.for_site(hub.get_site()),
            language="en",
            defaults=english["identity"],
        )
        french = {"title": hub.title, "slug": hub.slug, **content.NETWORK}
        self.translate_page(hub, locale, dict(string_pairs(french, english["home"])))

    def translate_territory(self, data, home, about, projects):
        """The identity in English; the home page, the about page and one project through
        wagtail-localize."""
        english = content_en.TERRITORIES.get(data["slug"])
        locale = self.english_locale()
        if english is None or locale is None:
            return
        TerritorySettingsTranslation.objects.get_or_create(
            identity=TerritorySettings.for_site(home.get_site()),
            language="en",
            defaults={
                **english["identity"],
                "link_labels": "\n".join(
                    f"{content.FOOTER_LINK_LABELS[key]} = {content_en.FOOTER_LINK_LABELS[key]}"
                    for key in content.BRANDING[data["slug"]]["footer_links"]
                ),
            },
        )
        home_text = {key: data[key] for key in ("intro", "key_figures")}
        project = next(p for p in data["projects"] if p["slug"] == english["project"]["slug"])
        # The impact indicators' names, units and descriptions are translated with the page.
        impact = content.PROJECT_IMPACT.get(project["slug"], {})
        # Its phase notes, decision reasons and team roles too.
        project = {
            **project,
            "impact": impact.get("indicators", []),
            "decisions": impact.get("decisions", []),
        }
        for page, french, translated in (
            (home, {"title": data["name"], "slug": data["slug"], **home_text}, english["home"]),
            (about, {"title": about.title, "slug": about.slug, **data["about"]}, english["about"]),
            (projects[project["slug"]], project, english["project"]["english"]),
        ):
            self.translate_page(page, locale, dict(string_pairs(french, translated)))

    def translate_term(self, term):
        """A theme or user type in every other language, through a translator's PO file as
        the pages; left alone once it exists."""
        for locale in Locale.objects.exclude(pk=term.locale_id).filter(language_code="en"):
            if type(term).objects.filter(translation_key=term.translation_key, locale=locale):
                continue
            source, _created = TranslationSource.update_or_create_from_instance(term)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            po = translation.export_po()
            for entry in po:
                entry.msgstr = content_en.TERM_NAMES[unescape(entry.msgid)]
            translation.import_po(po, tool_name="demo")
            translation.save_target()

    def translate_page(self, page, locale, english_for):
        """Translate ``page`` as an outside translator would, with a PO file, then publish.

        Left alone once its strings are translated, so that a second run keeps what the
        editors changed since.
        """
        if StringTranslation.objects.filter(
            context__object_id=page.translation_key, locale=locale
        ).exists():
            return
        # The source is refreshed: the home page got its key figures after create_territory.
        source, _created = TranslationSource.update_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = translation.export_po()
        missing = [entry.msgid for entry in po if unescape(entry.msgid) not in english_for]
        if missing:
            raise ValueError(f"No English in content_en.py for {page.url_path}: {missing}")
        for entry in po:
            entry.msgstr = english_for[unescape(entry.msgid)]
        translation.import_po(po, tool_name="demo")
        # Published here rather than by wagtail-localize, which would wait for the commit.
        translation.save_target(publish=False)
        page.get_translation(locale).latest_revision.publish()
        self.log(f"  + English « {english_for[page.title]} »")

    def fill_section(self, page, data, sections):
        """Write the demo text into a page that was created empty (and only then)."""
        if page.intro or page.body:
            return
        page.intro = data["intro"]
        page.body = self.stream(data["body"], sections)
        page.save_revision().publish()

    def ensure_project(self, index, data, themes, user_types, sections):
        phases = [
            ProjectPhase(
                phase=phase["phase"],
                start_date=phase["start"],
                end_date=phase["end"],
                comment=phase["comment"],
            )
            for phase in data["phases"]
        ]
        team = [ProjectTeamMember(**member) for member in data["team"]]
        impact = content.PROJECT_IMPACT.get(data["slug"], {})
        decisions = [ProjectDecision(**decision) for decision in impact.get("decisions", [])]
        links = data["links"]
        return self.ensure_page(
            index,
            ProjectPage,
            data["slug"],
            children=[
                ("phases", phases),
                ("team_members", team),
                ("decisions", decisions),
                ("themes", [themes[slug] for slug in data["themes"]]),
                ("user_types", [user_types[slug] for slug in data["user_types"]]),
            ],
            title=data["title"],
            pitch=data["pitch"],
            problem=f"<p>{escape(data['problem'])}</p>",
            solution=f"<p>{escape(data['solution'])}</p>",
            sponsor_service=data["sponsor_service"],
            budget=data["budget"],
            service_url=links["service"],
            source_code_url=links["source_code"],
            statistics_url=links["statistics"],
            body=self.stream(data.get("body", []), sections),
            indicators=self.indicators(impact.get("indicators", [])),
            shareable=impact.get("shareable", False),
            card_image=self.card_image("project", data["slug"]),
        )

    def indicators(self, indicators):
        """The content's indicators as the raw JSON of the project's indicators field."""

        def number(value):
            return None if value is None else str(value)

        return json.dumps(
            [
                {
                    "type": "indicator",
                    "value": {
                        **{key: value for key, value in indicator.items() if key != "measurements"},
                        "baseline": number(indicator["baseline"]),
                        "target": number(indicator["target"]),
                        "measurements": [
                            {"date": day.isoformat(), "value": str(value)}
                            for day, value in indicator["measurements"]
                        ],
                    },
                }
                for indicator in indicators
            ]
        )

    def ensure_call(self, index, data):
        if "opens_in_days" in data:
            opens_on = self.today + timedelta(days=data["opens_in_days"])
            closes_on = self.today + timedelta(days=data["closes_in_days"])
        else:
            opens_on, closes_on = data["opens"], data["closes"]
        return self.ensure_page(
            index,
            CallForIrritantsPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            eligibility=f"<p>{escape(data['eligibility'])}</p>",
            next_steps=f"<p>{escape(data['next_steps'])}</p>",
            opens_on=opens_on,
            closes_on=closes_on,
            card_image=self.card_image("call", data["slug"]),
        )

    def ensure_news(self, index, data, projects, sections):
        links = [NewsPageProject(project=projects[slug]) for slug in data["projects"]]
        return self.ensure_page(
            index,
            NewsPage,
            data["slug"],
            children=[("related_projects", links)],
            title=data["title"],
            date=data["date"],
            intro=data["summary"],
            body=self.stream(data["body"], sections),
            card_image=self.card_image("news", data["slug"]),
        )
