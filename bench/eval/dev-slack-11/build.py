#!/usr/bin/env python3
"""Generator for dev-slack-11 (PFX ds11). Written by an AI helper following
/work/notes/devset-brief.md, without reading the project. Run: python3 build.py"""
import json, random, os, collections

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 11
PFX = "ds11"

# authority URLs checked via the search tool (stored copies)
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
NONCLIN = "https://accme.org/highlights/compliance-check-non-clinical-education-and-standard-3"
SPONT = "https://accme.org/news/spontaneous-case-conversations-understanding-accmes-exception-2-to-standard-3"
STATUS = "https://accme.org/about-accreditation/accreditation-status"
JP = "https://accme.org/joint-providership"
JPPOL = "https://www.accme.org/accreditation-rules/policies/joint-providership"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
S52 = "https://accme.org/faq/standard-52-does-there-need-be-30-minute-interval-between-accredited-and-nonaccredited"
ELIG = "https://accme.org/rule/eligibility"
VIRT = "http://www.accme.org/faq/10511"
NEEDS = "http://accme.org/rule/educational-needs/"
FAQ780 = "http://accme.org/faq/780"
C3 = "http://accme.org/requirements/accreditation-requirements-cme-providers/criteria/criterion-3"
PASS = "https://www.accme.org/cme-passport-info-for-providers"
PASSFAQ = "https://www.accme.org/faq/10501"
PASSFAQ2 = "https://accme.org/faq/7921"
PASSSUP = "https://content.cmepassport.org/contact-support/"
ABIMCME = "http://www.accme.org/cme-counts-abim-moc"
FAQ7922 = "http://accme.org/faq/7922"
PIP = "http://www.accme.org/cme-providers/reaccreditation/performance-practice-review"
SELF = "http://www.accme.org/cme-providers/reaccreditation/self-study-reports"
LFT = "https://accme.org/tips-for-applying-learning-teaching-requirements"
CERT = "http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy"
MENU = "http://www.accme.org/requirements/accreditation-requirements-cme-providers/proposal-new-criteria-accreditation-commendation"
ABIM1 = "https://www.abim.org/certification/for-newly-certified-physicians/moc-what-to-expect/"
ABIM2 = "https://abim.org/certification/for-fellows/maintaining-your-certification"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html"
AMACAT2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
AMAWAYS = "https://ama-assn.org/education/ama-pra-credit-system/5-ways-meet-your-cme-requirements"
AMABOOK = "AMA PRA booklet rules as restated at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ and http://usuhs.mil/che/otherlearning.html"
UEMS = "http://www.uems.net/main.php?category=6"
UEMSEL = "https://uems.eanm.org/commitees/cme-accreditation/cme-for-elearning/ (UEMS section page)"
JAG = "https://jointaccreditation.org/glance"
JAFAQ = "http://www.jointaccreditation.org/faq"
JAPLAN = "https://jointaccreditation.org/ce-planning-implementation"
JAVID = "https://accme.org/resources/video-resources/cme-collaborations/interprofessional-continuing-education-perspective-joint-accreditation"
AAFPT = "https://www.aafp.org/cme/about/types.html"
AAFPPOL = "https://www.aafp.org/about/policies/all/types-definitions-of-cme-activities-and-credits-members-may-earn-for-membership.html"
RCREG = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-fellows/moc-regulations-policies-for-fellows.html"
RCHCP = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-health-care-professionals-hcps/moc-regulations-policies-for-hcps.html"
RCNEWS = "https://newsroom.royalcollege.ca/answers-to-your-top-springtime-moc-questions/"
MOORE = "Moore, Green & Gallis, JCEHP 2009;29(1):1-15 (table at https://pmc.ncbi.nlm.nih.gov/articles/PMC3591508/table/T0001)"
MBC = "http://www.mbc.ca.gov/Licensees/Continuing_Education/"
ALBME = "https://www.albme.gov/press-release/continuing-medical-education-renewal-requirements"

YES = ["yes"]
NO = ["no"]

def q(topic, text, mm, why, lead=None, must_not=None):
    return dict(topic=topic, question=text, must_mention=mm, why=why, lead=lead, must_not=must_not)

A = []  # answerable
# ---------------- ACCME (75) ----------------
A += [
q("accme", "how far back do faculty disclosures need to go now? someone on our planning cmte keeps saying 12 months", [["24 months","24-month","two years","2 years"]], "Std 3: collect all financial relationships within prior 24 months. "+S3, must_not=["12 months is correct","12-month lookback is still"]),
q("accme", "is there a $ threshold below which a speaker doesnt have to report a pharma relationship? like under 500 bucks", [["no minimum","any amount","no threshold","regardless of the amount","any dollar","no financial threshold"]], "Std 3: no minimum financial threshold. "+S3, lead=NO),
q("accme", "our speaker owns individual shares in a publicly traded device co and shes presenting on that company's device category. does the stock have to go on her disclosure?", [["relevant"]], "Std 3: individual stocks and stock options should be disclosed; relevant if content relates to the company's products. "+S3, lead=YES),
q("accme", "do diversified mutual funds count? faculty member has a bunch in his 401k", [["mutual fund"]], "Std 3: diversified mutual funds do not need to be disclosed. "+S3, lead=NO),
q("accme", "faculty told me her consulting for a pharma co isnt relevant to her talk so she left it off the form. is that ok??", [["regardless","provider","accredited provider"]], "Std 3: individuals must disclose regardless of their view of relevance; the accredited provider identifies relevant relationships. "+S3, lead=NO),
q("accme", "what exactly has to be in the disclosure info we give learners? need the list of elements for our template", [["name"],["nature"],["mitigated"]], "Std 3.5: names of individuals, names of ineligible companies, nature of relationships, statement that all relevant relationships were mitigated. "+S3),
q("accme", "can we put the company logos next to the speaker disclosures on the title slide, makes it easier to read", [["name"]], "Std 3 disclosure: identify ineligible companies by name only, no logos. "+S3, lead=NO),
q("accme", "leadership skills workshop for dept chairs - do we still have to collect disclosures from the facilitator?", [["non-clinical","nonclinical","non clinical"]], "Std 3 exception: non-clinical education (leadership, communication). "+NONCLIN, lead=NO),
q("accme", "our weekly tumor board, does that count as 'learners control content' so we can skip std 3?", [["spontaneous","planned"]], "Exception 2 is for spontaneous case conversations; tumor boards, RSS, rounds are not covered. "+SPONT, lead=NO),
q("accme", "two hospitalists had an unplanned hallway convo about a case, wrote up what they learned and want CME for it. do we need to do the disclosure/mitigation piece?", [["spontaneous","learner","learners"]], "Std 3 exception 2: learner group in control of content, spontaneous case conversations. "+SPONT, lead=NO),
q("accme", "M&M conference is internal only, just our dept. can we skip disclosures since no outside audience", [["rounds","morbidity","m&m","planned","regularly scheduled"]], "M&M rounds / RSS do not fall under the exceptions. "+SPONT, lead=NO),
q("accme", "an EHR vendor wants to give us a grant for an informatics course. are EHR companies considered eligible (i.e. not an ineligible company)?", [["eligible"]], "EHR companies are listed as eligible organizations. "+ELIG, lead=YES),
q("accme", "is a health insurance company eligible to be accredited in the ACCME system?", [["eligible"]], "Insurance or managed care companies are eligible. "+ELIG, lead=YES),
q("accme", "diagnostic lab that sells its own proprietary tests - eligible or ineligible?", [["ineligible"]], "Only diagnostic labs that do not sell proprietary products are eligible. "+ELIG),
q("accme", "whats the current definition of an ineligible company? need verbatim-ish for our policy doc", [["primary business"],["used by or on patients","used on or by patients","used by or on patient"]], "Primary business producing, marketing, selling, re-selling or distributing healthcare products used by or on patients. "+ELIG),
q("accme", "can a pharma company be a joint provider with us? they'd just handle logistics", [["ineligible"]], "Ineligible companies cannot engage in joint providership. "+JP, lead=NO),
q("accme", "we got put on probation. can we still jointly provide the county med society's fall meeting? it's not contracted yet", [["probation"]], "Providers on Probation may not jointly provide, except activities contracted before the decision. "+JP, lead=NO),
q("accme", "are we allowed to charge our joint providers a fee under accme rules?", [["fee"]], "ACCME has no policy requiring or precluding a joint providership fee. "+JPPOL, lead=YES),
q("accme", "can someone paste the exact wording of the joint providership accreditation statement", [["planned and implemented in accordance"],["joint providership of"],["to provide continuing medical education for physicians"]], "ACCME Accreditation Statement policy wording for jointly provided activities. "+JPPOL),
q("accme", "in JP who answers to ACCME if the non-accredited partner botches the disclosures", [["accredited provider"]], "The accredited provider is responsible for demonstrating compliance. "+JP),
q("accme", "how long do we have to keep attendance records", [["six years","6 years","6-year","six-year"]], "Attendance: verify participation for six years from the activity date. "+REC),
q("accme", "how long do we keep activity files? our term is 4 yrs", [["accreditation term","current term","term"],["12 months","twelve months"]], "Activity files: current accreditation term or last 12 months, whichever is longer. "+REC),
q("accme", "can we just use our online registration system as the attendance record instead of paper sign-in sheets?", [["not require","doesn't require","does not require","no requirement","any method","whatever","choose","free to"]], "Provider chooses the registration method; ACCME does not require sign-in sheets. "+REC, lead=YES),
q("accme", "do we have to issue certificates to every attendee per accme rules?", [["record","verify"]], "ACCME requires recording/verifying participation, not certificates. "+CERT, lead=NO),
q("accme", "how long is provisional accreditation", [["two years","2 years","two-year","2-year"]], "Provisional Accreditation is a two-year term. "+STATUS),
q("accme", "term length for accreditation w/ commendation?", [["six years","6 years","six-year","6-year"]], "Accreditation with Commendation: six-year term. "+STATUS),
q("accme", "whats the normal accreditation term (no commendation)", [["four years","4 years","four-year","4-year"]], "Accreditation: standard four-year term. "+STATUS),
q("accme", "how many commendation criteria do we need total and is there a required category", [["8","eight"],["achieves outcomes"]], "Seven from any category plus at least one from Achieves Outcomes = eight. "+STATUS, lead=["8","eight"]),
q("accme", "we're a first time applicant, can we go straight for commendation?", [["provisional"]], "Initial applicants receive Provisional Accreditation (2 years); commendation is for accredited providers at reaccreditation. "+STATUS, lead=NO),
q("accme", "can we still get (regular) Accreditation at reaccred if we have one noncompliance finding?", [["progress report"]], "Providers with noncompliance findings receive Accreditation but must submit progress reports. "+STATUS, lead=YES),
q("accme", "is commendation mandatory or optional", [["optional","not required"]], "Commendation criteria are optional. "+MENU+" ; "+STATUS),
q("accme", "how many accreditation statuses does ACCME have", [["provisional"],["probation"]], "Five levels: Provisional, Accreditation, Accreditation with Commendation, Probation, Nonaccreditation. "+STATUS, lead=["5","five"]),
q("accme", "what happens if our progress report doesnt show we fixed the noncompliance", [["probation"]], "Status may change to Probation if progress reports do not demonstrate correction. "+STATUS),
q("accme", "can provisional accreditation be extended?", [["one or two","1 or 2","extended"]], "Rarely, extended Provisional Accreditation for one or two years. "+STATUS, lead=YES),
q("accme", "we only have provisional status - are we allowed to do joint providership?", [["provisional"]], "Providers with Provisional Accreditation, Accreditation, or Commendation may jointly provide. "+JP, lead=YES),
q("accme", "prepping our self-study. what are the data sources ACCME uses for reaccreditation besides the self-study report itself", [["performance-in-practice","performance in practice"],["interview"]], "Self-study report, performance-in-practice review, accreditation interview. "+PIP+" ; "+SELF),
q("accme", "for the performance in practice review do we get to pick which activity files to submit", [["select","chooses","choose","picks"]], "For reaccreditation ACCME selects activities from data entered in PARS. "+PIP, lead=NO),
q("accme", "accme speak: whats the difference between competence and performance? i keep mixing them up in our planning forms", [["strateg","ability","would do","could"],["practice"]], "Competence = what the learner would do if they could (strategy); performance = what they do in practice. "+FAQ780),
q("accme", "is it ok under accme rules to run an activity with no post-test at all", [["not require","doesn't require","does not require","no requirement","not required"]], "ACCME does not require post-tests for any type of activity. "+FAQ780, lead=YES),
q("accme", "most of our activities are aimed at knowledge gain. can we still be compliant with Designed to Change??", [["competence"]], "Knowledge is acceptable content, but the provider must show how activities contribute to changing competence, performance or patient outcomes. "+C3, lead=YES),
q("accme", "does the 30 min exhibit buffer rule apply to virtual live stuff too or just in person", [["30"]], "The 30-minute interval applies to all live activities, in person or online. "+S52, lead=YES),
q("accme", "virtual conf: learners click a link that clearly says theyre leaving the accredited session to go to a non-accredited industry symposium. do we still need the 30 min gap?", [["leav"]], "If learners must leave the virtual space via a clear action, no time-interval requirement. "+S52, lead=NO),
q("accme", "can we keep the exhibit booths open in the back of the lecture room during sessions", [["30"]], "Std 5.2: no marketing/exhibits in the educational space during accredited education or within 30 minutes before/after. "+S52, lead=NO),
q("accme", "online module on our LMS - can a banner ad for a drug sit above the video player?", [["advertis","marketing","promot"]], "Learners must be able to engage without being presented with product promotion. "+VIRT, lead=NO),
q("accme", "our LMS vendor wants to pass learner emails to a pharma sponsor for follow up. allowed?", [["consent","permission"]], "Learner identity/contact info not shared with an ineligible company without the learner's consent. "+VIRT, lead=["no","not without","only with"]),
q("accme", "can an ineligible company host our online course on its own platform", [["ineligible"]], "Providers should ensure the hosting platform is not an ineligible company. "+VIRT, lead=NO),
q("accme", "do the standards apply the same to virtual activities as in-person ones", [["virtual","online","in-person","in person"]], "Requirements apply to all accredited education, in person or virtual. "+VIRT, lead=YES),
q("accme", "sorry new here - what does PARS stand for and what do we use it for", [["Program and Activity Reporting System"]], "PARS = ACCME's Program and Activity Reporting System. "+PASS+" ; "+PIP),
q("accme", "how soon after the activity should learner completions go into PARS so they show in CME passport", [["30 days","thirty days"]], "Submit learner completion data within 30 days of the activity. "+PASS),
q("accme", "can a physician upload their own certificate into CME Passport?", [["provider","accredited"]], "Physicians cannot self-report or upload; only accredited providers report. "+PASSSUP, lead=NO),
q("accme", "what learner fields do we need to collect to report credit for CME passport", [["month and day","birth"],["license","board id","board ID"]], "Name, state license ID and/or certifying board ID, month and day of birth. "+PASSFAQ+" ; "+PASS),
q("accme", "is showing an activity in CME Passport optional? some of ours are employees-only", [["optional","choose","your choice","limited"]], "Display in CME Passport is optional; can mark registration limited. "+PASS+" ; "+PASSFAQ2, lead=YES),
q("accme", "is CME passport free for physicians", [["free"]], "CME Passport is a free web application. "+PASS, lead=YES),
q("accme", "our annual meeting has 40 sessions - can we enter the whole meeting as one activity in PARS?", [["single","one activity"]], "Report a multi-session annual meeting as a single activity in PARS. "+FAQ7922, lead=YES),
q("accme", "after a live course ends, how long is the provider accountable if someone files a complaint w/ accme", [["12 months","twelve months"]], "Accountable for complaints for 12 months from the date a live activity ended. "+REC),
q("accme", "and for an enduring module, how long are we on the hook for complaints?", [["12 months","twelve months"]], "Enduring: while offered for CME and 12 months thereafter. "+REC),
q("accme", "software/game developer wants to get accredited. eligible?", [["eligible"]], "Software or game developers are listed as eligible. "+ELIG, lead=YES),
q("accme", "a health law firm asked about becoming accredited - are they even eligible", [["eligible"]], "Health law firms are listed as eligible. "+ELIG, lead=YES),
q("accme", "pharmacy benefit manager wants to fund a course. PBM = ineligible?", [["ineligible"]], "PBMs are ineligible companies. "+ELIG+" (ineligible list on same rule page)", lead=YES),
q("accme", "do abstract presenters at our specialty society meeting count as people in control of content for std 3?", [["control"]], "Std 3 applies to all planners, faculty and others in control of content. "+S3, lead=YES),
q("accme", "who decides whether a relationship is relevant - the speaker or us as provider?", [["provider"]], "The accredited provider is responsible for identifying relevant financial relationships. "+S3),
q("accme", "when does mitigation need to happen - before the talk or before they start their role?", [["before","prior"]], "Mitigate relevant relationships prior to individuals assuming their roles. "+S3),
q("accme", "employee of a device manufacturer wants to teach hands-on safe use of their device in our sim lab. can he be faculty?", [["safe","technician","proper use"]], "Owner/employee exception: technicians teaching safe and proper use of devices, not whether/when to use. "+S3, lead=YES),
q("accme", "employee of a pharma co would give a talk purely on clinical trial methodology, no care recs. allowed?", [["research","method"]], "Owner/employee exception: basic science/research methodology without care recommendations. "+S3, lead=YES),
q("accme", "pharma employee (medical affairs) wants to present on clinical use of their own drug class at our symposium. ok if we disclose it?", [["employee","owner"]], "Owners/employees of ineligible companies are excluded from controlling content related to their business lines. "+S3, lead=NO),
q("accme", "can our supporter's medical science liaison sit on the planning committee as a non-voting advisor", [["planning"]], "Employees of ineligible companies may not participate in planning of accredited education (no exception applies). "+S3, lead=NO),
q("accme", "self study q: which commendation category do C36-C38 fall under", [["achieves outcomes"]], "C36-C38 are the Achieves Outcomes category. "+MENU+" ; "+STATUS),
q("accme", "which commendation category covers C23 through C25?", [["team-based","team based"]], "Promotes Team-Based Education (C23-C25). "+MENU),
q("accme", "what are the two groupings of the core accreditation criteria called now that the numbers are gone", [["Mission and Program Improvement"],["Educational Planning and Evaluation"]], "Core criteria grouped as Mission and Program Improvement / Educational Planning and Evaluation. "+NEEDS+" (Core Criteria section)"),
q("accme", "old C2 is called what now", [["educational needs"]], "Former Criterion 2 is Educational Needs. "+NEEDS),
q("accme", "ACCME accredits individual activities right? we want our one annual conference accredited by them", [["organization","provider"],["joint providership","jointly provide","joint provider"]], "ACCME accredits organizations (providers); non-accredited organizations can offer credit via joint providership. "+JP+" ; "+AMAFAQ, lead=NO),
q("accme", "learning from teaching activity - does it still have to meet the regular criteria like Educational Needs and Analyzes Change?", [["educational needs","needs"]], "No special requirements; must meet all applicable requirements (Educational Needs, Designed to Change, Analyzes Change). "+LFT, lead=YES),
q("accme", "two qs: (1) how long do we keep attendance records and (2) do we need sign-in sheets for that", [["six years","6 years"],["not require","doesn't require","does not require","no"]], "Attendance 6 years; ACCME does not require sign-in sheets. "+REC),
q("accme", "quick one - is a hospital system eligible to be accredited, and is a nursing home chain?", [["hospital"],["nursing home"]], "Hospitals/health systems and nursing homes are eligible. "+ELIG, lead=YES),
q("accme", "ad agency whose clients are mostly pharma wants to be our joint provider. eligible?", [["ineligible"]], "Advertising/marketing firms whose clients are ineligible companies are ineligible. "+ELIG, lead=NO),
]
# ---------------- AMA (28) ----------------
A += [
q("ama", "how many cat 1 credits for a session that runs 3 hr 45 min straight, no breaks", [["3.75"]], "60 min = 1 credit, quarter-credit increments. "+AMABOOK, lead=["3.75"]),
q("ama", "agenda 8:00-12:15, 30 min coffee break and 15 min welcome/announcements that aren't educational. max credits?", [["3.5"]], "255 min minus 45 non-educational = 210 min = 3.5. "+AMABOOK, lead=["3.5"], must_not=["4.25 AMA","4.25 credits"]),
q("ama", "2 day course. day 1 8am-5pm with 1 hr lunch and two 15 min breaks. day 2 8am-noon with one 15 min break. total credit designation?", [["11.25"]], "Day 1: 540-90=450 min=7.5; Day 2: 240-15=225 min=3.75; total 11.25. "+AMABOOK, lead=["11.25"]),
q("ama", "morning plenary 9-12, then 3 concurrent tracks 1-3pm. how many credits can we designate max", [["5","five"]], "Simultaneous sessions count once: 3 + 2 = 5. "+AMABOOK, lead=["5","five"], must_not=["9 credits","9 AMA"]),
q("ama", "webinar ran 1 hr 20 min, what do we round to", [["1.25"]], "Round to nearest quarter hour: 80 min -> 1.25. "+AMABOOK, lead=["1.25"]),
q("ama", "speaker talk is 50 min. credit = ?", [["0.75",".75"]], "50 min rounds to nearest quarter hour = 0.75. "+AMABOOK, lead=["0.75",".75"]),
q("ama", "8:00-3:30 day: 1 hr lunch, 30 min society business meeting, two 15-min breaks. how many credits", [["5.5"]], "450 min minus 120 non-educational = 330 min = 5.5. "+AMABOOK, lead=["5.5"]),
q("ama", "we forgot to designate credit before our event last month, can we designate it now retroactively?", [["advance","retroactiv"]], "Activities must be designated in advance; not retroactively. "+AMAFAQ, lead=NO),
q("ama", "our society isnt accredited. can we designate AMA PRA cat 1 ourselves if we follow all the rules", [["accredited"],["joint"]], "Only ACCME- or SMS-accredited organizations (or via joint providership) may certify. "+AMAFAQ, lead=NO),
q("ama", "need the exact AMA credit designation statement template", [["designates this"],["for a maximum of"],["commensurate with the extent of their participation"]], "AMA designation statement template. "+AMAWAYS+" ; AMA article restated at matthieuchatfoxmail.pages.dev mirror"),
q("ama", "does the designation statement need to name the format, like 'live activity' or 'enduring material'?", [["format","live activity","enduring material"]], "Learning format is specified in the designation statement (since 2011). AMA designation template"+" ; "+AMAWAYS, lead=YES),
q("ama", "can we put 'approved for AMA PRA Category 2 Credit' on our flyer for the journal club", [["physician","self"]], "Providers must not certify or advertise AMA PRA Category 2 Credit. "+AMACAT2, lead=NO),
q("ama", "who actually claims cat 2 credit, us or the doc?", [["physician"]], "Cat 2 is self-designated and self-claimed by the physician. "+AMACAT2),
q("ama", "examples of things a doc can count as cat 2? someone asked me at the desk", [["reading","literature","consult","peer","self-assessment","writing","preceptor"]], "Examples: reading literature, consultation with peers, self-assessment, medical writing, preceptorship. "+AMACAT2),
q("ama", "faculty presented a 45-min original talk at our cat 1 live meeting. how much teaching credit can we give her", [["1.5"]], "Faculty may receive 2 credits per hour presented at a designated live activity. "+AMABOOK, lead=["1.5"]),
q("ama", "can a presenter claim learner credit for the same session they presented?", [["2 credits","two credits","other sessions","teaching"]], "Faculty may not claim simultaneous learner credit for sessions they present. "+AMABOOK, lead=NO),
q("ama", "do coffee breaks count toward designated credit if there's networking?", [["exclude","excluded","not count","don't count","does not count"]], "Credit excludes breaks/non-educational time. "+AMABOOK, lead=NO),
q("ama", "how do you figure credit for an enduring material", [["estimat"],["time","complete"]], "Enduring credit = estimated time to complete. "+AMAWAYS+" ; "+AMABOOK),
q("ama", "internet point of care - how much credit per search cycle", [["0.5","half"]], "IPOC: 0.5 credit per documented cycle. AMA rule as implemented at https://dcomcme.lmunet.edu/internet-point-care-poc ; AAFP uses 0.5/search "+AAFPPOL),
q("ama", "PI CME - can a doc start at stage B if they already did an intervention?", [["stage a","baseline"]], "PI CME must begin with Stage A (baseline). AMA 2010 booklet update, as reported by meetingsnet", lead=NO),
q("ama", "can we award AMA PRA cat 1 to the NPs and PAs at our conference?", [["participation"]], "AMA PRA credit is for physicians (MD/DO); others may receive a certificate of participation. "+AMAWAYS+" ; AMA-RC agreement page on edhub", lead=NO),
q("ama", "non-CME portion (society awards) in the middle of our program - does it have to be flagged somewhere?", [["exclud"]], "Non-CME sections must be clearly identified and excluded from the designated maximum. "+AMABOOK, lead=YES),
q("ama", "is our org ok to designate cat 1 if we're accredited by our state medical society not ACCME directly", [["state"]], "Organizations accredited by an ACCME-recognized state medical society may certify. "+AMAFAQ, lead=YES),
q("ama", "brochure draft just says 'Category 1 credit' - is that acceptable or do we need the full trademarked name", [["AMA PRA Category 1 Credit"]], "Must use full AMA PRA Category 1 Credit(TM), italicized with trademark. AMA credit article; "+AMAWAYS),
q("ama", "do we need a way to record how many credits each doc actually claimed?", [["record","claimed"]], "Provider must have a means to record the actual credits claimed by each physician. "+AMAFAQ, lead=YES),
q("ama", "AMA definition of CME - need it for our mission doc", [["knowledge"],["skills"],["performance"]], "CME = activities that maintain, develop, or increase knowledge, skills, professional performance and relationships... (AMA HOD 300.988). "+AMAFAQ),
q("ama", "2 things: is 60 min still = 1 credit for live, and can we do quarter credits?", [["60"],["0.25","quarter"]], "60 minutes = 1 credit; 0.25 increments. "+AMABOOK, lead=YES),
q("ama", "does a 4-session evening series (1 hr each, same room, sequential) = 4 credits or 1?", [["4","four"]], "Sequential (not simultaneous) sessions add up: 4 x 60 min = 4 credits. "+AMABOOK, lead=["4","four"]),
]
# ---------------- MOC (15) ----------------
A += [
q("moc", "how many ABIM MOC points do diplomates need and over what period", [["100"],["5 years","five years","5-year","five-year"]], "100 MOC points every 5 years. "+ABIM1, lead=["100"]),
q("moc", "how often do abim docs have to earn *some* points to stay reported as participating", [["2 years","two years","every 2","every two"]], "Earn points (any value) every 2 years. "+ABIM1),
q("moc", "how often is the ABIM MOC assessment due", [["10 years","ten years","10-year","ten-year"]], "Pass an MOC assessment within 10 years (exam, LKA, or CMP). "+ABIM1),
q("moc", "to get our course ABIM MOC approved do we send an application to ABIM?", [["PARS"]], "Register activities for ABIM MOC in ACCME's PARS (no ABIM application since 2015). "+ABIMCME, lead=NO),
q("moc", "if we register an activity for ABIM MOC do we have to put the ABIM MOC statement on the materials?", [["mandatory","required","must"]], "Use of the ABIM MOC statement is mandatory; the CME/MOC badge is optional. "+ABIMCME, lead=YES),
q("moc", "for ABIM-registered activities do we have to submit learner completion data?", [["PARS"]], "Providers must submit learner completion data via PARS. "+ABIMCME, lead=YES),
q("moc", "our annual meeting has 20 sessions but only 5 meet ABIM MOC requirements. how many MOC points do we enter?", [["5","five"]], "Enter only MOC points for qualifying sessions (5). "+FAQ7922, lead=["5","five"]),
q("moc", "are CME credits always equal to MOC points", [["usually","most","same"]], "Usually equal, but MOC points may be fewer if only some sessions qualify. "+FAQ7922, lead=NO),
q("moc", "does an activity need an evaluation component to count for ABIM MOC", [["evaluation"]], "A comprehensive evaluation component measuring learner change is required. "+FAQ7922, lead=YES),
q("moc", "we're state-accredited, not ACCME direct. can we still register activities for ABIM MOC?", [["state"]], "ABIM MOC registration is available to state-accredited, ACCME-accredited and jointly accredited providers. "+ABIMCME, lead=YES),
q("moc", "as a jointly accredited provider can we register for ABIM MOC thru PARS too", [["joint"]], "Available to providers with Joint Accreditation. "+ABIMCME, lead=YES),
q("moc", "doc just earned a new ABIM subspecialty cert - does that cover her 100 point requirement?", [["100"]], "Earning a subspecialty certification earns 100 MOC points. "+ABIM1, lead=YES),
q("moc", "how many MOC points do ABIM fellows get per year of fellowship", [["20","twenty"]], "20 MOC points per year of accredited fellowship. "+ABIM2, lead=["20","twenty"]),
q("moc", "diplomate with 2 ABIM certs - needs 200 points in 5 yrs?", [["100"],["all"]], "MOC points count toward all certifications; 100 points total. "+ABIM2+" ; "+ABIM1, lead=NO),
q("moc", "are accredited providers required to offer MOC points on their activities?", [["option","optional","not required","choice"]], "Offering ABIM MOC is an option, not a requirement. "+ABIMCME, lead=NO),
]
# ---------------- EACCME (8) ----------------
A += [
q("eaccme", "how many ECMECs for 1 hr of education at an EACCME event", [["1","one"]], "1 hour of educational activity = 1 ECMEC. "+UEMS, lead=["1","one"]),
q("eaccme", "30 minute workshop - how many ECMECs", [["0.5","0,5","half"]], "0.5 ECMEC per 30 minutes. EACCME statement as published by accredited events (eapm.eu.com) based on "+UEMS, lead=["0.5","0,5","half"]),
q("eaccme", "can we get EACCME accreditation for our meeting in chicago? lots of EU attendees", [["USA","United States","US","North America","Canada"]], "EACCME does not accept live events held in the USA or Canada (mutual recognition with AMA). UEMS-EACCME presentation (slideplayer copy); "+UEMSEL, lead=NO),
q("eaccme", "how far ahead do we need to submit an EACCME application for a live event", [["12 weeks","twelve weeks"]], "At least 12 weeks before the start date; no late applications. UEMS-EACCME presentation copy; older "+UEMS+" said 3 months"),
q("eaccme", "event already happened last week, can we get retrospective EACCME accreditation?", [["retrospective","retroactive","advance","before"]], "No retrospective accreditation. UEMS-EACCME presentation copy", lead=NO),
q("eaccme", "does EACCME accredit organizations the way ACCME does?", [["event","activit","e-learning"]], "EACCME accredits individual events/e-learning materials; approval valid only for the given event. "+UEMS, lead=NO),
q("eaccme", "can US physicians convert ECMECs into AMA PRA cat 1 credit?", [["AMA"]], "UEMS-AMA mutual recognition; convert ECMECs to equivalent AMA PRA Category 1 Credit via the AMA. "+UEMSEL, lead=YES),
q("eaccme", "does EACCME accredit e-learning or only live meetings", [["e-learning","elearning"]], "EACCME accredits e-learning materials since 2009. "+UEMSEL, lead=["e-learning","both","yes","it accredits","it does"]),
]
# ---------------- Joint Accreditation (8) ----------------
A += [
q("joint-accreditation", "what % of our activities have to be interprofessional for JA", [["25"]], "At least 25% of activities designed by and for the healthcare team. "+JAPLAN, lead=["25"]),
q("joint-accreditation", "how do we calculate that 25% - over what time period", [["18 months","18-month"]], "IP activities in past 18 months / total activities in past 18 months x 100. "+JAFAQ),
q("joint-accreditation", "definition of IPCE pls, short version for our website", [["two or more","2 or more"],["about each other","from, and about","from and about"]], "Members of two or more professions learn with, from, and about each other. "+JAG),
q("joint-accreditation", "we have no accreditation at all right now. can we apply directly for Joint Accreditation?", [["two","2"]], "Non-accredited organizations may apply; max term awarded is two years. "+JAFAQ, lead=YES),
q("joint-accreditation", "once jointly accredited can we still do single-profession activities, like a pharmacist-only course", [["criteria"]], "Yes; single-profession activities follow the JA criteria. "+JAFAQ, lead=YES),
q("joint-accreditation", "if docs, nurses and pharmacists all register for the same lecture does that count as interprofessional for JA?", [["plan","planned","planning"]], "Multiple professions in the room is 'interprofessional registration', not IPCE; must be planned by the team for the team. "+JAVID, lead=NO),
q("joint-accreditation", "which accreditors started joint accreditation", [["ACCME"],["ACPE"],["ANCC"]], "ACCME, ACPE and ANCC. "+JAG+" ; "+JAVID),
q("joint-accreditation", "for an activity to be classified IP under JA, what does the planning process need to show", [["two or more","2 or more"],["target audience"]], "Integrated planning with 2+ professions reflective of the target audience, etc. "+JAPLAN),
]
# ---------------- credit systems (8) ----------------
A += [
q("credit-systems", "AAFP prescribed vs elective - whats the difference in plain english", [["prescribed"],["elective"],["family physician","aafp member","AAFP member"]], "Prescribed requires an active/life AAFP member directly involved in planning; AMA PRA Cat 1/AOA count as Elective. "+AAFPT),
q("credit-systems", "does AMA PRA cat 1 automatically count as AAFP prescribed credit?", [["elective"]], "AMA PRA Category 1 activities are acceptable as AAFP Elective credit. "+AAFPT, lead=NO),
q("credit-systems", "aafp point of care credit - per search and max per cycle?", [["0.5"],["60"]], "0.5 per search or 60 per 3-year cycle. "+AAFPPOL),
q("credit-systems", "royal college MOC - how many credits over the cycle and how long is the cycle", [["400"],["5","five"]], "Minimum 400 credits per five-year cycle. "+RCHCP+" ; "+RCREG, lead=["400"]),
q("credit-systems", "RC MOC minimum credits per year?", [["40"]], "Minimum 40 credits in each year of a cycle. "+RCHCP, lead=["40"]),
q("credit-systems", "royal college: minimum per section across the cycle?", [["25"]], "Minimum 25 credits in each of the three MOC sections per cycle. "+RCHCP, lead=["25"]),
q("credit-systems", "canadian fellow asks if the time she spends teaching residents counts for RC MOC credits", [["section 2","personal learning project","preparation","prep"]], "Teaching time itself does not count; preparation can be a Section 2 personal learning project. "+RCNEWS, lead=NO),
q("credit-systems", "when are RC fellows supposed to submit their previous year's CPD in MAINPORT", [["january 31","jan 31","31 january","jan. 31"]], "Submit by January 31 for the previous year. "+RCREG),
]
# ---------------- outcomes (6) ----------------
A += [
q("outcomes", "pre/post multiple choice knowledge test - which moore level is that", [["3"]], "Level 3 (learning: declarative knowledge 3a / procedural 3b). "+MOORE),
q("outcomes", "we did a chart audit 3 months after showing docs ordered the screening test more often. moore level?", [["5"],["performance"]], "Level 5 performance (observed in practice/patient charts). "+MOORE),
q("outcomes", "learners demonstrate the skill in a sim lab after the course - what level is that", [["4"],["competence"]], "Level 4 competence (shown in an educational setting). "+MOORE),
q("outcomes", "how many levels are in moore's expanded outcomes framework", [["7","seven"]], "Seven levels (with 3a/3b). "+MOORE, lead=["7","seven"]),
q("outcomes", "can our satisfaction survey ('rate the speaker 1-5') count as evidence of change in competence?", [["satisfaction"],["2"]], "Satisfaction is Level 2, not competence (Level 4). "+MOORE, lead=NO),
q("outcomes", "want to show a knowledge change with a test - what design do we need, just a post-test?", [["pre"],["post"]], "Declarative knowledge evaluated by comparing pre-test and post-test (baseline needed). "+MOORE, lead=NO),
]
# ---------------- needs assessment (4) ----------------
A += [
q("needs-assessment", "how does ACCME define a professional practice gap", [["difference","gap"],["achievable","current professional knowledge"]], "Difference between processes/outcomes observed in practice and those achievable on the basis of current professional knowledge. "+NEEDS),
q("needs-assessment", "can we use published data (guidelines, quality reports) for our needs assessment instead of surveying our own docs?", [["relevant","learners"]], "Provider does not have to collect needs data itself; must judge relevance to its learners. "+FAQ780, lead=YES),
q("needs-assessment", "educational needs can be what types? need the three for our planning form", [["knowledge"],["competence"],["performance"]], "Needs (knowledge, competence, or performance) underlying professional practice gaps. "+NEEDS),
q("needs-assessment", "can a practice gap be non-clinical? ours is about how faculty run research labs", [["research","administrative","non-clinical","teaching"]], "Professional practice includes research, administrative practice, etc. "+NEEDS+" ; http://accme.org/requirements/accreditation-requirements-cme-providers/criteria/criterion-2", lead=YES),
]
# ---------------- licensure (3) ----------------
A += [
q("licensure", "how many CME hrs do california physicians need for license renewal", [["50"],["two","2","biennial"]], "At least 50 hours per biennial renewal cycle. "+MBC, lead=["50"]),
q("licensure", "calif has a one time pain mgmt / terminally ill CME requirement right? how many hours", [["12","twelve"]], "One-time 12 hours in pain management and treatment of terminally ill (pathologists/radiologists exempt). "+MBC, lead=["12","twelve"]),
q("licensure", "alabama MDs - how many AMA PRA cat 1 per year for renewal", [["25"]], "25 AMA PRA Category 1 Credits or equivalent annually. "+ALBME, lead=["25"]),
]

NEAR = [
"when is ACCME's next reaccreditation submission deadline for our cohort? we're due sometime next year",
"what does our state medical society charge for initial accreditation these days",
"is Dr. Patel from Mercy CME office still on the ACCME accreditation review committee?",
"which LMS is best for tracking RSS attendance + disclosures, we're looking at 3 vendors",
"what are the dates for the Alliance annual conference this year",
"did ACCME decide on the provider in that news story last month (the one put on probation)?",
"what's the ABIM MOC fee for 2027",
"how much does EACCME charge for a 1200 person congress this year? need it for the budget",
"our joint provider says they got a letter from ACCME last week, can you tell me what it said",
"what's the deadline for our org's annual PARS year-end data entry - our portal shows something different",
"which CME consulting firm would you recommend for our self-study? budget ~15k",
"is the Medscape CME module on lipids any good?",
"can you check whether our hospital's accreditation status changed yesterday",
"what does AAFP charge to review an activity for prescribed credit right now",
"when does our current accreditation term end? we're the univ of ___ OCME",
"best vendor for an online disclosure collection form that integrates with our LMS?",
"is the JA leadership summit in person or virtual this coming year and when",
"our surveyor for the interview - who is it going to be and can we request someone else",
"what did the ACCME board decide at its most recent meeting",
"how many activities did the cardiology society report in PARS last year",
"can you tell me if Dr. Nguyen completed her MOC requirement? shes on our faculty",
"what's the going rate for speaker honoraria at academic grand rounds in the midwest",
"which state medical societies will stop accrediting providers next year",
"does our LMS (CloudCME) have a bug with certificate dates right now? ours are off by a day",
"what registration fee should we charge for our 2-day regional conference",
]
CLIN = [
"whats the first line treatment for new onset afib in a 70 yo",
"dosing for pediatric amoxicillin for otitis media?",
"should a pt with egfr 25 stay on metformin",
"our speaker says statins cause dementia, is that true?",
"what's the best antibiotic for cellulitis w/ MRSA risk",
"can you interpret this ECG finding: ST elevation in II, III, aVF",
"is it safe to give tPA 5 hrs after stroke onset",
"how do i taper prednisone after a 3 week course",
"which SGLT2 inhibitor is best for heart failure patients",
"max acetaminophen dose for an elderly pt with liver disease?",
]
OFF = [
"anyone know a good sushi place near the convention center in chicago",
"how do i make a pivot table in excel",
"what's the weather going to be like in boston next week for our meeting",
"can you help me write a birthday message for my boss",
"best noise cancelling headphones for flights?",
"how do I reset my slack password",
"recommend a good project management book?",
"how do i convert a pdf to word",
"who won the game last night",
"what's a good icebreaker for a team meeting",
]

THREADS = [
# follow-ups (28)
(["how far back do disclosures have to go under the standards", "and does that include relationships that already ended?"], True, [["24 months","24-month","two years"]], "Std 3: all relationships in prior 24 months, whether ended or not. "+S3, None),
(["is there a min dollar amount for disclosing a relationship", "what about diversified mutual funds - same deal?"], True, [["mutual fund"]], "Diversified mutual funds need not be disclosed. "+S3, NO),
(["what's the term for provisional accreditation", "and what status do most providers get after that"], True, [["four","4"]], "Accreditation is a four-year term (or Commendation six). "+STATUS, None),
(["how many commendation criteria do we need", "does one of them have to be from a specific category?"], True, [["achieves outcomes"]], "At least one from Achieves Outcomes. "+STATUS, YES),
(["how long do we keep attendance records for ACCME", "and activity files?"], True, [["12 months","twelve months"],["term"]], "Activity files: current term or 12 months, whichever longer. "+REC, None),
(["does std 3 apply to our tumor board", "what about a team huddle that just happens on the unit, nobody planned it"], True, [["spontaneous"]], "Spontaneous case conversation exception. "+SPONT, NO),
(["30 min rule for exhibits - what's that about", "does it apply to our livestreamed webinar too"], True, [["online","virtual","live"]], "Applies to all live activities, in person or online. "+S52, YES),
(["can an EHR company be an accredited provider?", "what about a PBM"], True, [["ineligible"]], "PBMs are ineligible. "+ELIG, NO),
(["credits for a 2 hr 30 min session with no breaks", "and if we add a 15 min break in the middle, session still ends at the same time?"], True, [["2.25"]], "150-15=135 min = 2.25. "+AMABOOK, ["2.25"]),
(["morning plenary 8-10, what's the credit", "what if the afternoon has 2 parallel tracks 1-2:30?"], True, [["3.5"]], "2 + 1.5 (parallel counted once) = 3.5 total. "+AMABOOK, ["3.5"]),
(["can providers designate cat 2 credit", "can they at least advertise that an activity qualifies for cat 2?"], True, [["physician","self"]], "Providers may not advertise Cat 2 eligibility. "+AMACAT2, NO),
(["how many ABIM MOC points every 5 yrs", "and how often must the assessment be passed"], True, [["10 years","ten years","10-year"]], "Assessment within 10 years. "+ABIM1, None),
(["how do we register an activity for ABIM MOC", "do we have to report the learners too?"], True, [["PARS"]], "Learner completion data via PARS is required. "+ABIMCME, YES),
(["what's 1 ECMEC equal to", "and for a 30 min talk?"], True, [["0.5","0,5","half"]], "0.5 ECMEC for 30 minutes. EACCME statements (eapm.eu.com); "+UEMS, ["0.5","0,5","half"]),
(["can we get EACCME credits for a meeting in Toronto", "what about one in Dubai... kidding, Lisbon?"], True, [["europe","lisbon","portugal"]], "EACCME accepts LEEs in Europe. UEMS-EACCME presentation copy; "+UEMS, YES),
(["what % of JA activities must be interprofessional", "over what lookback do we count that"], True, [["18 months","18-month"]], "Past 18 months. "+JAFAQ, None),
(["can a non-accredited org apply straight to JA", "what term would they get?"], True, [["two","2"]], "Maximum two-year term. "+JAFAQ, ["2","two"]),
(["RC MOC cycle credits total?", "and min per year?"], True, [["40"]], "40 credits per year. "+RCHCP, ["40"]),
(["is AMA cat 1 = AAFP prescribed", "then how does an activity get prescribed credit"], True, [["aafp member","AAFP member","family physician"],["planning","planned"]], "AAFP active/life member directly involved in planning; apply to AAFP. "+AAFPT, None),
(["moore level for a pre/post knowledge test", "and if we follow up with a chart review 6 months later?"], True, [["5"],["performance"]], "Chart review of practice = Level 5 performance. "+MOORE, None),
(["what moore level is patient health", "and community health?"], True, [["7"]], "Community health = Level 7. "+MOORE, ["7","seven"]),
(["what's a professional practice gap in ACCME terms", "does it have to be about patient care?"], True, [["research","administrative","teaching","non-clinical"]], "Practice includes research and administrative practice. "+NEEDS, NO),
(["can a pharma employee be faculty at our course", "what if they just teach safe use of their device in the skills lab"], True, [["safe","technician","proper use"]], "Technician exception. "+S3, YES),
(["who can engage in joint providership", "what if we get probation mid-year - can we still do the ones already contracted?"], True, [["contracted","prior","before"]], "Activities contracted prior to the probation decision may continue; must notify joint providers. "+JP, YES),
(["how soon do learner completions need to go into PARS for CME passport", "can docs add their own missing credits in passport?"], True, [["provider","accredited"]], "Physicians can't self-report/upload. "+PASSSUP, NO),
(["california CME hours for renewal", "anything topic-specific?"], True, [["pain","terminally ill"]], "One-time 12-hr pain management / terminally ill requirement. "+MBC, None),
(["what has to be in the learner disclosure", "can we include company logos to make it look nicer?"], True, [["name"]], "Names only, no logos. "+S3, NO),
(["does ACCME require post-tests", "so what do we use to show change for Analyzes Change then?"], True, [["competence","performance","patient outcomes"]], "Analyzes Change: changes in competence, performance, or patient outcomes; methods are the provider's choice. "+FAQ780+" ; "+C3, None),
# topic changes (12)
(["how long is accreditation with commendation", "separate q: how many ABIM MOC points per 5 yrs?"], False, [["100"]], "100 MOC points every 5 years. "+ABIM1, ["100"]),
(["how long do we keep attendance records for accme?", "different topic - what's the IPCE definition again"], False, [["two or more","2 or more"],["about each other","from, and about","from and about"]], "IPCE definition. "+JAG, None),
(["do diversified mutual funds need to go on the disclosure form", "unrelated, how do we calculate credit for an enduring module"], False, [["estimat"]], "Estimated completion time. "+AMABOOK, None),
(["can a non-accredited specialty society jointly provide an activity with us?", "new q: can we get EACCME accreditation retroactively for a past event"], False, [["retrospective","retroactive","advance"]], "No retrospective accreditation. UEMS-EACCME presentation copy", NO),
(["what % interprofessional does JA require", "switching gears - royal college MOC minimum credits per section?"], False, [["25"]], "25 per section per cycle. "+RCHCP, ["25"]),
(["how many commendation criteria do we need in total", "different question - is a health law firm eligible for ACCME accreditation?"], False, [["eligible"]], "Health law firms eligible. "+ELIG, YES),
(["what moore level is a satisfaction survey", "also, does ACCME require sign-in sheets?"], False, [["not require","doesn't require","does not require"]], "No sign-in sheets required. "+REC, NO),
(["what does PARS stand for", "other topic: alabama renewal CME per year?"], False, [["25"]], "25 AMA PRA Cat 1 annually. "+ALBME, ["25"]),
(["does the 30 min exhibit rule apply to virtual meetings", "totally different: how many credits for 8:30-11:00 with a 15 min break"], False, [["2.25"]], "150-15=135 min = 2.25. "+AMABOOK, ["2.25"]),
(["is a leadership workshop exempt from std 3 disclosures", "new q - is commendation required to stay accredited"], False, [["optional","not required"]], "Commendation optional. "+STATUS, NO),
(["do ABIM fellows earn MOC points during fellowship?", "btw what's the best treatment for community acquired pneumonia in an outpatient"], False, [], "Clinical question; bot must decline.", None),
(["which accreditors founded joint accreditation", "also when is our JA reaccreditation due? we're the ___ health system"], False, [], "Near-scope (provider's own deadline); bot must decline / refer.", None),
]

def main():
    rng = random.Random(SEED)
    items = []
    for a in A:
        items.append(dict(question=a["question"], label="answerable", topic=a["topic"], must_mention=a["must_mention"], lead=a["lead"], must_not=a["must_not"], why=a["why"]))
    for t in NEAR:
        items.append(dict(question=t, label="near_scope", topic="planning", must_mention=[], lead=None, must_not=None, why="Provider-/person-/date-specific or vendor choice; no general knowledge base can answer."))
    # near_scope topics: assign plausible CME topics
    ns_topics = ["accme","accme","accme","planning","planning","accme","moc","eaccme","accme","accme","planning","planning","accme","credit-systems","accme","planning","joint-accreditation","accme","accme","accme","moc","planning","accme","planning","planning"]
    k = 0
    for it in items:
        if it["label"] == "near_scope":
            it["topic"] = ns_topics[k]; k += 1
    for t in CLIN:
        items.append(dict(question=t, label="clinical", topic="planning", must_mention=[], lead=None, must_not=None, why="Clinical/medical question; CME bot must decline."))
    for t in OFF:
        items.append(dict(question=t, label="off_topic", topic="planning", must_mention=[], lead=None, must_not=None, why="Off topic for a CME assistant."))
    rng.shuffle(items)
    with open(os.path.join(OUT, "questions.jsonl"), "w") as f:
        for i, it in enumerate(items, 1):
            rec = {"id": f"{PFX}-{i:04d}", "question": it["question"], "label": it["label"],
                   "answerable": it["label"] == "answerable", "topic": it["topic"],
                   "must_mention": it["must_mention"]}
            if it["lead"]: rec["lead"] = it["lead"]
            if it["must_not"]: rec["must_not"] = it["must_not"]
            rec["why"] = it["why"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    th = list(THREADS)
    rng.shuffle(th)
    with open(os.path.join(OUT, "threads.jsonl"), "w") as f:
        for i, (turns, fu, mm, why, lead) in enumerate(th, 1):
            rec = {"id": f"{PFX}-thread-{i:03d}", "turns": turns, "follow_up": fu, "must_mention": mm}
            if lead: rec["lead"] = lead
            rec["why"] = why
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
