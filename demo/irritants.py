"""Demo irritants: what agents reported to the demo calls, and what became of it.

The four irritants of Var's 2018 call are the ones its pre-incubation took on (public facts);
the other submissions, every agent and every figure are illustrative. Var's call is old
enough for its submitters' data to have been erased, as the retention period requires.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from irritants.models import CallForIrritantsPage, Irritant, Status, StatusChange
from irritants.services import issue_followup_link
from projects.models import ProjectPage
from territories.models import Territory

VAR_2018 = {
    "call": "/var/appels/appel-a-irritants-2018/",
    "publish_results": True,
    "submitted": datetime.date(2018, 11, 20),
    "anonymised": True,
    "irritants": [
        {
            "title": "Les personnes âgées attendent des mois l’APA à domicile",
            "problem": "Chaque année, plusieurs milliers de personnes en perte d’autonomie "
            "déposent un dossier papier d’allocation personnalisée d’autonomie ; une pièce "
            "manquante renvoie le dossier au début de la file.",
            "consequences": "Des aides à domicile qui commencent tard, des familles qui "
            "avancent les frais.",
            "people_affected": "Les demandeurs de l’APA à domicile et leurs proches",
            "service": "Autonomie",
            "status": Status.SELECTED,
            "project": "/var/projets/apa-a-domicile/",
            "scores": (3, 3, 3),
        },
        {
            "title": "Les familles ne savent pas où en est leur enfant accueilli au CDE",
            "problem": "Les parents appellent plusieurs fois par semaine pour savoir comment "
            "va leur enfant et quand ils pourront le voir ; l’information est dispersée.",
            "consequences": "De l’inquiétude, des visites manquées, des équipes interrompues.",
            "people_affected": "Les familles des enfants accueillis au centre départemental",
            "service": "Centre départemental de l’enfance",
            "status": Status.SELECTED,
            "project": "/var/projets/cde-informer-les-familles/",
            "scores": (3, 3, 2),
        },
        {
            "title": "Ouvrir le RSA prend trop de temps",
            "problem": "Entre le premier rendez-vous et le premier versement du RSA, il "
            "s’écoule souvent plus d’un mois, faute de pièces réunies au bon moment.",
            "consequences": "Des personnes sans revenu pendant des semaines.",
            "people_affected": "Les nouveaux demandeurs du RSA",
            "service": "Insertion",
            "status": Status.SELECTED,
            "project": "/var/projets/rsa-en-ligne/",
            "scores": (3, 3, 3),
        },
        {
            "title": "Les usagers n’arrivent pas à joindre les unités territoriales sociales",
            "problem": "Aux heures d’ouverture, une part importante des appels aux UTS reste "
            "sans réponse ; les personnes rappellent ou se déplacent.",
            "consequences": "Des démarches retardées pour des personnes vulnérables.",
            "people_affected": "Les usagers des services sociaux",
            "service": "Unités territoriales sociales",
            "status": Status.SELECTED,
            "project": "/var/projets/accueil-telephonique-uts/",
            "scores": (3, 2, 3),
        },
        {
            "title": "Les salles de réunion se réservent par courriel",
            "problem": "Les réservations de salles passent par des échanges de courriels.",
            "consequences": "Aucune pour les usagers : un irritant interne.",
            "people_affected": "Les agents du siège",
            "service": "Moyens généraux",
            "status": Status.NOT_SELECTED,
            "scores": (2, 0, 1),
            "answer": "Merci pour ce signalement. L’appel retient les problèmes qui touchent "
            "directement les usagers ; nous l’avons transmis aux moyens généraux.",
        },
    ],
}

PAU_SEASON_2 = {
    "call": "/pau/appels/appel-a-irritants-saison-2/",
    "publish_results": False,
    "submitted": None,  # a few days ago
    "anonymised": False,
    "irritants": [
        {
            "title": "Trois formulaires pour inscrire un enfant à la cantine et au périscolaire",
            "problem": "Chaque rentrée, des centaines de familles remplissent trois fois les "
            "mêmes informations pour la cantine, le périscolaire et le transport scolaire.",
            "consequences": "Des inscriptions incomplètes, des enfants sans place le premier jour.",
            "people_affected": "Environ 2 000 familles par an",
            "service": "Éducation",
            "status": Status.UNDER_REVIEW,
            "scores": (3, 2, 3),
            "submitter": ("Camille Martin", "camille.martin@example.org", "Éducation"),
        },
        {
            "title": "Les badges de déchetterie se perdent entre deux services",
            "problem": "Un habitant qui demande un badge de déchetterie attend souvent plus de "
            "deux semaines, le dossier passant par deux services.",
            "consequences": "Des dépôts sauvages, des appels répétés.",
            "people_affected": "Plusieurs centaines de foyers par an",
            "service": "Propreté et déchets",
            "status": Status.RECEIVED,
            "submitter": ("Julien Lacoste", "julien.lacoste@example.org", "Accueil"),
        },
        {
            # Reported a year ago (within the retention period): it became a project, so its
            # follow-up page shows the project's phases.
            "title": "Les jeunes ne savent pas ce que la ville leur propose",
            "problem": "Les 18-25 ans qui viennent à l’accueil demandent où faire du sport ou "
            "voir un spectacle à petit prix ; les offres sont dispersées sur de nombreux sites.",
            "consequences": "Des offres gratuites peu utilisées, des jeunes qui ne viennent pas.",
            "people_affected": "Les 18-25 ans de la ville",
            "service": "Jeunesse",
            "status": Status.SELECTED,
            "project": "/pau/projets/meli-melo/",
            "scores": (2, 2, 3),
            "days_ago": 365,
            "answer": "Votre irritant est retenu : il devient le projet Méli-mélo. Merci !",
            "submitter": ("Inès Haddad", "ines.haddad@example.org", "Jeunesse"),
        },
    ],
}


@transaction.atomic
def load_demo_irritants(log=lambda message: None):
    """Create the demo irritants once; a call that already has irritants is left alone."""
    created = []
    for batch in (VAR_2018, PAU_SEASON_2):
        call = CallForIrritantsPage.objects.filter(url_path=batch["call"]).first()
        if call is None or call.irritants.exists():
            continue
        territory = Territory.of_page(call)
        if batch["publish_results"] and not call.publish_results:
            call.publish_results = True
            call.save_revision().publish()
        for item in batch["irritants"]:
            created.append(_create(call, territory, batch, item))
    if created:
        log(f"  + {len(created)} irritants")
    # The follow-up links exist only in emails: the demo prints those of the irritants that
    # still have one (manage.py followup_link REFERENCE issues a new one at any time).
    for irritant in created:
        link = issue_followup_link(irritant)
        if link:
            log(f"    {irritant.reference} ({irritant.status}): {link}")
    return len(created)


def _create(call, territory, batch, item):
    now = timezone.now()
    submitted = (
        timezone.make_aware(datetime.datetime.combine(batch["submitted"], datetime.time(10)))
        if batch["submitted"]
        else now - datetime.timedelta(days=item.get("days_ago", 5))
    )
    name, email, service = item.get("submitter", ("", "", ""))
    scores = item.get("scores", (None, None, None))
    project = (
        ProjectPage.objects.filter(url_path=item["project"]).first() if "project" in item else None
    )
    irritant = Irritant.objects.create(
        territory=territory,
        call=call,
        title=item["title"],
        problem=item["problem"],
        consequences=item["consequences"],
        people_affected=item["people_affected"],
        service=item["service"],
        submitter_name=name,
        submitter_email=email,
        submitter_service=service,
        consent_at=submitted,
        anonymised_at=now if batch["anonymised"] else None,
        status=item["status"],
        recurrence_score=scores[0],
        consequences_score=scores[1],
        people_score=scores[2],
        public_answer=item.get("answer", ""),
        answered_at=submitted + datetime.timedelta(days=40) if item.get("answer") else None,
        project=project,
        # What its agent knows of the project already: the next publication tells what is new.
        notified_project_phase=project.current_phase if project else "",
        notified_project_decisions=project.decisions.count() if project else None,
    )
    # auto_now_add ignores a value given at creation.
    Irritant.objects.filter(pk=irritant.pk).update(submitted_at=submitted)
    StatusChange.objects.create(irritant=irritant, to_status=Status.RECEIVED)
    if item["status"] != Status.RECEIVED:
        StatusChange.objects.create(
            irritant=irritant, from_status=Status.RECEIVED, to_status=Status.UNDER_REVIEW
        )
    if item["status"] not in (Status.RECEIVED, Status.UNDER_REVIEW):
        StatusChange.objects.create(
            irritant=irritant, from_status=Status.UNDER_REVIEW, to_status=item["status"]
        )
    # auto_now_add again: the history is dated from the submission, not from the demo's load.
    StatusChange.objects.filter(irritant=irritant).update(changed_at=submitted)
    return irritant
