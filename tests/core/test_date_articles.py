"""Dates after an article, and the first of the month, as each language writes them: Italian
joins the article or preposition to a day read with a vowel ("l'1 febbraio", "dall'8 marzo",
"entro l'11 aprile"), French writes "1er février". Checked against Babel's own dates, alone
and where documents put them: the charter, the review packet and the nudges."""

from __future__ import annotations

import html
import re
from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from babel.dates import format_date as babel_date
from babel.dates import format_interval
from follow_up_records import agreed_pair, day, log

from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.dates import (
    format_date,
    format_date_range,
    format_datetime,
    italian_articles,
)
from workshop_app.core.charters.pdf_render import CHARTER_TEMPLATE, render_html
from workshop_app.core.charters.summary_timeline import milestones
from workshop_app.core.demo import create_demo
from workshop_app.core.followup.nudges import write_nudges
from workshop_app.core.followup.review_context import REVIEW_TEMPLATE, packet_context
from workshop_app.core.i18n import translations
from workshop_app.core.store.workshop_file import WorkshopFile

# Days read with a vowel in Italian (uno, otto, undici) and days that are not.
JOINED_DAYS = (1, 8, 11)
DAYS = (*JOINED_DAYS, 2, 10, 18, 21, 28)
ITALIAN = (
    ("il", "l'"),
    ("dal", "dall'"),
    ("al", "all'"),
    ("del", "dell'"),
    ("nel", "nell'"),
    ("entro il", "entro l'"),
    ("Il", "L'"),
    ("Dal", "Dall'"),
)


def babel_it(day: date) -> str:
    return babel_date(day, format="long", locale="it")


def page_text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.parametrize("n", DAYS)
def test_an_italian_article_joins_a_day_read_with_a_vowel(n: int) -> None:
    made = babel_it(date(2027, 3, n))  # "8 marzo 2027"
    for article, joined in ITALIAN:
        expected = f"{joined}{made}" if n in JOINED_DAYS else f"{article} {made}"
        assert italian_articles(f"chiusa {article} {made}.") == f"chiusa {expected}."
    # Only dates: "il 1 e il 2" is no date, and a number of things keeps its article.
    assert italian_articles(f"il {n} e il 2") == f"il {n} e il 2"


@pytest.mark.parametrize("n", DAYS)
def test_french_writes_the_first_of_the_month_as_an_ordinal(n: int) -> None:
    when = date(2027, 2, n)
    made = babel_date(when, format="long", locale="fr")
    full = babel_date(when, format="full", locale="fr")
    if n == 1:
        assert (made, full) == ("1 février 2027", "lundi 1 février 2027")  # Babel's
        made, full = "1er février 2027", "lundi 1er février 2027"
    assert format_date(when, "fr") == made
    assert format_datetime(f"{when.isoformat()}T09:00", "fr") == f"{full}, 09:00"
    assert format_date(when, "it") == babel_it(when)  # other languages as Babel writes them


# A range's ends, with Babel's French and the French an HR department writes.
FRENCH_RANGES = (
    ((date(2027, 2, 1), date(2027, 2, 15)), "1–15 févr. 2027", "1er–15 févr. 2027"),
    ((date(2027, 1, 19), date(2027, 2, 1)), "19 janv. – 1 févr. 2027", "19 janv. – 1er févr. 2027"),
    ((date(2027, 1, 1), date(2027, 3, 1)), "1 janv. – 1 mars 2027", "1er janv. – 1er mars 2027"),
    ((date(2026, 12, 1), date(2027, 1, 11)), "1 déc. 2026 – 11 janv. 2027",
     "1er déc. 2026 – 11 janv. 2027"),
    ((date(2027, 2, 11), date(2027, 2, 21)), "11–21 févr. 2027", "11–21 févr. 2027"),
)  # fmt: skip


@pytest.mark.parametrize(("ends", "babel", "written"), FRENCH_RANGES)
def test_the_summarys_first_meetings_range_writes_the_first_of_the_month_in_french(
    ends: tuple[date, date], babel: str, written: str
) -> None:
    first, last = ends
    assert format_interval(first, last, "yMMMd", locale="fr").replace("\u2009", " ") == babel
    meetings = [first.isoformat(), last.isoformat()]
    got = milestones("2026-11-20", 9, meetings, (30,), 2, "fr")[0]["date"]
    assert got.replace("\u2009", " ") == written
    for lang in ("de", "en-GB"):  # the others as Babel writes them (Italian: test_date_ranges)
        assert format_date_range(first, last, lang) == format_interval(
            first, last, "yMMMd", locale=lang.replace("-", "_")
        )


@pytest.fixture(scope="module")
def italian_demo(tmp_path_factory: pytest.TempPathFactory):
    wf = create_demo(tmp_path_factory.mktemp("it") / "demo.workshop", language="it")
    yield wf
    wf.close()


@pytest.mark.parametrize("n", DAYS)
def test_the_italian_charter_asks_for_its_copy_back_by_a_day(
    italian_demo: WorkshopFile, n: int
) -> None:
    when = date(2027, 2, n)
    italian_demo.set_workshop_field("return_copy_by", when.isoformat())
    italian_demo.set_workshop_field("return_copy_to", "")
    p01 = italian_demo.roster.pair_by_code("P01")
    assert p01 is not None
    page = page_text(render_html(CHARTER_TEMPLATE, charter_context(italian_demo, p01.id)))
    article = "entro l'" if n in JOINED_DAYS else "entro il "
    assert f"Restituire una copia firmata {article}{babel_it(when)}." in page


@pytest.mark.parametrize("n", DAYS)
def test_the_italian_review_packet_gives_its_checkpoint_date(
    italian_demo: WorkshopFile, n: int
) -> None:
    """The packet's "Due {date}" is a template's sentence, formatted by Jinja."""
    p01 = italian_demo.roster.pair_by_code("P01")
    assert p01 is not None
    context = packet_context(italian_demo, p01.id, 90)
    when = date(2027, 5, n)
    context["checkpoint"] = {**context["checkpoint"], "date": format_date(when, "it")}
    page = page_text(render_html(REVIEW_TEMPLATE, context))
    article = "l'" if n in JOINED_DAYS else "il "
    assert f"Prevista {article}{babel_it(when)}" in page
    signed = translations("it").gettext("From version {version} of our charter, signed {date}")
    basis = signed.format(version=1, date=babel_it(when))
    assert basis.endswith(f"firmata {article}{babel_it(when)}")


@pytest.mark.parametrize("n", (1, 8, 11, 18))
def test_an_italian_nudge_names_the_last_meeting(
    new_workshop: WorkshopFile, tmp_path: Path, n: int
) -> None:
    wf = new_workshop
    wf.set_workshop_field("language", "it")
    pair = agreed_pair(wf, 1)
    met = date(2027, 3, n)
    log(wf, pair, met.isoformat(), "meeting", "both")
    result = write_nudges(wf, [pair.id], tmp_path / "out", today=day("2027-05-20"), library=None)
    (draft,) = result.files
    body = BytesParser(policy=policy.default).parsebytes(draft.read_bytes()).get_content()
    article = "all'" if n in JOINED_DAYS else "al "
    assert f"risale {article}{babel_it(met)}." in " ".join(body.split())
