"""What the staff summary reads in the words pairs and programs write, in English, Italian,
German and French: whether a goal's measure can be checked (a number, or an outcome that is
met or not), which program goal a goal's "why it matters" names ("program goal 2",
"obiettivo 2 del programma", "Programmziel 2", "objectif 2 du programme"), whether the
program's goals speak of working across departments or sites, and the words a goal is about.

Everything is matched on `plain` text (no accents, no case).
"""

from __future__ import annotations

import re

from workshop_app.core.number_words import NUMBER_WORDS
from workshop_app.core.plain_text import plain


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# "un", "eine", "une" are articles as often as numbers: they make no measure checkable.
_ARTICLES = frozenset({"un", "uno", "una", "ein", "eine", "einen", "einem", "une"})
_NUMBER = re.compile(
    r"\d|"
    + _words(
        *sorted(set(NUMBER_WORDS) - _ARTICLES),
        "twenty", "thirty", "fifty", "hundred", "half", "dozen",
        "venti", "trenta", "cinquanta", "cento", "meta", "dozzina",
        "zwanzig", "dreissig", "funfzig", "hundert", r"halb\w*", "dutzend",
        "vingt", "trente", "cinquante", "cent", "moitie", r"demi\w*", "douzaine",
    ).pattern
)  # fmt: skip
# An outcome that is met or not: "the exam is passed", "esame superato", "Prüfung bestanden".
_OUTCOME = _words(
    # English
    r"pass(?:es|ed)?", r"complet(?:e|es|ed)", r"certifi(?:ed|cation)", r"approv(?:ed|al)",
    "signed off", r"achiev(?:e|ed)", r"deliver(?:ed)?", r"launch(?:ed)?", r"publish(?:ed)?",
    r"promot(?:ed|ion)", r"accept(?:ed)?", "ready", "done", r"finish(?:ed)?", r"award(?:ed)?",
    "appointed", "hired", "met", "renewed", "used", "put to use", "yes/no",
    # Italian
    r"superat[oaie]", r"completat[oaie]", r"certificat[oaie]", r"certificazion[ei]",
    r"approvat[oaie]", r"raggiunt[oaie]", r"consegnat[oaie]", r"avviat[oaie]",
    r"lanciat[oaie]", r"pubblicat[oaie]", r"promoss[oaie]", r"accettat[oaie]", r"pront[oaie]",
    r"concluso|conclusa", r"ottenut[oaie]", r"nominat[oaie]", r"assunt[oaie]", r"fatt[oaie]",
    r"svolt[oaie]", r"mess[oaie] in pratica", r"adottat[oaie]", r"rinnovat[oaie]",
    r"usat[oaie]", r"inserit[oaie]", r"portat[oaie] a termine", "si/no",
    # German
    "bestanden", "abgeschlossen", r"zertifizier\w*", "genehmigt", "freigegeben", "erreicht",
    "geliefert", r"eingefu(?:e)?hrt", r"vero(?:e)?ffentlicht", r"befo(?:e)?rdert",
    "angenommen", "fertig", "erledigt", "ernannt", "eingestellt", "gehalten", "beantwortet",
    "umgesetzt", r"u(?:e)?bernommen", r"durchgefu(?:e)?hrt", r"verla(?:e)?ngert", "genutzt",
    "in gebrauch", "ja/nein",
    # French
    r"reussi[es]?", r"obtenu[es]?", r"valide[es]?", r"certifie[es]?", r"approuve[es]?",
    r"atteint[es]?", r"livre[es]?", r"lance[es]?", r"publie[es]?", r"promu[es]?",
    r"accepte[es]?", r"pret[es]?", r"termine[es]?", r"acheve[es]?", r"nomme[es]?",
    r"recrute[es]?", r"embauche[es]?", r"faite?s?", r"realise[es]?",
    r"mis(?:e|es)? en (?:oeuvre|place|pratique)", r"integre[es]?", r"traite[es]?",
    r"renouvele[es]?", r"utilise[es]?", "oui/non",
)  # fmt: skip
# "program goal 2", "obiettivo 2 del programma", "Programmziel Nr. 2", "objectif 2 du programme"
_PROGRAM_GOAL = re.compile(
    r"program(?:me)? goal\s*(\d+)|"
    r"obiettivo (?:del |di )?programma\s*(?:n\.?\s*)?(\d+)|obiettivo (\d+) del programma|"
    r"programmziel\s*(?:nr\.?\s*)?(\d+)|"
    r"objectif (?:du |de )?programme\s*(?:n[o°]?\.?\s*)?(\d+)|objectif (\d+) du programme"
)
# Program goals that speak of working across the organisation.
_MIX = _words(
    # English
    r"cross[- ]?functional", r"departments?", r"silos?", r"sites?",
    # Italian
    r"trasversal\w*", r"interfunzional\w*", r"reparti", r"dipartimenti", r"sedi", "siti",
    r"stabilimenti", r"filiali",
    # German ("bereichsübergreifend", "abteilungsübergreifend", "über die Standorte hinweg")
    r"\w*u(?:e)?bergreifend\w*", r"abteilung\w*", r"standort\w*", r"silo\w*",
    # French
    r"transvers\w*", r"interservices?", r"decloisonn\w*", r"departements?",
    r"entre (?:les )?(?:services|directions|metiers)",
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_]{4,}")
# Words too common to say what a goal is about.
_STOP = frozenset(
    " ".join(
        (
            "with from that this their them they your have will into about more most than what",
            "when which while whom whose across other some such only also each every",
            "della delle degli dello nella nelle negli sulla sulle come anche questo questa",
            "questi queste loro essere sono dove quando perche ogni tutti tutte alla alle agli",
            "dalla dalle dagli nostro nostra nostri nostre miei",
            "eine einen einem einer eines nicht sich sind wird werden oder aber auch wenn dass",
            "beim durch unsere unser unseren meine meinen mein meiner damit diese dieser dieses",
            "dans pour avec sans sont leur leurs nous vous votre notre mais aussi quand tout",
            "tous toute toutes entre plus cette celui celle",
        )
    ).split()
)


def checkable_measure(measure: str) -> bool:
    """Whether a goal's measure has a number or says what done looks like."""
    words = plain(measure)
    return bool(_NUMBER.search(words) or _OUTCOME.search(words))


def program_goal_number(why: str) -> int | None:
    """The program goal (1-based) a goal's "why it matters" names, or None."""
    m = _PROGRAM_GOAL.search(plain(why))
    return int(next(g for g in m.groups() if g)) if m else None


def speaks_of_mixing(program_goals: str) -> bool:
    """Whether the program's goals speak of working across departments or sites."""
    return bool(_MIX.search(plain(program_goals)))


def theme_words(text: str) -> set[str]:
    """The words a goal is about, each cut to a stem shared by its plural and singular
    ("skills"/"skill", "competenze"/"competenza", "Kompetenzen"/"Kompetenz")."""
    stems = set()
    for word in _WORD.findall(plain(text)):
        if word in _STOP:
            continue
        stem = word.rstrip("s")
        if len(stem) >= 6 and stem.endswith("en"):
            stem = stem[:-2]
        elif len(stem) >= 5 and stem[-1] in "aeiou":
            stem = stem[:-1]
        stems.add(stem)
    return stems
