from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_default_language():
    """The vocabulary itself: the terms in the default language, which projects are filed
    under in every language (their rows in other languages only name them)."""
    return Q(locale__language_code=default_language())


class ActiveLanguage(models.Expression):
    """The language active when the query runs, not when it was built: a queryset made once
    (a form field's choices) still names its terms in each request's language."""

    output_field = models.CharField()

    def as_sql(self, compiler, connection):
        try:
            language = get_supported_content_language_variant(get_language() or "")
        except LookupError:
            language = default_language()
        return "%s", [language]


class TermQuerySet(models.QuerySet):
    def vocabulary(self):
        """The terms to offer and filter on, ordered by their name in the active language."""
        return self.filter(in_default_language()).order_by("localized_name", "pk")


class TermManager(models.Manager.from_queryset(TermQuerySet)):
    def get_queryset(self):
        # Every query of terms (``project.themes.all()``, prefetches, filters) carries the
        # name in the active language, in the same query. Built once per model and cloned:
        # a prefetch asks each page's manager for its queryset, and resolving the subquery
        # again for each of a hundred pages cost more than the whole page's queries.
        queryset = super().get_queryset()
        queryset.query = _localized_query(self.model, default_language()).chain()
        return queryset


@cache
def _localized_query(model, language):
    """The query of ``model``'s terms with ``localized_name``: the name translated through
    wagtail-localize, the default language's (``language``) name where there is none."""
    translations = models.QuerySet(model).filter(
        translation_key=OuterRef("translation_key"), locale__language_code=ActiveLanguage()
    )
    # A row that is itself a translation keeps its own name (its translator's screen).
    localized = models.QuerySet(model).annotate(
        localized_name=Case(
            When(
                locale__language_code=language,
                then=Coalesce(Subquery(translations.values("name")[:1]), F("name")),
            ),
            default=F("name"),
        )
    )
    return localized.query


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A word of the network's shared vocabulary, so that the hub can filter across territories.

    Projects are filed under the default language's terms, in every language; a term's rows
    in other languages are its translations (wagtail-localize: a translator's PO file), which
    pages in that language show.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The slug names the term in addresses and open data, the same in every language.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    objects = TermManager()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return getattr(self, "localized_name", None) or self.name


def _unique_per_locale(model_name):
    return [
        models.UniqueConstraint(fields=["name", "locale"], name=f"{model_name}_name_per_locale"),
        models.UniqueConstraint(fields=["slug", "locale"], name=f"{model_name}_slug_per_locale"),
    ]


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = _unique_per_locale("theme")


class UserType(Term):
    class Meta(Term.Meta):
        verbose_name = _("user type")
        verbose_name_plural = _("user types")
        constraints = _unique_per_locale("usertype")
