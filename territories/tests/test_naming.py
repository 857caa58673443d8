"""A territory's name inside a French sentence: its article, and « de » contracted."""

import pytest
from django.utils import translation

from territories.naming import of_name, with_article

NAMES = [
    # name, after « par », after « de »
    (
        "Département du Pas-de-Calais",
        "le Département du Pas-de-Calais",
        "du Département du Pas-de-Calais",
    ),
    (
        "Communauté d'agglomération Pau Béarn Pyrénées",
        "la Communauté d'agglomération Pau Béarn Pyrénées",
        "de la Communauté d'agglomération Pau Béarn Pyrénées",
    ),
    ("Région Grand Est", "la Région Grand Est", "de la Région Grand Est"),
    (
        "Eurométropole de Strasbourg",
        "l’Eurométropole de Strasbourg",
        "de l’Eurométropole de Strasbourg",
    ),
    (
        "Conseil départemental du Var",
        "le Conseil départemental du Var",
        "du Conseil départemental du Var",
    ),
    # A place's own name takes no article; « de » elides before a vowel.
    ("Pau", "Pau", "de Pau"),
    ("Angers", "Angers", "d’Angers"),
    # A name that starts with its article: « le » contracts, « la » does not.
    ("Le Mans", "Le Mans", "du Mans"),
    ("La Réunion", "La Réunion", "de La Réunion"),
    ("Les Sables-d'Olonne", "Les Sables-d'Olonne", "des Sables-d'Olonne"),
]


@pytest.mark.parametrize("name, subject, after_de", NAMES)
def test_french_sentences_get_the_article_and_the_contraction(name, subject, after_de):
    assert with_article(name, "fr") == subject
    assert of_name(name, "fr") == after_de
    with translation.override("fr"):  # the active language when none is given
        assert (with_article(name), of_name(name)) == (subject, after_de)


def test_other_languages_keep_the_name_as_it_is():
    with translation.override("en"):
        assert with_article("Région Grand Est") == "Région Grand Est"
        assert of_name("Département du Var") == "Département du Var"
