"""A territory's name inside a French sentence: « conçu par le Département du Var »,
« le travail de la Communauté d'agglomération Pau Béarn Pyrénées ».

An official name starts with the kind of local government, whose gender decides the article
(« le Département », « la Région », « l'Eurométropole »), and « de » + « le » contracts to
« du ». In any other language the name is left as it is: English says « by Département du
Var ». Templates use the filters of ``territories/templatetags/territory_names.py``.
"""

import re

from django.utils.translation import get_language

# The first word of an official name, by gender (lowercase, without its accents' variants).
MASCULINE = {
    "conseil",
    "département",
    "district",
    "établissement",
    "groupement",
    "pays",
    "pôle",
    "syndicat",
    "territoire",
}
FEMININE = {
    "agglomération",
    "collectivité",
    "commune",
    "communauté",
    "eurométropole",
    "mairie",
    "métropole",
    "préfecture",
    "région",
    "ville",
}
# Names that already start with an article: « Le Mans », « La Réunion », « Les Sables ».
LEADING_ARTICLE = re.compile(r"^(?:(les|le|la)\s+|(l)['’])", re.IGNORECASE)
VOWEL_START = re.compile(r"^[aeiouyàâäéèêëîïôöùûüh]", re.IGNORECASE)


def _is_french(language):
    return (language or get_language() or "").split("-")[0] == "fr"


def _elided(name):
    """Whether « le »/« la »/« de » elide before ``name`` (« l'Eurométropole », « d'Angers »);
    an aspirated h is rare in official names and left aside."""
    return bool(VOWEL_START.match(name))


def _first_word(name):
    return re.split(r"[\s'’-]", name.strip(), maxsplit=1)[0].lower()


def with_article(name, language=None):
    """``name`` as the subject or object of a French sentence: « le Département du Var »,
    « la Région Grand Est », « l'Eurométropole de Strasbourg », « Pau » (a place's own name
    takes no article). Unchanged in any other language."""
    name = str(name).strip()
    if not _is_french(language) or LEADING_ARTICLE.match(name):
        return name
    word = _first_word(name)
    if word in MASCULINE or word in FEMININE:
        if _elided(name):
            return f"l’{name}"
        return f"{'le' if word in MASCULINE else 'la'} {name}"
    return name


def of_name(name, language=None):
    """``name`` after « de » in a French sentence: « du Département du Pas-de-Calais », « de
    la Région Grand Est », « de l'Eurométropole », « d'Angers », « du Mans ». Unchanged in any
    other language (the sentence says « of »)."""
    name = str(name).strip()
    if not _is_french(language):
        return name
    article = LEADING_ARTICLE.match(name)
    if article:
        word = (article.group(1) or article.group(2)).lower()
        rest = name[article.end() :]
        if word == "le":
            return f"du {rest}"
        if word == "les":
            return f"des {rest}"
        return f"de {name}"  # « de La Réunion », « de L'Haÿ-les-Roses »
    named = with_article(name, language)
    if named.startswith("le "):
        return "du " + named.removeprefix("le ")
    if named != name:
        return f"de {named}"  # « de la Région », « de l'Eurométropole »
    return f"d’{name}" if _elided(name) else f"de {name}"
