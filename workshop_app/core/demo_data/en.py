"""The demo in English: Northwind Logistics, a logistics company in the north and west of
England, launches its Accelerate mentoring program. Each pair's charter is written from its own
roster entry (names, titles, departments): no text is shared between pairs, and a charter names
only its own people, the mentee's line manager and the program's staff
(tests/core/test_demo_charters.py checks both, in every language)."""

from __future__ import annotations

from workshop_app.core.demo_data import CharterTexts, DemoTexts, FollowUpTexts

PROGRAM = {
    "program": "Accelerate Mentoring Program",
    "organisation": "Northwind Logistics",
    "cohort": "2027 spring cohort",
    "venue": "Harbour House, training room 2",
    "facilitator": "Priya Raman",
    "coordinator": "Tom Becker (People & Culture)",
    "sponsor_name": "Helena Ortiz",
    "sponsor_title": "Chief Operating Officer",
    "endorsement": (
        "Our next leaders are already in this building. Accelerate exists so that what "
        "our most experienced people know travels further and faster than any handbook "
        "could. I ask every mentor to give this time the same priority as a customer "
        "meeting, and every mentee to come to each conversation with a question worth an "
        "hour."
    ),
    "program_goals": (
        "Prepare high-potential staff for their first people-leadership role\n"
        "Keep operational know-how in the company as senior staff retire\n"
        "Connect warehouse, transport and head-office teams across sites"
    ),
    "strategy_link": (
        "Our 2027 plan opens two new regional hubs and needs 40 new team leads, most of "
        "them promoted from within. Accelerate is how we grow them, and how we keep the "
        "practical judgement of our experienced staff as the business expands."
    ),
    "success_metrics": (
        "Pairs meet at least monthly (checked at the 30-, 90- and 180-day check-ins); 80%"
        " of mentees report progress on at least one goal at 180 days; internal promotion"
        " rate of participants compared with peers after 12 months."
    ),
    "support_contacts": (
        "Tom Becker, program coordinator: tom.becker@northwind.example, ext. 4417 "
        "(anything about the program, re-matching, scheduling)\n"
        "Employee Assistance Programme: 0800 555 0199, free and confidential, 24/7"
    ),
    "confidentiality_text": (
        "What is said in mentoring conversations stays between the mentor and the mentee,"
        " except where someone's safety is at risk, the law requires disclosure, or a "
        "serious breach of company policy is disclosed. Program staff are told only "
        "whether pairs meet and how the program is working, never what was discussed."
    ),
    "no_fault_text": (
        "Either partner may end the mentoring relationship at any time, for any reason, "
        "without blame. They tell the program coordinator, who will offer a new match "
        "where possible. Ending a match is not a mark against anyone."
    ),
    "program_commitments_text": (
        "Attend the launch workshop and the mid-point review session; answer the short "
        "check-in surveys at 30, 90 and 180 days; tell the coordinator if the pair stops "
        "meeting."
    ),
    "mentor_boundary": (
        "The mentor does not advocate for the mentee's promotion or pay, and does not "
        "take the place of the mentee's line manager."
    ),
    "return_copy_to": "Tom Becker, People & Culture, Harbour House 3rd floor",
}

PEOPLE = (
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
)

# The mentees' line managers, as the roster from HR names them.
MANAGERS = (
    "Anita Kaur",
    "Paul Mercer",
    "Ingrid Svensson",
    "Tomasz Wójcik",
    "Grace Adeyemi",
    "Hamid Farouk",
)


# P01: Margaret Osei (Director of Operations) and Daniel Kowalski (Shift Supervisor, Leeds);
# Daniel's line manager is Anita Kaur. Signed at the workshop.
P01 = CharterTexts(
    fields={
        "purpose": (
            "To help Daniel step up from running a shift to leading a team, drawing on "
            "Margaret's twenty years in operations."
        ),
        "mentor_commitments": (
            "Keep our meetings, listen before advising, share honest stories from running"
            " sites (the mistakes too), and introduce Daniel to the other site managers."
        ),
        "mentee_commitments": (
            "Bring one real shift problem to every meeting, try what we agree before the "
            "next one, and say plainly when advice does not fit the Leeds floor."
        ),
        "meeting_place": "Margaret's office at Harbour House, or the Leeds canteen on her visits",
        "contact_channels": "A Teams message for small things; a phone call if a shift cannot wait",
        "response_time": "By the end of the next working day",
        "cancellation_notice": "48 hours, except for incidents on site",
        "confidentiality_scope": "Anything Daniel shares about his team, his shift and his plans.",
        "confidentiality_exceptions": (
            "Safety risks on site, anything the law requires us to report, and serious "
            "breaches of the code of conduct."
        ),
        "shared_with_others": (
            "That we meet, and Daniel's goals if he chooses to share them with Anita at his review."
        ),
        "boundaries": (
            "Margaret does not step into decisions about Daniel's shift or his team; "
            "staffing questions go to Anita as his line manager."
        ),
        "feedback_method": (
            "At the end of each month Daniel says what helped most and Margaret says what"
            " she noticed on site; we note both in one line."
        ),
        "renewal": (
            "Decide together at the 180-day review whether to carry on until the new "
            "Leeds hub opens."
        ),
        "program_commitments": (
            "We will both attend the mid-point review and answer every check-in survey on time."
        ),
    },
    goals=(
        (
            "Lead my shift's weekly planning meeting on my own",
            "Prepares me for a team-lead role (program goal 1)",
            "I run four planning meetings and Anita rates them ready",
            "Sit in on two of Margaret's operations reviews; draft an agenda template",
        ),
    ),
    plans=(
        (
            "A peak week at Leeds makes Daniel cancel",
            "we swap to a 20-minute call that week instead of dropping the meeting.",
        ),
        (
            "The advice stops fitting what happens on the Leeds floor",
            (
                "Daniel says so at the next meeting, and we pick another goal or a visit "
                "to a different site."
            ),
        ),
    ),
)

# P02: Rajesh Iyer (Head of Transport Planning) and Chloé Martin (Route Planner); Chloé's line
# manager is Paul Mercer.
P02 = CharterTexts(
    fields={
        "purpose": (
            "To help Chloé move from planning single routes to owning a region's network,"
            " with Rajesh's view of how transport decisions are really made."
        ),
        "mentor_commitments": (
            "Make time every month, explain the reasoning behind planning decisions and "
            "not just their outcome, and give candid feedback on Chloé's proposals."
        ),
        "mentee_commitments": (
            "Send a short agenda two days before each meeting, bring data rather than "
            "impressions, and follow up every introduction Rajesh makes."
        ),
        "meeting_place": "Teams, and the Bristol planning office once a quarter",
        "contact_channels": "Email for proposals and papers; Teams for a quick check",
        "response_time": "Within three working days",
        "cancellation_notice": "One week, as both our diaries fill early",
        "confidentiality_scope": (
            "Chloé's ideas before they are ready, her doubts, and anything said about the"
            " planning team."
        ),
        "confidentiality_exceptions": (
            "Harm to anyone, legal reporting duties, and breaches of the road safety rules."
        ),
        "shared_with_others": "Only that we meet; Chloé decides what Paul hears about her goals.",
        "boundaries": (
            "Rajesh will not put Chloé forward for a particular vacancy, and we do not "
            "discuss other planners' work by name."
        ),
        "feedback_method": (
            "Every second meeting ends with Chloé rating its use from 1 to 5 and Rajesh "
            "naming one thing to try."
        ),
        "renewal": "If a regional role opens, we agree a shorter follow-on of three months.",
        "program_commitments": (
            "We will take part in the mid-point session together and complete the surveys"
            " at 30, 90 and 180 days."
        ),
    },
    goals=(
        (
            "Present a cost-saving proposal to the transport leadership team",
            "Builds the cross-site visibility the program aims for (program goal 3)",
            "Proposal presented and a decision recorded",
            "Pick the proposal topic with Rajesh by our second meeting",
        ),
        (
            "Plan the winter network for the South West region",
            "Grows my scope from routes to a region (program goal 1)",
            "Winter plan signed off by Paul without major rework",
            "Shadow Rajesh's winter planning review in March",
        ),
    ),
    plans=(
        (
            "A tender deadline swallows the month",
            "we move the meeting rather than skip it, and keep it to 45 minutes.",
        ),
        (
            "Chloé's proposal is turned down",
            (
                "we spend the next meeting on what the leadership team asked, and decide "
                "whether to bring it back."
            ),
        ),
    ),
)

# P03: Susan Fairweather (Finance Director) and Kwame Mensah (Management Accountant); Kwame's
# line manager is Ingrid Svensson. The demo's three-goal charter: tests and benchmarks use
# its fields, goals and plans as a typical complete charter (core/demo.py's FULL, GOALS, PLANS).
P03 = CharterTexts(
    fields={
        "purpose": (
            "To help Kwame prepare for a first finance business partner role, drawing on "
            "Susan's experience of leading budgets across the company."
        ),
        "mentor_commitments": (
            "Protect our slot, ask questions before giving answers, share how she handled"
            " hard budget conversations, including those that went badly, and introduce "
            "Kwame to budget holders."
        ),
        "mentee_commitments": (
            "Set the agenda for each meeting, come with one question from real work, do "
            "what I say I will between meetings, and ask for feedback on my reports."
        ),
        "meeting_place": "Harbour House café, or Teams during month-end close",
        "contact_channels": "Teams chat for quick questions; email for anything with figures",
        "response_time": "Within two working days, longer at month-end",
        "cancellation_notice": "24 hours, and we rebook in the same message",
        "confidentiality_scope": "Everything we discuss about people, performance and careers.",
        "confidentiality_exceptions": (
            "Risk of harm to anyone, anything the law requires us to report, and "
            "suspected fraud or serious breaches of the code of conduct."
        ),
        "shared_with_others": (
            "That we meet and how often; Kwame's goals only if he chooses to share them."
        ),
        "boundaries": (
            "No discussion of Kwame's pay review or of named colleagues' performance; "
            "Susan will not intervene with his line manager."
        ),
        "feedback_method": (
            "The last five minutes of every third meeting: one thing that is working, one"
            " thing to change, using situation-behaviour-impact."
        ),
        "renewal": "We decide together at the 180-day review whether to go on for six months.",
        "program_commitments": (
            "We will attend the mid-point review session and answer the 30/90/180-day check-ins."
        ),
    },
    goals=(
        (
            "Run the Q2 forecast meeting for the Transport budget holders",
            "Prepares me for a business partner role (program goal 1)",
            "I lead the meeting and Ingrid rates the pack ready without rework",
            ("Sit in on Susan's forecast review with the Transport leads; draft the agenda"),
        ),
        (
            "Explain the new hubs' cost model to a non-finance audience",
            ("Connects head office with the sites that will run the hubs (program goal 3)"),
            "Presentation given to one site team and their questions answered",
            "Agree the audience with Susan by our second meeting",
        ),
        (
            "Build working links with the finance contacts at three sites",
            "Keeps site knowledge in the team as senior staff retire (program goal 2)",
            "Three named site contacts I have met and worked with",
            "List the sites whose numbers I know least about",
        ),
    ),
    plans=(
        (
            "One of us has to cancel twice in a row",
            (
                "we talk about it openly at the next meeting and either move our slot or "
                "the frequency so it fits real diaries."
            ),
        ),
        (
            "Our conversations stop being useful",
            (
                "we go back to the goals in this charter, and if they no longer fit we "
                "rewrite them together or ask Tom for a no-fault rematch."
            ),
        ),
    ),
)

# P04: Liam O'Connor (Site Manager, Bristol) and Aisha Rahman (Inventory Analyst, Bristol);
# Aisha's line manager is Tomasz Wójcik.
P04 = CharterTexts(
    fields={
        "purpose": (
            "To help Aisha turn her stock analysis into decisions on the Bristol floor, "
            "and see how a site manager weighs cost, safety and service."
        ),
        "mentor_commitments": (
            "Walk the site with Aisha once a month, explain the trade-offs behind his "
            "calls, and give a straight answer when she asks how her work lands."
        ),
        "mentee_commitments": (
            "Bring one stock problem and a proposed fix to each meeting, test ideas on "
            "the floor before presenting them, and keep a log of what changed."
        ),
        "meeting_place": "The Bristol site office, then a walk of the racking aisles",
        "contact_channels": "A word on site, or a Teams message to Liam",
        "response_time": "Same day for stock issues, otherwise within a week",
        "cancellation_notice": "A message the day before; peak weeks come first",
        "confidentiality_scope": (
            "Aisha's questions about her career and anything she says about how the site runs."
        ),
        "confidentiality_exceptions": (
            "Anything that puts people on site at risk, legal reporting duties, and theft."
        ),
        "shared_with_others": (
            "That we meet; improvement ideas only after Aisha has put them to Tomasz herself."
        ),
        "boundaries": (
            "Liam runs the site but is not Aisha's line manager: her objectives and "
            "appraisal stay with Tomasz and out of our meetings."
        ),
        "feedback_method": (
            "After each site walk Aisha writes down one thing she learned, and Liam tells"
            " her one thing she could do differently."
        ),
        "renewal": "At the 180-day review we decide whether to continue through peak season.",
        "program_commitments": (
            "We will both come to the mid-point review and answer the check-in surveys, "
            "even in peak weeks."
        ),
    },
    goals=(
        (
            "Cut stock discrepancies in the Bristol cold store by a third",
            "Turns my analysis into results on site (program goal 1)",
            "Monthly discrepancy rate down from 1.8% to 1.2%",
            "Map this year's discrepancies with Liam on our first site walk",
        ),
    ),
    plans=(
        (
            "Peak season leaves no time for a site walk",
            ("we meet for 20 minutes in the site office and keep the walk for next month."),
        ),
        (
            "Aisha's idea clashes with how the floor team works",
            (
                "we invite the shift lead to the next walk and hear their side before "
                "changing anything."
            ),
        ),
    ),
)

# P05: Elena Petrova (Head of IT Services) and Marcus Webb (Service Desk Lead); Marcus's line
# manager is Grace Adeyemi.
P05 = CharterTexts(
    fields={
        "purpose": (
            "To help Marcus grow from leading the service desk to running IT services for"
            " a site, with Elena's experience of steering IT through big changes."
        ),
        "mentor_commitments": (
            "Show how she plans and explains IT changes to the business, review Marcus's "
            "ideas honestly, and bring him to one steering meeting as an observer."
        ),
        "mentee_commitments": (
            "Prepare a one-page note before each meeting, act on what we agree, and tell "
            "Elena early when something is not working."
        ),
        "meeting_place": "Teams video, in person when Elena is at Harbour House",
        "contact_channels": "Teams chat; no work calls after six in the evening",
        "response_time": "Within two days, or at the next meeting if it can wait",
        "cancellation_notice": "Two working days, except for a major incident",
        "confidentiality_scope": (
            "Marcus's plans, his worries about leading former peers, and anything said "
            "about the IT team."
        ),
        "confidentiality_exceptions": (
            "Harm to anyone, legal duties to report, and security incidents, which go to "
            "the security team."
        ),
        "shared_with_others": (
            "That we meet and when; Marcus chooses what Grace hears of his goals."
        ),
        "boundaries": (
            "Elena will not review the desk's tickets or step into its decisions, and we "
            "leave the restructure's staffing alone until it is announced."
        ),
        "feedback_method": (
            "Each month we both name one thing that helped and one to try, and check them"
            " against last month's."
        ),
        "renewal": "We agree at 180 days whether to continue, perhaps meeting monthly.",
        "program_commitments": (
            "We will join the mid-point review and fill in the program's check-in surveys."
        ),
    },
    goals=(
        (
            "Run the service desk's first quarterly review with the business",
            "Builds the leadership experience the program aims for (program goal 1)",
            "Review held and three agreed actions tracked to done",
            "Watch how Elena runs her steering meeting before drafting mine",
        ),
        (
            "Write the handover guide for the new hubs' IT set-up",
            "Keeps our know-how as the company grows (program goal 2)",
            "Guide used to set up the first hub without extra support",
            "Collect the checklists the desk already uses",
        ),
    ),
    plans=(
        (
            "A major incident cancels our meeting",
            "we rebook within the week and make the incident our topic.",
        ),
        (
            "The goals feel too big for the time Marcus has",
            "we cut one goal down to a first step and agree it with Grace.",
        ),
    ),
)

# P06: David Nakamura (Customer Service Director) and Sofia Almeida (Team Coordinator).
P06 = CharterTexts(
    fields={
        "purpose": (
            "To help Sofia get ready to lead a customer service team, learning from David"
            " how to handle escalations and keep a team steady under pressure."
        ),
        "mentor_commitments": (
            "Share how he handles difficult customers and difficult days, and let Sofia "
            "shadow one escalation call a month."
        ),
        "mentee_commitments": (
            "Bring a real case from the queue to each meeting and try one new approach "
            "with my team before the next."
        ),
    },
    goals=(
        (
            "Handle a customer escalation from first call to close on my own",
            "Readies me to lead a team (program goal 1)",
            "Two escalations closed with the customer's agreement",
            "Shadow David on an escalation call in February",
        ),
    ),
    plans=(),
)

# P07: Catherine Brooks (HR Business Partner) and Jamal Edwards (Recruitment Specialist).
P07 = CharterTexts(
    fields={
        "purpose": (
            "To help Jamal widen his work from filling vacancies to advising managers on "
            "their teams, with Catherine's experience as a business partner."
        ),
        "mentor_commitments": (
            "Bring Jamal into two of her workforce planning conversations and talk "
            "through the judgement calls afterwards."
        ),
        "mentee_commitments": (
            "Prepare questions from my own hiring work and write up what I take from each"
            " conversation."
        ),
    },
    goals=(
        (
            ("Advise one hiring manager on the shape of their team, not just the vacancy"),
            "Brings HR closer to the sites (program goal 3)",
            "One workforce plan drafted with a manager and put to use",
            "Choose the manager with Catherine at our first meeting",
        ),
    ),
    plans=(),
)

# P08: Gareth Hughes (Fleet Manager) and Nina Schulz (Fleet Compliance Officer).
P08 = CharterTexts(
    fields={
        "purpose": (
            "To help Nina move from checking the fleet's compliance to planning it, with "
            "Gareth's knowledge of running vehicles across every depot."
        ),
        "mentor_commitments": (
            "Explain how fleet budgets and replacement plans are decided, and take Nina "
            "to one depot review each quarter."
        ),
        "mentee_commitments": (
            "Come with a compliance finding and a view on its cause, and follow up the "
            "depot contacts Gareth introduces."
        ),
        "meeting_place": "The Avonmouth depot meeting room",
    },
    goals=(
        (
            "Draft the replacement plan for the Avonmouth depot's vans",
            "Grows my role from checking to planning (program goal 1)",
            "Plan accepted into next year's fleet budget",
            "Go through last year's plan with Gareth line by line",
        ),
    ),
    plans=(),
)

# P09: Fatima Al-Sayed (Procurement Manager) and Oliver Grant (Buyer).
P09 = CharterTexts(
    fields={
        "purpose": (
            "To help Oliver take on larger contracts, learning from Fatima how to prepare"
            " and lead a supplier negotiation."
        ),
        "mentor_commitments": (
            "Let Oliver prepare one real negotiation with her and debrief him honestly afterwards."
        ),
        "mentee_commitments": (
            "Do the preparation in full, ask when I am unsure, and keep notes of what "
            "each supplier meeting teaches me."
        ),
        "meeting_place": "Fatima's office on the second floor, or a call on travel days",
    },
    goals=(
        (
            "Lead the renewal of the packaging supplier contract",
            "Prepares me for a category lead role (program goal 1)",
            "Contract renewed with the savings target met",
            "Read the current contract and list its weak points",
        ),
    ),
    plans=(),
)

TEXTS = DemoTexts(
    program=PROGRAM,
    coordinator_signature="Tom Becker",
    email_domain="northwind.example",
    people=PEOPLE,
    managers=MANAGERS,
    charters=(P01, P02, P03, P04, P05, P06, P07, P08, P09),
    follow_up=FollowUpTexts(
        p01_plans_used="The 20-minute call in the peak week before the Leeds stock count",
        p01_changes="Meet at the Leeds canteen on Margaret's site visits",
        p04_comment="Could someone help me find a stock-control course?",
        p05_concern="Elena says their working styles clash; she would rather end it without fault",
        p06_reason="Sofia moved to the Lisbon office",
        p07_scenario="Repeated cancellations",
        p07_plan="whoever cancels books the new date there and then, within the same week.",
        p07_mentor_cancels="Catherine at the regional HR conference",
        p07_mentee_cancels="Jamal covering interviews all week",
    ),
)
