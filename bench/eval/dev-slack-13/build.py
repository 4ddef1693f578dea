#!/usr/bin/env python3
"""Generator for dev-slack-13 (seed 13). Run: python3 build.py  (writes questions.jsonl, threads.jsonl)."""
import json, random, os
from collections import Counter
OUT = os.path.dirname(os.path.abspath(__file__))
A = "https://accme.org"
S2 = A+"/rule/prevent-commercial-bias-and-marketing-in-accredited-continuing-education"
S3 = A+"/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
NC = A+"/highlights/compliance-check-non-clinical-education-and-standard-3"
EL = A+"/rule/eligibility"
EXP = A+"/about-accreditation/expectations-eligibility"
ST = A+"/about-accreditation/accreditation-status"
REC = A+"/rule/cme-activity-and-attendance-records-retention"
ONL = "http://www.accme.org/faq/10511"
ABIM = "http://www.accme.org/cme-counts-abim-moc"
F22 = "http://accme.org/faq/7922"
F21 = A+"/faq/7921"
MOCT = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
RC = A+"/cme-counts-for-royal-college-moc"
AC = A+"/accreditation-rules/accreditation-criteria/analyzes-change"
NEED = "http://accme.org/rule/educational-needs/"
SIDE = "http://www.accme.org/ask-accme/about-accme?page=1"
ASKR = "http://www.accme.org/ask-accme/accreditation-requirements?page=5"
PUB = A+"/accreditation-rules/policies/publicizing-accme-accreditation"
AMAF = "http://www.ama-assn.org/ama/pub/category/16354.html"
AMAB = "AMA PRA booklet rules as restated at bumc.bu.edu/cme (no current ama-assn.org copy found)"
JAI = "https://jointaccreditation.org/credit-requirements-ipce-credit-mark/"
JAP = "https://jointaccreditation.org/ce-planning-implementation"
JAL = "https://jointaccreditation.org/joint-accreditation/for-learners"
JAG = "https://jointaccreditation.org/glance"
JAH = "https://jointaccreditation.org/about-joint-accreditation/history"
JA17 = "https://jointaccreditation.org/?p=9917"
UEMS = "http://www.uems.net/main.php?category=6"
RCS = "https://capmrconference.ca (restating Royal College MOC framework); royalcollege.ca MOC pages"
RCN = "https://newsroom.royalcollege.ca/is-this-your-first-time-completing-your-moc-5-things-to-know/"
IN = "https://www.in.gov/pla/professions/medical-licensing-board-of-indiana/physicianosteopathic-physician-continuing-education/"

Y = ["yes"]; N = ["no"]
def q(text, topic, mm, why, lead=None, must_not=None):
    return dict(question=text, label="answerable", topic=topic, must_mention=mm, lead=lead, must_not=must_not, why=why)

ans = []
# ---------------- accme (75) ----------------
T = "accme"
ans += [
q("our speaker owns stock in a publicly traded pharma co, shes presenting on a diabetes drug class they sell. do we have to kick her off or just disclose?", T,
  [["mitigat"],["disclos"]], "Public-company stock is not ownership: relevant relationship -> mitigate and disclose. "+S3+" ; stock FAQ restated at aoeconsulting (accme FAQ)"),
q("how far back do faculty disclosures go now? someone on our committee says 12 months", T, [["24 months","24-month","two years","2 years"]], "Std 3.1: prior 24 months. "+S3),
q("is there a minimum $ amount before a faculty member has to disclose a relationship w/ an ineligible company?", T, [["no minimum","no threshold","any amount","regardless of the amount","no dollar"]], "Std 3: no minimum financial threshold. "+S3, N),
q("do planners need to disclose diversified mutual funds", T, [["mutual fund"]], "Std 3.1b: diversified mutual funds need not be disclosed. "+S3, N),
q("Quick one - do individual stock options count as something faculty have to disclose to us?", T, [["stock option","options"]], "Std 3.1b: individual stocks and stock options should be disclosed. "+S3, Y),
q("what exactly has to be in the disclosure we show learners? we currently just say 'dr x has relationships'", T,
  [["name"],["company","companies"],["nature"],["mitigated"]], "Std 3.5: names of individuals, company names, nature, statement that all were mitigated. "+S3),
q("can we put the company logos in the disclosure slide so it looks nicer", T, [["name only","names only","no logo","not include","must not","cannot","can't"]], "Std 3: identify ineligible companies by name only, no logos. "+S3, N),
q("if none of our planners or faculty have relevant relationships do we still have to tell learners anything?", T, [["absence","no relevant","none"]], "Std 3: disclose absence as well as presence. "+S3, Y),
q("when does mitigation have to happen - before the talk or before they start their role?", T, [["before","prior to"],["role"]], "Std 3.4a: mitigate prior to individuals assuming their roles. "+S3),
q("we have a leadership / communication skills workshop for dept chairs. do we need to collect disclosures at all?", T, [["non-clinical","nonclinical"]], "Std 3 exception: non-clinical education (leadership, communication). "+NC, N),
q("our tumor board is an RSS - does the 'learners control content' exception get us out of std 3?", T, [["tumor board","regularly scheduled","rss"]], "Exception 2 does not apply to RSS, M&M, tumor boards. "+S3+" ; restated cmadocs", N),
q("mindfulness session for residents+attendings, accredited. do we have to identify/mitigate/disclose?", T, [["non-clinical","nonclinical"]], "Non-clinical education exception. "+NC, N),
q("hey all, an employee of a device manufacturer wants to teach our fellows how to safely operate the device (not when to use it). allowed?", T, [["technician","safe and proper use","safe use"]], "Std 3 exception c for owners/employees as technicians. "+S3+" ; restated text of Std 3.2", Y),
q("can an employee of a pharma company be on our planning committee for a cardiology conference that covers their drugs?", T, [["exclude","excluded","cannot","may not","not allowed"]], "Std 2.1/3.2: owners/employees of ineligible companies excluded from controlling content unless an exception applies. "+S2, N),
q("pharma employee wants to talk about basic science / preclinical drug discovery methods only, no care recs. is that one of the exceptions?", T, [["basic science","research","preclinical"]], "Std 3 exception b. "+S3+" (Std 3.2 text)", Y),
q("Is a PBM an ineligible company under the ACCME standards?", T, [["pharmacy benefit manager","pbm"]], "Eligibility: PBMs listed as ineligible. "+EL, Y),
q("we're an EHR vendor - can we get accredited by ACCME?", T, [["electronic health record","ehr","eligible"]], "EHR companies listed as eligible examples. "+EL, Y),
q("is a health insurer considered an ineligible company?", T, [["insur","managed care","eligible"]], "Insurance/managed care companies are eligible. "+EL, N),
q("diagnostic lab that sells its own proprietary tests - eligible or ineligible?", T, [["ineligible"]], "Diagnostic labs that sell proprietary products are ineligible. "+EL),
q("is a dietary supplement maker an ineligible company", T, [["ineligible"]], "Sellers of medical foods and dietary supplements are ineligible. "+EL, Y),
q("our ad agency partner only has pharma clients - can they be a joint provider w/ us?", T, [["ineligible"]], "Ad/marketing firms whose clients are ineligible companies are ineligible; ineligible companies cannot be joint providers. "+EL, N),
q("biotech startup, hasnt started FDA process yet. are they ineligible?", T, [["regulatory approval","approval process"]], "Startups are ineligible once they have begun a governmental regulatory approval process. "+EL, N),
q("compounding pharmacy that makes its own proprietary compounds - ineligible?", T, [["proprietary"]], "Compounding pharmacies that manufacture proprietary compounds are ineligible. "+EL, Y),
q("is a software / game developer eligible to be accredited", T, [["eligible"]], "Software or game developers listed as eligible examples. "+EL, Y),
q("does ACCME accredit individual activities? a society asked us to 'get their meeting accredited'", T, [["organization","provider"]], "ACCME accredits organizations, not individual activities. "+EXP, N),
q("whats the cutoff for being accredited by ACCME directly vs a state medical society? something about 30%?", T, [["30%","30 percent","thirty percent"]], "National: >=30% learners from beyond home/contiguous states. "+EXP),
q("can we hold ACCME accreditation and state medical society accreditation at the same time?", T, [["not","cannot","may not"]], "A provider may not maintain both at the same time. "+EXP, N),
q("how long is provisional accreditation", T, [["two year","2 year","2-year","two-year"]], "Provisional Accreditation is a two-year term. "+ST),
q("how many years do you get with Accreditation with Commendation?", T, [["six","6 year","6-year","6 years"]], "Commendation: six-year term. "+ST, ["6","six"]),
q("standard accreditation term length?", T, [["four","4 year","4-year","4 years"]], "Accreditation: four-year term. "+ST, ["4","four"]),
q("how many commendation criteria do we need and does one have to be from a specific group", T, [["eight","8"],["achieves outcomes"]], "Any 7 from any category plus at least 1 from Achieves Outcomes = 8. "+ST, ["8","eight"]),
q("we're a first-time applicant. can we go for commendation right away?", T, [["provisional"]], "Initial applicants get Provisional Accreditation (2 years); commendation applies at reaccreditation. "+ST+" ; accme.us first-time applicant page", N),
q("is commendation optional for us or do all providers have to go for it?", T, [["option","optional","may aim","choose"]], "Providers may aim to achieve commendation; it is optional. "+ST, Y),
q("what are the accreditation statuses ACCME can give? list pls", T, [["provisional"],["commendation"],["probation"],["nonaccreditation","non-accreditation"]], "Five statuses. "+ST),
q("how long must we keep attendance records so we can verify a doc's participation?", T, [["six years","6 years","six-year","6-year"]], "Attendance: verify participation for six years from the activity date. "+REC),
q("can we just use our online registration system instead of paper sign-in sheets for attendance?", T, [["registration method","sign-in","choose","whatever"]], "Provider free to choose registration method; sign-in sheets not required. "+REC, Y),
q("how long do we keep activity planning files? we're 4 yrs into a 6 yr term", T, [["accreditation term","current term"],["12 months","twelve months"]], "Activity files: current accreditation term or 12 months, whichever is longer. "+REC),
q("does ACCME require us to issue certificates?", T, [["not require","does not require","doesn't require"]], "ACCME does not require certificates of attendance (complaint summary). accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy", N),
q("exhibit hall opens right next to the ballroom. how close in time can the industry-sponsored product theater be to our accredited session?", T, [["30 minutes","30-minute","thirty minutes"]], "Std 5.2a: not in the educational space within 30 minutes before or after. "+S5),
q("our online module has a pre-roll ad from a device company - learners can skip it after 5 sec. ok?", T, [["click through","must not","not be presented","cannot","can't"]], "Std 5.2b: learners must not have to click through/watch ads. "+S5, N),
q("can slides in the accredited talk carry the supporter's logo at the bottom? just a small one", T, [["no","must not","cannot","not contain"]], "Std 5.2c: educational materials must not contain logos/trade names. "+S5, N),
q("can the agenda / logistics page of the syllabus carry sponsor ads?", T, [["logistic","schedule"]], "Marketing may appear in materials that are not educational content such as logistics/schedules. "+S5+" ; restated aoeconsulting", Y),
q("we want to share attendee emails with our grant supporter. what do we need?", T, [["consent"],["opt out","opt-out"]], "Std 2.3: explicit consent; clearly visible; learner can opt out and still register. "+S2),
q("is it enough to bury the data-sharing consent in our T&Cs at registration?", T, [["visible","hidden","not meet"]], "Consent statement must be clearly visible; hidden in T&Cs does not meet expectation. "+S2, N),
q("can faculty promote their own book / app during the accredited talk", T, [["must not","not actively promote","cannot","no"]], "Std 2.2: faculty must not actively promote or sell products/services that serve their interests. "+S2, N),
q("does std 4 apply if we get no commercial support at all?", T, [["only"],["commercial support"]], "Std 4 applies only when there is commercial support. accme.org/standards (via ACCME search listing)", N),
q("can the supporter pay the hotel directly for our meeting room?", T, [["must not pay directly","not pay directly","no","cannot"]], "Std 4: ineligible companies must not pay directly for expenses of the education. Std 4 text as restated by Dignity Health CME page quoting ACCME", N),
q("can we use a commercial grant to cover a few residents' travel to our course?", T, [["not","cannot","must not"],["learner"]], "Std 4: cannot pay travel/lodging/honoraria/personal expenses of learners; can reduce cost for all learners. restated Std 4 (Dignity Health/aoeconsulting)", N),
q("can commercial support pay faculty honoraria?", T, [["honorari"]], "Std 4: may fund honoraria/travel of planners, faculty for those roles only. restated Std 4", Y),
q("can we use the grant to lower registration fees for everyone", T, [["all learners","everyone","all"]], "Std 4: may defray or eliminate cost for all learners. restated Std 4", Y),
q("which standards apply to ALL accredited CE and which only sometimes?", T, [["standard 4","std 4"],["standard 5","std 5"],["commercial support"]], "Std 1-3 all; Std 4 only with commercial support; Std 5 only with marketing/nonaccredited education. "+S5+" ; "+S3),
q("does std 5 apply to a conference with no exhibits and no industry marketing at all?", T, [["only"],["marketing","nonaccredited","ancillary"]], "Std 5 applies only when there is marketing by ineligible companies or nonaccredited education. "+S5, N),
q("nonaccredited business meeting right after accredited session - do we need the 30-minute gap?", T, [["no","not"]], "FAQ: no 30-minute interval needed for sessions that fit Std 3 exceptions; Std 5.2a targets marketing/nonaccredited education developed with ineligible-company influence. ACCME FAQ via "+A+"/search ; "+S5, N),
q("we want to post our accredited videos on youtube-ish platform. anything ACCME says?", T, [["marketing","advertis"],["learner"]], "FAQ: ensure no product marketing while engaged; learner info not shared with ineligible companies without consent. "+ONL),
q("do the integrity & independence standards apply to our virtual activities too, same as in-person?", T, [["virtual","in-person","whether"]], "FAQ: current requirements apply whether in-person or virtual. "+ONL, Y),
q("what's the definition of ineligible company in one line", T, [["producing, marketing","primary business"]], "Eligibility: primary business is producing, marketing, selling, re-selling, or distributing healthcare products used by or on patients. "+EL),
q("if a faculty member refuses to give us disclosure info what happens", T, [["disqualif","cannot participate","cannot","excluded","can't"]], "Those who refuse to disclose cannot participate (ACCME Ask ACCME). "+ASKR+" ; KMA form restating standards"),
q("can disclosure info be collected verbally from faculty?", T, [["verbal"],["verify","verif"]], "Providers may accept verbal disclosure but must be able to verify the individual was given the definition and 24-month instruction. ACCME Std 3 key concepts (restated by peniya copy of accme page)", Y),
q("research funding goes to the university not the PI personally. does the PI disclose it?", T, [["principal investigator","pi","named investigator","yes"]], "Research funding disclosed by the principal/named investigator even if institution receives it. Std 3 text restated (pimed, ACCME wording)", Y),
q("does std 3 apply to every accredited activity or only ones with commercial support?", T, [["all accredited","all"]], "Standard 3 applies to all accredited continuing education (exceptions listed). "+S3),
q("if our annual meeting becomes an enduring material afterwards is it the same activity?", T, [["separate"]], "Ask ACCME: enduring material made from a live activity is a separate activity. "+SIDE, N),
q("how do we calc 'hours of instruction' for PARS on an 8 hr day with breaks", T, [["not including breaks","excluding breaks","exclude breaks","without breaks"]], "Ask ACCME: hours of instruction exclude breaks/meals. "+SIDE),
q("does ACCME require us to measure patient outcomes?", T, [["not require","does not require","doesn't require","no"]], "Ask ACCME: no requirement to measure patient outcomes. "+ASKR, N),
q("ACCME joint providership: who's responsible for compliance, us (accredited) or the partner?", T, [["accredited provider","you","your organization"]], "Accredited provider is responsible; accreditation at risk if jointly provided activity noncompliant. cmadocs.org reprint of ACCME letter (2023)"),
q("after accreditation can we put out a press release? any approved wording?", T, [["reviewed by the accreditation council","awarded"]], "ACCME provides sample language. "+PUB, Y),
q("can PBM employees teach at our pharmacy-benefit design session?", T, [["exclude","excluded","unless","exception"]], "PBM = ineligible; employees excluded (content is related to their business line, so exception a does not apply). "+EL+" ; "+S3, N),
q("planner has a speakers bureau relationship with a company making asthma inhalers; she's planning a dermatology course. relevant?", T, [["not relevant","no"]], "Relevance = content related to company's business lines/products. "+S3, N),
q("who decides whether a relationship is relevant - the faculty member or us?", T, [["provider","accredited provider","you"]], "Accredited provider determines relevance; individuals disclose regardless of their view. "+S3),
q("how many ACCME standards for integrity and independence are there?", T, [["five","5 standards"]], "Five Standards (1 valid content, 2 prevent bias, 3 relationships, 4 commercial support, 5 ancillary). "+S5+" ; "+S3, ["5","five"]),
q("can a hospital system be accredited?", T, [["hospital"]], "Hospitals/healthcare delivery systems listed as eligible. "+EL, Y),
q("nursing home wants accreditation, eligible?", T, [["eligible"]], "Nursing homes eligible. "+EL, Y),
q("is a wearable fitness tracker manufacturer ineligible", T, [["wearable"]], "Manufacturers of health-related wearable products are ineligible. "+EL, Y),
q("our learners are all from our own state. who accredits us?", T, [["state medical society","recognized accreditor"]], "Providers with >=70% learners from home/contiguous states usually accredited by ACCME-recognized state medical society. "+EXP),
q("do M&M rounds fall under the std 3 exception for learner-controlled content?", T, [["m&m","morbidity","regularly scheduled"]], "M&M rounds do not fall under the exception. cmadocs (Compliance Corner restating ACCME) ; "+S3, N),
q("are team huddles / impromptu case convos among peers exempt from std 3?", T, [["spontaneous","learner","peer"]], "Spontaneous case conversations among peers: exception 2. cmadocs restating ACCME ; "+S3, Y),
]
# ---------------- ama (28) ----------------
T = "ama"
ans += [
q("agenda: 8:00-12:00 with a 30 min break, lunch 12-1, 1:00-4:00 w/ 15 min break. how many AMA PRA cat 1 credits max?", T, [["6.25"]], "60 min = 1 credit, exclude breaks/meals: 3.5 + 2.75 = 6.25. "+AMAB, ["6.25"]),
q("two-day course, each day 7.5 hrs of education after breaks. max credits?", T, [["15"]], "7.5 x 2 = 15. "+AMAB, ["15"]),
q("we run 3 parallel tracks of 2 hrs each in the afternoon. do we add 6 credits for that block?", T, [["once","2","two"]], "Simultaneous sessions count once toward designated maximum. "+AMAB, N),
q("session is 50 minutes. can we designate 0.75 or 1?", T, [["0.75"]], "Quarter-credit increments, round to nearest quarter hour: 50 min is nearer 45 than 60 -> 0.75. "+AMAB, ["0.75"]),
q("whats the exact AMA designation statement wording", T, [["designates this"],["maximum of"],["commensurate with the extent of their participation"]], "Designation statement. "+AMAB+" ; boardvitals restatement"),
q("can we designate credit retroactively for a grand rounds that already happened?", T, [["advance","retroactive"]], "Must be designated in advance; no retroactive designation. "+AMAF, N),
q("can a non-accredited specialty society designate AMA PRA cat 1 credit on its own?", T, [["accredited","joint provider","joint sponsor","joint providership"]], "Only ACCME/state-accredited orgs, or via joint providership. "+AMAF, N),
q("can we as providers designate AMA PRA Category 2 credit?", T, [["not","do not","cannot"]], "Accredited providers do not designate Category 2. "+AMAB, N),
q("for enduring materials how is credit determined", T, [["estimate","time it takes","time to complete","completion time"]], "Enduring: credit based on estimated time to complete. "+AMAB+" ; aoeconsulting", None),
q("does an enduring material need an assessment for AMA credit?", T, [["assessment"],["minimum","passing","performance level"]], "2011 AMA update: enduring must include assessment with minimum performance level communicated beforehand. policymed/meetingsnet restating ama-assn.org/go/prabooklet", Y),
q("do we need to tell learners the passing score before they start our online module?", T, [["before","prior"]], "Minimum performance level communicated prior to participating. policymed restating AMA booklet", Y),
q("journal CME - does it need a post-test w/ minimum performance?", T, [["assessment"]], "Journal-based CME must include an assessment with minimum performance level. policymed restating AMA booklet", Y),
q("PI CME - does the doc have to start at stage A?", T, [["stage a"]], "Physicians must begin PI CME with Stage A. meetingsnet restating AMA 2011 update", Y),
q("can nurses get AMA PRA Category 1 Credit?", T, [["physician","md","do"],["participation","attendance"]], "AMA PRA Category 1 Credit only for MDs/DOs; others get certificate of participation. meetingsnet 2006 / AMA RC agreement text", N),
q("minimum credit you can designate for a live activity?", T, [["0.25","quarter"]], "Minimum 0.25 credit, quarter-credit increments. "+AMAB+" ; aoeconsulting", ["0.25"]),
q("can providers round to nearest quarter hour", T, [["quarter"]], "Round to nearest quarter hour. "+AMAB, Y),
q("a section of our meeting isn't CME (society business). what do we do about credit?", T, [["exclude","excluded","identif"]], "Non-CME sections identified and excluded from designated maximum. "+AMAB),
q("1 hr webinar live with Q&A. credit?", T, [["1 credit","one credit","1.0","1 ama","one ama"]], "60 minutes of participation = 1 credit. "+AMAB, ["1","one"]),
q("90 minute symposium, how many credits", T, [["1.5"]], "90/60 = 1.5. "+AMAB, ["1.5"]),
q("half day 8:30-12:15 with one 15 min coffee break. max credits?", T, [["3.5"]], "225 - 15 = 210 min = 3.5. "+AMAB, ["3.5"]),
q("3-day conf: day1 6h, day2 6.5h, day3 3h educational time (breaks already excluded). total?", T, [["15.5"]], "6+6.5+3 = 15.5. "+AMAB, ["15.5"]),
q("what should physicians claim if they left early", T, [["commensurate","extent of their participation","actually"]], "Claim only credit commensurate with participation. "+AMAB),
q("does the AMA designation statement use italics / trademark for the credit name?", T, [["italic"],["tm","trademark","™"]], "AMA PRA Category 1 Credit(TM) italicized with trademark. meetingsnet 2006 AMA update", Y),
q("can we say 'ACCME credit' on our flyer instead of the full AMA credit name?", T, [["ama pra category 1 credit"]], "Must use AMA PRA Category 1 Credit(TM), not 'ACCME credit'. meetingsnet 2006 AMA update", N),
q("can US docs convert EACCME credits to AMA credit?", T, [["convert"],["1","one","equivalent"]], "UEMS-AMA agreement; 1 hour = 1 credit; via AMA (edhub). "+UEMS+" ; eaccme statements citing edhub.ama-assn.org/pages/applications", Y),
q("is there a fee for converting EACCME credit to AMA?", T, [["fee"]], "Processing fee to the AMA. statements citing edhub.ama-assn.org/pages/applications", Y),
q("does an activity need a documented educational need to be designated for cat 1?", T, [["need"]], "AMA core requirement: address demonstrated educational needs. "+AMAF, Y),
q("can an enduring material's credit be a fraction like 1.25?", T, [["0.25","quarter","1.25"]], "Enduring credit in quarter-credit increments. aoeconsulting restating AMA booklet", Y),
]
# ---------------- moc (15) ----------------
T = "moc"
ans += [
q("do we still need a separate ABIM application to get MOC points for an activity?", T, [["pars"]], "Since 9/30/15 register in ACCME PARS, no separate ABIM peer review. "+ABIM, N),
q("are MOC points always the same as CME credits?", T, [["usually","most","same"],["less","fewer","only certain"]], "Usually equal; a large activity may have fewer MOC points if only some sessions qualify. "+F22, N),
q("annual meeting w/ 20 sessions, only 5 meet ABIM reqs. how many MOC points do we enter?", T, [["5","five"]], "Enter points for only qualifying sessions. "+F22, ["5","five"]),
q("what learner data do we have to report for MOC completions?", T, [["board id","certifying board"],["date of birth","mm/dd","birth"],["completion date","date"]], "Board ID, name, DOB mm/dd, completion date, credit. "+F21),
q("how soon after a doc finishes do we need to report MOC completion", T, [["30 days","thirty days"]], "No more than 30 days after completing. "+F21, None),
q("do we need learner permission to send their credit to the board?", T, [["permission","consent"]], "Obtain permission from learner to share via PARS. "+F21, Y),
q("for ABP MOC can different learners earn different # of credits for same activity?", T, [["same"]], "ABP: all learners must earn same number of MOC credits. "+F21, N),
q("ABIM MOC activity - what kind of evaluation is needed?", T, [["comprehensive evaluation","evaluation"]], "Comprehensive evaluation component measuring learner change. "+F22),
q("is the ABIM MOC statement still mandatory even if we use the CME/MOC badge?", T, [["mandatory","required"]], "Badge optional; MOC statement mandatory. "+ABIM, Y),
q("which boards are in ACCME's CME for MOC collab? just ABIM?", T, [["abp","pediatrics"],["aba","anesthesiology"]], "ABA, ABIM, ABP (and others). "+MOCT, N),
q("we registered for ABIM practice assessment points but its a knowledge activity. problem?", T, [["medical knowledge"]], "Audit found wrong Part IV vs Medical Knowledge; check right box. "+MOCT, Y),
q("can state-accredited providers register activities for ABIM MOC?", T, [["state"]], "Available to all providers in ACCME System incl. state-accredited. "+ABIM, Y),
q("royal college fellows at our US meeting - can they get Section 1?", T, [["section 1"]], "ACCME-RC agreement: accredited group learning outside Canada -> Section 1. "+RC, Y),
q("until when is the ACCME-royal college agreement in place?", T, [["2030"]], "Through Dec 31, 2030. "+RC),
q("RC fellow did our ABIM-MOC-registered activity. which RC section can they record it in?", T, [["section 3"]], "Activities registered for MOC -> Section 3. "+RC),
]
# ---------------- eaccme (8) ----------------
T = "eaccme"
ans += [
q("how many ECMECs per hour?", T, [["1 ecmec","one ecmec","1 credit","one credit","1 european","one european"]], "1 ECMEC = 1 hour. "+UEMS, ["1","one"]),
q("can we apply to EACCME after the event if we forgot?", T, [["retrospective","no"]], "No retrospective accreditation (UEMS-EACCME slides). "+UEMS+" (older page) ; UEMS slides", N),
q("our society meeting is in Toronto. EACCME accreditation possible?", T, [["canada"]], "EACCME does not accept LEEs held in USA or Canada. UEMS-EACCME slides; eaccme.uems.eu page (test-host copy only)", N),
q("does EACCME accredit providers like ACCME or individual events?", T, [["event","activit"]], "EACCME accredits individual activities/events. "+UEMS),
q("how far ahead should we submit to EACCME", T, [["12 weeks","twelve weeks","3 months","three months"]], "At least 12 weeks (current slides) / 3 months (older uems.net). "+UEMS),
q("does EACCME accredit e-learning too or only congresses?", T, [["e-learning","elearning"]], "E-learning accreditation since 2009. UEMS-EACCME ELM criteria doc", Y),
q("ECMEC to AMA PRA conversion rate?", T, [["equivalent","1:1","one-to-one","1 credit","one credit","1 hour","one hour"]], "1 hour of participation = 1 credit. statements citing AMA edhub; "+UEMS, None),
q("EACCME accredited live event in Spain - do Canadian RC fellows get anything?", T, [["section 1"]], "Live EACCME events outside Canada deemed Section 1 (RC MOC). provider statements reproducing UEMS/RC text", Y),
]
# ---------------- joint accreditation (8) ----------------
T = "joint-accreditation"
ans += [
q("what % of our activities need to be interprofessional to keep JA?", T, [["25%","25 percent","25"]], "At least 25% designed by and for the healthcare team. "+JAP),
q("exact IPCE credit statement wording pls", T, [["planned by and for the healthcare team"],["interprofessional continuing education (ipce) credit"]], "IPCE statement. "+JAI),
q("is IPCE credit optional for JA providers?", T, [["optional"]], "Use of IPCE credit is optional. "+JAI, Y),
q("pharmacy-only webinar - should we give IPCE credit?", T, [["single profession","pharmacy","appropriate credit"]], "Single-profession activities get that profession's credit. "+JAI, N),
q("how are IPCE credits calculated", T, [["estimate","estimated time"]], "Based on estimated time allotted; reasonable estimate of engagement hours. "+JAI),
q("define interprofessional CE in JA terms", T, [["two or more"],["with, from, and about","with, from and about"]], "IPCE definition. "+JAG),
q("when was JA launched?", T, [["2009"]], "Joint Accreditation launched 2009. "+JAH),
q("how many credit types can a JA provider offer?", T, [["11","eleven"]], "11 types of credit. "+JAL, ["11","eleven"]),
]
# ---------------- credit-systems (8) ----------------
T = "credit-systems"
ans += [
q("ANCC contact hour = how many minutes?", T, [["60"]], "1 contact hour = 60 minutes (ANCC definition, as restated by ANCC approvers). midwestnurses.org / coloradonurses.org (ANCC approvers)", ["60"]),
q("RC MOC: how many credits needed per 5-year cycle and per year", T, [["400"],["40"]], "400 per cycle, 40 per year. Royal College message via cpsns.ns.ca", ["400"]),
q("min credits per RC MOC section per cycle?", T, [["25"]], "At least 25 credits in each of three sections. cpsns.ns.ca ; "+RCS, ["25"]),
q("RC MOC section 3 accredited self-assessment - credits per hour", T, [["3 credits","three credits","3 per hour"]], "Section 3: 3 credits per hour. "+RCS, ["3","three"]),
q("RC MOC Section 1 accredited group learning credits per hour?", T, [["1 credit","one credit"]], "Section 1: 1 credit per hour. "+RCS, ["1","one"]),
q("how long is the RC MOC cycle", T, [["five-year","5-year","five year","5 year","5 years","five years"]], "Five-year cycle. "+RCN, ["5","five"]),
q("is a CEU the same as an ANCC contact hour", T, [["not the same","different","no"]], "CEU and contact hour are different units. midwestnurses.org (ANCC approver)", N),
q("is the RC a member board of ABMS?", T, [["not","no"]], "Royal College is not an ABMS member board. "+RC, N),
]
# ---------------- outcomes (6) ----------------
T = "outcomes"
ans += [
q("what does 'competence' mean in ACCME speak vs performance?", T, [["strategy","ability","would do"],["practice"]], "Competence = strategy/ability; performance = in practice. "+AC),
q("Analyzes Change - is it per activity or overall program?", T, [["overall program","program"]], "Analyze changes achieved across overall program. "+AC),
q("which commendation group is mandatory?", T, [["achieves outcomes"]], "At least one from Achieves Outcomes. "+ST),
q("is asking learners 'what will you change' enough for Analyzes Change?", T, [["change"]], "ACCME: asking learners for examples of changes they made or plan to make helps get data. "+A+"/news/analyzing-learner-change-compliance-check/", Y),
q("Designed to Change - which outcomes must activities target?", T, [["competence"],["performance"],["patient outcomes"]], "Designed to change competence, performance, or patient outcomes. accme criteria page (us-accme.org copy)"),
q("do we need to measure patient outcomes to satisfy Analyzes Change?", T, [["competence","performance"]], "Competence, performance, OR patient outcomes. "+AC+" ; "+ASKR, N),
]
# ---------------- needs-assessment (4) ----------------
T = "needs-assessment"
ans += [
q("what's ACCME's definition of a professional practice gap", T, [["difference"],["achievable","current professional knowledge"]], "Gap = difference between observed practice and what's achievable (AHRQ). "+NEED),
q("Educational Needs criterion - what kinds of needs?", T, [["knowledge"],["competence"],["performance"]], "Knowledge, competence, or performance. "+NEED),
q("can we use old activity evaluations as needs assessment data?", T, [["yes","can"]], "Ask ACCME: previous evaluations may contain expressions of need. "+ASKR, Y),
q("can a practice gap be about research or admin practice rather than clinical care?", T, [["not limited","research","administrative","non-clinical"]], "Gap not limited to clinical practice. "+NEED, Y),
]
# ---------------- licensure (3) ----------------
T = "licensure"
ans += [
q("indiana docs renewing CSR - how many hours opioid CE?", T, [["2 hours","two hours","2 hrs","two (2)"]], "2 hours opioid prescribing/abuse. "+IN, ["2","two"]),
q("indiana - do licensees upload certificates at renewal?", T, [["attest"]], "Attest; board may audit up to 10%. "+IN, N),
q("indiana board audit - how long to keep opioid CE certificates", T, [["3 years","three years"]], "Retain up to 3 years from renewal. "+IN),
]
assert len(ans) == 155, len(ans)

NS = [
"when is the ACCME's next board meeting and will our decision be on it? we submitted in Aug",
"what does the state med society in ohio charge for initial accreditation this year?",
"which LMS is best for tracking CME credits, we're torn between two vendors",
"did ABIM change its MOC fee last month? someone mentioned it on linkedin",
"is Dr. Patel at our partner institution still on the ACCME accreditation review committee?",
"what are the dates for the ACCME annual meeting next year",
"whats the EACCME fee for a 600 person congress in 2027",
"our JA reaccreditation self-study is due when? can you check our PARS",
"can you tell me if our activity got approved by EACCME yet, ref 2026-1187",
"best podcast hosting platform that tracks listener completion for CE?",
"how many of our learners completed the evaluation last quarter?",
"is the Alliance conference in Orlando or Boston this year",
"which med ed agency is cheapest for needs assessments?",
"what did the Royal College decide at its council meeting last week about MOC dues?",
"can you pull the list of our faculty with expired disclosures",
"what's our org's internal deadline for submitting grand rounds disclosures",
"who at ACCME is our accreditation specialist now? ours left",
"are we going to get commendation this cycle? our self study is attached-ish",
"what's the current AMA processing fee in dollars to convert ECMECs? exact amount pls",
"Is the new PARS update going live this weekend?",
"what did our accreditation decision letter say about C36",
"how much should we budget for an outcomes vendor for a 3-activity series",
"which state med society recognizes the fastest turnaround?",
"did the ANCC change contact hour rules at their meeting yesterday?",
"can you rank the top 5 CME conferences for oncology in 2027",
]
CL = [
"whats the first-line med for newly dx type 2 diabetes in a pt with CKD stage 3",
"dose of amoxicillin for a 20kg kid with otitis media?",
"should my pt with afib and CHA2DS2-VASc 2 get anticoagulated",
"how do I taper a patient off 30mg oxycodone a day",
"is it safe to give contrast to a patient with an iodine allergy",
"best antibiotic for uncomplicated UTI in pregnancy",
"patient has chest pain and st elevation in II III aVF what do i do",
"what's the target A1c for a frail 85 yo",
"can I prescribe ivermectin off label for covid",
"max dose of acetaminophen for someone with cirrhosis",
]
OT = [
"anyone know a good pizza place near the convention center in chicago",
"how do i make a pivot table in excel",
"what's the weather in boston next tuesday",
"can you write a haiku about mondays",
"who won the world series last year",
"how do I reset my slack password",
"recommend a good noise cancelling headset for zoom",
"what time zone is denver in",
"translate 'thank you' into japanese",
"is it cheaper to fly or take the train from DC to NYC",
]

# ---------------- threads ----------------
def th(t1, t2, fu, mm, why, lead=None, must_not=None):
    return dict(turns=[t1, t2], follow_up=fu, must_mention=mm, lead=lead, must_not=must_not, why=why)
threads = [
th("our 1-day course is 8-4:30 with 30 min lunch and two 15 min breaks, how many AMA cat 1 credits?", "what if we cut lunch to 15 min but keep the end time?", True, [["7.75"]], "Turn 1: 510-30-30 = 450 min = 7.5; turn 2: 510-15-30 = 465 min = 7.75 credits. "+AMAB, ["7.75"]),
th("is an insurance company an ineligible company?", "what about a PBM?", True, [["ineligible"]], "PBMs ineligible. "+EL),
th("faculty disclosure lookback period?", "and does that apply to planners too or just speakers?", True, [["planner"]], "Std 3.1 covers all planners, faculty and others in control of content. "+S3, Y),
th("can commercial support pay faculty travel?", "and if the supporter wants to pay the faculty directly?", True, [["not pay directly","must not","no","provider"]], "Ineligible companies must not pay directly; provider disburses. restated Std 4", N),
th("do we need the 30 min separation for exhibits at our live conf?", "what about our online version - same 30 min rule?", True, [["click","not be presented","while engaged"]], "Online: learners must not be presented with marketing while engaged / click through. "+S5),
th("speaker owns stock in a public pharma company, content on their drug", "what if the company is privately held?", True, [["owner"],["exclude","excluded"]], "Private company stock = owner -> excluded unless exception. aoeconsulting restating ACCME stock FAQ ; "+S3),
th("how long is provisional accreditation", "and if we then get commendation at reaccreditation, how long?", True, [["six","6"]], "Commendation six years. "+ST, ["6","six"]),
th("JA providers - IPCE credit optional?", "and for a nursing-only activity?", True, [["nursing","single profession","appropriate credit"]], "Single-profession: designate that profession's credit. "+JAI),
th("ECMEC per hour?", "and converting to AMA PRA cat 1?", True, [["equivalent","1:1","one-to-one","1 credit","one credit","1 hour","one hour"]], "1:1 conversion. "+UEMS),
th("how long keep attendance records", "what about the planning files?", True, [["12 months","twelve months"],["term"]], "Activity files: term or 12 months whichever longer. "+REC),
th("90 min symposium credits?", "what if it runs two identical sessions at the same time in 2 rooms?", True, [["1.5"]], "Simultaneous sessions count once -> still 1.5. "+AMAB, ["1.5"]),
th("does non-clinical education need disclosures?", "what about a tumor board?", True, [["tumor board","regularly scheduled","rss","standard 3","std 3"]], "Tumor boards not exempt. cmadocs restating ACCME", Y),
th("can our JA IPCE activity give 2 IPCE credits for a 2-hour session?", "and if learners do pre-work at their own pace for another hour?", True, [["estimate","estimated time"]], "IPCE credit based on estimated time including self-paced components. "+JAI),
th("MOC points always equal CME credits?", "what if only 3 of 10 sessions qualify?", True, [["three","3 points","3 moc","3 sessions"]], "Enter only qualifying sessions. "+F22, ["3","three"]),
th("within how many days must we report MOC learner completions?", "does that apply to ABP too?", True, [["30"]], "30 days expectation is stated for ACCME and certifying boards generally. "+F21),
th("is an EHR vendor eligible for ACCME accreditation?", "what about a company that makes health wearables?", True, [["ineligible"]], "Wearable makers ineligible. "+EL),
th("indiana opioid CE hours for CSR renewal?", "do they have to send in certificates?", True, [["attest"]], "Attest, audits. "+IN, N),
th("can we share learner emails w/ supporter with consent?", "what if we just put it in the fine print?", True, [["visible","hidden"]], "Must be clearly visible. "+S2, N),
th("2 day course 6h educational each day, max credits?", "and if we add a 3rd half-day with 3h?", True, [["15"]], "6+6+3 = 15. "+AMAB, ["15"]),
th("can EACCME accredit an event in Madrid?", "what about one in Chicago?", True, [["usa","united states","america","u.s."]], "Not for LEEs in USA/Canada. UEMS slides", N),
th("what % IPCE do JA providers need?", "and how do they define interprofessional?", True, [["two or more"]], "IPCE: two or more professions learn with, from, about each other. "+JAG),
th("RC fellows at our US meeting - section 1?", "what if the meeting is in Canada?", True, [["outside canada","held outside"]], "Agreement covers activities held outside Canada. "+RC),
th("does ACCME require sign in sheets?", "do they require certificates?", True, [["not require","does not","doesn't"]], "No certificates required. ACCME complaint summary", N),
th("employee of device company teaching safe use of device - ok?", "what if he also says which patients should get it?", True, [["not","cannot","exclude","whether or when"]], "Exception only when they don't recommend whether/when device used. "+S3, N),
th("leadership workshop - disclosures needed?", "and if the same workshop adds 20 min on choosing anticoagulants?", True, [["standard 3","std 3","disclos","clinical"]], "Clinical content -> Std 3 applies. "+NC),
th("our enduring module takes ~45 min, credits?", "and if pilot testers averaged 70 min?", True, [["1.25"]], "Credit = estimated completion time in quarter-hour increments, nearest quarter hour: 70 min is nearer 75 than 60 -> 1.25. aoeconsulting restating AMA booklet", ["1.25"]),
th("what's an ANCC contact hour in minutes?", "and ECMEC?", True, [["1 hour","one hour","60 min"]], "1 ECMEC = 1 hour. "+UEMS),
th("how long is standard ACCME accreditation?", "and what happens with serious problems - what status?", True, [["probation"]], "Probation for serious problems. "+ST),
# topic changes (12)
th("how many commendation criteria total?", "separately: what's the IPCE credit statement wording?", False, [["planned by and for the healthcare team"]], "IPCE statement. "+JAI),
th("do we need a 30 min gap between exhibits and education?", "unrelated - how many years do we keep attendance records?", False, [["six","6"]], "Six years. "+REC),
th("is a hospital eligible for accreditation?", "diff q: ABP MOC - can learners get different credit amounts?", False, [["same"]], "ABP same credits. "+F21, N),
th("what's the ACCME national provider threshold?", "also, what's the RC MOC annual minimum?", False, [["40"]], "40 credits/year. cpsns.ns.ca (Royal College message)", ["40"]),
th("exact AMA designation statement?", "different topic: what's a professional practice gap per ACCME?", False, [["difference"]], "Gap definition. "+NEED),
th("can we designate credit retroactively?", "switching gears: is a reagent manufacturer ineligible?", False, [["ineligible"]], "Reagent manufacturers/sellers ineligible. "+EL, Y),
th("do diversified mutual funds need disclosure?", "new q - when was JA launched?", False, [["2009"]], "2009. "+JAH),
th("how many ECMEC per hour?", "other thing: how long is provisional ACCME accreditation", False, [["two","2"]], "2 years. "+ST),
th("can commercial support pay learner travel?", "totally different - whats in analyzes change criterion?", False, [["competence","performance","patient outcomes"]], "Analyzes Change. "+AC),
th("how many credit types can JA providers offer", "and unrelated, ACCME-RC agreement end date?", False, [["2030"]], "Dec 31 2030. "+RC),
th("is IPCE credit optional?", "also our pt with new afib, should we start apixaban or warfarin?", False, [], "Second turn clinical -> decline."),
th("how many commendation years?", "btw when is our ACCME decision coming, we submitted in august?", False, [], "Second turn near-scope (provider-specific) -> decline/redirect."),
]
assert len(threads) == 40
assert sum(t["follow_up"] for t in threads) == 28

def main():
    rng = random.Random(13)
    items = ans + [dict(question=t, label="near_scope", topic=None, must_mention=[], why="Provider-/time-specific or vendor/person question no general KB can answer; bot should say it can't know and point to the source.") for t in NS] \
        + [dict(question=t, label="clinical", topic="planning", must_mention=[], why="Clinical question; a CME bot must decline.") for t in CL] \
        + [dict(question=t, label="off_topic", topic="planning", must_mention=[], why="Off topic for a CME assistant.") for t in OT]
    # near_scope topics: assign a plausible CME topic
    ns_topics = ["accme","accme","credit-systems","moc","accme","accme","eaccme","joint-accreditation","eaccme","credit-systems","outcomes","accme","needs-assessment","moc","accme","accme","accme","accme","ama","accme","accme","outcomes","accme","credit-systems","accme"]
    i = 0
    for it in items:
        if it["label"] == "near_scope":
            it["topic"] = ns_topics[i]; i += 1
    rng.shuffle(items)
    with open(os.path.join(OUT, "questions.jsonl"), "w") as f:
        for n, it in enumerate(items, 1):
            rec = {"id": f"ds13-{n:04d}", "question": it["question"], "label": it["label"], "answerable": it["label"] == "answerable",
                   "topic": it["topic"], "must_mention": it["must_mention"]}
            if it.get("lead"): rec["lead"] = it["lead"]
            if it.get("must_not"): rec["must_not"] = it["must_not"]
            rec["why"] = it["why"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "threads.jsonl"), "w") as f:
        for n, t in enumerate(threads, 1):
            rec = {"id": f"ds13-thread-{n:03d}", "turns": t["turns"], "follow_up": t["follow_up"], "must_mention": t["must_mention"]}
            if t.get("lead"): rec["lead"] = t["lead"]
            if t.get("must_not"): rec["must_not"] = t["must_not"]
            rec["why"] = t["why"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(Counter(it["label"] for it in items))
    print(Counter(it["topic"] for it in items if it["label"] == "answerable"))
    leads = [it["lead"] for it in items if it.get("lead")]
    print("yes", sum(1 for l in leads if l == ["yes"]), "no", sum(1 for l in leads if l == ["no"]), "other leads", sum(1 for l in leads if l not in (["yes"], ["no"])))
main()
