"""Demo content: the network, four territories, their calls, projects and news.

Plain data only. The texts are written for the demo and describe fictional teams;
the territories, programmes and projects come from /work/shared/domain.md.
"""

from datetime import date

# A body is a list of (block_type, value) tuples. Allowed block types and value shapes:
#   ("heading", "Texte du titre")                                  -> an h2
#   ("paragraph", "Texte en clair, une ou deux phrases ou plus.")   -> plain text, no HTML
#   ("quote", {"quote": "...", "attribution": "..."})
#   ("key_figure", {"value": "200 000 €", "label": "...", "source": "..."})   # source may be ""
#   ("faq", {"title": "Questions fréquentes", "items": [{"question": "...", "answer": "..."}, ...]})
#   ("call_to_action", {"text": "...", "description": "...", "link": "projects"})
#       link is one of: "projects", "news", "calls", "results", "about"

THEMES = [
    ("autonomie", "Autonomie et grand âge"),
    ("enfance", "Enfance et famille"),
    ("solidarites", "Solidarités et insertion"),
    ("accueil", "Accueil des usagers"),
    ("emploi-formation", "Emploi et formation"),
    ("citoyennete", "Participation citoyenne"),
    ("jeunesse", "Jeunesse, culture et sport"),
    ("environnement", "Environnement et déchets"),
    ("lien-social", "Lien social"),
    ("administration", "Fonctionnement des services"),
]

USER_TYPES = [
    ("personnes-agees", "Personnes âgées"),
    ("aidants", "Proches aidants"),
    ("familles", "Familles"),
    ("jeunes", "Jeunes de 18 à 25 ans"),
    ("personnes-en-insertion", "Personnes en insertion"),
    ("demandeurs-emploi", "Demandeurs d'emploi et stagiaires"),
    ("employeurs", "Employeurs"),
    ("habitants", "Habitants"),
    ("agents", "Agents publics"),
]

NETWORK = {
    "title": "Réseau des startups de territoire",
    "intro": (
        "Des collectivités donnent à leurs agents le temps et les moyens de régler les problèmes "
        "que les usagers rencontrent au quotidien. Ce site présente leurs projets, ce qu'ils "
        "deviennent et ce qu'ils ont appris."
    ),
    "body": [
        ("heading", "Qu'est-ce qu'une startup de territoire ?"),
        (
            "paragraph",
            "C'est une petite équipe d'agents publics qui s'attaque à un problème "
            "précis. Ce problème, on l'appelle un irritant : un grain de sable qui gêne "
            "les usagers d'un service public, encore et encore. L'agent qui l'a repéré "
            "porte le projet. On l'appelle l'intrapreneur.",
        ),
        (
            "paragraph",
            "L'équipe travaille en autonomie, avec l'aide de coachs. Elle construit vite "
            "une première version, la met entre les mains des usagers et garde ce qui "
            "marche.",
        ),
        ("heading", "La méthode en bref"),
        (
            "paragraph",
            "1. Un appel à irritants est ouvert à tous les agents, quel que soit leur métier.",
        ),
        (
            "paragraph",
            "2. Chaque problème est vérifié : revient-il souvent ? Que coûte-t-il aux habitants ?",
        ),
        (
            "paragraph",
            "3. Les projets retenus passent trois mois en pré-incubation, puis sont "
            "présentés à la direction.",
        ),
        (
            "paragraph",
            "4. Les meilleurs deviennent des startups de territoire et ont moins de six "
            "mois pour livrer une première version.",
        ),
        (
            "paragraph",
            "5. Au bout de six mois, on interroge les usagers. S'ils sont trop peu "
            "nombreux ou pas satisfaits, on arrête.",
        ),
        (
            "paragraph",
            "6. Les services qui trouvent leur public sont consolidés puis intégrés au "
            "fonctionnement normal de la collectivité.",
        ),
        (
            "paragraph",
            "7. Ce qui a marché est partagé avec d'autres services et d'autres collectivités.",
        ),
        (
            "call_to_action",
            {
                "text": "Lire la méthode en détail",
                "description": "Les sept étapes, de l'appel à irritants au partage des réussites.",
                "link": "about",
            },
        ),
        ("heading", "Pourquoi tout publier ?"),
        (
            "paragraph",
            "Chaque projet affiche sa phase, son équipe et ses résultats, y compris "
            "quand il s'arrête. Les habitants peuvent ainsi suivre ce que devient "
            "l'argent public. Les autres collectivités peuvent reprendre ce qui a "
            "fonctionné et éviter ce qui a échoué.",
        ),
        ("heading", "Des pages simples et légères"),
        (
            "paragraph",
            "En France, 13 millions de personnes, soit une sur cinq, n'utilisent pas "
            "Internet. Beaucoup d'autres ont une connexion lente ou un vieux téléphone. "
            "Nos pages sont donc courtes, lisibles et rapides à charger, sans rien "
            "d'inutile.",
        ),
    ],
    "method_page": {
        "slug": "la-methode",
        "title": "La méthode",
        "intro": (
            "Sept étapes pour passer d'un problème vécu par les usagers à un service qui "
            "fonctionne, ou pour arrêter à temps quand ce n'est pas le cas."
        ),
        "body": [
            (
                "image",
                {
                    "title": "Schéma : les sept étapes de la méthode",
                    "steps": [
                        "Appel\nà irritants",
                        "Vérification\ndu problème",
                        "Pré-incubation\n(3 mois)",
                        "Startup de\nterritoire",
                        "Évaluation\nà six mois",
                        "Passage\nà l'échelle",
                        "Partage des\nréussites",
                    ],
                    "alt_text": (
                        "Les sept étapes, de gauche à droite puis sur une seconde ligne : "
                        "appel à irritants, vérification du problème, pré-incubation de trois "
                        "mois, startup de territoire, évaluation à six mois, passage à "
                        "l'échelle, partage des réussites."
                    ),
                },
            ),
            ("heading", "1. L'appel à irritants"),
            (
                "paragraph",
                "La collectivité invite ses agents à signaler un problème qui revient "
                "sans cesse et qui pénalise les usagers. Ils peuvent proposer une idée "
                "pour le régler. Tout le monde peut répondre : agent d'accueil, "
                "travailleur social, technicien ou cadre.",
            ),
            ("heading", "2. La vérification du problème"),
            (
                "paragraph",
                "Chaque irritant est examiné. Le problème est-il fréquent ? Quelles sont "
                "ses conséquences directes pour les habitants ? Seuls les problèmes "
                "réels et récurrents passent à l'étape suivante.",
            ),
            ("heading", "3. La pré-incubation"),
            (
                "paragraph",
                "Elle dure trois mois. Elle commence par un séminaire de lancement qui "
                "forme les agents à la méthode. Les intrapreneurs sont libérés un jour "
                "par semaine. Les équipes sont autonomes et accompagnées par des "
                "coachs.",
            ),
            (
                "paragraph",
                "Les équipes vont sur le terrain, interrogent les usagers et testent des "
                "prototypes. À la fin, chaque équipe présente une preuve de concept à la "
                "direction. La collectivité décide ensuite de l'avenir de chaque "
                "projet.",
            ),
            ("heading", "4. La startup de territoire"),
            (
                "paragraph",
                "Le projet retenu est confié à une équipe de deux à quatre personnes : "
                "l'intrapreneur, un spécialiste du numérique et un ou deux développeurs. "
                "L'intrapreneur quitte son poste pour s'y consacrer à plein temps. "
                "L'équipe a moins de six mois pour livrer une première version.",
            ),
            (
                "key_figure",
                {
                    "value": "200 000 €",
                    "label": "financement maximal d'une startup de territoire",
                    "source": "",
                },
            ),
            ("heading", "5. L'évaluation à six mois"),
            (
                "paragraph",
                "On interroge les usagers du service. S'ils sont trop peu nombreux ou "
                "s'ils ne sont pas satisfaits, le projet s'arrête. Mieux vaut publier "
                "tôt une version imparfaite, dite version bêta, et arrêter vite ce qui "
                "ne prend pas.",
            ),
            ("heading", "6. Accélération, consolidation, transfert"),
            (
                "paragraph",
                "Le service qui a trouvé son public grandit. Il doit ensuite entrer dans "
                "les outils et l'organisation habituels de la collectivité. Ce passage à "
                "l'échelle est l'étape la plus difficile. Il prend en général entre un "
                "et trois ans.",
            ),
            ("heading", "7. Le partage des réussites"),
            (
                "paragraph",
                "Un outil qui a fait ses preuves est étendu à tout le territoire. Il est "
                "aussi proposé aux autres collectivités, qui n'ont pas à repartir de "
                "zéro.",
            ),
            ("heading", "Les phases affichées sur ce site"),
            (
                "paragraph",
                "Investigation : l'équipe étudie le problème sur le terrain. "
                "Construction : elle fabrique la première version. Accélération : le "
                "service gagne des usagers. Consolidation : il devient solide et "
                "durable. Transfert : il passe aux services habituels. Service pérenne : "
                "il fait partie du quotidien de la collectivité. Arrêté : le projet a "
                "pris fin, et ce qu'il a appris reste publié.",
            ),
            (
                "faq",
                {
                    "title": "Questions fréquentes",
                    "items": [
                        {
                            "question": "Qui peut signaler un irritant ?",
                            "answer": "Tous les agents de la collectivité, quel que soit leur service "
                            "ou leur métier.",
                        },
                        {
                            "question": "Faut-il savoir programmer pour porter un projet ?",
                            "answer": "Non. L'intrapreneur apporte sa connaissance du terrain. Les "
                            "compétences numériques sont apportées par l'équipe et les "
                            "coachs.",
                        },
                        {
                            "question": "Que devient le poste de l'intrapreneur ?",
                            "answer": "Pendant la pré-incubation, il garde son poste et se libère un "
                            "jour par semaine. Si le projet devient une startup de "
                            "territoire, il s'y consacre à plein temps.",
                        },
                        {
                            "question": "Pourquoi arrêter un projet après six mois ?",
                            "answer": "Parce qu'un service que personne n'utilise coûte sans rien "
                            "rapporter aux habitants. Arrêter tôt permet de consacrer les "
                            "moyens à d'autres problèmes.",
                        },
                        {
                            "question": "Une autre collectivité peut-elle reprendre un service ?",
                            "answer": "Oui, c'est le but de la dernière étape. Contactez l'incubateur "
                            "qui l'a créé : ses coordonnées figurent en bas de chaque page.",
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Voir les appels à irritants",
                    "description": "Les appels en cours et passés des collectivités du réseau.",
                    "link": "calls",
                },
            ),
        ],
    },
}

# Each territory's colour (white text on it reaches a contrast of at least 7:1), the initials
# drawn on its demo logo, and the sections its footer links to.
BRANDING = {
    "var": {"primary_color": "#00607a", "initials": "83", "footer_links": ["about", "calls"]},
    "pau": {"primary_color": "#7a2e3a", "initials": "PBP", "footer_links": ["about", "calls"]},
    "grandest": {"primary_color": "#3d3a8a", "initials": "GE", "footer_links": ["about"]},
    "pasdecalais": {"primary_color": "#1d5e35", "initials": "62", "footer_links": ["about"]},
}
FOOTER_LINK_LABELS = {"about": "Qui sommes-nous ?", "calls": "Signaler un irritant"}

# The statement the demo sites make: the platform's own checks, not an external audit.
ACCESSIBILITY = {
    "title": "Accessibilité",
    "intro": (
        "Ce site s'engage à être accessible à tous ses lecteurs, quels que soient leur "
        "équipement et leur façon de naviguer."
    ),
    "compliance_status": "partial",
    "audited_by": "Auto-évaluation par l'équipe de la plateforme",
    "non_compliant_content": (
        "<ul><li>Les documents PDF déposés par les équipes ne sont pas tous balisés ; une "
        "version accessible est envoyée sur simple demande.</li>"
        "<li>Les vidéos intégrées depuis des plateformes externes n'ont pas toujours de "
        "sous-titres.</li></ul>"
    ),
    "exemptions": ("<p>Les comptes rendus de comités antérieurs à 2019, archivés en l'état.</p>"),
}

TERRITORIES = [
    # ------------------------------------------------------------------ Var
    {
        "slug": "var",
        "hostname": "var.localhost",
        "name": "Département du Var",
        "kind": "departement",
        "display_name": "Var — Startups de territoire",
        "contact_email": "incubateur@var.example",
        "agent_email_domains": "var.example\ndepartement83.example",
        "footer_text": (
            "L'incubateur des startups de territoire est un service du Département du Var."
        ),
        "social_links": [
            {"label": "LinkedIn", "url": "https://linkedin.example/var"},
            {"label": "Mastodon", "url": "https://social.example/@var"},
        ],
        "intro": (
            "Le Département du Var confie à ses agents la résolution de problèmes concrets "
            "rencontrés par les usagers. Quatre projets ont été lancés en 2019, dans l'autonomie, "
            "l'enfance et les solidarités."
        ),
        "key_figures": [
            {"value": "4", "label": "irritants retenus en pré-incubation", "source": ""},
            {"value": "3 mois", "label": "de pré-incubation, de février à juin 2019", "source": ""},
            {
                "value": "1 jour",
                "label": "par semaine libéré pour chaque intrapreneur",
                "source": "",
            },
        ],
        "about": {
            "intro": (
                "L'incubateur accompagne les agents du Département qui veulent régler un problème "
                "vécu par les usagers des services départementaux."
            ),
            "body": [
                ("heading", "Un programme né d'un appel à irritants"),
                (
                    "paragraph",
                    "Fin 2018, le Département a demandé à ses agents de signaler les "
                    "problèmes qui gênent le plus les usagers. Quatre irritants ont été "
                    "retenus. Ils concernent l'allocation personnalisée d'autonomie, "
                    "l'information sur les enfants accueillis au centre départemental de "
                    "l'enfance, le RSA et l'accueil téléphonique des services sociaux.",
                ),
                ("heading", "La pré-incubation de 2019"),
                (
                    "paragraph",
                    "La pré-incubation s'est déroulée de février à juin 2019. Elle a "
                    "commencé par un séminaire de lancement. Les intrapreneurs ont "
                    "travaillé sur leur projet un jour par semaine, avec des coachs. "
                    "Chaque équipe a présenté sa preuve de concept à la direction "
                    "générale en fin de parcours.",
                ),
                ("heading", "Et ensuite ?"),
                (
                    "paragraph",
                    "Les projets retenus sont devenus des startups de territoire. Leur "
                    "avancement est publié sur ce site, phase par phase.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Voir les projets du Var",
                        "description": "Quatre projets, leur équipe et leur phase actuelle.",
                        "link": "projects",
                    },
                ),
            ],
        },
        "results": {
            "intro": (
                "Ce que nous savons aujourd'hui des quatre projets lancés en 2019, y compris de "
                "celui qui s'est arrêté."
            ),
            "body": [
                ("heading", "Où en sont les projets ?"),
                (
                    "paragraph",
                    "Trois projets sur quatre sont toujours actifs. La plateforme RSA "
                    "fait désormais partie des outils habituels du Département. APA à "
                    "domicile est en consolidation. Le projet sur le centre "
                    "départemental de l'enfance poursuit son accélération.",
                ),
                (
                    "paragraph",
                    "Le projet sur l'accueil téléphonique des unités territoriales "
                    "sociales s'est arrêté après l'évaluation à six mois. Ses constats "
                    "ont été remis aux services concernés.",
                ),
                ("heading", "Les chiffres"),
                (
                    "paragraph",
                    "Chaque projet publie ses indicateurs sur sa page, avec la date de "
                    "chaque mesure. Nous ne publions un chiffre qu'une fois vérifié : "
                    "mieux vaut un chiffre tardif qu'un chiffre approximatif.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Lire les actualités",
                        "description": "Les étapes marquantes de chaque projet.",
                        "link": "news",
                    },
                ),
            ],
        },
        "calls": [
            {
                "slug": "appel-a-irritants-2018",
                "title": "Appel à irritants 2018",
                "intro": (
                    "Vous constatez un problème qui revient sans cesse et qui pénalise les usagers "
                    "? Signalez-le et proposez votre idée pour le régler."
                ),
                "eligibility": (
                    "Tous les agents du Département peuvent répondre, quel que soit leur service "
                    "ou leur métier."
                ),
                "next_steps": (
                    "Les irritants reçus sont examinés en décembre. Les projets retenus entrent en "
                    "pré-incubation en février 2019."
                ),
                "opens": date(2018, 11, 5),
                "closes": date(2018, 12, 14),
            },
        ],
        "projects": [
            {
                "slug": "apa-a-domicile",
                "title": "APA à domicile",
                "pitch": "Une plateforme en ligne pour demander plus simplement l'allocation "
                "personnalisée d'autonomie et suivre son dossier.",
                "problem": (
                    "Les personnes qui perdent leur autonomie ont droit à une aide pour rester "
                    "chez elles. Mais la demande est longue et difficile à suivre. Beaucoup de "
                    "familles ne savent pas où en est leur dossier ni quelles pièces fournir."
                ),
                "solution": (
                    "Une plateforme permet de déposer la demande, avec l'aide d'un proche si "
                    "besoin. Le demandeur voit à chaque étape où en est son dossier. Un accueil "
                    "par téléphone reste possible pour ceux qui n'utilisent pas Internet."
                ),
                "sponsor_service": "Direction de l'autonomie",
                "budget": None,
                "themes": ["autonomie"],
                "user_types": ["personnes-agees", "aidants"],
                "links": {
                    "service": "https://apa.var.example/",
                    "source_code": "https://code.example/var/apa-a-domicile",
                    "statistics": "https://apa.var.example/stats",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 4),
                        "end": date(2019, 6, 28),
                        "comment": "Entretiens avec des familles et des évaluateurs à domicile.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2020, 1, 31),
                        "comment": "Première version ouverte dans un secteur du département.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 2, 3),
                        "end": date(2021, 6, 30),
                        "comment": "Ouverture à tout le département après l'évaluation à six mois.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2021, 7, 1),
                        "end": None,
                        "comment": "Raccordement au logiciel de gestion des aides du Département.",
                    },
                ],
                "team": [
                    {
                        "name": "Claire Fontaine",
                        "role_kind": "intrapreneur",
                        "role": "Travailleuse sociale, intrapreneure",
                    },
                    {"name": "Julien Marchand", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Nadia Benali", "role_kind": "other", "role": "Développeuse"},
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "Les familles nous appelaient surtout pour savoir où en était le "
                            "dossier. Cette question-là, on pouvait y répondre en ligne.",
                            "attribution": "Claire Fontaine, intrapreneure",
                        },
                    ),
                ],
            },
            {
                "slug": "cde-informer-les-familles",
                "title": "CDE : mieux informer sur les enfants accueillis",
                "pitch": "Mieux informer les parents et les professionnels sur la situation des "
                "enfants accueillis au centre départemental de l'enfance.",
                "problem": (
                    "Quand un enfant est accueilli au centre départemental de l'enfance, ses "
                    "parents et les professionnels qui le suivent manquent souvent d'informations. "
                    "Les appels se multiplient et les réponses arrivent tard."
                ),
                "solution": (
                    "Un outil partagé donne aux personnes autorisées les informations utiles : "
                    "lieu d'accueil, rendez-vous, interlocuteur. Les éducateurs passent moins de "
                    "temps au téléphone et plus de temps avec les enfants."
                ),
                "sponsor_service": "Direction de l'enfance et de la famille",
                "budget": None,
                "themes": ["enfance"],
                "user_types": ["familles", "agents"],
                "links": {
                    "service": "",
                    "source_code": "https://code.example/var/cde",
                    "statistics": "",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 4),
                        "end": date(2019, 6, 28),
                        "comment": "Observation de l'accueil au centre et entretiens avec des "
                        "parents.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2020, 1, 31),
                        "comment": "Version bêta testée par une unité du centre.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 2, 3),
                        "end": None,
                        "comment": "Extension progressive aux autres unités du centre.",
                    },
                ],
                "team": [
                    {
                        "name": "Marc Giraud",
                        "role_kind": "intrapreneur",
                        "role": "Éducateur spécialisé, intrapreneur",
                    },
                    {"name": "Élodie Lambert", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Thomas Roux", "role_kind": "other", "role": "Développeur"},
                ],
                "body": [],
            },
            {
                "slug": "rsa-en-ligne",
                "title": "RSA en ligne",
                "pitch": "Une plateforme en ligne pour réduire le délai d'attribution du revenu de "
                "solidarité active.",
                "problem": (
                    "Entre la demande de RSA et le premier versement, l'attente est longue. Les "
                    "dossiers incomplets font des allers-retours. Pendant ce temps, des personnes "
                    "déjà fragiles restent sans ressources."
                ),
                "solution": (
                    "La plateforme guide le demandeur pièce par pièce et signale tout de suite ce "
                    "qui manque. Les agents reçoivent des dossiers complets et peuvent les traiter "
                    "plus vite."
                ),
                "sponsor_service": "Direction de l'insertion",
                "budget": None,
                "themes": ["solidarites"],
                "user_types": ["personnes-en-insertion"],
                "links": {
                    "service": "https://rsa.var.example/",
                    "source_code": "https://code.example/var/rsa-en-ligne",
                    "statistics": "",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 4),
                        "end": date(2019, 6, 28),
                        "comment": "Étude du parcours d'un dossier, de la demande au versement.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2019, 12, 20),
                        "comment": "Première version testée avec deux points d'accueil.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 1, 6),
                        "end": date(2020, 12, 18),
                        "comment": "Ouverture à tous les demandeurs du département.",
                    },
                    {
                        "phase": "transfer",
                        "start": date(2021, 1, 4),
                        "end": date(2021, 12, 17),
                        "comment": "Reprise du service par la direction des systèmes d'information.",
                    },
                    {
                        "phase": "operated",
                        "start": date(2022, 1, 3),
                        "end": None,
                        "comment": "Le service fait partie des outils habituels du Département.",
                    },
                ],
                "team": [
                    {
                        "name": "Sandrine Perrin",
                        "role_kind": "intrapreneur",
                        "role": "Instructrice RSA, intrapreneure",
                    },
                    {"name": "Karim Haddad", "role_kind": "coach", "role": "Coach numérique"},
                    {"name": "Pauline Mercier", "role_kind": "other", "role": "Développeuse"},
                    {"name": "Lucas Bernard", "role_kind": "other", "role": "Développeur"},
                ],
                "body": [
                    (
                        "paragraph",
                        "Le service est désormais maintenu par la direction des systèmes "
                        "d'information. Son code est publié pour que d'autres "
                        "départements puissent le reprendre.",
                    ),
                ],
            },
            {
                "slug": "accueil-telephonique-uts",
                "title": "Accueil téléphonique des UTS",
                "pitch": "Mieux répondre au téléphone aux personnes vulnérables qui appellent les "
                "unités territoriales sociales.",
                "problem": (
                    "Les personnes vulnérables appellent souvent les unités territoriales "
                    "sociales. Les lignes sont chargées, les appels sont mal orientés et certains "
                    "restent sans réponse."
                ),
                "solution": (
                    "L'équipe a testé un serveur vocal simplifié et une fiche de rappel pour les "
                    "agents d'accueil. L'objectif était qu'aucun appel ne reste sans suite."
                ),
                "sponsor_service": "Direction des solidarités territoriales",
                "budget": None,
                "themes": ["accueil", "solidarites"],
                "user_types": ["personnes-en-insertion", "familles"],
                "links": {"service": "", "source_code": "", "statistics": ""},
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 4),
                        "end": date(2019, 6, 28),
                        "comment": "Écoute des appels et entretiens avec les agents d'accueil.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2019, 12, 20),
                        "comment": "Test du serveur vocal dans deux unités territoriales.",
                    },
                    {
                        "phase": "stopped",
                        "start": date(2020, 1, 6),
                        "end": None,
                        "comment": "Arrêt après l'évaluation à six mois : les usagers n'ont pas "
                        "constaté d'amélioration suffisante.",
                    },
                ],
                "team": [
                    {
                        "name": "Isabelle Moreau",
                        "role_kind": "intrapreneur",
                        "role": "Agente d'accueil, intrapreneure",
                    },
                    {"name": "Julien Marchand", "role_kind": "coach", "role": "Coach produit"},
                ],
                "body": [
                    ("heading", "Ce que le projet nous a appris"),
                    (
                        "paragraph",
                        "Le problème venait moins de l'outil que de l'organisation des "
                        "permanences. Ces constats ont été transmis aux unités "
                        "territoriales pour les aider à revoir leur accueil.",
                    ),
                ],
            },
        ],
        "news": [
            {
                "slug": "lancement-pre-incubation-2019",
                "title": "Quatre irritants entrent en pré-incubation",
                "date": date(2019, 2, 4),
                "summary": "Le séminaire de lancement a réuni les quatre équipes retenues après "
                "l'appel à irritants.",
                "body": [
                    (
                        "paragraph",
                        "Les intrapreneurs ont découvert la méthode et rencontré leurs "
                        "coachs. Pendant trois mois, ils consacreront un jour par "
                        "semaine à leur projet.",
                    ),
                    (
                        "paragraph",
                        "Les quatre projets portent sur l'allocation personnalisée "
                        "d'autonomie, le centre départemental de l'enfance, le RSA et "
                        "l'accueil téléphonique des unités territoriales sociales.",
                    ),
                ],
                "projects": [],
            },
            {
                "slug": "fin-de-pre-incubation",
                "title": "Fin de la pré-incubation : les équipes présentent leurs résultats",
                "date": date(2019, 6, 28),
                "summary": "Chaque équipe a présenté sa preuve de concept à la direction générale. "
                "Les quatre projets continuent.",
                "body": [
                    (
                        "paragraph",
                        "Après trois mois d'enquêtes et de prototypes, les équipes ont "
                        "montré ce qu'elles avaient appris sur le terrain. Les quatre "
                        "projets deviennent des startups de territoire à partir du 1er "
                        "juillet.",
                    ),
                    (
                        "quote",
                        {
                            "quote": "Nous avons passé plus de temps avec les familles qu'à "
                            "l'ordinateur. C'était la bonne méthode.",
                            "attribution": "Claire Fontaine, intrapreneure du projet APA à domicile",
                        },
                    ),
                ],
                "projects": ["apa-a-domicile", "rsa-en-ligne"],
            },
            {
                "slug": "arret-accueil-telephonique",
                "title": "Accueil téléphonique des UTS : le projet s'arrête",
                "date": date(2020, 1, 10),
                "summary": "L'évaluation à six mois n'a pas montré d'amélioration suffisante. "
                "L'équipe publie ce qu'elle a appris.",
                "body": [
                    (
                        "paragraph",
                        "Arrêter un projet fait partie de la méthode. Les moyens sont "
                        "rendus disponibles pour d'autres irritants, et les constats de "
                        "l'équipe restent en ligne.",
                    ),
                ],
                "projects": ["accueil-telephonique-uts"],
            },
        ],
    },
    # ------------------------------------------------------------------ Pau
    {
        "slug": "pau",
        "hostname": "pau.localhost",
        "name": "Communauté d'agglomération Pau Béarn Pyrénées",
        "kind": "agglomeration",
        "display_name": "Pau Béarn Pyrénées — Startups de territoire",
        "contact_email": "incubateur@pau.example",
        # None: the form takes any address, and the identity screen warns about it (the
        # suite's live and browser tests submit to Pau's call).
        "agent_email_domains": "",
        "footer_text": "Un programme de la Communauté d'agglomération Pau Béarn Pyrénées pour "
        "améliorer les services publics du quotidien.",
        "social_links": [
            {"label": "LinkedIn", "url": "https://linkedin.example/pau"},
        ],
        "intro": (
            "L'agglomération Pau Béarn Pyrénées accompagne ses agents qui veulent améliorer la vie "
            "des habitants. Quatre projets ont été lancés en 2019 : isolement des aînés, débat "
            "public, offre pour les jeunes et compostage."
        ),
        "key_figures": [
            {"value": "4", "label": "irritants retenus en pré-incubation", "source": ""},
            {"value": "3 mois", "label": "de pré-incubation en 2019", "source": ""},
            {"value": "18-25 ans", "label": "le public visé par le projet Méli-mélo", "source": ""},
        ],
        "about": {
            "intro": (
                "L'incubateur de l'agglomération aide les agents à transformer un problème observé "
                "sur le terrain en un service utile aux habitants."
            ),
            "body": [
                ("heading", "Le programme"),
                (
                    "paragraph",
                    "L'agglomération suit la même méthode que le Département du Var. Un "
                    "appel à irritants a permis de retenir quatre projets. Ils ont suivi "
                    "une pré-incubation de trois mois au printemps 2019.",
                ),
                (
                    "paragraph",
                    "Les intrapreneurs ont été libérés un jour par semaine. Ils ont mené "
                    "des enquêtes auprès des habitants, avec l'appui de coachs.",
                ),
                ("heading", "Un nouvel appel est ouvert"),
                (
                    "paragraph",
                    "Les agents de l'agglomération peuvent signaler un nouvel irritant. "
                    "Les projets retenus suivront le même parcours.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Répondre à l'appel à irritants",
                        "description": "Conditions, calendrier et suite donnée aux propositions.",
                        "link": "calls",
                    },
                ),
            ],
        },
        "results": {
            "intro": "L'état des quatre projets lancés en 2019 et ce qu'ils ont appris.",
            "body": [
                ("heading", "Trois projets actifs, un projet arrêté"),
                (
                    "paragraph",
                    "Méli-mélo est devenu un service permanent. Poubelles Battle est en "
                    "cours de transfert vers le service de collecte des déchets. La "
                    "Gazette de Pau poursuit sa consolidation.",
                ),
                (
                    "paragraph",
                    "Le projet sur l'accès au débat public n'a pas été poursuivi après "
                    "la pré-incubation. Les idées recueillies auprès des habitants ont "
                    "été transmises au service chargé de la participation citoyenne.",
                ),
                ("heading", "Les chiffres"),
                (
                    "paragraph",
                    "Les indicateurs d'usage sont publiés sur la page de chaque projet. "
                    "Ils sont mis à jour une fois par an.",
                ),
            ],
        },
        "calls": [
            {
                "slug": "appel-a-irritants-saison-2",
                "title": "Appel à irritants : deuxième saison",
                "intro": (
                    "Un problème revient sans cesse dans votre travail et gêne les habitants ? "
                    "Décrivez-le en quelques lignes et dites-nous comment vous le régleriez."
                ),
                "eligibility": (
                    "L'appel est ouvert à tous les agents de l'agglomération et de ses communes "
                    "membres, quel que soit leur métier."
                ),
                "next_steps": (
                    "Chaque proposition reçoit une réponse. Les problèmes retenus entrent en "
                    "pré-incubation pour trois mois."
                ),
                "opens_in_days": -20,
                "closes_in_days": 45,
            },
        ],
        "projects": [
            {
                "slug": "gazette-de-pau",
                "title": "La Gazette de Pau",
                "pitch": "Une plateforme pour rompre l'isolement des personnes de plus de 60 ans "
                "en les informant des activités près de chez elles.",
                "problem": (
                    "Beaucoup de personnes de plus de 60 ans vivent seules. Elles connaissent mal "
                    "les activités proposées dans leur quartier. L'isolement s'installe sans que "
                    "personne ne s'en rende compte."
                ),
                "solution": (
                    "La Gazette rassemble les activités et les rendez-vous du territoire. Elle "
                    "existe en ligne et en version imprimée, distribuée par les mairies et les "
                    "associations."
                ),
                "sponsor_service": "Direction de la cohésion sociale",
                "budget": None,
                "themes": ["autonomie", "lien-social"],
                "user_types": ["personnes-agees", "aidants"],
                "links": {
                    "service": "https://gazette.pau.example/",
                    "source_code": "https://code.example/pau/gazette",
                    "statistics": "",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 11),
                        "end": date(2019, 6, 28),
                        "comment": "Rencontres avec des aînés dans les clubs et les centres sociaux.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2020, 1, 31),
                        "comment": "Premiers numéros en ligne et sur papier.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 2, 3),
                        "end": date(2021, 8, 31),
                        "comment": "Diffusion dans toutes les communes de l'agglomération.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2021, 9, 1),
                        "end": None,
                        "comment": "Recherche d'un mode de diffusion durable avec les associations.",
                    },
                ],
                "team": [
                    {
                        "name": "Martine Lefèvre",
                        "role_kind": "intrapreneur",
                        "role": "Animatrice de centre social, intrapreneure",
                    },
                    {"name": "Antoine Chevalier", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Sarah Dupuis", "role_kind": "other", "role": "Développeuse"},
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "Certaines personnes n'ont pas Internet. La version papier "
                            "n'était pas une option, c'était une nécessité.",
                            "attribution": "Martine Lefèvre, intrapreneure",
                        },
                    ),
                ],
            },
            {
                "slug": "acces-au-debat-public",
                "title": "Accès au débat public",
                "pitch": "Permettre à chaque habitant de suivre les décisions locales et d'y "
                "prendre part plus facilement.",
                "problem": (
                    "Les habitants savent rarement quand et comment les décisions locales sont "
                    "débattues. Les réunions publiques attirent toujours les mêmes personnes."
                ),
                "solution": (
                    "L'équipe a imaginé un calendrier clair des débats et des consultations, avec "
                    "des résumés courts des sujets en discussion."
                ),
                "sponsor_service": "Direction de la démocratie locale",
                "budget": None,
                "themes": ["citoyennete"],
                "user_types": ["habitants"],
                "links": {"service": "", "source_code": "", "statistics": ""},
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 11),
                        "end": date(2019, 6, 28),
                        "comment": "Enquête auprès des habitants lors de réunions de quartier.",
                    },
                    {
                        "phase": "stopped",
                        "start": date(2019, 7, 1),
                        "end": None,
                        "comment": "Non retenu à l'issue de la pré-incubation ; les constats ont été "
                        "transmis au service de la participation citoyenne.",
                    },
                ],
                "team": [
                    {
                        "name": "Hélène Garnier",
                        "role_kind": "intrapreneur",
                        "role": "Chargée de mission, intrapreneure",
                    },
                    {"name": "Antoine Chevalier", "role_kind": "coach", "role": "Coach produit"},
                ],
                "body": [],
            },
            {
                "slug": "meli-melo",
                "title": "Méli-mélo",
                "pitch": "Une carte de l'offre culturelle et sportive de la ville pour les 18-25 "
                "ans.",
                "problem": (
                    "Les jeunes de 18 à 25 ans connaissent mal ce que la ville leur propose en "
                    "culture et en sport. Les informations sont dispersées entre de nombreux sites "
                    "et affiches."
                ),
                "solution": (
                    "Méli-mélo regroupe les offres sur une seule carte, consultable sur téléphone. "
                    "Chaque offre indique le prix, l'adresse et les horaires."
                ),
                "sponsor_service": "Direction de la jeunesse, de la culture et des sports",
                "budget": None,
                "themes": ["jeunesse"],
                "user_types": ["jeunes"],
                "links": {
                    "service": "https://melimelo.pau.example/",
                    "source_code": "https://code.example/pau/meli-melo",
                    "statistics": "https://melimelo.pau.example/stats",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 11),
                        "end": date(2019, 6, 28),
                        "comment": "Questionnaires et ateliers avec des étudiants et des apprentis.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2019, 12, 20),
                        "comment": "Première carte avec les équipements de la ville.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 1, 6),
                        "end": date(2020, 12, 18),
                        "comment": "Ajout des offres des associations sportives et culturelles.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2021, 1, 4),
                        "end": date(2021, 12, 17),
                        "comment": "Mise à jour des offres confiée aux associations elles-mêmes.",
                    },
                    {
                        "phase": "operated",
                        "start": date(2022, 1, 3),
                        "end": None,
                        "comment": "Service permanent géré par la direction de la jeunesse.",
                    },
                ],
                "team": [
                    {
                        "name": "Yanis Ferreira",
                        "role_kind": "intrapreneur",
                        "role": "Animateur jeunesse, intrapreneur",
                    },
                    {"name": "Camille Robin", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Romain Faure", "role_kind": "other", "role": "Développeur"},
                ],
                "body": [],
            },
            {
                "slug": "poubelles-battle",
                "title": "Poubelles Battle",
                "pitch": "Des composteurs collectifs au pied des immeubles, gérés avec les "
                "habitants.",
                "problem": (
                    "Dans les immeubles, les déchets de cuisine finissent dans la poubelle "
                    "ordinaire. Les habitants qui voudraient composter n'ont pas de jardin."
                ),
                "solution": (
                    "Des composteurs sont installés au pied des immeubles. Des habitants "
                    "volontaires en prennent soin. Un défi amical entre résidences encourage "
                    "chacun à participer."
                ),
                "sponsor_service": "Direction de la gestion des déchets",
                "budget": None,
                "themes": ["environnement", "lien-social"],
                "user_types": ["habitants"],
                "links": {
                    "service": "https://poubellesbattle.pau.example/",
                    "source_code": "",
                    "statistics": "",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2019, 2, 11),
                        "end": date(2019, 6, 28),
                        "comment": "Rencontres avec des bailleurs et des locataires.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2019, 7, 1),
                        "end": date(2020, 1, 31),
                        "comment": "Premiers composteurs installés dans trois résidences.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2020, 2, 3),
                        "end": date(2021, 9, 30),
                        "comment": "Extension à d'autres quartiers avec les bailleurs sociaux.",
                    },
                    {
                        "phase": "transfer",
                        "start": date(2021, 10, 1),
                        "end": None,
                        "comment": "Reprise par le service de collecte et proposition aux communes "
                        "voisines.",
                    },
                ],
                "team": [
                    {
                        "name": "Bruno Carpentier",
                        "role_kind": "intrapreneur",
                        "role": "Agent de collecte, intrapreneur",
                    },
                    {"name": "Camille Robin", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Léa Rousseau", "role_kind": "other", "role": "Chargée de médiation"},
                ],
                "body": [],
            },
        ],
        "news": [
            {
                "slug": "quatre-projets-premiere-saison",
                "title": "Quatre projets pour la première saison",
                "date": date(2019, 2, 11),
                "summary": "Isolement des aînés, débat public, offre pour les jeunes et compostage "
                ": les quatre irritants retenus commencent leur pré-incubation.",
                "body": [
                    (
                        "paragraph",
                        "Les quatre équipes ont suivi un séminaire de lancement. Elles "
                        "ont trois mois pour vérifier leur idée auprès des habitants.",
                    ),
                ],
                "projects": [],
            },
            {
                "slug": "gazette-et-meli-melo-continuent",
                "title": "La Gazette de Pau et Méli-mélo poursuivent leur route",
                "date": date(2019, 7, 5),
                "summary": "Après la présentation des preuves de concept, trois projets deviennent "
                "des startups de territoire.",
                "body": [
                    (
                        "paragraph",
                        "La Gazette de Pau, Méli-mélo et Poubelles Battle ont convaincu. "
                        "Le projet sur le débat public s'arrête, mais ses constats sont "
                        "transmis au service concerné.",
                    ),
                ],
                "projects": ["gazette-de-pau", "meli-melo"],
            },
            {
                "slug": "poubelles-battle-communes-voisines",
                "title": "Poubelles Battle proposé aux communes de l'agglomération",
                "date": date(2022, 3, 14),
                "summary": "Le service de collecte reprend le projet et le propose aux communes "
                "qui souhaitent l'adopter.",
                "body": [
                    (
                        "paragraph",
                        "Les communes intéressées reçoivent un guide d'installation et "
                        "l'appui d'un médiateur pendant les premiers mois.",
                    ),
                ],
                "projects": ["poubelles-battle"],
            },
        ],
    },
    # ------------------------------------------------------------------ Grand Est
    {
        "slug": "grandest",
        "hostname": "grandest.localhost",
        "name": "Région Grand Est",
        "kind": "region",
        "display_name": "Grand Est — Startups de territoire",
        "contact_email": "intrapreneuriat@grandest.example",
        "agent_email_domains": "grandest.example",
        "footer_text": "Le dispositif d'intrapreneuriat numérique fait partie de la stratégie "
        "Smart Région du Grand Est.",
        "social_links": [
            {"label": "LinkedIn", "url": "https://linkedin.example/grandest"},
        ],
        "intro": (
            "Le Grand Est est la première région française à s'être dotée d'un dispositif "
            "d'intrapreneuriat numérique. Son premier projet, Trait d'union, rapproche les "
            "personnes formées et les employeurs qui recrutent."
        ),
        "key_figures": [
            {
                "value": "200 000 €",
                "label": "investissement initial pour Trait d'union",
                "source": "",
            },
            {"value": "6 mois", "label": "pour construire une première version", "source": ""},
            {
                "value": "7 déc. 2018",
                "label": "approbation par la commission permanente",
                "source": "",
            },
        ],
        "about": {
            "intro": (
                "La Région permet à ses agents de porter des projets numériques qui simplifient la "
                "vie des habitants et des entreprises."
            ),
            "body": [
                ("heading", "Un dispositif régional"),
                (
                    "paragraph",
                    "La commission permanente du conseil régional a approuvé le "
                    "dispositif le 7 décembre 2018. Le Grand Est est ainsi la première "
                    "région française à proposer l'intrapreneuriat numérique à ses "
                    "agents.",
                ),
                (
                    "paragraph",
                    "Le dispositif s'inscrit dans la stratégie Smart Région, qui vise à "
                    "mettre le numérique au service du territoire.",
                ),
                ("heading", "Le premier projet"),
                (
                    "paragraph",
                    "Trait d'union a bénéficié d'un investissement initial de 200 000 "
                    "euros. L'équipe avait six mois pour livrer une première version.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Découvrir Trait d'union",
                        "description": "Le projet, son équipe et son avancement.",
                        "link": "projects",
                    },
                ),
            ],
        },
        "results": {
            "intro": "Ce que nous savons du premier projet du dispositif.",
            "body": [
                (
                    "key_figure",
                    {
                        "value": "200 000 €",
                        "label": "investissement initial approuvé le 7 décembre 2018",
                        "source": "Commission permanente du conseil régional",
                    },
                ),
                (
                    "paragraph",
                    "Trait d'union a livré sa première version dans le délai de six "
                    "mois. Le service est aujourd'hui en consolidation.",
                ),
                (
                    "paragraph",
                    "Les résultats chiffrés, dont le nombre de mises en relation, sont "
                    "mis à jour sur cette page à chaque nouvelle mesure vérifiée.",
                ),
            ],
        },
        "calls": [
            {
                "slug": "appel-a-irritants-agents-region",
                "title": "Appel à irritants des agents de la Région",
                "intro": (
                    "La Région cherche de nouveaux projets. Signalez un problème concret que "
                    "rencontrent les habitants, les apprenants ou les entreprises."
                ),
                "eligibility": (
                    "Tous les agents de la Région peuvent répondre, quel que soit leur service ou "
                    "leur métier."
                ),
                "next_steps": (
                    "Les irritants sont examinés à la clôture de l'appel. Les porteurs des projets "
                    "retenus sont contactés pour préparer la pré-incubation."
                ),
                "opens_in_days": -10,
                "closes_in_days": 30,
            },
        ],
        "projects": [
            {
                "slug": "trait-d-union",
                "title": "Trait d'union",
                "pitch": "Mettre en relation les personnes qui terminent une formation et les "
                "employeurs qui cherchent ces compétences dans le même bassin d'emploi.",
                "problem": (
                    "Des personnes terminent une formation financée par la Région sans trouver "
                    "d'emploi. Dans le même bassin d'emploi, des employeurs cherchent justement "
                    "ces compétences. Les deux ne se rencontrent pas."
                ),
                "solution": (
                    "Trait d'union présente aux employeurs les personnes qui viennent de finir une "
                    "formation près de chez eux, avec leur accord. Les employeurs peuvent les "
                    "contacter directement."
                ),
                "sponsor_service": "Direction de la formation professionnelle",
                "budget": 200000,
                "themes": ["emploi-formation"],
                "user_types": ["demandeurs-emploi", "employeurs"],
                "links": {
                    "service": "https://traitdunion.grandest.example/",
                    "source_code": "https://code.example/grandest/trait-d-union",
                    "statistics": "https://traitdunion.grandest.example/stats",
                },
                "phases": [
                    {
                        "phase": "construction",
                        "start": date(2018, 12, 10),
                        "end": date(2019, 6, 28),
                        "comment": "Six mois pour construire une première version, après "
                        "l'approbation du 7 décembre 2018.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2019, 7, 1),
                        "end": date(2020, 12, 18),
                        "comment": "Ouverture à de nouveaux bassins d'emploi.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2021, 1, 4),
                        "end": None,
                        "comment": "Travail avec les organismes de formation pour rendre le service "
                        "durable.",
                    },
                ],
                "team": [
                    {
                        "name": "Aurélie Schmitt",
                        "role_kind": "intrapreneur",
                        "role": "Chargée de formation, intrapreneure",
                    },
                    {"name": "Nicolas Weber", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Mathieu Klein", "role_kind": "other", "role": "Développeur"},
                    {"name": "Inès Brunet", "role_kind": "other", "role": "Développeuse"},
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "Un stagiaire qui finit sa formation et un employeur à vingt "
                            "minutes qui cherche ce profil : il suffisait de les présenter.",
                            "attribution": "Aurélie Schmitt, intrapreneure",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "slug": "dispositif-approuve",
                "title": "La Région lance son dispositif d'intrapreneuriat numérique",
                "date": date(2018, 12, 7),
                "summary": "La commission permanente a approuvé le dispositif et son premier "
                "projet, Trait d'union.",
                "body": [
                    (
                        "paragraph",
                        "Le Grand Est devient la première région française à proposer ce "
                        "type de dispositif à ses agents. Le premier projet reçoit un "
                        "investissement initial de 200 000 euros.",
                    ),
                ],
                "projects": ["trait-d-union"],
            },
            {
                "slug": "trait-d-union-premiere-version",
                "title": "Trait d'union : la première version est en ligne",
                "date": date(2019, 7, 1),
                "summary": "Six mois après son lancement, le service met en relation ses premiers "
                "stagiaires et employeurs.",
                "body": [
                    (
                        "paragraph",
                        "La première version est encore imparfaite. C'est voulu : les "
                        "retours des utilisateurs guideront les prochaines "
                        "améliorations.",
                    ),
                ],
                "projects": ["trait-d-union"],
            },
        ],
    },
    # ------------------------------------------------------------------ Pas-de-Calais
    {
        "slug": "pasdecalais",
        "hostname": "pasdecalais.localhost",
        "name": "Département du Pas-de-Calais",
        "kind": "departement",
        "display_name": "Pas-de-Calais — Startups de territoire",
        "contact_email": "incubateur@pasdecalais.example",
        "agent_email_domains": "pasdecalais.example",
        "footer_text": "Les startups de territoire du Pas-de-Calais sont portées par des agents du "
        "Département.",
        "social_links": [
            {"label": "LinkedIn", "url": "https://linkedin.example/pasdecalais"},
        ],
        "intro": (
            "Depuis fin 2017, le Département du Pas-de-Calais permet à ses agents de régler des "
            "problèmes du quotidien. Deux projets sont nés de cette démarche."
        ),
        "key_figures": [
            {"value": "Fin 2017", "label": "lancement de la démarche", "source": ""},
            {
                "value": "20 %",
                "label": "de rendez-vous manqués dans les services sociaux au départ",
                "source": "Constat du projet Lapins",
            },
            {
                "value": "5 %",
                "label": "objectif de rendez-vous manqués fixé par Lapins",
                "source": "",
            },
        ],
        "about": {
            "intro": (
                "L'incubateur du Département accompagne les agents qui veulent améliorer un "
                "service, pour les usagers comme pour leurs collègues."
            ),
            "body": [
                ("heading", "Une démarche lancée fin 2017"),
                (
                    "paragraph",
                    "Le Département a été parmi les premiers à tester la méthode. Deux "
                    "irritants ont été retenus : les rendez-vous manqués dans les "
                    "services sociaux et le partage du matériel entre services.",
                ),
                ("heading", "Des projets pour les usagers et pour les agents"),
                (
                    "paragraph",
                    "Lapins s'adresse aux usagers des services sociaux. La plateforme de "
                    "partage de matériel s'adresse aux agents. Dans les deux cas, "
                    "l'objectif est le même : un service public plus efficace.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Voir les résultats",
                        "description": "Ce que les deux projets ont permis d'apprendre.",
                        "link": "results",
                    },
                ),
            ],
        },
        "results": {
            "intro": "Le bilan des deux projets lancés fin 2017.",
            "body": [
                ("heading", "Lapins"),
                (
                    "paragraph",
                    "Au départ, un rendez-vous sur cinq était manqué dans les services "
                    "sociaux. L'objectif était de descendre à un sur vingt. Le projet a "
                    "été jugé réussi et fait aujourd'hui partie du fonctionnement normal "
                    "du Département.",
                ),
                (
                    "paragraph",
                    "Le détail des mesures, de la situation de départ à aujourd'hui, "
                    "figure sur la page du projet.",
                ),
                ("heading", "Partage de matériel entre services"),
                (
                    "paragraph",
                    "La plateforme est utilisée par plusieurs services et se trouve en "
                    "consolidation. Ses premiers résultats sont suivis sur la page du "
                    "projet.",
                ),
                (
                    "quote",
                    {
                        "quote": "Un rendez-vous manqué, c'est une aide qui arrive plus tard pour une "
                        "famille. Chaque rappel compte.",
                        "attribution": "Nathalie Caron, intrapreneure du projet Lapins",
                    },
                ),
            ],
        },
        "calls": [
            {
                "slug": "appel-a-irritants-2017",
                "title": "Appel à irritants 2017",
                "intro": (
                    "Le Département invite ses agents à signaler les problèmes qui gênent les "
                    "usagers ou freinent le travail des services."
                ),
                "eligibility": (
                    "Tous les agents du Département peuvent répondre, seuls ou en équipe."
                ),
                "next_steps": (
                    "Les irritants retenus entrent en pré-incubation en décembre 2017 pour trois "
                    "mois."
                ),
                "opens": date(2017, 10, 2),
                "closes": date(2017, 11, 10),
            },
        ],
        "projects": [
            {
                "slug": "lapins",
                "title": "Lapins",
                "pitch": "Moins de rendez-vous manqués dans les services sociaux : 20 % au départ, "
                "5 % visés.",
                "problem": (
                    "Dans les services sociaux, un rendez-vous sur cinq n'est pas honoré. Les "
                    "usagers oublient, ou ne peuvent pas prévenir. Les créneaux perdus rallongent "
                    "l'attente de tous les autres."
                ),
                "solution": (
                    "Lapins envoie un rappel par SMS avant chaque rendez-vous. L'usager peut "
                    "confirmer ou annuler en une réponse. Le créneau libéré est proposé à une "
                    "autre personne."
                ),
                "sponsor_service": "Direction de l'action sociale",
                "budget": None,
                "themes": ["accueil", "solidarites"],
                "user_types": ["familles", "personnes-en-insertion", "agents"],
                "links": {
                    "service": "https://lapins.pasdecalais.example/",
                    "source_code": "https://code.example/pasdecalais/lapins",
                    "statistics": "https://lapins.pasdecalais.example/stats",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2017, 12, 4),
                        "end": date(2018, 3, 2),
                        "comment": "Pré-incubation : étude des causes des rendez-vous manqués.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2018, 3, 5),
                        "end": date(2018, 8, 31),
                        "comment": "Version bêta des rappels par SMS dans deux services.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2018, 9, 3),
                        "end": date(2019, 12, 20),
                        "comment": "Extension à l'ensemble des services sociaux du Département.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2020, 1, 6),
                        "end": date(2021, 6, 30),
                        "comment": "Raccordement aux agendas des services.",
                    },
                    {
                        "phase": "transfer",
                        "start": date(2021, 7, 1),
                        "end": date(2022, 6, 30),
                        "comment": "Reprise par la direction des systèmes d'information.",
                    },
                    {
                        "phase": "operated",
                        "start": date(2022, 7, 1),
                        "end": None,
                        "comment": "Service permanent, proposé aux autres départements.",
                    },
                ],
                "team": [
                    {
                        "name": "Nathalie Caron",
                        "role_kind": "intrapreneur",
                        "role": "Assistante sociale, intrapreneure",
                    },
                    {"name": "Olivier Dumont", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Kevin Lemaire", "role_kind": "other", "role": "Développeur"},
                ],
                "body": [
                    (
                        "key_figure",
                        {
                            "value": "1 sur 5",
                            "label": "rendez-vous manqués dans les services sociaux avant le projet",
                            "source": "Constat de départ de l'équipe",
                        },
                    ),
                    (
                        "paragraph",
                        "Le nom du projet vient de l'expression « poser un lapin ». Il a "
                        "été choisi par l'équipe pour parler simplement d'un problème "
                        "sérieux.",
                    ),
                ],
            },
            {
                "slug": "partage-de-materiel",
                "title": "Partage de matériel entre services",
                "pitch": "Une plateforme pour prêter et emprunter outils et équipements entre les "
                "services du Département.",
                "problem": (
                    "Un service achète du matériel qu'un autre service possède déjà et utilise "
                    "peu. Personne ne sait ce qui est disponible, ni à qui le demander."
                ),
                "solution": (
                    "La plateforme recense le matériel que les services acceptent de prêter. Un "
                    "agent peut le réserver en quelques clics et sait à qui s'adresser."
                ),
                "sponsor_service": "Direction de la logistique et des moyens généraux",
                "budget": None,
                "themes": ["administration"],
                "user_types": ["agents"],
                "links": {
                    "service": "",
                    "source_code": "https://code.example/pasdecalais/partage-de-materiel",
                    "statistics": "",
                },
                "phases": [
                    {
                        "phase": "investigation",
                        "start": date(2017, 12, 4),
                        "end": date(2018, 3, 2),
                        "comment": "Inventaire des besoins avec plusieurs services.",
                    },
                    {
                        "phase": "construction",
                        "start": date(2018, 3, 5),
                        "end": date(2018, 8, 31),
                        "comment": "Première version testée sur un site administratif.",
                    },
                    {
                        "phase": "acceleration",
                        "start": date(2018, 9, 3),
                        "end": date(2020, 6, 30),
                        "comment": "Ouverture aux autres sites du Département.",
                    },
                    {
                        "phase": "consolidation",
                        "start": date(2020, 7, 1),
                        "end": None,
                        "comment": "Simplification de la réservation et du suivi des prêts.",
                    },
                ],
                "team": [
                    {
                        "name": "Patrick Vasseur",
                        "role_kind": "intrapreneur",
                        "role": "Agent logistique, intrapreneur",
                    },
                    {"name": "Olivier Dumont", "role_kind": "coach", "role": "Coach produit"},
                    {"name": "Manon Delattre", "role_kind": "other", "role": "Développeuse"},
                ],
                "body": [],
            },
        ],
        "news": [
            {
                "slug": "deux-startups-de-territoire",
                "title": "Deux premières startups de territoire pour le Département",
                "date": date(2018, 3, 5),
                "summary": "Après trois mois de pré-incubation, les deux projets lancés fin 2017 "
                "passent à la construction.",
                "body": [
                    (
                        "paragraph",
                        "Les équipes ont présenté leur preuve de concept à la direction. "
                        "Le projet Lapins s'attaque aux rendez-vous manqués dans les "
                        "services sociaux. Le second projet organise le partage de "
                        "matériel entre les services.",
                    ),
                    (
                        "paragraph",
                        "Chaque équipe a moins de six mois pour livrer une première "
                        "version à ses usagers.",
                    ),
                ],
                "projects": ["lapins", "partage-de-materiel"],
            },
            {
                "slug": "lapins-version-beta",
                "title": "Lapins : les premiers rappels par SMS",
                "date": date(2018, 6, 18),
                "summary": "La version bêta est testée dans deux services sociaux.",
                "body": [
                    (
                        "paragraph",
                        "Les usagers reçoivent un rappel avant leur rendez-vous et "
                        "peuvent répondre pour confirmer ou annuler. L'équipe recueille "
                        "leurs avis pour préparer l'évaluation à six mois.",
                    ),
                ],
                "projects": ["lapins"],
            },
            {
                "slug": "lapins-service-permanent",
                "title": "Lapins devient un service permanent",
                "date": date(2022, 7, 1),
                "summary": "Après quatre ans, le service est repris par les équipes habituelles du "
                "Département.",
                "body": [
                    (
                        "paragraph",
                        "Le passage à l'échelle est terminé. Le Département propose "
                        "maintenant Lapins aux autres collectivités qui souhaitent le "
                        "reprendre.",
                    ),
                    (
                        "call_to_action",
                        {
                            "text": "Voir les résultats",
                            "description": "Le bilan des projets du Pas-de-Calais.",
                            "link": "results",
                        },
                    ),
                ],
                "projects": ["lapins"],
            },
        ],
    },
]


# Impact, decisions and sharing, by project slug. Indicators follow the impact matrix
# (usable, used, useful, impact, efficient); each measurement is (date, value).
PROJECT_IMPACT = {
    "apa-a-domicile": {
        "shareable": True,
        "indicators": [
            {
                "name": "Délai moyen de traitement d'une demande d'APA",
                "category": "impact",
                "unit": "jours",
                "direction": "lower",
                "baseline": 75,
                "target": 45,
                "highlighted": True,
                "description": "Du dépôt du dossier complet à la notification, sur les demandes du trimestre.",
                "measurements": [
                    (date(2020, 1, 31), 70),
                    (date(2020, 12, 31), 58),
                    (date(2021, 12, 31), 49),
                    (date(2022, 12, 30), 46),
                ],
            },
            {
                "name": "Demandes déposées en ligne",
                "category": "used",
                "unit": "%",
                "direction": "higher",
                "baseline": 0,
                "target": 50,
                "highlighted": False,
                "description": "Part des nouvelles demandes arrivées par la plateforme plutôt que sur papier.",
                "measurements": [
                    (date(2019, 12, 31), 8),
                    (date(2020, 12, 31), 27),
                    (date(2021, 12, 31), 41),
                    (date(2022, 12, 30), 52),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2019, 6, 28),
                "evaluation": "committee",
                "decision": "continue",
                "reason": "Les entretiens confirment que les familles perdent surtout du temps à savoir où en est leur dossier. L'équipe construit une première version.",
            },
            {
                "date": date(2020, 1, 31),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Sur 120 familles interrogées dans le secteur pilote, huit sur dix trouvent la demande plus simple. Le service est ouvert à tout le département.",
            },
        ],
    },
    "cde-informer-les-familles": {
        "indicators": [
            {
                "name": "Familles qui suivent la situation de leur enfant en ligne",
                "category": "used",
                "unit": "familles",
                "direction": "higher",
                "baseline": None,
                "target": 200,
                "highlighted": False,
                "description": "Familles qui se sont connectées au moins une fois dans l'année.",
                "measurements": [
                    (date(2020, 6, 30), 35),
                    (date(2021, 6, 30), 96),
                    (date(2022, 6, 30), 150),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2020, 1, 31),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les familles interrogées disent mieux comprendre les étapes du placement. Les éducateurs demandent de pouvoir y ajouter des nouvelles.",
            },
        ],
    },
    "rsa-en-ligne": {
        "shareable": True,
        "indicators": [
            {
                "name": "Délai d'ouverture des droits au RSA",
                "category": "impact",
                "unit": "jours",
                "direction": "lower",
                "baseline": 60,
                "target": 30,
                "highlighted": True,
                "description": "Délai médian entre la première demande et le premier versement.",
                "measurements": [
                    (date(2019, 12, 20), 52),
                    (date(2020, 12, 18), 38),
                    (date(2021, 12, 17), 29),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2019, 12, 20),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les allocataires interrogés obtiennent une réponse plus vite et savent quelles pièces fournir. Le délai baisse déjà de huit jours.",
            },
            {
                "date": date(2020, 12, 18),
                "evaluation": "committee",
                "decision": "scale_up",
                "reason": "Le délai a baissé de plus d'un tiers. La plateforme est confiée aux services informatiques du Département pour durer.",
            },
        ],
    },
    "accueil-telephonique-uts": {
        "indicators": [
            {
                "name": "Appels décrochés",
                "category": "useful",
                "unit": "%",
                "direction": "higher",
                "baseline": 55,
                "target": 85,
                "highlighted": False,
                "description": "Part des appels reçus par les unités territoriales sociales qui obtiennent une réponse.",
                "measurements": [
                    (date(2019, 9, 30), 58),
                    (date(2019, 12, 16), 61),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2019, 12, 20),
                "evaluation": "user_evaluation",
                "decision": "stop",
                "reason": "Le rappel automatique n'a presque pas réduit l'attente et les usagers interrogés ne voient pas de différence. Le projet s'arrête ; ses constats sont remis aux unités territoriales.",
            },
        ],
    },
    "gazette-de-pau": {
        "indicators": [
            {
                "name": "Abonnés de plus de 60 ans",
                "category": "used",
                "unit": "abonnés",
                "direction": "higher",
                "baseline": 0,
                "target": 1500,
                "highlighted": True,
                "description": "Personnes qui reçoivent la Gazette, en ligne ou imprimée.",
                "measurements": [
                    (date(2019, 12, 31), 240),
                    (date(2020, 12, 31), 820),
                    (date(2021, 12, 31), 1310),
                ],
            },
            {
                "name": "Lecteurs qui se sentent moins isolés",
                "category": "useful",
                "unit": "%",
                "direction": "higher",
                "baseline": None,
                "target": 50,
                "highlighted": False,
                "description": "Réponses à l'enquête annuelle auprès des abonnés.",
                "measurements": [(date(2021, 6, 30), 46)],
            },
        ],
        "decisions": [
            {
                "date": date(2020, 1, 31),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les premiers abonnés lisent chaque numéro et beaucoup ont rejoint une activité proposée dans la Gazette.",
            },
        ],
    },
    "acces-au-debat-public": {
        "decisions": [
            {
                "date": date(2019, 6, 28),
                "evaluation": "committee",
                "decision": "stop",
                "reason": "Le problème est réel, mais la pré-incubation n'a pas fait émerger de solution que l'équipe puisse tester en six mois.",
            },
        ],
    },
    "meli-melo": {
        "shareable": True,
        "indicators": [
            {
                "name": "Jeunes de 18 à 25 ans qui consultent la carte chaque mois",
                "category": "used",
                "unit": "utilisateurs",
                "direction": "higher",
                "baseline": 0,
                "target": 2000,
                "highlighted": True,
                "description": "Visiteurs distincts par mois, sans suivi individuel.",
                "measurements": [
                    (date(2020, 6, 30), 400),
                    (date(2020, 12, 18), 1100),
                    (date(2021, 12, 17), 2300),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2019, 12, 20),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les jeunes interrogés découvrent des activités qu'ils ne connaissaient pas. Les clubs demandent à y figurer.",
            },
        ],
    },
    "poubelles-battle": {
        "shareable": True,
        "indicators": [
            {
                "name": "Déchets détournés vers le compostage",
                "category": "impact",
                "unit": "tonnes par an",
                "direction": "higher",
                "baseline": 0,
                "target": 120,
                "highlighted": True,
                "description": "Estimation à partir des pesées réalisées par les référents de chaque résidence.",
                "measurements": [
                    (date(2020, 12, 31), 35),
                    (date(2021, 9, 30), 88),
                ],
            },
            {
                "name": "Composteurs collectifs installés",
                "category": "used",
                "unit": "composteurs",
                "direction": "higher",
                "baseline": 0,
                "target": 60,
                "highlighted": False,
                "description": "",
                "measurements": [
                    (date(2020, 6, 30), 12),
                    (date(2021, 6, 30), 41),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2020, 1, 31),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les habitants des premières résidences utilisent les composteurs et le concours entre immeubles les motive.",
            },
            {
                "date": date(2021, 9, 30),
                "evaluation": "committee",
                "decision": "scale_up",
                "reason": "Le dispositif est proposé aux communes voisines de l'agglomération.",
            },
        ],
    },
    "trait-d-union": {
        "shareable": True,
        "indicators": [
            {
                "name": "Personnes mises en relation avec un employeur",
                "category": "used",
                "unit": "personnes",
                "direction": "higher",
                "baseline": 0,
                "target": 1000,
                "highlighted": False,
                "description": "Personnes sorties de formation qui ont reçu au moins une proposition d'un employeur du même bassin d'emploi.",
                "measurements": [
                    (date(2019, 6, 28), 150),
                    (date(2019, 12, 20), 420),
                    (date(2020, 12, 18), 980),
                ],
            },
            {
                "name": "Embauches après une mise en relation",
                "category": "impact",
                "unit": "embauches",
                "direction": "higher",
                "baseline": None,
                "target": None,
                "highlighted": True,
                "description": "Déclarées par les employeurs.",
                "measurements": [(date(2020, 12, 18), 210)],
            },
        ],
        "decisions": [
            {
                "date": date(2019, 6, 28),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Employeurs et personnes formées trouvent la mise en relation utile. Le service est ouvert à toute la région.",
            },
        ],
    },
    "lapins": {
        "shareable": True,
        "indicators": [
            {
                "name": "Rendez-vous manqués dans les services sociaux",
                "category": "impact",
                "unit": "%",
                "direction": "lower",
                "baseline": 20,
                "target": 5,
                "highlighted": True,
                "description": "Rendez-vous où l'usager ne vient pas sans avoir prévenu, sur un mois.",
                "measurements": [
                    (date(2018, 3, 1), 20),
                    (date(2018, 8, 31), 14),
                    (date(2019, 6, 28), 10),
                    (date(2019, 12, 20), 7),
                    (date(2020, 12, 18), 6),
                    (date(2021, 12, 17), 5),
                ],
            },
            {
                "name": "Services sociaux qui envoient les rappels",
                "category": "used",
                "unit": "services",
                "direction": "higher",
                "baseline": 0,
                "target": 30,
                "highlighted": False,
                "description": "",
                "measurements": [
                    (date(2018, 6, 29), 2),
                    (date(2019, 6, 28), 12),
                    (date(2020, 6, 30), 30),
                ],
            },
            {
                "name": "Usagers qui confirment ou annulent par SMS",
                "category": "useful",
                "unit": "%",
                "direction": "higher",
                "baseline": None,
                "target": 60,
                "highlighted": False,
                "description": "Part des rappels qui reçoivent une réponse.",
                "measurements": [
                    (date(2018, 9, 28), 41),
                    (date(2019, 9, 30), 55),
                    (date(2021, 9, 30), 63),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2018, 3, 2),
                "evaluation": "committee",
                "decision": "continue",
                "reason": "La plupart des absences viennent d'un simple oubli : un rappel peut suffire. L'équipe construit une version bêta.",
            },
            {
                "date": date(2018, 8, 31),
                "evaluation": "user_evaluation",
                "decision": "scale_up",
                "reason": "Dans les deux services pilotes, les absences sont passées de 20 % à 14 % et les usagers interrogés apprécient le rappel. Le service est étendu à tout le Département.",
            },
        ],
    },
    "partage-de-materiel": {
        "shareable": True,
        "indicators": [
            {
                "name": "Prêts entre services",
                "category": "used",
                "unit": "prêts par an",
                "direction": "higher",
                "baseline": 0,
                "target": None,
                "highlighted": False,
                "description": "",
                "measurements": [
                    (date(2019, 12, 31), 180),
                    (date(2020, 12, 31), 260),
                    (date(2021, 12, 31), 410),
                ],
            },
            {
                "name": "Achats évités",
                "category": "efficient",
                "unit": "€",
                "direction": "higher",
                "baseline": 0,
                "target": 100000,
                "highlighted": True,
                "description": "Valeur du matériel emprunté au lieu d'être acheté, sur l'année.",
                "measurements": [
                    (date(2020, 12, 31), 38000),
                    (date(2021, 12, 31), 72000),
                ],
            },
        ],
        "decisions": [
            {
                "date": date(2018, 8, 31),
                "evaluation": "user_evaluation",
                "decision": "continue",
                "reason": "Les agents des services pilotes empruntent du matériel chaque semaine. Le catalogue est ouvert aux autres directions.",
            },
        ],
    },
}
