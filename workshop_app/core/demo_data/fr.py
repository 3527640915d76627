"""The demo in French: Rhôdanis Logistique, a logistics company in Lyon with warehouses in
Saint-Priest and Grenoble, launches its mentoring program "Envol". The same pairs in the same
states as the English demo (en.py), with French people, and charters written as colleagues in
a French company write them, following the glossary in docs/i18n.md."""

from __future__ import annotations

from workshop_app.core.demo_data import CharterTexts, DemoTexts, FollowUpTexts

PROGRAM = {
    "program": "Programme de mentorat Envol",
    "organisation": "Rhôdanis Logistique SAS",
    "cohort": "Promotion printemps 2027",
    "venue": "Siège de Lyon, 14 quai Perrache, salle de formation 2",
    "facilitator": "Claire Rousseau",
    "coordinator": "Thomas Blanchard (Ressources humaines)",
    "sponsor_name": "Valérie Roche",
    "sponsor_title": "Directrice générale déléguée",
    "endorsement": (
        "Nos futurs managers travaillent déjà parmi nous. Envol existe pour que le savoir de "
        "nos collaborateurs les plus expérimentés se transmette plus loin et plus vite "
        "qu'aucun manuel ne pourrait le faire. Je demande à chaque mentor d'accorder à ces "
        "rencontres la même priorité qu'à un rendez-vous client, et à chaque mentoré de venir "
        "à chaque échange avec une question qui vaille une heure de notre temps."
    ),
    "program_goals": (
        "Préparer les collaborateurs à fort potentiel à leur premier poste d'encadrement\n"
        "Garder le savoir-faire opérationnel dans l'entreprise lors des départs à la retraite\n"
        "Relier les équipes des entrepôts, du transport et du siège d'un site à l'autre"
    ),
    "strategy_link": (
        "Notre plan 2027 prévoit l'ouverture de deux nouvelles plateformes régionales et "
        "demande 40 nouveaux chefs d'équipe, pour la plupart issus de la promotion interne. "
        "Envol est notre manière de les faire grandir et de conserver le jugement pratique "
        "de nos collaborateurs expérimentés à mesure que l'entreprise se développe."
    ),
    "success_metrics": (
        "Les binômes se rencontrent au moins une fois par mois (vérifié lors des points "
        "d'étape à 30, 90 et 180 jours) ; 80 % des mentorés font état de progrès sur au "
        "moins un objectif à 180 jours ; taux de promotion interne des participants comparé "
        "à celui de leurs pairs au bout de 12 mois."
    ),
    "support_contacts": (
        "Thomas Blanchard, coordinateur du programme : thomas.blanchard@rhodanis.example, "
        "poste 4417 (toute question sur le programme, changement de binôme, planning)\n"
        "Cellule d'écoute et de soutien psychologique : 0 800 555 019, gratuite et "
        "confidentielle, 24 h/24 et 7 j/7"
    ),
    "confidentiality_text": (
        "Ce qui se dit pendant les rencontres de mentorat reste entre le mentor et le mentoré, "
        "sauf lorsque la sécurité d'une personne est en jeu, que la loi impose de le signaler "
        "ou qu'un manquement grave aux règles de l'entreprise est révélé. L'équipe du programme "
        "sait seulement si les binômes se rencontrent et comment le programme se déroule, "
        "jamais ce qui a été dit."
    ),
    "no_fault_text": (
        "Chacun des deux peut mettre fin à la relation de mentorat à tout moment, pour "
        "quelque raison que ce soit, sans faute de quiconque. Il suffit d'en informer le "
        "coordinateur du programme, qui proposera un nouveau binôme si possible. Mettre fin à "
        "un binôme ne porte préjudice à personne."
    ),
    "program_commitments_text": (
        "Participer à l'atelier de lancement et au bilan d'étape à mi-parcours ; répondre aux "
        "courts questionnaires de point d'étape à 30, 90 et 180 jours ; prévenir le "
        "coordinateur si le binôme cesse de se rencontrer."
    ),
    "mentor_boundary": (
        "Le mentor n'intervient pas en faveur de la promotion ou de la rémunération du mentoré "
        "et ne se substitue pas à son responsable hiérarchique."
    ),
    "return_copy_to": "Thomas Blanchard, Ressources humaines, siège de Lyon, 3e étage",
}

PEOPLE = (
    # (mentor name, title, department), (mentee name, title, department)
    (
        ("Martine Girard", "Directrice de l'exploitation", "Exploitation"),
        ("Damien Lefèvre", "Chef de poste", "Entrepôt de Saint-Priest"),
    ),
    (
        ("Rachid Benali", "Responsable planification transport", "Transport"),
        ("Chloé Perrin", "Planificatrice transport", "Transport"),
    ),
    (
        ("Sylvie Fournier", "Directrice financière", "Finance"),
        ("Koffi Mensah", "Contrôleur de gestion", "Finance"),
    ),
    (
        ("Laurent Chevalier", "Responsable de site", "Entrepôt de Grenoble"),
        ("Aïcha Rahmani", "Analyste stocks", "Entrepôt de Grenoble"),
    ),
    (
        ("Hélène Dumas", "Responsable des services informatiques", "Informatique"),
        ("Marc Vidal", "Responsable du centre de services", "Informatique"),
    ),
    (
        ("David Nguyen", "Directeur du service client", "Service client"),
        ("Sofia Almeida", "Coordinatrice d'équipe", "Service client"),
    ),
    (
        ("Catherine Lemoine", "Business partner RH", "Ressources humaines"),
        ("Julien Mercier", "Chargé de recrutement", "Ressources humaines"),
    ),
    (
        ("Guillaume Faure", "Responsable de flotte", "Transport"),
        ("Noémie Garnier", "Chargée de conformité flotte", "Transport"),
    ),
    (
        ("Fatima Belkacem", "Responsable achats", "Achats"),
        ("Olivier Masson", "Acheteur", "Achats"),
    ),
    (
        ("Henri Lambert", "Responsable QHSE", "Exploitation"),
        ("Grace Mwangi", "Coordinatrice sécurité", "Entrepôt de Saint-Priest"),
    ),
    (
        ("Yuki Tanaka", "Responsable data et analyse", "Informatique"),
        ("Benoît Collin", "Data analyst junior", "Informatique"),
    ),
    (
        ("Patricia Dupuis", "Directrice commerciale régionale", "Commercial"),
        ("Ravi Patel", "Chargé d'affaires", "Commercial"),
    ),
)

# The mentees' line managers, as the roster from HR names them.
MANAGERS = (
    "Anne Caron",
    "Pascal Moreau",
    "Isabelle Roux",
    "Tomasz Wójcik",
    "Nathalie Bonnet",
    "Hamid Farouk",
)

# P01: Martine Girard (Directrice de l'exploitation) and Damien Lefèvre (Chef de poste,
# Saint-Priest); Damien's line manager is Anne Caron. Signed at the workshop.
P01 = CharterTexts(
    fields={
        "purpose": (
            "Aider Damien à passer de la conduite d'un poste à l'encadrement d'une équipe, en "
            "s'appuyant sur les vingt années de Martine dans l'exploitation."
        ),
        "mentor_commitments": (
            "Tenir nos rendez-vous, écouter avant de conseiller, raconter franchement son "
            "expérience de direction de sites (erreurs comprises) et présenter Damien aux "
            "autres responsables de site."
        ),
        "mentee_commitments": (
            "Apporter à chaque rencontre un vrai problème de mon poste, essayer ce que nous "
            "avons convenu avant la rencontre suivante et dire clairement quand un conseil ne "
            "colle pas à la réalité de l'entrepôt de Saint-Priest."
        ),
        "meeting_place": (
            "Le bureau de Martine au siège, ou la cantine de Saint-Priest lors de ses visites"
        ),
        "contact_channels": (
            "Un message Teams pour les petites choses ; un appel si le poste ne peut pas attendre"
        ),
        "response_time": "Avant la fin du jour ouvré suivant",
        "cancellation_notice": "48 heures, sauf incident sur site",
        "confidentiality_scope": (
            "Tout ce que Damien partage sur son équipe, son poste et ses projets."
        ),
        "confidentiality_exceptions": (
            "Les risques pour la sécurité sur site, ce que la loi nous oblige à signaler et les "
            "manquements graves au code de conduite."
        ),
        "shared_with_others": (
            "Le fait que nous nous rencontrons, et les objectifs de Damien s'il choisit de les "
            "partager avec Anne lors de son entretien annuel."
        ),
        "boundaries": (
            "Martine n'intervient pas dans les décisions concernant le poste ou l'équipe de "
            "Damien ; les questions d'effectifs relèvent d'Anne, sa responsable hiérarchique."
        ),
        "feedback_method": (
            "À la fin de chaque mois, Damien dit ce qui l'a le plus aidé et Martine ce qu'elle "
            "a remarqué sur le site ; nous notons les deux en une ligne."
        ),
        "renewal": (
            "Nous décidons ensemble au bilan d'étape des 180 jours s'il faut continuer jusqu'à "
            "l'ouverture de la nouvelle plateforme de Saint-Priest."
        ),
        "program_commitments": (
            "Nous participerons tous les deux au bilan d'étape à mi-parcours et répondrons à "
            "temps à chaque questionnaire de point d'étape."
        ),
    },
    goals=(
        (
            "Animer seul la réunion hebdomadaire de planification de mon poste",
            "Me prépare à un poste de chef d'équipe (objectif 1 du programme)",
            "J'anime quatre réunions de planification et Anne les juge prêtes",
            "Assister à deux revues d'exploitation de Martine ; rédiger un modèle d'ordre du jour",
        ),
    ),
    plans=(
        (
            "Une semaine de pic à Saint-Priest oblige Damien à annuler",
            "nous passons cette semaine-là à un appel de 20 minutes au lieu de supprimer la "
            "rencontre.",
        ),
        (
            "Les conseils ne correspondent plus à ce qui se passe dans l'entrepôt de Saint-Priest",
            "Damien le dit à la rencontre suivante et nous choisissons un autre objectif ou la "
            "visite d'un autre site.",
        ),
    ),
)

# P02: Rachid Benali (Responsable planification transport) and Chloé Perrin (Planificatrice
# transport); Chloé's line manager is Pascal Moreau.
P02 = CharterTexts(
    fields={
        "purpose": (
            "Aider Chloé à passer de la planification de tournées isolées à la responsabilité "
            "du réseau d'une région, avec le regard de Rachid sur la façon dont les décisions "
            "de transport se prennent vraiment."
        ),
        "mentor_commitments": (
            "Se rendre disponible chaque mois, expliquer le raisonnement derrière les choix de "
            "planification et pas seulement leur résultat, et donner un avis franc sur les "
            "propositions de Chloé."
        ),
        "mentee_commitments": (
            "Envoyer un court ordre du jour deux jours avant chaque rencontre, apporter des "
            "données plutôt que des impressions et donner suite à chaque mise en relation "
            "proposée par Rachid."
        ),
        "meeting_place": (
            "Sur Teams, et au bureau de planification de Grenoble une fois par trimestre"
        ),
        "contact_channels": (
            "E-mail pour les propositions et les documents ; Teams pour une question rapide"
        ),
        "response_time": "Sous trois jours ouvrés",
        "cancellation_notice": "Une semaine, car nos agendas se remplissent vite",
        "confidentiality_scope": (
            "Les idées de Chloé avant qu'elles soient abouties, ses doutes et tout ce qui est "
            "dit sur l'équipe de planification."
        ),
        "confidentiality_exceptions": (
            "Un préjudice pour quiconque, les obligations légales de signalement et les "
            "infractions aux règles de sécurité routière."
        ),
        "shared_with_others": (
            "Seulement le fait que nous nous rencontrons ; Chloé décide de ce que Pascal sait "
            "de ses objectifs."
        ),
        "boundaries": (
            "Rachid ne recommandera pas Chloé pour un poste vacant précis, et nous ne parlons "
            "pas nommément du travail des autres planificateurs."
        ),
        "feedback_method": (
            "Une rencontre sur deux se termine par une note de 1 à 5 donnée par Chloé sur son "
            "utilité, et Rachid propose une chose à essayer."
        ),
        "renewal": (
            "Si un poste régional s'ouvre, nous convenons d'un prolongement plus court de trois "
            "mois."
        ),
        "program_commitments": (
            "Nous participerons ensemble à la séance de mi-parcours et remplirons les "
            "questionnaires à 30, 90 et 180 jours."
        ),
    },
    goals=(
        (
            "Présenter une proposition d'économies au comité de direction transport",
            "Donne la visibilité entre sites que vise le programme (objectif 3 du programme)",
            "Proposition présentée et décision consignée",
            "Choisir le sujet de la proposition avec Rachid d'ici notre deuxième rencontre",
        ),
        (
            "Planifier le réseau hivernal de la région Alpes",
            "Élargit mon périmètre des tournées à une région (objectif 1 du programme)",
            "Plan hivernal validé par Pascal sans reprise majeure",
            "Accompagner Rachid lors de la revue du plan hivernal en mars",
        ),
    ),
    plans=(
        (
            "Une échéance d'appel d'offres occupe tout le mois",
            "nous déplaçons la rencontre plutôt que de l'annuler, et nous la limitons à 45 "
            "minutes.",
        ),
        (
            "La proposition de Chloé est refusée",
            "nous consacrons la rencontre suivante aux questions du comité de direction et "
            "décidons s'il faut la représenter.",
        ),
    ),
)

# P03: Sylvie Fournier (Directrice financière) and Koffi Mensah (Contrôleur de gestion);
# Koffi's line manager is Isabelle Roux. The demo's three-goal charter.
P03 = CharterTexts(
    fields={
        "purpose": (
            "Aider Koffi à se préparer à un premier poste de business partner finance, en "
            "s'appuyant sur l'expérience de Sylvie dans le pilotage des budgets de toute "
            "l'entreprise."
        ),
        "mentor_commitments": (
            "Protéger notre créneau, poser des questions avant de donner des réponses, "
            "raconter comment elle a mené des discussions budgétaires difficiles, y compris "
            "celles qui ont mal tourné, et présenter Koffi aux responsables budgétaires."
        ),
        "mentee_commitments": (
            "Fixer l'ordre du jour de chaque rencontre, venir avec une question tirée de mon "
            "travail réel, faire entre deux rencontres ce que je me suis engagé à faire et "
            "demander un retour sur mes reportings."
        ),
        "meeting_place": "La cafétéria du siège, ou Teams pendant la clôture mensuelle",
        "contact_channels": (
            "Messagerie Teams pour les questions rapides ; e-mail pour tout ce qui comporte des"
            " chiffres"
        ),
        "response_time": "Sous deux jours ouvrés, davantage en fin de mois",
        "cancellation_notice": "24 heures, en reprogrammant dans le même message",
        "confidentiality_scope": (
            "Tout ce que nous évoquons sur les personnes, la performance et les parcours "
            "professionnels."
        ),
        "confidentiality_exceptions": (
            "Un risque de préjudice pour quiconque, ce que la loi nous oblige à signaler, et "
            "les soupçons de fraude ou de manquement grave au code de conduite."
        ),
        "shared_with_others": (
            "Le fait que nous nous rencontrons et à quelle fréquence ; les objectifs de Koffi "
            "seulement s'il choisit de les partager."
        ),
        "boundaries": (
            "Nous ne parlons ni de la révision salariale de Koffi ni de la performance de "
            "collègues nommément désignés ; Sylvie n'interviendra pas auprès de sa responsable "
            "hiérarchique."
        ),
        "feedback_method": (
            "Les cinq dernières minutes d'une rencontre sur trois : une chose qui fonctionne, "
            "une chose à changer, selon la méthode situation, comportement, impact."
        ),
        "renewal": (
            "Nous décidons ensemble au bilan d'étape des 180 jours de poursuivre ou non pendant "
            "six mois."
        ),
        "program_commitments": (
            "Nous participerons au bilan d'étape à mi-parcours et répondrons aux points d'étape "
            "à 30, 90 et 180 jours."
        ),
    },
    goals=(
        (
            "Animer la réunion de prévisions du deuxième trimestre avec les responsables "
            "budgétaires du Transport",
            "Me prépare à un poste de business partner (objectif 1 du programme)",
            "J'anime la réunion et Isabelle juge le dossier prêt sans reprise",
            "Assister à la revue des prévisions de Sylvie avec les responsables du Transport ; "
            "rédiger l'ordre du jour",
        ),
        (
            "Expliquer le modèle de coûts des nouvelles plateformes à un public non spécialiste",
            "Relie le siège aux sites qui exploiteront les plateformes (objectif 3 du programme)",
            "Présentation faite devant une équipe de site et ses questions traitées",
            "Choisir le public avec Sylvie d'ici notre deuxième rencontre",
        ),
        (
            "Nouer des relations de travail avec les correspondants de gestion de trois sites",
            "Garde la connaissance des sites dans l'équipe lors des départs à la retraite "
            "(objectif 2 du programme)",
            "Trois correspondants de site identifiés, rencontrés et avec qui j'ai travaillé",
            "Lister les sites dont je connais le moins les chiffres",
        ),
    ),
    plans=(
        (
            "L'un de nous doit annuler deux fois de suite",
            "nous en parlons ouvertement à la rencontre suivante et déplaçons notre créneau ou "
            "changeons la fréquence pour qu'elle tienne dans nos vrais agendas.",
        ),
        (
            "Nos échanges ne sont plus utiles",
            "nous revenons aux objectifs de cette charte et, s'ils ne conviennent plus, nous "
            "les réécrivons ensemble ou demandons à Thomas un nouveau binôme, sans faute de "
            "quiconque.",
        ),
    ),
)

# P04: Laurent Chevalier (Responsable de site, Grenoble) and Aïcha Rahmani (Analyste stocks,
# Grenoble); Aïcha's line manager is Tomasz Wójcik.
P04 = CharterTexts(
    fields={
        "purpose": (
            "Aider Aïcha à traduire ses analyses de stocks en décisions dans l'entrepôt de "
            "Grenoble, et à voir comment un responsable de site arbitre entre coûts, sécurité "
            "et qualité de service."
        ),
        "mentor_commitments": (
            "Faire le tour du site avec Aïcha une fois par mois, expliquer les arbitrages "
            "derrière ses décisions et répondre sans détour quand elle demande comment son "
            "travail est perçu."
        ),
        "mentee_commitments": (
            "Apporter à chaque rencontre un problème de stock et une solution proposée, tester "
            "les idées dans l'entrepôt avant de les présenter et tenir un journal de ce qui a "
            "changé."
        ),
        "meeting_place": "Le bureau du site de Grenoble, puis un tour des allées de rayonnages",
        "contact_channels": "Un mot dans l'entrepôt, ou un message Teams à Laurent",
        "response_time": "Dans la journée pour les problèmes de stock, sinon sous une semaine",
        "cancellation_notice": "Un message la veille ; les semaines de pic passent avant",
        "confidentiality_scope": (
            "Les questions d'Aïcha sur son parcours et tout ce qu'elle dit du fonctionnement "
            "du site."
        ),
        "confidentiality_exceptions": (
            "Tout ce qui met en danger les personnes sur le site, les obligations légales de "
            "signalement et les vols."
        ),
        "shared_with_others": (
            "Le fait que nous nous rencontrons ; les idées d'amélioration seulement après "
            "qu'Aïcha les a elle-même présentées à Tomasz."
        ),
        "boundaries": (
            "Laurent dirige le site mais n'est pas le responsable hiérarchique d'Aïcha : ses "
            "objectifs et son évaluation restent du ressort de Tomasz et en dehors de nos "
            "rencontres."
        ),
        "feedback_method": (
            "Après chaque tour du site, Aïcha note une chose qu'elle a apprise, et Laurent lui "
            "indique une chose qu'elle pourrait faire autrement."
        ),
        "renewal": (
            "Au bilan d'étape des 180 jours, nous décidons s'il faut continuer pendant la haute "
            "saison."
        ),
        "program_commitments": (
            "Nous viendrons tous les deux au bilan à mi-parcours et répondrons aux "
            "questionnaires de point d'étape, même pendant les semaines de pic."
        ),
    },
    goals=(
        (
            "Réduire d'un tiers les écarts d'inventaire dans la chambre froide de Grenoble",
            "Transforme mes analyses en résultats sur le terrain (objectif 1 du programme)",
            "Taux mensuel d'écarts ramené de 1,8 % à 1,2 %",
            "Cartographier avec Laurent les écarts de l'année lors de notre premier tour du site",
        ),
    ),
    plans=(
        (
            "La haute saison ne laisse pas le temps de faire le tour du site",
            "nous nous voyons 20 minutes au bureau du site et gardons le tour pour le mois "
            "suivant.",
        ),
        (
            "L'idée d'Aïcha se heurte à la façon de travailler de l'équipe de l'entrepôt",
            "nous invitons le chef de poste au tour suivant et écoutons son point de vue avant "
            "de changer quoi que ce soit.",
        ),
    ),
)

# P05: Hélène Dumas (Responsable des services informatiques) and Marc Vidal (Responsable du
# centre de services); Marc's line manager is Nathalie Bonnet.
P05 = CharterTexts(
    fields={
        "purpose": (
            "Aider Marc à passer de l'animation du centre de services à la responsabilité des "
            "services informatiques d'un site, grâce à l'expérience d'Hélène dans la conduite "
            "de grands changements informatiques."
        ),
        "mentor_commitments": (
            "Montrer comment elle prépare et explique les changements informatiques aux "
            "métiers, examiner honnêtement les idées de Marc et l'inviter comme observateur à "
            "un comité de pilotage."
        ),
        "mentee_commitments": (
            "Préparer une note d'une page avant chaque rencontre, agir sur ce que nous "
            "convenons et prévenir Hélène tôt quand quelque chose ne fonctionne pas."
        ),
        "meeting_place": "En visio sur Teams, en personne quand Hélène est au siège",
        "contact_channels": "Messagerie Teams ; pas d'appels professionnels après 18 heures",
        "response_time": "Sous deux jours, ou à la rencontre suivante si cela peut attendre",
        "cancellation_notice": "Deux jours ouvrés, sauf incident majeur",
        "confidentiality_scope": (
            "Les projets de Marc, ses inquiétudes à l'idée d'encadrer d'anciens collègues, et "
            "tout ce qui est dit sur l'équipe informatique."
        ),
        "confidentiality_exceptions": (
            "Un préjudice pour quiconque, les obligations légales de signalement et les "
            "incidents de sécurité, qui sont transmis à l'équipe sécurité."
        ),
        "shared_with_others": (
            "Le fait que nous nous rencontrons et quand ; Marc choisit ce que Nathalie sait de "
            "ses objectifs."
        ),
        "boundaries": (
            "Hélène n'examinera pas les tickets du centre de services et n'interviendra pas "
            "dans ses décisions, et nous laissons de côté les effectifs de la réorganisation "
            "tant qu'elle n'est pas annoncée."
        ),
        "feedback_method": (
            "Chaque mois, nous citons chacun une chose qui a aidé et une chose à essayer, et "
            "les comparons avec celles du mois précédent."
        ),
        "renewal": (
            "À 180 jours, nous décidons de continuer ou non, peut-être avec une rencontre par mois."
        ),
        "program_commitments": (
            "Nous participerons au bilan d'étape à mi-parcours et remplirons les questionnaires "
            "de point d'étape du programme."
        ),
    },
    goals=(
        (
            "Animer la première revue trimestrielle du centre de services avec les métiers",
            "Me donne l'expérience d'encadrement que vise le programme (objectif 1 du programme)",
            "Revue tenue et trois actions convenues menées à terme",
            "Observer comment Hélène anime son comité de pilotage avant de préparer le mien",
        ),
        (
            "Rédiger le guide de passation pour l'installation informatique des nouvelles "
            "plateformes",
            "Conserve notre savoir-faire à mesure que l'entreprise grandit (objectif 2 du "
            "programme)",
            "Guide utilisé pour installer la première plateforme sans aide supplémentaire",
            "Rassembler les listes de contrôle que le centre de services utilise déjà",
        ),
    ),
    plans=(
        (
            "Un incident majeur fait annuler notre rencontre",
            "nous la reprogrammons dans la semaine et faisons de l'incident notre sujet.",
        ),
        (
            "Les objectifs semblent trop ambitieux pour le temps dont Marc dispose",
            "nous ramenons un objectif à une première étape et la validons avec Nathalie.",
        ),
    ),
)

# P06: David Nguyen (Directeur du service client) and Sofia Almeida (Coordinatrice d'équipe).
P06 = CharterTexts(
    fields={
        "purpose": (
            "Aider Sofia à se préparer à encadrer une équipe du service client, en apprenant "
            "de David à traiter les réclamations sensibles et à garder une équipe stable sous "
            "pression."
        ),
        "mentor_commitments": (
            "Raconter comment il gère les clients difficiles et les journées difficiles, et "
            "permettre à Sofia d'assister à un appel d'escalade par mois."
        ),
        "mentee_commitments": (
            "Apporter à chaque rencontre un cas réel de la file d'attente et essayer une "
            "nouvelle approche avec mon équipe avant la suivante."
        ),
    },
    goals=(
        (
            "Traiter seule une réclamation escaladée, du premier appel à la clôture",
            "Me prépare à encadrer une équipe (objectif 1 du programme)",
            "Deux escalades clôturées avec l'accord du client",
            "Suivre David lors d'un appel d'escalade en février",
        ),
    ),
)

# P07: Catherine Lemoine (Business partner RH) and Julien Mercier (Chargé de recrutement).
P07 = CharterTexts(
    fields={
        "purpose": (
            "Aider Julien à élargir son rôle, du pourvoi des postes vacants au conseil des "
            "managers sur leurs équipes, grâce à l'expérience de Catherine comme business "
            "partner."
        ),
        "mentor_commitments": (
            "Associer Julien à deux de ses échanges de planification des effectifs et revenir "
            "ensuite avec lui sur les arbitrages."
        ),
        "mentee_commitments": (
            "Préparer des questions à partir de mes propres recrutements et mettre par écrit ce "
            "que je retiens de chaque échange."
        ),
    },
    goals=(
        (
            "Conseiller un manager sur l'organisation de son équipe, pas seulement sur le poste "
            "à pourvoir",
            "Rapproche les RH des sites (objectif 3 du programme)",
            "Un plan d'effectifs élaboré avec un manager et mis en œuvre",
            "Choisir le manager avec Catherine lors de notre première rencontre",
        ),
    ),
)

# P08: Guillaume Faure (Responsable de flotte) and Noémie Garnier (Chargée de conformité
# flotte).
P08 = CharterTexts(
    fields={
        "purpose": (
            "Aider Noémie à passer du contrôle de la conformité de la flotte à sa "
            "planification, avec la connaissance qu'a Guillaume de l'utilisation des véhicules "
            "dans tous les dépôts."
        ),
        "mentor_commitments": (
            "Expliquer comment se décident les budgets et les plans de renouvellement de la "
            "flotte, et emmener Noémie à une revue de dépôt chaque trimestre."
        ),
        "mentee_commitments": (
            "Venir avec un constat de conformité et une hypothèse sur sa cause, et donner "
            "suite aux contacts de dépôt que Guillaume me présente."
        ),
        "meeting_place": "La salle de réunion du dépôt de Vénissieux",
    },
    goals=(
        (
            "Rédiger le plan de renouvellement des fourgons du dépôt de Vénissieux",
            "Fait évoluer mon rôle du contrôle vers la planification (objectif 1 du programme)",
            "Plan intégré au budget flotte de l'année prochaine",
            "Relire ligne par ligne avec Guillaume le plan de l'an dernier",
        ),
    ),
)

# P09: Fatima Belkacem (Responsable achats) and Olivier Masson (Acheteur).
P09 = CharterTexts(
    fields={
        "purpose": (
            "Aider Olivier à prendre en charge des contrats plus importants, en apprenant de "
            "Fatima à préparer et à mener une négociation avec un fournisseur."
        ),
        "mentor_commitments": (
            "Laisser Olivier préparer avec elle une vraie négociation et en faire ensuite avec "
            "lui un débriefing sans complaisance."
        ),
        "mentee_commitments": (
            "Faire la préparation jusqu'au bout, demander quand j'ai un doute et noter ce que "
            "m'apprend chaque rendez-vous fournisseur."
        ),
        "meeting_place": (
            "Le bureau de Fatima au deuxième étage, ou un appel les jours de déplacement"
        ),
    },
    goals=(
        (
            "Piloter le renouvellement du contrat avec le fournisseur d'emballages",
            "Me prépare à un poste de responsable de catégorie (objectif 1 du programme)",
            "Contrat renouvelé avec l'objectif d'économies atteint",
            "Lire le contrat en cours et en lister les points faibles",
        ),
    ),
)

TEXTS = DemoTexts(
    program=PROGRAM,
    coordinator_signature="Thomas Blanchard",
    email_domain="rhodanis.example",
    people=PEOPLE,
    managers=MANAGERS,
    charters=(P01, P02, P03, P04, P05, P06, P07, P08, P09),
    follow_up=FollowUpTexts(
        p01_plans_used=(
            "L'appel de 20 minutes pendant la semaine de pic avant l'inventaire de Saint-Priest"
        ),
        p01_changes="Se retrouver à la cantine de Saint-Priest lors des visites de Martine",
        p04_comment="Quelqu'un pourrait-il m'aider à trouver une formation en gestion des stocks ?",
        p05_concern=(
            "Hélène estime que leurs façons de travailler ne s'accordent pas ; elle préférerait "
            "une clôture sans faute"
        ),
        p06_reason="Sofia a rejoint le bureau de Lisbonne",
        p07_scenario="Annulations répétées",
        p07_plan="celui qui annule fixe aussitôt une nouvelle date, dans la même semaine.",
        p07_mentor_cancels="Catherine au congrès régional RH",
        p07_mentee_cancels="Julien pris par des entretiens de recrutement toute la semaine",
    ),
)
