#!/usr/bin/env python3
"""Build dev-slack-18: CME questions as Slack members type them.
Run: python3 build.py  (writes questions.jsonl and threads.jsonl next to this file)."""
import json, os, random
from collections import Counter

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 18

# authority URLs checked with the search tool (stored copies)
S2 = "https://accme.org/rule/prevent-commercial-bias-and-marketing-in-accredited-continuing-education"
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S4 = "https://accme.org/standards (Standard 4 text as reproduced in copies of the Standards; old SCS 3.4 at accme.org criterion-8)"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
ELIG = "https://accme.org/rule/eligibility"
SELF = "https://www.accme.org/faq/how-can-i-determine-if-my-organization-ineligible-company-formerly-known-commercial-interest"
STOCK = "https://accme.org/faq/if-individual-reports-they-own-stock-ineligible-company-how-should-provider-manage-relationship"
OPT = "https://accme.org/faq/if-individual-reports-they-have-stock-options-ineligible-company-how-should-provider-manage"
FAQS = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQ list)"
NONCLIN = "https://accme.org/highlights/compliance-check-non-clinical-education-and-standard-3"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
CERT = "http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy"
STATUS = "https://accme.org/about-accreditation/accreditation-status"
INIT = "http://accme.us/cme-providers/first-time-applicant/how-accme-makes-decisions"
JP = "https://accme.org/joint-providership"
JPC = "https://accme.org/news/compliance-check-joint-providership"
F7921 = "https://accme.org/faq/7921"
F7922 = "http://accme.org/faq/7922"
ABIM = "http://www.accme.org/cme-counts-abim-moc"
TIPS = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
NEEDS = "http://accme.org/rule/educational-needs/"
F780 = "http://accme.org/faq/780"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html (older AMA provider FAQ) + AMA PRA booklet rules as restated at bumc.bu.edu/cme"
AMADES = "AMA PRA booklet designation statement (restated meetingsnet.com 2006, aoeconsulting.com on format in statement); ama-assn.org"
AMADIR = "https://ama-assn.org/education/ama-pra-credit-system/unconventional-ways-earn-cme"
AMATEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
UEMS = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec ; http://www.uems.net/main.php?category=6"
EACC = "UEMS-EACCME LEE rules (slideplayer.com/slide/2326171 UEMS deck; worldmedicalregister.com/processes; uems.net)"
EAPM = "EACCME standard statements as used by accredited events (eapm.eu.com/eapm24-eaccme-credits); edhub.ama-assn.org/pages/applications"
JAG = "https://jointaccreditation.org/glance"
JAC = "http://www.jointaccreditation.org/designation-credits"
JAL = "https://jointaccreditation.org/joint-accreditation/for-learners"
JAA = "https://jointaccreditation.org/administrative-responsibilities"
JAR = "https://jointaccreditation.org/reaccredit/"
JAH = "https://jointaccreditation.org/about-joint-accreditation/history"
JA17 = "https://jointaccreditation.org/?p=9917"
JA25 = "Joint Accreditation brief report by the accreditors (doi 10.1080/21614083.2022.2146372)"
RC24 = "https://www.royalcollege.ca/en/newsroom/posts/evolution-of-the-moc-program-in-2024.html"
RCREG = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-fellows/moc-regulations-policies-for-fellows.html"
MBC = "https://www.mbc.ca.gov (Continuing Medical Education page); 16 CCR 1336"
IND = "https://www.in.gov/pla/professions/medical-licensing-board-of-indiana/physicianosteopathic-physician-continuing-education/"
MOORE = "Moore, Green & Gallis, JCEHP 2009;29(1):1-15 (checked via secondary restatements only)"

Q = []  # (question, label, topic, must_mention, lead, must_not, why)

def a(topic, q, mm, why, lead=None, must_not=None):
    Q.append(dict(question=q, label="answerable", topic=topic, must_mention=mm, lead=lead, must_not=must_not, why=why))

def other(label, q, why):
    Q.append(dict(question=q, label=label, topic="planning" if label in ("clinical", "off_topic") else NS_TOPIC.get(q, "accme"),
                  must_mention=[], lead=None, must_not=None, why=why))

YES = ["yes"]; NO = ["no"]

# ---------------- ACCME (75) ----------------
A = lambda *x, **k: a("accme", *x, **k)
A("quick q - how far back do faculty disclosures have to go now? our form still says 12 months lol",
  [["24 months", "24-month", "two years", "2 years", "past 24"]], "S3: collect all financial relationships within the prior 24 months. " + S3,
  must_not=["12 months is still correct", "12-month lookback is fine"])
A("is there a minimum $ amount for disclosure? our speaker says she only got like $300 from pfizer for one advisory board so it 'doesnt count'",
  [["no minimum", "any amount", "regardless of the amount", "no threshold", "any dollar amount"]], "S3: no minimum financial threshold. " + S3, lead=NO)
A("one of our faculty owns stock in a small privately held device startup (they make ablation catheters) and she's presenting on ablation techniques at our EP course. can she still present if we just disclose it??",
  [["owner", "ownership"]], "ACCME FAQ: stock in a privately held ineligible company makes the person an owner; excluded unless a Standard 3.2 exception applies (content here is related). " + STOCK, lead=NO)
A("faculty has stock options w/ a pharma co (not actual shares). does that make him an owner/employee under the standards?",
  [["mitigat"], ["disclos"]], "ACCME FAQ: stock options do not make an owner/employee; judge relevance, mitigate and disclose. " + OPT, lead=NO)
A("do planners have to report diversified mutual funds in their retirement acct?",
  [["mutual fund"]], "S3: individual stocks and options disclosed; diversified mutual funds need not be. " + S3, lead=NO)
A("what exactly has to be in the disclosure we show learners? trying to fix our template slide. names, companies... what else",
  [["nature"], ["mitigated"]], "S3.5: individual names, ineligible company names, nature of relationship, statement that all relevant relationships were mitigated. " + S3)
A("can we put the company logos next to each faculty's disclosure on the slide? marketing says it looks cleaner",
  [["logo"]], "S3: disclosure must identify ineligible companies by name only, no corporate or product logos. " + S3, lead=NO)
A("when do we have to mitigate? right now our content reviewer looks at slides the week after the speaker has already built the talk",
  [["before", "prior to"]], "S3.4: mitigate relevant relationships prior to individuals assuming their roles. " + S3)
A("is a PBM considered an ineligible company? one of our planning committee members works at a pharmacy benefit manager",
  [["pharmacy benefit manager", "PBM"]], "Eligibility: pharmacy benefit managers are listed as ineligible companies. " + ELIG, lead=YES)
A("we're an EHR vendor and want to become an accredited provider. are we even eligible",
  [["electronic health record", "EHR"]], "Eligibility: electronic health records companies are examples of eligible organizations. " + ELIG, lead=YES)
A("health insurance co / managed care org - eligible for ACCME accreditation y/n",
  [["insurance", "managed care"]], "Eligibility: insurance or managed care companies are eligible. " + ELIG, lead=YES)
A("diagnostic lab that sells its own proprietary genomic tests wants to get accredited so they can run CME. possible?",
  [["proprietary"]], "Eligibility: diagnostic labs that sell proprietary products are ineligible (labs without proprietary products are eligible). " + ELIG, lead=NO)
A("biotech startup w/ no product on the market yet but they've filed an IND with FDA. ineligible company or not?",
  [["regulatory approval", "approval process"]], "ACCME FAQ/eligibility: a biomedical startup is ineligible once it has begun a governmental regulatory approval process. " + FAQS + " ; " + ELIG, lead=["yes", "ineligible"])
A("a compounding pharmacy that makes its own proprietary compounds asked to be the joint provider on our pain mgmt course. ok?",
  [["ineligible"]], "Compounding pharmacies that manufacture proprietary compounds are ineligible; ineligible companies cannot be joint providers. " + ELIG + " ; " + JP, lead=NO)
A("can we ask our pharma supporter for speaker suggestions? they know all the KOLs in this space",
  [["ineligible"]], "ACCME FAQ: no, a provider should not request speaker or topic suggestions from ineligible companies. " + FAQS, lead=NO)
A("faculty gets patent royalties from a device company for a gadget he invented. can he still control content if we handle it properly?",
  [["mitigat", "disclos"]], "ACCME FAQ: patent royalty recipients are not owners or employees; may control content with appropriate steps (mitigate/disclose). " + FAQS, lead=YES)
A("can an employee of the device manufacturer run the hands-on station teaching how to use their ultrasound probe safely? they would NOT talk about when to use it",
  [["technician", "safe and proper use", "proper use"]], "S3.2 exception c: employees may teach safe and proper use of a device as technicians, not whether/when to use it. " + S3, lead=YES)
A("pharma employee (scientist) wants to present preclinical drug discovery methods at our research methods day, no clinical recommendations at all. allowed?",
  [["basic science", "research", "preclinical"]], "S3.2 exception b: basic science/research methodology content with no care recommendations. " + S3, lead=YES)
A("employee of a pharma co wants to give a talk on team communication / leadership at our society's meeting. nothing about drugs. is that allowed or are all employees banned",
  [["not related", "unrelated", "business lines"]], "S3.2 exception a: content not related to the business lines or products of their employer. " + S3, lead=YES)
A("do we need to collect disclosures for a physician mindfulness / wellbeing webinar?",
  [["non-clinical", "nonclinical"]], "Standard 3 exception: non-clinical education (leadership, communication, mindfulness) need not identify, mitigate or disclose. " + NONCLIN, lead=NO)
A("our monthly tumor board is basically just case discussion. exempt from std 3 then?",
  [["regularly scheduled", "set times", "tumor board"]], "Standard 3 exception for learner-controlled content excludes RSS, department rounds, M&M and tumor boards (per ACCME Standard 3 page as reproduced). " + S3, lead=NO)
A("M&M conference - do we still collect disclosure forms from the presenters or does the learners-control-content exception cover it",
  [["standard 3", "disclos"]], "M&M rounds are not covered by the exception; comply with Standard 3. " + S3, lead=YES)
A("how long before/after a CME session can exhibits or promo stuff be in the same room?",
  [["30 minutes", "30 min", "thirty minutes"]], "S5.2a: no marketing, exhibits or non-accredited industry education in the educational space within 30 minutes before or after. " + S5, lead=["30", "thirty"])
A("pharma wants to do a product theater lunch in the same ballroom at 12:15, right after our 11-12 CME session ends. that fine if we label it?",
  [["30 minutes", "30 min", "thirty"]], "S5.2a: 30-minute separation in the educational space. " + S5, lead=NO)
A("for our online course, can the supporter's ad play before the module starts? learners can click 'skip' after 5 sec",
  [["click"]], "S5.2b: learners must be able to engage without having to click through, watch or listen to product promotion. " + S5, lead=NO)
A("can the supporter's logo go on the title slide of each talk if it just says 'supported by'",
  [["logo"]], "S5.2c: educational materials (slides, handouts...) must not contain marketing incl. corporate or product logos. " + S5, lead=NO)
A("the sponsor wants their ad on the back of the printed agenda/venue map page, no educational content on it. is that allowed?",
  [["logistic", "schedule", "agenda"]], "S5.2d (per Standards text and ACCME-based tips): marketing may appear in materials without educational content, e.g. logistics/schedules. " + S5 + " ; aoeconsulting.com weekly tips", lead=YES)
A("exhibitors keep asking for our attendee list. we can just send it since they paid for booths right?",
  [["consent"], ["opt out", "opt-out"]], "S2.3: no sharing learner names/contact details with ineligible companies without explicit consent; learners must be able to opt out and still register. " + S2, lead=NO)
A("speaker wants to plug his own paid app at the end of his CME talk. ok since he wrote it himself?",
  [["promot", "sell"]], "S2.2: faculty must not actively promote or sell products/services that serve their professional or financial interests during accredited education. " + S2, lead=NO)
A("can we use the grant $ from the device co to pay travel + hotel for 5 fellows to come to the course?",
  [["learners", "fellows"], ["all learners", "reduce", "cost for all", "registration"]], "Standard 4: commercial support may not pay travel, lodging, honoraria or personal expenses of individual learners or groups; may reduce cost for all learners. " + S4 + " ; aoeconsulting.com", lead=NO)
A("do we actually need a written agreement for commercial support? the company said an email confirming the amount is fine",
  [["written agreement", "signed agreement"]], "Standard 4 (and former SCS 3.4-3.6): terms of commercial support documented in a written agreement. " + S4, lead=YES)
A("what do we have to tell learners about commercial support at a live course",
  [["name"], ["in-kind", "in kind"]], "Standard 4.4: disclose names of ineligible companies that gave support and nature of in-kind support, before learners engage, no logos. " + S4)
A("device co is lending us 10 ultrasound machines for the workshop, no cash. does that need to be disclosed to learners too",
  [["in-kind", "in kind"]], "Standard 4.4: disclose the nature of in-kind support. " + S4, lead=YES)
A("how long do we need to keep attendance records?",
  [["6 years", "six years"]], "Records policy: verify participation for six years from the date of the activity. " + REC, lead=["6", "six"])
A("are sign-in sheets required by ACCME? our new venue is all QR code check in",
  [["sign-in", "sign in"]], "Records policy: ACCME does not require sign-in sheets. " + REC, lead=NO)
A("how long do we keep the activity files (planning docs, disclosures etc)?",
  [["accreditation term", "current term"], ["12 months", "twelve months"]], "Records policy: current accreditation term or last twelve months, whichever is longer. " + REC)
A("do we HAVE to issue certificates to every attendee? a doc complained she didn't get one",
  [["certificate"]], "ACCME complaint summary: ACCME does not require certificates; providers must be able to record and verify participation. " + CERT, lead=NO)
A("how long is provisional accreditation",
  [["two year", "2 year", "2-year", "two-year"]], "Statuses: Provisional Accreditation is a two-year term. " + STATUS, lead=["2", "two"])
A("how many yrs do you get with accreditation w/ commendation",
  [["six", "6"]], "Statuses: Accreditation with Commendation is a six-year term. " + STATUS, lead=["6", "six"])
A("how many commendation criteria do we need to hit in total?",
  [["eight", "8"], ["achieves outcomes"]], "Any 7 menu criteria plus at least 1 from Achieves Outcomes = 8. " + STATUS, lead=["8", "eight"])
A("we're a first-time applicant - can we go straight for commendation?",
  [["provisional"]], "Initial applicants receive Provisional Accreditation (2-year term); commendation is for reaccreditation. " + STATUS + " ; " + INIT, lead=NO)
A("we just got put on probation :( can we still do joint providership with our state society partners",
  [["contracted", "prior to", "before"]], "Probation: may not jointly provide with nonaccredited providers, except activities contracted prior to the probation decision. " + JP, lead=NO)
A("standard (non-commendation) accreditation term is how long again?",
  [["four", "4"]], "Statuses: Accreditation is the standard four-year term. " + STATUS, lead=["4", "four"])
A("in joint providership who is on the hook with ACCME if the society messes up the disclosures - us or them?",
  [["accredited provider", "you are", "your organization", "the accredited"]], "Joint providership: the accredited provider is responsible for demonstrating compliance, even for tasks delegated. " + JP + " ; " + JPC)
A("device manufacturer wants to be listed as joint provider (they'd do all logistics). possible?",
  [["ineligible"]], "Ineligible companies cannot engage in joint providership. " + JP, lead=NO)
A("so ACCME accredits the organization (provider), not each individual course like EACCME does - right? a member asked if our course 'is ACCME accredited'",
  [["organization", "provider"]], "ACCME accredits organizations (providers) who then certify activities; EACCME approves individual events. " + ELIG + " ; " + UEMS, lead=YES)
A("what is PARS exactly",
  [["Program and Activity Reporting System"]], "PARS = ACCME Program and Activity Reporting System. " + F7921 + " ; " + ABIM)
A("where does CME Passport get its activity listings from? do we submit separately?",
  [["PARS", "Program and Activity Reporting System"]], "CME Passport data derive from what providers enter in PARS. " + F7921)
A("our grand rounds are internal / employees only. do they have to show publicly on CME Passport?",
  [["limited", "choose", "not have the activity listed"]], "FAQ: provider can choose not to list or mark registration 'limited'. " + F7921, lead=NO)
A("we're a med ed company, but our parent company also owns a pharma distributor. does that affect our eligibility?",
  [["parent"]], "ACCME self-assessment asks whether a parent company produces/markets/distributes healthcare products. " + SELF, lead=YES)
A("if someone complains to ACCME about our live course, how long after the course are we accountable?",
  [["12 months", "twelve months"]], "Records policy note: accountable for complaints 12 months from the date a live activity ended. " + REC, lead=["12", "twelve"])
A("and for enduring materials how long are we accountable for complaints",
  [["12 months", "twelve months"]], "Enduring: accountable while offered and 12 months thereafter. " + REC)
A("who exactly is banned from planning under standard 2?",
  [["owner"], ["employee"]], "S2.1: decisions made without influence or involvement from owners and employees of ineligible companies. " + S2)
A("our planning cmte has a med affairs guy from a pharma co as a non-voting advisor, he just suggests topics. that's ok right?",
  [["employee", "owner"]], "S2.1: no involvement of owners/employees of ineligible companies in planning. " + S2, lead=NO)
A("do learners get the disclosure info before or after the presentation?",
  [["before", "prior"]], "S3.5: disclose to learners before they engage. " + S3)
A("what's the official definition of an ineligible company? need it for our faculty form",
  [["primary business"], ["healthcare products", "health care products"]], "Ineligible: primary business is producing, marketing, selling, re-selling or distributing healthcare products used by or on patients. " + ELIG)
A("our health system owns infusion centers and a couple nursing homes. we're still eligible for accreditation, yes?",
  [["eligible"]], "Eligibility: infusion centers, nursing homes, hospitals/health systems are eligible examples. " + ELIG, lead=YES)
A("ad agency whose clients are all pharma — can their medical writers draft our enduring module content?",
  [["ineligible"]], "Advertising/marketing firms whose clients are ineligible companies are ineligible; their owners/employees cannot control content. " + ELIG + " ; " + S2, lead=NO)
A("is a dietary supplement maker an ineligible company? they want to give an unrestricted grant",
  [["supplement"]], "Ineligible examples include growers/manufacturers/sellers of medical foods and dietary supplements. " + ELIG, lead=YES)
A("company makes a consumer fitness wearable that tracks HRV. ineligible?",
  [["wearable"]], "Ineligible examples include manufacturers of health-related wearable products. " + ELIG, lead=YES)
A("how many standards are in the Standards for Integrity and Independence",
  [["five", "5"]], "Standards 1-5 (plus eligibility). " + S5 + " ; " + S3, lead=["5", "five"])
A("we have zero exhibits, zero industry marketing, no satellite symposia. does standard 5 even apply to us",
  [["only when", "applies only"]], "S5 applies only when there is marketing by ineligible companies or nonaccredited education associated with the accredited education. " + S5, lead=NO)
A("does std 3 apply to a tiny 1 hr webinar for 15 people too or just big conferences",
  [["all accredited"]], "Standard 3 applies to all accredited continuing education. " + S3, lead=YES)
A("there's a non-accredited industry-led session on day 2 of our congress (separate room). do we need to label it?",
  [["label"]], "S5.2a: parts of the event not accredited must be clearly labeled and communicated as such. " + S5, lead=YES)
A("speaker says his consulting for abbvie isn't relevant to his talk so he didn't list it. does he still have to disclose it to us?",
  [["regardless"]], "S3.1: individuals must disclose regardless of their view of relevance. " + S3, lead=YES)
A("who decides whether a financial relationship is 'relevant' - faculty or us?",
  [["provider"]], "S3: the accredited provider is responsible for identifying relevant relationships. " + S3)
A("what makes a relationship 'relevant' under std 3",
  [["business lines", "products"]], "S3: relevant if the educational content is related to the business lines or products of the ineligible company. " + S3)
A("for the 'nature of relationship' field what are acceptable answers? ppl keep writing 'yes'",
  [["consultant", "speaker", "advisor", "researcher", "employee"]], "S3.1b examples: employee, researcher, consultant, advisor, speaker, independent contractor, royalties, executive role, ownership. " + S3)
A("do we need to show the $ amount of each relationship to learners?",
  [["nature"]], "S3.5 lists names, companies, nature of relationship and mitigation statement; no dollar amount required. " + S3, lead=NO)
A("how many times a year does the ACCME board make accreditation decisions? trying to guess when we'll hear",
  [["three", "3"]], "ACCME decisions ratified by the Board three times a year. " + INIT + " ; accme.org reaccreditation page", lead=["3", "three"])
A("std 2 question - do the standards still let faculty mention brand names at all? or is that the 'marketing' part",
  [["marketing", "promot"]], "S2.2: education must be free of marketing or sales; S5.2c no trade names/product group messages in materials. " + S2 + " ; " + S5)
A("does our disclosure need to go to learners for a recorded online course too, or just live?",
  [["before", "prior"]], "S3 applies to all accredited CE; disclosure before learners engage. " + S3, lead=YES)
A("does standard 3 apply to the planners too or only the faculty speaking",
  [["planner"]], "S3.1: collect from all planners, faculty and others in control of content. " + S3, lead=YES)
A("if a speaker refuses to fill out the disclosure form what do we do. can she still speak",
  [["cannot", "can't", "may not", "exclude", "not be able"]], "S3: information must be collected from everyone in control of content; without it the provider cannot identify/mitigate (former SCS 2.2 disqualified refusers). " + S3, lead=NO)
A("software co building VR surgical sim games wants to be accredited, eligible?",
  [["software", "game"]], "Eligibility: software or game developers are eligible examples. " + ELIG, lead=YES)

# ---------------- AMA (28) ----------------
M = lambda *x, **k: a("ama", *x, **k)
M("our half-day runs 8:00-12:00 with a 30 min coffee break in the middle. how many cat 1 credits do we designate",
  [["3.5", "3.50", "three and a half"]], "AMA: 60 min = 1 credit, exclude breaks: 4h - 0.5h = 3.5. " + AMAFAQ, lead=["3.5", "three and a half"])
M("2 day course: day 1 8am-5pm w/ 1 hr lunch and two 15-min breaks; day 2 8am-12pm with one 15 min break. max credits?",
  [["11.25"]], "Day1 9h-1.5h=7.5; day2 4h-0.25h=3.75; total 11.25 (quarter-hour increments, breaks excluded). " + AMAFAQ, lead=["11.25"])
M("full day 9-4, lunch 12-1. from 2-4 we run 3 parallel tracks. someone on our team added it up as 10 credits, is that right?",
  [["6", "six"]], "Simultaneous sessions count once: 7h - 1h lunch = 6. " + AMAFAQ, lead=NO, must_not=["10 credits is correct"])
M("single 50 min talk - do we designate 0.75 or 1 credit?",
  [["0.75"]], "Quarter-hour increments, round to nearest quarter hour: 50 min -> 45 min = 0.75. " + AMAFAQ, lead=["0.75"])
M("can we designate credit after the fact? we forgot to put the designation on last month's symposium",
  [["advance", "retroactive"]], "AMA: designated in advance; cannot be retroactively designated. " + AMAFAQ, lead=NO)
M("who's allowed to designate AMA PRA Category 1 Credit?",
  [["ACCME"], ["state medical societ", "state-accredited", "recognized state"]], "Only providers accredited by ACCME or an ACCME-recognized state medical society. " + AMAFAQ)
M("need the exact AMA designation statement for a live activity pls",
  [["designates this live activity for a maximum of"], ["commensurate with the extent of their participation"]], "AMA credit designation statement incl. format. " + AMADES)
M("what's the designation statement for an enduring material (our on-demand recordings)?",
  [["designates this enduring material for a maximum of"], ["commensurate with the extent of their participation"]], "AMA designation statement names the format. " + AMADES)
M("can we (accredited provider) designate our informal journal club for AMA PRA Category 2?",
  [["self-claim", "self claim", "self-designat", "physicians claim", "claimed by"]], "Providers do not designate Category 2; physicians self-claim. " + AMAFAQ + " ; " + AMATEACH, lead=NO)
M("member published a peer-reviewed paper as first author in a MEDLINE journal. how many cat 1 can he claim from AMA?",
  [["10", "ten"]], "AMA direct credit: 10 credits per article as first listed author in MEDLINE-indexed journal. " + AMADIR, lead=["10", "ten"])
M("first author on a poster in the published abstracts of a cat 1 meeting - how many credits via AMA direct credit",
  [["5", "five"]], "AMA direct credit: 5 credits per poster. " + AMADIR, lead=["5", "five"])
M("one of our docs just finished an MPH. does that get her any AMA credit",
  [["25", "twenty-five"]], "AMA direct credit: medically related advanced degree = 25 credits. " + AMADIR, lead=YES)
M("how many AMA PRA cat 1 credits does a physician get for passing ABMS board certification / MOC?",
  [["60", "sixty"]], "AMA direct credit: 60 credits for ABMS certification/MOC completed on or after 9/1/2010. " + AMADIR, lead=["60", "sixty"])
M("ACGME residency year -> how many cat 1 credits through AMA?",
  [["20", "twenty"]], "AMA direct credit: 20 credits per year of ACGME-accredited residency/fellowship. " + AMADIR, lead=["20", "twenty"])
M("can our faculty get cat 1 for teaching med students and residents or is that only cat 2?",
  [["category 1"], ["2013", "learning associated", "preparing"]], "Since March 2013 AMA allows Cat 1 for learning associated with teaching students/residents (certified live activity). " + AMATEACH, lead=YES)
M("do we have to take breaks and lunch out of the credit total even if there's a 'networking' component?",
  [["exclud", "not count", "don't count", "do not count"]], "Credit = formal interaction between faculty and learners; breaks excluded. " + AMAFAQ, lead=YES)
M("an industry product theater happens at lunch during our meeting (not CME). we have to leave that hour out of the designated max, right?",
  [["exclud"]], "Sections not meeting the AMA definition of CME must be identified and excluded from the designated maximum. " + AMAFAQ, lead=YES)
M("doc left our 6-credit course at lunch but wants all 6 on her certificate, says she 'registered for 6'. can she claim all 6?",
  [["commensurate", "extent of their participation", "actually"]], "Physicians claim only credit commensurate with the extent of participation. " + AMAFAQ, lead=NO)
M("our specialty society isn't accredited. can we put 'AMA PRA Category 1 Credit' on our meeting anyway?",
  [["joint provid", "jointly provid", "joint sponsor"]], "Non-accredited orgs need joint providership with an accredited provider. " + AMAFAQ + " ; " + JP, lead=NO)
M("3 day meeting: day 1 12:30-5:30 with a 30-min break; day 2 8-5 w/ 1h lunch + two 15 min breaks; day 3 8:00-11:45 straight. total credits?",
  [["15.75"]], "4.5 + 7.5 + 3.75 = 15.75. " + AMAFAQ, lead=["15.75"])
M("90-minute live webinar, last 15 min is faculty Q&A. 1.25 or 1.5 credits?",
  [["1.5"]], "Q&A is formal interaction between faculty and learners: 90 min = 1.5. " + AMAFAQ, lead=["1.5"])
M("does the AMA require us to track how many credits each physician actually claims?",
  [["record"]], "Core requirement: a means to record the actual credits claimed by each physician. " + AMAFAQ, lead=YES)
M("the AMA owns the PRA credit system, not ACCME, correct?",
  [["AMA", "American Medical Association"]], "The AMA owns the AMA PRA credit system; ACCME accredits providers. " + AMADIR, lead=YES)
M("how many kinds of direct credit activities does the AMA list",
  [["six", "6"]], "AMA: six direct credit activities. " + AMADIR, lead=["6", "six"])
M("is there a fee for claiming AMA direct credit?",
  [["fee"]], "AMA: processing fee applies to direct credit. " + AMADIR, lead=YES)
M("40 min session, how many credits (rounding to quarters)",
  [["0.75"]], "Nearest quarter hour: 40 min -> 45 min = 0.75. " + AMAFAQ, lead=["0.75"])
M("does a cat 1 activity need an evaluation mechanism per AMA, or is that just an ACCME thing",
  [["evaluat"]], "AMA core requirements: use evaluation mechanisms to assess quality/relevance. " + AMAFAQ, lead=YES)
M("does the AMA credit system define CME content or can we certify anything non-promotional",
  [["definition of CME", "AMA definition"]], "Core requirement: conform to the AMA definition of CME, physician-appropriate depth, non-promotional. " + AMAFAQ)

# ---------------- MOC (15) ----------------
B = lambda *x, **k: a("moc", *x, **k)
B("since when can we register activities for ABIM MOC straight in PARS instead of applying to ABIM?",
  [["2015"]], "ACCME-ABIM collaboration effective 9/30/2015. " + ABIM)
B("annual meeting has 20 sessions, only 5 meet ABIM reqs. can we enter just 5 MOC points in PARS for the whole meeting?",
  [["5", "five"]], "FAQ: report annual meeting as one activity; adjust MOC points to only qualifying sessions. " + F7922, lead=YES)
B("do MOC points always equal CME credits?",
  [["usually", "most", "generally", "fewer", "less"]], "FAQ: for most activities same number, but may be fewer MOC points than credits. " + F7922, lead=NO)
B("what learner data do we have to send through PARS for MOC",
  [["board id", "id number", "certifying board"], ["birth"], ["completion date", "date of completion", "completed"]], "FAQ: board ID, first/last name, DOB mm/dd, completion date, credit type and amount. " + F7921)
B("how soon after a learner finishes do we need to report their MOC completion?",
  [["30 days", "thirty days"]], "FAQ: no more than 30 days after completion of evaluation requirements. " + F7921, lead=["30", "thirty"])
B("for ABP MOC can different learners get different numbers of MOC credits for the same activity?",
  [["same"]], "FAQ: for ABP all learners in the same activity must earn the same number of MOC credits. " + F7921 + " ; " + TIPS, lead=NO)
B("ABIM - are we allowed to give variable MOC points depending on how much of the course they did?",
  [["ABIM"]], "FAQ: ABIM, ABA, ABOHNS, ABPath allow different numbers of credits per engagement. " + F7921, lead=YES)
B("do we need the learner's permission before sending their data to the board?",
  [["permission", "consent"]], "FAQ: obtain permission from the learner to share credit info with their board via PARS. " + F7921, lead=YES)
B("for ABIM MOC does the evaluation have to be a multiple choice post test??",
  [["reflective", "question or series of questions", "comprehensive evaluation"]], "FAQ: comprehensive evaluation may be question(s) or a reflective task. " + F7922, lead=NO)
B("is the ABIM MOC statement mandatory on our materials? (the badge too?)",
  [["optional"], ["statement"]], "Badge optional; MOC statement mandatory. " + ABIM, lead=YES)
B("standard online course w/ quiz for ABIM - medical knowledge or practice assessment points?",
  [["medical knowledge"]], "ACCME tips: many wrongly register for Practice Assessment (Part IV) instead of Medical Knowledge (Part II). " + TIPS)
B("royal college MOC - how many credits per 5 yr cycle now? I have 400 in my head",
  [["250"]], "Royal College 2024: total credits per cycle reduced from 400 to 250. " + RC24, lead=["250"], must_not=["400 credits per cycle are still required"])
B("RC Section 3 requirement under the refreshed program?",
  [["25"], ["feedback received"]], "Section 3: minimum 25 credits per cycle including one Feedback Received activity. " + RC24)
B("when's the yearly deadline to report credits to the royal college?",
  [["january 31", "jan 31", "31 january"]], "RC: January 31 reporting deadline for the previous year. " + RC24 + " ; " + RCREG)
B("one of our Canadian members is fully retired from clinical practice and all related work. is she exempt from RC MOC?",
  [["exempt"]], "RC regulation 2.3.1: fully retired Fellows are exempt. " + RCREG, lead=YES)

# ---------------- EACCME (8) ----------------
E = lambda *x, **k: a("eaccme", *x, **k)
E("how far ahead do we need to submit the EACCME application for our congress in lisbon?",
  [["12 weeks", "twelve weeks", "3 months", "three months"]], "EACCME: apply at least 12 weeks before the event. " + EACC)
E("can we get EACCME credits for our annual meeting in boston?",
  [["USA", "United States", "U.S.", "North America", "Canada"]], "EACCME does not accept LEE applications for events held in the USA or Canada. " + EACC, lead=NO)
E("we forgot to apply before the event in Prague - can EACCME accredit it retroactively?",
  [["retro"]], "No retrospective accreditation. " + EACC, lead=NO)
E("how many ECMECs for a 90 min session?",
  [["1.5"]], "1 ECMEC per hour, 0.5 per 30 minutes. " + UEMS + " ; " + EAPM, lead=["1.5"])
E("EACCME - do they accredit the organization (like ACCME) or each event?",
  [["event", "activity"]], "EACCME approves individual events; approval valid only for the given event. " + UEMS)
E("can US docs who attend our EACCME accredited live congress convert the credits to AMA PRA cat 1?",
  [["AMA"]], "UEMS-AMA agreement: live EACCME credits convertible to AMA PRA Category 1 Credit. " + UEMS + " ; " + EAPM, lead=YES)
E("do EACCME accredited live events (outside Canada) count for royal college MOC section 1?",
  [["section 1", "group learning"]], "EACCME standard statement: live activities outside Canada recognized by EACCME are Accredited Group Learning Activities (Section 1). " + EAPM, lead=YES)
E("before EACCME approves it, can we advertise 'EACCME credits applied for'? what are we allowed to say",
  [["application has been made"]], "Until accreditation: only 'An application has been made to the EACCME for CME accreditation of this event'. " + EACC)

# ---------------- Joint Accreditation (8) ----------------
J = lambda *x, **k: a("joint-accreditation", *x, **k)
J("what % of our activities have to be interprofessional to stay jointly accredited?",
  [["25%", "25 percent", "25 %"]], "JA: at least 25% of education interprofessional. " + JA25, lead=["25"])
J("whats the official definition of IPCE",
  [["two or more professions"], ["with, from, and about", "with, from and about", "about, from, and with"]], "IPCE: two or more professions learn with, from, and about each other. " + JAG)
J("is the IPCE credit mandatory for JA providers?",
  [["optional"]], "IPCE credit is optional. " + JAC + " ; " + JA17, lead=NO)
J("exact IPCE credit statement wording pls",
  [["planned by and for the healthcare team"], ["for learning and change"]], "JA IPCE statement. " + JAC)
J("we're jointly accredited - can we still run a nursing-only activity and award just ANCC credit?",
  [["single profession", "single-profession", "appropriate credit", "one profession"]], "JA: for single-profession activities designate that profession's credit. " + JAC, lead=YES)
J("how many professions can JA cover now?",
  [["10", "ten"]], "JA: up to ten professions. " + JA25, lead=["10", "ten"])
J("which 3 accreditors founded Joint Accreditation",
  [["ACCME"], ["ACPE"], ["ANCC"]], "JA founders ACCME, ACPE, ANCC. " + JAH)
J("JA provider changing ownership - how quickly do we have to tell JA?",
  [["30 days", "thirty days"]], "Notify JA of changes in ownership/structure within 30 days. " + JAA, lead=["30", "thirty"])

# ---------------- credit systems (8) ----------------
C = lambda *x, **k: a("credit-systems", *x, **k)
C("when a US doc converts ECMECs from a European congress, what's the conversion rate to AMA cat 1?",
  [["equivalent", "1:1", "one-to-one", "one to one", "same number", "1 for 1"]], "UEMS-AMA: equivalent number of AMA PRA Category 1 Credits. " + UEMS + " ; " + EAPM)
C("IPCE credits - how do we calculate them? per hour like AMA?",
  [["estimate"]], "JA: IPCE credits calculated by the provider based on estimated time/reasonable estimate of hours of engagement. " + JAC)
C("how many different credit types can a JA provider offer?",
  [["11", "eleven"]], "JA: 11 types of health profession CE credit. " + JAL, lead=["11", "eleven"])
C("cat 1 vs cat 2 - whats the actual difference in one line",
  [["self-claim", "self claim", "self-designat", "claimed by the physician", "physician claims"]], "Cat 1 designated by accredited providers (or AMA direct); Cat 2 self-claimed. " + AMATEACH + " ; " + AMAFAQ)
C("do state medical boards accept IPCE credit for license renewal? heard FSMB said something",
  [["FSMB", "Federation of State Medical Boards"]], "FSMB recognized IPCE credit (2018) as an additional means of satisfying CME requirements. Journal of Medical Regulation 105(3), FSMB; " + JAL, lead=YES)
C("can our JA program award AAPA Category 1 CME credit for PAs?",
  [["AAPA"]], "JA credit types include AAPA Category 1 CME Credit. " + JAL, lead=YES)
C("what's the nursing credit called that JA providers give - CNE? contact hours?",
  [["ANCC", "CNE"]], "JA lists CNE (ANCC) credit. " + JAL)
C("what's the pharmacist credit called that JA providers award?",
  [["ACPE", "CPE"]], "JA lists CPE (ACPE) credit. " + JAL)

# ---------------- outcomes (6) ----------------
O = lambda *x, **k: a("outcomes", *x, **k)
O("does ACCME require a post-test for every activity?",
  [["post-test", "post test", "posttest"]], "ACCME FAQ: ACCME does not require post-tests for any type of activity. " + F780, lead=NO)
O("moore's levels - which level is performance?",
  [["5", "five"]], "Moore 2009: Level 5 performance. " + MOORE, lead=["5", "five"])
O("3a vs 3b in moore's framework?",
  [["declarative"], ["procedural"]], "3a declarative, 3b procedural knowledge. " + MOORE)
O("ACCME language: difference between competence and performance? my boss uses them interchangeably",
  [["practice"], ["strategy", "ability", "would do", "could"]], "ACCME FAQ: competence = ability/strategy (what you would do); performance = what is done in practice. " + F780)
O("what's moore level 7",
  [["community"]], "Level 7 community health. " + MOORE, lead=["community"])
O("we use case vignettes with a pre/post. what moore level is that measuring",
  [["competence", "level 4"]], "Level 4 competence: show in an educational setting how to do it (case vignettes). " + MOORE)

# ---------------- needs assessment (4) ----------------
N = lambda *x, **k: a("needs-assessment", *x, **k)
N("how does ACCME define a professional practice gap? need it for our planning form",
  [["achievable", "current professional knowledge", "best practice"]], "Gap = difference between processes/outcomes observed in practice and those achievable on current professional knowledge. " + NEEDS)
N("what types of educational needs does the educational needs criterion want us to identify?",
  [["knowledge"], ["competence"], ["performance"]], "Educational Needs: knowledge, competence, or performance underlying gaps. " + NEEDS)
N("do we have to run our own needs survey or can we use published data / guidelines for the gap?",
  [["source", "published", "data"]], "ACCME FAQ: provider does not have to collect needs data itself; many sources exist. " + F780, lead=NO)
N("can a practice gap be about leadership or research, not patient care?",
  [["not limited"]], "ACCME: professional practice not limited to clinical; includes research, administrative practice. " + NEEDS, lead=YES)

# ---------------- licensure (3) ----------------
L = lambda *x, **k: a("licensure", *x, **k)
L("how many CME hours do CA physicians need per renewal?",
  [["50", "fifty"], ["two", "2", "biennial"]], "MBC: minimum 50 hours during each two-year renewal cycle. " + MBC, lead=["50", "fifty"])
L("CA doc whose initial license was issued 10 months before expiration - still 50 hours?",
  [["25", "twenty-five"]], "16 CCR 1336(a): initial license issued <13 months -> 25 hours. " + MBC, lead=NO)
L("indiana - how many hrs of opioid CE for controlled substance registration renewal?",
  [["2", "two"]], "Indiana: two hours on opioid prescribing and opioid abuse for CSR renewal. " + IND, lead=["2", "two"])

# ---------------- near_scope (25) ----------------
NS = [
 ("accme", "when's our CME office's deadline to submit RSS renewals for next academic year?"),
 ("accme", "did ACCME approve our reaccreditation at the july board meeting? we're Riverside Health CME"),
 ("planning", "which LMS is best for CME, ethos vs cloudcme vs cvent? need to pick by friday"),
 ("licensure", "is dr. sarah kim at ucsf still under a medical board probation order?"),
 ("planning", "when and where is the alliance (ACEHP) annual conference next year?"),
 ("accme", "what's our org's policy cap on faculty honoraria? can't find it on the intranet"),
 ("moc", "did ABIM change its MOC fee last month?"),
 ("accme", "what did ACCME say in last week's webinar about AI-generated slides?"),
 ("accme", "is Meridian Medical Communications LLC currently ACCME accredited? checking a vendor"),
 ("outcomes", "how many learners completed our diabetes module last quarter?"),
 ("eaccme", "what will EACCME charge for our 800-person congress in 2027?"),
 ("moc", "when is my personal ABIM MOC deadline? my ID is 204117"),
 ("planning", "which vendor has the best disclosure-collection software right now?"),
 ("accme", "is the texas medical association taking new joint providership applications this month?"),
 ("accme", "who is the current CEO of ACCME as of this week?"),
 ("accme", "can you check whether our PARS year-end report went through yesterday?"),
 ("planning", "what's the early bird registration price for the Alliance meeting in 2027?"),
 ("planning", "which chicago hotel gives the best group rate for a 300 person CME meeting?"),
 ("moc", "did the royal college change section 3 again this week? saw a rumor on linkedin"),
 ("accme", "what's the status of dr. patel's disclosure form in our system?"),
 ("outcomes", "which outcomes vendor is better for us, CE Outcomes or Medscape's team?"),
 ("accme", "what did our ACCME surveyor Joan say on our self-study call yesterday?"),
 ("joint-accreditation", "has joint accreditation announced its 2027 fee increase yet?"),
 ("ama", "how many cat 1 credits has dr. lee earned this year in our tracker?"),
 ("accme", "what's PIM charging these days for joint providership on a 2-day meeting?"),
]
NS_TOPIC = {q: t for t, q in NS}
for t, q in NS:
    other("near_scope", q, "Needs provider-specific, person-specific, vendor-ranking or current/recent-news information no general knowledge base holds; bot should say it cannot know and point to the source.")

CLIN = [
 "for our AF talk - what's the apixaban dose for a pt with CrCl 25?",
 "should a 68 yo with CHA2DS2-VASc of 2 be anticoagulated? settling an argument from our planning call",
 "what's first line for HFrEF now, is it still ACE-i first or all 4 pillars at once?",
 "pediatric amoxicillin dose for AOM in a 15kg kid?",
 "can you give me the target A1c for an 80 yo frail diabetic? faculty disagrees",
 "whats the max tylenol dose per day for someone with cirrhosis",
 "is it safe to start an SGLT2 in a pt with eGFR 22?",
 "our speaker says statins cause dementia - is that true?",
 "how long to hold clopidogrel before elective surgery",
 "what's the best antibiotic for uncomplicated cystitis in pregnancy",
]
for q in CLIN:
    other("clinical", q, "Clinical/medical question: a CME bot must decline to give medical advice.")

OFF = [
 "good thai place near mccormick place?",
 "how do I do a vlookup across two sheets in excel",
 "write me a haiku about fridays",
 "what's the weather in denver this weekend",
 "how do i reset my slack password",
 "best python library for merging pdfs?",
 "who won the world series last year",
 "convert 30 eur to usd",
 "recommend a podcast for my commute",
 "how do I set an out-of-office in outlook",
]
for q in OFF:
    other("off_topic", q, "Not about CME; bot should politely decline/redirect.")

# ---------------- threads (40) ----------------
T = []
def th(first, second, follow, mm, why, lead=None, must_not=None):
    T.append(dict(turns=[first, second], follow_up=follow, must_mention=mm, lead=lead, must_not=must_not, why=why))

# 28 real follow-ups
th("speaker owns stock in a privately held device co and is presenting on that device class. can she present?",
   "ok what if it's public stock instead, like medtronic shares in her brokerage acct?", True,
   [["mitigat"], ["disclos"]], "Public stock: not owner; relevance, mitigate, disclose. " + STOCK, lead=YES)
th("half day 8-12 with a 30 min break, how many credits", "and if the break is only 15 min?", True,
   [["3.75"]], "4h - 0.25h = 3.75. " + AMAFAQ, lead=["3.75"])
th("how long before/after a live CME session do exhibits need to be out of the room?",
   "does that apply to our online course too or is there a different rule", True,
   [["click"]], "Online: no marketing while engaged; no click-through/watch product promotion. " + S5)
th("how far ahead do we apply to EACCME for a congress in Lisbon?",
   "what if the congress is in toronto instead", True,
   [["Canada"]], "EACCME does not accredit live events in USA/Canada. " + EACC, lead=NO)
th("royal college: how many credits per 5 year cycle now?", "and the annual minimum?", True,
   [["25", "twenty-five"]], "Annual minimum reduced from 40 to 25. " + RC24, lead=["25"])
th("what % of a JA provider's education has to be interprofessional?",
   "does a physicians-only activity count toward that %?", True,
   [["two or more", "interprofessional"]], "IPCE = two or more professions learning together; a physician-only activity is not IPCE. " + JAG + " ; " + JA25, lead=NO)
th("ABIM lets us give variable MOC points right?", "what about ABP?", True,
   [["same"]], "ABP: all learners must earn the same number. " + F7921, lead=NO)
th("how long do we keep attendance records", "and the planning files / activity docs?", True,
   [["12 months", "twelve months"], ["accreditation term", "current term"]], "Activity files: current term or 12 months, whichever longer. " + REC)
th("how long is provisional accreditation?", "and if we later get commendation, how long is that term?", True,
   [["six", "6"]], "Commendation six-year term. " + STATUS, lead=["6", "six"])
th("is an EHR company eligible for ACCME accreditation?", "what about a company that makes consumer health wearables?", True,
   [["wearable"]], "Health-related wearable makers are ineligible. " + ELIG, lead=NO)
th("health insurer wants to become accredited - eligible?", "their subsidiary is a PBM tho. is the PBM eligible?", True,
   [["pharmacy benefit manager", "PBM"]], "PBMs are ineligible. " + ELIG, lead=NO)
th("pharma employee giving a talk on team leadership (nothing about drugs) - ok?",
   "and if he instead presents on his company's drug class?", True,
   [["exclude", "cannot", "can't", "not allowed", "may not"]], "Content related to employer's business lines: owners/employees excluded. " + S3, lead=NO)
th("can we use commercial support to lower the registration fee for everyone?",
   "and if we only use it for travel for 5 fellows instead?", True,
   [["learner", "fellow"]], "Standard 4: not for individual learners' travel/lodging. " + S4, lead=NO)
th("how many CME hours do CA physicians need per renewal?", "and if the license was issued 10 months before it expires?", True,
   [["25", "twenty-five"]], "16 CCR 1336(a). " + MBC, lead=["25", "twenty-five"])
th("how many AMA credits for a first-author MEDLINE article?", "what about a poster?", True,
   [["5", "five"]], "AMA direct credit poster: 5. " + AMADIR, lead=["5", "five"])
th("how many AMA credits for a first-author MEDLINE article?", "and if she's third author?", True,
   [["first"]], "Direct credit only for first listed author. " + AMADIR, lead=NO)
th("our tumor board is exempt from std 3 right?", "ok but what about a spontaneous case chat in a team huddle, not scheduled?", True,
   [["spontaneous", "learners control", "exception"]], "Exception for spontaneous case conversations among peers (learners control content). " + S3, lead=["no", "exempt", "not need"])
th("do we need disclosures for a physician wellbeing webinar?",
   "what if one segment covers which sleep meds to prescribe?", True,
   [["clinical"]], "Prescribing content is clinical; non-clinical exception no longer covers it; Standard 3 applies. " + NONCLIN, lead=YES)
th("how many ECMECs for a 90 min session?", "and can US attendees convert those to AMA credit?", True,
   [["AMA"]], "Live EACCME credits convertible via AMA. " + UEMS, lead=YES)
th("faculty has stock options in a pharma co - owner?", "what about diversified mutual funds in his 401k?", True,
   [["mutual fund"]], "Diversified mutual funds need not be disclosed. " + S3, lead=NO)
th("can supporter logos go on the slides?", "what about the printed schedule / agenda page?", True,
   [["logistic", "schedule", "agenda"]], "Logistics materials may carry marketing. " + S5, lead=YES)
th("we're on probation - can we still jointly provide?", "even the ones we signed contracts for before the decision?", True,
   [["prior", "before", "contracted"]], "Exception for activities contracted prior to probation. " + JP, lead=YES)
th("how soon do we report learner MOC completions?", "does ABP let us report partial credit?", True,
   [["partial", "variable", "once"]], "ABP cannot accept variable/partial/repeating credit. " + TIPS, lead=NO)
th("is the IPCE credit mandatory for JA providers?", "ok if we use it what's the exact statement?", True,
   [["planned by and for the healthcare team"], ["for learning and change"]], "IPCE statement. " + JAC)
th("exact designation statement for our live course?", "and for the on-demand recordings we post after?", True,
   [["enduring material"]], "Enduring material format in designation statement. " + AMADES)
th("speaker owns part of a private diagnostics company w/ proprietary tests; her talk is on physician burnout. can she present?",
   "and if the talk is about screening tests in her company's area?", True,
   [["owner", "exclude", "cannot", "can't"]], "Owner excluded when content related to company's business lines. " + STOCK + " ; " + S3, lead=NO)
th("how long before/after a CME session do exhibits have to be out of the educational space?",
   "so a product theater 45 min after our session ends in the same room is ok?", True,
   [["30"]], "Outside the 30-minute window; label non-accredited. " + S5, lead=YES)
th("RC section 3 requirement now?", "and sections 1 and 2 - still 25 each?", True,
   [["no minimum", "removed", "no longer"]], "Section 1 and 2 minimums removed. " + RC24, lead=NO)

# 12 topic changes (second turn standalone); last two decline
th("how far back do disclosures go under std 3?", "separate q - how many credits do we designate for a 50 min lecture?", False,
   [["0.75"]], "Nearest quarter hour. " + AMAFAQ, lead=["0.75"])
th("is a PBM ineligible?", "unrelated: what's the IPCE credit statement wording?", False,
   [["planned by and for the healthcare team"]], JAC)
th("how long is commendation?", "diff topic - does ACCME require post-tests?", False,
   [["post-test", "post test", "posttest"]], F780, lead=NO)
th("can we share attendee lists with exhibitors?", "also, how long do we keep attendance records?", False,
   [["6 years", "six years"]], REC, lead=["6", "six"])
th("EACCME deadline for a Lisbon congress?", "switching gears: what learner data do we report for ABIM MOC in PARS?", False,
   [["board id", "id number", "certifying board"], ["birth"]], F7921)
th("ABIM MOC reporting window?", "new q: is a diagnostic lab w/o proprietary products eligible for accreditation?", False,
   [["eligible"]], ELIG, lead=YES)
th("royal college reporting deadline?", "other thing - how many direct credits does AMA give for an ACGME residency year?", False,
   [["20", "twenty"]], AMADIR, lead=["20", "twenty"])
th("what's Moore level 5?", "different topic: can a device manufacturer be our joint provider?", False,
   [["ineligible"]], JP, lead=NO)
th("what is PARS?", "unrelated - how many professions does joint accreditation cover?", False,
   [["10", "ten"]], JA25, lead=["10", "ten"])
th("what counts as a practice gap?", "also: are sign-in sheets required?", False,
   [["sign-in", "sign in"]], REC, lead=NO)
th("how many commendation criteria do we need?", "totally unrelated but what's the max acetaminophen dose in cirrhosis?", False,
   [], "Second turn is clinical: must decline.")
th("do MOC points always equal credits?", "also did ACCME approve our reaccreditation at last month's board meeting? we're Lakeside Health", False,
   [], "Second turn is near-scope (own org's recent decision): must decline.")

def clean(d):
    return {k: v for k, v in d.items() if v is not None}

def main():
    rng = random.Random(SEED)
    qs = Q[:]
    rng.shuffle(qs)
    with open(os.path.join(OUT, "questions.jsonl"), "w") as f:
        for i, d in enumerate(qs, 1):
            rec = {"id": f"ds18-{i:04d}", "question": d["question"], "label": d["label"],
                   "answerable": d["label"] == "answerable", "topic": d["topic"],
                   "must_mention": d["must_mention"]}
            if d.get("lead"): rec["lead"] = d["lead"]
            if d.get("must_not"): rec["must_not"] = d["must_not"]
            rec["why"] = d["why"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "threads.jsonl"), "w") as f:
        for i, d in enumerate(T, 1):
            rec = {"id": f"ds18-thread-{i:03d}", "turns": d["turns"], "follow_up": d["follow_up"],
                   "must_mention": d["must_mention"]}
            if d.get("lead"): rec["lead"] = d["lead"]
            if d.get("must_not"): rec["must_not"] = d["must_not"]
            rec["why"] = d["why"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    lab = Counter(d["label"] for d in Q)
    top = Counter(d["topic"] for d in Q if d["label"] == "answerable")
    yn = Counter(tuple(d["lead"]) for d in Q if d.get("lead") in (YES, NO))
    print("labels", dict(lab)); print("answerable topics", dict(top))
    print("yes/no leads", {k[0]: v for k, v in yn.items()}, "other leads", sum(1 for d in Q if d.get("lead") and d["lead"] not in (YES, NO)))
    print("threads", len(T), "follow_up", sum(d["follow_up"] for d in T))

if __name__ == "__main__":
    main()
