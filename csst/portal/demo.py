"""Demo public content, from the UPU's own pages on SSTC (French original, English translation).

Idempotent: each record is found by its natural key (page slug, French title, contact role) and
created only when missing; content that already exists is never overwritten.
"""

from datetime import date

from .models import (
    Contact,
    DatePrecision,
    Document,
    DocumentCategory,
    DocumentLanguage,
    NewsItem,
    NewsStatus,
    Page,
    PageSlug,
    Visibility,
)

SOURCE_FR = (
    "https://www.upu.int/fr/solutions-postales/renforcement-des-capacites/"
    "developpement-et-cooperation/cooperation-sudsud-et-triangulaire"
)
SOURCE_EN = (
    "https://www.upu.int/en/postal-solutions/capacity-building/"
    "development-and-cooperation/south-south-and-triangular-cooperation"
)

ABOUT_FR = f"""\
## La coopération Sud-Sud

La coopération Sud-Sud est un vaste cadre de collaboration entre les pays du Sud dans les domaines \
politique, économique, social, culturel, environnemental et technique. États, organisations \
internationales, milieux universitaires, société civile et secteur privé s'en servent pour \
partager \
connaissances, compétences, ressources et initiatives réussies.

Dans son rapport de 2017 à l'Assemblée générale des Nations Unies sur l'état de la coopération \
Sud-Sud, le Secrétaire général de l'ONU, António Guterres, a chargé le Bureau des Nations Unies \
pour \
la coopération Sud-Sud (UNOSSC) de coordonner, avec les agences des Nations Unies, la préparation \
d'une stratégie de coopération Sud-Sud à l'échelle de tout le système des Nations Unies, afin que \
celui-ci apporte un soutien plus cohérent et mieux coordonné.

> « La coopération Sud-Sud continue de se révéler prometteuse pour accélérer les progrès \
permettant \
de réaliser les Objectifs de développement durable 2030 »
>
> — Le Secrétaire général des Nations Unies, Journée des Nations Unies pour la coopération \
Sud-Sud, \
12 septembre 2019

## La coopération triangulaire

Dans la coopération Sud-Sud et triangulaire (CSST), des pays donateurs traditionnels et des \
organisations multilatérales facilitent les initiatives Sud-Sud : ils apportent des mécanismes de \
financement, des programmes de formation et de gestion, des systèmes technologiques et d'autres \
formes de soutien.

La coopération triangulaire réunit trois acteurs : au moins deux pays en développement du Sud \
et un \
acteur du Nord. Celui-ci, qui peut être une organisation internationale, fournit les ressources \
financières qui permettent aux pays du Sud de recevoir une assistance technique sur un sujet précis.

Les termes « Nord » et « Sud » désignent des différences sociales, économiques et politiques entre \
pays industrialisés et pays en développement, et non une position géographique.

## Des racines anciennes

La CSST s'inscrit dans la continuité du Plan d'action de Buenos Aires (1978) et de la conférence \
PABA+40 (2019).

## Le saviez-vous ?

- Les pays du Sud représentent plus de la moitié de la croissance mondiale.
- Le commerce Sud-Sud dépasse le quart du commerce mondial.
- Les investissements directs étrangers sortant des pays du Sud représentent un tiers des flux \
mondiaux.
- Les envois de fonds vers les pays en développement ont atteint 466 milliards de dollars des \
États-Unis en 2018.

Source : [page de l'UPU sur la coopération Sud-Sud et triangulaire]({SOURCE_FR})
"""

ABOUT_EN = f"""\
## South-South cooperation

South-South cooperation is a broad framework of collaboration among countries of the South in the \
political, economic, social, cultural, environmental and technical domains. States, international \
organisations, academia, civil society and the private sector use it to share knowledge, skills, \
resources and successful initiatives.

In his 2017 report to the United Nations General Assembly on the state of South-South cooperation, \
the UN Secretary-General, António Guterres, mandated the United Nations Office for South-South \
Cooperation (UNOSSC) to coordinate, with the UN agencies, the preparation of a UN system-wide \
South-South cooperation strategy, so that the system gives more coherent and better coordinated \
support.

> "South-South cooperation continues to show promise for accelerating progress towards the 2030 \
Sustainable Development Goals"
>
> — The Secretary-General of the United Nations, United Nations Day for South-South Cooperation, \
12 September 2019

## Triangular cooperation

In South-South and triangular cooperation (SSTC), traditional donor countries and multilateral \
organisations facilitate South-South initiatives: they provide funding mechanisms, training and \
management programmes, technological systems and other forms of support.

Triangular cooperation brings together three actors: at least two developing countries of the \
South \
and one actor of the North. The latter, which may be an international organisation, provides the \
financial resources that allow the countries of the South to receive technical assistance on a \
precise topic.

The terms "North" and "South" refer to social, economic and political differences between \
industrialised and developing countries, not to geography.

## Long-standing roots

SSTC follows on from the Buenos Aires Plan of Action (1978) and the BAPA+40 conference (2019).

## Did you know?

- The countries of the South account for more than half of world growth.
- South-South trade is more than a quarter of world trade.
- Outflows of foreign direct investment from the South are a third of world flows.
- Remittances to developing countries reached 466 billion US dollars in 2018.

Source: [UPU page on South-South and triangular cooperation]({SOURCE_EN})
"""

ACTIONS_FR = """\
## Notre méthode

- **« Rien pour moi sans moi »** : le bénéficiaire est maître de sa demande et de son projet.
- **Des solutions propres à chaque pays**, alignées sur les Objectifs de développement durable \
(ODD).
- **Des technologies appropriées.**
- **Les enseignements tirés dans les pays du Sud** : ne pas réinventer la roue.
- **L'alignement sur les priorités nationales.**
- **La méthodologie adoptée par le Congrès d'Abidjan (2021).**
- **Une approche ascendante.**
- **« Faire plus avec moins ».**

## Nos cinq grands objectifs

1. Soutenir les efforts de développement nationaux et régionaux.
2. Renforcer les capacités institutionnelles et techniques.
3. Améliorer l'échange de connaissances et d'expériences entre pays en développement.
4. Répondre à des défis spécifiques.
5. Optimiser l'impact de la coopération internationale et l'efficacité de l'UPU.

## Projets prévus et en cours

- **ORE – Préparation opérationnelle au commerce électronique** (depuis 2017), conduit selon la \
méthode de la CSST, autour de cinq axes : exigences opérationnelles minimales, visibilité, qualité \
des données, intégration de la chaîne d'approvisionnement et fiabilité de bout en bout.
- **Formations au Collège postal Asie-Pacifique (APPC)**, à Bangkok.
- **« Renforcer le secteur postal pour qu'il remplisse son obligation sociale »** (2019–2020), \
financé par le fonds spécial du Japon.
- **Renforcement des capacités du personnel postal des pays les moins avancés (PMA) d'Asie** à \
l'APPC, financé par le fonds spécial de la Chine.
- **200 ordinateurs « verts » offerts par Korea Post** aux pays du Pacifique, une contribution en \
nature.

Les données détaillées et à jour des projets seront publiées ici avec le registre des projets \
de la \
plateforme.
"""

ACTIONS_EN = """\
## Our method

- **"Nothing for me without me"**: the beneficiary owns its request and its project.
- **Solutions specific to each country**, aligned with the Sustainable Development Goals (SDGs).
- **Appropriate technologies.**
- **Lessons learned in the countries of the South**: do not reinvent the wheel.
- **Alignment with national priorities.**
- **The methodology adopted by the Abidjan Congress (2021).**
- **A bottom-up approach.**
- **"Do more with less".**

## Our five main objectives

1. Support national and regional development efforts.
2. Strengthen institutional and technical capacities.
3. Improve the exchange of knowledge and experience between developing countries.
4. Answer specific challenges.
5. Optimise the impact of international cooperation and the UPU's efficiency.

## Projects planned and under way

- **ORE – Operational Readiness for E-commerce** (since 2017), run with the SSTC method, with five \
focus areas: minimum operational requirements, visibility, data quality, supply-chain integration \
and end-to-end reliability.
- **Training at the Asian-Pacific Postal College (APPC)**, Bangkok.
- **"Strengthening the postal sector to fulfil its social obligation"** (2019–2020), funded by the \
Japan special fund.
- **Capacity building for postal staff of Asian least developed countries (LDCs)** at the APPC, \
funded by the China special fund.
- **200 "green" computers donated by Korea Post** to Pacific countries, an in-kind contribution.

Detailed, up-to-date project data will be published here with the platform's project register.
"""

WHO_FR = """\
La coopération Sud-Sud et triangulaire est suivie au Bureau international de l'UPU, à Berne, \
par la \
Direction du développement et de la coopération. Pour toute question, adressez-vous au \
coordonnateur \
du programme Asie-Pacifique et de la CSST.
"""

WHO_EN = """\
South-South and triangular cooperation is followed at the UPU International Bureau in Berne by the \
Development and Cooperation Directorate. For any question, contact the coordinator of the \
Asia-Pacific programme and SSTC.
"""

PAGES = [
    {
        "slug": PageSlug.ABOUT,
        "title_fr": "En quoi consiste la CSST ?",
        "title_en": "What is SSTC?",
        "lead_fr": "La coopération Sud-Sud permet aux pays du Sud de partager connaissances, "
        "compétences, ressources et initiatives réussies ; la coopération triangulaire y associe "
        "un partenaire du Nord.",
        "lead_en": "South-South cooperation lets countries of the South share knowledge, skills, "
        "resources and successful initiatives; triangular cooperation brings in a partner from the "
        "North.",
        "body_fr": ABOUT_FR,
        "body_en": ABOUT_EN,
    },
    {
        "slug": PageSlug.ACTIONS,
        "title_fr": "Nos actions",
        "title_en": "Our actions",
        "lead_fr": "Notre but : réduire les écarts de développement postal entre les Pays-membres.",
        "lead_en": "Our goal: to reduce the postal development gaps between member countries.",
        "body_fr": ACTIONS_FR,
        "body_en": ACTIONS_EN,
    },
    {
        "slug": PageSlug.WHO_WE_ARE,
        "title_fr": "Qui nous sommes",
        "title_en": "Who we are",
        "lead_fr": "",
        "lead_en": "",
        "body_fr": WHO_FR,
        "body_en": WHO_EN,
    },
]

CONTACTS = [
    {
        "role_fr": "Coordonnateur du programme Asie-Pacifique et de la CSST",
        "role_en": "Coordinator, Asia-Pacific programme and SSTC",
        "unit_fr": "Direction du développement et de la coopération",
        "unit_en": "Development and Cooperation Directorate",
        "address_fr": "Bureau international\nWeltpoststrasse 4\n3015 Berne\nSuisse\n\n"
        "Case postale\n3000 Berne 15",
        "address_en": "International Bureau\nWeltpoststrasse 4\n3015 Berne\nSwitzerland\n\n"
        "P.O. Box\n3000 Berne 15",
        "phone": "+41 31 350 31 64, +41 31 350 32 23",
        "fax": "+41 31 350 31 10",
        "order": 1,
    },
]

DEMO_NOTE_FR = "*Contenu de démonstration rédigé à partir de sources publiques de l'UPU.*"
DEMO_NOTE_EN = "*Demo content written from public UPU sources.*"

# Where a source gives only the month or the year, published_on_precision says so and pages show
# no more than is known.
NEWS = [
    {
        "title_fr": "Asie-Pacifique : un projet CSST pour aider les opérateurs postaux à se "
        "relever de la COVID-19",
        "title_en": "Asia-Pacific: an SSTC project to help postal operators recover from COVID-19",
        "summary_fr": "En mai 2021, l'UPU a lancé un projet de relance pour les opérateurs "
        "désignés "
        "de 19 PMA, PEID et PDSL d'Asie-Pacifique, dans le cadre du mécanisme de la CSST.",
        "summary_en": "In May 2021 the UPU launched a recovery project for the designated "
        "operators "
        "of 19 Asia-Pacific LDCs, SIDS and LLDCs, under the SSTC mechanism.",
        "body_fr": "En mai 2021, l'UPU a lancé un projet de relance face à la COVID-19 pour les "
        "opérateurs désignés de 19 pays les moins avancés (PMA), petits États insulaires en "
        "développement (PEID) et pays en développement sans littoral (PDSL) de la région "
        "Asie-Pacifique, dans le cadre du mécanisme de la coopération Sud-Sud et triangulaire.\n\n"
        "Le projet fournit du matériel informatique (ordinateurs, imprimantes, scanners, balances) "
        "qui facilite le suivi des envois, le dédouanement et les échanges avec les compagnies "
        "aériennes.\n\n"
        "À la suite d'un appel spécial, le projet a reçu 100 000 CHF du Groupe La Poste et 50 "
        "000 CHF "
        "du Gouvernement japonais. Son montant total, budget ordinaire de l'UPU compris, s'élève à "
        "425 990 CHF.\n\n" + DEMO_NOTE_FR,
        "body_en": "In May 2021 the UPU launched a COVID-19 recovery project for the designated "
        "operators of 19 least developed countries (LDCs), small island developing States (SIDS) "
        "and landlocked developing countries (LLDCs) in the Asia-Pacific region, under the "
        "South-South and triangular cooperation mechanism.\n\n"
        "The project provides IT equipment (computers, printers, scanners, scales) that makes "
        "tracking, customs clearance and interfaces with airlines easier.\n\n"
        "Following a special appeal, the project received CHF 100,000 from Groupe La Poste and "
        "CHF 50,000 from the Government of Japan. Its total value, including the UPU core budget, "
        "is CHF 425,990.\n\n" + DEMO_NOTE_EN,
        "published_on": date(2021, 5, 1),
        "published_on_precision": DatePrecision.MONTH,
    },
    {
        "title_fr": "Le fonds spécial du Japon renouvelé jusqu'en 2026",
        "title_en": "Japan special fund renewed until 2026",
        "summary_fr": "Renouvelé en 2022, le fonds spécial du Japon dispose de 260,6 millions de "
        "yens jusqu'en 2026.",
        "summary_en": "Renewed in 2022, the Japan special fund provides JPY 260.6 million until "
        "2026.",
        "body_fr": "Le fonds spécial du Japon, qui existe depuis 2010, a été renouvelé en 2022 "
        "avec "
        "260,6 millions de yens jusqu'en 2026. Il finance six domaines : la gestion des risques de "
        "catastrophe, la transformation numérique, le commerce électronique, la neutralité "
        "carbone, l'inclusion financière et les services sociaux.\n\n"
        "La date exacte du renouvellement n'est pas précisée dans la source ; seule l'année est "
        "connue.\n\n" + DEMO_NOTE_FR,
        "body_en": "The Japan special fund, which has existed since 2010, was renewed in 2022 with "
        "JPY 260.6 million until 2026. It funds six areas: disaster risk management, digital "
        "transformation, e-commerce, carbon neutrality, financial inclusion and social "
        "services.\n\n"
        "The exact date of the renewal is not given in the source; only the year is known.\n\n"
        + DEMO_NOTE_EN,
        "published_on": date(2022, 1, 1),
        "published_on_precision": DatePrecision.YEAR,
    },
    {
        "title_fr": "Le Directeur général de l'UPU renforce le soutien aux petits États insulaires",
        "title_en": "UPU Director General reinforces support for small island development",
        "summary_fr": "Après une mission dans cinq pays du Pacifique Sud, l'UPU prépare "
        "des projets de développement spéciaux pour les petits États insulaires en développement.",
        "summary_en": "After a mission to five South Pacific countries, the UPU is preparing "
        "special development projects for small island developing States.",
        "body_fr": "Au début de 2019, le Directeur général de l'UPU, Bishar A. Hussein, s'est "
        "rendu aux Îles Salomon, à Nauru, au Samoa, aux Fidji et aux Tonga. Ses entretiens avec "
        "les chefs d'État, les ministres et les dirigeants des postes ont mis en évidence des "
        "difficultés communes à ces petits États insulaires en développement (PEID).\n\n"
        "Les domaines où l'expertise de l'UPU peut aider : le développement du commerce "
        "électronique, la diversification des activités postales, les envois de fonds "
        "internationaux et le renforcement des capacités du personnel postal. La Direction du "
        "développement et de la coopération prépare en conséquence un projet régional spécial "
        "pour les pays insulaires du Pacifique, axé sur le développement des ressources humaines "
        "et le renforcement des capacités.\n\n" + DEMO_NOTE_FR,
        "body_en": "Early in 2019, UPU Director General Bishar A. Hussein visited the Solomon "
        "Islands, Nauru, Samoa, Fiji and Tonga. His meetings with heads of State, ministers and "
        "postal chief executives brought out challenges that these small island developing "
        "States (SIDS) share.\n\n"
        "Areas where the UPU's expertise can help: e-commerce development, diversification of the "
        "postal business, international remittances and capacity building for postal staff. The "
        "Development and Cooperation Directorate is therefore preparing a special regional "
        "project for the Pacific island countries, focused on human resource development and "
        "capacity building.\n\n" + DEMO_NOTE_EN,
        "published_on": date(2019, 5, 7),
        "published_on_precision": DatePrecision.DAY,
        "source_url": "http://news.upu.int/no_cache/nd/"
        "upu-director-general-reinforces-support-for-small-island-development/",
    },
]

DOCUMENTS = [
    {
        "title_fr": "À propos de la CSST",
        "title_en": "About SSTC",
        "description_fr": "Présentation de la coopération Sud-Sud et triangulaire à l'UPU.",
        "description_en": "Presentation of South-South and triangular cooperation at the UPU.",
        "document_date": date(2022, 6, 8),
        "year": 2022,
        "category": DocumentCategory.ABOUT,
    },
    {
        "title_fr": "Appel à contributions 2020",
        "title_en": "Call for contributions 2020",
        "description_fr": "Appel à contributions au fonds spécial de l'UPU pour la CSST.",
        "description_en": "Call for contributions to the UPU special fund for SSTC.",
        "document_date": None,
        "year": 2020,
        "category": DocumentCategory.CALL,
    },
    {
        "title_fr": "Appel à contributions 2022",
        "title_en": "Call for contributions 2022",
        "description_fr": "Appel à contributions au fonds spécial de l'UPU pour la CSST.",
        "description_en": "Call for contributions to the UPU special fund for SSTC.",
        "document_date": None,
        "year": 2022,
        "category": DocumentCategory.CALL,
    },
]


def _add_missing(model, key: str, rows: list[dict], **common) -> int:
    """Create the rows whose natural key is missing; return how many were created."""
    created = 0
    for row in rows:
        values = {**common, **row}
        _obj, was_created = model.objects.get_or_create(**{key: values.pop(key)}, defaults=values)
        created += was_created
    return created


def load(log) -> str:
    counts = {
        "pages": _add_missing(Page, "slug", PAGES),
        "contacts": _add_missing(Contact, "role_fr", CONTACTS),
        # Seeded as already published: there is no reviewer to record, so no transition either.
        "news": _add_missing(NewsItem, "title_fr", NEWS, status=NewsStatus.PUBLISHED, is_demo=True),
        "documents": _add_missing(
            Document,
            "title_fr",
            DOCUMENTS,
            is_demo=True,
            visibility=Visibility.PUBLIC,
            language=DocumentLanguage.MULTILINGUAL,
            source_url=SOURCE_FR,
        ),
    }
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    log(f"portal: created {summary}")
    return f"portal: {summary} added"
