"""« Déjà résolu ailleurs ? »: the projects of the network closest to what an agent typed.

The measurement: irritants written the way agents write them (first person, informal, their
own words, never the projects' sentences), each with the demo project that solves it. The
share found in the top five is printed (``pytest -s``), recorded as the test's property
``similar_share`` and must reach 80 % on SQLite and on PostgreSQL.
"""

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from irritants.models import Irritant
from irritants.similar import number_forms, significant_words, similar_projects
from irritants.views import CONFIRMATION_SALT
from projects.models import ProjectPage
from testing import make_project, make_territory, make_user, submit_irritant

from .helpers import address

pytestmark = pytest.mark.django_db

# (title, problem, consequences, service) → the slug of the demo project that solves it.
IRRITANTS = [
    (
        (
            "Les dossiers d'aide pour nos anciens, un vrai parcours du combattant",
            "Je reçois tous les jours des enfants de personnes âgées qui veulent une aide à "
            "domicile pour leur père ou leur mère. Ils ne savent pas quels papiers envoyer et "
            "m'appellent sans arrêt pour savoir si la demande avance.",
            "Des personnes âgées attendent des mois avant d'avoir quelqu'un chez elles, "
            "certaines finissent en maison de retraite faute de mieux.",
            "Pôle personnes âgées",
        ),
        "apa-a-domicile",
    ),
    (
        (
            "Impossible de suivre une demande d'APA",
            "Quand une famille dépose un dossier pour l'allocation autonomie, on ne peut pas lui "
            "dire où il en est. Moi-même je dois fouiller dans trois logiciels.",
            "Les aidants s'épuisent à relancer, ils ont l'impression qu'on les balade.",
            "Autonomie",
        ),
        "apa-a-domicile",
    ),
    (
        (
            "Les parents d'un enfant placé nous appellent dix fois par jour",
            "Je suis secrétaire au foyer de l'enfance. Quand un gamin est placé chez nous, les "
            "parents, l'école et l'assistante sociale veulent savoir où il dort et quand sont "
            "les visites. On n'a pas d'outil pour partager ça.",
            "On passe nos journées au téléphone et les familles sont angoissées.",
            "Centre départemental de l'enfance",
        ),
        "cde-informer-les-familles",
    ),
    (
        (
            "Les éducateurs manquent d'infos sur les enfants accueillis",
            "Quand je récupère le suivi d'un jeune accueilli au CDE, je ne sais pas qui est son "
            "référent ni ses prochains rendez-vous. L'info circule mal entre les équipes.",
            "Les réponses aux familles arrivent trop tard.",
            "Protection de l'enfance",
        ),
        "cde-informer-les-familles",
    ),
    (
        (
            "Beaucoup trop long pour toucher le RSA",
            "Les gens qui demandent le RSA attendent souvent deux mois avant le premier "
            "paiement, parce qu'il manque toujours un papier. Je passe mon temps à envoyer des "
            "courriers pour réclamer des justificatifs.",
            "Des familles sans un sou pendant des semaines.",
            "Insertion",
        ),
        "rsa-en-ligne",
    ),
    (
        (
            "Dossiers de revenu de solidarité jamais complets",
            "La moitié des demandes arrivent incomplètes, on les renvoie, elles reviennent, "
            "toujours incomplètes. Ça bloque l'ouverture des droits.",
            "Les bénéficiaires restent sans ressources et viennent au guichet en colère.",
            "Service RSA",
        ),
        "rsa-en-ligne",
    ),
    (
        (
            "Le standard de l'unité sociale sature",
            "À l'accueil de l'UTS on reçoit trop d'appels, les gens tombent sur la messagerie ou "
            "sont transférés au mauvais bureau. Certains rappellent cinq fois dans la journée.",
            "Des personnes en grande difficulté n'obtiennent jamais de réponse.",
            "Unité territoriale sociale",
        ),
        "accueil-telephonique-uts",
    ),
    (
        (
            "Personne ne décroche au téléphone de l'action sociale",
            "Je suis agent d'accueil et je vois bien que les appels sont mal aiguillés : on "
            "transfère, ça sonne dans le vide, l'usager raccroche.",
            "Les publics vulnérables se découragent et ne rappellent plus.",
            "Accueil social",
        ),
        "accueil-telephonique-uts",
    ),
    (
        (
            "Nos seniors restent seuls chez eux",
            "Beaucoup de retraités du quartier vivent seuls et ne savent même pas qu'il y a des "
            "ateliers, des sorties ou un club à deux rues de chez eux.",
            "Ils s'isolent petit à petit et on s'en rend compte trop tard.",
            "CCAS",
        ),
        "gazette-de-pau",
    ),
    (
        (
            "Les personnes âgées isolées ratent toutes les animations",
            "On organise des activités pour les plus de 60 ans mais l'information ne leur arrive "
            "pas : pas d'internet, pas de journal de quartier.",
            "Les salles sont à moitié vides et l'isolement progresse.",
            "Cohésion sociale",
        ),
        "gazette-de-pau",
    ),
    (
        (
            "Personne ne vient aux réunions de quartier",
            "On organise des réunions publiques sur les projets de la ville et ce sont toujours "
            "les mêmes dix habitants. Les autres découvrent les décisions après coup.",
            "Les habitants ont le sentiment qu'on décide sans eux.",
            "Démocratie participative",
        ),
        "acces-au-debat-public",
    ),
    (
        (
            "Les citoyens ne savent pas quand on débat des sujets qui les concernent",
            "Le calendrier des conseils et des concertations est introuvable. Moi-même, agent de "
            "la mairie, je n'arrive pas à savoir quand un sujet passe en débat.",
            "Peu de participation, des décisions mal comprises.",
            "Vie citoyenne",
        ),
        "acces-au-debat-public",
    ),
    (
        (
            "Les jeunes ne savent pas quelles activités sportives existent",
            "Au point information jeunesse, les 18-25 ans me demandent où faire du sport ou voir "
            "un concert pas cher. Les infos sont éparpillées sur plein de sites et d'affiches.",
            "Ils passent à côté de ce que la ville leur propose.",
            "Jeunesse",
        ),
        "meli-melo",
    ),
    (
        (
            "Offre culturelle invisible pour les étudiants",
            "Les étudiants ne connaissent ni les spectacles ni les équipements culturels de la "
            "ville, alors que beaucoup sont gratuits pour eux.",
            "Des salles à moitié vides et des jeunes qui s'ennuient.",
            "Culture",
        ),
        "meli-melo",
    ),
    (
        (
            "Pas de compost dans les résidences",
            "J'habite en appartement et, comme mes voisins, je jette mes épluchures avec les "
            "ordures ménagères, faute de bac pour composter.",
            "Des tonnes de restes alimentaires brûlés pour rien.",
            "Propreté",
        ),
        "poubelles-battle",
    ),
    (
        (
            "Trop de déchets alimentaires dans les poubelles des immeubles",
            "Les bacs des logements collectifs débordent de restes de repas. Les locataires "
            "n'ont pas de jardin pour les valoriser.",
            "Les collectes coûtent cher et ça sent mauvais.",
            "Gestion des déchets",
        ),
        "poubelles-battle",
    ),
    (
        (
            "Les stagiaires formés ne trouvent pas de boulot",
            "On finance des formations pour les demandeurs d'emploi, et à la sortie ils ne "
            "trouvent pas de travail alors que les entreprises du coin cherchent ces profils.",
            "Argent public gaspillé et chômeurs découragés.",
            "Formation professionnelle",
        ),
        "trait-d-union",
    ),
    (
        (
            "Les entreprises n'arrivent pas à recruter les gens qu'on vient de former",
            "Je suis en lien avec des employeurs qui cherchent des soudeurs et des aides-"
            "soignants. Au même moment nos stagiaires sortent de formation sans piste.",
            "Des postes vacants et des personnes sans emploi dans le même bassin.",
            "Emploi",
        ),
        "trait-d-union",
    ),
    (
        (
            "Les usagers ne viennent pas à leur rendez-vous",
            "Dans mon service social, plein de gens ne viennent pas au rendez-vous sans "
            "prévenir. Le créneau est perdu alors que d'autres attendent depuis des semaines.",
            "Les délais s'allongent pour tout le monde.",
            "Maison départementale des solidarités",
        ),
        "lapins",
    ),
    (
        (
            "Trop de rendez-vous oubliés",
            "Les assistantes sociales se retrouvent seules dans leur bureau : les personnes "
            "oublient leur rendez-vous. Il faudrait les prévenir la veille par texto.",
            "Du temps de travailleurs sociaux perdu chaque jour.",
            "Action sociale",
        ),
        "lapins",
    ),
    (
        (
            "On achète du matériel qui existe déjà ailleurs",
            "Mon service a acheté une remorque alors que le service des routes en avait une qui "
            "dort au garage. On ne sait jamais quel service a quel équipement.",
            "Des achats en double et de l'argent jeté par les fenêtres.",
            "Moyens généraux",
        ),
        "partage-de-materiel",
    ),
    (
        (
            "Pouvoir emprunter des outils à un autre service",
            "J'ai besoin d'un vidéoprojecteur deux fois par an. Un collègue d'une autre direction "
            "en a un dans un placard, mais je ne l'ai su qu'après l'avoir commandé.",
            "Gaspillage et placards pleins d'équipements inutilisés.",
            "Logistique",
        ),
        "partage-de-materiel",
    ),
]
SHARE_REQUIRED = 0.8


def test_the_right_project_is_in_the_top_five_for_most_irritants(record_property):
    hits, first, misses = 0, 0, []
    for fields, slug in IRRITANTS:
        found = [item.page.slug for item in similar_projects(" ".join(fields))]
        if slug in found:
            hits += 1
            first += found[0] == slug
        else:
            misses.append((fields[0], slug, found))
    n = len(IRRITANTS)
    share = hits / n
    # The demo has 11 projects: the top five is a lenient test, so the first place is shown too.
    print(
        f"\nDéjà résolu ailleurs ({connection.vendor}): {hits}/{n} = {share:.0%} in the top five,"
        f" {first}/{n} = {first / n:.0%} first"
    )
    for title, slug, found in misses:
        print(f"  missed {slug!r} for {title!r}: {found}")
    record_property("similar_share", f"{share:.2f}")
    record_property("similar_first_share", f"{first / n:.2f}")
    assert len(IRRITANTS) >= 20
    assert share >= SHARE_REQUIRED


# What is searched, and what is never offered ----------------------------------------------

MISSED_APPOINTMENTS = {
    "title": "Les usagers ratent leurs rendez-vous sans prévenir",
    "problem": "Dans nos permanences sociales, beaucoup de rendez-vous ne sont pas honorés et "
    "personne ne prévient.",
    "consequences": "Des créneaux perdus et des semaines d'attente pour les autres usagers.",
    "service": "Action sociale",
}


def demo_project(slug):
    return ProjectPage.objects.get(slug=slug, locale__language_code="fr")


def test_the_text_is_reduced_to_its_significant_words():
    words = significant_words("Les usagers n'ont PAS reçu leurs Rendez-vous, et on est débordés")
    assert words == ["usagers", "recu", "rendez", "debordes"]
    assert number_forms("rendez") == ["rendez", "rendezs"]
    assert number_forms("usagers") == ["usager", "usagers"]
    assert number_forms("animaux") == ["animal", "animaux"]
    assert number_forms("bureau") == ["bureau", "bureaux"]
    # Nothing but stop words and punctuation: no search at all.
    assert similar_projects("Et alors ? C'est pour nous, vous, eux…") == []


def test_only_live_public_french_projects_are_offered():
    territory = make_territory()
    preparing = make_territory(launched=False)
    text = "Rendez-vous manqués : les usagers ne préviennent pas"
    own = make_project(territory, title="Rappeler les rendez-vous manqués", slug="rappels")
    hidden = make_project(preparing, title="Rendez-vous manqués en préparation", slug="cache")
    draft = make_project(territory, title="Rendez-vous manqués brouillon", slug="brouillon")
    draft.unpublish()

    found = {item.page.pk: item for item in similar_projects(text, limit=20)}

    assert own.pk in found and demo_project("lapins").pk in found
    assert found[own.pk].territory.pk == territory.home.pk  # every territory, named
    assert found[demo_project("lapins").pk].territory.slug == "pasdecalais"
    assert hidden.pk not in found and draft.pk not in found
    assert all(item.page.locale.language_code == "fr" for item in found.values())
    assert own.pk not in {item.page.pk for item in similar_projects(text, exclude=[own.pk])}


def test_one_search_query_whatever_the_number_of_results():
    with CaptureQueriesContext(connection) as one:
        assert len(similar_projects("rendez-vous", limit=1)) == 1
    with CaptureQueriesContext(connection) as five:
        assert len(similar_projects(" ".join(MISSED_APPOINTMENTS.values()), limit=5)) == 5
    assert len(one) == len(five) == 2  # the search, the territories' names


# The reviewer's screen -----------------------------------------------------------------------


@pytest.fixture
def submitted(call):
    return submit_irritant(call, **MISSED_APPOINTMENTS)


def test_the_reviewer_sees_the_similar_projects_and_offers_their_reuse(
    client, territory, submitted, publisher
):
    own = make_project(
        territory,
        title="Rendez-vous manqués chez nous",
        slug="chez-nous",
        pitch="Les usagers de nos permanences sociales préviennent quand ils ne viennent pas.",
        problem="<p>Des rendez-vous sociaux ne sont pas honorés et personne ne prévient.</p>",
    )
    lapins = demo_project("lapins")  # Pas-de-Calais offers it to the network
    client.force_login(publisher)

    page = client.get(f"/admin/irritants/edit/{submitted.pk}/").content.decode()

    assert lapins.get_full_url() in page and "Pas-de-Calais" in page
    reuse = reverse("reuse_project:reuse", args=[lapins.pk])
    assert f'href="{reuse}"' in page
    # Nothing to reuse from one's own territory.
    assert own.get_full_url() in page
    assert reverse("reuse_project:reuse", args=[own.pk]) not in page

    # The link opens the reuse screen, toward the reviewer's own territory.
    assert client.get(reuse).status_code == 200
    response = client.post(reuse)
    copy = ProjectPage.objects.get(reused_from=lapins, locale=lapins.locale)
    assert response.status_code == 302
    assert copy.get_parent().get_parent().pk == territory.home.pk
    assert not copy.live


def test_a_reviewer_of_another_territory_gets_nothing(client, submitted, var):
    intruder = make_user(var, "publisher")
    client.force_login(intruder)
    url = f"/admin/irritants/edit/{submitted.pk}/"

    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "under_review"}).status_code == 404
    assert Irritant.objects.get(pk=submitted.pk).status == "received"


def test_the_panel_costs_the_same_queries_with_or_without_similar_projects(client, call, publisher):
    client.force_login(publisher)
    alone = submit_irritant(
        call, title="Zyxwv qwertz", problem="Bloup", consequences="Plouf", service="Kzy"
    )
    similar = submit_irritant(call, **MISSED_APPOINTMENTS)

    with CaptureQueriesContext(connection) as without:
        page = client.get(f"/admin/irritants/edit/{alone.pk}/")
    assert page.status_code == 200 and "irritant-similar" not in page.content.decode()
    with CaptureQueriesContext(connection) as with_five:
        page = client.get(f"/admin/irritants/edit/{similar.pk}/")
    assert page.content.decode().count("/admin/reuse-project/") >= 1
    # Five projects cost at most the territories' names (not read when nothing is found).
    assert len(with_five) <= len(without) + 1


# The agent's confirmation page ---------------------------------------------------------------


def test_the_confirmation_page_lists_the_similar_projects_privately(client, call):
    host, url = address(call)
    irritant = submit_irritant(call, **MISSED_APPOINTMENTS)
    token = signing.dumps(irritant.reference, salt=CONFIRMATION_SALT)

    response = client.get(f"{url}merci/", {"ref": token}, HTTP_HOST=host)

    html = response.content.decode()
    assert response.status_code == 200
    assert irritant.reference in html
    assert 'id="similar-projects-title"' in html
    assert demo_project("lapins").get_full_url() in html and "Pas-de-Calais" in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "strict-origin"
    assert '<meta name="robots" content="noindex">' in html
    # Computed at each request: a project published since shows up at once.
    late = make_project(
        make_territory(name="Territoire tardif"),
        title="Rendez-vous manqués : les usagers préviennent enfin",
        slug="tardif",
        pitch="Dans les permanences sociales, les usagers préviennent avant un rendez-vous.",
        problem="<p>Des rendez-vous non honorés, des créneaux perdus, de l'attente.</p>",
    )
    assert late.title in client.get(f"{url}merci/", {"ref": token}, HTTP_HOST=host).content.decode()
