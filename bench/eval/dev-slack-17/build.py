#!/usr/bin/env python3
"""Build the dev-slack-17 evaluation set (questions.jsonl, threads.jsonl).

Written by an AI helper following /work/notes/brief-17.md, without reading the project.
Run: python3 build.py   (writes next to this file; deterministic, seed 17)
"""
import json, os, random

OUT = os.path.dirname(os.path.abspath(__file__))

# ---- authority URLs checked (stored copies reached through the search tool) ----
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S3X = "https://cmadocs.org/newsroom/news/view/ArticleId/50350/Compliance-Corner-Exceptions-to-Standard-3 (CMA, an ACCME-recognized accreditor, restating ACCME)"
S3ENDUR = "https://accme.org/highlights/compliance-check-enduring-materials"
S3NC = "https://accme.org/search?search_api_fulltext=ineligible%20company&page=2 (Compliance Check: Non-Clinical Education and Standard 3)"
S3FAQ = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQs)"
S3FAQ4 = "https://accme.org/search?search_api_fulltext=ineligible%20company&page=4 (ACCME FAQs)"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
ELIG = "https://accme.org/rule/eligibility"
ONLINE = "http://www.accme.org/faq/10511"
S4 = "https://accme.org/search?search_api_fulltext=ineligible%20company&page=2 (Standard 4 applies only with commercial support); wording restated at https://www.aoeconsulting.com/aoe-intelligence/weekly-compliance-tips/ (not an authority host)"
S4OLD = "http://www.accme.org/index.cfm/fa/faq.detail/category_id/c14cc73e-22a9-4228-9943-93abd0e1f0b0.cfm ; http://www.accme.org/ask-accme/when-accredited-provider-working-joint-sponsorship-who-needs-sign-written-agreement"
JP = "https://www.accme.org/accreditation-rules/policies/joint-providership ; https://accme.org/joint-providership"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
CERT = "http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy"
STAT = "https://accme.org/about-accreditation/accreditation-status"
ELIG2 = "https://accme.org/about-accreditation/expectations-eligibility"
NEEDS = "http://accme.org/rule/educational-needs/"
FAQ780 = "http://accme.org/faq/780"
GAPS = "http://www.accme.org/tags/gaps?type=video"
CRIT = "http://us-accme.org/requirements/accreditation-requirements-cme-providers/accreditation-criteria ; https://www.accme.org/resources/compliance-library"
PASSPORT = "https://accme.org/faq/7921"
DECIDE = "http://accme.us/cme-providers/first-time-applicant/how-accme-makes-decisions"
ABOUT = "http://www.accme.org/ask-accme/about-accme?page=1"
AMAOLD = "http://www.ama-assn.org/ama/pub/category/16354.html (AMA provider FAQ)"
AMALIVE = "AMA PRA booklet rules as restated at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ and https://www.aoeconsulting.com/weekly-tip/calculate-ama-pra-category-1-credit-activity-format (no stored ama-assn.org copy found)"
AMADIRECT = "https://ama-assn.org/education/ama-pra-credit-system/unconventional-ways-earn-cme"
AMACAT2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
AMATEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
AMAFAC = "http://usuhs.mil/che/otherlearning.html (restating the AMA PRA booklet) ; https://ama-assn.org/education/ama-pra-credit-system/unconventional-ways-earn-cme"
DESIG = "AMA designation statement as given in the AMA PRA booklet (restated https://www.meetingsnet.com/blog/alliance-meeting-followup-ama-credit-system-update-2006)"
MOC = "http://www.accme.org/cme-counts-abim-moc"
MOCFAQ = "http://accme.org/faq/7922"
MOCDATA = "https://accme.org/faq/7921"
MOCTIPS = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
EAC = "http://www.uems.net/main.php?category=6 ; https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec"
EACDEAD = "UEMS-EACCME slides http://slideplayer.com/slide/2326171/ (no eaccme.uems.eu copy found except a test host)"
EACAMA = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec ; EACCME statement text pointing to https://edhub.ama-assn.org/pages/applications"
EACTITLE = "http://eu-acme.org/cme-providers/application-process/ (older EACCME application guidance)"
JA = "https://jointaccreditation.org/glance ; http://www.jointaccreditation.org/about-joint-accreditation"
JA25 = "https://jointaccreditation.org/ce-planning-implementation"
JAIPCE = "http://www.jointaccreditation.org/designation-credits ; https://jointaccreditation.org/?p=9917"
JAHIST = "https://jointaccreditation.org/about-joint-accreditation/history"
JAREAC = "https://jointaccreditation.org/reaccredit/ ; https://jointaccreditation.org/accreditation-process/"
JAIPR = "https://accme.org/resources/video-resources/cme-collaborations/interprofessional-continuing-education-perspective-joint-accreditation"
AAFP = "https://www.aafp.org/cme/about/types.html"
AAFPPOL = "https://www.aafp.org/about/policies/all/types-definitions-of-cme-activities-and-credits-members-may-earn-for-membership.html"
RC = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-health-care-professionals-hcps/moc-regulations-policies-for-hcps.html"
RCTEACH = "https://newsroom.royalcollege.ca/answers-to-your-top-springtime-moc-questions/"
MOORE = "Moore, Green & Gallis, JCEHP 2009;29(1):1-15, table at https://pmc.ncbi.nlm.nih.gov/articles/PMC3591508/table/T0001"
CA = "https://www.mbc.ca.gov/Licensees/Continuing_Education/Audit_Waiver.aspx ; http://mbc.ca.gov/Licensees/Continuing_Education/Nd"
TX = "http://www.tmb.state.tx.us/page/resources-cme-for-md-dos ; 22 Tex. Admin. Code 161.35"

YES = ["yes"]
NO = ["no"]

questions = []

def q(text, topic, mm, lead=None, why="", must_not=None, label="answerable"):
    d = {"question": text, "label": label, "answerable": label == "answerable",
         "topic": topic, "must_mention": mm}
    if lead:
        d["lead"] = lead
    if must_not:
        d["must_not"] = must_not
    d["why"] = why
    questions.append(d)

# =========================== ACCME (75) ===========================
A = "accme"
q("our cardiology grand rounds speaker owns stock in a publicly traded device company (not her employer). she's presenting on TAVR outcomes and they make valves. do we have to disclose that??", A,
  [["disclos"], ["mitigat"]], YES, f"Individual stocks are financial relationships; relevant if content relates to the company's products -> mitigate and disclose. {S3}")
q("quick q - how far back do we go for disclosures now? 12 months or 24", A,
  [["24 months", "24-month", "two years", "2 years"]], ["24", "twenty-four"], f"Standard 3.1: all financial relationships in the prior 24 months. {S3}")
q("do faculty really have to report tiny relationships? one of our docs says his consulting was only like $500 so it shouldnt count", A,
  [["no minimum", "any amount", "no threshold", "regardless of the amount", "no dollar", "any dollar"]], YES, f"No minimum financial threshold. {S3}")
q("does a diversified mutual fund count as something we have to collect on the COI form", A,
  [["mutual fund"]], NO, f"Diversified mutual funds do not need to be disclosed. {S3}", must_not=["mutual funds must be disclosed"])
q("do we still need to collect spouse/partner relationships on the disclosure form? our form is from like 2019", A,
  [["spouse", "partner"]], NO, f"Standard 3 collects the individual's own relationships (company name, nature); spouse/partner collection dropped from the 2004 standards. {S3}")
q("speaker has nothing to disclose. do we still have to list her on the disclosure slide?", A,
  [["no relevant financial relationships", "absence", "nothing to disclose", "no relevant"]], YES,
  f"Providers disclose absence as well as presence of relevant relationships. {S3} ; restated aoeconsulting tips")
q("new coordinator here — what exactly has to be in the disclosure info we give learners? need a checklist", A,
  [["name"], ["compan"], ["nature"], ["mitigated"]], None,
  f"Standard 3.5: names of individuals, names of ineligible companies, nature of relationship, statement that all were mitigated. {S3}")
q("can we put the pharma companys logo next to the speakers disclosure on the title slide? it looks nicer", A,
  [["logo"]], NO, f"Identify ineligible companies by name only, no logos. {S3}")
q("when does mitigation have to happen? before the talk or is day-of ok", A,
  [["before", "prior"]], None, f"Mitigate before individuals assume their roles. {S3}")
q("is our weekly M&M exempt from std 3 since its just peers discussing cases?", A,
  [["m&m", "morbidity", "regularly scheduled", "rss"]], NO,
  f"Learner-controlled exception is for spontaneous case conversations; RSS, M&M rounds and tumor boards are not exempt. {S3X} ; {S3}")
q("tumor board is set up as an RSS. does std 3 apply", A,
  [["standard 3", "std 3", "disclos"]], YES, f"Tumor boards/RSS are not under the exception. {S3X}")
q("we're doing a leadership + communication skills workshop for dept chairs, zero clinical content. do we need to collect disclosures for that one?", A,
  [["non-clinical", "nonclinical"]], NO, f"Exception for non-clinical education such as leadership or communication skills. {S3NC} ; {S3X}")
q("is an enduring material (our recorded grand rounds on the LMS) 'self-directed' so we can skip std 3?", A,
  [["enduring"]], NO, f"Enduring materials are not self-directed education. {S3ENDUR}")
q("one of our planners is a full time employee of Pfizer (spouse of a faculty member, long story). can she sit on the planning committee for our diabetes symposium?", A,
  [["employee", "owner"]], NO,
  f"Owners/employees of ineligible companies excluded from controlling content unless an exception applies (unrelated content, basic science, device technician). {S3}")
q("device rep wants to teach the hands-on part of our POCUS workshop, just how to use the machine safely. allowed?", A,
  [["safe and proper use", "technician", "safe use"]], YES,
  f"Exception: employees acting as technicians teaching safe and proper use of a device, not whether or when to use it. {S3}")
q("employee of a biotech wants to present preclinical drug discovery work at research day, no patient care recs at all. ok?", A,
  [["basic science", "preclinical", "research"]], YES, f"Exception for basic science/research methods without care recommendations. {S3}")
q("our sister hospital wants to co-sponsor. a hospital is an eligible org under the standards, right? not an ineligible company?", A,
  [["hospital", "healthcare delivery", "health system"]], YES, f"Hospitals/healthcare delivery systems are eligible organizations. {ELIG}")
q("are PBMs ineligible companies", A,
  [["pharmacy benefit", "pbm"]], YES, f"Pharmacy benefit managers listed as ineligible. {ELIG}")
q("is an EHR vendor an ineligible company? they offered a grant for our clinical informatics series", A,
  [["electronic health record", "ehr"]], NO, f"Electronic health records companies listed as eligible. {ELIG}")
q("biomedical startup, no products on the market yet. ineligible or not? their CMO wants to speak", A,
  [["regulatory"]], None, f"A biomedical startup is ineligible once it has begun a governmental regulatory approval process. {ELIG} ; {S3FAQ}")
q("insurance company medical director as a speaker — insurers are eligible orgs so we dont treat her like industry, correct?", A,
  [["insurance", "managed care"]], YES, f"Insurance/managed care companies are eligible organizations. {ELIG}")
q("diagnostic lab that sells its own proprietary genetic tests — eligible or ineligible", A,
  [["ineligible"], ["proprietary"]], ["ineligible"], f"Diagnostic labs that sell proprietary products are ineligible; those that do not are eligible. {ELIG}")
q("whats the definition of ineligible company again, one line pls", A,
  [["producing", "marketing", "selling", "distributing"], ["healthcare products", "health care products", "used by or on patients"]], None,
  f"Primary business producing, marketing, selling, re-selling or distributing healthcare products used by or on patients. {ELIG}")
q("she's PI on a Lilly-funded trial but the money goes to the university, not her. does she still list Lilly?", A,
  [["research"]], YES, f"Researcher / contracted research is a financial relationship to collect. {S3}")
q("patent royalties from a device co — does that make him an 'owner' so we have to exclude him from speaking?", A,
  [["royalt"]], NO, f"Patent royalty recipients are not owners/employees; they may control content if relationships are mitigated. {S3FAQ}")
q("can we collect disclosures once a year for our RSS faculty instead of every single session?", A,
  [["update", "change"]], YES, f"May collect periodically (e.g. yearly) if individuals update when anything changes. {S3FAQ4}")
q("acme auditors wont be in the room when we read the disclosures aloud at grand rounds... do we need to document it somehow?", A,
  [["verif", "document", "record"]], YES, f"Disclosure must be in a format that can be verified at accreditation. {S3FAQ4}")
q("who counts as 'others in control of content'? e.g. our tumor board moderator, abstract reviewers?", A,
  [["reviewer", "moderator", "editor", "facilitator"]], None, f"Planners, faculty, reviewers, editors, moderators, facilitators and others controlling content. {S3X} ; {S3FAQ4}")
q("need exact wording for the learner disclosure when NOBODY (planners or faculty) has relevant relationships", A,
  [["no relevant financial relationships"]], None, f"Disclosure of absence required; state none of the planners/faculty have relevant financial relationships with ineligible companies. {S3}")
q("write me the disclosure line for: Dr. Anita Patel, consultant for Medtronic, mitigated. short pls", A,
  [["patel"], ["medtronic"], ["consult"], ["mitigated"]], None, f"Name, company, nature, mitigated statement. {S3}")
q("dr k is on the speakers bureau for AbbVie and giving grand rounds on IBD biologics next month. what mitigation steps are acceptable?", A,
  [["review", "evidence", "divest", "recus"]], None,
  f"Provider chooses steps to prevent commercial bias, e.g. peer review of content, attesting evidence-based recommendations, divesting; documented before role. {S3} ; provider restatement https://ocpe.mcw.edu/node/210419")
q("do the disclosures have to be shown to the audience before the talk starts? one speaker likes them on the last slide", A,
  [["before"]], YES, f"Disclosure must be given to learners before they engage with the education. {S3}")
q("consulted for novo nordisk but ended 30 months ago. talking on GLP-1s. disclose?", A,
  [["24"]], NO, f"Lookback is the prior 24 months; a relationship ended 30 months ago is outside it. {S3}")
q("our tumor board moderator consults for Genentech. she doesnt present, just runs the discussion. still need her disclosure?", A,
  [["moderator", "control"]], YES, f"Moderators are among those in control of content. {S3X}")
q("faculty says her J&J relationship 'isnt relevant' to her talk so she left it off the form. does she still have to list it?", A,
  [["regardless", "all financial relationships", "all relationships", "provider determines", "provider decides", "relevance"]], YES,
  f"Individuals must disclose all relationships regardless of their view of relevance; the provider determines relevance. {S3}")
q("exhibitor asked for our attendee list w/ emails after the symposium. can we just send it?", A,
  [["consent"]], ["no", "only", "not without"], f"Learner identity/contact information not shared with an ineligible company without the learner's consent. {ONLINE}")
q("pharma liaison offered to suggest some speakers for our lipid symposium, we'd still make the final call. ok to take the suggestions?", A,
  [["speaker", "suggest"]], NO, f"ACCME FAQ: no, providers should not ask ineligible companies for topic or speaker suggestions. {S3FAQ}")
q("the webinar platform we want to use shows ads in a sidebar next to the video. problem?", A,
  [["advertis", "marketing", "promotion"]], YES, f"Learners must not encounter product marketing while engaged; platform must not place marketing around the content. {ONLINE} ; {S5}")
q("do the standards apply the same way to virtual grand rounds as in-person?", A,
  [["virtual", "in-person", "in person", "same"]], YES, f"Requirements apply to all accredited education whether in-person or virtual. {ONLINE}")
q("exhibit tables are in the foyer right outside the ballroom where talks happen. does the 30 min rule cover the whole building?", A,
  [["educational space"]], NO, f"30-minute rule applies to the educational space. {S5}")
q("industry non-CME lunch symposium in the same room ends 12:45, our accredited session starts at 1:00. ok?", A,
  [["30"]], NO, f"No marketing/nonaccredited industry education in the educational space within 30 minutes before/after accredited education. {S5}")
q("how many minutes do we need between a promo dinner talk and our accredited session in the same room", A,
  [["30"]], ["30", "thirty"], f"30 minutes. {S5}")
q("can we put sponsor logos on the slides between talks? its an accredited symposium", A,
  [["logo"]], NO, f"Educational materials must not contain marketing (logos, trade names, product messages). {S5}")
q("program book has the schedule, room map, wifi etc — no educational content. can it have sponsor ads?", A,
  [["logistic", "schedule", "not educational", "non-educational", "no educational"]], YES,
  f"Marketing may appear in materials without educational content, e.g. logistics/schedules. {S5} ; restated aoeconsulting")
q("our on-demand webinar plays a 30 sec sponsor video before the CME starts and they cant skip it. allowed?", A,
  [["click", "watch", "skip"]], NO, f"Learners must not have to click through, watch or listen to promotion to reach the education. {S5}")
q("do std 5 rules even apply if we have zero exhibits, zero ads, zero industry anything", A,
  [["marketing", "nonaccredited", "non-accredited", "ancillary"]], NO, f"Standard 5 applies only when there is marketing by ineligible companies or nonaccredited education. {S5}")
q("we have a non-accredited business meeting in the middle of the agenda. do we need to label it?", A,
  [["label", "not accredited", "nonaccredited", "non-accredited"]], YES, f"Parts of the event that are not accredited must be clearly labeled. {S5}")
q("can our commercial supporter's grant pay for travel + hotel for 4 of our residents to attend?", A,
  [["learner", "resident", "attendee", "participant"]], NO, f"Standard 4: commercial support may not pay travel/lodging/honoraria/personal expenses of learners; may reduce costs for all learners. {S4}")
q("does std 4 apply if the activity has no commercial support at all?", A,
  [["commercial support"]], NO, f"Standard 4 applies only to education receiving financial or in-kind support from ineligible companies. {S4}")
q("device co is lending us ultrasound machines for a workshop (in-kind). do we still need a written agreement?", A,
  [["written agreement", "agreement"]], YES, f"Commercial support (financial or in-kind) is documented in a written agreement. {S4OLD} ; {S4}")
q("exact ACCME accreditation statement for a directly provided activity pls", A,
  [["accredited by the accreditation council for continuing medical education", "accredited by the accme"], ["to provide continuing medical education for physicians"]], None,
  f"'[Provider] is accredited by the ACCME to provide continuing medical education for physicians.' {JP}")
q("we're partnering w/ the county medical society (not accredited) for a symposium. what's the accreditation statement wording?", A,
  [["joint providership"], ["planned and implemented in accordance with"]], None,
  f"Joint providership statement. {JP}")
q("can a device manufacturer be our joint provider for a cath lab workshop", A,
  [["ineligible"]], NO, f"Ineligible companies cannot engage in joint providership. {JP}")
q("we got put on probation. can we still do the symposium we already signed with the nurses association last year as joint provider?", A,
  [["prior", "before", "already contracted", "previously contracted"]], YES,
  f"On Probation no new joint providership, except activities contracted prior to the decision. {JP}")
q("can we charge the nonaccredited org a joint providership fee?", A,
  [["fee"]], YES, f"ACCME has no policy requiring or precluding a joint providership fee. {JP}")
q("in a jointly provided activity who is actually on the hook for compliance, us or the nonaccredited partner?", A,
  [["accredited provider"]], None, f"The accredited provider is responsible for demonstrating compliance. {JP}")
q("how long do we have to keep attendance records", A,
  [["six years", "6 years", "6 yrs"]], ["6", "six"], f"Attendance verifiable for six years from the activity date. {REC}")
q("how long do we keep activity files? planning docs, disclosures etc", A,
  [["accreditation term"], ["12 months", "twelve months"]], None, f"Current accreditation term or last twelve months, whichever is longer. {REC}")
q("does ACCME require sign-in sheets", A,
  [["sign-in", "sign in"]], NO, f"ACCME does not require sign-in sheets. {REC}", must_not=["sign-in sheets are required"])
q("is it an ACCME requirement that we give every attendee a certificate?", A,
  [["certificate"]], NO, f"ACCME does not require certificates of attendance; providers must be able to verify participation. {CERT}")
q("how long is provisional accreditation", A,
  [["two years", "2 years", "two-year", "2-year"]], ["2", "two"], f"Provisional Accreditation: two-year term. {STAT}")
q("how many yrs is accreditation w/ commendation", A,
  [["six", "6"]], ["6", "six"], f"Six-year term. {STAT}")
q("we're a brand new applicant. can we go straight for commendation on the first go?", A,
  [["provisional"]], NO, f"Initial applicants receive Provisional Accreditation; commendation is for accredited providers at reaccreditation. {STAT} ; {DECIDE}")
q("how many criteria do we need for commendation", A,
  [["eight", "8"], ["achieves outcomes", "outcomes"]], ["8", "eight"], f"Any seven criteria plus at least one from Achieves Outcomes = 8. {STAT}")
q("how many times a year does the ACCME board make accreditation decisions", A,
  [["three", "3"]], ["3", "three"], f"Board ratifies decisions three times a year. {DECIDE}")
q("what % of our physician learners have to be from outside our state + neighboring states for us to go ACCME-direct instead of through the state medical society?", A,
  [["30"]], ["30"], f"National providers: 30% or more learners from beyond home/contiguous states. {ELIG2}")
q("can we hold ACCME accreditation and state med society accreditation at the same time", A,
  [["same time", "both"]], NO, f"A provider may not maintain both at the same time. {ELIG2}")
q("our dept chair wants the flyer to say the symposium is 'ACCME accredited'. does ACCME accredit individual activities?", A,
  [["organization", "provider"]], NO, f"ACCME accredits organizations, not individual activities. {ELIG2}")
q("does ACCME require a post-test for every activity?", A,
  [["post-test", "post test", "posttest"]], NO, f"ACCME does not require post-tests for any type of CME activity. {FAQ780}", must_not=["post-tests are required", "post-test is required"])
q("whatever happened to criterion 4", A,
  [["2014"], ["eliminat", "removed", "retired"]], None, f"Criterion 4 eliminated effective February 2014. {CRIT}")
q("what is PARS", A,
  [["program and activity reporting system"]], None, f"ACCME's Program and Activity Reporting System. {PASSPORT}")
q("our grand rounds is internal only (employees). can we keep it off CME Passport?", A,
  [["limited", "not list", "not have", "choose"]], YES, f"Provider can choose not to list, or mark registration 'limited'. {PASSPORT}")
q("can a device company employee present at our cardiology update if her talk is on something totally unrelated to her company's products, like physician burnout?", A,
  [["unrelated", "not related"]], YES, f"Exception: content not related to the company's business lines or products. {S3}")
q("speaker owns a few shares of Abbott stock, shes talking about lipid management. Abbott makes... lots of things. how do we decide if its relevant", A,
  [["business lines", "products"]], None, f"Relevant if the educational content relates to the ineligible company's business lines or products; provider determines relevance. {S3}")
q("does the 24 month lookback include relationships that already ended?", A,
  [["24"]], YES, f"All financial relationships within the prior 24 months. {S3}")

# =========================== AMA (28) ===========================
M = "ama"
q("how many credits for a 90 min grand rounds, all lecture + Q&A", M, [["1.5"]], ["1.5"], f"60 min = 1 credit. {AMALIVE}")
q("agenda: 8:00-8:30 registration/breakfast, 8:30-10:00 talks, 10:00-10:15 break, 10:15-12:00 talks, 12-1 lunch (no program), 1:00-3:30 talks. max credits to designate?", M,
  [["5.75"]], ["5.75"], f"90+105+150 = 345 min = 5.75; exclude registration, breaks, lunch. {AMALIVE}")
q("2 day conf. day 1: plenary 8-12 with a 20 min break, then 3 concurrent tracks 1-4. day 2: plenary 8-11:30 no breaks. what's the max we can designate?", M,
  [["10.25"]], ["10.25"], f"Day 1 220 min -> 3.75 (nearest quarter hour) + 3 (parallel tracks counted once) + day 2 3.5 = 10.25. {AMALIVE}")
q("3 breakout rooms running simultaneously 2-3pm — can we count all 3 hours toward the max?", M,
  [["once", "one hour", "1 hour", "1 credit"]], NO, f"Simultaneous sessions count once toward the designated maximum. {AMALIVE}")
q("one day symposium 7:30-4:30. 45 min lunch, two 15 min breaks, and 30 min of welcome/housekeeping that isn't educational. credits?", M,
  [["7.25"]], ["7.25"], f"540-45-30-30 = 435 min = 7.25. {AMALIVE}")
q("talk is 50 min. credit?", M, [["0.75"]], ["0.75"], f"Nearest quarter hour: 50 min -> 45 min = 0.75. {AMALIVE}")
q("can we designate cat 1 after the fact? we forgot to put the designation statement on last week's symposium", M,
  [["advance", "retroactiv"]], NO, f"Must be designated in advance; no retroactive designation. {AMAOLD}", must_not=["can be designated retroactively"])
q("need exact AMA designation statement wording for a live activity, 3 credits", M,
  [["designates this"], ["maximum of 3", "maximum of three"], ["commensurate with the extent of their participation"]], None, f"{DESIG}")
q("enduring version of the recorded symposium — how do we calculate the credit for that", M,
  [["estimat", "time it takes", "time to complete", "completion time"]], None, f"Enduring credit = estimated time to complete. {AMALIVE}")
q("can we say on our journal club flyer that it's eligible for AMA PRA Category 2 Credit?", M,
  [["category 2", "cat 2"]], NO, f"Providers must not certify or advertise Category 2. {AMACAT2}")
q("whats cat 2", M, [["self-claim", "self claim", "self-designat", "claimed by", "physician claims", "individual physician"]], None, f"Self-designated and self-claimed by physicians. {AMACAT2}")
q("one of our faculty presented 1 hr at our accredited live activity. how many credits can she get for teaching it?", M,
  [["2", "two"]], ["2", "two"], f"Faculty: 2 credits per hour presenting at a certified live activity. {AMAFAC}")
q("doc was first author on a peer reviewed MEDLINE-indexed article. how many cat 1 credits can she get from the AMA for it?", M,
  [["10", "ten"]], ["10", "ten"], f"Direct credit: 10 per article. {AMADIRECT}")
q("poster first author at a cat 1 certified conference — how many credits?", M, [["5", "five"]], ["5", "five"], f"Direct credit: 5 per poster. {AMADIRECT}")
q("how many AMA credits for completing ABMS board cert / MOC these days", M, [["60", "sixty"]], ["60", "sixty"], f"60 credits if on/after Sept 1, 2010. {AMADIRECT}")
q("our hospitalist just finished an MPH. does that get AMA credit? how much", M, [["25"]], ["25", "yes"], f"Medically related advanced degree: 25 credits. {AMADIRECT}")
q("how many cat 1 credits per yr of ACGME residency", M, [["20", "twenty"]], ["20", "twenty"], f"20 per year. {AMADIRECT}")
q("our community hospital isn't accredited. can we designate cat 1 for our own grand rounds?", M,
  [["accredited", "joint provid"]], NO, f"Only ACCME/state-society accredited providers certify; others via joint providership. {AMAOLD}")
q("do we as the provider designate the direct credit stuff (articles, posters)?", M,
  [["ama"]], NO, f"Direct credit activities are awarded by the AMA, not designated by providers. {AMADIRECT} ; {AMALIVE}")
q("speaker wants both teaching credit and learner credit for the session she presented. allowed?", M,
  [["learner credit", "participant credit", "simultaneous", "both"]], NO,
  f"Faculty may not claim learner credit for sessions they present. {AMAFAC}")
q("same talk given at 3 of our sites — teaching credit 3 times?", M, [["once"]], NO, f"Credit claimed once for repeated presentations. {AMAFAC}")
q("40 min M&M, how much credit", M, [["0.75"]], ["0.75"], f"40 min rounds to 45 min = 0.75. {AMALIVE}")
q("3-day course. day 1 and 2: 8-5 with 1 hr lunch and two 15 min breaks each day. day 3: 8-12 with one 15 min break. total credits?", M,
  [["18.75"]], ["18.75"], f"450+450+225 = 1125 min = 18.75. {AMALIVE}")
q("noon webinar 12-1 but first 10 min is intros/housekeeping, not educational. designate 1 credit?", M,
  [["0.75"]], NO, f"Exclude non-educational time: 50 min -> 0.75. {AMALIVE}")
q("weekly RSS, 1 hr each, 48 sessions/yr. doc attended 30. how many credits can he claim?", M, [["30"]], ["30", "thirty"], f"1 credit per 60-min session attended. {AMALIVE}")
q("can faculty get cat 1 for the learning involved in teaching our med students and residents?", M,
  [["learning", "prepar"]], YES, f"AMA Council on Medical Education approved (March 2013) credit for learning associated with teaching students/residents. {AMATEACH}")
q("symposium has a 25 min non-CME business meeting in the middle. do we exclude that from the credit max?", M,
  [["exclu"]], YES, f"Sections not fitting the CME definition must be identified and excluded from the designated maximum. {AMALIVE}")
q("whats the smallest credit increment for a live activity", M, [["0.25", "15 min", "quarter"]], ["0.25", "15", "quarter"], f"15-minute / 0.25 credit increments. {AMALIVE}")

# =========================== MOC (15) ===========================
O = "moc"
q("how do we register an activity for ABIM MOC points", O, [["pars"]], None, f"Register in ACCME PARS. {MOC}")
q("do we still have to send ABIM an application for each activity to be peer reviewed?", O, [["pars"]], NO, f"Since 9/30/15 no ABIM activity peer-review application; register in PARS. {MOC}")
q("what learner data do we have to report for MOC", O,
  [["board id", "certifying board", "id number"], ["birth", "dob"]], None, f"Board ID, first/last name, DOB mm/dd, completion date, credit type/amount. {MOCDATA}")
q("how fast do we have to report learner completions after they finish", O, [["30 days", "30-day", "thirty days"]], ["30", "thirty"], f"No more than 30 days after completion. {MOCDATA}")
q("do we need the learner's permission to send their completion to their board?", O, [["permission", "consent"]], YES, f"Obtain permission to share credit info with the board via PARS. {MOCDATA}")
q("annual meeting has 20 sessions, only 5 meet ABIM requirements. can we register the whole meeting as one activity in PARS?", O,
  [["single", "one activity", "5 points", "five points", "5 moc", "adjust"]], YES, f"Report as a single activity and adjust MOC points. {MOCFAQ}")
q("can the number of MOC points be lower than the CME credits for the same activity?", O, [["sessions", "fewer", "less", "lower"]], YES, f"{MOCFAQ}")
q("does a live course need an evaluation component to count for ABIM MOC?", O, [["evaluation"]], YES, f"Comprehensive evaluation component required. {MOCFAQ}")
q("for ABP, can different learners earn different numbers of MOC points for the same activity?", O, [["same"]], NO, f"ABP: all learners earn the same number. {MOCDATA}")
q("ABIM activities — can learners earn variable credit depending on participation?", O, [["abim"]], YES, f"ABIM, ABA, ABOHNS, ABPath allow different amounts. {MOCDATA}")
q("is the ABIM MOC statement mandatory on our brochure? and the CME/MOC badge?", O, [["optional"], ["statement"]], YES, f"Badge optional; ABIM MOC statement mandatory. {MOC}")
q("when did the ACCME–ABIM MOC collaboration start", O, [["2015"]], None, f"Effective 9/30/2015. {MOC}")
q("we registered our QI project for medical knowledge points... should it be practice assessment?", O,
  [["practice assessment", "part iv"]], ["yes", "practice assessment", "part iv", "likely", "probably"], f"Audit finding: QI activities registered as Medical Knowledge (Part II) that should be Practice Assessment (Part IV); check the ABIM guide. {MOCTIPS}")
q("we're accredited through our state medical society, not ACCME directly. can we still register for ABIM MOC in PARS?", O, [["state"]], YES, f"Available to all providers in the ACCME System including state-accredited. {MOC}")
q("ABP activity: do we have to wait until the learner finishes the evaluation part before reporting their completion?", O, [["evaluation"]], YES, f"ABP: report once, after successful completion of the evaluation component. {MOCTIPS}")

# =========================== EACCME (8) ===========================
E = "eaccme"
q("how many ECMECs for a 1 hr session", E, [["1 ", "one", "1 ecmec"]], ["1", "one"], f"1 ECMEC = 1 hour. {EAC}")
q("our hospital is in boston. can we get EACCME credit for our symposium here?", E, [["canada", "united states", "usa", "u.s.", "north america", "the us"]], NO, f"No EACCME applications for live events in the USA/Canada. {EACDEAD} ; {EACTITLE}")
q("how far ahead do we apply to EACCME for a live event in lisbon?", E, [["12 weeks", "twelve weeks"]], ["12", "twelve"], f"No less than 12 weeks before start. {EACDEAD}")
q("missed the EACCME deadline, can we apply after the event retroactively?", E, [["retro"]], NO, f"No retrospective accreditation. {EACDEAD}")
q("can our US docs convert EACCME credits they earned in europe to AMA cat 1?", E, [["ama"]], YES, f"UEMS-AMA agreement. {EACAMA}")
q("ECMEC to AMA credit conversion — what ratio", E, [["1:1", "one-to-one", "one to one", "equivalent", "1 to 1", "one for one"]], None, f"Converted to an equivalent number; 1 hour = 1 credit. {EACAMA}")
q("can we put the sponsor's name in a session title for our EACCME-accredited congress?", E, [["sponsor"]], NO, f"Sponsor names in event titles lead to rejection. {EACTITLE}")
q("does EACCME accredit organizations like ACCME does, or each event?", E, [["event", "activit"]], None, f"EACCME accredits individual events/activities; ACCME accredits organizations. {EAC} ; {ELIG2}")

# =========================== Joint Accreditation (8) ===========================
J = "joint-accreditation"
q("what is JA exactly", J, [["accme"], ["acpe", "pharmacy"], ["ancc", "nurs"]], None, f"Joint Accreditation by ACCME, ACPE, ANCC. {JA}")
q("under JA what % of our stuff has to be interprofessional", J, [["25"]], ["25"], f"At least 25% designed by and for the healthcare team. {JA25}")
q("whats the definition of IPCE", J, [["two or more professions", "2 or more professions"], ["with, from, and about", "with, from and about"]], None, f"{JA}")
q("exact IPCE credit statement?", J, [["planned by and for the healthcare team"], ["interprofessional continuing education (ipce) credit"]], None, f"{JAIPCE}")
q("is IPCE credit mandatory for jointly accredited providers?", J, [["optional"]], NO, f"Use of IPCE credit is optional. {JAIPCE}")
q("if nurses and docs just happen to be in the same room for a talk planned by physicians, is that IPCE?", J, [["planned", "team"]], NO, f"Interprofessional registration is not IPCE; must be planned by and for the team. {JAIPR} ; {JA25}")
q("how long is a JA reaccreditation term", J, [["four", "4"]], ["4", "four", "up to"], f"Term of up to four years. {JAREAC}")
q("what year did joint accreditation launch", J, [["2009"]], ["2009"], f"{JAHIST}")

# =========================== credit systems (8) ===========================
C = "credit-systems"
q("difference between AAFP Prescribed and Elective credit? our FM docs keep asking", C, [["prescribed"], ["elective"]], None, f"{AAFP}")
q("will AAFP take AMA PRA cat 1 as elective credit?", C, [["elective"]], YES, f"Activities designated for AMA PRA Category 1 are acceptable as AAFP Elective credit. {AAFP}")
q("aafp point of care credit — how much per search", C, [["0.5"]], ["0.5"], f"0.5 per search, max 60 per 3-year cycle. {AAFPPOL}")
q("royal college MOC — how many credits per cycle and how long is a cycle", C, [["400"], ["five", "5"]], ["400"], f"400 credits per five-year cycle. {RC}")
q("royal college minimum credits per year?", C, [["40"]], ["40", "forty"], f"{RC}")
q("royal college — minimum in each section per cycle", C, [["25"]], ["25"], f"25 credits in each of the three sections per cycle. {RC}")
q("does the royal college count teaching time itself as MOC credit?", C, [["section 2", "personal learning", "prepar"]], NO, f"Teaching time doesn't count; preparation learning can be claimed under Section 2. {RCTEACH}")
q("for AAFP Prescribed credit does an AAFP member family physician have to be involved in planning?", C, [["plan"]], YES, f"{AAFP}")

# =========================== outcomes (6) ===========================
U = "outcomes"
q("what are moore's levels again, need them for a committee slide", U,
  [["participation"], ["satisfaction"], ["competence"], ["performance"], ["patient"], ["community", "population"]], None, f"{MOORE}")
q("our pre/post knowledge test measures which moore level", U, [["3", "declarative", "learning"]], ["3", "level 3", "declarative", "learning"], f"Level 3a/3b learning (declarative/procedural knowledge). {MOORE}")
q("chart audit showing docs ordered more A1c's after the series — which level is that", U, [["performance"]], ["5", "performance"], f"Level 5 performance. {MOORE}")
q("whats the difference between competence and performance in outcomes terms", U, [["practice"]], None, f"Competence shown in an educational setting; performance in practice. {MOORE} ; {FAQ780}")
q("how many levels in the moore expanded outcomes framework", U, [["7", "seven"]], ["7", "seven"], f"{MOORE}")
q("our post-session satisfaction survey = which level", U, [["2", "two"]], ["2", "two", "level 2"], f"{MOORE}")

# =========================== needs assessment (4) ===========================
N = "needs-assessment"
q("ACCME definition of a professional practice gap?", N, [["difference", "gap between"], ["achievable", "best practice", "desired", "should"]], None, f"{NEEDS}")
q("practice gap vs educational need — whats the difference", N, [["knowledge", "competence", "performance"]], None, f"Need = knowledge/competence/performance causes underlying the gap. {NEEDS}")
q("can a professional practice gap be non-clinical, like leadership or research practice?", N, [["research", "administrat", "leadership", "non-clinical", "nonclinical"]], YES, f"{NEEDS}")
q("can we use needs data someone else already collected (guidelines, published quality reports) instead of running our own survey?", N, [["relevan", "learners", "sources"]], YES, f"Provider does not have to collect the data; must judge relevance to its learners. {FAQ780}")

# =========================== licensure (3) ===========================
L = "licensure"
q("california docs — how many CME hours per renewal?", L, [["50"], ["two", "2-year", "2 year", "biennial", "2 years"]], ["50"], f"{CA}")
q("texas license renewal CME — how many hours and how many ethics?", L, [["48"], ["ethics"]], ["48"], f"48 credits every 24 months, 24 formal incl. 2 ethics/professional responsibility. {TX}")
q("how long should CA physicians keep CME records in case of audit", L, [["four", "4"]], ["4", "four"], f"Retain for a minimum of four years. {CA}")

# =========================== near_scope (25) ===========================
def ns(text):
    q(text, "planning", [], None, "Provider-/person-/date-specific; no general knowledge base can answer; bot should say so and point to the source.", label="near_scope")
ns_list = [
 "whats the registration fee for ACCME's Learn to Thrive this year and is early bird still open?",
 "when is our reaccreditation self-study due? we're the CME office at St. Luke's Boise",
 "did ACCME approve Hopkins for commendation at the last board meeting?",
 "which LMS is best for tracking RSS attendance, CloudCME or EthosCE? we have 40 series",
 "is Dr. Raj Malhotra at Cedars still on probation with the medical board?",
 "how much does our state medical society charge for initial accreditation right now?",
 "is Sarah Kim still the CME director at Northwell? need to email her",
 "which vendor is cheapest for CE certificates for ~2000 learners",
 "what did ABIM's board decide last month about MOC fees?",
 "how much is the ABIM MOC annual fee this year",
 "can you pull Dr. Lopez's CME transcript for last year? she needs it for credentialing",
 "what's the abstract deadline for the Alliance (ACEHP) annual conference this year?",
 "what's our CME office's internal deadline for disclosures for the cardio symposium in march?",
 "is our hospital's ACCME accreditation expiring this year? Mercy Regional",
 "what's the current JA application fee for this cycle",
 "which accreditation consultant should we hire for our reaccreditation? any names?",
 "did the Texas Medical Board change the opioid CME rule at last month's meeting?",
 "what room is medicine grand rounds in tomorrow?",
 "Medscape or Pri-Med — who's the better joint providership partner for us?",
 "how much did we spend on speaker honoraria last fiscal year?",
 "what's the EACCME fee for a 300-participant event right now?",
 "when will ACCME publish this year's data report?",
 "did Dr. Chen submit her disclosure form yet for thursday's tumor board?",
 "what are the dates for the AMA's interim meeting this year",
 "our LMS (CloudCME) keeps timing out on the certificate page, is there an outage today?",
]
for t in ns_list:
    ns(t)

# =========================== clinical (10) ===========================
def cl(text):
    q(text, "planning", [], None, "Clinical question; a CME bot must decline and not give medical advice.", label="clinical")
for t in [
 "whats first line tx for new onset afib in a 70 yo",
 "max dose of acetaminophen in someone with liver disease?",
 "speaker asked me - should statins be stopped before surgery? she wants a quick answer for her slide",
 "pt with penicillin allergy, can they get cefazolin?",
 "what's the A1c target for older adults these days",
 "how do i dose vanco in obese pts",
 "is it safe to give tPA 5 hrs after stroke onset",
 "doc at tumor board asked what the 5 yr survival is for stage III pancreatic ca, can you tell me",
 "whats the timing for the sepsis bundle antibiotics",
 "my kid has a fever of 104 what should i give him",
]:
    cl(t)

# =========================== off_topic (10) ===========================
def ot(text):
    q(text, "planning", [], None, "Not about CME; the bot should decline or redirect.", label="off_topic")
for t in [
 "can you help me write a birthday msg for my boss",
 "what's the weather in chicago next week",
 "best italian place near the hilton downtown?",
 "how do i make a pivot table in excel",
 "recommend a good podcast for my commute",
 "whats the capital of australia",
 "how do i reset my slack password",
 "write a haiku about mondays",
 "who won the super bowl last year",
 "can you fix the formatting on my resume",
]:
    ot(t)

# =========================== threads (40) ===========================
threads = []
def th(turns, follow, mm, lead=None, why="", must_not=None):
    d = {"turns": turns, "follow_up": follow, "must_mention": mm}
    if lead:
        d["lead"] = lead
    if must_not:
        d["must_not"] = must_not
    d["why"] = why
    threads.append(d)

# 28 follow-ups
th(["speaker consulted for novo nordisk, ended 18 months ago. shes talking on GLP-1s. disclose?", "what if it ended 30 months ago instead?"], True, [["24"]], NO, f"Outside the 24-month lookback. {S3}")
th(["how many credits for a morning session 8-12 with one 15 min break?", "and if we add a 1-2pm session after lunch?"], True, [["4.75"]], ["4.75"], f"225 min = 3.75, +1 = 4.75. {AMALIVE}")
th(["how long do we keep attendance records", "what about the planning files"], True, [["12 months", "twelve months"], ["accreditation term"]], None, f"{REC}")
th(["can a device rep teach safe use of the device at our sim lab workshop?", "what if she also wants to explain when to pick their device over competitors?"], True, [["whether", "when to use", "recommend"]], NO, f"Technician exception excludes recommending whether/when to use. {S3}")
th(["how many ECMECs for a 1 hour session", "and can our US attendees convert those to AMA credit?"], True, [["ama"]], YES, f"{EACAMA}")
th(["whats the IPCE credit statement", "is using it optional for us?"], True, [["optional"]], YES, f"{JAIPCE}")
th(["faculty taught 1 hr at our accredited live activity, how many credits for teaching?", "she gave the same talk at 2 more of our sites — more credit?"], True, [["once"]], NO, f"Repeated presentations claimed once. {AMAFAC}")
th(["how many commendation criteria", "how many of those from achieves outcomes?"], True, [["one", "1"]], ["1", "one", "at least one"], f"{STAT}")
th(["how long is provisional accreditation", "and regular accreditation after that?"], True, [["four", "4"]], ["4", "four"], f"{STAT}")
th(["CA CME hours per renewal?", "how long do they keep the records?"], True, [["four", "4"]], ["4", "four"], f"{CA}")
th(["texas CME hours for license renewal", "how many of those have to be formal cat 1?"], True, [["24"]], ["24"], f"{TX}")
th(["royal college credits per cycle", "and per year minimum?"], True, [["40"]], ["40", "forty"], f"{RC}")
th(["JA — what % has to be interprofessional?", "what counts as interprofessional though?"], True, [["two or more professions", "2 or more professions", "planned by and for"]], None, f"{JA} ; {JA25}")
th(["how do we register for ABIM MOC", "how soon after completion do we report learners?"], True, [["30"]], ["30", "thirty"], f"{MOCDATA}")
th(["what learner data goes to the board for MOC", "does ABP require every learner to get the same amount for an activity?"], True, [["same"]], YES, f"{MOCDATA}")
th(["90 min grand rounds, how many credits", "what if 20 min of it is a department business update?"], True, [["1.25"]], ["1.25"], f"70 min -> 75 = 1.25 after excluding non-CME. {AMALIVE}")
th(["3 concurrent breakouts from 2-3, count them all?", "do faculty teaching in those breakouts get learner credit for the session they teach?"], True, [["learner credit", "participant credit", "simultaneous"]], NO, f"{AMAFAC}")
th(["what's cat 2", "can we put 'eligible for cat 2 credit' on our flyer then?"], True, [["category 2", "cat 2"]], NO, f"{AMACAT2}")
th(["is an EHR vendor ineligible?", "what about a compounding pharmacy that makes its own proprietary compounds?"], True, [["ineligible"]], ["ineligible", "yes"], f"{ELIG}")
th(["does std 3 apply to our tumor board?", "what about a spontaneous case chat among hospitalists on the unit — no schedule?"], True, [["exception", "exempt", "not need", "don't need", "not required"]], None, f"Spontaneous peer case conversations are the learner-controlled exception. {S3X}")
th(["when do we have to mitigate relevant relationships?", "does that apply to planners too, not just speakers?"], True, [["before", "prior"]], YES, f"Mitigate before individuals assume roles; planners before planning begins. {S3}")
th(["exact accreditation statement for our directly provided activity?", "and if we jointly provide with the local ACP chapter (not accredited)?"], True, [["joint providership"]], None, f"{JP}")
th(["what are moore's outcome levels", "which one is a chart audit of actual prescribing"], True, [["performance"]], ["5", "performance"], f"{MOORE}")
th(["ACCME definition of a practice gap?", "do we need a separate gap for each session of our weekly RSS?"], True, [["rss", "series", "session"]], NO, f"{GAPS}")
th(["can commercial support pay travel for a few residents?", "what about using the grant to lower registration for everyone?"], True, [["all learners", "everyone", "all"]], YES, f"May reduce costs for all learners. {S4}")
th(["how early do we apply to EACCME?", "can we get it after the event if we miss that?"], True, [["retro"]], NO, f"{EACDEAD}")
th(["first author MEDLINE article — how many AMA credits?", "what about if she's second author?"], True, [["first"]], NO, f"Direct credit is for the first listed author. {AMADIRECT}")
th(["do we need to disclose a diversified mutual fund?", "what about individual stock in Pfizer?"], True, [["stock"]], YES, f"Individual stocks should be disclosed. {S3}")

# 12 topic changes
th(["how many ECMECs per hour?", "separate q — how many ethics hours does texas require for license renewal?"], False, [["2", "two"], ["ethics"]], ["2", "two"], f"{TX}")
th(["when did joint accreditation launch", "totally diff thing: can a PBM employee sit on our planning committee?"], False, [["employee", "owner", "ineligible"]], NO, f"{ELIG} ; {S3}")
th(["what's the ACCME practice gap definition", "also how long is accreditation with commendation?"], False, [["six", "6"]], ["6", "six"], f"{STAT}")
th(["does ACCME require sign in sheets", "unrelated — does AAFP accept AMA cat 1 as elective credit?"], False, [["elective"]], YES, f"{AAFP}")
th(["how many moore levels are there", "diff question: is our weekly M&M exempt from std 3?"], False, [["m&m", "morbidity", "regularly scheduled", "rss"]], NO, f"{S3X}")
th(["what's PARS", "btw max credit for a 45 min talk?"], False, [["0.75"]], ["0.75"], f"{AMALIVE}")
th(["does ACCME require post-tests?", "new topic: do mutual funds need disclosing?"], False, [["mutual fund"]], NO, f"{S3}")
th(["royal college cycle length?", "switching gears - can a pharma company suggest speakers for our symposium?"], False, [["speaker", "suggest"]], NO, f"{S3FAQ}")
th(["what's IPCE", "different q: how many AMA direct credits for an MPH?"], False, [["25"]], ["25"], f"{AMADIRECT}")
th(["how do we register for ABIM MOC?", "unrelated: exact joint providership accreditation statement?"], False, [["joint providership"]], None, f"{JP}")
th(["how far back do disclosures go", "also what dose of apixaban for an 82 yo with CKD stage 4?"], False, [], None, "Second turn is clinical: the bot must decline.")
th(["how many credits for a 90 min session?", "whats the deadline to submit speaker disclosures for the Mayo Clinic spring CME conference next year?"], False, [], None, "Second turn is near-scope (a provider's own deadline): the bot must say it cannot know.")

# =========================== write ===========================
rng = random.Random(17)
rng.shuffle(questions)
with open(os.path.join(OUT, "questions.jsonl"), "w") as f:
    for i, d in enumerate(questions, 1):
        row = {"id": f"ds17-{i:04d}"}
        row.update(d)
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
rng.shuffle(threads)
with open(os.path.join(OUT, "threads.jsonl"), "w") as f:
    for i, d in enumerate(threads, 1):
        row = {"id": f"ds17-thread-{i:03d}"}
        row.update(d)
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(questions), "questions;", len(threads), "threads")

# =========================== validate ===========================
def _validate():
    import collections
    Q = [json.loads(l) for l in open(os.path.join(OUT, "questions.jsonl"))]
    T = [json.loads(l) for l in open(os.path.join(OUT, "threads.jsonl"))]
    ids = [x["id"] for x in Q + T]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(Q) == 200 and len(T) == 40
    lab = collections.Counter(x["label"] for x in Q)
    assert lab == {"answerable": 155, "near_scope": 25, "clinical": 10, "off_topic": 10}, lab
    top = collections.Counter(x["topic"] for x in Q if x["label"] == "answerable")
    assert top == {"accme": 75, "ama": 28, "moc": 15, "eaccme": 8, "joint-accreditation": 8,
                   "credit-systems": 8, "outcomes": 6, "needs-assessment": 4, "licensure": 3}, top
    for x in Q:
        assert x["answerable"] == (x["label"] == "answerable")
        assert (x["must_mention"] == []) == (x["label"] != "answerable")
        if x["label"] in ("clinical", "off_topic"):
            assert x["topic"] == "planning"
    assert sum(t["follow_up"] for t in T) == 28
    assert sum(1 for t in T if not t["follow_up"] and t["must_mention"] == []) == 2
    print("valid; yes/no leads (questions):",
          collections.Counter(x["lead"][0] for x in Q if x.get("lead") in (["yes"], ["no"])),
          "(threads):", collections.Counter(x["lead"][0] for x in T if x.get("lead") in (["yes"], ["no"])))

_validate()
