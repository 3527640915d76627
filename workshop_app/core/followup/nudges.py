"""Nudges: an email draft to an at-risk pair (or one partner), in the pair's own words.

Each draft says what the pair agreed (their cadence), what the program team noticed, the plan
they wrote for that situation (quoted from their charter), their next checkpoint and its date,
and whom to contact (the workshop's support contacts, else the coordinator). Nothing is sent:
each draft is an `.eml` file that any mail program opens, `X-Unsent: 1` so Outlook opens it as
a draft to edit and send. One file per pair, in a new folder.

What one partner said in a check-in (that the match is not a fit, a low satisfaction, a request
for help) is theirs: it is named only in a draft to that partner; a draft to the pair asks how
it is going instead. A logged concern is staff's note and is never quoted; private goals are
never named. The bytes are the same for the same records and `today`: no Date or Message-ID
(the mail program adds them when the draft is sent), headers folded by the standard library.

The drafts are read by the pairs: they are in the workshop's language (`translations`), like
the charters; the summary of what was written is for the person at the keyboard (`_`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from workshop_app.core.charter_fields import choice_label
from workshop_app.core.charters.context import clean
from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename, unique_names
from workshop_app.core.followup.cadence import CHOICE_DAYS
from workshop_app.core.followup.checkpoints import day_text
from workshop_app.core.followup.health import PairHealth, Reason, follow_up
from workshop_app.core.i18n import N_, _, ngettext, translations
from workshop_app.core.store.atomic import atomic_folder
from workshop_app.core.validation import valid_email

if TYPE_CHECKING:
    from workshop_app.core.content.model import Library
    from workshop_app.core.store.access import OpenWorkshop

To = Literal["pair", "mentor", "mentee"]
RECIPIENTS: tuple[To, ...] = ("pair", "mentor", "mentee")
# Headers are one line whatever a name holds: control characters (a newline in a name is a
# header injection) and other separators become spaces.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_MAX_NAME = 120
# A partner without a name is greeted by their role.
ROLES = {"mentor": N_("mentor"), "mentee": N_("mentee")}
# What the pair agreed, for the charter's choices of cadence; a custom one is quoted.
_AGREED = {
    "weekly": N_("In your charter you agreed to meet weekly."),
    "biweekly": N_("In your charter you agreed to meet every two weeks."),
    "monthly": N_("In your charter you agreed to meet monthly."),
}


@dataclass(frozen=True, slots=True)
class Person:
    role: str
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class NudgeResult:
    folder: Path
    files: tuple[Path, ...]
    # Partners left out of a To: line because their email cannot be written in one.
    skipped: tuple[str, ...] = ()

    def summary(self) -> str:
        n = len(self.files)
        wrote = ngettext(
            "Wrote {n} email draft to {folder}", "Wrote {n} email drafts to {folder}", n
        ).format(n=n, folder=self.folder)
        if not self.skipped:
            return wrote + "."
        left_out = ngettext(
            "{n} partner left out for an email that is not valid: {names}",
            "{n} partners left out for an email that is not valid: {names}",
            len(self.skipped),
        ).format(n=len(self.skipped), names=", ".join(self.skipped))
        return _("{wrote}; {left_out}.").format(wrote=wrote, left_out=left_out)


def write_nudges(
    wf: OpenWorkshop,
    pair_ids: Sequence[str],
    out_dir: Path,
    *,
    today: date,
    library: Library | None,
    to: To = "pair",
) -> NudgeResult:
    """Write one draft per pair of `pair_ids` into the new folder `out_dir`."""
    if to not in RECIPIENTS:
        raise ValueError(f"to must be one of {RECIPIENTS}, not {to!r}")
    health = {p.pair_id: p for p in follow_up(wf, today=today, library=library).pairs}
    missing = [pair_id for pair_id in pair_ids if pair_id not in health]
    if missing:
        raise UserError(
            ngettext(
                "{n} pair to write to is no longer in the workshop.",
                "{n} pairs to write to are no longer in the workshop.",
                len(missing),
            ).format(n=len(missing))
        )
    people = _people(wf, pair_ids)
    (program, coordinator, support, lang) = wf.conn.execute(
        "SELECT program, coordinator, support_contacts, language FROM workshop"
    ).fetchone()
    sender = _Sender(
        program=_one_line(program),
        coordinator=_one_line(coordinator),
        contacts=tuple(
            _one_line(line, limit=None) for line in support.splitlines() if line.strip()
        ),
        lang=lang or "en",
    )
    drafts = []
    skipped: list[str] = []
    for pair_id in pair_ids:
        h = health[pair_id]
        mentor, mentee = people[pair_id]
        readers = {"pair": (mentor, mentee), "mentor": (mentor,), "mentee": (mentee,)}[to]
        message, left_out = _message(h, readers, sender, today)
        skipped.extend(left_out)
        drafts.append((f"{h.code} {h.mentor} & {h.mentee}", message))
    names = unique_names(
        [safe_filename(stem, suffix=".eml", fallback="nudge") for stem, _draft in drafts]
    )
    with atomic_folder(out_dir) as folder:
        for name, (_stem, message) in zip(names, drafts, strict=True):
            (folder / name).write_bytes(message)
    out = Path(out_dir).expanduser().absolute()
    return NudgeResult(out, tuple(out / name for name in names), tuple(skipped))


@dataclass(frozen=True, slots=True)
class _Sender:
    program: str
    coordinator: str
    contacts: tuple[str, ...]
    lang: str


def _people(wf: OpenWorkshop, pair_ids: Iterable[str]) -> dict[str, tuple[Person, Person]]:
    wanted = set(pair_ids)
    out = {}
    for pair_id, m_name, m_email, e_name, e_email in wf.conn.execute(
        "SELECT p.id, m.name, m.email, e.name, e.email FROM pairs p"
        " JOIN participants m ON m.id = p.mentor_id JOIN participants e ON e.id = p.mentee_id"
    ):
        if pair_id in wanted:
            out[pair_id] = (
                Person("mentor", _one_line(m_name), m_email.strip()),
                Person("mentee", _one_line(e_name), e_email.strip()),
            )
    return out


def _one_line(text: str | None, *, limit: int | None = _MAX_NAME) -> str:
    """Text that stays on one line in a header or a greeting (a name cut at `limit`)."""
    line = " ".join(_UNSAFE.sub(" ", clean(text)).split())
    return line[:limit].rstrip() if limit else line


def _message(
    h: PairHealth, readers: Sequence[Person], sender: _Sender, today: date
) -> tuple[bytes, list[str]]:
    msg = EmailMessage(policy=SMTP)
    recipients, skipped = [], []
    for person in readers:
        address = _address(person)
        if address is None:
            skipped.append(f"{person.name or _(ROLES[person.role])} ({h.code})")
        else:
            recipients.append(address)
    if recipients:
        msg["To"] = recipients
    t = translations(sender.lang)
    # Translators: the forms are for one reader or both partners (Italian "Suo" / "vostro").
    subject = t.ngettext(
        "{program}: checking in on your mentoring ({code})",
        "{program}: checking in on your mentoring ({code})",
        len(readers),
    )
    msg["Subject"] = subject.format(program=sender.program or t.gettext("Mentoring"), code=h.code)
    msg["X-Unsent"] = "1"
    msg.set_content(_body(h, readers, sender), charset="utf-8", cte="quoted-printable")
    return msg.as_bytes(), skipped


def _address(person: Person) -> Address | None:
    """The partner as a To: address, or None when the email cannot be one (a typo, a hostile
    value: the draft is still written, without them)."""
    if not valid_email(person.email) or not person.email.isascii():
        return None
    username, _at, domain = person.email.partition("@")
    try:
        return Address(display_name=person.name, username=username, domain=domain)
    except (ValueError, IndexError):
        return None


def _body(h: PairHealth, readers: Sequence[Person], sender: _Sender) -> str:
    lang = sender.lang
    t = translations(lang)
    names = [p.name or t.gettext(ROLES[p.role]) for p in readers]
    if len(names) == 2:
        greeting = t.gettext("Dear {first} and {second},").format(first=names[0], second=names[1])
        opening = t.gettext(
            "We are checking in on how your mentoring is going, and would like to hear from "
            "you both."
        )
    else:
        greeting = t.gettext("Dear {name},").format(name=names[0])
        opening = t.gettext(
            "We are checking in on how your mentoring is going, and would like to hear from you."
        )
    lines = [greeting, ""]
    said = _what_we_noticed(h, readers, lang)
    agreed = _agreed(t, h.cadence)
    lines.append(" ".join(text for text in (opening, agreed) if text))
    if said:
        lines += ["", t.gettext("What we noticed:")]
        lines += [f"- {line}" for line in said]
    plans = list(dict.fromkeys(r.plan for r in _shown(h.reasons, readers) if r.plan))
    if plans:
        has = t.ngettext(
            "Your charter has a plan for this:", "Your charter has plans for this:", len(plans)
        )
        lines += ["", has]
        quote = t.gettext("\u201c{text}\u201d")
        lines += ["  " + quote.format(text=plan) for plan in plans]
    nxt = h.next_due
    if nxt is not None and nxt.due is not None:
        when = day_text(nxt.due, lang)
        if nxt.state == "overdue":
            due = t.gettext("Your day {day} checkpoint was due on {date}.")
        else:
            due = t.gettext("Your next checkpoint is day {day}, on {date}.")
        lines += ["", due.format(day=nxt.day, date=when)]
    lines += [""]
    # Translators: the forms are for one reader or both partners ("desidera" / "desiderate").
    if sender.contacts:
        lines.append(
            t.ngettext(
                "If something is in the way, or you would like to talk it through:",
                "If something is in the way, or you would like to talk it through:",
                len(readers),
            )
        )
        lines += [f"  {contact}" for contact in sender.contacts]
    elif sender.coordinator:
        lines.append(
            t.ngettext(
                "If something is in the way, or you would like to talk it through, "
                "contact {coordinator}.",
                "If something is in the way, or you would like to talk it through, "
                "contact {coordinator}.",
                len(readers),
            ).format(coordinator=sender.coordinator)
        )
    lines += ["", t.gettext("Best wishes,")]
    lines += [t for t in (sender.coordinator, sender.program) if t]
    return "\n".join(lines) + "\n"


def _shown(reasons: Sequence[Reason], readers: Sequence[Person]) -> list[Reason]:
    """The reasons these readers may read about: the pair's own record, and what a partner
    said in a check-in only when the draft is to that partner alone."""
    roles = {p.role for p in readers}
    alone = next(iter(roles)) if len(roles) == 1 else None
    return [
        r
        for r in reasons
        if r.kind != "concern" and (not r.who or (alone and r.who in (alone, "both")))
    ]


def _what_we_noticed(h: PairHealth, readers: Sequence[Person], lang: str) -> list[str]:
    out = []
    for reason in _shown(h.reasons, readers):
        out.extend(_to_the_pair(reason, h, lang))
    if any(r.kind in ("fit", "satisfaction", "help", "concern") for r in h.reasons) and not any(
        r.kind in ("fit", "satisfaction", "help") for r in _shown(h.reasons, readers)
    ):
        out.append(
            translations(lang).gettext(
                "We would like to hear how the pairing is working for each of you."
            )
        )
    return out


def _to_the_pair(reason: Reason, h: PairHealth, lang: str) -> list[str]:
    """A reason as said to the pair, in the second person."""
    t = translations(lang)
    kind = reason.kind
    if kind == "cadence":
        if h.last_meeting is None:
            return [t.gettext("We have no meeting logged since your first meeting.")]
        last = day_text(h.last_meeting, lang)
        return [t.gettext("The last meeting we know of was on {date}.").format(date=last)]
    if kind == "no_contact":
        when = day_text(h.first_meeting, lang) if h.first_meeting else ""
        return [
            t.gettext(
                "We have not heard how it is going since your first meeting on {date}."
            ).format(date=when)
        ]
    if kind == "goal_stalled":
        return [
            _goal_stalled(t, g.position, g.title, g.latest, g.baseline)
            for g in h.goals
            if g.latest is not None and g.baseline is not None and g.latest <= g.baseline
        ]
    if kind == "cancellations":
        return [_cancellations(t, h, lang)]
    if kind == "checkpoint_overdue":
        overdue = [c for c in h.checkpoints if c.state == "overdue" and c.due]
        missing = t.gettext("We have not had your check-in or review for day {day}, due on {date}.")
        return [missing.format(day=c.day, date=day_text(c.due, lang)) for c in overdue if c.due]
    if kind == "help":
        return [t.gettext("You asked the program team for help: we would like to help.")]
    if kind == "fit":
        return [
            t.gettext(
                "You said the match may not be the right fit. That is all right: either of you "
                "may end it without fault, and we can talk about a new match."
            )
        ]
    if kind == "satisfaction":
        return [
            t.gettext("You said the mentoring is not as useful as it could be; what would help?")
        ]
    return []


def _agreed(t: NullTranslations, cadence: str) -> str:
    """The cadence the charter agreed, in a sentence: a choice in the draft's language, the
    pair's own words quoted as they wrote them."""
    if not cadence:
        return ""
    for key in CHOICE_DAYS:
        if cadence == choice_label("meeting_frequency", key).lower():
            return t.gettext(_AGREED[key])
    # Translators: {cadence} is the pair's own words ("every 10 days"), in their language.
    return t.gettext("In your charter you agreed to meet {cadence}.").format(cadence=cadence)


def _cancellations(t: NullTranslations, h: PairHealth, lang: str) -> str:
    n = h.cancelled
    if h.cancelled_last is None:
        return t.ngettext(
            "We noticed {n} cancellation in a row.", "We noticed {n} cancellations in a row.", n
        ).format(n=n)
    return t.ngettext(
        "We noticed {n} cancellation in a row (the last on {date}).",
        "We noticed {n} cancellations in a row (the last on {date}).",
        n,
    ).format(n=n, date=day_text(h.cancelled_last, lang))


def _goal_stalled(
    t: NullTranslations, position: int, title: str, latest: int, baseline: int
) -> str:
    """'Goal 2 (“Lead the renewal…”) is at 2 of 5, …' for a goal staff may see; a private
    goal is named by its number alone."""
    values = {"n": position, "latest": latest, "baseline": baseline}
    if not title:
        return t.gettext("Goal {n} is at {latest} of 5, where it started ({baseline}).").format(
            **values
        )
    return t.gettext(
        "Goal {n} (\u201c{title}\u201d) is at {latest} of 5, where it started ({baseline})."
    ).format(title=_one_line(title), **values)
