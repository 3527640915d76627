"""A realistic demo workshop: a launch at a logistics company, twelve pairs in every state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop_app.core.model import Pair
from workshop_app.core.store.workshop_file import WorkshopFile

PROGRAM: dict[str, Any] = {
    "program": "Accelerate Mentoring Program",
    "organisation": "Northwind Logistics",
    "date": "2027-01-19",
    "cohort": "2027 spring cohort",
    "venue": "Harbour House, training room 2",
    "facilitator": "Priya Raman",
    "coordinator": "Tom Becker (People & Culture)",
    "sponsor_name": "Helena Ortiz",
    "sponsor_title": "Chief Operating Officer",
    "endorsement": (
        "Our next leaders are already in this building. Accelerate exists so that what our "
        "most experienced people know travels further and faster than any handbook could. "
        "I ask every mentor to give this time the same priority as a customer meeting, and "
        "every mentee to come to each conversation with a question worth an hour."
    ),
    "program_goals": (
        "Prepare high-potential staff for their first people-leadership role\n"
        "Keep operational know-how in the company as senior staff retire\n"
        "Connect warehouse, transport and head-office teams across sites"
    ),
    "strategy_link": (
        "Our 2027 plan opens two new regional hubs and needs 40 new team leads, most of them "
        "promoted from within. Accelerate is how we grow them, and how we keep the practical "
        "judgement of our experienced staff as the business expands."
    ),
    "program_length_months": 9,
    "success_metrics": (
        "Pairs meet at least monthly (checked at the 30-, 90- and 180-day check-ins); "
        "80% of mentees report progress on at least one goal at 180 days; internal promotion "
        "rate of participants compared with peers after 12 months."
    ),
    "support_contacts": (
        "Tom Becker, program coordinator: tom.becker@northwind.example, ext. 4417 "
        "(anything about the program, re-matching, scheduling)\n"
        "Employee Assistance Programme: 0800 555 0199, free and confidential, 24/7"
    ),
    "confidentiality_text": (
        "What is said in mentoring conversations stays between the mentor and the mentee, "
        "except where someone's safety is at risk, the law requires disclosure, or a serious "
        "breach of company policy is disclosed. Program staff are told only whether pairs meet "
        "and how the program is working, never what was discussed."
    ),
    "no_fault_text": (
        "Either partner may end the mentoring relationship at any time, for any reason, "
        "without blame. They tell the program coordinator, who will offer a new match where "
        "possible. Ending a match is not a mark against anyone."
    ),
    "program_commitments_text": (
        "Attend the launch workshop and the mid-point review session; answer the short "
        "check-in surveys at 30, 90 and 180 days; tell the coordinator if the pair stops meeting."
    ),
    "paper_size": "a4",
    "language": "en-GB",
    "accent_colour": "#1f5f8b",
}

PEOPLE = [
    # (mentor name, title, department), (mentee name, title, department)
    (
        ("Margaret Osei", "Director of Operations", "Operations"),
        ("Daniel Kowalski", "Shift Supervisor", "Warehouse, Leeds"),
    ),
    (
        ("Rajesh Iyer", "Head of Transport Planning", "Transport"),
        ("Chloé Martin", "Route Planner", "Transport"),
    ),
    (
        ("Susan Fairweather", "Finance Director", "Finance"),
        ("Kwame Mensah", "Management Accountant", "Finance"),
    ),
    (
        ("Liam O'Connor", "Site Manager", "Warehouse, Bristol"),
        ("Aisha Rahman", "Inventory Analyst", "Warehouse, Bristol"),
    ),
    (("Elena Petrova", "Head of IT Services", "IT"), ("Marcus Webb", "Service Desk Lead", "IT")),
    (
        ("David Nakamura", "Customer Service Director", "Customer Service"),
        ("Sofia Almeida", "Team Coordinator", "Customer Service"),
    ),
    (
        ("Catherine Brooks", "HR Business Partner", "People & Culture"),
        ("Jamal Edwards", "Recruitment Specialist", "People & Culture"),
    ),
    (
        ("Gareth Hughes", "Fleet Manager", "Transport"),
        ("Nina Schulz", "Fleet Compliance Officer", "Transport"),
    ),
    (
        ("Fatima Al-Sayed", "Procurement Manager", "Procurement"),
        ("Oliver Grant", "Buyer", "Procurement"),
    ),
    (
        ("Henrik Larsen", "Health & Safety Lead", "Operations"),
        ("Grace Mwangi", "Safety Coordinator", "Warehouse, Leeds"),
    ),
    (
        ("Yuki Tanaka", "Head of Data & Analytics", "IT"),
        ("Ben Carter", "Junior Data Analyst", "IT"),
    ),
    (
        ("Patricia Dunne", "Regional Sales Director", "Sales"),
        ("Ravi Patel", "Account Executive", "Sales"),
    ),
]

# The mentees' line managers, as the roster from HR names them.
MANAGERS = [
    "Anita Kaur",
    "Paul Mercer",
    "Ingrid Svensson",
    "Tomasz Wójcik",
    "Grace Adeyemi",
    "Hamid Farouk",
]

GOALS = [
    (
        "Lead my shift's weekly planning meeting on my own",
        "Prepares me for a team-lead role (program goal 1)",
        "I run four planning meetings and my manager rates them ready",
        "2027-05-31",
        "Sit in on two of Margaret's operations reviews; draft an agenda template",
    ),
    (
        "Present a cost-saving proposal to the transport leadership team",
        "Builds the cross-site visibility the program aims for",
        "Proposal presented and a decision recorded",
        "2027-07-15",
        "Pick the proposal topic with Rajesh by our second meeting",
    ),
    (
        "Build a network of five contacts in other sites",
        "Connects head office and sites (program goal 3)",
        "Five named contacts I have met at least once",
        "2027-09-30",
        "List the sites and roles I know least about",
    ),
]

FULL = {
    "purpose": (
        "To help the mentee grow into a first people-leadership role, drawing on the "
        "mentor's twenty years in operations."
    ),
    "mentor_commitments": (
        "Keep our meetings, listen before advising, share honest experience including "
        "mistakes, and open doors to people the mentee should meet."
    ),
    "mentee_commitments": (
        "Set the agenda for each meeting, come prepared with a question, follow through on "
        "what I say I will do, and ask for feedback."
    ),
    "meeting_frequency": "biweekly",
    "meeting_minutes": 60,
    "meeting_format": "mixed",
    "meeting_place": "Harbour House café, or Teams when one of us travels",
    "who_schedules": "mentee",
    "who_sets_agenda": "mentee",
    "first_meeting": "2027-02-02T08:30",
    "contact_channels": "Teams chat for quick questions; email for anything longer",
    "response_time": "Within two working days",
    "cancellation_notice": "24 hours, and we rebook in the same message",
    "confidentiality_scope": "Everything we discuss about people, performance and careers.",
    "confidentiality_exceptions": (
        "Risk of harm to anyone, anything the law requires us to report, serious breaches of "
        "the code of conduct."
    ),
    "shared_with_others": (
        "That we meet and how often; the goals themselves only if the mentee chooses to share them."
    ),
    "boundaries": (
        "No discussion of the mentee's pay review or of named colleagues' performance; the "
        "mentor will not intervene with the mentee's line manager."
    ),
    "review_days": "30, 90, 180",
    "feedback_method": (
        "Last five minutes of every third meeting: one thing that is working, one thing to "
        "change, using situation-behaviour-impact."
    ),
    "end_date": "2027-10-19",
    "renewal": "Decide together at the 180-day review whether to continue for six months.",
    "program_commitments": (
        "We will attend the mid-point review session and answer the 30/90/180-day check-ins."
    ),
}
PLANS = [
    (
        "One of us has to cancel twice in a row",
        "we talk about it openly at the next meeting and either move our slot or the frequency "
        "so it fits real diaries.",
    ),
    (
        "Our conversations stop being useful",
        "we go back to the goals in this charter, and if they no longer fit we rewrite them "
        "together or ask Tom for a no-fault rematch.",
    ),
]


def create_demo(path: Path) -> WorkshopFile:
    """Create the demo workshop at `path` and return it open."""
    program = dict(PROGRAM)
    wf = WorkshopFile.create(
        path,
        program=program.pop("program"),
        organisation=program.pop("organisation"),
        date=program.pop("date"),
        **program,
    )
    with wf.transaction():
        pairs: list[Pair] = []
        for (mentor, m_title, m_dept), (mentee, e_title, e_dept) in PEOPLE:
            a = wf.roster.add_participant(
                role="mentor",
                name=mentor,
                title=m_title,
                department=m_dept,
                email=_email(mentor),
            )
            b = wf.roster.add_participant(
                role="mentee",
                name=mentee,
                title=e_title,
                department=e_dept,
                email=_email(mentee),
                manager=MANAGERS[len(pairs) % len(MANAGERS)],
            )
            pairs.append(wf.roster.make_pair(a.id, b.id))
        # Attendance: everyone in, but for one mentee who is running late.
        for person in wf.roster.participants():
            wf.roster.set_attendance(person.id, person.name != "Ravi Patel")
        for index, pair in enumerate(pairs):
            if index < 5:
                _fill(wf, pair.id, FULL, goals=GOALS[: 1 + index % 3], plans=PLANS)
            elif index < 9:
                half = dict(list(FULL.items())[: 4 + 2 * (index - 5)])
                _fill(wf, pair.id, half, goals=GOALS[:1], plans=[])
    from workshop_app.core.content.library import load_library
    from workshop_app.core.runner.agenda_store import planned_from

    library = load_library()
    wf.agenda.choose("half-day-launch", planned_from(library.agenda("half-day-launch"), library))
    wf.charters.sign(
        pairs[0].id,
        mentor="Margaret Osei",
        mentee="Daniel Kowalski",
        coordinator="Tom Becker",
        signed_at="2027-01-19T16:05:00+00:00",
    )
    return wf


def _fill(
    wf: WorkshopFile,
    pair_id: str,
    fields: dict[str, object],
    *,
    goals: list[tuple[str, str, str, str, str]],
    plans: list[tuple[str, str]],
) -> None:
    for name, value in fields.items():
        wf.charters.set_field(pair_id, name, value)
    for position, (goal, why, measure, target, steps) in enumerate(goals, start=1):
        for part, value in (
            ("goal", goal),
            ("why", why),
            ("measure", measure),
            ("target_date", target),
            ("first_steps", steps),
        ):
            wf.charters.set_goal_part(pair_id, position, part, value)
    for scenario, plan in plans:
        wf.charters.add_plan(pair_id, scenario=scenario, plan=plan)


def _email(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    first, *rest = plain.lower().replace("'", "").replace("-", "").split()
    return f"{first}.{''.join(rest)}@northwind.example"
