"""Which of the outcomes report's figures speaks to one of the program's own measures of
success, by the words the program wrote it in: English, Italian, German or French, as an HR
department writes them ("Pairs meet at least monthly", "Avanzamento sugli obiettivi di
sviluppo", "Passung der Tandems", "Taux de réponse aux enquêtes").

The words are matched on `plain` text (no accents, no case), whole words or their inflected
forms ("obiettiv\\w*" is obiettivo, obiettivi); German compounds by their parts
("Entwicklungsziele", "Rücklaufquote", "Mitarbeiterzufriedenheit"). The rules are tried in
order and the first that matches wins; measures the app cannot see (promotions, pay, staff
turnover, the engagement survey, what happens months after the program) are told apart
first, so "tasso di promozione interna" is not a figure of the report.
"""

from __future__ import annotations

import re

from workshop_app.core.plain_text import plain


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# Outcomes recorded elsewhere (HR systems, pay, promotions, the staff survey).
OUTSIDE = _words(
    # English
    r"promot\w*", "pay", r"salar\w*", "turnover", "attrition", "retention rate",
    "engagement score", r"after (?:\d+|twelve|six) months",
    # Italian
    r"promozion\w*", r"avanzament\w* di carriera", r"carrier\w*", r"retribuzion\w*",
    r"stipend\w*", r"tasso di (?:retention|permanenza|fidelizzazione)",
    r"(?:indagine|indice|punteggio) di (?:clima|engagement|coinvolgimento)",
    r"mobilita intern\w*", r"dopo (?:\d+|dodici|sei|diciotto|ventiquattro) mesi",
    # German (with or without umlauts: "Beförderung", "Befoerderung")
    r"\w*befo(?:e)?rderung\w*", r"gehalt\w*", r"gehalter\w*", r"\w*vergu(?:e)?tung\w*",
    r"fluktuation\w*", r"\w*bindungsquote\w*", r"mitarbeiterbindung\w*",
    r"\w*engagement-?(?:score|index|wert)\w*", r"mitarbeiterbefragung\w*",
    r"intern\w* mobilita(?:e)?t", r"karriere\w*",
    r"nach (?:\d+|zwolf|sechs|achtzehn|vierundzwanzig) monaten",
    # French
    r"salaire\w*", r"remuneration\w*", r"taux de (?:retention|fidelisation)",
    r"(?:score|indice|enquete|barometre) d'?(?:engagement|climat)\w*", r"mobilite interne",
    r"carriere\w*", r"(?:apres|au bout de) (?:\d+|douze|six|dix-huit|vingt-quatre) mois",
    r"retour sur investissement",
)  # fmt: skip

# Figure -> the words that point to it; the first rule that matches wins.
MEASURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cadence", _words(
        # English ("met", not the French "met en place")
        "meet", "meets", "meeting", "meetings", r"met(?! en\b)", "cadence", r"regular(?:ly)?",
        "monthly", "weekly", "fortnightly",
        # Italian
        r"incontr\w*", r"riunion\w*", r"si (?:vedono|sentono|incontrano)", r"frequenz\w*",
        r"cadenz\w*", r"regolar\w*", r"mensil\w*", r"settimanal\w*", r"quindicinal\w*",
        # German ("Mentoringtreffen", but not "betreffen", "übertreffen", "zutreffend")
        r"(?!(?:be|uber|ueber|zu)treff)\w*treffen\w*", "treffens?", "trifft", "getroffen",
        r"regelma(?:e)?ssig\w*", r"\w*ha(?:e)?ufigkeit\w*", r"\w*rhythmus\w*", "turnus",
        r"monatlich\w*", r"wo(?:e)?chentlich\w*", r"vierzehnta(?:e)?g\w*",
        # French
        r"rencontr\w*", r"reunion\w*", r"regulier\w*", r"frequence\w*", r"rythme\w*",
        r"mensuel\w*", r"hebdomadaire\w*", r"bimensuel\w*",
        r"se (?:voient|retrouvent|reunissent)",
    )),
    ("goals", _words(
        # English, Italian "progressi", French "progrès", "progression"
        r"goals?", r"progres\w*", r"objectives?", "development plans?",
        # Italian
        r"obiettiv\w*", r"avanzament\w*", r"traguard\w*", r"raggiungiment\w*",
        r"pian[oi] di sviluppo",
        # German: "Ziele", "Entwicklungsziele", "Zielerreichung" (not "Zielgruppe")
        r"\w*ziel(?:e|en|es|s)?", r"ziel(?!gruppe)\w+", r"fortschritt\w*",
        r"\w*entwicklungsplan\w*", r"\w*entwicklungsplane\w*",
        # French
        r"objecti[fv]\w*", r"avancement\w*", r"plans? de developpement",
    )),
    ("satisfaction", _words(
        # English (and French "satisfaction", "satisfaits")
        r"satisf\w*", r"rat(?:e|ing)s? (?:the|their) (?:program|mentoring)", "nps",
        r"recommend\w*",
        # Italian
        r"soddisf\w*", r"gradiment\w*", r"(?:consiglier|raccomander)\w*",
        r"valutazione (?:complessiva )?(?:del|sul) (?:programma|percorso|mentoring)",
        # German ("Teilnehmerzufriedenheit", "Weiterempfehlung")
        r"\w*zufrieden\w*", r"\w*empf(?:e|ie)hl\w*",
        r"bewertung (?:des|der) (?:programms?|mentorings?)",
        # French
        r"recommand\w*",
        r"(?:evaluation|appreciation|note) (?:globale )?(?:du|de la) (?:programme|mentorat|"
        r"parcours)",
    )),
    ("fit", _words(
        # English
        "fit", r"match(?:es|ed|ing)?", r"re-?match\w*",
        # Italian
        r"(?:ri)?abbinament\w*", "affinita", "compatibilita", r"ben assortit\w*",
        # German ("Passung der Tandems", "Matching-Qualität", "Neuzuordnung")
        r"passung\w*", r"\w*matching\w*", r"\w*zuordnung\w*", r"pass(?:t|en)", "chemie",
        # French: the pair itself is a "binôme", so only its quality or a change of it
        r"(?:re)?appariement\w*", r"adequation\w*", r"jumelage\w*", r"compatibilite\w*",
        r"(?:qualite|choix|constitution|formation|composition) des binomes?",
        r"binomes? (?:bien )?(?:assortis?|adaptes?)", r"changements? de binomes?",
    )),
    ("response", _words(
        # English ("respond", "responses", not "responsible")
        r"check-?ins?", r"surveys?", r"respond\w*", r"responses?", "feedback",
        # Italian
        r"questionar\w*", r"sondagg\w*", r"rispost\w*", r"rispond\w*", r"riscontr\w*",
        r"compilazion\w*",
        # German
        r"\w*umfrage\w*", r"\w*befragung\w*", r"\w*fragebo(?:e)?gen\w*",
        r"\w*ru(?:e)?cklauf\w*", r"\w*ru(?:e)?ckmeldung\w*", r"\w*feedback\w*",
        # French
        r"enquete\w*", r"questionnaire\w*", r"sondage\w*", r"reponse\w*", r"repond\w*",
        "taux de retour", r"points? d'etape", r"bilans? (?:intermediaires?|d'etape)",
    )),
    ("closed", _words(
        # English (and Italian "completamento", French "complété")
        r"complet\w*", "retention", r"retain\w*", r"drop[- ]?outs?", r"clos\w*", r"finish\w*",
        # Italian
        r"conclu\w*", r"abbandon\w*", r"chiusur\w*", r"port\w* a termine",
        r"(?:fino )?al termine (?:del|dei|della) (?:programma|percorso|mentoring)",
        # German
        r"\w*abschluss\w*", r"abgeschlossen\w*", r"\w*abbruch\w*", r"\w*abbrech\w*",
        r"beendet\w*", "beenden", r"zu ende (?:ge)?fu(?:e)?hr\w*",
        # French
        r"achev\w*", r"clotur\w*", r"abandon\w*",
        r"(?:mene|menes|menent|mener|aller|allant|vont|arrive|arrivent)(?: jusqu')?(?: au)? "
        r"(?:terme|bout)",
        r"au terme (?:du|de) (?:programme|parcours|mentorat)", r"termin(?:ent|ant|aison)",
    )),
    ("signed", _words(
        # English, French ("signé", "signées"), not "sign-ups" or "significant"
        r"charters?", r"agreements?", r"sign(?:s|ed|ing|atures?|e|ee|ees|es)?(?![- ]?ups?\b)",
        # Italian
        r"accord[oi]", r"patt[oi]", r"firm(?:a|e|at[oiae]|ano|are)", r"sottoscri\w*",
        # German ("Mentoringvereinbarung"; "Zielvereinbarung" is a goal, matched above)
        r"\w*vereinbarung\w*", r"unterzeichn\w*", r"unterschr\w*", r"charta",
        # French
        r"chartes?",
    )),
    ("attended", _words(
        # English (not the French "attendu", expected)
        r"attend(?:s|ed|ing|ance|ees?)?", r"particip\w*", r"enrol\w*", r"sign[- ]?ups?",
        # Italian
        r"partecip\w*", r"presenz\w*", r"iscri\w*",
        r"adesion\w*",
        # German
        r"\w*teilnahm\w*", r"\w*teilnehm\w*", r"\w*anmeld\w*", r"anwesen\w*",
        # French
        r"presences?", r"inscri\w*",
    )),
)  # fmt: skip


def measure_figure(line: str) -> str:
    """The key of the figure that speaks to a measure of success, or "" when none does (the
    app cannot see it, or its words name none of the figures)."""
    words = plain(line)
    if OUTSIDE.search(words):
        return ""
    return next((key for key, rule in MEASURE_RULES if rule.search(words)), "")
