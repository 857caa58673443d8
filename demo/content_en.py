"""English translations of part of the demo content: each territory's identity (name and
footer), home page, about page and one project, in the shape of ``content.py``.

The loader pairs each English string with the French one at the same place in ``content.py``
and hands the pairs to wagtail-localize as a translator's PO file would; a French string
without its English counterpart stops the loader, so the two files cannot drift apart.
Person names are repeated as they are: wagtail-localize asks for every string.
"""

# The footer links' texts, keyed like ``content.FOOTER_LINK_LABELS``.
FOOTER_LINK_LABELS = {"about": "About us", "calls": "Report an irritant"}

# The shared vocabulary, translated through wagtail-localize like the pages.
TERM_NAMES = {
    "Autonomie et grand âge": "Independent living and old age",
    "Enfance et famille": "Childhood and family",
    "Solidarités et insertion": "Social support and inclusion",
    "Accueil des usagers": "Public reception",
    "Emploi et formation": "Employment and training",
    "Participation citoyenne": "Citizen participation",
    "Jeunesse, culture et sport": "Youth, culture and sport",
    "Environnement et déchets": "Environment and waste",
    "Lien social": "Social ties",
    "Fonctionnement des services": "How services run",
    "Personnes âgées": "Older people",
    "Proches aidants": "Family carers",
    "Familles": "Families",
    "Jeunes de 18 à 25 ans": "Young people aged 18 to 25",
    "Personnes en insertion": "People returning to work",
    "Demandeurs d'emploi et stagiaires": "Jobseekers and trainees",
    "Employeurs": "Employers",
    "Habitants": "Residents",
    "Agents publics": "Public servants",
}

# The hub's home page, and its identity's texts in English (the site name comes from the
# page's title when the identity gives none).
NETWORK = {
    "identity": {
        "banner_alt": (
            "Illustration: territories linked to one another like the dots of a network, "
            "under a rising sun."
        ),
    },
    "home": {
        "title": "Territorial startups network",
        "slug": "network",
        "intro": (
            "Local authorities give their staff the time and the means to fix the problems "
            "that people run into with public services every day. This site shows their "
            "projects, what becomes of them and what they learnt."
        ),
        "body": [
            ("heading", "What is a territorial startup?"),
            (
                "paragraph",
                "A small team of public servants tackling one precise problem. We call that "
                "problem an irritant: a grain of sand that trips up the users of a public "
                "service, again and again. The public servant who spotted it leads the "
                "project: the intrapreneur.",
            ),
            (
                "paragraph",
                "The team works on its own, with the help of coaches. It quickly builds a "
                "first version, puts it in the hands of users and keeps what works.",
            ),
            ("heading", "The method in short"),
            (
                "paragraph",
                "1. A call for irritants is open to all staff, whatever their job.",
            ),
            (
                "paragraph",
                "2. Each problem is checked: does it come back often? What does it cost residents?",
            ),
            (
                "paragraph",
                "3. The projects selected spend three months in pre-incubation, then are "
                "presented to the management.",
            ),
            (
                "paragraph",
                "4. The best become territorial startups and have less than six months to "
                "deliver a first version.",
            ),
            (
                "paragraph",
                "5. After six months, users are asked. If they are too few or not satisfied, "
                "the project stops.",
            ),
            (
                "paragraph",
                "6. The services that find their users are consolidated, then become part of "
                "how the local authority normally works.",
            ),
            (
                "paragraph",
                "7. What worked is shared with other services and other local authorities.",
            ),
            (
                "call_to_action",
                {
                    "text": "Read the method in detail",
                    "description": "The seven steps, from the call for irritants to sharing "
                    "what succeeded.",
                },
            ),
            ("heading", "Why publish everything?"),
            (
                "paragraph",
                "Each project shows its phase, its team and its results, even when it stops. "
                "Residents can follow what becomes of public money. Other local authorities "
                "can take up what worked and avoid what failed.",
            ),
            ("heading", "Simple, light pages"),
            (
                "paragraph",
                "In France, 13 million people, one in five, do not use the Internet. Many "
                "more have a slow connection or an old phone. So our pages are short, easy "
                "to read and quick to load, with nothing superfluous.",
            ),
        ],
    },
}

TERRITORIES = {
    # ------------------------------------------------------------------ Var
    "var": {
        "identity": {
            "display_name": "Var — Territorial startups",
            "banner_alt": (
                "Illustration: a seaside town, its roofs and a rising sun, "
                "in the colours of the Var Département."
            ),
            "footer_text": (
                "The territorial startups incubator is a service of the Var Département."
            ),
        },
        "home": {
            "title": "Var Département",
            "slug": "var",
            "intro": (
                "The Var Département asks its own staff to solve concrete problems that service "
                "users run into. Four projects started in 2019, in elderly care, child welfare "
                "and social support."
            ),
            "key_figures": [
                {"value": "4", "label": "irritants selected for pre-incubation"},
                {"value": "3 months", "label": "of pre-incubation, from February to June 2019"},
                {"value": "1 day", "label": "a week freed up for each intrapreneur"},
            ],
        },
        "about": {
            "title": "About",
            "slug": "about",
            "intro": (
                "The incubator supports Département staff who want to fix a problem faced by the "
                "people who use its services."
            ),
            "body": [
                ("heading", "A programme born from a call for irritants"),
                (
                    "paragraph",
                    "At the end of 2018, the Département asked its staff to report the problems "
                    "that bother service users the most. Four irritants were selected. They "
                    "concern the personal autonomy allowance, information about the children "
                    "placed in the departmental children's centre, the active solidarity income "
                    "(RSA) and phone reception in social services.",
                ),
                ("heading", "Pre-incubation in 2019"),
                (
                    "paragraph",
                    "Pre-incubation ran from February to June 2019. It opened with a launch "
                    "seminar. The intrapreneurs worked on their project one day a week, with "
                    "coaches. At the end, each team presented its proof of concept to senior "
                    "management.",
                ),
                ("heading", "What came next?"),
                (
                    "paragraph",
                    "The selected projects became territorial startups. Their progress is "
                    "published on this site, one phase at a time.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "See the Var projects",
                        "description": "Four projects, their teams and their current phase.",
                    },
                ),
            ],
        },
        "project": {
            "slug": "apa-a-domicile",
            "english": {
                "impact": [
                    {
                        "name": "Average time to process a home care allowance application",
                        "unit": "days",
                        "description": "From the complete application to the decision, for the "
                        "quarter's applications.",
                    },
                    {
                        "name": "Applications made online",
                        "unit": "%",
                        "description": "Share of new applications that came through the platform "
                        "rather than on paper.",
                    },
                ],
                "title": "Home care allowance online",
                "slug": "home-care-allowance",
                "pitch": "An online platform to apply for the personal autonomy allowance more "
                "easily and follow the application.",
                "problem": (
                    "People who are losing their autonomy are entitled to help so that they can "
                    "stay at home. But applying takes long and is hard to follow. Many families "
                    "do not know how far their file has got or which documents to send."
                ),
                "solution": (
                    "A platform lets people apply, with the help of a relative if needed. At "
                    "every step, applicants see where their file stands. Help by phone remains "
                    "available for those who do not use the Internet."
                ),
                "sponsor_service": "Autonomy department",
                "phases": [
                    {"comment": "Interviews with families and home assessors."},
                    {"comment": "A first version opened in one area of the Département."},
                    {"comment": "Opened to the whole Département after the six-month evaluation."},
                    {"comment": "Connected to the Département's benefits management software."},
                ],
                "team": [
                    {"role": "Social worker, intrapreneur"},
                    {"role": "Product coach"},
                    {"role": "Developer"},
                ],
                "decisions": [
                    {
                        "reason": "The interviews confirm that families mostly lose time finding "
                        "out where their file stands. The team builds a first version."
                    },
                    {
                        "reason": "Of 120 families asked in the pilot area, eight in ten find "
                        "applying simpler. The service opens to the whole Département."
                    },
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "Families mostly called us to find out where their file "
                            "was. That question, we could answer online.",
                            "attribution": "Claire Fontaine, intrapreneur",
                        },
                    ),
                ],
            },
        },
    },
    # ------------------------------------------------------------------ Pau
    "pau": {
        "identity": {
            "display_name": "Pau Béarn Pyrénées — Territorial startups",
            "banner_alt": (
                "Illustration: the Pyrenees behind the town's roofs, "
                "in the colours of Pau Béarn Pyrénées."
            ),
            "footer_text": (
                "A programme of the Pau Béarn Pyrénées urban community "
                "to improve everyday public services."
            ),
        },
        "home": {
            "title": "Pau Béarn Pyrénées urban community",
            "slug": "pau",
            "intro": (
                "The Pau Béarn Pyrénées urban community backs staff members who want to improve "
                "residents' lives. Four projects started in 2019: isolation of older people, "
                "public debate, activities for young people and composting."
            ),
            "key_figures": [
                {"value": "4", "label": "irritants selected for pre-incubation"},
                {"value": "3 months", "label": "of pre-incubation in 2019"},
                {"value": "18 to 25", "label": "the age group the Méli-mélo project serves"},
            ],
        },
        "about": {
            "title": "About",
            "slug": "about",
            "intro": (
                "The urban community's incubator helps staff turn a problem seen in the field "
                "into a service that residents find useful."
            ),
            "body": [
                ("heading", "The programme"),
                (
                    "paragraph",
                    "The urban community follows the same method as the Var Département. A call "
                    "for irritants led to four projects being selected. They went through three "
                    "months of pre-incubation in spring 2019.",
                ),
                (
                    "paragraph",
                    "The intrapreneurs were freed up one day a week. With the support of coaches, "
                    "they carried out surveys among residents.",
                ),
                ("heading", "A new call is open"),
                (
                    "paragraph",
                    "Staff of the urban community can report a new irritant. The projects "
                    "selected will follow the same path.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Answer the call for irritants",
                        "description": "Who can take part, the timetable and what happens to "
                        "each proposal.",
                    },
                ),
            ],
        },
        "project": {
            "slug": "gazette-de-pau",
            "english": {
                "impact": [
                    {
                        "name": "Subscribers over 60",
                        "unit": "subscribers",
                        "description": "People who receive the Gazette, online or in print.",
                    },
                    {
                        "name": "Readers who feel less isolated",
                        "unit": "%",
                        "description": "Answers to the yearly survey of subscribers.",
                    },
                ],
                "title": "La Gazette de Pau",
                "slug": "gazette-de-pau",
                "pitch": "A platform that breaks the isolation of people over 60 by telling them "
                "about activities near their home.",
                "problem": (
                    "Many people over 60 live alone. They know little about the activities on "
                    "offer in their neighbourhood. Isolation sets in without anyone noticing."
                ),
                "solution": (
                    "The Gazette brings together the area's activities and events. It comes "
                    "online and in print, handed out by town halls and local associations."
                ),
                "sponsor_service": "Social cohesion department",
                "phases": [
                    {"comment": "Meetings with older people in clubs and community centres."},
                    {"comment": "First issues online and in print."},
                    {"comment": "Handed out in every town of the conurbation."},
                    {"comment": "Looking for a lasting way to hand it out, with associations."},
                ],
                "team": [
                    {"role": "Community centre organiser, intrapreneur"},
                    {"role": "Product coach"},
                    {"role": "Developer"},
                ],
                "decisions": [
                    {
                        "reason": "The first subscribers read every issue and many joined an "
                        "activity the Gazette offered."
                    },
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "Some people have no Internet access. The printed edition "
                            "was not an option, it was a necessity.",
                            "attribution": "Martine Lefèvre, intrapreneur",
                        },
                    ),
                ],
            },
        },
    },
    # ------------------------------------------------------------------ Grand Est
    "grandest": {
        "identity": {
            "display_name": "Grand Est — Territorial startups",
            "banner_alt": (
                "Illustration: hills planted with vines and a village, "
                "in the colours of the Grand Est Région."
            ),
            "footer_text": (
                "The digital intrapreneurship scheme is part of Grand Est's Smart Région strategy."
            ),
        },
        "home": {
            "title": "Grand Est Region",
            "slug": "grandest",
            "intro": (
                "Grand Est is the first French region to set up a digital intrapreneurship "
                "scheme. Its first project, Trait d'union, brings together people who have just "
                "been trained and employers who are hiring."
            ),
            "key_figures": [
                {"value": "€200,000", "label": "initial investment in Trait d'union"},
                {"value": "6 months", "label": "to build a first version"},
                {"value": "7 Dec. 2018", "label": "approval by the standing committee"},
            ],
        },
        "about": {
            "title": "About",
            "slug": "about",
            "intro": (
                "The Region lets its staff lead digital projects that make life simpler for "
                "residents and businesses."
            ),
            "body": [
                ("heading", "A regional scheme"),
                (
                    "paragraph",
                    "The standing committee of the regional council approved the scheme on "
                    "7 December 2018. This makes Grand Est the first French region to offer "
                    "digital intrapreneurship to its staff.",
                ),
                (
                    "paragraph",
                    "The scheme is part of the Smart Région strategy, which aims to put digital "
                    "tools at the service of the territory.",
                ),
                ("heading", "The first project"),
                (
                    "paragraph",
                    "Trait d'union received an initial investment of 200,000 euros. The team had "
                    "six months to deliver a first version.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "Discover Trait d'union",
                        "description": "The project, its team and its progress.",
                    },
                ),
            ],
        },
        "project": {
            "slug": "trait-d-union",
            "english": {
                "impact": [
                    {
                        "name": "People put in touch with an employer",
                        "unit": "people",
                        "description": "People who finished a training course and received at "
                        "least one offer from an employer in the same employment area.",
                    },
                    {
                        "name": "Hires after being put in touch",
                        "unit": "hires",
                        "description": "As reported by employers.",
                    },
                ],
                "title": "Trait d'union",
                "slug": "trait-d-union",
                "pitch": "Connecting people who finish a training course with employers looking "
                "for those skills in the same employment area.",
                "problem": (
                    "Some people complete a training course funded by the Region and still find "
                    "no job. In the same employment area, employers are looking for exactly "
                    "those skills. The two never meet."
                ),
                "solution": (
                    "With their consent, Trait d'union introduces people who have just finished a "
                    "training course near an employer to that employer. Employers can then "
                    "contact them directly."
                ),
                "sponsor_service": "Vocational training department",
                "phases": [
                    {
                        "comment": "Six months to build a first version, after the approval of "
                        "7 December 2018."
                    },
                    {"comment": "Opened to new employment areas."},
                    {"comment": "Work with training providers to make the service last."},
                ],
                "team": [
                    {"role": "Training officer, intrapreneur"},
                    {"role": "Product coach"},
                    {"role": "Developer"},
                    {"role": "Developer"},
                ],
                "decisions": [
                    {
                        "reason": "Employers and trained people find the introductions useful. "
                        "The service opens to the whole region."
                    },
                ],
                "body": [
                    (
                        "quote",
                        {
                            "quote": "A trainee finishing a course, and an employer twenty "
                            "minutes away looking for that profile: all it took was an "
                            "introduction.",
                            "attribution": "Aurélie Schmitt, intrapreneur",
                        },
                    ),
                ],
            },
        },
    },
    # ------------------------------------------------------------------ Pas-de-Calais
    "pasdecalais": {
        "identity": {
            "display_name": "Pas-de-Calais — Territorial startups",
            "banner_alt": (
                "Illustration: slag heaps and a coast of cliffs under the sun, "
                "in the colours of the Pas-de-Calais."
            ),
            "footer_text": (
                "Pas-de-Calais territorial startups are led by staff of the Département."
            ),
        },
        "home": {
            "title": "Pas-de-Calais Département",
            "slug": "pasdecalais",
            "intro": (
                "Since the end of 2017, the Pas-de-Calais Département has let its staff fix "
                "everyday problems. Two projects have come out of this approach."
            ),
            "key_figures": [
                {"value": "End of 2017", "label": "the approach starts"},
                {
                    "value": "20%",
                    "label": "of social services appointments missed at the outset",
                    "source": "Finding of the Lapins project",
                },
                {"value": "5%", "label": "missed appointments: the target Lapins set"},
            ],
        },
        "about": {
            "title": "About",
            "slug": "about",
            "intro": (
                "The Département's incubator supports staff who want to improve a service, for "
                "service users and colleagues alike."
            ),
            "body": [
                ("heading", "An approach launched at the end of 2017"),
                (
                    "paragraph",
                    "The Département was among the first to try the method. Two irritants were "
                    "selected: missed appointments in social services, and sharing equipment "
                    "between departments.",
                ),
                ("heading", "Projects for service users and for staff"),
                (
                    "paragraph",
                    "Lapins serves the people who use social services. The equipment-sharing "
                    "platform serves staff. Both share the same goal: a more effective public "
                    "service.",
                ),
                (
                    "call_to_action",
                    {
                        "text": "See the results",
                        "description": "What the two projects have taught us.",
                    },
                ),
            ],
        },
        "project": {
            "slug": "lapins",
            "english": {
                "impact": [
                    {
                        "name": "Missed appointments in social services",
                        "unit": "%",
                        "description": "Appointments where the person does not come and did not "
                        "say so, over a month.",
                    },
                    {
                        "name": "Social services sending reminders",
                        "unit": "services",
                        "description": "",
                    },
                    {
                        "name": "People who confirm or cancel by text message",
                        "unit": "%",
                        "description": "Share of reminders that get an answer.",
                    },
                ],
                "title": "Lapins (no-shows)",
                "slug": "no-shows",
                "pitch": "Fewer missed appointments in social services: from 20% at the start "
                "to a target of 5%.",
                "problem": (
                    "In social services, one appointment in five is missed. People forget, or "
                    "cannot let the service know. The lost slots make everyone else wait longer."
                ),
                "solution": (
                    "Lapins sends a text message reminder before each appointment. People can "
                    "confirm or cancel with a single reply. The freed slot is offered to someone "
                    "else."
                ),
                "sponsor_service": "Social action department",
                "phases": [
                    {"comment": "Pre-incubation: studying why appointments are missed."},
                    {"comment": "Beta version of text reminders in two services."},
                    {"comment": "Extended to all the Département's social services."},
                    {"comment": "Connected to the services' calendars."},
                    {"comment": "Taken over by the information systems department."},
                    {"comment": "A permanent service, offered to other Départements."},
                ],
                "team": [
                    {"role": "Social worker, intrapreneur"},
                    {"role": "Product coach"},
                    {"role": "Developer"},
                ],
                "decisions": [
                    {
                        "reason": "Most absences come from simply forgetting: a reminder can be "
                        "enough. The team builds a beta version."
                    },
                    {
                        "reason": "In the two pilot services, absences fell from 20% to 14% and "
                        "the users asked like the reminder. The service is extended to the whole "
                        "Département."
                    },
                ],
                "body": [
                    (
                        "key_figure",
                        {
                            "value": "1 in 5",
                            "label": "social services appointments missed before the project",
                            "source": "The team's initial finding",
                        },
                    ),
                    (
                        "paragraph",
                        "The project's name comes from the French expression “poser un "
                        "lapin”, to stand someone up. The team chose it to talk plainly "
                        "about a serious problem.",
                    ),
                ],
            },
        },
    },
}
