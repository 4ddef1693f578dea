#!/usr/bin/env python3
"""Generator for dev-slack-15 (CME Slack-style eval set). Run: python3 build.py
Writes questions.jsonl and threads.jsonl next to this file. Shuffle seed 15."""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 15

# authority URLs checked (stored copies, via the search tool)
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S3X = "ACCME Standard 3 text (accme.org/standards; exclusion/exceptions wording seen in verbatim restatements)"
S3EXC = "https://cmadocs.org/newsroom/news/view/ArticleId/50350/Compliance-Corner-Exceptions-to-Standard-3 (restates accme.org Standard 3 exceptions)"
ENDUR = "https://accme.org/highlights/compliance-check-enduring-materials"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
S5FAQ = "https://accme.org/faq/standard-52-does-there-need-be-30-minute-interval-between-accredited-and-nonaccredited"
S4 = "ACCME Standard 4 (accme.org/standards; full wording checked in a provider's verbatim copy, ww2.highmarksce.com)"
ELIG = "https://accme.org/rule/eligibility"
ELIGFAQ = "https://www.accme.org/faq/how-can-i-determine-if-my-organization-ineligible-company-formerly-known-commercial-interest"
ACCMEFAQS = "ACCME FAQs listed on accme.org (ineligible-company FAQ list)"
ELIGORG = "https://www.accme.org/eligibility"
STATUS = "https://accme.org/about-accreditation/accreditation-status"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
CERT = "http://www.accme.org/about-us/submit-complaint/complaint-summaries/compliance-attendance-records-retention-policy"
JP = "https://www.accme.org/accreditation-rules/policies/joint-providership ; https://accme.org/joint-providership"
STUD = "https://accme.org/rule/engages-students"
NEEDS = "http://accme.org/rule/educational-needs/"
FAQ780 = "http://accme.org/faq/780"
MOCFAQ = "http://www.accme.org/faq/how-do-i-determine-number-moc-points-available-for-my-abim-practice-assessment-activity"
ABIMP = "https://www.abim.org/moc-activity-providers/"
ABIMMK = "https://www.abim.org/maintenance-of-certification/earning-points/medical-knowledge/live-learning-sessions.aspx"
AMADC = "https://ama-assn.org/education/ama-pra-credit-system/unconventional-ways-earn-cme"
AMAC2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html"
AMABOOK = "AMA PRA booklet live-activity rules, as reproduced at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ (not found on ama-assn.org in the stored corpus)"
AMAFAC = "AMA PRA booklet faculty-credit rules, as reproduced at antiguabarbudamedicalcouncil.com and health.ucdavis.edu (not found on ama-assn.org in the stored corpus); AMA lists teaching at a live activity as direct credit: " + "https://ama-assn.org/education/ama-pra-credit-system/unconventional-ways-earn-cme"
AMATEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
JAMA6 = "https://jamanetwork.com/journals/jama/pages/author-cme (AMA's JAMA Network page on direct credit)"
RCAMA = "http://www.royalcollege.ca/rcsite/cpd/providers/international-accreditation-agreements-e ; AMA Ed Hub page 'Agreement with the Royal College' (stored copy)"
RCINT = "https://www.royalcollege.ca/en/cpd/royal-college-accredited-cpd-providers/international-accreditation-agreements.html"
UEMS = "http://www.uems.net/main.php?category=6"
UEMSEANM = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec"
JAELIG = "https://jointaccreditation.org/accreditation-process/eligibility/"
JAFAQ = "http://www.jointaccreditation.org/faq"
JAGL = "https://jointaccreditation.org/glance"
JAADM = "https://jointaccreditation.org/administrative-responsibilities"
JAVID = "https://accme.org/resources/video-resources/cme-collaborations/interprofessional-continuing-education-perspective-joint-accreditation"
MBC = "http://www.mbc.ca.gov/Licensees/Continuing_Education/"
ALBME = "https://www.albme.gov/press-release/continuing-medical-education-renewal-requirements"

NOT_ELIG_COMPANY = ["is eligible", "are eligible", "not an ineligible", "not ineligible", "can be accredited", "eligible organization", "not considered an ineligible"]

Q = []  # (label, topic, question, must_mention, lead, must_not, why)

def A(topic, q, mm, why, lead=None, mn=None):
    Q.append(("answerable", topic, q, mm, lead, mn, why))

# ---------------- ACCME (75) ----------------
t = "accme"
A(t, "how far back do faculty disclosures need to go now?? our form still says 12 months lol", [["24 months", "24-month", "two years", "2 years"]], "Std 3.1: all financial relationships in the prior 24 months. " + S3)
A(t, "is there a $ minimum before a speaker has to disclose? one of ours got like $300 from a device co for a single advisory call", [["no minimum", "no threshold", "any amount", "regardless of the amount", "no dollar", "regardless of amount"]], "Std 3.1: no minimum financial threshold. " + S3, lead=["no"])
A(t, "speaker told me she doesn't think her advisory board with a pharma co is relevant to her talk so she left it off the disclosure form. does she still have to list it?", [["regardless", "all financial relationships", "all of her", "all relationships"]], "Std 3.1: disclose regardless of own view of relevance. " + S3, lead=["yes"])
A(t, "do we need to collect info on mutual funds? one faculty has a bunch of vanguard index funds", [["mutual fund"]], "Std 3.1b: diversified mutual funds need not be disclosed. " + S3, lead=["no"])
A(t, "our course director owns individual shares of a big publicly traded pharma company. does that go on the disclosure form", [["stock", "shares"]], "Std 3.1b: individual stocks and stock options should be disclosed. " + S3, lead=["yes"])
A(t, "what exactly has to be in the disclosure we show learners, like on the slide before each talk?", [["name"], ["nature"], ["mitigated"]], "Std 3.5: individual names, company names, nature of relationship, statement that all relevant relationships were mitigated. " + S3X)
A(t, "can we put the companies' logos on the faculty disclosure slide? makes it easier for ppl to recognize", [["name only", "names only", "by name", "logo"]], "Std 3.5: identify ineligible companies by name only, no logos. " + S3X, lead=["no"])
A(t, "when do we have to mitigate a planner's relevant relationship - before planning starts or is before the activity goes live ok?", [["before", "prior to"]], "Std 3.4: mitigate before individuals assume their roles (for planners, before planning begins). " + S3X)
A(t, "device manufacturer employee wants to run the hands-on station teaching safe and proper use of their device at our workshop. allowed under std 3?", [["technician", "safe and proper use", "safe use"]], "Std 3 exclusion exception c: employees as technicians teaching safe/proper device use, not recommending whether/when. " + S3X, lead=["yes"])
A(t, "a medicinal chemist who works for a pharma co wants to present preclinical drug discovery work at our research day, no patient care recs at all. can she?", [["basic science", "preclinical", "research"]], "Std 3 exclusion exception b: basic science/preclinical research, no care recommendations. " + S3X, lead=["yes"])
A(t, "pharma employee wants to give the talk on clinical use of her company's new drug at our annual mtg. it's fine if we disclose it, right?", [["excluded", "cannot", "can't", "not allowed", "may not", "must not", "not permitted"]], "Std 3: owners/employees of ineligible companies are excluded from controlling content related to their company's business lines; disclosure does not cure it. " + S3X, lead=["no"], mn=["disclosure is enough", "as long as you disclose"])
A(t, "does std 3 apply to our leadership skills workshop for dept chairs? zero clinical content", [["non-clinical", "nonclinical", "exception"]], "Std 3 exception 1: non-clinical education (e.g. leadership). " + S3EXC, lead=["no"])
A(t, "our monthly M&M conference - does it fall under the std 3 exception for learner-controlled content?", [["regularly scheduled", "set times", "scheduled", "m&m", "morbidity"]], "Std 3 exception 2 excludes RSS, M&M rounds, tumor boards. " + S3EXC, lead=["no"])
A(t, "tumor board is set up as an RSS for credit. do we really need disclosures collected from every presenter", [["regularly scheduled", "tumor board", "does not fall", "doesn't fall", "not an exception", "not exempt"]], "Tumor boards/RSS are not under the learner-controlled exception; Standard 3 applies. " + S3EXC, lead=["yes"])
A(t, "our on-demand podcast series counts as self-directed learning right? so we can skip collecting disclosures from the hosts?", [["enduring"]], "ACCME: enduring materials (podcasts, recorded talks) are not self-directed education; apply Std 3. " + ENDUR, lead=["no"])
A(t, "what counts as 'self-directed' education for the std 3 exception? examples pls", [["learning from teaching", "remediation", "personal development plan", "development plan"]], "ACCME: self-directed = learner controls goals, e.g. learning from teaching, remediation, personal development plan. " + ENDUR)
A(t, "we're a 6-hospital health system. can we be an ACCME accredited provider or are we considered too close to industry", [["eligible organization", "is eligible", "are eligible", "can be accredited", "eligible to be", "can become"]], "Eligibility: hospitals/healthcare delivery systems are eligible organizations. " + ELIG, lead=["yes"])
A(t, "quick one - PBMs count as ineligible companies, right? one wants to exhibit", [["ineligible"]], "Eligibility: PBMs are ineligible companies. " + ELIG + " ; " + ACCMEFAQS, lead=["yes"])
A(t, "is an EHR vendor an ineligible company? they want to give us a grant for our informatics symposium", [NOT_ELIG_COMPANY], "Eligibility: EHR companies are listed as eligible organizations. " + ELIG, lead=["no"])
A(t, "compounding pharmacy that manufactures its own proprietary compounds - ineligible company or not", [["ineligible"]], "Eligibility: compounding pharmacies that manufacture proprietary compounds are ineligible. " + ELIG, lead=["ineligible", "yes"])
A(t, "ad agency whose clients are mostly pharma companies — does that make the agency an ineligible company?", [["ineligible"]], "Eligibility: advertising/marketing/communication firms whose clients are ineligible companies are ineligible. " + ELIG, lead=["yes"])
A(t, "small biotech startup, nothing on the market yet but they already started the FDA approval process. ineligible company?", [["regulatory approval", "approval process"]], "ACCME FAQ: a biomedical startup is ineligible once it has begun a governmental regulatory approval process. " + ACCMEFAQS, lead=["yes"])
A(t, "dietary supplement maker wants to exhibit at our annual meeting. under the standards are they an 'ineligible company'?", [["ineligible"]], "Eligibility: growers/manufacturers/sellers of dietary supplements and medical foods are ineligible. " + ELIG, lead=["yes"])
A(t, "diagnostic lab that just runs tests and doesn't sell any proprietary products - eligible or ineligible?", [NOT_ELIG_COMPANY], "Eligibility: diagnostic labs that do not sell proprietary products are eligible. " + ELIG)
A(t, "whats the definition of 'ineligible company' in plain english", [["primary business"], ["healthcare products", "health care products"]], "Ineligible = primary business producing, marketing, selling, re-selling, or distributing healthcare products used by or on patients. " + ELIG)
A(t, "our industry supporter offered to suggest a few speakers for the accredited breakfast session. ok to take their suggestions if we make the final call?", [["ineligible"]], "ACCME FAQ: providers may not ask ineligible companies for speaker/topic suggestions. " + ACCMEFAQS, lead=["no"])
A(t, "speaker gets patent royalties from a device company. does that make him an 'owner' so he's excluded?", [["mitigat", "disclos"]], "ACCME FAQ: patent royalty recipients are not owners/employees; they may control content if relationships are managed (identified, mitigated, disclosed). " + ACCMEFAQS, lead=["no"])
A(t, "can we run an industry product theater in the same ballroom 15 min after our accredited session ends?", [["30 minutes", "30-minute", "thirty minutes", "30 min"]], "Std 5.2a: no marketing/exhibits/nonaccredited industry education in the educational space within 30 minutes before or after. " + S5, lead=["no"])
A(t, "does the 30 min rule apply to virtual meetings? we have a sponsored non-accredited webinar right after ours in the same zoom room", [["30 minute", "30-minute", "thirty minute", "30 min"]], "ACCME FAQ 5.2: the 30-minute interval applies to live online activities when learners stay in the same virtual space. " + S5FAQ, lead=["yes"])
A(t, "virtual summit q: if attendees have to click a link that clearly says they're leaving the accredited session to go to the sponsor's room, do we still need the 30 min gap?", [["link", "leaving", "leave"]], "ACCME FAQ 5.2: if learners must take an action such as clicking a link that communicates they are leaving, no time interval is required. " + S5FAQ, lead=["no"])
A(t, "in our online module can we show a 5 sec skippable pre-roll ad for the supporter before the course starts?", [["click", "watch"]], "Std 5.2b: learners must engage without having to click through, watch, listen to or be presented with product promotion. " + S5, lead=["no"])
A(t, "can the supporter's logo go on the title slide of an accredited talk? it's just a thank-you", [["logo", "marketing", "educational materials"]], "Std 5.2c: educational materials (slides, handouts...) must not contain marketing. " + S5, lead=["no"])
A(t, "a pharma co says they'll only give us the educational grant if they also get a prime booth in the exhibit hall. can we agree to that?", [["condition"]], "Std 5.1c: exhibit arrangements must not be a condition of financial or in-kind support. " + S5, lead=["no"])
A(t, "std 4 q: can the commercial supporter just pay the hotel directly for the meeting room and AV?", [["directly"]], "Std 4: ineligible companies must not pay directly for any expenses related to the education or learners. " + S4, lead=["no"])
A(t, "can we use the grant money to pay faculty honoraria and their travel?", [["honorari"]], "Std 4: commercial support may fund honoraria/travel of planners, faculty and others in control of content, for those roles only. " + S4, lead=["yes"])
A(t, "we want to use commercial support to give travel grants so fellows can attend our annual meeting. allowed?", [["learner"]], "Std 4: commercial support must not pay travel, lodging, honoraria or personal expenses of individual learners or groups of learners. " + S4, lead=["no"])
A(t, "can we use the commercial support to lower the registration fee for everyone?", [["all learners", "everyone", "all attendees", "all participants"]], "Std 4: support may be used to defray or eliminate the cost of the education for all learners. " + S4, lead=["yes"])
A(t, "does std 4 apply to everything we do, or only some activities?", [["commercial support", "in-kind", "financial or in-kind"]], "Std 4 applies only to accredited CE that receives financial or in-kind support from ineligible companies. " + S4)
A(t, "if a meeting has zero exhibits, zero ads and no non-accredited sessions, do we even need to worry about std 5?", [["only when", "only applies", "applies only"]], "Std 5 applies only when there is marketing by ineligible companies or nonaccredited education associated with the accredited CE. " + S5, lead=["no"])
A(t, "does std 3 apply to all accredited CE or only when there's industry money involved", [["all accredited", "all of your", "applies to all", "every accredited"]], "Standard 3 applies to all accredited continuing education. " + S3)
A(t, "how long is Provisional Accreditation", [["two years", "2 years", "two-year", "2-year"]], "Provisional Accreditation is a two-year term. " + STATUS, lead=["2", "two"])
A(t, "how many years do you get with Accreditation with Commendation", [["six", "6"]], "Accreditation with Commendation is a six-year term. " + STATUS, lead=["6", "six"])
A(t, "standard ACCME accreditation term is how long again?", [["four", "4"]], "Accreditation is the standard four-year term. " + STATUS, lead=["4", "four"])
A(t, "for commendation how many criteria total, and do any have to come from a specific category?", [["eight", "8"], ["achieves outcomes"]], "Commendation: any seven criteria plus at least one from Achieves Outcomes, eight total. " + STATUS)
A(t, "can a provider that's on Probation still do joint providership?", [["probation"]], "Providers on Probation may not jointly provide (except activities contracted before the decision). " + JP, lead=["no"])
A(t, "a pharma company wants to be the joint provider on our activity (they'd just handle logistics). allowed?", [["ineligible"]], "Ineligible companies cannot engage in joint providership. " + JP, lead=["no"])
A(t, "pasted from our template: 'This activity has been planned and implemented in accordance with the accreditation requirements and policies of the ACCME through the joint providership of...' — when do we use this instead of our normal statement?", [["joint providership", "jointly provided", "nonaccredited", "non-accredited"]], "Joint providership statement is used when the accredited provider works with a nonaccredited organization. " + JP)
A(t, "need the exact wording of the ACCME joint providership accreditation statement pls", [["in accordance with the accreditation requirements and policies"], ["through the joint providership of"], ["to provide continuing medical education for physicians"]], "ACCME Accreditation Statement Policy (joint providership wording). " + JP)
A(t, "is it ok to charge a nonaccredited org a fee for jointly providing their course, or does ACCME have a rule against it?", [["no policy", "does not", "doesn't", "not prohibit", "no rule"]], "ACCME maintains no policy that requires or precludes charging a joint providership fee. " + JP, lead=["yes"])
A(t, "who's on the hook for compliance in a jointly provided activity, us (accredited) or the non-accredited society we partner with?", [["accredited provider", "you are", "your organization", "the accredited"]], "In joint providership the accredited provider is responsible for demonstrating compliance. " + JP)
A(t, "how long do we have to keep attendance records", [["six years", "6 years"]], "Verify participation for six years from the date of the activity. " + REC, lead=["6", "six"])
A(t, "how long do we keep activity planning files (not attendance) for ACCME", [["12 months", "twelve months"], ["term"]], "Activity files: current accreditation term or 12 months, whichever is longer. " + REC)
A(t, "does ACCME require sign-in sheets?", [["sign-in", "sign in"]], "ACCME does not require sign-in sheets. " + REC, lead=["no"])
A(t, "is ACCME going to ding us if we don't issue certificates to attendees?", [["certificate"]], "ACCME complaint summary: ACCME does not require providers to issue certificates of attendance (must record/verify participation). " + CERT, lead=["no"])
A(t, "someone asked if our conference itself is 'ACCME accredited'. am i right that ACCME accredits the organization and not each activity?", [["organization", "provider"]], "ACCME accredits organizations, not individual activities. " + ELIGORG, lead=["yes"])
A(t, "whats the 30% / 70% thing about ACCME vs state medical society accreditation?", [["30%", "30 percent", "30 per"], ["state medical societ"]], "Orgs with >=30% of physician learners from beyond home/contiguous states: ACCME; >=70% local: usually a recognized state medical society. " + ELIGORG)
A(t, "can we hold ACCME accreditation and our state medical society accreditation at the same time?", [["same time", "both", "not maintain", "cannot maintain"]], "A provider may not maintain both ACCME and state medical society accreditation at the same time. " + ELIGORG, lead=["no"])
A(t, "for our enduring materials, do the authors and peer reviewers need std 3 disclosure too?", [["reviewer", "author", "control"]], "ACCME: apply Standard 3 to planners, reviewers, speakers, editors, moderators... of enduring materials. " + ENDUR, lead=["yes"])
A(t, "our unit does quick team huddles and well-being check-ins we want to count for credit. do we need std 3 disclosures for those?", [["spontaneous", "learner", "exception"]], "Std 3 exception 2: learner-controlled content such as team huddles, well-being check-ins. " + S3EXC, lead=["no"])
A(t, "commendation: what % of activities have to meet a criterion like Engages Students", [["10%", "10 percent", "ten percent"], ["two", "2"]], "Engages Students: at least 10% of activities, but no less than two. " + STUD)
A(t, "Engages Students criterion — is it enough that residents sit in the audience?", [["planner"], ["faculty"]], "Critical elements: planners AND faculty who are health professions students. " + STUD, lead=["no"])
A(t, "how many activities do we submit as evidence for a commendation criterion if we're a medium sized program", [["4", "four"]], "Evidence by size: S 2, M 4, L 6, XL 8. " + STUD, lead=["4", "four"])
A(t, "what are the ACCME accreditation statuses? new to this", [["provisional"], ["commendation"], ["probation"], ["nonaccreditation", "non-accreditation"]], "Five levels: Provisional, Accreditation, Accreditation with Commendation, Probation, Nonaccreditation. " + STATUS)
A(t, "is Accreditation with Commendation optional? our director thinks we have to apply for it at reaccreditation", [["option", "may aim", "not required", "choose", "optional"]], "Commendation is something accredited providers may aim to achieve. " + STATUS, lead=["yes"])
A(t, "we're a first-time applicant - can we go straight for commendation?", [["provisional"]], "Initial applicants receive Provisional Accreditation (2 years); commendation is for accredited providers. " + STATUS, lead=["no"])
A(t, "how long after a live activity are we accountable if someone files a complaint with ACCME?", [["12 months", "twelve months"]], "Accountable for complaints for 12 months from the date a live activity ended. " + REC)
A(t, "is a health insurance / managed care company an ineligible company? they want to co-fund a population health course", [NOT_ELIG_COMPANY], "Eligibility: insurance or managed care companies are eligible organizations. " + ELIG, lead=["no"])
A(t, "we're a software company building VR surgical sims. can we be an accredited provider?", [["software or game", "eligible organization", "is eligible", "are eligible", "can be accredited", "can become"]], "Eligibility: software or game developers are listed as eligible. " + ELIG, lead=["yes"])
A(t, "fitness wearables manufacturer — ineligible?", [["ineligible"]], "Eligibility: manufacturers of health-related wearable products are ineligible. " + ELIG, lead=["yes"])
A(t, "our parent co has a sister company that sells devices. does that affect whether we count as ineligible?", [["management", "governance", "employees", "sister"]], "ACCME self-assessment asks about parent/sister companies and shared management, employees or governance. " + ELIGFAQ)
A(t, "who has to give us disclosure info - just the speakers?", [["planner"], ["faculty", "speaker"], ["control"]], "Std 3.1: collect from all planners, faculty, and others in control of content. " + S3, lead=["no"])
A(t, "examples of 'nature of the relationship' for the disclosure? our form just says 'other'", [["consultant", "advisor", "speaker", "employee", "researcher"]], "Std 3.1b examples: employee, researcher, consultant, advisor, speaker, independent contractor, royalties/patent, executive role, ownership. " + S3)
A(t, "we have a non-accredited industry lunch symposium on the agenda of our annual meeting. anything we have to do about it in the program book?", [["label", "not accredited", "nonaccredited", "non-accredited"]], "Std 5.2a: activities not accredited must be clearly labeled and communicated as such. " + S5)
A(t, "can the company's sales reps hand out product brochures inside the session room during the accredited talk?", [["marketing", "promotion", "separate"]], "Std 5: education must be separate from marketing; no marketing in the educational space during/30 min around accredited education. " + S5, lead=["no"])
A(t, "does ACCME have a self-assessment tool to figure out if our org is an ineligible company?", [["self-assessment", "questions"]], "ACCME provides structured self-assessment questions. " + ELIGFAQ, lead=["yes"])

# ---------------- AMA (28) ----------------
t = "ama"
A(t, "how many AMA PRA cat 1 credits can i get for a first-author paper in a medline journal?", [["10", "ten"]], "Direct credit: 10 credits per article, first listed author, MEDLINE-indexed. " + AMADC, lead=["10", "ten"])
A(t, "i was first author on a poster at a cat 1 certified conference. how many credits can i claim from AMA", [["5", "five"]], "Direct credit: 5 credits per poster (first author, published abstracts, certified conference). " + AMADC, lead=["5", "five"])
A(t, "just finished my MPH while working full time. can I get AMA credit for it?", [["25", "twenty-five"]], "Direct credit: 25 credits for a medically related advanced degree. " + AMADC, lead=["yes"])
A(t, "passed my ABIM recert exam last year. how many AMA credits is that worth", [["60", "sixty"]], "Direct credit: 60 credits for ABMS board certification or MOC completed on/after Sept 1, 2010. " + AMADC, lead=["60", "sixty"])
A(t, "I did a 3 yr ACGME residency. how many AMA PRA cat 1 credits total can I claim for that?", [["60", "sixty"]], "Direct credit: 20 credits per year of ACGME-accredited residency/fellowship; 3 x 20 = 60. " + AMADC, lead=["60", "sixty"])
A(t, "is there a fee for AMA direct credit applications", [["fee"]], "AMA: processing fee applies for direct credit. " + AMADC, lead=["yes"])
A(t, "I published a first author paper in 2017, never claimed it. can I still get the AMA direct credit now?", [["six years", "6 years"]], "Direct credit only for activities completed within the last six years. " + JAMA6, lead=["no"])
A(t, "can our society just label a journal club 'Category 2' on the flyer?", [["self-claim", "self claim", "self-designated", "self designated", "claimed by the physician", "physicians claim", "physician claims"]], "Providers must not certify Cat 2; it is self-designated and self-claimed by physicians. " + AMAC2, lead=["no"])
A(t, "can we put 'eligible for AMA PRA Category 2 Credit' in our brochure?", [["advertise", "not certify", "must not"]], "Accredited providers may not advertise that an activity qualifies for Cat 2. " + AMAC2, lead=["no"])
A(t, "what kinds of things count as cat 2? examples", [["reading", "consultation", "self-assessment", "medical writing", "preceptor", "peer review"]], "AMA Cat 2 examples: unstructured online searching, reading literature, consultation, self-assessment, writing, preceptorship, peer review/QA. " + AMAC2)
A(t, "credit math q: half-day course 8:00-12:00 with one 30 min coffee break. how many credits do we designate?", [["3.5", "3.50"]], "Live: 60 min = 1 credit; exclude breaks; 3.5 h. " + AMABOOK, lead=["3.5"])
A(t, "full day 7:30am-5:00pm, 1 hr lunch, two 15 min breaks and a 30 min exhibit hall visit. max credits?", [["7.5", "7.50"]], "9.5 h minus 1 h lunch, 0.5 h breaks, 0.5 h exhibits = 7.5 credits. " + AMABOOK, lead=["7.5"])
A(t, "we have two concurrent breakout tracks from 1-3pm. do those count as 4 credits toward the max?", [["once", "2 credits", "two credits", "2.0", "only 2"]], "Simultaneous sessions count once toward the designated maximum (2 credits). " + AMABOOK, lead=["no"])
A(t, "single 50 minute lecture, how many credits", [["0.75", ".75"]], "15-min/0.25 increments, round to nearest quarter hour: 50 min -> 0.75. " + AMABOOK, lead=["0.75", ".75"])
A(t, "we forgot to designate credit for last month's symposium. can we designate it now that it's over?", [["advance", "retroactive"]], "Activities must be designated in advance; no retroactive designation. " + AMAFAQ, lead=["no"])
A(t, "our society isn't accredited. can we designate AMA PRA Cat 1 ourselves if we follow all the rules?", [["accredited"], ["joint provid", "jointly provid", "joint sponsor"]], "Only ACCME- or recognized-SMS-accredited providers (or via joint providership/sponsorship) can offer Cat 1. " + AMAFAQ, lead=["no"])
A(t, "i'm giving a 1 hr talk at a certified live activity. can i claim credit for teaching it? how much", [["2", "two"]], "Faculty may be awarded 2 credits per hour presenting at a certified live activity (teaching at a live activity is an AMA direct credit activity). " + AMAFAC, lead=["yes"])
A(t, "giving the same talk at 3 different meetings this yr, do I get teaching credit each time?", [["once"]], "Credit may only be claimed once for repeated presentations. " + AMAFAC, lead=["no"])
A(t, "can i also claim attendee credit for the session where i'm the speaker?", [["simultaneous", "not claim", "cannot", "can't", "other sessions"]], "Faculty may not claim learner credit for sessions they present; may for other sessions attended. " + AMAFAC, lead=["no"])
A(t, "does teaching residents ever count for cat 1 or is it only cat 2?", [["category 1", "cat 1"]], "Since March 2013 the learning associated with teaching students/residents can be certified as a live activity for Cat 1 by qualifying providers. " + AMATEACH)
A(t, "I got board certified in 2008. AMA credits for that?", [["25", "twenty-five"]], "Direct credit: 25 credits for certification/MOC completed before Sept 1, 2010. " + AMADC, lead=["25", "twenty-five"])
A(t, "how many kinds of direct credit activities does the AMA award?", [["six", "6"]], "AMA directly awards credit for six activities. " + AMADC, lead=["6", "six"])
A(t, "part of our designated day is the society business meeting. include it in the credit count?", [["exclud"]], "Sections not meeting the AMA definition of CME must be identified and excluded from the designated maximum. " + AMABOOK, lead=["no"])
A(t, "doc attended only half of our 6-credit meeting but wants the full 6 on his certificate. ok?", [["participation", "commensurate", "3"]], "Physicians may only claim credit consistent with the extent of their participation. " + AMAFAQ, lead=["no"])
A(t, "for my poster credit do I apply to the AMA or to the conference organizer?", [["AMA"]], "Direct credit is awarded by the AMA on application with documentation. " + AMADC)
A(t, "does AMA require providers to record the actual credits each physician claims?", [["record"]], "AMA core requirement: a means to record the credits claimed by each physician. " + AMAFAQ, lead=["yes"])
A(t, "random googling + uptodate-style reading between patients — can I claim that as cat 2?", [["category 2", "cat 2"]], "Cat 2 examples include unstructured online searching and reading authoritative literature. " + AMAC2, lead=["yes"])
A(t, "does serving on our hospital's peer review / QA committee count for anything CME-wise?", [["category 2", "cat 2"]], "AMA lists peer review and quality assurance participation as possible Cat 2 activities. " + AMAC2, lead=["yes"])

# ---------------- MOC (15) ----------------
t = "moc"
A(t, "how many ABIM MOC points does a CME activity usually give?", [["equal", "same", "equivalent", "match"]], "Typically MOC points equal the CME credits designated. " + MOCFAQ)
A(t, "can we offer fewer MOC points than CME credits?", [["portion", "only some", "fewer", "less", "limited"]], "MOC points may be less than credits if only a portion meets requirements. " + MOCFAQ, lead=["yes"])
A(t, "how do we register an activity for ABIM MOC points", [["PARS"]], "Register the activity and submit participant data in ACCME's PARS. " + ABIMP)
A(t, "so for ABIM MOC, we (the provider) report learner completions through PARS and the docs don't have to self-report?", [["PARS"]], "Providers submit participant data through PARS. " + ABIMP, lead=["yes"])
A(t, "are ABIM's medical knowledge modules (annual updates) still available to earn points?", [["retire"]], "ABIM retired the Medical Knowledge modules after the 2022-2023 release. " + ABIMMK, lead=["no"])
A(t, "we want ABIM MOC for a hospital QI project that isn't a CME activity. which route?", [["AQI", "Approved Quality Improvement"]], "ABIM Approved Quality Improvement (AQI) Program for non-CME QI activities. " + ABIMP)
A(t, "practice assessment activity that also has AMA PRA cat 1 — where do we register it for ABIM?", [["PARS"]], "Practice Assessment MOC activities with Cat 1 are registered in PARS. " + ABIMP)
A(t, "how many AMA credits do you get for completing MOC?", [["60", "sixty"]], "Direct credit: 60 credits for ABMS MOC completed on/after Sept 1, 2010. " + AMADC, lead=["60", "sixty"])
A(t, "our meeting is 12 credits but only 3 sessions meet the ABIM requirements. can we still offer MOC points just for those?", [["portion", "fewer", "less", "only"]], "MOC points can be fewer than credits when only some sessions meet requirements. " + MOCFAQ, lead=["yes"])
A(t, "where do we check whether an activity type is even eligible for ABIM MOC?", [["program guide", "CME for MOC"]], "ABIM: download the CME for MOC Program Guide to determine eligibility. " + ABIMP)
A(t, "does the Royal College count ACCME 'CME for MOC' assessment activities for its MOC program?", [["section 3"]], "Royal College recognizes ACCME CME-for-MOC assessment activities as MOC Section 3 credits (1 credit = 1 hour). " + RCINT, lead=["yes"])
A(t, "canadian member here — live conference in Boston run by a university. counts as Royal College section 1?", [["section 1"]], "Royal College recognizes group learning outside Canada developed by universities/physician organizations as Section 1. " + RCINT, lead=["yes"])
A(t, "who reviews ABIM AQI applications?", [["specialty board", "board member", "peer"]], "AQI applications are peer-reviewed by members of the relevant ABIM Specialty Board. " + ABIMP)
A(t, "is it only accredited CME providers that can offer ABIM MOC points? our hospital QI office wants to", [["hospital", "health system"]], "ABIM: CME providers, hospitals, health systems and medical societies can offer MOC points. " + ABIMP, lead=["no"])
A(t, "where can physicians search for activities registered for MOC?", [["CME Finder"]], "ACCME CME Finder lists activities registered for MOC. " + RCINT)

# ---------------- EACCME (8) ----------------
t = "eaccme"
A(t, "how many ECMECs per hour of education", [["1", "one"]], "1 ECMEC = 1 hour of educational activity. " + UEMS, lead=["1", "one"])
A(t, "90 min workshop at our european congress = how many ECMEC?", [["1.5"]], "1 ECMEC per hour (0.5 per 30 min). " + UEMS, lead=["1.5"])
A(t, "do EACCME credits convert to AMA PRA cat 1 for US docs attending?", [["AMA"]], "UEMS-AMA agreement: ECMECs from EACCME-accredited live events recognized by AMA. " + UEMSEANM, lead=["yes"])
A(t, "ECMEC → AMA credit conversion, what's the ratio?", [["1:1", "one-to-one", "one to one", "equivalent number", "one hour", "1 hour", "same number"]], "Converted at one hour of participation = one credit. " + UEMSEANM)
A(t, "does EACCME accredit the organization like ACCME does, or each event?", [["event", "activit"]], "EACCME approval is for a given event; ACCME accredits organizations. " + UEMS + " ; " + ELIGORG)
A(t, "how far ahead do we need to apply for EACCME for our congress in lisbon?", [["12 weeks", "twelve weeks", "3 months", "three months"]], "Apply at least 3 months (12 weeks) before the event. " + UEMS)
A(t, "for the EACCME→AMA conversion, does our congress apply on behalf of attendees or does each physician apply?", [["physician", "individual", "each"]], "Physicians apply to the AMA with their EACCME certificate and a processing fee. " + UEMSEANM)
A(t, "EACCME-accredited live event in Germany — does it count for Royal College MOC section 1?", [["section 1"]], "Royal College recognizes group learning outside Canada as Section 1. " + RCINT, lead=["yes"])

# ---------------- Joint Accreditation (8) ----------------
t = "joint-accreditation"
A(t, "what % of our activities need to be interprofessional to apply for joint accreditation?", [["25%", "25 percent", "25 per"]], "At least 25% of activities in the past 18 months interprofessional. " + JAELIG, lead=["25"])
A(t, "JA eligibility lookback — how many months of activities do they look at?", [["18 months", "eighteen months"]], "Structures and activities over the past 18 months. " + JAELIG, lead=["18", "eighteen"])
A(t, "whats the definition of IPCE", [["two or more professions", "2 or more professions"], ["with, from, and about", "with, from and about", "learn with"]], "IPCE: members of two or more professions learn with, from, and about each other. " + JAGL)
A(t, "if nurses, pharmacists and docs all just register for our activity, does that make it interprofessional for JA?", [["plan"]], "Interprofessional registration is not IPCE; must be planned by the team for the team. " + JAVID, lead=["no"])
A(t, "we have no accreditation from anyone yet. can we still apply for joint accreditation? what term would we get", [["two", "2"]], "A non-accredited organization may apply; maximum term is two years. " + JAFAQ, lead=["yes"])
A(t, "once we're jointly accredited can we still run single-profession stuff, like a nursing-only course?", [["single", "criteria"]], "Jointly accredited providers may offer single-profession activities, following JA criteria. " + JAFAQ, lead=["yes"])
A(t, "where do jointly accredited providers report their activities?", [["JA-PARS"]], "Report all CE activities to JA-PARS. " + JAADM)
A(t, "we're merging with another org. how fast do we have to tell Joint Accreditation about the ownership change?", [["30 days", "thirty days"]], "Inform JA of ownership/structure changes within 30 days. " + JAADM, lead=["30", "thirty"])

# ---------------- credit systems (8) ----------------
t = "credit-systems"
A(t, "canadian colleague has Royal College MOC credits from a CPD course — can those convert to AMA PRA cat 1?", [["1 hour", "one hour", "1:1", "one credit", "1 credit"]], "AMA-Royal College agreement: eligible activities convert at 1 hour = 1 credit. " + RCAMA, lead=["yes"])
A(t, "i'm an NP. can i get AMA PRA cat 1 credit through the Royal College conversion?", [["participation"]], "Only MD/DO or equivalent receive AMA credit; others receive a certificate of participation. " + RCAMA, lead=["no"])
A(t, "whats the actual difference between cat 1 and cat 2", [["self"], ["accredited provider", "certified", "designat"]], "Cat 1 is certified by accredited providers (or AMA direct credit); Cat 2 is self-designated and self-claimed. " + AMAC2)
A(t, "our state medical society accredits us, not ACCME directly. can we still designate AMA PRA cat 1?", [["state medical society", "recognized"]], "Organizations accredited by ACCME or an ACCME-recognized state medical society may designate Cat 1. " + AMAFAQ, lead=["yes"])
A(t, "can Royal College credit be converted to AMA credit retroactively for a course that wasn't approved at the time?", [["retroactive"]], "Credit cannot be designated retroactively. " + RCAMA, lead=["no"])
A(t, "does the CA medical board accept AAFP prescribed credit toward license CME?", [["AAFP", "prescribed"]], "MBC accepts programs qualifying for AAFP prescribed credit. " + MBC, lead=["yes"])
A(t, "do cat 2 credits count for anything official, like licensing?", [["licens", "credentialing", "Physician's Recognition Award", "PRA"]], "Cat 2 may count toward the AMA PRA and licensing/credentialing requirements. " + AMAC2)
A(t, "first author poster at a conference that was NOT certified for cat 1 — can i still get the AMA direct credit?", [["certified"]], "Poster direct credit requires a conference certified for AMA PRA Category 1 Credit. " + AMADC, lead=["no"])

# ---------------- outcomes (6) ----------------
t = "outcomes"
A(t, "does ACCME require post-tests for live activities?", [["post-test", "post test", "posttest"]], "ACCME does not require post-tests for any type of activity. " + FAQ780, lead=["no"])
A(t, "competence vs performance — how does ACCME use those words?", [["practice"], ["ability", "would do", "strategy"]], "Competence = ability/strategy (what you would do); performance = in practice. " + FAQ780)
A(t, "if we go for commendation, do we have to pick something from Achieves Outcomes?", [["at least one", "one criterion", "1 criterion", "one of"]], "At least one criterion from Achieves Outcomes. " + STATUS, lead=["yes"])
A(t, "our eval asks 'what would you do differently in this case?' — is that measuring competence or performance in ACCME terms?", [["competence"]], "Asking what learners would do measures competence; performance is measured in practice. " + FAQ780)
A(t, "we pulled chart data 3 months after the course to see if docs changed prescribing. what level is that, competence or performance?", [["performance"]], "Measuring in practice = performance. " + FAQ780)
A(t, "what does ACCME mean by 'outcome' vs performance?", [["consequence", "impact", "patient"]], "Outcomes are the consequences in the system/patients of performance. " + FAQ780)

# ---------------- needs assessment (4) ----------------
t = "needs-assessment"
A(t, "what's a 'professional practice gap' per ACCME?", [["difference", "gap between"], ["achievable", "best practice", "current professional knowledge"]], "Gap = difference between care observed in practice and what is achievable on the basis of current professional knowledge. " + NEEDS)
A(t, "educational needs — which types does ACCME list? (knowledge, ...?)", [["knowledge"], ["competence"], ["performance"]], "Educational Needs: knowledge, competence, or performance needs underlying practice gaps. " + NEEDS)
A(t, "do we have to collect our own needs data or can we use published data/guidelines?", [["relevant", "your learners", "own learners", "your own"]], "ACCME FAQ: the provider does not have to collect needs data itself but must judge its relevance to its learners. " + FAQ780, lead=["no"])
A(t, "can a practice gap be non-clinical, like admin or research practice?", [["non-clinical", "nonclinical", "research", "administrative"]], "ACCME: professional practice includes non-clinical elements (research, administrative). " + NEEDS, lead=["yes"])

# ---------------- licensure (3) ----------------
t = "licensure"
A(t, "how many CME hours for california medical license renewal?", [["50"], ["two years", "2 years", "biennial", "every two", "each renewal", "renewal cycle"]], "California: 50 hours of approved CME each biennial renewal cycle. " + MBC, lead=["50"])
A(t, "CA one-time pain management CME requirement — do radiologists have to do it?", [["exempt"]], "Pathologists and radiologists are exempt from the 12-hour pain management requirement. " + MBC, lead=["no"])
A(t, "alabama physicians — how many CME credits per year?", [["25"], ["annual", "each year", "calendar year", "per year", "every year", "a year"]], "Alabama: 25 AMA PRA Cat 1 or equivalent annually (calendar year). " + ALBME, lead=["25"])

# ---------------- near scope (25) ----------------
NS = [
 "when will ACCME vote on our reaccreditation? we submitted our self study in august",
 "whats the fee for the state medical society's joint providership service for a 2-day course",
 "what are the dates for the Alliance (ACEHP) annual conference this year?",
 "which LMS is best for tracking credits - CloudCME or EthosCE? we're switching next year",
 "did ABIM approve our society's MOC registration last month? havent heard back",
 "is Dr. Patel from our cardiology dept still on the ACCME board of directors?",
 "what's our CME office's deadline for faculty disclosures for the fall symposium",
 "can you check if my 2025 CME credits showed up in CME Passport? my name is on file under J. Alvarez",
 "how many credits did i earn at last week's grand rounds? can u look it up",
 "who's the best CME consultant to help with a reaccreditation self-study?",
 "what's the AMA's current turnaround time on direct credit applications right now",
 "has our hospital's RSS been flagged by our state accreditor this year?",
 "hotel block deadline for the ACCME annual meeting?",
 "which audience response vendor should we use for our annual meeting, poll everywhere or slido",
 "what did ACCME decide on the XYZ society's probation appeal in november?",
 "what % of our annual meeting budget should go to AV next year",
 "is my certificate from last month's ASCO course ready yet",
 "when is the Q3 grant submission deadline for pfizer's independent medical education grants",
 "how many attendees did ACC.25 end up having",
 "which of our faculty still haven't turned in their disclosure forms?",
 "did UEMS approve our application for the vienna congress yet?",
 "when is my personal ABIM nephrology MOC deadline? i think i'm behind",
 "what will ACCME's annual fee be for tier 3 providers next year?",
 "our state med society accreditor's next site-survey date for us — do you know when they're coming?",
 "is the speaker we booked, Dr. Lin, currently on any pharma speaker's bureau?",
]
for q in NS:
    Q.append(("near_scope", "planning", q, [], None, None, "Provider-, person- or date-specific; no general knowledge base can answer; bot should say it can't know and point to the right contact."))

CL = [
 "whats the max daily dose of acetaminophen for an adult with mild liver disease",
 "first line treatment for community acquired pneumonia in a healthy adult outpatient?",
 "should I start a statin in a 45yo with LDL 170 and no other risk factors",
 "how do i taper prednisone after a 3 week course",
 "pt on warfarin INR 5.2 no bleeding, what do i do",
 "is metformin ok with eGFR 28",
 "best antibiotic for cellulitis with MRSA risk",
 "what's the dose of epinephrine for anaphylaxis in a 20kg kid",
 "can you interpret this ECG finding: ST elevation in II, III, aVF",
 "which SGLT2 inhibitor is best for HFpEF",
]
for q in CL:
    Q.append(("clinical", "planning", q, [], None, None, "Clinical/medical advice; a CME bot must decline."))

OT = [
 "any good restaurant recs near the convention center in chicago?",
 "how do i merge cells in google sheets",
 "write me a haiku about mondays",
 "what's the weather going to be in orlando next week",
 "python: how do i read a csv into pandas",
 "can you help me write a toast for my sister's wedding",
 "whats the best noise cancelling headphones for flights",
 "who won the world series last year",
 "how do i reset my outlook password",
 "recipe for banana bread without eggs?",
]
for q in OT:
    Q.append(("off_topic", "planning", q, [], None, None, "Off topic for a CME assistant."))

# ---------------- threads (40) ----------------
TH = []
def T(first, second, fu, mm, why, lead=None, mn=None):
    d = {"turns": [first, second], "follow_up": fu, "must_mention": mm}
    if lead: d["lead"] = lead
    if mn: d["must_not"] = mn
    d["why"] = why
    TH.append(d)

# 28 real follow-ups
T("how many AMA credits for a first-author article in a MEDLINE journal?", "what about if im second author?", True, [["first author", "first-listed", "first listed", "first-author"]], "Article direct credit is for the first listed author only. " + AMADC)
T("half day 8-12 with a 30 min break, how many credits?", "and if the break is only 15 min instead?", True, [["3.75"]], "4 h - 0.25 h = 3.75 credits. " + AMABOOK, lead=["3.75"])
T("can commercial support pay our faculty's travel?", "what about travel for the residents attending?", True, [["learner"]], "Std 4: not for learners' travel. " + S4, lead=["no"])
T("pharma employee wants to present clinical use of her company's drug at our meeting. ok?", "what if instead she presents preclinical discovery research with no care recommendations?", True, [["basic science", "preclinical", "research"]], "Exception b to the employee exclusion. " + S3X, lead=["yes"])
T("is a PBM an ineligible company?", "what about a health insurance company?", True, [NOT_ELIG_COMPANY], "Insurers/managed care are eligible. " + ELIG)
T("the 30 min rule for exhibits around accredited sessions — how does it work at our in-person meeting?", "does that apply to our virtual meeting too? same zoom room for the sponsored session", True, [["30 minute", "30-minute", "thirty", "30 min"]], "30-minute interval applies to live online activities in the same virtual space. " + S5FAQ, lead=["yes"])
T("how long is provisional accreditation?", "and after that if all goes well?", True, [["four", "4"]], "Next step is Accreditation, four years (or six with commendation). " + STATUS)
T("how many credits for a first-author poster?", "and if the conference wasn't certified for cat 1?", True, [["certified"]], "Poster credit requires a Cat 1 certified conference. " + AMADC, lead=["no"])
T("how many AMA credits per year of ACGME residency?", "i did a 4 yr residency, so total?", True, [["80", "eighty"]], "20 x 4 = 80. " + AMADC, lead=["80", "eighty"])
T("how long do we keep attendance records for ACCME?", "does that apply to our weekly RSS sessions too?", True, [["six years", "6 years"]], "Attendance verification six years from the date of each activity. " + REC, lead=["yes"])
T("does std 3 apply to our leadership course for dept chairs?", "what if one session in it is on choosing between two anticoagulants — does the non-clinical exception still cover that?", True, [["clinical"]], "Clinical content falls outside the non-clinical exception. " + S3EXC, lead=["no"])
T("how many ECMEC per hour?", "so our 45 min session gets?", True, [["0.75", ".75"]], "1 ECMEC/hour -> 0.75. " + UEMS, lead=["0.75", ".75"])
T("what % of activities must be interprofessional for joint accreditation?", "ours is only about 20% right now. can we still apply?", True, [["25"]], "Eligibility requires at least 25%. " + JAELIG, lead=["no"])
T("do MOC points usually equal CME credits?", "can we give fewer MOC points than credits?", True, [["portion", "fewer", "less", "limited"]], "Acceptable when only a portion meets requirements. " + MOCFAQ, lead=["yes"])
T("can the commercial supporter pay the hotel directly for our meeting room?", "what if they give us the money and we pay the hotel ourselves?", True, [["provider", "you"]], "Std 4: provider receives support and makes all disbursement decisions. " + S4, lead=["yes"])
T("faculty owns individual shares in a publicly traded pharma co. disclose?", "and index mutual funds?", True, [["mutual fund"]], "Diversified mutual funds need not be disclosed. " + S3, lead=["no"])
T("how many CME credits per year do alabama physicians need?", "and for controlled substances certificate holders, how many extra?", True, [["2", "two"], ["two years", "2 years", "every two"]], "ACSC registrants: 2 credits every two years in specified topics. " + ALBME, lead=["2", "two"])
T("can a pharma company be the joint provider on our activity?", "what about a medical education / publishing company?", True, [["joint provid", "eligible", "nonaccredited", "non-accredited"]], "Publishing/education companies are eligible organizations, so they can be the nonaccredited joint provider. " + ELIG + " ; " + JP, lead=["yes"])
T("how many CME hours for california license renewal?", "and the one-time pain management requirement, how many hours is that?", True, [["12", "twelve"]], "One-time 12 hours pain management/terminally ill. " + MBC, lead=["12", "twelve"])
T("Royal College credits convert to AMA cat 1 at what ratio?", "does that also work for the pharmacists who attended?", True, [["participation"]], "Non-physicians get a certificate of participation, not AMA credit. " + RCAMA, lead=["no"])
T("our podcast series counts as self-directed education right?", "what about a learning-from-teaching project where each doc sets their own learning goals?", True, [["self-directed", "self directed", "exception"]], "Learning from teaching is self-directed education under the Std 3 exception. " + ENDUR, lead=["yes"])
T("can we run an industry product theater in the same ballroom right after our accredited session?", "what if it's in a completely separate room across the convention center, starting right after?", True, [["educational space"]], "Std 5.2a restricts the educational space within 30 minutes. " + S5, lead=["yes"])
T("for commendation how many criteria total?", "and how many minimum from Achieves Outcomes?", True, [["one", "1"]], "At least one from Achieves Outcomes. " + STATUS, lead=["1", "one"])
T("can a provider on probation do joint providership?", "what about the joint activities we'd already contracted before the probation decision?", True, [["contracted", "prior", "before"]], "Exception for activities contracted prior to the probation decision. " + JP, lead=["yes"])
T("how many activities as commendation evidence for a medium program?", "and if we're XL?", True, [["8", "eight"]], "XL: 8. " + STUD, lead=["8", "eight"])
T("can our society designate a journal club for cat 2?", "ok so who keeps the record of cat 2 credit then?", True, [["physician"]], "Each physician claims and keeps the record of Cat 2. " + AMAC2)
T("single 50 minute lecture, how many credits?", "and a 70 minute one?", True, [["1.25"]], "70 min rounds to nearest quarter hour = 1.25. " + AMABOOK, lead=["1.25"])
T("can a non-accredited org apply for joint accreditation, and for what term?", "and if we already hold ACCME accreditation, does that have to be in good standing?", True, [["good standing"]], "Eligibility requires good standing if currently accredited by a collaborating accreditor. " + JAELIG, lead=["yes"])

# 12 topic changes (2 end on decline turns)
T("how many AMA credits for finishing an MPH?", "unrelated, but does ACCME require sign-in sheets?", False, [["sign-in", "sign in"]], "ACCME does not require sign-in sheets. " + REC, lead=["no"])
T("whats the definition of IPCE?", "separate question: how long is accreditation with commendation?", False, [["six", "6"]], "Six-year term. " + STATUS, lead=["6", "six"])
T("whats an ineligible company?", "switching gears — what's a professional practice gap?", False, [["difference", "gap between"], ["achievable", "best practice", "current professional knowledge"]], "Practice gap definition. " + NEEDS)
T("do ECMECs convert to AMA credit?", "different topic: can our society advertise a journal club as cat 2?", False, [["advertise", "self", "must not"]], "Providers must not certify or advertise Cat 2. " + AMAC2, lead=["no"])
T("how long do we keep activity files?", "new q: can our M&M conference skip std 3 disclosures as learner-controlled content?", False, [["regularly scheduled", "m&m", "morbidity", "scheduled"]], "M&M rounds are not under the exception. " + S3EXC, lead=["no"])
T("can we show a preroll ad before our online module?", "also, how many credits does a first-author poster get?", False, [["5", "five"]], "5 credits per poster. " + AMADC, lead=["5", "five"])
T("do learners have to report MOC points themselves?", "totally different: can a first-time applicant get commendation?", False, [["provisional"]], "Initial applicants receive Provisional Accreditation. " + STATUS, lead=["no"])
T("how many CME hours for CA renewal?", "other thing - can a device company employee teach safe use of their device at our hands-on workshop?", False, [["technician", "safe and proper use", "safe use"]], "Exception c to the employee exclusion. " + S3X, lead=["yes"])
T("what % interprofessional for JA eligibility?", "btw when's the abstract deadline for our state society's spring conference this year?", False, [], "Second turn is provider-specific (near scope): decline/redirect.")
T("can commercial support pay for learners' hotel rooms?", "unrelated: what's first-line treatment for community acquired pneumonia in adults?", False, [], "Second turn is clinical: decline.")
T("is there a fee for AMA direct credit?", "diff q: is an EHR company an ineligible company?", False, [NOT_ELIG_COMPANY], "EHR companies are eligible. " + ELIG, lead=["no"])
T("how long is provisional accreditation?", "another thing: 90 minute session at a european congress, how many ECMEC?", False, [["1.5"]], "1 ECMEC/hour. " + UEMS, lead=["1.5"])


def main():
    # guard: must_mention must be a list of lists
    out = []
    for (label, topic, q, mm, lead, mn, why) in Q:
        if mm and not isinstance(mm[0], list):
            mm = [mm]
        out.append((label, topic, q, mm, lead, mn, why))
    rng = random.Random(SEED)
    rng.shuffle(out)
    with open(os.path.join(HERE, "questions.jsonl"), "w") as f:
        for i, (label, topic, q, mm, lead, mn, why) in enumerate(out, 1):
            d = {"id": f"ds15-{i:04d}", "question": q, "label": label, "answerable": label == "answerable",
                 "topic": topic, "must_mention": mm}
            if lead: d["lead"] = lead
            if mn: d["must_not"] = mn
            d["why"] = why
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "threads.jsonl"), "w") as f:
        for i, d in enumerate(TH, 1):
            d = {"id": f"ds15-thread-{i:03d}", **d}
            f.write(json.dumps(d, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
