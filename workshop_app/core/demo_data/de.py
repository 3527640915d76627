"""The demo in German: Alpenland Logistik, a logistics company in Munich with warehouses in
Augsburg and Nuremberg, launches its mentoring program "Aufwind". The same pairs in the same
states as the English demo (en.py), with people from southern Germany, and charters written
as colleagues in a German company write them, following the glossary in docs/i18n.md."""

from __future__ import annotations

from workshop_app.core.demo_data import CharterTexts, DemoTexts, FollowUpTexts

PROGRAM = {
    "program": "Mentoring-Programm Aufwind",
    "organisation": "Alpenland Logistik GmbH",
    "cohort": "Jahrgang Frühjahr 2027",
    "venue": "Zentrale München, Friedenstraße 22, Schulungsraum 2",
    "facilitator": "Miriam Seidl",
    "coordinator": "Thomas Brunner (Personalentwicklung)",
    "sponsor_name": "Helga Ortner",
    "sponsor_title": "Geschäftsführerin Operations",
    "endorsement": (
        "Unsere künftigen Führungskräfte arbeiten schon heute bei uns. Aufwind gibt es, damit "
        "das Wissen unserer erfahrensten Kolleginnen und Kollegen schneller und weiter "
        "getragen wird, als es ein Handbuch je könnte. Ich bitte alle Mentorinnen und Mentoren, "
        "diesen Terminen denselben Rang zu geben wie einem Kundentermin, und alle Mentees, "
        "zu jedem Gespräch eine Frage mitzubringen, die eine Stunde wert ist."
    ),
    "program_goals": (
        "Nachwuchskräfte mit Potenzial auf ihre erste Führungsaufgabe vorbereiten\n"
        "Betriebliches Erfahrungswissen im Unternehmen halten, wenn erfahrene Kräfte in "
        "Rente gehen\n"
        "Lager, Transport und Zentrale über die Standorte hinweg vernetzen"
    ),
    "strategy_link": (
        "Unsere Planung für 2027 sieht zwei neue regionale Drehkreuze vor und braucht dafür "
        "40 neue Teamleitungen, die meisten aus den eigenen Reihen. Mit Aufwind bauen wir sie "
        "auf und sichern zugleich das praktische Urteilsvermögen unserer erfahrenen "
        "Belegschaft, während das Unternehmen wächst."
    ),
    "success_metrics": (
        "Die Tandems treffen sich mindestens einmal im Monat (erhoben bei den Check-ins nach "
        "30, 90 und 180 Tagen); 80 % der Mentees berichten nach 180 Tagen von Fortschritten "
        "bei mindestens einem Ziel; interne Beförderungsquote der Teilnehmenden im Vergleich "
        "zu Kolleginnen und Kollegen ohne Mentoring nach 12 Monaten."
    ),
    "support_contacts": (
        "Thomas Brunner, Programmkoordination: thomas.brunner@alpenland.example, Durchwahl "
        "4417 (alle Fragen zum Programm, Neuzuordnung, Terminplanung)\n"
        "Mitarbeiterberatung (EAP): 0800 555 0199, kostenlos und vertraulich, rund um die Uhr"
    ),
    "confidentiality_text": (
        "Was in den Mentoring-Gesprächen gesagt wird, bleibt zwischen Mentor und Mentee, "
        "außer wenn die Sicherheit eines Menschen gefährdet ist, eine gesetzliche Pflicht zur "
        "Offenlegung besteht oder ein schwerer Verstoß gegen Unternehmensrichtlinien bekannt "
        "wird. Das Programmteam erfährt nur, ob sich die Tandems treffen und wie das Programm "
        "läuft, nie, worüber gesprochen wurde."
    ),
    "no_fault_text": (
        "Beide Seiten können die Mentoring-Beziehung jederzeit und ohne Angabe von Gründen "
        "beenden, ohne Schuldzuweisung. Sie informieren die Programmkoordination, die nach "
        "Möglichkeit eine neue Zuordnung anbietet. Die Beendigung eines Tandems spricht gegen "
        "niemanden."
    ),
    "program_commitments_text": (
        "Teilnahme am Auftaktworkshop und an der Zwischenbilanz zur Halbzeit; Beantwortung der "
        "kurzen Check-in-Umfragen nach 30, 90 und 180 Tagen; Meldung an die "
        "Programmkoordination, wenn sich das Tandem nicht mehr trifft."
    ),
    "mentor_boundary": (
        "Der Mentor setzt sich nicht für Beförderung oder Gehalt des Mentees ein und tritt "
        "nicht an die Stelle seiner Führungskraft."
    ),
    "return_copy_to": "Thomas Brunner, Personalentwicklung, Zentrale München, 3. Stock",
}

PEOPLE = (
    # (mentor name, title, department), (mentee name, title, department)
    (
        ("Sabine Hofmann", "Bereichsleiterin Operations", "Operations"),
        ("Stefan Huber", "Schichtleiter", "Lager Augsburg"),
    ),
    (
        ("Rainer Brandl", "Leiter Transportplanung", "Transport"),
        ("Lena Aigner", "Disponentin", "Transport"),
    ),
    (
        ("Susanne Eder", "Leiterin Finanzen", "Finanzen"),
        ("Kemal Yılmaz", "Controller", "Finanzen"),
    ),
    (
        ("Lukas Obermaier", "Standortleiter", "Lager Nürnberg"),
        ("Aylin Demir", "Bestandsanalystin", "Lager Nürnberg"),
    ),
    (
        ("Elena Petrović", "Leiterin IT-Services", "IT"),
        ("Markus Wimmer", "Teamleiter Service Desk", "IT"),
    ),
    (
        ("Daniela Kraus", "Leiterin Kundenservice", "Kundenservice"),
        ("Sofia Papadopoulos", "Teamkoordinatorin", "Kundenservice"),
    ),
    (
        ("Katharina Berger", "HR Business Partnerin", "Personal"),
        ("Jonas Lindner", "Recruiter", "Personal"),
    ),
    (
        ("Georg Pichler", "Fuhrparkleiter", "Transport"),
        ("Nina Haas", "Referentin Fuhrpark-Compliance", "Transport"),
    ),
    (
        ("Fatma Öztürk", "Leiterin Einkauf", "Einkauf"),
        ("Oliver Strobl", "Einkäufer", "Einkauf"),
    ),
    (
        ("Henrik Larsen", "Leiter Arbeitssicherheit", "Operations"),
        ("Julia Rieder", "Fachkraft für Arbeitssicherheit", "Lager Augsburg"),
    ),
    (
        ("Yuki Tanaka", "Leiterin Data & Analytics", "IT"),
        ("Benedikt Holzer", "Datenanalyst", "IT"),
    ),
    (
        ("Patricia Wieland", "Vertriebsleiterin Süd", "Vertrieb"),
        ("Ravi Patel", "Key Account Manager", "Vertrieb"),
    ),
)

# The mentees' line managers, as the roster from HR names them.
MANAGERS = (
    "Anja Lechner",
    "Paul Mayr",
    "Ingrid Moser",
    "Tomasz Wójcik",
    "Claudia Zeller",
    "Hamid Farouk",
)

# P01: Sabine Hofmann (Bereichsleiterin Operations) and Stefan Huber (Schichtleiter,
# Augsburg); Stefan's line manager is Anja Lechner. Signed at the workshop.
P01 = CharterTexts(
    fields={
        "purpose": (
            "Stefan soll den Schritt von der Schichtleitung zur Führung eines Teams schaffen "
            "und dabei von Sabines zwanzig Jahren im operativen Geschäft profitieren."
        ),
        "mentor_commitments": (
            "Die Termine einhalten, erst zuhören und dann raten, ehrlich aus der Leitung von "
            "Standorten erzählen (auch von Fehlern) und Stefan mit den anderen Standortleitungen "
            "bekannt machen."
        ),
        "mentee_commitments": (
            "Zu jedem Treffen ein echtes Problem aus der Schicht mitbringen, das Vereinbarte bis "
            "zum nächsten Mal ausprobieren und offen sagen, wenn ein Rat nicht zur Halle in "
            "Augsburg passt."
        ),
        "meeting_place": (
            "Sabines Büro in der Zentrale oder die Kantine in Augsburg bei ihren Besuchen"
        ),
        "contact_channels": (
            "Eine Teams-Nachricht für Kleinigkeiten; ein Anruf, wenn die Schicht nicht warten kann"
        ),
        "response_time": "Bis zum Ende des nächsten Arbeitstags",
        "cancellation_notice": "48 Stunden, außer bei Vorfällen am Standort",
        "confidentiality_scope": (
            "Alles, was Stefan über sein Team, seine Schicht und seine Pläne erzählt."
        ),
        "confidentiality_exceptions": (
            "Sicherheitsrisiken am Standort, alles, was wir von Gesetzes wegen melden müssen, "
            "und schwere Verstöße gegen den Verhaltenskodex."
        ),
        "shared_with_others": (
            "Dass wir uns treffen, und Stefans Ziele, wenn er sie im Mitarbeitergespräch mit "
            "Anja teilen möchte."
        ),
        "boundaries": (
            "Sabine greift nicht in Entscheidungen über Stefans Schicht oder sein Team ein; "
            "Personalfragen gehen an Anja als seine Führungskraft."
        ),
        "feedback_method": (
            "Am Monatsende sagt Stefan, was am meisten geholfen hat, und Sabine, was ihr am "
            "Standort aufgefallen ist; beides halten wir in einer Zeile fest."
        ),
        "renewal": (
            "Bei der Zwischenbilanz nach 180 Tagen entscheiden wir gemeinsam, ob wir bis zur "
            "Eröffnung des neuen Drehkreuzes in Augsburg weitermachen."
        ),
        "program_commitments": (
            "Wir nehmen beide an der Zwischenbilanz zur Halbzeit teil und beantworten jede "
            "Check-in-Umfrage pünktlich."
        ),
    },
    goals=(
        (
            "Die wöchentliche Planungsbesprechung meiner Schicht selbstständig leiten",
            "Bereitet mich auf eine Teamleitung vor (Programmziel 1)",
            "Ich leite vier Planungsbesprechungen, und Anja hält mich für bereit",
            "An zwei Betriebsbesprechungen von Sabine teilnehmen; eine Vorlage für die "
            "Tagesordnung entwerfen",
        ),
    ),
    plans=(
        (
            "Eine Spitzenwoche in Augsburg zwingt Stefan zur Absage",
            "wir telefonieren in dieser Woche 20 Minuten, statt das Treffen ausfallen zu lassen.",
        ),
        (
            "Die Ratschläge passen nicht mehr zu dem, was in der Augsburger Halle passiert",
            "Stefan sagt es beim nächsten Treffen, und wir wählen ein anderes Ziel oder den "
            "Besuch eines anderen Standorts.",
        ),
    ),
)

# P02: Rainer Brandl (Leiter Transportplanung) and Lena Aigner (Disponentin); Lena's line
# manager is Paul Mayr.
P02 = CharterTexts(
    fields={
        "purpose": (
            "Lena soll von der Planung einzelner Touren zur Verantwortung für das Netz einer "
            "ganzen Region wachsen, mit Rainers Blick darauf, wie Transportentscheidungen "
            "wirklich fallen."
        ),
        "mentor_commitments": (
            "Sich jeden Monat Zeit nehmen, die Überlegungen hinter Planungsentscheidungen "
            "erklären und nicht nur ihr Ergebnis, und offen Rückmeldung zu Lenas Vorschlägen "
            "geben."
        ),
        "mentee_commitments": (
            "Zwei Tage vor jedem Treffen eine kurze Tagesordnung schicken, Zahlen statt "
            "Eindrücke mitbringen und jedem Kontakt nachgehen, den Rainer vermittelt."
        ),
        "meeting_place": "Über Teams, einmal im Quartal im Planungsbüro in Nürnberg",
        "contact_channels": "E-Mail für Vorschläge und Unterlagen; Teams für eine kurze Rückfrage",
        "response_time": "Innerhalb von drei Arbeitstagen",
        "cancellation_notice": "Eine Woche, weil unsere Kalender früh voll sind",
        "confidentiality_scope": (
            "Lenas Ideen, solange sie noch nicht fertig sind, ihre Zweifel und alles, was über "
            "das Planungsteam gesagt wird."
        ),
        "confidentiality_exceptions": (
            "Schaden für andere, gesetzliche Meldepflichten und Verstöße gegen die Regeln der "
            "Verkehrssicherheit."
        ),
        "shared_with_others": (
            "Nur, dass wir uns treffen; Lena entscheidet, was Paul von ihren Zielen erfährt."
        ),
        "boundaries": (
            "Rainer schlägt Lena nicht für eine bestimmte offene Stelle vor, und über die Arbeit "
            "anderer Disponenten sprechen wir nicht namentlich."
        ),
        "feedback_method": (
            "Jedes zweite Treffen endet damit, dass Lena seinen Nutzen von 1 bis 5 bewertet und "
            "Rainer eine Sache zum Ausprobieren nennt."
        ),
        "renewal": (
            "Wird eine Stelle in der Regionalplanung frei, vereinbaren wir eine kürzere "
            "Fortsetzung von drei Monaten."
        ),
        "program_commitments": (
            "Wir nehmen gemeinsam an der Halbzeitbilanz teil und füllen die Umfragen nach 30, 90 "
            "und 180 Tagen aus."
        ),
    },
    goals=(
        (
            "Dem Führungskreis Transport einen Vorschlag zur Kostensenkung vorstellen",
            "Schafft die standortübergreifende Sichtbarkeit, die das Programm anstrebt "
            "(Programmziel 3)",
            "Vorschlag vorgestellt und Entscheidung protokolliert",
            "Das Thema des Vorschlags bis zum zweiten Treffen mit Rainer festlegen",
        ),
        (
            "Das Winternetz für die Region Franken planen",
            "Erweitert meine Verantwortung von Touren auf eine Region (Programmziel 1)",
            "Winterplan von Paul ohne größere Nacharbeit freigegeben",
            "Rainer im März bei der Überprüfung der Winterplanung begleiten",
        ),
    ),
    plans=(
        (
            "Eine Ausschreibungsfrist frisst den ganzen Monat",
            "wir verschieben das Treffen, statt es ausfallen zu lassen, und halten es auf 45 "
            "Minuten.",
        ),
        (
            "Lenas Vorschlag wird abgelehnt",
            "wir widmen das nächste Treffen den Fragen des Führungskreises und entscheiden, ob "
            "sie ihn erneut einbringt.",
        ),
    ),
)

# P03: Susanne Eder (Leiterin Finanzen) and Kemal Yılmaz (Controller); Kemal's line manager is
# Ingrid Moser. The demo's three-goal charter.
P03 = CharterTexts(
    fields={
        "purpose": (
            "Kemal soll sich auf eine erste Rolle als Finanz-Business-Partner vorbereiten und "
            "dabei von Susannes Erfahrung mit Budgets im ganzen Unternehmen lernen."
        ),
        "mentor_commitments": (
            "Unseren Termin freihalten, erst fragen und dann antworten, erzählen, wie sie "
            "schwierige Budgetgespräche geführt hat, auch die misslungenen, und Kemal mit "
            "Budgetverantwortlichen bekannt machen."
        ),
        "mentee_commitments": (
            "Die Tagesordnung jedes Treffens festlegen, eine Frage aus der echten Arbeit "
            "mitbringen, zwischen den Treffen tun, was ich zugesagt habe, und um Rückmeldung zu "
            "meinen Berichten bitten."
        ),
        "meeting_place": "Das Café in der Zentrale, während des Monatsabschlusses über Teams",
        "contact_channels": "Teams-Chat für kurze Fragen; E-Mail für alles mit Zahlen",
        "response_time": "Innerhalb von zwei Arbeitstagen, zum Monatsende länger",
        "cancellation_notice": "24 Stunden, mit neuem Termin in derselben Nachricht",
        "confidentiality_scope": (
            "Alles, was wir über Menschen, Leistung und Laufbahnen besprechen."
        ),
        "confidentiality_exceptions": (
            "Gefahr für andere, alles, was wir von Gesetzes wegen melden müssen, und der "
            "Verdacht auf Betrug oder schwere Verstöße gegen den Verhaltenskodex."
        ),
        "shared_with_others": (
            "Dass und wie oft wir uns treffen; Kemals Ziele nur, wenn er sie selbst teilen möchte."
        ),
        "boundaries": (
            "Kein Gespräch über Kemals Gehaltsrunde oder die Leistung namentlich genannter "
            "Kolleginnen und Kollegen; Susanne wird nicht bei seiner Führungskraft intervenieren."
        ),
        "feedback_method": (
            "Die letzten fünf Minuten jedes dritten Treffens: eine Sache, die gut läuft, eine, "
            "die sich ändern soll, nach dem Muster Situation, Verhalten, Wirkung."
        ),
        "renewal": (
            "Bei der Zwischenbilanz nach 180 Tagen entscheiden wir gemeinsam über eine "
            "Verlängerung um sechs Monate."
        ),
        "program_commitments": (
            "Wir nehmen an der Zwischenbilanz teil und beantworten die Check-ins nach 30, 90 und "
            "180 Tagen."
        ),
    },
    goals=(
        (
            "Die Forecast-Besprechung für das zweite Quartal mit den Budgetverantwortlichen im "
            "Transport leiten",
            "Bereitet mich auf eine Rolle als Business Partner vor (Programmziel 1)",
            "Ich leite die Besprechung, und Ingrid gibt die Unterlagen ohne Nacharbeit frei",
            "An Susannes Forecast-Runde mit den Transportleitungen teilnehmen; die "
            "Tagesordnung entwerfen",
        ),
        (
            "Das Kostenmodell der neuen Drehkreuze für ein Publikum ohne Finanzhintergrund "
            "erklären",
            "Verbindet die Zentrale mit den Standorten, die die Drehkreuze betreiben werden "
            "(Programmziel 3)",
            "Präsentation vor einem Standortteam gehalten und seine Fragen beantwortet",
            "Das Publikum bis zum zweiten Treffen mit Susanne abstimmen",
        ),
        (
            "Arbeitsbeziehungen zu den kaufmännischen Ansprechpersonen an drei Standorten aufbauen",
            "Hält Standortwissen im Team, wenn erfahrene Kräfte in Rente gehen (Programmziel 2)",
            "Drei namentlich bekannte Ansprechpersonen, die ich getroffen und mit denen ich "
            "gearbeitet habe",
            "Die Standorte auflisten, deren Zahlen ich am wenigsten kenne",
        ),
    ),
    plans=(
        (
            "Einer von uns muss zweimal hintereinander absagen",
            "wir sprechen es beim nächsten Treffen offen an und verlegen entweder den Termin "
            "oder ändern den Rhythmus, damit er zu den echten Kalendern passt.",
        ),
        (
            "Unsere Gespräche bringen nichts mehr",
            "wir kehren zu den Zielen dieser Vereinbarung zurück; passen sie nicht mehr, "
            "schreiben wir sie gemeinsam neu oder bitten Thomas um eine Neuzuordnung ohne "
            "Schuldzuweisung.",
        ),
    ),
)

# P04: Lukas Obermaier (Standortleiter, Nürnberg) and Aylin Demir (Bestandsanalystin,
# Nürnberg); Aylin's line manager is Tomasz Wójcik.
P04 = CharterTexts(
    fields={
        "purpose": (
            "Aylin soll ihre Bestandsanalysen in Entscheidungen in der Nürnberger Halle "
            "umsetzen und sehen, wie ein Standortleiter Kosten, Sicherheit und Servicegrad "
            "gegeneinander abwägt."
        ),
        "mentor_commitments": (
            "Einmal im Monat mit Aylin über den Standort gehen, die Zielkonflikte hinter seinen "
            "Entscheidungen erklären und ehrlich antworten, wenn sie fragt, wie ihre Arbeit "
            "ankommt."
        ),
        "mentee_commitments": (
            "Zu jedem Treffen ein Bestandsproblem mit einem Lösungsvorschlag mitbringen, Ideen "
            "in der Halle erproben, bevor ich sie vorstelle, und festhalten, was sich geändert "
            "hat."
        ),
        "meeting_place": "Das Standortbüro in Nürnberg, danach ein Gang durch die Regalgassen",
        "contact_channels": "Ein kurzes Wort in der Halle oder eine Teams-Nachricht an Lukas",
        "response_time": "Bei Bestandsfragen am selben Tag, sonst innerhalb einer Woche",
        "cancellation_notice": "Eine Nachricht am Vortag; Spitzenwochen gehen vor",
        "confidentiality_scope": (
            "Aylins Fragen zu ihrer Laufbahn und alles, was sie über die Abläufe am Standort sagt."
        ),
        "confidentiality_exceptions": (
            "Alles, was Menschen am Standort gefährdet, gesetzliche Meldepflichten und Diebstahl."
        ),
        "shared_with_others": (
            "Dass wir uns treffen; Verbesserungsideen erst, wenn Aylin sie selbst Tomasz "
            "vorgestellt hat."
        ),
        "boundaries": (
            "Lukas leitet den Standort, ist aber nicht Aylins Führungskraft: Ihre Ziele und "
            "ihre Beurteilung bleiben bei Tomasz und außerhalb unserer Treffen."
        ),
        "feedback_method": (
            "Nach jedem Rundgang notiert Aylin eine Sache, die sie gelernt hat, und Lukas nennt "
            "ihr eine, die sie anders machen könnte."
        ),
        "renewal": (
            "Bei der Zwischenbilanz nach 180 Tagen entscheiden wir, ob wir die Hochsaison über "
            "weitermachen."
        ),
        "program_commitments": (
            "Wir kommen beide zur Halbzeitbilanz und beantworten die Check-in-Umfragen, auch in "
            "Spitzenwochen."
        ),
    },
    goals=(
        (
            "Die Bestandsdifferenzen im Nürnberger Kühllager um ein Drittel senken",
            "Macht aus meinen Analysen Ergebnisse am Standort (Programmziel 1)",
            "Monatliche Differenzquote von 1,8 % auf 1,2 % gesenkt",
            "Beim ersten Rundgang mit Lukas die Differenzen dieses Jahres erfassen",
        ),
    ),
    plans=(
        (
            "In der Hochsaison bleibt keine Zeit für einen Rundgang",
            "wir treffen uns 20 Minuten im Standortbüro und holen den Rundgang im nächsten Monat "
            "nach.",
        ),
        (
            "Aylins Idee passt nicht zur Arbeitsweise des Hallenteams",
            "wir laden die Schichtleitung zum nächsten Rundgang ein und hören ihre Sicht, bevor "
            "wir etwas ändern.",
        ),
    ),
)

# P05: Elena Petrović (Leiterin IT-Services) and Markus Wimmer (Teamleiter Service Desk);
# Markus's line manager is Claudia Zeller.
P05 = CharterTexts(
    fields={
        "purpose": (
            "Markus soll von der Leitung des Service Desks zur Verantwortung für die IT-Services "
            "eines Standorts wachsen, mit Elenas Erfahrung, die IT durch große Veränderungen "
            "zu führen."
        ),
        "mentor_commitments": (
            "Zeigen, wie sie IT-Veränderungen plant und dem Geschäft erklärt, Markus' Ideen "
            "ehrlich prüfen und ihn als Gast zu einer Sitzung des Lenkungskreises mitnehmen."
        ),
        "mentee_commitments": (
            "Vor jedem Treffen eine Notiz von einer Seite vorbereiten, das Vereinbarte umsetzen "
            "und Elena früh sagen, wenn etwas nicht funktioniert."
        ),
        "meeting_place": "Per Teams-Video, persönlich, wenn Elena in der Zentrale ist",
        "contact_channels": "Teams-Chat; keine dienstlichen Anrufe nach 18 Uhr",
        "response_time": "Innerhalb von zwei Tagen oder beim nächsten Treffen, wenn es warten kann",
        "cancellation_notice": "Zwei Arbeitstage, außer bei einer schweren Störung",
        "confidentiality_scope": (
            "Markus' Pläne, seine Sorgen, ehemalige Kollegen zu führen, und alles, was über das "
            "IT-Team gesagt wird."
        ),
        "confidentiality_exceptions": (
            "Schaden für andere, gesetzliche Meldepflichten und Sicherheitsvorfälle, die an das "
            "Sicherheitsteam gehen."
        ),
        "shared_with_others": (
            "Dass und wann wir uns treffen; Markus entscheidet, was Claudia von seinen Zielen "
            "erfährt."
        ),
        "boundaries": (
            "Elena sieht sich die Tickets des Desks nicht an und greift nicht in seine "
            "Entscheidungen ein; die Stellenbesetzung der Umstrukturierung lassen wir beiseite, "
            "bis sie bekannt gegeben ist."
        ),
        "feedback_method": (
            "Jeden Monat nennen wir beide eine Sache, die geholfen hat, und eine zum "
            "Ausprobieren, und vergleichen sie mit denen des Vormonats."
        ),
        "renewal": (
            "Nach 180 Tagen entscheiden wir, ob wir weitermachen, vielleicht mit einem Treffen "
            "im Monat."
        ),
        "program_commitments": (
            "Wir nehmen an der Zwischenbilanz teil und füllen die Check-in-Umfragen des "
            "Programms aus."
        ),
    },
    goals=(
        (
            "Das erste Quartalsgespräch des Service Desks mit den Fachbereichen leiten",
            "Gibt mir die Führungserfahrung, die das Programm anstrebt (Programmziel 1)",
            "Gespräch geführt und drei vereinbarte Maßnahmen bis zum Abschluss verfolgt",
            "Beobachten, wie Elena ihren Lenkungskreis leitet, bevor ich meinen plane",
        ),
        (
            "Den Übergabeleitfaden für den IT-Aufbau der neuen Drehkreuze schreiben",
            "Sichert unser Wissen, während das Unternehmen wächst (Programmziel 2)",
            "Leitfaden genutzt, um das erste Drehkreuz ohne zusätzliche Unterstützung einzurichten",
            "Die Checklisten sammeln, die der Desk schon verwendet",
        ),
    ),
    plans=(
        (
            "Eine schwere Störung lässt unser Treffen ausfallen",
            "wir finden noch in derselben Woche einen neuen Termin und machen die Störung zu "
            "unserem Thema.",
        ),
        (
            "Die Ziele wirken zu groß für die Zeit, die Markus hat",
            "wir kürzen ein Ziel auf einen ersten Schritt und stimmen ihn mit Claudia ab.",
        ),
    ),
)

# P06: Daniela Kraus (Leiterin Kundenservice) and Sofia Papadopoulos (Teamkoordinatorin).
P06 = CharterTexts(
    fields={
        "purpose": (
            "Sofia soll sich darauf vorbereiten, ein Team im Kundenservice zu führen, und von "
            "Daniela lernen, Eskalationen zu lösen und ein Team unter Druck stabil zu halten."
        ),
        "mentor_commitments": (
            "Erzählen, wie sie mit schwierigen Kunden und schwierigen Tagen umgeht, und Sofia "
            "einmal im Monat bei einem Eskalationsgespräch zuhören lassen."
        ),
        "mentee_commitments": (
            "Zu jedem Treffen einen echten Fall aus der Warteschlange mitbringen und bis zum "
            "nächsten Mal einen neuen Ansatz mit meinem Team ausprobieren."
        ),
    },
    goals=(
        (
            "Eine Kundeneskalation vom ersten Anruf bis zum Abschluss selbst führen",
            "Bereitet mich auf die Führung eines Teams vor (Programmziel 1)",
            "Zwei Eskalationen im Einvernehmen mit dem Kunden abgeschlossen",
            "Daniela im Februar bei einem Eskalationsgespräch begleiten",
        ),
    ),
)

# P07: Katharina Berger (HR Business Partnerin) and Jonas Lindner (Recruiter).
P07 = CharterTexts(
    fields={
        "purpose": (
            "Jonas soll seine Arbeit von der Besetzung offener Stellen auf die Beratung von "
            "Führungskräften zu ihren Teams ausweiten, mit Katharinas Erfahrung als Business "
            "Partnerin."
        ),
        "mentor_commitments": (
            "Jonas zu zwei ihrer Gespräche zur Personalplanung mitnehmen und die "
            "Abwägungen danach mit ihm durchgehen."
        ),
        "mentee_commitments": (
            "Fragen aus meinen eigenen Besetzungsverfahren vorbereiten und aufschreiben, was ich "
            "aus jedem Gespräch mitnehme."
        ),
    },
    goals=(
        (
            "Eine Führungskraft zum Zuschnitt ihres Teams beraten, nicht nur zur offenen Stelle",
            "Bringt die Personalabteilung näher an die Standorte (Programmziel 3)",
            "Ein Personalplan mit einer Führungskraft erstellt und in Gebrauch",
            "Die Führungskraft beim ersten Treffen mit Katharina auswählen",
        ),
    ),
)

# P08: Georg Pichler (Fuhrparkleiter) and Nina Haas (Referentin Fuhrpark-Compliance).
P08 = CharterTexts(
    fields={
        "purpose": (
            "Nina soll von der Prüfung der Fuhrpark-Compliance zur Planung des Fuhrparks "
            "kommen, mit Georgs Wissen über den Fahrzeugeinsatz an allen Depots."
        ),
        "mentor_commitments": (
            "Erklären, wie Fuhrparkbudgets und Ersatzpläne entschieden werden, und Nina jedes "
            "Quartal zu einer Depotbesprechung mitnehmen."
        ),
        "mentee_commitments": (
            "Mit einem Prüfbefund und einer Einschätzung seiner Ursache kommen und den "
            "Kontakten in den Depots nachgehen, die Georg herstellt."
        ),
        "meeting_place": "Der Besprechungsraum im Depot Freising",
    },
    goals=(
        (
            "Den Ersatzplan für die Transporter des Depots Freising entwerfen",
            "Entwickelt meine Rolle vom Prüfen zum Planen (Programmziel 1)",
            "Plan in das Fuhrparkbudget des nächsten Jahres übernommen",
            "Den Plan des letzten Jahres Zeile für Zeile mit Georg durchgehen",
        ),
    ),
)

# P09: Fatma Öztürk (Leiterin Einkauf) and Oliver Strobl (Einkäufer).
P09 = CharterTexts(
    fields={
        "purpose": (
            "Oliver soll größere Verträge übernehmen und von Fatma lernen, wie man eine "
            "Lieferantenverhandlung vorbereitet und führt."
        ),
        "mentor_commitments": (
            "Oliver eine echte Verhandlung mit ihr vorbereiten lassen und sie danach ehrlich "
            "mit ihm auswerten."
        ),
        "mentee_commitments": (
            "Die Vorbereitung vollständig erledigen, fragen, wenn ich unsicher bin, und "
            "festhalten, was mich jedes Lieferantengespräch lehrt."
        ),
        "meeting_place": "Fatmas Büro im zweiten Stock oder ein Anruf an Reisetagen",
    },
    goals=(
        (
            "Die Verlängerung des Vertrags mit dem Verpackungslieferanten verantworten",
            "Bereitet mich auf eine Rolle als Warengruppenleiter vor (Programmziel 1)",
            "Vertrag verlängert und Einsparziel erreicht",
            "Den laufenden Vertrag lesen und seine Schwachstellen auflisten",
        ),
    ),
)

TEXTS = DemoTexts(
    program=PROGRAM,
    coordinator_signature="Thomas Brunner",
    email_domain="alpenland.example",
    people=PEOPLE,
    managers=MANAGERS,
    charters=(P01, P02, P03, P04, P05, P06, P07, P08, P09),
    follow_up=FollowUpTexts(
        p01_plans_used="Das 20-Minuten-Telefonat in der Spitzenwoche vor der Inventur in Augsburg",
        p01_changes="Treffen in der Augsburger Kantine, wenn Sabine den Standort besucht",
        p04_comment="Kann mir jemand helfen, eine Schulung zur Bestandsführung zu finden?",
        p05_concern=(
            "Elena sagt, ihre Arbeitsweisen passen nicht zusammen; sie würde die Beziehung "
            "lieber ohne Schuldzuweisung beenden"
        ),
        p06_reason="Sofia ist an den Standort Lissabon gewechselt",
        p07_scenario="Wiederholte Absagen",
        p07_plan="wer absagt, vereinbart sofort einen neuen Termin in derselben Woche.",
        p07_mentor_cancels="Katharina auf der regionalen HR-Konferenz",
        p07_mentee_cancels="Jonas die ganze Woche mit Vorstellungsgesprächen belegt",
    ),
)
