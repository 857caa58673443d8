"""« Déjà résolu ailleurs ? »: the network's published projects closest to an irritant's text.

What the agent typed (title, problem, consequences, service) is turned into its significant
words (French stop words dropped) and searched, any word matching, among the live, public
French project pages of every territory, ranked by the search backend's relevance: on
PostgreSQL its ``french_unaccent`` configuration stems each word ("composteurs" finds
"composteur"); SQLite's FTS5 only folds case and accents, so each word is searched with its
singular and plural forms as well. One search query, computed at request time (an agent's
text is personal data: nothing is cached), plus one for the territories' names.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from home.privacy import published
from projects.models import ProjectPage
from territories.models import TerritoryHomePage
from territories.queries import territory_of

from .panels import ReadOnlyPanel

# Letters and digits only: nothing a backend could read as an operator.
WORD_RE = re.compile(r"[^\W_]+")
# Past this many distinct words, a long text adds noise rather than recall.
MAX_WORDS = 40
MIN_LENGTH = 3

# Words of any French sentence, which say nothing of the problem (accents folded).
STOP_WORDS = frozenset(
    """
    afin ainsi alors apres assez aucun aucune aussi autre autres aux avant avec avez avoir
    avons beaucoup bien bon ca car cas ceci cela celle celles celui certaines certains ces
    cet cette ceux chaque chez chose choses comme comment cote dans deja depuis des dire dit
    donc dont elle elles encore ensuite entre est etait etc etre eux faire fait faits faut
    fois font gens hors ici ils jamais jour jours les leur leurs lors lorsque lui mais meme
    mes moi moins mon non nos notre nous ont oui par parce parfois pas pendant personne
    personnes peu peut plus plusieurs pour pourquoi puis qu quand que quel quelle quelles
    quels qui quoi rien sa sans selon sera seront ses son sont sous souvent sur surtout tant
    tellement tes ton toujours tous tout toute toutes tres trop truc trucs une vers via vos
    votre vous vraiment
    """.split()
)


def fold(word):
    """Lowercase, without accents: "Équipe" → "equipe"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def significant_words(text, limit=MAX_WORDS):
    """The distinct words of ``text`` that may say what the problem is, in their order."""
    words = []
    for word in WORD_RE.findall(fold(text or "")):
        if len(word) < MIN_LENGTH or word.isdigit() or word in STOP_WORDS or word in words:
            continue
        words.append(word)
        if len(words) == limit:
            break
    return words


def number_forms(word):
    """``word`` with its French singular and plural forms, for a backend that does not stem."""
    if word.endswith("aux"):
        other = word[:-3] + "al"
    elif word.endswith("al"):
        other = word[:-2] + "aux"
    elif word.endswith(("s", "x")):
        other = word[:-1]
    else:
        other = word + ("x" if word.endswith(("eau", "eu")) else "s")
    return sorted({word, other})


def query_for(text):
    """The backend query of an irritant's text: any of its significant words; None if none."""
    words = significant_words(text)
    if connection.vendor != "postgresql":
        words = [form for word in words for form in number_forms(word)]
    if not words:
        return None
    # An Or of single words: the backend takes it as it is (a string would be cut to the
    # public search box's ten words, all of them required).
    return Or([PlainText(word) for word in words])


@dataclass
class SimilarProject:
    page: ProjectPage
    territory: TerritoryHomePage | None

    @property
    def phase_label(self):
        return self.page.get_current_phase_display()


def candidates(exclude=()):
    """The pages searched: live, public, French projects of every territory. Search backends
    filter on indexed fields only: the rules go in as a subquery of ids."""
    language = settings.LANGUAGE_CODE
    public_projects = published(ProjectPage.objects.filter(locale__language_code=language))
    if exclude:
        public_projects = public_projects.exclude(pk__in=list(exclude))
    return ProjectPage.objects.filter(pk__in=public_projects.values("pk"))


def similar_projects(text, limit=5, exclude=()):
    """Up to ``limit`` SimilarProject, most relevant first, for an irritant's ``text``;
    ``exclude``: ids of projects not to offer (the irritant's own project)."""
    query = query_for(text)
    if query is None:
        return []
    found = list(get_search_backend().search(query, candidates(exclude))[:limit])
    if not found:
        return []
    territories = list(
        published(TerritoryHomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    )
    return [SimilarProject(page, territory_of(page, territories)) for page in found]


def irritant_text(irritant):
    """What the agent typed about the problem, as one text."""
    return " ".join([irritant.title, irritant.problem, irritant.consequences, irritant.service])


def similar_to(irritant, limit=5):
    """The projects similar to an irritant, its own project (if it became one) left out."""
    exclude = [irritant.project_id] if irritant.project_id else []
    return similar_projects(irritant_text(irritant), limit=limit, exclude=exclude)


class SimilarProjectsPanel(ReadOnlyPanel):
    """The reviewer's « Déjà résolu ailleurs ? »: each similar project with its territory and
    phase, and « Proposer la réutilisation » for the ones another territory offers."""

    def __init__(self, template="irritants/admin/similar_panel.html", **kwargs):
        super().__init__(template, **kwargs)

    class BoundPanel(ReadOnlyPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            irritant = self.instance
            own_home_id = irritant.territory.home_id
            context["similar"] = [
                {
                    "project": item.page,
                    "territory": item.territory,
                    "phase": item.phase_label,
                    "url": item.page.get_full_url(self.request),
                    # The reuse screen takes the projects offered to the network, into one's
                    # own territory: nothing to reuse from the irritant's own territory.
                    "reusable": item.page.shareable
                    and not (item.territory and item.territory.pk == own_home_id),
                }
                for item in similar_to(irritant)
            ]
            return context
