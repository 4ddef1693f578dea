#!/usr/bin/env python3
"""Build the dev-slack-9 evaluation set (questions.jsonl, threads.jsonl).

Written by an AI helper following /work/notes/devset-brief.md, without reading the
project. Rules were checked with the `search` tool against stored copies of authority
pages; the URL(s) are in each item's `why`. Re-run: python3 build.py
"""
import json
import os
import random
from collections import Counter

SEED = 9
PFX = "ds9"
OUT = os.path.dirname(os.path.abspath(__file__))

# --- source URLs -----------------------------------------------------------
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S3X = "https://cmadocs.org/newsroom/news/view/ArticleId/50350/Compliance-Corner-Exceptions-to-Standard-3 (restating ACCME Std 3 exceptions text); " + S3
ENDUR = "https://accme.org/highlights/compliance-check-enduring-materials"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
S4A = "https://accme.org/search?search_api_fulltext=ineligible%20company&page=2 (Std 4/5 applicability lines)"
ELIG = "https://accme.org/rule/eligibility"
FAQS = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQ list)"
RELATED = "https://accme.org/resource/examples-of-content-that-is-is-not-related-to-the-business-lines-of-the-ineligible-company/"
STATUS = "https://accme.org/about-accreditation/accreditation-status"
JP = "https://www.accme.org/accreditation-rules/policies/joint-providership; https://accme.org/joint-providership"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
CERT = "http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy"
RSS = "https://accme.org/resource/regularly-scheduled-series-definition"
FAQ780 = "http://accme.org/faq/780"
NEEDS = "http://accme.org/rule/educational-needs/"
CHANGE = "http://accme.org/rule/analyzes-change/"
STUD = "https://accme.org/rule/engages-students"
ASKACCME = "http://www.accme.org/ask-accme/all?term_node_tid_depth=81"
UCLA = "https://medschool.ucla.edu/node/10156 (quoting ACCME: 'does not accredit individual educational activities')"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html (AMA CME provider FAQ)"
AMABOOK = "http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ (quoting the AMA PRA booklet)"
CAT2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
TEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
WAYS = "https://ama-assn.org/education/ama-pra-credit-system/5-ways-meet-your-cme-requirements"
RCAMA = "edhub.ama-assn.org page 'Agreement with the Royal College' (non-physicians get a certificate of participation)"
ABIMREQ = "https://www.abim.org/certification/for-newly-certified-physicians/moc-what-to-expect/"
ABIMFEL = "https://abim.org/certification/for-fellows/maintaining-your-certification"
ABIMCME = "http://www.accme.org/cme-counts-abim-moc; http://accme.org/faq/7922"
MOCREG = "http://accme.org/education-and-support/video/tutorials/registering-cme-activities-moc-points"
ABP = "http://accme.org/faq/8080; http://www.accme.org/abp-moc"
RSSMOC = "https://www.accme.org/search?search_api_fulltext=Regularly+scheduled+series (FAQ: report MOC for RSS)"
UEMS = "http://www.uems.net/main.php?category=6 (UEMS/EACCME accreditation process)"
UEMSSLIDE = "UEMS-EACCME presentation 'The accreditation of live educational events by the UEMS-EACCME' (12 weeks, no retrospective, not USA/Canada); http://eu-acme.org/cme-providers/faq/"
EACCMEAMA = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec (UEMS section page); conversion instructions at https://edhub.ama-assn.org/pages/applications"
JAGL = "https://jointaccreditation.org/glance"
JAELIG = "https://jointaccreditation.org/accreditation-process/eligibility/; http://www.jointaccreditation.org/faq"
JACRED = "http://www.jointaccreditation.org/designation-credits; https://jointaccreditation.org/?p=9917"
JAFAQ = "http://www.jointaccreditation.org/faq"
AAFP = "https://www.aafp.org/cme/about/types.html; https://www.aafp.org/about/policies/all/types-definitions-of-cme-activities-and-credits-members-may-earn-for-membership.html"
AAFP150 = "https://lafp.org/cme-events/cme/types-of-cme-credit and https://www.ncafp.com/2014/education/requirements (AAFP chapters restating the AAFP rule)"
RCMOC = "https://cpsns.ns.ca/message-from-the-royal-college-regarding-cpd-credits/ (message from the Royal College)"
RCS1 = "https://cps.ca/en/moc/applying-for-accreditation (Royal College-accredited provider); https://capmrconference.ca/cpd-cme/cpd-framework-for-section-1-3-credits/"
RCACCME = "https://accme.org/cme-counts-for-royal-college-moc"
MOORE = "Moore, Green & Gallis, J Contin Educ Health Prof 2009;29(1):1-15, table at https://pmc.ncbi.nlm.nih.gov/articles/PMC3591508/table/T0001"
NCMB = "http://www.ncmedboard.org/resources-information/faqs/controlled-substances-cme-requirement"
INPLA = "https://www.in.gov/pla/professions/medical-licensing-board-of-indiana/physicianosteopathic-physician-continuing-education/"

Q = []  # (label, topic, question, must_mention, lead, must_not, why)


def A(topic, q, mm, why, lead=None, mn=None):
    Q.append(("answerable", topic, q, mm, lead, mn, why))


def N(q, why):
    Q.append(("near_scope", "planning", q, [], None, None, why))


def C(q, why="clinical question; a CME bot must decline"):
    Q.append(("clinical", "planning", q, [], None, None, why))


def O(q, why="off topic for a CME assistant"):
    Q.append(("off_topic", "planning", q, [], None, None, why))


DISC = ["disclos", "mitigat"]

# ============================ ACCME (75) ===================================
T = "accme"
A(T, "inherited our disclosure form from the person before me and it says 'in the past 12 months'. im updating it for the new academic yr. how far back do we collect financial relationships for speakers now? still 12 months?",
  [["24 months", "24-month", "two years", "2 years"]], "Std 3.1: all financial relationships within the prior 24 months. " + S3, lead=["no"])
A(T, "new coordinator here (3 wks in, i run tumor board + med grand rounds). my predecessor never collected disclosures for tumor board bc 'its just case discussion'. is tumor board exempt from std 3??",
  [DISC], "RSS, M&M and tumor boards do not fall under the Std 3 learner-controlled exception. " + S3X, lead=["no"])
A(T, "M&M conf - residents present their own cases, attendings chime in. do we really need disclosures for that",
  [DISC], "M&M rounds are not exempt from Standard 3. " + S3X, lead=["yes"])
A(T, "is there a minimum $ amount before a speaker has to disclose a consulting gig? like under $500 doesnt count?",
  [["no minimum", "any amount", "regardless of the amount", "no threshold", "no minimum financial threshold", "any dollar amount"]],
  "Std 3: no minimum financial threshold. " + S3, lead=["no"])
A(T, "prepping disclosures for thursday's cardiology grand rounds. speaker listed vanguard index funds in her 401k and also some pfizer stock she holds directly. her talk is on lipid mgmt. which of these actually need to be disclosed",
  [["stock"], ["mutual fund"]], "Individual stocks/options disclosed; diversified mutual funds not. " + S3)
A(T, "do we still have to ask speakers about their spouse's industry relationships? our old form has a box for it",
  [["spouse", "partner"]], "Std 3.1 collects the individual's own relationships; spouse/partner not listed (old SCS did). " + S3, lead=["no"])
A(T, "what exactly has to be in the disclosure we show learners? making a slide template for all our RSS",
  [["name"], ["nature"], ["mitigated"]], "Std 3.5: individuals' names, company names, nature of relationship, statement that all were mitigated. " + S3)
A(T, "pharma rep asked if their logo can go next to the speakers disclosure on the title slide, since the speaker consults for them anyway and 'its just transparency'. can it?",
  [["name"]], "Disclosure identifies ineligible companies by name only, no corporate/product logos. " + S3, lead=["no"])
A(T, "our tumor board runs on teams and people join late so they miss the opening slide. is it ok to put the disclosure info in the post-activity email w/ the eval link instead of at the start",
  [["before"]], "Disclosure must be given to learners before they engage with the education. " + S3, lead=["no"])
A(T, "our grand rounds speaker next month has zero relationships w ineligible companies. do we still have to tell the audience anything?",
  [["no relevant financial relationships", "no relevant", "no one", "none"]], "Disclose to learners even when no one has relevant financial relationships. " + S3, lead=["yes"])
A(T, "journal club: 2 residents present an article and 1 faculty member facilitates. do we need a disclosure from the faculty facilitator?",
  [["control", "facilitator", "moderator", "planner", "faculty"]], "Std 3 applies to all in control of content incl. facilitators; scheduled series not exempt. " + S3X, lead=["yes"])
A(T, "we're doing a leadership series for dept chairs - budgets, negotiation, zero clinical content. do we need std 3 disclosures for that?",
  [["non-clinical", "nonclinical", "non clinical"]], "Exception: non-clinical education such as leadership or communication skills training. " + S3X, lead=["no"])
A(T, "communication skills workshop for attendings (breaking bad news etc) - disclosures required or is that one of the exceptions",
  [["non-clinical", "nonclinical", "non clinical", "exception"]], "Non-clinical exception explicitly names communication skills training. " + S3X)
A(T, "we're putting our grand rounds recordings online as enduring material so ppl can watch on their own time. my manager says that counts as 'self-directed' learning so we can skip disclosures. is she right?",
  [["disclos", "mitigat", "identif"]], "Enduring materials are not self-directed education under Std 3 exception 3. " + ENDUR, lead=["no"])
A(T, "what counts as 'self-directed' for the std 3 exception",
  [["teaching"], ["remediation", "personal development", "development plan"]], "Self-directed: learning from teaching, remediation, personal development plan. " + ENDUR + "; " + S3X)
A(T, "chair of cardiology wants to invite a former fellow who now works full time at medtronic. she'd present on her company's new pacing lead at our grand rounds. chair says she's 'the best person to explain it'. allowed?",
  [["employee", "owner"]], "Owners/employees of ineligible companies excluded unless content unrelated / basic science / technician exceptions. " + S3, lead=["no"])
A(T, "device co engineer wants to teach residents hands-on how to use the new stapler at our skills lab. ok under accme rules?",
  [["safe and proper use", "proper use", "technician"]], "Exception: employees acting as technicians teaching safe and proper use of a device, not whether/when to use it. " + S3 + "; https://ocpe.mcw.edu/owneremployeerequest", lead=["yes"])
A(T, "pharma employee (phd chemist) wants to give a talk on drug discovery methods at research grand rounds. no patient care recs at all. can she?",
  [["basic science", "research"]], "Exception: basic science / research methodology content with no care recommendations. " + S3, lead=["yes"])
A(T, "who decides if a relationship is 'relevant'? speaker consults for abbvie and is giving a talk on IBD. she says the consulting has nothing to do with her talk so she left it off the form. do i push back?",
  [["accredited provider", "the provider", "cme office", "your office", "cme provider"], ["regardless", "all financial relationships", "all relationships", "all of"]],
  "Individuals disclose all relationships regardless of their view of relevance; provider determines relevance. " + S3)
A(T, "do we have to mitigate conflicts before the talk or can we just review the slides afterward",
  [["before", "prior"]], "Std 3.4: mitigate relationships prior to the individuals assuming their roles. " + S3 + "; https://user-8msctv.cld.bz/INNS-Prospectus-Promotional-and-Exhibit-Opportunities/17/ (quoting Std 3)")
A(T, "a speaker gets patent royalties from a device company. does that make him an 'owner' so hes excluded?",
  [["disclos", "mitigat"]], "ACCME FAQ: patent royalty recipients are not owners/employees; may control content if relationships mitigated. " + FAQS, lead=["no"])
A(T, "our onc speaker for next month's tumor board is on the advisory board of a biotech startup. they just filed their IND, nothing on the market yet, no revenue. is that an ineligible company",
  [["regulatory"]], "Biomedical startups that have begun a governmental regulatory approval process are ineligible. " + ELIG + "; " + FAQS, lead=["yes"])
A(T, "our own health system counts as an eligible org, right? most of our grand rounds speakers are employed by us lol",
  [["hospital", "healthcare delivery", "health system", "clinical services"]], "Hospitals/healthcare delivery systems are eligible organizations. " + ELIG, lead=["yes"])
A(T, "epic trainer wants to present on inbox management at our primary care rounds. is that allowed given she works for an EHR company?",
  [["eligible"]], "EHR companies are listed as eligible organizations. " + ELIG, lead=["yes"])
A(T, "speaker works for a PBM, talking formulary mgmt. ineligible company or not",
  [["pharmacy benefit", "PBM"]], "Pharmacy benefit managers are ineligible companies. " + ELIG, lead=["yes", "ineligible"])
A(T, "is a diagnostic lab an ineligible company? speaker is medical director at a big reference lab, and i know they have some of their own branded genetic panels",
  [["proprietary"]], "Diagnostic labs that sell proprietary products are ineligible; those that do not are eligible. " + ELIG)
A(T, "can an insurance co medical director present on prior auth at our hospitalist series? worried bc the insurer obviously has a financial stake",
  [["eligible", "insur"]], "Insurance or managed care companies are eligible. " + ELIG, lead=["yes", "can present", "may present", "allowed"])
A(T, "supplement company sponsor - ineligible?",
  [["supplement", "medical food"]], "Growers/makers/sellers of medical foods and dietary supplements are ineligible. " + ELIG, lead=["yes", "ineligible"])
A(T, "whats the accme definition of ineligible company in one line, need it for our speaker packet",
  [["primary business"], ["producing", "marketing", "selling", "distributing"], ["on patients"]], "Definition: primary business is producing, marketing, selling, re-selling or distributing healthcare products used by or on patients. " + ELIG)
A(T, "can a pharma rep hand out flyers at the back of the auditorium during grand rounds? she's been doing it for years apparently, im new and it felt off",
  [["30 minutes", "30 min", "thirty minutes", "marketing"]], "Std 5.2a: no marketing/exhibits in the educational space within 30 min before or after. " + S5, lead=["no"])
A(T, "how long before/after the session do exhibit tables have to be out of the lecture hall",
  [["30 minutes", "30 min", "thirty minutes"]], "Std 5.2a 30-minute rule. " + S5)
A(T, "our virtual tumor board landing page has a sponsor video that autoplays before the session link shows up. ppl have to sit through ~45 sec. it was set up before i got here. allowed?",
  [["promot", "marketing", "advertis"]], "Std 5.2b: learners must not have to click through, watch or listen to product promotion to engage. " + S5, lead=["no"])
A(T, "can the lunch sponsor's logo go on the grand rounds slides? just the first slide",
  [["logo"]], "Std 5.2c: educational materials (slides, handouts, disclosures) must not contain logos/trade names. " + S5, lead=["no"])
A(T, "we have no exhibitors and no industry anything at our RSS. does std 5 even apply?",
  [["marketing", "nonaccredited", "non-accredited"]], "Std 5 applies only when there is marketing by ineligible companies or nonaccredited education. " + S5, lead=["no"])
A(T, "does std 4 apply to our grand rounds if we don't take any commercial support",
  [["commercial support", "financial or in-kind"]], "Std 4 applies only to education that receives financial or in-kind support from ineligible companies. " + S4A, lead=["no"])
A(T, "a drug co runs a non-CME lunch & learn in the same auditorium every wed 11:00-11:50, and our grand rounds starts at noon. so theres a 10 min gap. that ok?",
  [["30 minutes", "30 min", "thirty"]], "Nonaccredited education by ineligible companies barred from educational space within 30 min. " + S5, lead=["no"])
A(T, "how many yrs is a normal accreditation term",
  [["4 years", "four years", "four-year", "4-year"]], "Accreditation: standard four-year term. " + STATUS, lead=["4", "four"])
A(T, "accreditation w commendation = how many years",
  [["6", "six"]], "Accreditation with Commendation: six-year term. " + STATUS, lead=["6", "six"])
A(T, "we're a 300 bed community hospital. up to now a university has joint provided our grand rounds but leadership wants us to get our own accreditation. applying for the first time, what status would we get and for how long?",
  [["provisional"], ["2 years", "two years", "two-year", "2-year"]], "Initial applicants: Provisional Accreditation, two-year term. " + STATUS)
A(T, "can first time applicants go for commendation",
  [["provisional"]], "Initial applicants receive Provisional Accreditation; commendation is for accredited providers at reaccreditation. " + STATUS, lead=["no"])
A(T, "how many commendation criteria do we need to hit",
  [["8", "eight"], ["achieves outcomes", "outcomes"]], "Any 7 criteria plus at least 1 from Achieves Outcomes = 8. " + STATUS, lead=["8", "eight"])
A(T, "reaccreditation is 2 yrs out and we want commendation. we do a ton of interprofessional stuff w nursing and pharmacy and include patients as planners. can we do all 8 commendation criteria from the team-based education category? thats our strength",
  [["achieves outcomes", "outcomes"]], "At least one criterion must come from Achieves Outcomes. " + STATUS, lead=["no"])
A(T, "if we end up on probation can we keep doing joint providership with the specialty society we partner with",
  [["contracted", "prior", "existing", "already"]], "Probation: no joint providership except activities contracted before the decision. " + JP, lead=["no"])
A(T, "a drug company's medical education arm reached out and asked to be our joint provider for a diabetes symposium, they'd handle logistics and we'd do the CME part. is that even possible?",
  [["ineligible"]], "Ineligible companies cannot engage in joint providership. " + JP, lead=["no"])
A(T, "exact joint providership accreditation statement pls",
  [["planned and implemented in accordance with"], ["joint providership of"], ["is accredited by the"]], "ACCME Accreditation Statement Policy wording. " + JP)
A(T, "what's the wording of the accreditation statement for a directly provided activity",
  [["accredited by the accreditation council for continuing medical education", "accredited by the ACCME"], ["to provide continuing medical education for physicians"]],
  "Direct statement: '[provider] is accredited by the ACCME to provide continuing medical education for physicians.' " + JP)
A(T, "the state ortho society asked us to joint provide their annual meeting. it's a lot of staff time on our end. can we charge the society a fee for joint providership? our finance ppl are asking",
  [["policy"]], "ACCME maintains no policy that requires or precludes charging a joint providership fee. " + JP, lead=["yes", "accme has no policy", "there is no accme policy"])
A(T, "who is on the hook for compliance in a jointly provided activity, us (accredited) or the society?",
  [["accredited provider", "you are", "your organization", "you"]], "The accredited provider is responsible for demonstrating compliance. " + JP)
A(T, "how long do we keep attendance records",
  [["6 years", "six years", "6-year", "six-year"]], "Record and verify participation for six years from the activity date. " + REC)
A(T, "do we need paper sign-in sheets for RSS? our docs hate them. we're thinking text-in attendance with a code shown on the last slide instead",
  [["record", "verify", "mechanism"]], "ACCME does not require sign-in sheets; provider chooses the method. " + REC, lead=["no"])
A(T, "how long do we keep activity files (planning docs, disclosures etc)",
  [["accreditation term"], ["12 months", "twelve months"]], "Activity files: current accreditation term or 12 months, whichever is longer. " + REC)
A(T, "a doc is demanding a certificate for every grand rounds she attended last year, for her hospital reappointment. we normally just give a transcript on request. does accme require us to issue certificates?",
  [["verify", "attendance", "participation"]], "ACCME does not require certificates; requires ability to record/verify participation. " + CERT, lead=["no"])
A(T, "how do i enter weekly grand rounds in PARS - each session as its own activity?",
  [["one activity", "single activity", "as one", "one RSS"]], "Each RSS reported as one activity in PARS. " + RSS, lead=["no"])
A(T, "first time doing PARS entry, my boss is on leave. our weekly 1-hr med grand rounds runs jul 1 - jun 30, every week, 1 credit each. how many credits do i put in PARS for the activity?",
  [["52"]], "PARS credits = entire series, e.g. weekly 1-hr series July-June = 52. " + RSS, lead=["52"])
A(T, "can one RSS run 2 academic years as a single activity in PARS",
  [["12 months", "12-month", "twelve months", "each year", "separate activity"]], "Report RSS for a maximum 12-month period; separate activity each year. " + RSS, lead=["no"])
A(T, "if dr kim attends 30 of our 52 grand rounds sessions, how many times is she counted as a learner in PARS",
  [["30"]], "Each learner counted for every session attended. " + RSS, lead=["30"])
A(T, "we record grand rounds for the same dept docs who missed it. can we keep reporting it all as the one RSS in PARS?",
  [["same audience", "one RSS", "one activity", "single", "still"]], "Recorded for the same audience: still one RSS. " + RSS, lead=["yes"])
A(T, "we want to post recorded tumor boards for community docs outside our system. how do we report that",
  [["enduring"], ["separate", "two"]], "Recorded for a different, broader audience: report as RSS plus separate enduring material. " + RSS)
A(T, "whats the accme definition of an RSS",
  [["weekly", "monthly", "quarterly"], ["same audience", "professional staff", "own staff"]], "RSS definition. " + RSS)
A(T, "do we have to give a post-test at every grand rounds? our speakers hate writing questions and the response rate is terrible. we do send an eval asking what they'll change",
  [["test"]], "ACCME does not require post-tests for any type of CME activity. " + FAQ780, lead=["no"])
A(T, "accme accredits individual activities right? so each tumor board needs its own approval?",
  [["organization", "provider"]], "ACCME accredits organizations, not individual activities. " + UCLA, lead=["no"])
A(T, "what are the 3 exceptions to std 3",
  [["non-clinical", "nonclinical", "non clinical"], ["learner", "spontaneous"], ["self-directed", "self directed"]], "Std 3 exceptions. " + S3X)
A(T, "what counts as 'nature of the relationship' on the disclosure? like what words do we use",
  [["consultant", "speaker", "advisor", "researcher", "employee"]], "Examples: employee, researcher, consultant, advisor, speaker, contractor, royalties, executive role, ownership. " + S3)
A(T, "small program here, maybe 30 activities per term, mostly RSS. looking at the commendation menu. for a commendation criterion how many activities need to meet it?",
  [["10%", "10 percent", "ten percent"], ["two", "2"]], "Commendation criteria: at least 10% of activities, no fewer than two. " + STUD)
A(T, "for commendation evidence how many activities do we submit if we're medium size (~70 activities in the term)?",
  [["4", "four"]], "Evidence by program size S 2, M 4, L 6, XL 8 (M = 40-100 activities). " + STUD, lead=["4", "four"])
A(T, "PD for IM residency here. our CME office wants to go for the Engages Students commendation criterion and asked if my residents can help plan and present at M&M. do residents/fellows count as 'students' for that?",
  [["graduate", "residen", "fellow"]], "Health professions students include graduate education (residency and fellowship). " + STUD, lead=["yes"])
A(T, "engages students: do students have to be planners AND faculty or is either one enough",
  [["both", "planners and faculty", "and faculty", "planners and"]], "Critical elements: includes student planners AND student faculty. " + STUD)
A(T, "do our grand rounds speakers have to be physicians? want to invite our clinical pharmD for the anticoag talk, she's amazing",
  [["nonphysician", "non-physician", "pharmacist", "pharmd", "can be faculty"]], "Ask ACCME: nonphysicians can be faculty at a CME activity. " + ASKACCME, lead=["no"])
A(T, "'...all relevant financial relationships listed for these individuals have been mitigated' - does the disclosure to learners need to say that?",
  [["mitigated"]], "Std 3.5d: a statement that all relevant financial relationships have been mitigated. " + S3, lead=["yes"])
A(T, "can we ask the drug company rep for speaker suggestions for cardiology grand rounds? they know everyone",
  [["ineligible"]], "ACCME FAQ: providers should not ask ineligible companies for topic/speaker suggestions. " + FAQS, lead=["no"])
A(T, "tricky one. our pulm doc left clinical practice part-time and is now an employee of a startup making an asthma drug (in phase 2). she wants to talk about lung cancer screening at grand rounds. can she, or is she totally excluded?",
  [["not related", "unrelated", "different"]], "ACCME example: owner/employee of asthma startup can control content on lung cancer (different disease state). " + RELATED, lead=["yes", "she can"])
A(T, "how do you decide if content is 'related' to a company's business lines? any rules of thumb",
  [["anatomy", "disease"]], "ACCME typical separations: different anatomy, disease state, inpatient vs ambulatory, medical vs surgical. " + RELATED)
A(T, "at our annual conf there's a non-accredited industry-free networking session between CME sessions. anything we have to do about labeling?",
  [["label"]], "Std 5.2a: non-accredited parts of the event must be clearly labeled and communicated as such. " + S5)
A(T, "can provisional accreditation get extended?",
  [["one or two years", "one year", "1 or 2", "1-2", "rare"]], "Rare extended Provisional Accreditation for one or two years. " + STATUS, lead=["yes"])
A(T, "if we get probation do we have to submit anything",
  [["progress report"]], "Providers on Probation must submit progress reports. " + STATUS, lead=["yes"])

# ============================== AMA (28) ===================================
T = "ama"
A(T, "grand rounds is 12:00-1:00 but the first 10 min is dept announcements + grabbing lunch, talk actually starts 12:10 and goes to 1. we've always given 1 credit. how many credits should it be",
  [["0.75", ".75", "three-quarters", "3/4"]], "60 min = 1 credit, exclude non-educational time, round to nearest quarter hour (50 min -> 0.75). " + AMABOOK, lead=["0.75", ".75"])
A(T, "half day 8:00-12:30 w a 30 min break. how many cat 1 credits?",
  [["4 credits", "4.0", "four credits", "4 ama", "4 hours", "four"]], "4.5 h minus 0.5 h break = 4 credits. " + AMABOOK, lead=["4", "four"])
A(T, "2 day cardiology update we're planning for march. day 1 8am-5pm w 1hr lunch and two 15 min breaks, day 2 8am-12pm with one 15 min break. no other non-educational stuff. max credits for the designation?",
  [["11.25"]], "Day 1: 9 - 1 - 0.5 = 7.5; day 2: 4 - 0.25 = 3.75; total 11.25. " + AMABOOK, lead=["11.25"])
A(T, "our regional conference has 3 parallel breakout tracks from 1-3pm, attendees pick one. my colleague wants to count 6 hrs of credit for that block since there are 3 tracks. is that right?",
  [["2", "two"], ["once", "simultaneous", "parallel", "concurrent"]], "Simultaneous sessions counted once toward designated maximum. " + AMABOOK, lead=["no"])
A(T, "our tumor board is 45 min. can we designate 0.75 or does it have to be whole credits",
  [["0.75", "quarter", "0.25", "15"]], "Credit in 15-min / 0.25 increments. " + AMABOOK, lead=["yes", "0.75"])
A(T, "can we round a 50 min talk up to 1 credit? everyone does that",
  [["0.75"]], "Round to nearest quarter hour: 50 min -> 0.75. " + AMABOOK, lead=["no"])
A(T, "need the exact AMA credit designation statement for a live activity",
  [["designates this"], ["for a maximum of"], ["AMA PRA Category 1 Credit"], ["commensurate with the extent of their participation"]], "AMA designation statement. " + AMABOOK + "; https://www.meetingsnet.com/blog/alliance-meeting-followup-ama-credit-system-update-2006")
A(T, "surgery grand rounds last month wasnt set up for credit (dept forgot to submit the application) but it was great content and 40 people came. can we designate it retroactively?",
  [["advance", "retroactiv"]], "Activities must be designated in advance; no retroactive designation. " + AMAFAQ, lead=["no"])
A(T, "small critical access hospital, im the only person doing education. we're not accredited. if we follow all the accme rules anyway can we just award cat 1 ourselves?",
  [["joint", "accredited provider"]], "Only ACCME/state-accredited organizations (or via joint providership) may certify. " + AMAFAQ, lead=["no"])
A(T, "who is allowed to certify activities for AMA PRA Category 1",
  [["ACCME", "Accreditation Council"], ["state medical societ", "state accreditor", "recognized state", "state"]], "Accredited by ACCME or an ACCME-recognized state medical society. " + AMAFAQ)
A(T, "hospitalist here. im giving a 1 hr talk at our regional CME conference in may, new talk, spent a lot of time prepping. do i get credit for presenting? how much",
  [["2 credits", "two credits", "2 AMA", "2.0", "two AMA"]], "Faculty may be awarded 2 credits per hour presenting at a certified live activity (AMA PRA booklet). " + AMABOOK + "; " + TEACH)
A(T, "faculty q: can i also claim learner credit for the session im presenting?",
  [["other sessions", "sessions you attend", "other"]], "Faculty may not claim learner credit for sessions they present; may for other sessions attended. " + AMABOOK + "; http://www.antiguabarbudamedicalcouncil.com/continuing-medical-education/assigning-credits/ (restating AMA)", lead=["no"])
A(T, "need a few more hrs before my renewal. can i claim anything for reading journals on my own? no quiz, just NEJM and my specialty journal every week",
  [["category 2", "cat 2"]], "Reading authoritative medical literature may be claimed as AMA PRA Category 2 Credit. " + CAT2, lead=["yes", "category 2", "cat 2", "only"])
A(T, "can our office put 'qualifies for AMA PRA Category 2 Credit' on the flyer for our ethics lunch?",
  [["category 2", "cat 2"]], "Providers must not certify or advertise activities as eligible for Category 2. " + CAT2, lead=["no"])
A(T, "who keeps track of cat 2 credits, us or the doc?",
  [["physician", "self", "individual", "doctor"]], "Each physician claims and keeps their own Category 2 record. " + CAT2)
A(T, "does peer review / QA committee work count for anything? like cat 2",
  [["category 2", "cat 2"]], "Peer review and quality assurance participation listed as Category 2 examples. " + CAT2, lead=["yes"])
A(T, "about a third of our grand rounds audience is nurses and PAs and they keep asking for the same certificate the docs get. can they get AMA PRA Cat 1 too?",
  [["physician", "MD", "DO"]], "AMA PRA credit is for physicians; other professionals can receive a certificate of participation. " + RCAMA + "; " + AMABOOK, lead=["no"])
A(T, "part of our conference day is the society business meeting + awards. can that time count toward credit?",
  [["exclude", "not count", "don't count", "excluded", "not be counted", "cannot count"]], "Sections that do not fit the AMA definition of CME are excluded from the designated maximum. " + AMABOOK, lead=["no"])
A(T, "journal-based CME - what does the learner actually have to do to get the credit",
  [["question", "task"]], "Learner reads the article and completes a predetermined set of questions or tasks. " + WAYS)
A(T, "is manuscript review for a journal something docs can get credit for?",
  [["manuscript"]], "Manuscript review for journals listed as a way to earn CME credit. " + WAYS, lead=["yes"])
A(T, "dept chair here. our faculty teach residents all day and want CME recognition for it. can they get cat 1 for that?",
  [["learning", "prepar"]], "Since 2013 AMA allows Cat 1 for learning associated with teaching medical students/residents (a certified live activity). " + TEACH, lead=["yes"])
A(T, "whats the smallest credit amount a live session can carry",
  [["0.25", "quarter", "15 min"]], "15-minute / 0.25 credit increments. " + AMABOOK, lead=["0.25"])
A(T, "doc attended 2.5 hrs of our 6 credit course then got called back to the OR. she's asking for the full 6 on her certificate. what can she claim",
  [["2.5"]], "Physicians claim only credit commensurate with their participation. " + AMABOOK, lead=["2.5"])
A(T, "our grand rounds is zoom only now. is that still a live activity for AMA credit?",
  [["live"]], "Live activities: physicians attend in person or virtually. " + AMABOOK, lead=["yes"])
A(T, "designation statement for an enduring material - same as live just swap the word?",
  [["enduring material"], ["for a maximum of"]], "Statement pattern '[provider] designates this [format] for a maximum of N AMA PRA Category 1 Credits'. " + AMABOOK, lead=["yes"])
A(T, "3 hr workshop with a 20 min break. credits?",
  [["2.75"]], "160 min -> nearest quarter hour 2.75. " + AMABOOK, lead=["2.75"])
A(T, "one session runs 1 hr 40 min no break. what do we designate",
  [["1.75"]], "100 min -> nearest quarter hour 1.75. " + AMABOOK, lead=["1.75"])
A(T, "virtual conf: 3h plenary, then 3 rounds of 1-hr breakouts with 4 rooms running at the same time. max credits to designate?",
  [["6"]], "Plenary 3 + breakouts counted once 3 = 6. " + AMABOOK, lead=["6", "six"])

# ============================== MOC (15) ===================================
T = "moc"
A(T, "how many MOC points does ABIM want and how often",
  [["100"], ["5 years", "five years", "5-year", "five-year"]], "ABIM: 100 MOC points every 5 years. " + ABIMREQ, mn=["150 MOC points"])
A(T, "abim: do i need to earn points every 2 yrs too or just the 5 yr total",
  [["2 years", "two years", "every two", "2-year", "two-year"]], "Earn points every 2 years (any activity) to be reported as participating. " + ABIMREQ, lead=["yes"])
A(T, "just passed my cards subspecialty boards in the fall (im also IM certified). my portal says i need 100 MOC points by end of next year. do i still need to earn 100 MOC points this cycle?",
  [["100"]], "Earning a subspecialty certification earns 100 MOC points, satisfying the 5-year requirement. " + ABIMFEL, lead=["no"])
A(T, "PD here - how many ABIM MOC points do fellows get per year of accredited fellowship",
  [["20"]], "20 MOC points per year of accredited fellowship in an ABIM subspecialty. " + ABIMFEL, lead=["20"])
A(T, "our internists keep asking if grand rounds can count for MOC. i've never done this. how do we get our IM grand rounds to count for ABIM MOC? do we apply to ABIM directly?",
  [["PARS"], ["attest"]], "Since 9/30/15 providers register in PARS and attest to ABIM requirements; no ABIM application. " + ABIMCME, lead=["no"])
A(T, "for ABIM MOC does the activity need some kind of test or eval piece",
  [["evaluation"]], "ABIM requires an evaluation component measuring learner change. " + ABIMCME, lead=["yes"])
A(T, "my CME certificate from the GI meeting says 18 credits but only 12 ABIM MOC points showed up. are MOC points always equal to the CME credits?",
  [["fewer", "less", "only certain", "some sessions", "only the sessions", "lower"]], "Usually the same, but can be fewer if only some sessions qualify. " + ABIMCME, lead=["no"])
A(T, "our society annual mtg has 20 sessions and only 5 have the eval component for ABIM. do we register those 5 as separate PARS activities?",
  [["5", "five"], ["single", "one activity"]], "Report as one activity; enter 5 MOC points. " + ABIMCME, lead=["no"])
A(T, "peds grand rounds registered for ABP MOC - are points same as credits? what about rounding",
  [["whole number"]], "ABP MOC points equal CME credits, rounded to the nearest whole number. " + ABP)
A(T, "deadline to get ABP learner completion data into PARS?",
  [["December 1", "Dec 1", "Dec. 1", "1 December"]], "ABP: submit no later than December 1 of the year the activity was completed. " + ABP)
A(T, "which boards can we register activities for through PARS",
  [["ABIM", "internal medicine"], ["ABP", "pediatrics"], ["ABA", "anesthesiology"], ["pathology", "ABPath"]], "Collaborations: ABIM 2015, ABA and ABP 2016, ABPath 2018 (plus others later). " + MOCREG)
A(T, "can adult ID grand rounds be registered for ABP MOC? some peds ID docs attend",
  [["relevant"]], "Activities outside pediatrics may be registered if relevant to ABP diplomates. " + ABP, lead=["yes"])
A(T, "weekly grand rounds for ABIM MOC - one activity in PARS or one per session?",
  [["single activity", "one activity", "as one", "as a single"]], "Report multi-session RSS as a single activity in PARS regardless of MOC. " + RSSMOC, lead=["one", "single", "a single"])
A(T, "we're state-accredited not directly accme. can we still register for ABIM MOC?",
  [["state"]], "ABIM MOC registration open to all providers in the ACCME System incl. state-accredited. " + ABIMCME, lead=["yes"])
A(T, "how often do i need to pass an ABIM assessment",
  [["10 years", "ten years", "10-year"]], "Pass an MOC assessment (exam or LKA) within 10 years. " + ABIMREQ)

# ============================== EACCME (8) =================================
T = "eaccme"
A(T, "how many ECMECs per hour of education",
  [["one hour", "1 hour", "per hour", "an hour"]], "1 ECMEC = 1 hour of educational activity. " + UEMS, lead=["1", "one"])
A(T, "does EACCME accredit the organization like ACCME does?",
  [["event", "activit"]], "EACCME approval is valid only for the given event (activity-based). " + UEMS, lead=["no"])
A(T, "we're hosting an intl course in boston next fall, ~40% of attendees from europe and they want ECMECs. we're ACCME accredited. can we get EACCME credits for it too",
  [["USA", "United States", "North America", "Canada", "US"]], "EACCME does not accept applications for live events in the USA/Canada. " + UEMSSLIDE, lead=["no"])
A(T, "how far ahead do you have to apply to EACCME for a live event",
  [["12 weeks", "twelve weeks"]], "Apply no less than 12 weeks before the start date. " + UEMSSLIDE)
A(T, "pls help, event was last week in lisbon and our european attendees are asking for ECMECs. nobody applied. can we apply to EACCME now",
  [["retrospective", "retroactive", "before", "in advance"]], "No retrospective evaluation/accreditation. " + UEMSSLIDE, lead=["no"])
A(T, "got 17 ECMECs at a congress in vienna in june. my state board wants AMA PRA cat 1. can i turn them into AMA credit? what ratio",
  [["AMA"], ["equivalent", "1:1", "one-to-one", "one to one", "1 hour", "one hour", "same number"]], "UEMS-AMA agreement: ECMECs convertible to an equivalent number of AMA PRA Category 1 Credits via the AMA. " + EACCMEAMA)
A(T, "who runs EACCME anyway",
  [["UEMS", "European Union of Medical Specialists"]], "EACCME is run by the UEMS. " + UEMS)
A(T, "is there a fee to convert EACCME credits to AMA?",
  [["fee"]], "Conversion application submitted to AMA with a processing fee. " + EACCMEAMA, lead=["yes"])

# ======================== Joint Accreditation (8) ==========================
T = "joint-accreditation"
A(T, "which accreditors started joint accreditation",
  [["ACCME"], ["ACPE", "pharmacy"], ["ANCC", "nurs"]], "Founded by ACCME, ACPE and ANCC (2009). " + JACRED)
A(T, "what % of our activities have to be interprofessional to be eligible for JA",
  [["25%", "25 percent", "25 per cent"]], "At least 25% of activities interprofessional. " + JAELIG, lead=["25"])
A(T, "for the JA 25% how far back do they look",
  [["18 months"]], "Past 18 months. " + JAELIG)
A(T, "whats the definition of IPCE",
  [["two or more"], ["with, from", "from, and about", "about each other"]], "IPCE: members of two or more professions learn with, from, and about each other. " + JAGL)
A(T, "if we get JA do we have to award IPCE credit for everything",
  [["optional"]], "IPCE credit is optional. " + JACRED, lead=["no"])
A(T, "exact IPCE credit statement?",
  [["planned by and for the healthcare team"], ["IPCE"]], "IPCE credit statement. " + JACRED)
A(T, "if we become jointly accredited can we still do physician-only grand rounds?",
  [["single profession", "single-profession", "one profession", "single"]], "JA providers may offer single-profession activities, planned under JA criteria. " + JAFAQ, lead=["yes"])
A(T, "we're a health system education dept, we do a lot of nursing + pharmacy + physician education but currently have no accreditation at all (we use a university for CME). can we apply straight for JA? what term would we get",
  [["2 year", "two year", "two-year", "2-year"]], "A non-accredited organization is eligible; maximum initial term two years. " + JAFAQ, lead=["yes"])

# ========================== credit systems (8) =============================
T = "credit-systems"
A(T, "family med doc here, just joined AAFP after residency. how many CME credits does AAFP want per cycle and does it matter what kind",
  [["150"], ["75"]], "AAFP members: 150 credits every 3 years, at least 75 Prescribed. " + AAFP150)
A(T, "does my AMA PRA cat 1 from hospital grand rounds count for AAFP?",
  [["elective"]], "AMA PRA Category 1 activities are acceptable as AAFP Elective credit. " + AAFP, lead=["yes"])
A(T, "AAFP point of care credit - how much per search and is there a cap",
  [["0.5"], ["60"]], "0.5 per search, max 60 per 3-year cycle. " + AAFP)
A(T, "royal college MOC: how many credits per cycle",
  [["400"]], "At least 400 credits per 5-year cycle, 40 per year, 25 in each section. " + RCMOC, mn=["250 credits per cycle"])
A(T, "royal college section 1 accredited group learning - credits per hour?",
  [["1 credit per hour", "one credit per hour", "1 credit/hour", "1 per hour", "one credit for each hour", "1 credit for each hour"]], "Section 1 accredited group learning: 1 credit per hour. " + RCS1, lead=["1", "one"])
A(T, "we have a few canadian docs (royal college fellows) who come down for our annual GI course in seattle. does our accredited CME count for their royal college section 1?",
  [["Section 1"]], "ACCME-RC agreement: accredited group learning outside Canada recognized as Section 1. " + RCACCME, lead=["yes"])
A(T, "does CME we register for MOC count for royal college section 3",
  [["Section 3"]], "ACCME-RC agreement: activities registered for MOC count as Section 3. " + RCACCME, lead=["yes"])
A(T, "AAFP: max credits for one performance improvement activity?",
  [["20"]], "Performance improvement: 20 per activity. " + AAFP, lead=["20"])

# ============================= outcomes (6) ================================
T = "outcomes"
A(T, "whats moores outcomes levels again, need it for our annual program analysis",
  [["participation"], ["satisfaction"], ["competence"], ["performance"], ["patient health"], ["community health", "population health"]], "Moore 7-level framework. " + MOORE)
A(T, "a pre/post knowledge test at grand rounds is what moore level",
  [["3"], ["declarative", "procedural", "knowledge", "learning"]], "Level 3 learning (3a declarative / 3b procedural), pre- and post-tests. " + MOORE, lead=["3", "level 3"])
A(T, "for our opioid series we sent a 3-month follow up survey where docs self-report they changed their prescribing in practice. writing up outcomes for the program analysis. which moore level is that",
  [["performance"]], "Level 5 performance (subjective: self-report of performance). " + MOORE, lead=["5", "level 5", "performance"])
A(T, "competence vs performance - how does accme define the difference",
  [["practice"], ["would do", "ability", "strategy"]], "Competence = ability/strategy, what one would do; performance = what is done in practice. " + CHANGE)
A(T, "what does the Analyzes Change criterion actually require us to analyze",
  [["competence"], ["performance"], ["patient outcome"]], "Analyzes changes in learners (competence, performance, or patient outcomes) across the program. " + CHANGE)
A(T, "learners work a case vignette at the end of tumor board and show how theyd manage it - what moore level",
  [["competence", "level 4"]], "Level 4 competence: show in an educational setting how to do it. " + MOORE, lead=["4", "level 4", "competence"])

# ========================== needs assessment (4) ===========================
T = "needs-assessment"
A(T, "what's a 'professional practice gap' per accme? trying to fill out our RSS application",
  [["difference", "gap between"], ["achievable", "best practice", "desired", "ideal"]], "Difference between observed practice/outcomes and those achievable on current knowledge (AHRQ adaptation). " + NEEDS)
A(T, "what types of educational needs does accme want us to identify",
  [["knowledge"], ["competence"], ["performance"]], "Educational needs (knowledge, competence, or performance) underlying the gap. " + NEEDS)
A(T, "i run 14 RSS's. do we have to run our own needs survey for every RSS? we never have time and response rates are awful",
  [["source", "data", "literature", "existing", "guideline"]], "Provider does not have to collect the needs data itself; many existing sources. " + FAQ780, lead=["no"])
A(T, "can a practice gap be non-clinical, like research or admin stuff",
  [["research", "administrative", "non-clinical", "nonclinical"]], "Professional practice not limited to clinical; includes research and administrative practice. " + NEEDS, lead=["yes"])

# ============================ licensure (3) ================================
T = "licensure"
A(T, "NC doc, urgent care, i do prescribe opioids occasionally. license renewal coming up. how many hrs of controlled substance CME does NCMB want",
  [["3 hours", "three hours", "3 hrs", "3 hour"], ["3-year", "three-year", "three year", "3 year"]], "NCMB: physicians 3 hours CS CME each three-year cycle. " + NCMB)
A(T, "i did the 8 hr DEA training last year when i renewed my DEA registration. does that count for my NC controlled substances CME?",
  [["8"]], "NCMB: hours completed for the one-time 8-hour DEA training satisfy the NC CS CME requirement. " + NCMB, lead=["yes"])
A(T, "renewing my indiana controlled substance registration - how many hrs of opioid CE do i need",
  [["2 hours", "two hours", "2 hrs", "two (2) hours", "2 hour"]], "Indiana: 2 hours CE on opioid prescribing and opioid abuse for CSR renewal. " + INPLA)

# ============================ near scope (25) ===============================
NS = "Needs provider-, person- or date-specific information no general knowledge base has; must decline/redirect."
for q in [
    "when is accme's learn to thrive this year and is early bird still open?",
    "new here and my manager is out til monday. whats our hospital's deadline for grand rounds speaker disclosures? i think its 2 wks but not sure",
    "which LMS is best for tracking RSS attendance - cloudcme, ethosce, or something else?",
    "our self study went in last spring and interview was in sept. did ACCME approve our reaccreditation at the last board meeting? we're St. Mary's Regional",
    "how much will accme charge us in annual fees this year, we're ~120 activities",
    "is dr. anita patel at our place still abim certified? need it for credentialing tmrw",
    "did abim change the LKA rules last month? saw something on twitter",
    "whats the EACCME fee for a 300-person event in 2027",
    "can you pull my cme transcript from CME Passport and tell me my total for this yr",
    "my PARS login is locked, can u reset it",
    "we had our accreditation interview last week - did we pass C36?",
    "who's the ACCME staff person assigned to our reaccreditation file",
    "how many credits did i get for the tumor boards i went to last month? check my record pls",
    "best vendor for outsourcing content validation / slide review?",
    "what is the AMA charging right now to convert my EACCME credits",
    "did the ohio medical board change its cme hours in the session that just ended?",
    "when and where is the next ACCME accreditation workshop",
    "what did the ACCME board decide on the AI-in-CME proposal at last week's meeting?",
    "which zoom plan do we need for 500 attendees at our virtual grand rounds",
    "what do other hospitals pay grand rounds speakers? we offer $500, is that low",
    "when is our org's PARS year-end reporting due this year? our director is out",
    "is AAFP FMX 2027 going to be in person or hybrid",
    "can you check whether my texas license renewal went through",
    "did my ABIM points from the cardiology conference in october post yet?",
    "is dr lopez's disclosure form on file for next tues grand rounds?",
]:
    N(q, NS)

# ============================== clinical (10) ===============================
for q in [
    "whats first line rate control for new afib in an 80yo w ckd 4",
    "vanc dose for a 90kg pt with crcl 40?",
    "tumor board q for tmrw: would you give adjuvant chemo for stage II colon ca MSI-high?",
    "is it ok to keep a pt on bupe + a benzo, our clinic is split on it",
    "pt A1c 9.5 on metformin, add glp1 or sglt2 first?",
    "amoxicillin dose for AOM in a 20kg kid",
    "M&M case: should we have restarted anticoag on POD1 after the hip? whats the guideline",
    "whats the sensitivity of d-dimer for PE",
    "how do i taper pred after 3 wks of 40mg",
    "best imaging for suspected appendicitis in a pregnant pt",
]:
    C(q)

# ============================== off topic (10) ==============================
for q in [
    "anyone know a good pizza place near mccormick place",
    "how do i make a pivot table in excel",
    "weather in denver next week?",
    "write me a haiku about mondays lol",
    "how do I set an out of office in outlook",
    "recommend a podcast for my commute? non medical pls",
    "how do i expense an uber in concur",
    "whats 15% tip on $86",
    "who won the game last night",
    "help me write a bday msg for my boss",
]:
    O(q)

# ================================ threads ===================================
TH = []


def TF(first, second, mm, why, lead=None, mn=None):
    TH.append(([first, second], True, mm, lead, mn, why))


def TC(first, second, mm, why, lead=None, mn=None):
    TH.append(([first, second], False, mm, lead, mn, why))


TF("do tumor boards need std 3 disclosures?", "what about our monthly journal club, same thing?",
   [DISC], "RSS incl. journal clubs not exempt. " + S3X, lead=["yes"])
TF("how long do we have to keep attendance records", "and the planning files?",
   [["accreditation term"], ["12 months", "twelve months"]], "Activity files: current term or 12 months. " + REC)
TF("how many years is accreditation with commendation", "and regular accreditation?",
   [["4", "four"]], "Accreditation: 4 years. " + STATUS, lead=["4", "four"])
TF("60 min talk = 1 credit right?", "what if its only 40 minutes",
   [["0.75"]], "40 min -> nearest quarter hour 0.75. " + AMABOOK, lead=["0.75"])
TF("can exhibits be in the room right before grand rounds", "how long before it starts do they have to be gone",
   [["30 minutes", "30 min", "thirty"]], "Std 5 30-minute rule. " + S5)
TF("abim wants how many moc points", "and how often do i need to do at least one activity",
   [["2 years", "two years", "every two"]], "Activity every 2 years. " + ABIMREQ)
TF("is a PBM an ineligible company", "so a health insurer would be fine as a speaker's employer?",
   [["eligible"]], "Insurers are eligible. " + ELIG, lead=["yes"])
TF("whats the lookback period for financial relationships", "does that include the speaker's spouse?",
   [["spouse", "partner"]], "Only the individual's own relationships collected under Std 3. " + S3, lead=["no"])
TF("do i disclose a speaker's individual stocks", "and his retirement mutual funds?",
   [["mutual fund"]], "Diversified mutual funds need not be disclosed. " + S3, lead=["no"])
TF("how many ECMECs per hour", "can i convert those to AMA credit?",
   [["AMA PRA Category 1", "Category 1"]], "UEMS-AMA conversion agreement. " + EACCMEAMA, lead=["yes"])
TF("how do we enter weekly grand rounds in PARS", "and if we also post the recordings for community docs outside our system?",
   [["enduring"]], "Different audience -> separate enduring material. " + RSS)
TF("we're a first time applicant, what status do we get", "can we go for commendation at that point?",
   [["provisional"]], "Initial applicants get Provisional Accreditation. " + STATUS, lead=["no"])
TF("what % of activities need to be interprofessional for JA", "over what period?",
   [["18 months"]], "Past 18 months. " + JAELIG)
TF("who can certify AMA PRA cat 1", "and if our hospital isnt accredited?",
   [["joint providership", "jointly", "joint provider"]], "Non-accredited organizations need joint providership. " + AMAFAQ)
TF("does std 3 apply to a leadership workshop", "what about a communication skills session?",
   [["non-clinical", "nonclinical", "non clinical"]], "Non-clinical exception names communication skills training. " + S3X, lead=["no"])
TF("half day 8-12 with one 15 min break - how many credits", "and if a pharma company runs a lunch symposium in the same room right at 12?",
   [["30 minutes", "30 min", "thirty"]], "Industry non-accredited education barred from the educational space within 30 min. " + S5)
TF("are ABP MOC points the same as the cme credits?", "so what do i do with a 1.5 credit session?",
   [["whole number"]], "ABP points rounded to nearest whole number. " + ABP)
TF("can a device company employee teach residents how to use a device", "and can he tell them when to pick it over the competitor's?",
   [["recommend", "whether"]], "Technician exception only if not recommending whether/when a device is used. " + S3, lead=["no"])
TF("can faculty get credit for teaching at a live CME activity?", "what about lecturing our residents?",
   [["learning", "prepar"]], "AMA Cat 1 for learning associated with teaching students/residents. " + TEACH, lead=["yes"])
TF("whats AMA PRA category 2", "can our office certify our lunch talks for cat 2 then?",
   [["category 2", "cat 2"]], "Providers must not certify Category 2. " + CAT2, lead=["no"])
TF("pre/post test is what moore level", "and a chart audit of their patients 3 months later?",
   [["performance", "level 5", "patient"]], "Chart audit of learners' practice: performance (level 5) or patient health data (level 6). " + MOORE)
TF("how many hrs of controlled substance cme does the NC board want", "do i have to mail them my certificates?",
   [["audit", "documentation", "keep", "retain"]], "NCMB: do not send certificates; keep documentation for audit. " + NCMB, lead=["no"])
TF("how far ahead do we apply to EACCME", "and if we're too late can we get it accredited after the event?",
   [["retrospective", "retroactive"]], "No retrospective accreditation. " + UEMSSLIDE, lead=["no"])
TF("do we need disclosures for journal club", "even if the faculty mentor has no relationships at all?",
   [["no relevant"]], "Disclose when no one has relevant relationships. " + S3, lead=["yes"])
TF("how many commendation criteria do we need", "do any of them have to come from a specific category?",
   [["achieves outcomes", "outcomes"]], "At least one from Achieves Outcomes. " + STATUS, lead=["yes"])
TF("how long do we keep attendance records", "do they have to be paper sign in sheets?",
   [["sign-in", "sign in"]], "ACCME does not require sign-in sheets. " + REC, lead=["no"])
TF("who decides if a speaker's relationship is relevant", "so she can leave off the ones she thinks are unrelated?",
   [["regardless", "all"]], "Disclose all relationships regardless of own view of relevance. " + S3, lead=["no"])
TF("how do we get grand rounds to count for ABIM MOC", "does it need an evaluation piece?",
   [["evaluation"]], "ABIM requires an evaluation component. " + ABIMCME, lead=["yes"])

TC("how long is provisional accreditation", "separately - how many ECMECs per hour of a live event?",
   [["one hour", "1 hour", "per hour", "an hour"]], "1 ECMEC per hour. " + UEMS, lead=["1", "one"])
TC("whats the 30 min rule", "unrelated: how many moc points does abim require?",
   [["100"], ["5 years", "five years", "5-year", "five-year"]], "100 points / 5 years. " + ABIMREQ)
TC("can an EHR vendor trainer be a speaker", "diff q - whats the joint providership accreditation statement?",
   [["joint providership of"], ["planned and implemented"]], "JP statement. " + JP)
TC("whats the RSS definition", "also, can nurses get AMA PRA cat 1 at grand rounds?",
   [["physician", "MD", "DO"]], "AMA PRA credit for physicians. " + RCAMA, lead=["no"])
TC("how many credits for a 50 min talk", "other thing: does JA make us award IPCE credit?",
   [["optional"]], "IPCE credit optional. " + JACRED, lead=["no"])
TC("do M&Ms need disclosures", "switching gears: how does AAFP count AMA cat 1 credit?",
   [["elective"]], "AMA PRA Cat 1 accepted as AAFP Elective. " + AAFP)
TC("what are moores levels", "new q: what does accme mean by professional practice gap",
   [["achievable", "best", "desired", "ideal"]], "Practice gap definition. " + NEEDS)
TC("abim fellowship moc points per yr?", "totally diff - indiana opioid CE for CSR renewal, how many hrs?",
   [["2 hours", "two hours", "2 hrs", "two (2)"]], "Indiana 2 hours. " + INPLA)
TC("what is category 2 credit", "btw how long do we keep activity files",
   [["accreditation term"], ["12 months", "twelve months"]], "Records policy. " + REC)
TC("is a supplement maker an ineligible company", "random: can a canadian royal college fellow use our US CME for section 1?",
   [["Section 1"]], "ACCME-RC agreement. " + RCACCME, lead=["yes"])
TC("how many credits is a 3h workshop with a 20 min break", "also did the accme board approve our reaccreditation at the last meeting? we're riverside health",
   [], "Second turn is near scope (a named provider's accreditation decision); bot must decline/redirect.")
TC("do tumor boards need disclosures", "ok and for the case tmrw - would you give adjuvant chemo for stage II colon ca with high risk features?",
   [], "Second turn is clinical; bot must decline.")


# ================================ build =====================================
def main():
    counts = Counter(x[0] for x in Q)
    tcounts = Counter(x[1] for x in Q if x[0] == "answerable")
    assert len(Q) == 200, len(Q)
    assert counts == {"answerable": 155, "near_scope": 25, "clinical": 10, "off_topic": 10}, counts
    want = {"accme": 75, "ama": 28, "moc": 15, "eaccme": 8, "joint-accreditation": 8,
            "credit-systems": 8, "outcomes": 6, "needs-assessment": 4, "licensure": 3}
    assert dict(tcounts) == want, tcounts
    rng = random.Random(SEED)
    items = list(Q)
    rng.shuffle(items)
    with open(os.path.join(OUT, "questions.jsonl"), "w") as f:
        for i, (label, topic, q, mm, lead, mn, why) in enumerate(items, 1):
            rec = {"id": f"{PFX}-{i:04d}", "question": q, "label": label,
                   "answerable": label == "answerable", "topic": topic, "must_mention": mm}
            if lead:
                rec["lead"] = lead
            if mn:
                rec["must_not"] = mn
            rec["why"] = why
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    assert len(TH) == 40, len(TH)
    assert sum(1 for t in TH if t[1]) == 28
    th = list(TH)
    rng.shuffle(th)
    with open(os.path.join(OUT, "threads.jsonl"), "w") as f:
        for i, (turns, fu, mm, lead, mn, why) in enumerate(th, 1):
            rec = {"id": f"{PFX}-thread-{i:03d}", "turns": turns, "follow_up": fu, "must_mention": mm}
            if lead:
                rec["lead"] = lead
            if mn:
                rec["must_not"] = mn
            rec["why"] = why
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    yes = sum(1 for x in Q if x[4] and x[4][0] == "yes")
    no = sum(1 for x in Q if x[4] and x[4][0] == "no")
    other = sum(1 for x in Q if x[4] and x[4][0] not in ("yes", "no"))
    print("labels", dict(counts))
    print("topics", dict(tcounts))
    print(f"lead: yes={yes} no={no} other(how-many etc)={other}")
    tyes = sum(1 for t in TH if t[3] and t[3][0] == "yes")
    tno = sum(1 for t in TH if t[3] and t[3][0] == "no")
    print(f"threads: follow_up={sum(1 for t in TH if t[1])} topic_change={sum(1 for t in TH if not t[1])} lead yes={tyes} no={tno}")


if __name__ == "__main__":
    main()
