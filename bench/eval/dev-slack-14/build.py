#!/usr/bin/env python3
"""Build dev-slack-14: CME questions as members type them in Slack.
Written by an AI helper following /work/notes/devset-brief-14.md, without reading the project.
Run: python3 build.py  (writes questions.jsonl and threads.jsonl next to this file; seed 14)."""
import json, os, random
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
ELIG = "https://accme.org/rule/eligibility"
ACCSRCH = "https://accme.org/search?search_api_fulltext=ineligible+company"
STAT = "https://accme.org/about-accreditation/accreditation-status"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
END = "https://accme.org/highlights/compliance-check-enduring-materials"
NEEDS = "http://accme.org/rule/educational-needs/"
NEEDS2 = "http://accme.org/requirements/accreditation-requirements-cme-providers/criteria/criterion-2"
CHG = "https://accme.org/accreditation-rules/accreditation-criteria/analyzes-change"
CHGNEWS = "https://accme.org/news/analyzing-learner-change-compliance-check/"
C36 = "http://accme.org/accreditation-rules/accreditation-criteria/criterion-36"
FAQ780 = "http://accme.org/faq/780"
MOCMULTI = "http://www.accme.org/ask-accme/if-i-have-multiple-sessions-our-annual-meeting-i-would-register-points-abim-s-moc-program"
MOC7922 = "http://accme.org/faq/7922"
MOCREG = "http://accme.org/education-and-support/video/tutorials/registering-cme-activities-moc-points"
ABIMMOC = "http://www.accme.org/cme-counts-abim-moc"
MOCTIPS = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
RCMOC = "https://accme.org/cme-counts-for-royal-college-moc"
RCGL = "https://royalcollege.ca/en/standards-and-accreditation/cpd-accreditation/group-learning.html"
RCPROC = "https://www.royalcollege.ca/ca/en/cpd/accreditation-continuing-professional-development-cpd-activities/cpd-accreditation-group-learning-activities-conferences-workshops/process-seeking-approval-from-accredited-cpd-provider.html"
CAT2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
TEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
AMAFW = "http://www.accme.org/cme-providers/ama-accme-alignment/AMA-Framework"
AMABOOK = "AMA PRA booklet as restated at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/"
HON = "http://www.accme.org/tags/honoraria?type=faq"
GETACC = "http://www.accme.org/ask-accme/getting-accredited"
JAELIG = "https://jointaccreditation.org/accreditation-process/eligibility/"
JAFAQ = "http://www.jointaccreditation.org/faq"
JAGL = "https://jointaccreditation.org/glance"
JACRED = "http://www.jointaccreditation.org/designation-credits"
JA2017 = "https://jointaccreditation.org/?p=9917"
JAAPPLY = "https://www.jointaccreditation.org/accreditation-process/how-to-apply/"
UEMS = "http://www.uems.net/main.php?category=6"
UEMSEANM = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec"
IND = "https://www.in.gov/pla/professions/medical-licensing-board-of-indiana/physicianosteopathic-physician-continuing-education/"

YES = ["yes"]
NO = ["no"]

A = []  # answerable: (topic, question, must_mention, lead, must_not, why)
def q(topic, text, mm, why, lead=None, mn=None):
    A.append(dict(topic=topic, question=text, must_mention=mm, lead=lead, must_not=mn, why=why))

# ---------------- ACCME (75) ----------------
T = "accme"
q(T, "how far back do faculty disclosures have to go now? 12 or 24 months", [["24 months", "24-month", "two years", "2 years"]], "Std 3.1: all financial relationships in prior 24 months. " + S3)
q(T, "is there a dollar minimum before a speaker has to disclose? one of our cardiologists says his consulting was like $300 so it doesn't count", [["no minimum", "any amount", "any dollar", "regardless of the amount", "no threshold", "no financial threshold"]], "Std 3: no minimum financial threshold. " + S3, lead=NO, mn=["under $500 does not"])
q(T, "our speaker owns a couple hundred shares of a big publicly traded pharma co (individual stock, not a fund). she's presenting on diabetes meds and they make an sglt2. does that need to be disclosed??", [["disclose", "disclosed", "disclosure"], ["mitigat"]], "Std 3: individual stocks must be disclosed; relevant if content relates to company's products; mitigate and disclose. " + S3, lead=YES)
q(T, "does a diversified mutual fund in someone's 401k count as a financial relationship we need to list", [["mutual fund"]], "Std 3: diversified mutual funds do not need to be disclosed. " + S3, lead=NO)
q(T, "what exactly has to be in the disclosure to learners? like just 'dr x has relationships' enough?", [["name"], ["nature"], ["mitigat"]], "Std 3.5: names of individuals, names of ineligible companies, nature of relationship, statement that relationships were mitigated. " + S3, lead=NO)
q(T, "can we put the company logos next to the faculty disclosures on the title slide? marketing wants it to look nice", [["logo"]], "Std 3: identify ineligible companies by name only, no logos. " + S3, lead=NO)
q(T, "if none of the planners or faculty have any relevant relationships do we still have to tell learners anything", [["disclose", "inform", "tell", "statement"], ["no relevant", "absence", "none"]], "Std 3: disclose absence of relevant relationships too. " + S3, lead=YES)
q(T, "i run our tumor board (weekly, it's an RSS). someone told me std 3 doesn't apply because it's just docs talking about their own cases. true?", [["regularly scheduled series", "rss", "tumor board"]], "Std 3 exception for learner-controlled content does not cover RSS, M&M, tumor boards. " + S3, lead=NO)
q(T, "M&M conference - do we need COI disclosures or is that one of the exceptions", [["standard 3", "std 3", "disclos"]], "Std 3 learner-controlled exception excludes M&M rounds. " + S3)
q(T, "we're doing a leadership / communication skills workshop for dept chairs, totally non-clinical. do we have to do the whole identify-mitigate-disclose thing?", [["non-clinical", "nonclinical", "exception"]], "Std 3 exception: non-clinical education such as leadership or communication skills. " + S3, lead=NO)
q(T, "Our online modules are on-demand and learners pick which ones to do. Does that make them 'self-directed' so we can skip Std 3?", [["enduring"]], "ACCME compliance check: enduring materials are not self-directed learning; Std 3 applies. " + END, lead=NO)
q(T, "what are the 3 exceptions where an employee of an ineligible company CAN be faculty", [["not related", "unrelated"], ["basic science", "research method", "methodolog"], ["technician", "safe and proper use"]], "Std 3.2 exceptions for owners/employees. " + S3)
q(T, "device rep wants to teach hands-on how to load and calibrate their new pump at our skills lab. he won't talk about which patients should get it. allowed?", [["technician", "safe and proper use", "safe and proper"]], "Std 3 exception c: employees as technicians teaching safe and proper use, not whether/when to use. " + S3, lead=YES)
q(T, "same device co employee wants to also give a 20 min talk on 'which pts benefit most from pump therapy'. ok?", [["whether or when", "whether/when", "care recommendation", "not allowed", "cannot", "can't"]], "Std 3 exception c excludes recommending whether or when a device is used. " + S3, lead=NO)
q(T, "a pharma company scientist (employee) wants to present pure preclinical drug discovery methods, no treatment recs. can he?", [["basic science", "preclinical", "pre-clinical", "research"]], "Std 3 exception b: basic science/preclinical research, no care recommendations. " + S3, lead=YES)
q(T, "one of our planning committee members just took a job at a device manufacturer. can she stay on the committee for our cardiology conf?", [["employee", "owner", "excluded", "cannot", "can't", "not be"]], "Std 3: owners/employees of ineligible companies excluded from controlling content unless an exception applies (content is cardiology, related). " + S3, lead=NO)
q(T, "when do we have to mitigate relationships - before the talk is given or before the person takes on the role?", [["before", "prior to"], ["role"]], "Std 3.4: mitigate prior to individuals assuming their roles. " + S3)
q(T, "is a PBM considered an ineligible company?", [["pharmacy benefit manager", "pbm", "ineligible"]], "Eligibility: PBMs are ineligible. " + ELIG, lead=YES)
q(T, "we're a hospital health system that owns an infusion center. are we eligible to be accredited or does the infusion thing kill it", [["eligible"]], "Eligibility: hospitals/health systems and infusion centers are eligible organizations. " + ELIG, lead=YES)
q(T, "EHR vendor offered to co-plan our informatics CME. are EHR companies ineligible companies?", [["eligible", "not ineligible", "not an ineligible"]], "Eligibility: electronic health records companies are listed as eligible. " + ELIG, lead=NO)
q(T, "is an insurance company / managed care org eligible to be accredited", [["eligible"]], "Eligibility: insurance or managed care companies are eligible. " + ELIG, lead=YES)
q(T, "compliance question from the industry side: we're a marketing agency and 80% of our clients are pharma. are we an ineligible company under ACCME?", [["ineligible"]], "Eligibility: advertising/marketing/communication firms whose clients are ineligible companies are ineligible. " + ELIG, lead=YES)
q(T, "biotech startup, no product on market yet but IND filed with FDA. ineligible or not?", [["ineligible"], ["regulatory", "approval process"]], "Eligibility: biomedical startups that have begun a governmental regulatory approval process are ineligible. " + ELIG + " ; " + ACCSRCH, lead=YES)
q(T, "diagnostic lab that just runs tests and sends results, no proprietary products — eligible?", [["eligible"]], "Eligibility: diagnostic labs that do not sell proprietary products are eligible. " + ELIG, lead=YES)
q(T, "what about a compounding pharmacy that makes its own proprietary compounds?", [["ineligible"]], "Eligibility: compounding pharmacies that manufacture proprietary compounds are ineligible. " + ELIG)
q(T, "supplement / medical food maker - ineligible?", [["ineligible"]], "Eligibility list includes medical foods and dietary supplements makers. " + ELIG, lead=YES)
q(T, "a company that makes fitness/health wearables sponsoring our cardiology symposium — are they an ineligible company in ACCME terms", [["ineligible"]], "Eligibility list: manufacturers of health-related wearable products. " + ELIG, lead=YES)
q(T, "one of our faculty gets patent royalties from a device co. does that make him an 'owner' so he's excluded?", [["not considered", "not an owner", "not owners", "isn't an owner", "not be considered"]], "ACCME FAQ: patent royalty recipients are not considered owners/employees; identify, mitigate, disclose. " + ACCSRCH, lead=NO)
q(T, "pharma grants person here. can our company suggest speakers or topics to the provider for a CME we're funding? just suggestions", [["no", "not", "cannot", "can't"]], "ACCME FAQ: no reason to request speaker/topic suggestions from ineligible companies. " + ACCSRCH, lead=NO)
q(T, "the 30 minute rule - exhibits can't be in the education room within how long before/after?", [["30 minutes", "30 min", "thirty minutes"]], "Std 5.2a. " + S5)
q(T, "we have a product theater (non-accredited, sponsored) scheduled in the same ballroom right after our accredited lunch session ends at 1pm. theater starts 1:15. fine?", [["30 minutes", "30 min", "thirty"]], "Std 5.2a: no marketing/nonaccredited industry education in educational space within 30 min. " + S5, lead=NO)
q(T, "same thing but what if the theater is in a different room down the hall at 1:15?", [["educational space", "same room", "different room", "separate"]], "Std 5.2a restricts the educational space. " + S5)
q(T, "online module: can learners see a banner ad before the video starts if they can click 'skip'?", [["click through", "click-through", "click"]], "Std 5.2b: learners must not have to click through, watch or be presented with product promotion. " + S5, lead=NO)
q(T, "can the supporter's logo go on the slide handouts? they paid for the whole thing lol", [["logo"]], "Std 5.2c: educational materials must not contain logos, trade names, product messages. " + S5, lead=NO)
q(T, "does Std 5 apply to every activity we do?", [["marketing", "nonaccredited", "non-accredited", "ancillary"]], "Std 5 applies only when there is marketing by ineligible companies or nonaccredited education associated with the accredited education. " + S5, lead=NO)
q(T, "non-accredited sessions at our meeting - do they need to be labeled somehow?", [["label", "labeled", "labelled"]], "Std 5.2a: non-accredited parts of the event must be clearly labeled and communicated. " + S5, lead=YES)
q(T, "can an exhibit booth deal be a condition of getting the educational grant? sponsor says 'we fund if we get a booth'", [["condition"]], "Std 5.1c: marketing arrangements must not be a condition of financial or in-kind support. " + S5, lead=NO)
q(T, "Can commercial support money be used to pay travel and hotel for a few residents to attend our course?", [["travel", "lodging", "hotel"]], "Commercial support may not pay travel, lodging, honoraria or personal expenses of non-faculty learners (ACCME FAQ, carried into Std 4). " + HON, lead=NO)
q(T, "can we use the grant to pay our faculty honoraria and their flights?", [["honorari", "faculty"]], "Commercial support may pay faculty/planner honoraria and expenses per provider policy. " + HON, lead=YES)
q(T, "who decides how much speakers get paid when there's commercial support - us or the company", [["provider"]], "ACCME FAQ: the CME provider decides how much planners/faculty are paid. " + HON)
q(T, "can a pharma co pay our AV vendor directly for the CME event instead of sending us the $", [["provider"]], "Commercial support must go first to the provider/joint provider, not spent directly by supporter (ACCME Ask ACCME). http://www.accme.org/index.cfm/fa/faq.detail/category_id/c14cc73e-22a9-4228-9943-93abd0e1f0b0.cfm", lead=NO)
q(T, "how long do we have to keep attendance records for our grand rounds?", [["six years", "6 years", "6 yrs", "six-year", "6-year"]], "Records policy: verify participation for six years. " + REC)
q(T, "and the planning file (needs, disclosures, eval etc) - how long?", [["accreditation term", "12 months", "twelve months"]], "Records policy: current accreditation term or 12 months, whichever is longer. " + REC)
q(T, "does ACCME require sign-in sheets for RSS?", [["sign-in", "sign in"]], "Records policy: ACCME does not require sign-in sheets. " + REC, lead=NO)
q(T, "do we have to give learners a certificate?", [["certificate"]], "ACCME complaint summary: ACCME does not require certificates of attendance; must be able to verify. http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy", lead=NO)
q(T, "how long is a first-time (provisional) accreditation term?", [["two years", "2 years", "2-year", "two-year"]], "Statuses: Provisional is two years. " + STAT)
q(T, "standard accreditation term length for reaccreditation?", [["four years", "4 years", "4-year", "four-year"]], "Statuses. " + STAT)
q(T, "what does commendation get you in years", [["six years", "6 years", "6-year", "six-year"]], "Statuses. " + STAT)
q(T, "How many commendation criteria do we need and is there a required category?", [["8", "eight"], ["achieves outcomes"]], "Commendation: any 7 plus at least 1 from Achieves Outcomes = 8. " + STAT)
q(T, "we're applying for the very first time, can we go for commendation right away?", [["provisional"]], "Initial applicants get Provisional Accreditation (2 yrs). " + STAT, lead=NO)
q(T, "how many accreditation statuses are there in ACCME's system", [["5", "five"]], "Five levels of accreditation. " + STAT, lead=["5", "five"])
q(T, "what happens if we're put on probation — can we keep doing joint providership?", [["probation"], ["joint provid"]], "Probation: provider on probation may not jointly provide (fact sheet); statuses page. " + STAT, lead=NO)
q(T, "does ACCME accredit individual activities? a society asked us to 'get their conference ACCME accredited'", [["organization", "provider"]], "ACCME accredits organizations, not activities. " + GETACC, lead=NO)
q(T, "we're a 40-bed community hospital and want to offer CME for our grand rounds but aren't accredited. options?", [["joint provid", "jointly provid", "accredited provider"]], "Non-accredited organizations can work with an accredited provider through joint providership. " + GETACC)
q(T, "mission statement for the CME program - what does ACCME want in it", [["expected results"], ["competence", "performance", "patient outcome"]], "Mission criterion: expected results articulated in terms of changes in competence, performance or patient outcomes. http://us-accme.org/requirements/accreditation-requirements-cme-providers/accreditation-criteria")
q(T, "our speaker has a relationship with a company whose products aren't related to her talk at all (she consults for an ortho device co, talk is on asthma). disclose?", [["relevant", "not relevant", "unrelated", "not related"]], "Std 3: relevance determined by relation of content to the company's products; collect all, disclose relevant ones. " + S3)
q(T, "who decides if a relationship is relevant, the speaker or us (the provider)?", [["provider"]], "Std 3: accredited provider is responsible for identifying relevant relationships; individuals disclose regardless of their view. " + S3)
q(T, "speaker says 'i don't think my consulting is relevant so i left it off the form'. is that ok", [["regardless"]], "Std 3.1: individuals must disclose regardless of their view of relevance. " + S3, lead=NO)
q(T, "do moderators and abstract reviewers count as 'in control of content' for disclosure?", [["control", "content"]], "Std 3: collect from all planners, faculty and others in control of content. " + S3, lead=YES)
q(T, "what counts as 'nature of the relationship'? examples pls", [["consultant", "speaker", "advisor", "researcher", "employee"]], "Std 3.1b examples. " + S3)
q(T, "research grant goes to the university not the investigator personally, does the PI still have to disclose it", [["disclose", "disclosed"]], "Std 3 (ACCME text as restated): research funding disclosed by the principal investigator even if institution receives the grant. " + S3, lead=YES)
q(T, "Standard 3 - does it apply to all accredited education or only commercially supported stuff?", [["all"]], "Std 3 applies to all accredited continuing education. " + S3, lead=["all", "every", "applies to all"])
q(T, "our CME coordinator left and i inherited everything. what are the core things the new Standards cover, like the 5 standards in one line each", [["valid content", "content is valid", "valid"], ["commercial bias", "marketing"], ["financial relationship"], ["commercial support"], ["ancillary"]], "Standards 1-5. https://accme.org/standards " + S3)
q(T, "does ACCME require a post-test for every activity?", [["post-test", "posttest", "post test"]], "ACCME FAQ: ACCME does not require post-tests for any type of CME activity. " + FAQ780, lead=NO)
q(T, "when do learners have to get the disclosure info — can it be in the follow-up email after the session?", [["before"]], "Std 3.5: disclose to learners before they engage. " + S3, lead=NO)
q(T, "we have a podcast series for CME. does standard 5's no-ads rule mean no ads anywhere in the episode?", [["while engaged", "during", "click through", "presented with"]], "Std 5.2b: learners must not be presented with marketing while engaged in the accredited education. " + S5)
q(T, "a faculty member refused to fill out the disclosure form. can she still present?", [["cannot", "can't", "not", "no"]], "Std 3: information must be collected from all in control of content before they assume the role; without it cannot be mitigated. " + S3, lead=NO)
q(T, "can we accept verbal disclosure over the phone from a speaker?", [["verify", "verbal", "documented"]], "ACCME Std 3 key concept (as restated): verbal disclosure acceptable if provider can verify individual was given definition and told to disclose 24 months. " + S3, lead=YES)
q(T, "do stock OPTIONS need to be disclosed or just shares", [["option"]], "Std 3.1b: individual stocks and stock options should be disclosed. " + S3, lead=["yes", "both", "options too", "stock options"])
q(T, "a local group practice (no products, just sees patients) wants to become accredited. are they even eligible?", [["eligible"]], "Eligibility: group medical practices are eligible. " + ELIG, lead=YES)
q(T, "is a blood bank eligible", [["eligible"]], "Eligibility list. " + ELIG, lead=YES)
q(T, "software/game developer making sim training - eligible org type?", [["eligible"]], "Eligibility list includes software or game developers. " + ELIG, lead=YES)
q(T, "spontaneous case convos among peers like team huddles - std 3 exception?", [["exception", "learner", "spontaneous"]], "Std 3 exception for learner-controlled spontaneous case conversations. " + S3, lead=YES)
q(T, "do we need to document what we did to mitigate each relevant relationship or just do it", [["document"]], "Std 3.4b: document the steps taken to mitigate. " + S3, lead=YES)
q(T, "how long does an accredited provider remain accountable for a complaint about a live activity?", [["12 months", "twelve months", "one year"]], "Records policy note: accountable 12 months from date live activity ended. " + REC)

# ---------------- AMA (28) ----------------
T = "ama"
q(T, "grand rounds 12:00-1:00 but first 15 min is lunch/networking. how many cat 1 credits?", [["0.75", ".75", "three-quarters", "3/4"]], "60 min = 1 credit, exclude non-educational time, 0.25 increments. " + AMABOOK, lead=["0.75", ".75", "three-quarters", "3/4"])
q(T, "full day course 8:00am-4:30pm, two 15 min breaks and an hour lunch. max credits we can designate?", [["7 ", "7.0", "seven", "7 credits", "7 AMA"]], "8.5h - 1.5h non-educational = 7. " + AMABOOK, lead=["7", "seven"])
q(T, "2 day conf: day1 8-5 w/ 1hr lunch + 2 x 15min breaks, day2 8-12 with one 15 min break. total cat 1?", [["11.25", "11 1/4", "eleven and a quarter"]], "Day1 7.5 + Day2 3.75 = 11.25. " + AMABOOK, lead=["11.25", "11 1/4"])
q(T, "our afternoon has 3 breakouts running at the same time 2:00-3:30. do we add all three to the max credit?", [["once", "one time", "1.5"]], "Simultaneous sessions counted once toward designated maximum. " + AMABOOK, lead=NO)
q(T, "agenda: plenary 9-12 no breaks, lunch 12-1, parallel tracks 1-2:30 (4 rooms). what's the max credit?", [["4.5", "4 1/2", "four and a half"]], "3 + 1.5 (parallel counted once). " + AMABOOK, lead=["4.5", "4 1/2", "four and a half"])
q(T, "journal club runs 50 minutes. how do we designate that?", [["0.75", ".75"]], "Round to nearest quarter hour: 50 min -> 0.75. " + AMABOOK, lead=["0.75", ".75"])
q(T, "can we round a 40 min session up to 1 credit?", [["0.75", ".75", "nearest quarter", "quarter hour", "15 min"]], "0.25 increments, nearest quarter hour (40 min -> 0.75). " + AMABOOK, lead=NO)
q(T, "we forgot to designate credit for last month's symposium. can we designate it now after the fact?", [["advance", "retroactive", "retroactively"]], "Category 1 must be designated in advance; no retroactive designation. " + AMABOOK + " ; http://www.ama-assn.org/ama/pub/category/16354.html", lead=NO)
q(T, "need the exact designation statement wording for a live activity, 6 credits", [["designates this"], ["maximum of 6", "maximum of six"], ["commensurate with the extent of their participation"]], "AMA designation statement. " + AMABOOK + " ; https://www.meetingsnet.com/blog/alliance-meeting-followup-ama-credit-system-update-2006")
q(T, "can we advertise that our lunch talk 'qualifies for AMA PRA Category 2 Credit'?", [["category 2", "cat 2"]], "Providers must not certify or advertise Category 2. " + CAT2, lead=NO)
q(T, "who claims cat 2 credit - the provider or the doc?", [["physician", "doctor", "self-claim", "self claim", "self-designated"]], "Category 2 is self-designated and self-claimed by physicians. " + CAT2)
q(T, "what kinds of stuff can a physician count as cat 2? reading journals?", [["reading", "literature"]], "Cat 2 examples incl. reading authoritative medical literature, consultation with peers, self-assessment, medical writing, preceptorship, peer review. " + CAT2)
q(T, "is peer review / QA committee participation something you can claim cat 2 for", [["category 2", "cat 2"]], "Cat 2 example list includes peer review and quality assurance participation. " + CAT2, lead=YES)
q(T, "Can a non-accredited specialty society designate AMA PRA Category 1 Credit on its own?", [["accredited", "joint provid"]], "Only ACCME- or state-accredited providers may certify; others need joint providership. " + AMABOOK + " ; http://www.ama-assn.org/ama/pub/category/16354.html", lead=NO)
q(T, "faculty member gave a 45 min original talk at our certified live conf. can we give her teaching credit? how much", [["1.5", "1 1/2", "one and a half"]], "Faculty may be awarded 2 credits per hour presenting at a designated live activity (0.75h x 2). " + AMABOOK + " ; http://usuhs.mil/che/otherlearning.html", lead=["1.5", "1 1/2", "one and a half", "yes"])
q(T, "she gives the same talk again at next year's conference. teaching credit again?", [["once", "repeat"]], "Credit may only be claimed once for repeated presentations. " + AMABOOK + " ; http://usuhs.mil/che/otherlearning.html", lead=NO)
q(T, "can faculty claim learner credit for the session they're presenting?", [["simultaneous", "cannot", "can't", "not"]], "Faculty may not claim simultaneous learner credit for sessions they present. http://usuhs.mil/che/otherlearning.html", lead=NO)
q(T, "I'm faculty at a med school — can the learning from teaching med students and residents ever be Category 1, or is it always cat 2?", [["category 1", "cat 1"]], "AMA Council on Medical Education (March 2013) approved Cat 1 for learning associated with teaching students/residents as a type of live activity. " + TEACH, lead=["category 1", "cat 1", "it can", "yes", "can be"])
q(T, "when did AMA approve cat 1 for teaching med students/residents?", [["2013"]], "March 2013. " + TEACH)
q(T, "is a live webinar considered live or enduring for AMA credit", [["live"]], "Live activities are those physicians attend in person or virtually. " + AMABOOK)
q(T, "recorded version of our webinar posted afterwards on our LMS - how is credit calculated for that", [["enduring"], ["estimat", "time to complete", "completion time"]], "Enduring material: credit based on estimate of time to complete. " + AMABOOK + " ; https://ama-assn.org/education/ama-pra-credit-system/5-ways-meet-your-cme-requirements")
q(T, "can we designate credit for a non-clinical topic like practice management / coding?", [["non-clinical", "nonclinical", "office management", "physician audience"]], "Accredited providers may certify nonclinical subjects appropriate to physician audience. https://medschool.ucla.edu/education/center-for-continuing-professional-development/about-us/policies-procedures/american-medical-association (restating AMA PRA handbook)", lead=YES)
q(T, "our new format doesn't fit any AMA category. do we need AMA permission?", [["other"]], "AMA/ACCME alignment: providers may designate format as 'other' without AMA permission, hour-per-credit estimate. " + AMAFW, lead=NO)
q(T, "for an 'other' format activity how do we figure the credit", [["hour", "estimate"]], "Hour-per-credit, best reasonable estimate of time. " + AMAFW)
q(T, "Can part of the day that's not CME (e.g. society business meeting) be included in the designated max?", [["exclude", "excluded", "not included"]], "Sections not meeting AMA CME definition must be identified and excluded. " + AMABOOK, lead=NO)
q(T, "can NPs and PAs get AMA PRA category 1 credit?", [["physician"]], "AMA PRA credit is for physicians (MD/DO); others get certificates of participation. https://www.meetingsnet.com/blog/alliance-meeting-followup-ama-credit-system-update-2006", lead=NO)
q(T, "is a podcast allowed as a format for cat 1?", [["enduring"]], "Enduring materials incl. podcasts. https://ama-assn.org/education/ama-pra-credit-system/5-ways-meet-your-cme-requirements", lead=YES)
q(T, "a physician attended 2.5 hrs of our 6 credit course. what can he claim?", [["2.5", "2 1/2", "two and a half"]], "Physicians claim only credit commensurate with participation. " + AMABOOK, lead=["2.5", "2 1/2", "two and a half"])

# ---------------- MOC (15) ----------------
T = "moc"
q(T, "can we just register our activity for ABIM MOC points in PARS now, instead of applying to ABIM?", [["pars"]], "Since 9/30/15 providers register in PARS, no ABIM application. " + ABIMMOC, lead=YES)
q(T, "which boards can we register MOC for through PARS?", [["abim", "internal medicine"], ["pediatric", "abp"], ["anesthesiology", "aba"]], "ABIM, ABA, ABP, ABPath collaborations. " + MOCREG)
q(T, "annual meeting has 20 sessions, only 5 are IM-relevant for ABIM MOC. register separately in PARS?", [["single", "one activity", "one cme activity"]], "Report multi-session annual meeting as a single activity; adjust MOC points. " + MOCMULTI, lead=NO)
q(T, "same meeting - 20 one-hour sessions, 5 qualify. how many MOC points do we enter?", [["5", "five"]], "Enter 5 points. " + MOCMULTI, lead=["5", "five"])
q(T, "are MOC points usually the same number as CME credits?", [["same", "equal"]], "Most activities: CME credits = MOC points. " + MOC7922, lead=YES)
q(T, "what does ABIM need in the activity for MOC besides being accredited? someone said an evaluation", [["evaluation"]], "Comprehensive evaluation component measuring learner change. " + MOC7922)
q(T, "do we have to report individual learner completions for ABIM MOC?", [["completion", "participant"], ["pars"]], "Providers submit learner completion data via PARS. " + ABIMMOC, lead=YES)
q(T, "we're state accredited (through our state med society), not ACCME directly. can we still register activities for ABIM MOC?", [["state"]], "Registration open to all providers in ACCME System incl. state-accredited. " + ABIMMOC, lead=YES)
q(T, "ABP - can we report partial credit for learners who did half the activity?", [["partial", "variable", "once"]], "ABP cannot accept variable, partial or repeating credit; report once after successful completion. " + MOCTIPS, lead=NO)
q(T, "is the CME/MOC badge optional on our brochure? designer hates it", [["optional"]], "Badge optional; MOC statement mandatory. " + ABIMMOC, lead=YES)
q(T, "is the ABIM MOC statement required though?", [["mandatory", "required"]], "Use of the MOC statement is mandatory. " + ABIMMOC, lead=YES)
q(T, "we registered a knowledge activity as ABIM Practice Assessment (Part IV). problem?", [["medical knowledge", "part ii"]], "ACCME audit found some registered as Practice Assessment when should be Medical Knowledge. " + MOCTIPS, lead=YES)
q(T, "I'm a canadian fellow (royal college) going to a US ACCME-accredited conference. does it count for my Section 1?", [["section 1"]], "ACCME-Royal College agreement: accredited group learning outside Canada counts as Section 1. " + RCMOC, lead=YES)
q(T, "and the ABIM-MOC registered activities, do they count for royal college anywhere?", [["section 3"]], "Royal College recognizes MOC-registered accredited CME as Section 3. " + RCMOC, lead=YES)
q(T, "is the royal college an ABMS member board", [["not"]], "ACCME: Royal College is not a member board of ABMS. " + RCMOC, lead=NO)

# ---------------- EACCME (8) ----------------
T = "eaccme"
q(T, "how are ECMECs calculated - per hour?", [["1 ecmec", "one ecmec", "one hour", "1 hour", "per hour"]], "1 ECMEC = 1 hour of educational activity. " + UEMS + " ; " + UEMSEANM)
q(T, "our european congress got EACCME credits. can US docs attending convert them to AMA PRA cat 1?", [["convert", "conversion"], ["ama"]], "UEMS-AMA agreement (since 2000): ECMECs recognized/convertible via AMA. " + UEMSEANM, lead=YES)
q(T, "does EACCME accredit the organization like ACCME does, or the event?", [["event", "activit"]], "EACCME grants accreditation per CME activity/event; approval valid only for the given event. " + UEMS)
q(T, "since when has EACCME existed", [["2000", "1999"]], "Set up Oct 1999, operating Jan 2000. " + UEMSEANM)
q(T, "who runs the EACCME?", [["uems", "european union of medical specialists"]], "EACCME run by UEMS. " + UEMS)
q(T, "how far in advance do we need to apply to EACCME for a live event in vienna", [["12 weeks", "twelve weeks", "3 months", "three months"]], "Apply at least 12 weeks (older UEMS page: 3 months) before. " + UEMS)
q(T, "a US doc converting EACCME credit - is there a fee?", [["fee"]], "Conversion requires processing fee to AMA. " + UEMSEANM, lead=YES)
q(T, "conversion ratio ECMEC to AMA credit?", [["1:1", "one to one", "one-to-one", "equivalent", "1 for 1", "1 ecmec"]], "1 hour = 1 credit; equivalent number. " + UEMSEANM)

# ---------------- Joint Accreditation (8) ----------------
T = "joint-accreditation"
q(T, "what % of our activities need to be interprofessional to be eligible for JA?", [["25%", "25 percent", "25 %", "quarter"]], "JA eligibility: at least 25% of activities interprofessional. " + JAELIG)
q(T, "over what time window is that 25% counted", [["18 months", "eighteen months"]], "Past 18 months. " + JAELIG)
q(T, "how do we calculate the JA 25%?", [["divide", "total"], ["100", "percent"]], "Count IP activities / total activities in past 18 months x 100. " + JAFAQ)
q(T, "we have no accreditation at all right now. can we even apply for JA?", [["two", "2"]], "Non-accredited org eligible; max term two years. " + JAFAQ, lead=YES)
q(T, "what's the definition of IPCE", [["two or more professions"], ["with, from, and about", "with, from and about", "from, and with", "about, from, and with"]], "IPCE definition. " + JAGL)
q(T, "exact wording for the IPCE credit statement?", [["planned by and for the healthcare team"], ["interprofessional continuing education (ipce) credit"]], "IPCE statement. " + JACRED)
q(T, "is IPCE credit optional for JA providers or do we have to use it", [["optional"]], "IPCE credit is optional. " + JACRED, lead=YES)
q(T, "can a JA provider still do single-profession activities, like just a pharmacy CE?", [["single", "one profession"]], "JA FAQ: jointly accredited providers can offer single-profession activities using JA criteria. " + JAFAQ, lead=YES)

# ---------------- credit systems (8) ----------------
T = "credit-systems"
q(T, "whats the difference between cat 1 and cat 2 in one line", [["accredited provider", "certified", "designated"], ["self"]], "Cat 1 designated by accredited providers; Cat 2 self-claimed. " + CAT2)
q(T, "royal college section 1 credits - 1 per hour?", [["1 credit per hour", "one credit per hour", "1 per hour", "one per hour"]], "Section 1 accredited group learning 1 credit/hour (Royal College framework, restated). https://capmrconference.ca/cpd-cme/cpd-framework-for-section-1-3-credits/ ; " + RCGL, lead=YES)
q(T, "need the royal college section 1 accreditation statement text for our canadian rounds", [["accredited group learning activity (section 1)"], ["maintenance of certification program of the royal college"]], "Royal College statement. " + RCGL)
q(T, "can we say 'Section 1 accreditation pending' on the flyer while we wait?", [["pending"]], "Royal College: cannot include statement that accreditation is pending. " + RCPROC, lead=NO)
q(T, "can a royal college section 1 approval be retroactive?", [["retroactive", "retroactively"]], "Royal College: accreditation approval cannot be retroactive. " + RCPROC, lead=NO)
q(T, "for a canadian group learning activity, how long does the non-accredited physician org keep attendance records?", [["five", "5"]], "Royal College: five-year period. " + RCPROC)
q(T, "does IPCE credit replace the profession credits (AMA, ANCC etc)?", [["in addition", "addition", "alongside", "also"]], "IPCE credit mark used in addition to JA statement; single-profession activities designate that profession's credit. " + JACRED, lead=NO)
q(T, "when was the IPCE credit introduced", [["2017"]], "Announced Sept 12, 2017. " + JA2017)

# ---------------- outcomes (6) ----------------
T = "outcomes"
q(T, "for Analyzes Change, is a knowledge gain on a post-test enough?", [["competence", "performance", "patient outcome"]], "Analyzes Change requires change in competence, performance or patient outcomes; competence is not simply knowledge. " + CHGNEWS, lead=NO)
q(T, "ACCME's definition of competence vs performance??", [["strategy", "would do", "ability"], ["practice"]], "Competence = strategy/what would do; performance = what they do in practice. " + FAQ780 + " ; " + CHGNEWS)
q(T, "what data do we need for the Analyzes Change criterion - program level or per activity?", [["program", "overall", "across"]], "Analyze changes achieved as a result of the overall program's activities. " + CHG)
q(T, "commendation C36 (improves performance) - what's the bar?", [["10%", "10 percent"], ["majority"]], "C36: at least 10% of activities, majority of learners' performance improved. " + C36)
q(T, "easy way to get learner change data for analyzes change? we're tiny", [["example", "changes", "commit", "plan to"]], "ACCME: ask learners for examples of changes made or planned. " + CHGNEWS)
q(T, "what are the three kinds of learner change the criterion lists", [["competence"], ["performance"], ["patient outcome"]], "Criterion text. " + CHG)

# ---------------- needs assessment (4) ----------------
T = "needs-assessment"
q(T, "what is a 'professional practice gap' in ACCME speak", [["difference", "gap between"], ["achievable", "best", "desired", "potentially"]], "Gap = difference between observed and achievable practice/outcomes. " + NEEDS)
q(T, "the educational need types ACCME wants identified?", [["knowledge"], ["competence"], ["performance"]], "Educational Needs criterion. " + NEEDS)
q(T, "do we have to collect our own needs data or can we use national data/literature?", [["national", "literature", "many sources", "don't have to", "does not have to"]], "ACCME FAQ: provider does not have to collect needs data itself; must show relevance to own learners. " + FAQ780, lead=NO)
q(T, "does professional practice only mean clinical care? our activity is for research coordinators' PIs on research admin", [["research", "administrative", "not limited"]], "Professional practice not limited to clinical care; includes research and administrative practice. " + NEEDS2, lead=NO)

# ---------------- licensure (3) ----------------
T = "licensure"
q(T, "indiana doc here - how many hrs of opioid CE for my controlled substance registration renewal?", [["2", "two"]], "Indiana: 2 hours opioid prescribing/abuse CE. " + IND, lead=["2", "two"])
q(T, "do i have to upload certificates to the indiana board or just attest?", [["attest"]], "Indiana: attest on renewal; audit possible. " + IND)
q(T, "how long keep my certificates for indiana in case of audit", [["3 years", "three years"]], "Retain up to 3 years from renewal. " + IND)

# ---------------- near_scope (25) ----------------
NS = [
 "when's the deadline to submit our RSS application to the university CME office this year? they said 'early' lol",
 "how much does the state medical society charge for joint providership for a 1-day course?",
 "did ACCME already vote on our reaccreditation at the july meeting? we haven't heard",
 "which LMS is best for tracking CME credits for a 3 person office? cheap pls",
 "is dr. patel at st. mary's still on the ACCME board?",
 "what are the dates for the ACEhp annual conference next year",
 "what's our hospital's policy on honoraria caps for grand rounds speakers",
 "has ABIM posted my MOC points from the conference i went to last week?",
 "is the EACCME office open between christmas and new year? need an answer on our file",
 "how much is the AMA fee right now to convert my european credits",
 "what's the cheapest online opioid course that Florida accepts, link?",
 "did our accreditation survey interviewer like our self-study? call was yesterday",
 "which CME management software do most JA providers use?",
 "how many CME credits do i personally have logged this cycle?",
 "what did the ACCME say in last month's webinar about AI-generated slides?",
 "is pharma co X planning to fund any CME grants in oncology this quarter?",
 "who's the best consultant to help with our first ACCME application?",
 "when is the next ACCME accreditation workshop and is it in person",
 "what's the status of my ABP MOC cycle, am i behind",
 "can you check if our PARS year-end data got submitted ok?",
 "what did the state board decide about the new implicit bias CE rule at their meeting last tuesday",
 "how many physicians attended our grand rounds last month",
 "which hotel should we book for the regional tumor board summit",
 "what's the going rate for speaker honoraria for a national KOL in 2026",
 "has our grant request to the device company been approved yet",
]
CL = [
 "whats the max dose of metformin for a pt with egfr 35",
 "pt on warfarin needs a dental extraction - stop it or not?",
 "best first line abx for community acquired pneumonia in a 70yo w/ copd?",
 "should a 45yo woman with dense breasts get MRI screening",
 "how do i taper a pt off 80mg oxycodone daily",
 "is it safe to give ceftriaxone to someone with a penicillin allergy (hives)",
 "what's the starting insulin dose for a new T1D kid, 30kg",
 "my pt's troponin is mildly up after a fall, cardiology consult or not",
 "differential for a 30yo with new onset seizure and fever?",
 "can you read this ECG description and tell me if it's a STEMI: st elevation in II, III, aVF",
]
OT = [
 "anyone know a good taco place near the convention center in chicago",
 "how do i make a pivot table in excel",
 "write me a haiku about mondays",
 "what's the weather going to be in denver this weekend",
 "how do i reset my slack password",
 "recommend a good podcast for a long drive?",
 "what's a good birthday gift for my boss",
 "translate 'thank you for attending' into spanish",
 "who won the game last night",
 "can you help me write a cover letter for a marketing job",
]

# ---------------- threads (40) ----------------
TH = []
def th(first, second, fu, mm, why, lead=None, mn=None):
    TH.append(dict(turns=[first, second], follow_up=fu, must_mention=mm, lead=lead, must_not=mn, why=why))

# 28 follow-ups (about a third change one fact of the case)
th("our grand rounds runs 7:30-8:30 with no break. how many cat 1?", "what if we start with a 15 min breakfast and talk 7:45-8:30", True, [["0.75", ".75"]], "45 min -> 0.75. " + AMABOOK, lead=["0.75", ".75"])
th("full day 8-5 with 1 hr lunch, no other breaks. max credits?", "and if we add two 15 min coffee breaks", True, [["7.5", "7 1/2", "seven and a half"]], "9 - 1.5 = 7.5. " + AMABOOK, lead=["7.5", "7 1/2"])
th("speaker has stock in a publicly traded pharma co whose drug she's talking about. ok?", "what if it's stock in a small privately held startup that makes that drug instead", True, [["owner", "ownership"]], "Stock in privately held ineligible company makes person an owner (fact sheet from ACCME FAQ) -> excluded unless exception. " + S3 + " ; " + ACCSRCH)
th("is a hospital system an eligible org for ACCME accreditation?", "what about a pharmacy benefit manager", True, [["ineligible"]], "PBM ineligible. " + ELIG, lead=["no", "ineligible", "not eligible"])
th("is a diagnostic lab that only does testing services eligible?", "and if the lab sells its own proprietary test kits?", True, [["ineligible"]], "Labs selling proprietary products are ineligible. " + ELIG, lead=["no", "ineligible", "not eligible"])
th("exhibits have to be how far from the CME session in time?", "does that apply to our online modules too?", True, [["click", "presented with", "while engaged"]], "Online: no marketing while engaged / no click-through. " + S5)
th("attendance records - how long do we keep them?", "and the planning docs?", True, [["accreditation term", "12 months", "twelve months"]], "Activity files: term or 12 months. " + REC)
th("how long is provisional accreditation?", "and with commendation?", True, [["six", "6"]], "6 years. " + STAT)
th("for ABIM MOC do we need to apply to ABIM separately?", "does the same process work for pediatrics (ABP)?", True, [["pars"]], "ABP collaboration via PARS since 2016. " + MOCREG, lead=YES)
th("our tumor board - do we need disclosures?", "what about a spontaneous team huddle where docs just discuss a case", True, [["exception", "spontaneous", "learner"]], "Learner-controlled exception. " + S3)
th("leadership workshop for chiefs - standard 3 needed?", "what if we add a session on choosing anticoagulants", True, [["clinical", "standard 3", "std 3", "disclos"]], "Clinical content is no longer non-clinical; Std 3 applies. " + S3)
th("device company employee teaching safe use of their device in a skills lab - allowed?", "what if he's also asked to say which patients are good candidates", True, [["whether or when", "whether/when", "cannot", "can't", "not"]], "Exception c excludes whether/when. " + S3, lead=NO)
th("can grant money pay faculty travel?", "what about paying travel for learners", True, [["travel", "learner"]], "Cannot pay learners' travel. " + HON, lead=NO)
th("how many ECMEC per hour of a live event?", "can US docs convert those to AMA credit?", True, [["convert", "conversion"]], "UEMS-AMA agreement. " + UEMSEANM, lead=YES)
th("what % of activities must be interprofessional for JA?", "counted over what period", True, [["18 months", "eighteen"]], "18 months. " + JAELIG)
th("is IPCE credit mandatory?", "whats the statement wording if we do use it", True, [["planned by and for the healthcare team"]], "IPCE statement. " + JACRED)
th("faculty teaching 1 hr at our certified live conference - teaching credit?", "what if it's a 30 min talk", True, [["1", "one"]], "2 credits/hour x 0.5h = 1. " + AMABOOK + " ; http://usuhs.mil/che/otherlearning.html", lead=["1", "one"])
th("can a provider designate an activity for category 2?", "can we at least say in the brochure it 'may qualify for cat 2'?", True, [["advertise", "category 2", "cat 2"]], "Must not advertise Cat 2. " + CAT2, lead=NO)
th("annual meeting with 10 sessions, all ABIM-relevant. MOC points?", "what if only 4 of the 10 qualify", True, [["4", "four"]], "Adjust points to qualifying sessions. " + MOCMULTI, lead=["4", "four"])
th("indiana opioid CE hours for controlled substance renewal?", "do i send certificates in?", True, [["attest"]], "Attest. " + IND, lead=NO)
th("is ACCME requiring a post-test for enduring materials?", "what about for ABIM MOC registered activities — any evaluation needed?", True, [["evaluation"]], "MOC requires comprehensive evaluation. " + MOC7922, lead=YES)
th("is an EHR company an ineligible company?", "what about a company that makes health wearables", True, [["ineligible"]], "Wearables makers ineligible. " + ELIG, lead=["yes", "ineligible"])
th("does std 5 apply to every accredited activity?", "ok and if there's an exhibit hall at our conference?", True, [["30 minutes", "30 min", "thirty"]], "Then Std 5 applies incl. 30-min rule. " + S5, lead=YES)
th("what info goes in the disclosure to learners?", "can we include the company logos", True, [["logo"]], "No logos. " + S3, lead=NO)
th("2 parallel workshops 1-3pm after a 9-12 plenary (no breaks). max credit?", "what if the workshops are sequential instead, 1-3 then 3-5, and everyone attends both", True, [["7", "seven"]], "3 + 2 + 2 = 7. " + AMABOOK, lead=["7", "seven"])
th("what's the commendation requirement count?", "can first time applicants go for it?", True, [["provisional"]], "Initial applicants -> Provisional. " + STAT, lead=NO)
th("royal college section 1 statement wording pls", "can we put 'pending' while waiting for approval", True, [["pending"]], "Cannot. " + RCPROC, lead=NO)
th("does 'competence' mean knowledge for analyzes change?", "so what counts as performance then", True, [["practice"]], "Performance = what learners do in practice. " + FAQ780)

# 12 topic changes (10 answerable standalone + 1 clinical + 1 near-scope)
th("how long do we keep attendance records?", "different q: how many hrs is a full ACCME accreditation term", False, [["four", "4"]], "4 years. " + STAT, lead=["4", "four"])
th("is a PBM ineligible?", "unrelated - what's the IPCE definition", False, [["two or more professions"]], "IPCE def. " + JAGL)
th("ABIM MOC via PARS?", "switching gears: exact AMA designation statement?", False, [["designates this"], ["commensurate"]], "Designation statement. " + AMABOOK)
th("30 min rule for exhibits?", "separate thing - does ACCME require sign in sheets", False, [["sign-in", "sign in"]], "Not required. " + REC, lead=NO)
th("ecmec per hour?", "new topic: how many commendation criteria total", False, [["8", "eight"]], "8 criteria. " + STAT, lead=["8", "eight"])
th("is IPCE credit optional?", "different question - do diversified mutual funds need to be disclosed", False, [["mutual fund"]], "No. " + S3, lead=NO)
th("journal club 50 min credit?", "also unrelated: what's a professional practice gap", False, [["difference", "gap between"]], "Gap definition. " + NEEDS)
th("can grant $ pay resident travel?", "other q - do individual stock options have to be disclosed", False, [["option"]], "Std 3.1b: stocks and stock options disclosed. " + S3, lead=YES)
th("indiana opioid hours?", "unrelated: royal college an ABMS board?", False, [["not"]], "No. " + RCMOC, lead=NO)
th("how far back do disclosures go?", "random q: when did EACCME start", False, [["2000", "1999"]], "1999/2000. " + UEMSEANM)
th("what's the std 3 exception for non-clinical education?", "btw whats the max dose of ibuprofen for an adult per day", False, [], "Clinical turn: bot must decline.")
th("how do we register activities for ABP MOC?", "also when's the ABP going to post my points from last week's course?", False, [], "Near-scope turn: individual status, bot must decline/redirect.")

def validate_and_write():
    assert len(A) == 155, len(A)
    want = {"accme": 75, "ama": 28, "moc": 15, "eaccme": 8, "joint-accreditation": 8, "credit-systems": 8, "outcomes": 6, "needs-assessment": 4, "licensure": 3}
    c = Counter(x["topic"] for x in A)
    assert dict(c) == want, c
    assert len(NS) == 25 and len(CL) == 10 and len(OT) == 10
    assert len(TH) == 40 and sum(t["follow_up"] for t in TH) == 28
    items = []
    for x in A:
        d = {"question": x["question"], "label": "answerable", "answerable": True, "topic": x["topic"], "must_mention": x["must_mention"]}
        if x["lead"]: d["lead"] = x["lead"]
        if x["must_not"]: d["must_not"] = x["must_not"]
        d["why"] = x["why"]; items.append(d)
    for s in NS:
        items.append({"question": s, "label": "near_scope", "answerable": False, "topic": "planning", "must_mention": [], "why": "Provider-/person-/date-specific fact no general knowledge base holds; bot should say it cannot know and point to the source."})
    for s in CL:
        items.append({"question": s, "label": "clinical", "answerable": False, "topic": "planning", "must_mention": [], "why": "Clinical question; a CME-operations bot must decline."})
    for s in OT:
        items.append({"question": s, "label": "off_topic", "answerable": False, "topic": "planning", "must_mention": [], "why": "Off topic for a CME assistant."})
    random.Random(14).shuffle(items)
    out = []
    for i, d in enumerate(items, 1):
        out.append({"id": f"ds14-{i:04d}", **d})
    with open(os.path.join(HERE, "questions.jsonl"), "w") as f:
        for d in out: f.write(json.dumps(d, ensure_ascii=False) + "\n")
    ths = []
    for i, t in enumerate(TH, 1):
        d = {"id": f"ds14-thread-{i:03d}", "turns": t["turns"], "follow_up": t["follow_up"], "must_mention": t["must_mention"]}
        if t["lead"]: d["lead"] = t["lead"]
        if t["must_not"]: d["must_not"] = t["must_not"]
        d["why"] = t["why"]; ths.append(d)
    with open(os.path.join(HERE, "threads.jsonl"), "w") as f:
        for d in ths: f.write(json.dumps(d, ensure_ascii=False) + "\n")
    # stats
    yn = [x for x in A if x["lead"] in (YES, NO)]
    print("answerable by topic", dict(c))
    print("labels", Counter(d["label"] for d in out))
    print("yes/no answerable:", len(yn), "yes", sum(x["lead"] is YES for x in yn), "no", sum(x["lead"] is NO for x in yn))
    tyn = [t for t in TH if t["lead"] in (YES, NO)]
    print("threads yes/no:", len(tyn), "yes", sum(t["lead"] is YES for t in tyn), "no", sum(t["lead"] is NO for t in tyn))
    print("with lead (any):", sum(1 for x in A if x["lead"]), "threads with lead:", sum(1 for t in TH if t["lead"]))

if __name__ == "__main__":
    validate_and_write()
