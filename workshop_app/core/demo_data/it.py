"""The demo in Italian: Logistica Ambrosiana, a logistics company in Milan with warehouses in
Piacenza and Bologna, launches its mentoring program "Accelera". The same pairs in the same
states as the English demo (en.py), with Italian people, and charters written as colleagues in
an Italian company write them, following the glossary in docs/i18n.md."""

from __future__ import annotations

from workshop_app.core.demo_data import CharterTexts, DemoTexts, FollowUpTexts

PROGRAM = {
    "program": "Programma di mentoring Accelera",
    "organisation": "Logistica Ambrosiana S.p.A.",
    "cohort": "Edizione primavera 2027",
    "venue": "Sede di Milano, via della Darsena 12, aula formazione 2",
    "facilitator": "Laura Bertolini",
    "coordinator": "Alberto Zanetti (Risorse Umane)",
    "sponsor_name": "Roberto Brambilla",
    "sponsor_title": "Direttore Generale",
    "endorsement": (
        "I nostri futuri responsabili lavorano già qui, tra i nostri magazzini e i nostri "
        "uffici. Accelera nasce perché l'esperienza delle persone che conoscono meglio "
        "l'azienda arrivi più lontano e più in fretta di qualunque manuale. Chiedo a ogni "
        "mentor di dare a questi incontri la stessa priorità di un appuntamento con un "
        "cliente, e a ogni mentee di presentarsi a ogni incontro con una domanda che valga "
        "un'ora del nostro tempo."
    ),
    "program_goals": (
        "Preparare i talenti ad alto potenziale al primo ruolo di responsabilità di persone\n"
        "Trattenere in azienda il sapere operativo dei colleghi prossimi alla pensione\n"
        "Mettere in contatto i team di magazzino, trasporti e sede centrale tra le diverse sedi"
    ),
    "strategy_link": (
        "Il piano industriale 2027 prevede l'apertura di due nuovi hub regionali e richiede "
        "40 nuovi capisquadra, in gran parte da far crescere al nostro interno. Accelera è lo "
        "strumento con cui li prepariamo e con cui conserviamo la capacità di giudizio dei "
        "colleghi più esperti mentre l'azienda cresce."
    ),
    "success_metrics": (
        "Le coppie si incontrano almeno una volta al mese (verificato con i check-in a 30, 90 "
        "e 180 giorni); l'80% dei mentee dichiara progressi su almeno un obiettivo a 180 "
        "giorni; tasso di promozione interna dei partecipanti confrontato con quello dei "
        "colleghi a 12 mesi."
    ),
    "support_contacts": (
        "Alberto Zanetti, referente del programma: alberto.zanetti@ambrosiana.example, "
        "interno 4417 (per ogni domanda sul programma, cambi di abbinamento, calendario)\n"
        "Servizio di ascolto e supporto psicologico per i dipendenti: numero verde "
        "800 555 019, gratuito e riservato, attivo 24 ore su 24"
    ),
    "confidentiality_text": (
        "Quanto viene detto negli incontri di mentoring resta tra mentor e mentee, salvo "
        "quando è a rischio la sicurezza di qualcuno, quando la legge impone di riferirlo o "
        "quando emerge una grave violazione delle politiche aziendali. Lo staff del "
        "programma viene informato soltanto se le coppie si incontrano e di come procede il "
        "programma, mai dei contenuti dei colloqui."
    ),
    "no_fault_text": (
        "Ciascuno dei due può chiudere il rapporto di mentoring in qualsiasi momento e per "
        "qualsiasi motivo, senza colpe. Basta comunicarlo al referente del programma, che "
        "proporrà un nuovo abbinamento quando possibile. La chiusura di una coppia non va "
        "a demerito di nessuno."
    ),
    "program_commitments_text": (
        "Partecipare al workshop di avvio e alla sessione di verifica intermedia; rispondere "
        "ai brevi questionari di check-in a 30, 90 e 180 giorni; avvisare il referente se la "
        "coppia smette di incontrarsi."
    ),
    "mentor_boundary": (
        "Il mentor non si adopera per la promozione o per la retribuzione del mentee e non "
        "prende il posto del suo responsabile diretto."
    ),
    "return_copy_to": "Alberto Zanetti, Risorse Umane, sede di Milano, 3° piano",
}

PEOPLE = (
    # (mentor name, title, department), (mentee name, title, department)
    (
        ("Giovanna Ferraris", "Direttrice Operations", "Operations"),
        ("Davide Colombo", "Capoturno", "Magazzino di Piacenza"),
    ),
    (
        ("Raffaele Esposito", "Responsabile Pianificazione Trasporti", "Trasporti"),
        ("Chiara Moretti", "Pianificatrice dei viaggi", "Trasporti"),
    ),
    (
        ("Silvia Marchetti", "Direttrice Amministrazione e Finanza", "Amministrazione e Finanza"),
        ("Matteo Galli", "Controller", "Amministrazione e Finanza"),
    ),
    (
        ("Luca Barbieri", "Responsabile di sito", "Magazzino di Bologna"),
        ("Amina Haddad", "Analista delle scorte", "Magazzino di Bologna"),
    ),
    (
        ("Elisa Fontana", "Responsabile Servizi IT", "Sistemi informativi"),
        ("Marco Ruggiero", "Responsabile Service Desk", "Sistemi informativi"),
    ),
    (
        ("Dario Lombardo", "Direttore Servizio Clienti", "Servizio Clienti"),
        ("Sofia Ricci", "Coordinatrice di team", "Servizio Clienti"),
    ),
    (
        ("Caterina Fumagalli", "HR Business Partner", "Risorse Umane"),
        ("Jacopo Serra", "Specialista Selezione", "Risorse Umane"),
    ),
    (
        ("Gabriele Mancini", "Responsabile Flotta", "Trasporti"),
        ("Nadia Pellegrini", "Addetta conformità flotta", "Trasporti"),
    ),
    (
        ("Fatima El Amrani", "Responsabile Acquisti", "Acquisti"),
        ("Tommaso Caruso", "Buyer", "Acquisti"),
    ),
    (
        ("Enrico Sartori", "RSPP, Salute e Sicurezza", "Operations"),
        ("Giulia Rinaldi", "Coordinatrice Sicurezza", "Magazzino di Piacenza"),
    ),
    (
        ("Irene Cattaneo", "Responsabile Data & Analytics", "Sistemi informativi"),
        ("Andrea Martini", "Junior Data Analyst", "Sistemi informativi"),
    ),
    (
        ("Patrizia Bellini", "Direttrice Commerciale Area Nord", "Commerciale"),
        ("Riccardo Orlando", "Account Manager", "Commerciale"),
    ),
)

# The mentees' line managers, as the roster from HR names them.
MANAGERS = (
    "Paola Rizzo",
    "Stefano Fabbri",
    "Ilaria Santoro",
    "Tomasz Wójcik",
    "Beatrice Morelli",
    "Hamid Farouk",
)

# P01: Giovanna Ferraris (Direttrice Operations) and Davide Colombo (Capoturno, Piacenza);
# Davide's line manager is Paola Rizzo. Signed at the workshop.
P01 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Davide a passare dalla gestione di un turno alla guida di una squadra, "
            "mettendo a frutto i vent'anni di Giovanna nelle operations."
        ),
        "mentor_commitments": (
            "Rispettare gli incontri fissati, ascoltare prima di consigliare, raccontare con "
            "franchezza le esperienze di gestione dei siti (errori compresi) e presentare "
            "Davide agli altri responsabili di sito."
        ),
        "mentee_commitments": (
            "Portare a ogni incontro un problema reale del turno, mettere in pratica quanto "
            "concordato prima dell'incontro successivo e dire chiaramente quando un consiglio "
            "non si adatta al magazzino di Piacenza."
        ),
        "meeting_place": (
            "L'ufficio di Giovanna in sede a Milano, oppure la mensa di Piacenza quando è in "
            "visita al magazzino"
        ),
        "contact_channels": (
            "Un messaggio su Teams per le cose piccole; una telefonata se il turno non può "
            "aspettare"
        ),
        "response_time": "Entro la fine della giornata lavorativa successiva",
        "cancellation_notice": "48 ore, salvo emergenze in magazzino",
        "confidentiality_scope": (
            "Tutto ciò che Davide condivide sulla sua squadra, sul suo turno e sui suoi progetti."
        ),
        "confidentiality_exceptions": (
            "Rischi per la sicurezza in magazzino, quanto la legge ci obbliga a segnalare e "
            "le violazioni gravi del codice etico."
        ),
        "shared_with_others": (
            "Il fatto che ci incontriamo, e gli obiettivi di Davide se lui decide di "
            "condividerli con Paola durante il colloquio di valutazione."
        ),
        "boundaries": (
            "Giovanna non interviene nelle decisioni sul turno o sulla squadra di Davide; le "
            "questioni di organico restano a Paola, sua responsabile diretta."
        ),
        "feedback_method": (
            "A fine mese Davide dice che cosa gli è stato più utile e Giovanna che cosa ha "
            "notato in magazzino; annotiamo entrambe le cose in una riga."
        ),
        "renewal": (
            "Alla verifica dei 180 giorni decidiamo insieme se proseguire fino all'apertura "
            "del nuovo hub di Piacenza."
        ),
        "program_commitments": (
            "Parteciperemo entrambi alla verifica intermedia e risponderemo puntualmente a "
            "ogni questionario di check-in."
        ),
    },
    goals=(
        (
            "Condurre in autonomia la riunione settimanale di pianificazione del mio turno",
            "Mi prepara a un ruolo di caposquadra (obiettivo 1 del programma)",
            "Conduco quattro riunioni di pianificazione e Paola le giudica pronte",
            "Assistere a due riunioni operative di Giovanna; preparare uno schema di ordine "
            "del giorno",
        ),
    ),
    plans=(
        (
            "Una settimana di picco a Piacenza costringe Davide ad annullare",
            "quella settimana facciamo una telefonata di 20 minuti invece di saltare l'incontro.",
        ),
        (
            "I consigli non corrispondono più a ciò che succede nel magazzino di Piacenza",
            "Davide lo dice all'incontro successivo e scegliamo un altro obiettivo oppure la "
            "visita a un altro sito.",
        ),
    ),
)

# P02: Raffaele Esposito (Responsabile Pianificazione Trasporti) and Chiara Moretti
# (Pianificatrice dei viaggi); Chiara's line manager is Stefano Fabbri.
P02 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Chiara a passare dalla pianificazione dei singoli viaggi alla gestione "
            "della rete di un'intera area, con lo sguardo di Raffaele su come si prendono "
            "davvero le decisioni nei trasporti."
        ),
        "mentor_commitments": (
            "Trovare il tempo ogni mese, spiegare il ragionamento dietro le scelte di "
            "pianificazione e non solo il loro esito, e dare un riscontro schietto sulle "
            "proposte di Chiara."
        ),
        "mentee_commitments": (
            "Inviare un breve ordine del giorno due giorni prima di ogni incontro, portare dati "
            "e non impressioni e dare seguito a ogni contatto che Raffaele mi presenta."
        ),
        "meeting_place": (
            "Su Teams, e una volta al trimestre nell'ufficio pianificazione di Bologna"
        ),
        "contact_channels": "Email per proposte e documenti; Teams per una verifica veloce",
        "response_time": "Entro tre giorni lavorativi",
        "cancellation_notice": "Una settimana, perché le nostre agende si riempiono presto",
        "confidentiality_scope": (
            "Le idee di Chiara prima che siano pronte, i suoi dubbi e qualsiasi cosa venga "
            "detta sul team di pianificazione."
        ),
        "confidentiality_exceptions": (
            "Danni a chiunque, obblighi di segnalazione previsti dalla legge e violazioni "
            "delle norme di sicurezza stradale."
        ),
        "shared_with_others": (
            "Solo il fatto che ci incontriamo; è Chiara a decidere che cosa Stefano sa dei "
            "suoi obiettivi."
        ),
        "boundaries": (
            "Raffaele non proporrà Chiara per una specifica posizione aperta, e non parliamo "
            "per nome del lavoro di altri pianificatori."
        ),
        "feedback_method": (
            "Un incontro sì e uno no si chiude con Chiara che ne valuta l'utilità da 1 a 5 e "
            "Raffaele che indica una cosa da provare."
        ),
        "renewal": (
            "Se si apre un ruolo di area, concordiamo una prosecuzione più breve di tre mesi."
        ),
        "program_commitments": (
            "Parteciperemo insieme alla sessione intermedia e compileremo i questionari a 30, "
            "90 e 180 giorni."
        ),
    },
    goals=(
        (
            "Presentare una proposta di riduzione dei costi alla direzione trasporti",
            "Crea la visibilità tra sedi a cui punta il programma (obiettivo 3 del programma)",
            "Proposta presentata e decisione messa a verbale",
            "Scegliere con Raffaele il tema della proposta entro il secondo incontro",
        ),
        (
            "Pianificare la rete invernale dell'area Emilia-Romagna",
            "Allarga il mio perimetro dai viaggi a un'intera area (obiettivo 1 del programma)",
            "Piano invernale approvato da Stefano senza modifiche sostanziali",
            "Affiancare Raffaele nella revisione del piano invernale a marzo",
        ),
    ),
    plans=(
        (
            "La scadenza di una gara si mangia tutto il mese",
            "spostiamo l'incontro invece di saltarlo, e lo limitiamo a 45 minuti.",
        ),
        (
            "La proposta di Chiara viene respinta",
            "dedichiamo l'incontro successivo alle richieste della direzione e decidiamo se "
            "ripresentarla.",
        ),
    ),
)

# P03: Silvia Marchetti (Direttrice Amministrazione e Finanza) and Matteo Galli (Controller);
# Matteo's line manager is Ilaria Santoro. The demo's three-goal charter.
P03 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Matteo a prepararsi a un primo ruolo di business partner della funzione "
            "finanza, grazie all'esperienza di Silvia nella gestione dei budget di tutta "
            "l'azienda."
        ),
        "mentor_commitments": (
            "Difendere il nostro spazio in agenda, fare domande prima di dare risposte, "
            "raccontare come ha affrontato le discussioni difficili sul budget, anche quelle "
            "andate male, e presentare Matteo ai responsabili di budget."
        ),
        "mentee_commitments": (
            "Preparare l'ordine del giorno di ogni incontro, portare una domanda dal lavoro "
            "di tutti i giorni, fare tra un incontro e l'altro ciò che mi sono impegnato a "
            "fare e chiedere un riscontro sui miei report."
        ),
        "meeting_place": "Il bar della sede di Milano, oppure Teams durante la chiusura mensile",
        "contact_channels": (
            "Chat di Teams per le domande veloci; email per tutto ciò che ha numeri"
        ),
        "response_time": "Entro due giorni lavorativi, di più a fine mese",
        "cancellation_notice": "24 ore, fissando la nuova data nello stesso messaggio",
        "confidentiality_scope": (
            "Tutto ciò di cui parliamo a proposito di persone, prestazioni e percorsi di carriera."
        ),
        "confidentiality_exceptions": (
            "Rischio di danno per chiunque, quanto la legge ci obbliga a segnalare, e sospetti "
            "di frode o gravi violazioni del codice etico."
        ),
        "shared_with_others": (
            "Il fatto che ci incontriamo e con quale frequenza; gli obiettivi di Matteo solo "
            "se lui sceglie di condividerli."
        ),
        "boundaries": (
            "Non parliamo della revisione retributiva di Matteo né delle prestazioni di "
            "colleghi citati per nome; Silvia non interviene presso la sua responsabile diretta."
        ),
        "feedback_method": (
            "Gli ultimi cinque minuti di un incontro ogni tre: una cosa che funziona e una da "
            "cambiare, con il metodo situazione-comportamento-impatto."
        ),
        "renewal": (
            "Alla verifica dei 180 giorni decidiamo insieme se proseguire per altri sei mesi."
        ),
        "program_commitments": (
            "Parteciperemo alla sessione di verifica intermedia e risponderemo ai check-in a "
            "30, 90 e 180 giorni."
        ),
    },
    goals=(
        (
            "Condurre la riunione di forecast del secondo trimestre con i responsabili di "
            "budget dei Trasporti",
            "Mi prepara a un ruolo di business partner (obiettivo 1 del programma)",
            "Conduco la riunione e Ilaria giudica il materiale pronto senza rifacimenti",
            "Partecipare alla revisione del forecast di Silvia con i responsabili dei "
            "Trasporti; preparare l'ordine del giorno",
        ),
        (
            "Spiegare il modello dei costi dei nuovi hub a chi non si occupa di numeri",
            "Collega la sede centrale con i siti che gestiranno gli hub (obiettivo 3 del "
            "programma)",
            "Presentazione fatta a un team di sito, con risposta alle sue domande",
            "Concordare il pubblico con Silvia entro il secondo incontro",
        ),
        (
            "Costruire rapporti di lavoro con i referenti amministrativi di tre siti",
            "Trattiene in squadra la conoscenza dei siti mentre i colleghi più anziani vanno "
            "in pensione (obiettivo 2 del programma)",
            "Tre referenti di sito, con nome e cognome, che ho incontrato e con cui ho lavorato",
            "Elencare i siti di cui conosco meno i numeri",
        ),
    ),
    plans=(
        (
            "Uno dei due deve annullare due volte di fila",
            "ne parliamo apertamente all'incontro successivo e spostiamo l'orario oppure "
            "cambiamo la frequenza, perché si adatti alle agende reali.",
        ),
        (
            "I nostri incontri smettono di essere utili",
            "torniamo agli obiettivi di questo accordo e, se non sono più adatti, li "
            "riscriviamo insieme oppure chiediamo ad Alberto un nuovo abbinamento senza colpe.",
        ),
    ),
)

# P04: Luca Barbieri (Responsabile di sito, Bologna) and Amina Haddad (Analista delle scorte,
# Bologna); Amina's line manager is Tomasz Wójcik.
P04 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Amina a trasformare le sue analisi delle scorte in decisioni nel "
            "magazzino di Bologna, e a vedere come un responsabile di sito bilancia costi, "
            "sicurezza e livello di servizio."
        ),
        "mentor_commitments": (
            "Girare il sito con Amina una volta al mese, spiegare i compromessi dietro le sue "
            "scelte e rispondere senza giri di parole quando lei chiede come viene recepito il "
            "suo lavoro."
        ),
        "mentee_commitments": (
            "Portare a ogni incontro un problema di scorte con una proposta di soluzione, "
            "provare le idee in magazzino prima di presentarle e tenere traccia di ciò che è "
            "cambiato."
        ),
        "meeting_place": "L'ufficio del sito di Bologna, poi un giro tra le scaffalature",
        "contact_channels": "Due parole in magazzino, oppure un messaggio a Luca su Teams",
        "response_time": "In giornata per i problemi di scorte, altrimenti entro una settimana",
        "cancellation_notice": (
            "Un messaggio il giorno prima; le settimane di picco hanno la precedenza"
        ),
        "confidentiality_scope": (
            "Le domande di Amina sul suo percorso professionale e tutto ciò che dice su come "
            "funziona il sito."
        ),
        "confidentiality_exceptions": (
            "Tutto ciò che mette a rischio le persone nel sito, gli obblighi di segnalazione "
            "previsti dalla legge e i furti."
        ),
        "shared_with_others": (
            "Il fatto che ci incontriamo; le idee di miglioramento solo dopo che Amina le ha "
            "presentate lei stessa a Tomasz."
        ),
        "boundaries": (
            "Luca dirige il sito ma non è il responsabile diretto di Amina: i suoi obiettivi e "
            "la sua valutazione restano a Tomasz e fuori dai nostri incontri."
        ),
        "feedback_method": (
            "Dopo ogni giro del sito Amina annota una cosa che ha imparato, e Luca le indica "
            "una cosa che potrebbe fare diversamente."
        ),
        "renewal": "Alla verifica dei 180 giorni decidiamo se continuare durante l'alta stagione.",
        "program_commitments": (
            "Verremo entrambi alla verifica intermedia e risponderemo ai questionari di "
            "check-in, anche nelle settimane di picco."
        ),
    },
    goals=(
        (
            "Ridurre di un terzo le differenze inventariali nella cella frigorifera di Bologna",
            "Trasforma le mie analisi in risultati sul campo (obiettivo 1 del programma)",
            "Tasso mensile di differenze inventariali sceso dall'1,8% all'1,2%",
            "Mappare con Luca le differenze di quest'anno durante il primo giro del sito",
        ),
    ),
    plans=(
        (
            "L'alta stagione non lascia tempo per il giro del sito",
            "ci vediamo 20 minuti nell'ufficio del sito e rimandiamo il giro al mese dopo.",
        ),
        (
            "L'idea di Amina si scontra con il modo di lavorare della squadra di magazzino",
            "invitiamo il capoturno al giro successivo e ascoltiamo il suo punto di vista "
            "prima di cambiare qualsiasi cosa.",
        ),
    ),
)

# P05: Elisa Fontana (Responsabile Servizi IT) and Marco Ruggiero (Responsabile Service Desk);
# Marco's line manager is Beatrice Morelli.
P05 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Marco a crescere dalla guida del service desk alla gestione dei servizi "
            "IT di un sito, con l'esperienza di Elisa nel condurre l'IT attraverso grandi "
            "cambiamenti."
        ),
        "mentor_commitments": (
            "Mostrare come pianifica e spiega all'azienda i cambiamenti IT, valutare con "
            "onestà le idee di Marco e portarlo come osservatore a una riunione del comitato "
            "guida."
        ),
        "mentee_commitments": (
            "Preparare una nota di una pagina prima di ogni incontro, agire su quanto "
            "concordato e avvisare Elisa per tempo quando qualcosa non funziona."
        ),
        "meeting_place": "Videochiamata su Teams, di persona quando Elisa è in sede a Milano",
        "contact_channels": "Chat di Teams; niente telefonate di lavoro dopo le diciotto",
        "response_time": "Entro due giorni, oppure all'incontro successivo se può aspettare",
        "cancellation_notice": "Due giorni lavorativi, salvo un incidente grave",
        "confidentiality_scope": (
            "I progetti di Marco, le sue preoccupazioni nel guidare chi fino a ieri era un "
            "collega alla pari e qualsiasi cosa venga detta sul team IT."
        ),
        "confidentiality_exceptions": (
            "Danni a chiunque, obblighi di segnalazione previsti dalla legge e incidenti di "
            "sicurezza informatica, che passano al team sicurezza."
        ),
        "shared_with_others": (
            "Il fatto che ci incontriamo e quando; è Marco a scegliere che cosa Beatrice sa "
            "dei suoi obiettivi."
        ),
        "boundaries": (
            "Elisa non esaminerà i ticket del desk né interverrà nelle sue decisioni, e "
            "lasciamo da parte l'organico della riorganizzazione finché non viene annunciata."
        ),
        "feedback_method": (
            "Ogni mese indichiamo entrambi una cosa che ci è servita e una da provare, e le "
            "confrontiamo con quelle del mese prima."
        ),
        "renewal": ("A 180 giorni decidiamo se continuare, magari con un incontro al mese."),
        "program_commitments": (
            "Parteciperemo alla verifica intermedia e compileremo i questionari di check-in "
            "del programma."
        ),
    },
    goals=(
        (
            "Condurre la prima verifica trimestrale del service desk con le funzioni aziendali",
            "Mi dà l'esperienza di guida a cui punta il programma (obiettivo 1 del programma)",
            "Verifica svolta e tre azioni concordate portate a termine",
            "Osservare come Elisa conduce il suo comitato guida prima di impostare il mio",
        ),
        (
            "Scrivere la guida di passaggio di consegne per l'avvio IT dei nuovi hub",
            "Conserva il nostro know-how mentre l'azienda cresce (obiettivo 2 del programma)",
            "Guida usata per avviare il primo hub senza supporto aggiuntivo",
            "Raccogliere le checklist che il desk usa già",
        ),
    ),
    plans=(
        (
            "Un incidente grave fa saltare il nostro incontro",
            "lo fissiamo di nuovo entro la settimana e facciamo dell'incidente il nostro tema.",
        ),
        (
            "Gli obiettivi sembrano troppo grandi per il tempo che Marco ha",
            "riduciamo un obiettivo a un primo passo e lo concordiamo con Beatrice.",
        ),
    ),
)

# P06: Dario Lombardo (Direttore Servizio Clienti) and Sofia Ricci (Coordinatrice di team).
P06 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Sofia a prepararsi a guidare un team del servizio clienti, imparando da "
            "Dario a gestire i reclami più delicati e a tenere unita una squadra sotto "
            "pressione."
        ),
        "mentor_commitments": (
            "Raccontare come affronta clienti difficili e giornate difficili, e far "
            "affiancare Sofia a una telefonata di escalation al mese."
        ),
        "mentee_commitments": (
            "Portare a ogni incontro un caso reale dalla coda e provare un approccio nuovo con "
            "il mio team prima dell'incontro successivo."
        ),
    },
    goals=(
        (
            "Gestire da sola un reclamo in escalation dalla prima telefonata alla chiusura",
            "Mi prepara a guidare un team (obiettivo 1 del programma)",
            "Due escalation chiuse con l'accordo del cliente",
            "Affiancare Dario in una telefonata di escalation a febbraio",
        ),
    ),
)

# P07: Caterina Fumagalli (HR Business Partner) and Jacopo Serra (Specialista Selezione).
P07 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Jacopo ad ampliare il suo lavoro dalla copertura delle posizioni aperte "
            "alla consulenza ai responsabili sui loro team, con l'esperienza di Caterina come "
            "business partner."
        ),
        "mentor_commitments": (
            "Coinvolgere Jacopo in due dei suoi colloqui di pianificazione dell'organico e "
            "ripercorrere insieme, dopo, le scelte di giudizio."
        ),
        "mentee_commitments": (
            "Preparare domande a partire dalle mie selezioni e mettere per iscritto che cosa "
            "ricavo da ogni colloquio."
        ),
    },
    goals=(
        (
            "Consigliare un responsabile sulla struttura del suo team, non solo sulla "
            "posizione da coprire",
            "Avvicina le Risorse Umane ai siti (obiettivo 3 del programma)",
            "Un piano dell'organico redatto con un responsabile e messo in pratica",
            "Scegliere il responsabile con Caterina al primo incontro",
        ),
    ),
)

# P08: Gabriele Mancini (Responsabile Flotta) and Nadia Pellegrini (Addetta conformità flotta).
P08 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Nadia a passare dal controllo della conformità della flotta alla sua "
            "pianificazione, con la conoscenza di Gabriele nella gestione dei mezzi di tutti "
            "i depositi."
        ),
        "mentor_commitments": (
            "Spiegare come si decidono i budget e i piani di sostituzione della flotta, e "
            "portare Nadia a una revisione di deposito ogni trimestre."
        ),
        "mentee_commitments": (
            "Presentarmi con un rilievo di conformità e un'ipotesi sulla sua causa, e "
            "ricontattare i referenti di deposito che Gabriele mi presenta."
        ),
        "meeting_place": "La sala riunioni del deposito di Lodi",
    },
    goals=(
        (
            "Redigere il piano di sostituzione dei furgoni del deposito di Lodi",
            "Fa crescere il mio ruolo dal controllo alla pianificazione (obiettivo 1 del "
            "programma)",
            "Piano inserito nel budget flotta del prossimo anno",
            "Ripassare con Gabriele, riga per riga, il piano dell'anno scorso",
        ),
    ),
)

# P09: Fatima El Amrani (Responsabile Acquisti) and Tommaso Caruso (Buyer).
P09 = CharterTexts(
    fields={
        "purpose": (
            "Aiutare Tommaso a gestire contratti più grandi, imparando da Fatima a preparare e "
            "condurre una trattativa con un fornitore."
        ),
        "mentor_commitments": (
            "Far preparare a Tommaso una trattativa reale insieme a lei e fare con lui, dopo, "
            "un debriefing onesto."
        ),
        "mentee_commitments": (
            "Curare la preparazione fino in fondo, chiedere quando ho un dubbio e annotare "
            "che cosa mi insegna ogni incontro con un fornitore."
        ),
        "meeting_place": (
            "L'ufficio di Fatima al secondo piano, oppure una telefonata nei giorni di trasferta"
        ),
    },
    goals=(
        (
            "Condurre il rinnovo del contratto con il fornitore degli imballaggi",
            "Mi prepara a un ruolo di category manager (obiettivo 1 del programma)",
            "Contratto rinnovato con l'obiettivo di risparmio raggiunto",
            "Leggere il contratto in essere ed elencarne i punti deboli",
        ),
    ),
)

TEXTS = DemoTexts(
    program=PROGRAM,
    coordinator_signature="Alberto Zanetti",
    email_domain="ambrosiana.example",
    people=PEOPLE,
    managers=MANAGERS,
    charters=(P01, P02, P03, P04, P05, P06, P07, P08, P09),
    follow_up=FollowUpTexts(
        p01_plans_used=(
            "La telefonata di 20 minuti nella settimana di picco prima dell'inventario di Piacenza"
        ),
        p01_changes="Incontri nella mensa di Piacenza durante le visite di Giovanna al magazzino",
        p04_comment="Qualcuno potrebbe aiutarmi a trovare un corso sulla gestione delle scorte?",
        p05_concern=(
            "Elisa dice che i loro modi di lavorare non si conciliano; preferirebbe chiudere "
            "senza colpe"
        ),
        p06_reason="Sofia si è trasferita nella sede di Lisbona",
        p07_scenario="Annullamenti ripetuti",
        p07_plan="chi annulla fissa subito la nuova data, entro la stessa settimana.",
        p07_mentor_cancels="Caterina al convegno regionale delle Risorse Umane",
        p07_mentee_cancels="Jacopo impegnato nei colloqui di selezione tutta la settimana",
    ),
)
