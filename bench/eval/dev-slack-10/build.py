#!/usr/bin/env python3
"""Build dev-slack-10: CME questions as members type them in Slack.
Regenerate: python3 build.py  (writes questions.jsonl and threads.jsonl beside this file)."""
import json, os, random

PFX = "ds10"
HERE = os.path.dirname(os.path.abspath(__file__))

# authority URLs checked (stored copies via the search tool)
S2 = "https://accme.org/rule/prevent-commercial-bias-and-marketing-in-accredited-continuing-education"
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S4 = "https://accme.org/standards (Standard 4: Manage Commercial Support Appropriately)"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
S5N = "https://accme.org/news/understanding-the-30-minute-rule"
ELIG = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQs on ineligible companies)"
JP = "https://www.accme.org/accreditation-rules/policies/joint-providership"
JP2 = "https://accme.org/joint-providership"
STAT = "https://accme.org/about-accreditation/accreditation-status"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
NEEDS = "http://accme.org/rule/educational-needs/"
FAQ780 = "http://accme.org/faq/780"
C2 = "http://accme.org/requirements/accreditation-requirements-cme-providers/criteria/criterion-2"
FAQMOC = "http://accme.org/faq/7922"
FAQMOC2 = "https://accme.org/faq/7921"
ABIM = "http://www.accme.org/cme-counts-abim-moc"
MOCTIPS = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
RCACCME = "https://accme.org/cme-counts-for-royal-college-moc"
RCGL = "https://www.royalcollege.ca/ca/en/cpd/accreditation-continuing-professional-development-cpd-activities/cpd-accreditation-group-learning-activities-conferences-workshops/process-seeking-approval-from-accredited-cpd-provider.html"
RCINT = "https://www.royalcollege.ca/en/cpd/royal-college-accredited-cpd-providers/international-accreditation-agreements.html"
AMARC = "AMA 'Agreement with the Royal College of Physicians & Surgeons of Canada' page (edhub.ama-assn.org)"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html"
AMABK = "AMA PRA booklet rules as quoted at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ (secondary copy, see README)"
AMATEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
EAIND = "https://eaccme.uems.eu/industry"
EACONV = "EACCME/AMA conversion statement (edhub.ama-assn.org/pages/applications, quoted by EACCME-accredited events)"
JAFAQ = "https://jointaccreditation.org/faq"
JACR = "https://jointaccreditation.org/credit-requirements-ipce-credit-mark/"
JAPLAN = "https://jointaccreditation.org/ce-planning-implementation"
JAGL = "https://jointaccreditation.org/glance"
JAREACC = "https://jointaccreditation.org/?p=9257"
CAMBC = "http://www.mbc.ca.gov/Licensees/Continuing_Education/"
CMA3 = "https://cmadocs.org/newsroom/news/view/ArticleId/50350/Compliance-Corner-Exceptions-to-Standard-3 (CMA, an ACCME-recognized accreditor)"

YES = ["yes"]
NO = ["no"]

Q = []
def q(question, topic, mm, why, lead=None, must_not=None, label="answerable"):
    d = {"question": question, "label": label, "answerable": label == "answerable", "topic": topic,
         "must_mention": mm}
    if lead: d["lead"] = lead
    if must_not: d["must_not"] = must_not
    d["why"] = why
    Q.append(d)

# ---------------- ACCME (75) ----------------
A = "accme"
q("how far back do faculty disclosures need to go under the new standards? still 12 months?", A,
  [["24 months", "24-month", "two years", "2 years"]], "S3.1 collect relationships within prior 24 months; " + S3,
  lead=NO, must_not=["12 months is still"])
q("our KOL says his consulting fees from Pfizer were under $500 so he doesnt need to list them. is there a minimum $ threshold for disclosure??", A,
  [["no minimum", "any amount", "regardless of the amount", "no threshold", "no dollar"]], "S3.1 no minimum financial threshold; " + S3, lead=NO)
q("Speaker owns individual shares of a device co (publicly traded) that makes the stent she's presenting on. Do we have to collect that? She says it's just her retirement stuff", A,
  [["stock", "shares"], ["disclos", "collect"]], "S3.1 individual stocks and stock options should be disclosed; diversified mutual funds need not; " + S3, lead=YES)
q("can planners leave diversified mutual funds off their disclosure?", A,
  [["mutual fund"]], "S3.1 diversified mutual funds do not need to be disclosed; " + S3, lead=YES)
q("what exactly has to be in the disclosure we show learners? pasting our template below but want the actual required elements first", A,
  [["name"], ["nature"], ["mitigated"]], "S3.5 disclose names of individuals, ineligible companies, nature of relationship, statement that all relevant relationships were mitigated; " + S3)
q("Can we put the company logos next to the faculty disclosure slide? Client (pharma) wants their brand visible there", A,
  [["logo"]], "S3 disclosure identifies ineligible companies by name only, no logos; " + S3, lead=NO)
q("if none of the faculty have relevant relationships do we still need to say anything to learners or can we skip the disclosure slide", A,
  [["disclos", "inform"], ["no relevant", "absence", "none"]], "S3 providers must also disclose when no one has relevant financial relationships; " + S3, lead=NO)
q("when do we have to mitigate? after the slides are done or before?", A,
  [["before", "prior to"]], "S3.4 mitigate relationships prior to individuals assuming their roles; " + S3)
q("who decides if a relationship is 'relevant' - the speaker or us (the accredited provider)?", A,
  [["provider"]], "S3: accredited provider is responsible for identifying relevant relationships; relevance = content related to company's business lines/products; " + S3)
q("What makes a financial relationship 'relevant' under Std 3? one sentence pls", A,
  [["business line", "products"]], "S3: relevant if content is related to business lines or products of the ineligible company; " + S3)
q("We run a monthly tumor board for CME credit. Someone told me tumor boards are exempt from Standard 3 bc the learners control the content. true?", A,
  [["tumor board", "regularly scheduled", "RSS"]], "S3 exception 2 does not apply to RSS, M&M, tumor boards; " + CMA3, lead=NO)
q("leadership skills workshop for dept chairs, no clinical content at all. does that fall under a std 3 exception so we can skip collecting disclosures?", A,
  [["non-clinical", "nonclinical", "exception"]], "S3 exception: non-clinical education such as leadership/communication; " + CMA3, lead=YES)
q("quick one - are M&M conferences exempt from std 3?", A,
  [["M&M", "morbidity", "regularly scheduled", "not exempt", "do not fall"]], "S3 exception 2 excludes M&M rounds; " + CMA3, lead=NO)
q("Our speaker is a full-time employee of a med device company. She wants to do the hands-on lab showing how to load and calibrate the device, not when to use it. Allowed?", A,
  [["technician", "safe and proper use"]], "S3 owner/employee exception c: technicians teaching safe and proper use of devices, not whether/when to use; " + S3, lead=YES)
q("Can an employee of a biotech (drug company) present at our CME if the talk is purely preclinical basic science, no care recommendations?", A,
  [["basic science", "preclinical", "research"]], "S3 owner/employee exception b: basic science research, no care recommendations; " + S3, lead=YES)
q("pharma employee wants to co-chair our planning committee for a diabetes symposium (her company sells insulin). she promises to recuse from anything about her products. is that ok", A,
  [["employee", "owner"], ["cannot", "may not", "must not", "not allowed", "excluded"]], "S2.1 decisions made without influence or involvement of owners/employees of ineligible companies; exceptions don't fit; " + S2, lead=NO)
q("can we share our attendee list with the commercial supporter if it's in the registration T&Cs?", A,
  [["explicit consent", "consent"], ["opt out", "opt-out"]], "S2.3 share learner names/contact only with explicit consent; must be clearly visible, not buried in T&Cs; learner can opt out and still register; " + S2, lead=NO)
q("for learner consent to share contact info w/ sponsor - if they opt out do we still have to let them register?", A,
  [["still register", "opt out and still", "still be able to register"]], "S2 learner must be able to opt out and still register; " + S2, lead=YES)
q("Faculty member wants to mention her own consulting firm's services and hand out cards during her accredited talk. Is that allowed?", A,
  [["promot", "sell", "marketing"]], "S2.2 faculty must not actively promote or sell products/services serving their professional or financial interests; " + S2, lead=NO)
q("does Standard 2 apply to all accredited CE or only commercially supported stuff", A,
  [["all"]], "S2 applies to all accredited continuing education; " + S2)
q("which standards apply only when there is commercial support?", A,
  [["standard 4", "std 4"]], "Standard 4 applies only to education receiving commercial support; " + S4)
q("we're an agency, the grantor wants to pay the AV vendor directly for the symposium instead of sending the $$ to the accredited provider. that ok?", A,
  [["directly"], ["provider"]], "S4: ineligible companies must not pay directly for expenses of the education; provider makes all decisions on receipt/disbursement; " + S4, lead=NO)
q("Can commercial support dollars be used to cover faculty honoraria and travel?", A,
  [["faculty", "planners"], ["honorar"]], "S4: may fund honoraria/travel of planners, faculty, others in control of content, for those roles only; " + S4, lead=YES)
q("client wants to use part of the educational grant to fly in 20 community docs (travel + hotel) as learners. allowed under Std 4?", A,
  [["learners"], ["travel", "lodging"]], "S4: must not use commercial support to pay travel, lodging, honoraria or personal expenses of individual learners or groups of learners; " + S4, lead=NO)
q("can grant money reduce the registration fee for everyone attending", A,
  [["all learners", "everyone", "all attendees"]], "S4: may use support to defray or eliminate cost of education for all learners; " + S4, lead=YES)
q("does a commercial support grant create a financial relationship between the supporter and our faculty?", A,
  [["does not", "doesn't", "no"]], "S4: support does not establish a financial relationship between the ineligible company and planners/faculty; " + S4, lead=NO)
q("what do we tell learners about commercial supporters - can we show their logos on the acknowledgment slide?", A,
  [["name"], ["logo"]], "S4: disclose names of ineligible companies providing support and nature of in-kind support, without logos; " + S4, lead=NO)
q("Our annual meeting has the exhibit hall right outside the ballroom. Industry wants a product theater in the ballroom 15 min after the last accredited session ends. OK?", A,
  [["30 minutes", "30-minute", "thirty minutes"]], "S5.2a: no marketing/exhibits/nonaccredited industry education in the educational space within 30 minutes before or after accredited education; " + S5, lead=NO)
q("how many minutes buffer between accredited CME and an industry satellite symposium in the same room?", A,
  [["30"]], "S5.2a 30 minutes; " + S5, lead=["30", "thirty"])
q("Parallel tracks question: can a non-accredited industry symposium run in Hall B at the SAME TIME as accredited sessions in Hall A?", A,
  [["separate", "different room", "space"]], "ACCME: accredited and nonaccredited can happen simultaneously in separate spaces; " + S5N, lead=YES)
q("we have a non-accredited business meeting / awards session (non-clinical) right after CME in the same room. can we skip the 30 min gap?", A,
  [["non-clinical", "nonclinical", "exception"]], "ACCME: no 30-min break needed if nonaccredited session is non-clinical (meets Exception 1 of Std 3); " + S5N, lead=YES)
q("on-demand module - sponsor wants a 5-second pre-roll ad learners can skip before the video. allowed?", A,
  [["click through", "click-through", "presented with", "without having to"]], "S5.2b learners must engage without having to click through, watch, listen to or be presented with product promotion; " + S5, lead=NO)
q("can the slides for the accredited talk have the sponsor's product logo in the footer", A,
  [["logo", "marketing"]], "S5.2c educational materials must not contain marketing incl. corporate or product logos, trade names; " + S5, lead=NO)
q("can the printed meeting schedule / logistics page include ads from exhibitors?", A,
  [["logistic", "schedule", "non-educational", "not educational"]], "S5: marketing may appear in materials that don't contain educational content (logistics, schedules); " + S5 + " and ACCME FAQ on advertising placement", lead=YES)
q("we have some sessions at the annual meeting that are NOT certified for credit. anything required re: labeling them?", A,
  [["label", "communicat"]], "S5.2a activities part of the event but not accredited must be clearly labeled and communicated as such; " + S5)
q("Can a sponsor's exhibit arrangement be made a condition of their educational grant? they want booth + grant as a package deal", A,
  [["condition"]], "S5.1c arrangements to market/exhibit must not be a condition of financial/in-kind support; " + S5, lead=NO)
q("we're a medical communications agency and most of our clients are pharma. can we become ACCME accredited ourselves?", A,
  [["ineligible"], ["communication", "marketing", "advertising", "agenc"]], "Eligibility: advertising, marketing or communication firms whose clients are ineligible companies are ineligible; " + ELIG, lead=NO)
q("Is a pharmacy benefit manager an ineligible company", A,
  [["ineligible"]], "Eligibility list includes PBMs; ACCME Standards eligibility section; " + ELIG, lead=YES)
q("biomedical startup, no product on market yet but they started FDA approval process. eligible or ineligible company?", A,
  [["ineligible"], ["regulatory approval", "approval process"]], "ACCME FAQ: biomedical startup is ineligible once it has begun a governmental regulatory approval process; " + ELIG)
q("is a hospital system an ineligible company under ACCME rules?", A,
  [["eligible", "not an ineligible", "not ineligible"]], "Eligibility: hospitals/health systems are eligible (not producing/marketing products used on patients); ACCME eligibility", lead=NO)
q("speaker gets patent royalties from a device maker. does that make her an 'owner' of the company so she's excluded?", A,
  [["not considered owner", "not owners", "not an owner", "are not considered", "is not"]], "ACCME FAQ: patent royalty recipients are not considered owners/employees; may control content with mitigation; " + ELIG, lead=NO)
q("can we ask the pharma supporter for speaker suggestions for our CME program", A,
  [["no", "not"]], "ACCME FAQ: provider should not request suggestions for speakers or topics from ineligible companies; " + ELIG, lead=NO)
q("define 'ineligible company' per ACCME in a sentence", A,
  [["primary business"], ["producing", "marketing", "selling", "distributing"]], "Eligibility: primary business producing, marketing, selling, re-selling or distributing healthcare products used by or on patients; " + ELIG)
q("Can a pharma company be the non-accredited joint provider on our CME activity?", A,
  [["ineligible"]], "Ineligible companies cannot engage in joint providership; " + JP2, lead=NO)
q("need the exact joint providership accreditation statement wording pls", A,
  [["planned and implemented in accordance with"], ["joint providership of"], ["to provide continuing medical education for physicians"]], "ACCME joint providership statement; " + JP)
q("what's the standard direct accreditation statement for ACCME-accredited providers? the one-liner", A,
  [["is accredited by the"], ["to provide continuing medical education for physicians"]], "ACCME direct statement '[provider] is accredited by the ACCME to provide continuing medical education for physicians' (embedded in joint statement); " + JP)
q("in joint providership, who is responsible to ACCME for compliance - us (accredited) or the society we partner with?", A,
  [["accredited provider"]], "Accredited provider responsible for demonstrating compliance; " + JP + " ; https://accme.org/news/compliance-check-joint-providership")
q("are we free to set our own joint providership fee? or does ACCME regulate it", A,
  [["no policy", "does not", "no rule", "maintains no policy"]], "ACCME maintains no policy that requires or precludes joint providership fees; " + JP, lead=YES)
q("we just got placed on Probation. can we keep doing our joint providership deals?", A,
  [["probation"], ["contracted prior", "already contracted", "prior to the probation", "existing"]], "Providers on Probation may not jointly provide, except activities contracted before the decision; must inform ACCME and joint providers; " + JP2, lead=NO)
q("how long is a Provisional Accreditation term", A,
  [["two", "2"]], "Provisional Accreditation is a two-year term; " + STAT, lead=["2", "two"])
q("ACCME Accreditation with Commendation = how many years?", A,
  [["six", "6"]], "Commendation is a six-year term; " + STAT, lead=["6", "six"])
q("standard accreditation term length (not commendation)?", A,
  [["four", "4"]], "Accreditation is the standard four-year term; " + STAT, lead=["4", "four"])
q("how many commendation criteria do we need total and is there a required category?", A,
  [["eight", "8"], ["Achieves Outcomes"]], "Any seven plus at least one from Achieves Outcomes, total eight; " + STAT, lead=["8", "eight"])
q("we're applying for the first time, can we go for Commendation right away?", A,
  [["provisional"]], "Initial applicants receive Provisional Accreditation (two-year); " + STAT, lead=NO)
q("If we get Accreditation with a couple noncompliance findings do we still get the 4 yrs?", A,
  [["progress report"]], "Accreditation with noncompliance findings requires progress reports; " + STAT, lead=YES)
q("how long do we need to keep attendance records for CME activities", A,
  [["six years", "6 years"]], "Attendance verifiable six years from activity date; " + REC, lead=["6", "six"])
q("and activity files (planning docs etc) - how long do we keep those?", A,
  [["accreditation term"], ["twelve months", "12 months"]], "Activity files for current accreditation term or twelve months, whichever is longer; " + REC)
q("can we verify attendance through our online registration/LMS instead of paper sign-in sheets?", A,
  [["sign-in", "registration method", "choose", "whatever"]], "ACCME does not require sign-in sheets; provider chooses registration method; " + REC, lead=YES)
q("Is a signed disclosure form mandatory? our faculty hate the pdf", A,
  [["not require", "does not", "doesn't", "no"], ["verbal", "electronic", "spreadsheet", "database", "email", "web"]], "ACCME FAQ: signed form not required; other mechanisms acceptable; https://accme.org/faq/does-accme-require-signed-disclosure-form-means-demonstrate-compliance-standard-for-integrity", lead=NO)
q("can disclosures be collected verbally over the phone?", A,
  [["verbal", "yes"]], "ACCME FAQ: collecting verbally and recording in a spreadsheet is acceptable; same FAQ as above", lead=YES)
q("Do the Standards for Integrity and Independence apply to virtual / online meetings the same as in-person?", A,
  [["apply", "same"]], "ACCME FAQ: requirements apply whether in-person or virtual; http://www.accme.org/faq/10511", lead=YES)
q("posting our accredited webinar recording on a social media platform - anything about the platform itself we need to check?", A,
  [["ineligible"], ["learner information", "track", "permission", "consent"]], "ACCME FAQ: ensure platform is not an ineligible company and won't track learner info without permission, no adjacent marketing; http://www.accme.org/faq/10511")
q("Is this right: the old SCS 12-month lookback is gone and it's now 24 months?", A,
  [["24"]], "S3.1 now 24 months; " + S3, lead=YES)
q("One of our planners is married to a pharma rep. do we have to collect the spouse's relationships?", A,
  [["individual", "own", "planner's", "their"]], "S3.1 collect from planners/faculty/others in control of content about THEIR financial relationships (spouse relationships not part of the definition); " + S3, lead=NO)
q("what counts as 'nature of the relationship' - examples?", A,
  [["consultant", "speaker", "advisor", "employee", "researcher"]], "S3.1b examples employee, researcher, consultant, advisor, speaker, independent contractor, royalties, executive role, ownership; " + S3)
q("speaker won't tell us her relationships, says it's private. what now", A,
  [["cannot", "can't", "may not", "not participate", "exclude", "disqualif", "must disclose"]], "S3: collection from all in control of content is required; provider must be able to show it identified relationships before the person assumes the role; " + S3)
q("Do we need to disclose the dollar amount of each relationship to learners?", A,
  [["not", "no"]], "S3.5 disclosure includes names and nature of relationship, not amounts; " + S3, lead=NO)
q("does Std 1 let us accredit a session promoting a therapy with no scientific evidence if the speaker is well known?", A,
  [["evidence", "scientific", "valid"]], "Standard 1 content must be based on current science, evidence and clinical reasoning; https://accme.org/standards", lead=NO)
q("Is the 30 min rule about time only? what if accredited and non-accredited are in the same room back to back but we relabel", A,
  [["30"], ["label"]], "Same space allowed with 30-minute buffer and clear labeling; " + S5N, lead=NO)
q("accredited provider here — joint provider (society) made their own promo emails for the course w/o showing us. compliance issue?", A,
  [["review", "approve"], ["marketing"]], "ACCME compliance check: obtain, review and approve all marketing materials in joint providership; https://accme.org/news/compliance-check-joint-providership", lead=YES)
q("where does ACCME suggest accredited providers keep activity data for joint provided stuff - PARS?", A,
  [["PARS", "Program and Activity Reporting"]], "ACCME joint providership checklist: enter activities into PARS as developed; https://accme.org/news/joint-providership-checklist")
q("what's PARS stand for", A,
  [["Program and Activity Reporting System"]], "ACCME's Program and Activity Reporting System; " + FAQMOC2)
q("who accredits local/intrastate CME providers - ACCME directly?", A,
  [["state medical societ", "recognized accreditor"]], "ACCME-recognized state medical societies accredit intrastate providers; http://jointaccreditation.org/definitions", lead=NO)
q("Does Standard 5 apply to every activity we run?", A,
  [["only", "when"], ["marketing", "nonaccredited", "non-accredited"]], "Standard 5 applies only when there is marketing by ineligible companies or nonaccredited education associated; " + S5, lead=NO)
q("Is it ok if the hands-on workshop uses devices donated by a manufacturer (in-kind)? what do we disclose", A,
  [["in-kind"], ["disclos", "nature"]], "S4: in-kind support is commercial support; disclose name of supporter and nature of in-kind support; " + S4, lead=YES)

# ---------------- AMA (28) ----------------
M = "ama"
q("exact AMA credit designation statement please, for a live course", M,
  [["designates this"], ["for a maximum of"], ["commensurate with the extent of their participation"]], "AMA designation statement; " + AMABK)
q("can we designate AMA PRA Cat 1 after the meeting already happened? we forgot to put it in the brochure", M,
  [["advance", "retroactive", "retroactively"]], "AMA: activities must be designated in advance; not retroactively; " + AMAFAQ, lead=NO)
q("we are a specialty society, NOT accredited. can we certify our annual meeting for AMA PRA Category 1 Credit ourselves?", M,
  [["accredited"], ["joint"]], "Only ACCME or ACCME-recognized state society accredited orgs may certify; others need joint providership; " + AMAFAQ, lead=NO)
q("Full day agenda: 8:00-12:00 with a 30 min coffee break, lunch 12-1, then 1:00-4:30 with a 15 min break. how many AMA PRA Cat 1 credits max?", M,
  [["6.75"]], "Live: 60 min = 1 credit, breaks/lunch excluded: 3.5 + 3.25 = 6.75; " + AMABK, lead=["6.75"])
q("2 day course, each day 8am-5pm, 1hr lunch + two 15-min breaks each day. credits?", M,
  [["15"]], "Each day 9h - 1h lunch - 0.5h breaks = 7.5; two days = 15; " + AMABK, lead=["15", "fifteen"])
q("our annual meeting has 3 parallel tracks running 1:00-3:00 pm. do we add 6 credits for that block since there are 3 rooms?", M,
  [["once", "2 credits", "two credits", "2.0"]], "Simultaneous sessions counted once toward designated maximum; block = 2 credits; " + AMABK, lead=NO, must_not=["6 credits for the block"])
q("symposium runs 50 minutes of content. can we designate 0.75 or does it need to be full hours", M,
  [["quarter", "0.25", "15 minute", "15-minute"]], "Credit in 15-min/0.25 increments rounded to nearest quarter hour; 50 min -> 0.75; " + AMABK, lead=["0.75", "yes"])
q("session is 40 minutes. credit amount per AMA rounding?", M,
  [["0.75"]], "Nearest quarter hour: 40 min rounds to 45 min = 0.75; " + AMABK, lead=["0.75"])
q("half-day: 7:30-8:00 breakfast w/ exhibitors, 8:00-11:45 lectures, no breaks. credits?", M,
  [["3.75"]], "Only educational time counts: 3h45 = 3.75; " + AMABK, lead=["3.75"])
q("agenda has a 1-hr lunch with an accredited keynote during lunch (formal presentation, Q&A). can that hour count?", M,
  [["yes", "count", "educational"]], "Credit counts formal interaction between faculty and audience; non-educational time excluded; an accredited lunch presentation is educational time; " + AMABK, lead=YES)
q("a business meeting (non-CME) is inside our designated meeting block. do we need to do anything special?", M,
  [["exclude", "excluded", "identified"]], "Sections not fitting AMA CME definition must be identified and excluded from the designated maximum; " + AMABK)
q("Is there a max number of AMA credits a single live activity can be designated for?", M,
  [["no set maximum", "no maximum", "no cap", "based on", "length"]], "Credit based on time, no fixed cap; " + AMABK, lead=NO)
q("does AMA let accredited providers designate Category 2 credit?", M,
  [["self-claim", "self-designated", "physician"]], "Providers do not designate Category 2; physicians self-claim; " + AMABK, lead=NO)
q("Our European colleague got EACCME credits at a congress in Vienna. can he convert them to AMA PRA Cat 1?", M,
  [["convert"], ["AMA"]], "UEMS-AMA agreement: EACCME credits convertible to AMA PRA Category 1 via the AMA; " + EACONV, lead=YES)
q("what's the conversion ratio ECMEC -> AMA credit", M,
  [["1:1", "one hour", "1 hour", "one credit", "equivalent number", "one-to-one", "1 to 1"]], "1 hour of participation = 1 credit; " + EACONV)
q("does it cost anything to convert EACCME credit to AMA? a resident asked", M,
  [["fee"]], "Physicians pay a processing fee to the AMA; " + EACONV, lead=YES)
q("Canadian physician attended a Royal College Section 1 accredited conference. can she convert to AMA PRA Cat 1?", M,
  [["convert"], ["Royal College"]], "AMA-Royal College agreement: select Section 1/Section 3 activities convertible; " + AMARC, lead=YES)
q("NP attended a Royal College Section 1 conference, wants AMA credit conversion. possible?", M,
  [["MD", "DO", "physician", "Doctor of Medicine"], ["certificate of participation", "participation"]], "Converted only for MD/DO or equivalent; other HCPs receive certificate of participation; " + AMARC, lead=NO)
q("Royal College -> AMA conversion ratio?", M,
  [["1 hour", "one hour", "1 credit", "one credit", "1:1"]], "1 hour of participation = 1 credit; " + AMARC)
q("which Royal College sections/categories are eligible for AMA conversion? we have a Section 2 reading program", M,
  [["Section 1"], ["Section 3"]], "Eligible: Section 1 group learning (live, web sync/async) and Section 3 SAP and simulation; " + AMARC, lead=NO)
q("can faculty physicians get AMA PRA Category 1 Credit for teaching med students/residents?", M,
  [["yes", "can"]], "AMA Council on Medical Education approved (2013) faculty credit for learning associated with teaching students/residents as a live activity; " + AMATEACH, lead=YES)
q("how many AMA credits per hour for the teaching-med-students activity type?", M,
  [["2", "two"]], "2 AMA PRA Category 1 Credits per 1 hour of interaction (designation statement); " + AMATEACH + " (statement wording via secondary copies)", lead=["2", "two"])
q("what needs to be true for an activity to be designated for AMA PRA Cat 1 - basic list pls (our new coordinator asked)", M,
  [["definition of CME", "AMA definition"], ["need", "needs"], ["advance"]], "AMA core requirements: conform to AMA CME definition, address demonstrated needs, objectives, evaluation, record credits claimed, designate in advance; " + AMAFAQ)
q("if a doc only attended the morning, should she claim just part of the designated max?", M,
  [["commensurate", "extent of their participation", "only the credit"]], "Physicians claim only credit commensurate with participation; " + AMAFAQ, lead=YES)
q("Is the AMA PRA credit designation valid for activities accredited by a state medical society (intrastate provider)?", M,
  [["yes", "state medical society"]], "ACCME or ACCME-recognized state medical society accredited providers may certify; " + AMAFAQ, lead=YES)
q("our 3-day meeting: day 1 6.5 hrs content, day 2 7 hrs, day 3 half day 3.25 hrs (breaks already removed). designation max?", M,
  [["16.75"]], "Sum of educational time: 6.5+7+3.25 = 16.75; " + AMABK, lead=["16.75"])
q("poster hall: 2 hrs of unstructured poster viewing, no presenters scheduled. does it count toward designated credit?", M,
  [["formal interaction", "not", "exclude"]], "Live credit counts formal interaction between faculty and physician audience; unstructured time excluded (judgement); " + AMABK, lead=NO)
q("can a US jointly accredited provider designate AMA PRA Category 1 Credit?", M,
  [["yes"]], "Joint Accreditation includes ACCME accreditation; jointly accredited providers designate medicine credit for physicians; " + JACR + " ; " + AMAFAQ, lead=YES)

# ---------------- MOC (15) ----------------
O = "moc"
q("how do we register a CME activity for ABIM MOC points now - still apply to ABIM?", O,
  [["PARS"]], "Since 9/30/2015 accredited providers register in PARS, no separate ABIM application; " + ABIM, lead=NO)
q("does an activity need an evaluation component to count for ABIM MOC?", O,
  [["evaluation"]], "Must include comprehensive evaluation component measuring learner change; " + FAQMOC, lead=YES)
q("Our 3-day annual meeting has 20 sessions but only 5 qualify for ABIM MOC. do we register each session separately in PARS?", O,
  [["single activity", "one activity", "single CME activity"], ["5"]], "Report multi-session annual meeting as a single activity; enter 5 MOC points; " + FAQMOC, lead=NO)
q("are MOC points always the same as the CME credits?", O,
  [["usually", "most", "typically", "not always"]], "For most activities MOC points equal credits; may be fewer if only some sessions qualify; " + FAQMOC, lead=NO)
q("how soon after completion do we have to report learner MOC data?", O,
  [["30 days"]], "Expectation: learners entered no more than 30 days after completion; " + FAQMOC2, lead=["30", "thirty"])
q("what learner data fields do we collect for MOC reporting?", O,
  [["board", "ID"], ["birth", "DOB"], ["completion date", "date"]], "Board ID, first/last name, mm/dd of birth, completion date, credit type/amount; " + FAQMOC2)
q("do we need learner permission to send their completion to ABIM via PARS?", O,
  [["permission", "consent"]], "Provider must obtain learner permission to share credit info with board; " + FAQMOC2, lead=YES)
q("for ABP MOC can learners earn different numbers of points for the same activity?", O,
  [["same"]], "ABP: all learners in the same activity must earn the same number of MOC credits; " + FAQMOC2, lead=NO)
q("and for ABIM - variable credit per learner allowed?", O,
  [["yes", "may", "can"]], "ABIM (also ABA, ABO, ABOHNS, ABPath) may offer different numbers of credits based on engagement; " + FAQMOC2, lead=YES)
q("is the CME/MOC badge optional on our brochure for ABIM activities?", O,
  [["optional"]], "Badge optional; MOC statement mandatory; " + ABIM, lead=YES)
q("is the ABIM MOC statement required on materials?", O,
  [["mandatory", "required"]], "Use of the MOC statement is mandatory; " + ABIM, lead=YES)
q("can state-accredited providers (not directly ACCME accredited) register activities for ABIM MOC in PARS?", O,
  [["state"]], "ABIM registration open to all providers in ACCME System incl. state-accredited and jointly accredited; " + ABIM, lead=YES)
q("some providers registered for Practice Assessment when it should've been Medical Knowledge - what's the ACCME tip there", O,
  [["Medical Knowledge"], ["Practice Assessment"]], "ACCME audit tip: check MK vs PA box in PARS per ABIM program guide; " + MOCTIPS)
q("where can diplomates search for CME that counts for MOC?", O,
  [["CME Passport", "CME Finder"]], "ACCME CME Finder / CME Passport built from PARS data; " + FAQMOC2)
q("Royal College fellow attended our ACCME activity registered for MOC - can that count in their Section 3?", O,
  [["Section 3"]], "ACCME-Royal College agreement: activities registered for MOC recognized as Section 3; " + RCACCME, lead=YES)

# ---------------- EACCME (8) ----------------
E = "eaccme"
q("european congress here (PCO) - sponsor wants the symposium title to be 'XYZ Pharma Session on Heart Failure'. will EACCME accept that?", E,
  [["reject", "not allowed", "automatic"]], "Sponsor name in title of programme/session/lecture leads to automatic rejection; " + EAIND, lead=NO)
q("EACCME: can we put sponsor logos in the scientific programme?", E,
  [["logo"], ["not", "no"]], "No brand names/logos in scientific lectures or scientific programme; " + EAIND, lead=NO)
q("where can industry satellite symposium details appear in our EACCME-accredited programme book?", E,
  [["separate section", "after the scientific programme", "final separate section"]], "Satellite symposia details only in separate section after scientific programme; " + EAIND)
q("how do we acknowledge sponsors under EACCME rules? one page at the end ok?", E,
  [["single page", "one page", "single-page"]], "EACCME accepts a single page acknowledgement at end of scientific programme; " + EAIND, lead=YES)
q("our congress website has sponsor banners on the homepage - issue for EACCME accreditation?", E,
  [["industry", "dedicated", "tab", "section"]], "Online sponsor acknowledgments must be under a tab/section dedicated to industry; banners on homepage not allowed; " + EAIND, lead=YES)
q("hands-on course w/ donated surgical instruments, EACCME accredited. can the brand names stay on the instruments?", E,
  [["not require", "does not", "doesn't", "stay", "erase"]], "EACCME does not require brand names be erased from hands-on physical material; statement about similar products needed; " + EAIND, lead=YES)
q("for EACCME live events, where should commercial exhibits be?", E,
  [["exhibition area", "exhibit area"]], "Commercial exhibits limited to exhibition area; " + EAIND)
q("can an American physician get AMA credit from an EACCME accredited meeting in Europe?", E,
  [["convert", "conversion"]], "ECMECs convertible to AMA PRA Category 1 via AMA agreement; " + EACONV, lead=YES)

# ---------------- Joint Accreditation (8) ----------------
J = "joint-accreditation"
q("JA question: what % of our activities have to be interprofessional?", J,
  [["25"]], "At least 25% of activities are interprofessional; " + JAFAQ, lead=["25"])
q("over what time window is the 25% IPCE calculated", J,
  [["18 months"]], "Activities developed during past 18 months; " + JAFAQ, lead=["18"])
q("we have no accreditation at all (not ACCME, ANCC or ACPE). can we apply straight to Joint Accreditation?", J,
  [["yes", "eligible"], ["two", "2"]], "Non-accredited org may apply; max initial term two years; " + JAFAQ, lead=YES)
q("nurse planner on a JA team here - if an activity is nursing-only, do we still follow JA criteria or ANCC's?", J,
  [["Joint Accreditation criteria", "JA criteria"]], "Jointly accredited providers use JA criteria even for single-profession activities; " + JAFAQ)
q("exact IPCE credit statement wording?", J,
  [["planned by and for the healthcare team"], ["Interprofessional Continuing Education (IPCE) credit"]], "IPCE credit statement; " + JACR)
q("is offering IPCE credit mandatory for jointly accredited providers?", J,
  [["optional"]], "Use of IPCE credit is optional; " + JACR, lead=NO)
q("pharmacist planner: can we put the IPCE credit mark on a pharmacy-only activity?", J,
  [["planned by and for the healthcare team", "single profession", "appropriate credit"]], "IPCE credit only for activities planned by and for the team; single-profession activities get that profession's credit; " + JACR, lead=NO)
q("definition of IPCE per Joint Accreditation?", J,
  [["two or more professions"], ["with, from, and about", "with, from and about"]], "IPCE: members of two or more professions learn with, from, and about each other; " + JAGL)

# ---------------- credit systems (8) ----------------
C = "credit-systems"
q("canadian physician org planning a conference in Toronto - who has to review it for Royal College MOC Section 1?", C,
  [["Royal College", "accredited CPD provider"]], "Group learning in Canada must be reviewed by a Royal College-accredited CPD provider; " + RCGL)
q("exact Royal College Section 1 accreditation statement?", C,
  [["Accredited Group Learning Activity (Section 1)"], ["Maintenance of Certification Program of the Royal College"]], "Section 1 statement; " + RCGL)
q("Can our brochure say 'Royal College Section 1 accreditation pending'?", C,
  [["pending"], ["cannot", "can't", "not", "no"]], "Applicants cannot include a statement that accreditation is pending; " + RCGL, lead=NO)
q("how long does the non-accredited physician organization keep attendance records for a Royal College Section 1 activity?", C,
  [["five", "5"]], "Five-year period; " + RCGL, lead=["5", "five"])
q("Royal College fellow attends our ACCME-accredited conference in Chicago - can it count as Section 1?", C,
  [["Section 1"]], "ACCME-RC agreement: accredited group learning by ACCME-system providers held outside Canada counts as Section 1 hours; " + RCACCME, lead=YES)
q("is the Royal College a member board of ABMS? someone on our team thinks RC MOC = ABIM MOC", C,
  [["not"]], "Royal College is not an ABMS member board; programs distinct; " + RCACCME, lead=NO)
q("until when is the ACCME / Royal College agreement in effect?", C,
  [["2030"]], "Renewed through December 31, 2030; " + RCACCME, lead=["2030", "december"])
q("Can Royal College Section 1 approval be granted retroactively?", C,
  [["retroactive", "cannot", "not"]], "Accreditation approval cannot be provided retroactively; " + RCGL, lead=NO)

# ---------------- outcomes (6) ----------------
U = "outcomes"
q("does ACCME require a post-test for every activity?", U,
  [["not require", "does not", "doesn't", "no"]], "ACCME does not require post-tests for any type of activity; " + FAQ780, lead=NO)
q("whats the difference between competence and performance in ACCME-speak", U,
  [["competence"], ["performance"], ["practice"]], "Competence = what you would do if you could (strategy); performance = in practice; " + FAQ780)
q("for commendation do we have to hit at least one Achieves Outcomes criterion?", U,
  [["yes", "at least one"]], "At least one criterion from Achieves Outcomes; " + STAT, lead=YES)
q("JA interprofessional activity evaluations - what should they try to measure?", U,
  [["team"], ["performance", "skills", "patient outcomes"]], "Evaluations seek changes in skills/strategy/performance in team role, impact on team, patient outcomes; " + JAPLAN)
q("for the ABIM MOC eval component is a satisfaction survey enough?", U,
  [["evaluat"], ["goals", "understanding", "learner"]], "Comprehensive evaluation must address activity goals and learner understanding, not only satisfaction; " + FAQMOC, lead=NO)
q("in ACCME terms what are 'outcomes' vs performance?", U,
  [["consequence", "patient outcome", "system"]], "Outcome = consequences in the system/patients of performance; " + FAQ780)

# ---------------- needs assessment (4) ----------------
N = "needs-assessment"
q("define professional practice gap per ACCME", N,
  [["difference", "gap between"], ["achievable", "current professional knowledge", "desirable", "best"]], "Gap between observed practice/outcomes and those achievable on basis of current knowledge; " + NEEDS)
q("can we rely on published needs data instead of collecting our own surveys?", N,
  [["relevan"]], "Provider does not have to collect needs data itself but must determine relevance to its learners; " + FAQ780, lead=YES)
q("educational needs under ACCME = what types? knowledge only?", N,
  [["knowledge"], ["competence"], ["performance"]], "Needs are knowledge, competence or performance underlying practice gaps; " + NEEDS, lead=NO)
q("our education is for CME admins / research staff, not clinical care. can the practice gap be non-clinical?", N,
  [["yes", "not limited", "research", "administrative"]], "Professional practice not limited to clinical care; includes research and administrative practice; " + C2, lead=YES)

# ---------------- licensure (3) ----------------
L = "licensure"
q("how many CME hours do California physicians need per renewal cycle?", L,
  [["50"]], "California: at least 50 hours approved CME per biennial renewal; " + CAMBC, lead=["50", "fifty"])
q("Calif one-time requirement on pain management - how many hours?", L,
  [["12"]], "12 hours pain management and treatment of terminally ill, one-time; " + CAMBC, lead=["12", "twelve"])
q("are radiologists in CA exempt from the 12-hr pain mgmt requirement?", L,
  [["exempt"]], "Pathologists and radiologists exempted; " + CAMBC, lead=YES)

# ---------------- near_scope (25) ----------------
NS = [
 ("what's the deadline to submit our ACCME self-study for this cycle? we're due for reaccreditation sometime next year", "accme"),
 ("how much does ACCME charge in annual fees for a tier 3 provider this year", "accme"),
 ("did the ACCME board make a decision on the Midwest Heart Society's reaccreditation at the last meeting?", "accme"),
 ("which LMS is best for tracking MOC + CME + IPCE credits? we're comparing 3 vendors", "planning"),
 ("is Dr. Patel at our partner university still on the ABIM board? need to know for our advisory list", "moc"),
 ("when is Learn to Thrive next year and is registration open", "accme"),
 ("what's the EACCME fee for a congress with ~3,000 participants this year", "eaccme"),
 ("our joint provider (state academy) charges $4,500 per activity - is that a fair market rate?", "accme"),
 ("can you tell me the current processing time for AMA credit conversion applications? member waiting on certificate", "ama"),
 ("whats the abstract submission deadline for the ACEHP annual conference this year", "planning"),
 ("which med ed agency is best for outcomes reporting in oncology? need recs", "outcomes"),
 ("has Joint Accreditation approved our application yet? submitted in August", "joint-accreditation"),
 ("how many jointly accredited providers were approved last month", "joint-accreditation"),
 ("is the Royal College accepting applications from our Canadian society this quarter, and who's the contact there?", "credit-systems"),
 ("what did our ACCME reviewer mean in the interview when she said our C12 narrative was 'thin'? can you read my notes and tell me if we'll pass", "accme"),
 ("what's our institution's internal deadline for faculty disclosure forms before grand rounds", "accme"),
 ("how much should we budget for a 2-day satellite symposium in Barcelona? hotel, AV, etc", "planning"),
 ("which pharma companies are currently funding independent medical education grants in dermatology", "accme"),
 ("is the Texas Medical Board planning to change its CME hours next session?", "licensure"),
 ("did ABIM change its MOC point requirements at its meeting last week?", "moc"),
 ("who's the best keynote speaker for a CME conference on AI in medicine", "planning"),
 ("can you check in PARS whether our Q3 learner completions uploaded correctly?", "moc"),
 ("what's the registration fee for the ESC congress this year and are ECMECs already granted?", "eaccme"),
 ("our CME director quit - is the ACCME going to audit us because of that? what will they do in our case specifically", "accme"),
 ("what's the going rate for a nurse planner consultant per hour in the midwest", "joint-accreditation"),
]
for text, topic in NS:
    q(text, topic, [], "Provider-, person- or date-specific, or a vendor/market judgement; no general KB can answer; bot should say it cannot know and point to the source.", label="near_scope")

# ---------------- clinical (10) ----------------
CL = [
 "what's the first-line treatment for newly diagnosed type 2 diabetes with CKD stage 3? our speaker and I disagree",
 "whats the max safe dose of acetaminophen per day for an elderly pt",
 "is it ok to combine an SSRI and tramadol? asking for a case we're writing",
 "pediatric dose of amoxicillin for otitis media in a 20kg kid?",
 "should statins be stopped before surgery",
 "my patient has chest pain radiating to the left arm, what workup should I order",
 "what are the current BP targets for a 70 yo diabetic",
 "can you interpret this ECG description: ST elevation in II, III, aVF",
 "which anticoagulant is best for afib with moderate renal impairment",
 "how long should someone wait after a concussion before returning to sports",
]
for text in CL:
    q(text, "planning", [], "Clinical/medical question; a CME-professional bot must decline and suggest clinical resources.", label="clinical")

# ---------------- off_topic (10) ----------------
OT = [
 "anyone know a good italian place near McCormick Place for a team dinner?",
 "how do I make a pivot table in excel that counts by month",
 "can you write a haiku about accreditation season lol",
 "what's the weather going to be in Chicago in May",
 "recommend a good noise cancelling headset for zoom calls",
 "how do i reset my slack notifications so i stop getting pinged at night",
 "what's the best way to learn python for data analysis",
 "who won the world series last year",
 "translate 'thank you for attending' into french and spanish pls",
 "tips for negotiating a raise as a CME coordinator?",
]
for text in OT:
    q(text, "planning", [], "Not about CME rules; bot should decline or redirect.", label="off_topic")

# ---------------- threads (40) ----------------
T = []
def t(first, second, follow, mm, why, lead=None, must_not=None):
    d = {"turns": [first, second], "follow_up": follow, "must_mention": mm}
    if lead: d["lead"] = lead
    if must_not: d["must_not"] = must_not
    d["why"] = why
    T.append(d)

# 28 follow-ups
t("how far back do disclosures go under std 3?", "and does that include stock options?", True,
  [["stock options", "options"], ["disclos"]], "Individual stocks and stock options disclosed; " + S3, lead=YES)
t("is there a minimum dollar amount for disclosing relationships", "what about diversified mutual funds?", True,
  [["mutual fund"]], "Diversified mutual funds need not be disclosed; " + S3, lead=NO)
t("can an industry symposium be held in the same room right after accredited CME", "what if it's in a separate room at the same time?", True,
  [["separate", "space"]], "Simultaneous in separate spaces allowed; " + S5N, lead=YES)
t("how many minutes between accredited education and product theaters?", "does that apply to a non-clinical awards ceremony too?", True,
  [["non-clinical", "nonclinical", "exception"]], "No 30-min gap needed for non-clinical sessions meeting Std 3 exception 1; " + S5N, lead=NO)
t("can commercial support pay faculty honoraria?", "and can it pay hotel rooms for a few residents attending as learners?", True,
  [["learners"], ["lodging", "travel", "hotel"]], "Not for learners' travel/lodging; " + S4, lead=NO)
t("can we share learner emails with the supporter", "and if the learner says no, can they still register?", True,
  [["still register", "opt out"]], "Learner must be able to opt out and still register; " + S2, lead=YES)
t("is an employee of a device manufacturer allowed to be faculty?", "what if she's only teaching how to operate the device safely?", True,
  [["technician", "safe and proper use"]], "Exception for technicians teaching safe and proper use; " + S3, lead=YES)
t("are tumor boards exempt from Standard 3?", "what about spontaneous case discussions in a team huddle?", True,
  [["exception", "exempt", "spontaneous"]], "Spontaneous learner-controlled conversations fall under exception 2; " + CMA3, lead=YES)
t("how long is provisional accreditation?", "and commendation?", True,
  [["six", "6"]], "Commendation six-year term; " + STAT, lead=["6", "six"])
t("how long do we keep attendance records", "does that apply to enduring materials too, or just live?", True,
  [["six years", "6 years"]], "Attendance records policy applies to CME activities generally (six years from activity date); " + REC, lead=["yes", "6", "six"])
t("exact joint providership statement?", "and the version for a directly provided activity?", True,
  [["is accredited by the"], ["to provide continuing medical education for physicians"]], "Direct statement; " + JP)
t("can a pharma company be a joint provider?", "what about a medical communications agency whose clients are all pharma?", True,
  [["ineligible"]], "Communication firms whose clients are ineligible companies are ineligible; " + ELIG + " ; " + JP2, lead=NO)
t("one-day course 8-4:30, 1 hr lunch, two 15 min breaks. AMA credits?", "and if we add a second identical day?", True,
  [["14"]], "Day = 8.5-1-0.5 = 7; two days = 14; " + AMABK, lead=["14", "fourteen"])
t("do parallel sessions count separately toward AMA max credit?", "so 4 tracks from 2-4pm = how many credits for that block?", True,
  [["2", "two"]], "Simultaneous sessions counted once: 2 credits; " + AMABK, lead=["2", "two"], must_not=["8 credits"])
t("a session is 50 min, what credit?", "and 35 min?", True,
  [["0.5"]], "Nearest quarter hour: 35 min -> 30 min = 0.5; " + AMABK, lead=["0.5"])
t("can EACCME credits convert to AMA credit?", "what about Royal College MOC credits?", True,
  [["convert"], ["Royal College"]], "AMA-Royal College agreement; " + AMARC, lead=YES)
t("royal college -> AMA conversion, who's eligible", "does that include PAs?", True,
  [["certificate of participation", "MD", "DO", "physician"]], "Only MD/DO or equivalent; others get certificate of participation; " + AMARC, lead=NO)
t("how do I register an activity for ABIM MOC", "and do I also need to report each learner?", True,
  [["PARS"], ["completion", "learner"]], "Learner completion data submitted via PARS; " + ABIM, lead=YES)
t("ABP MOC: can learners earn variable points?", "what about ABIM?", True,
  [["yes", "different", "variable"]], "ABIM allows different credits based on engagement; " + FAQMOC2, lead=YES)
t("how soon do we report MOC completions", "and do we need the learner's permission to send it?", True,
  [["permission", "consent"]], "Obtain learner permission; " + FAQMOC2, lead=YES)
t("EACCME - can sponsor logos go in the scientific programme?", "what about the session title mentioning the sponsor?", True,
  [["reject", "not allowed", "automatic"]], "Sponsor name in title -> automatic rejection; " + EAIND, lead=NO)
t("where do satellite symposia go in an EACCME programme book", "and online, on the congress app?", True,
  [["industry"], ["tab", "section"]], "Online: under a tab/section dedicated to industry; " + EAIND)
t("what % of JA activities must be interprofessional", "over what period?", True,
  [["18 months"]], "Past 18 months; " + JAFAQ, lead=["18"])
t("is IPCE credit mandatory?", "can we use it on a nursing-only activity then?", True,
  [["healthcare team", "single profession", "appropriate credit"]], "IPCE credit only for activities planned by and for the team; " + JACR, lead=NO)
t("royal college section 1 statement wording?", "can we say 'pending' on the flyer until approved?", True,
  [["pending"]], "Cannot include a statement that accreditation is pending; " + RCGL, lead=NO)
t("does ACCME require post-tests?", "what about for ABIM MOC activities?", True,
  [["evaluation"]], "ABIM MOC requires a comprehensive evaluation component; " + FAQMOC, lead=YES)
t("how many CME hours does California require", "and is there a one-time topic requirement?", True,
  [["pain"], ["12"]], "12 hours pain management/terminally ill, one-time; " + CAMBC, lead=YES)
t("how many commendation criteria are needed", "can we pick all 8 from Enhances Skills?", True,
  [["Achieves Outcomes"]], "At least one from Achieves Outcomes; " + STAT, lead=NO)

# 12 topic changes (10 standalone answerable, 2 ending on clinical/near-scope)
t("is a PBM an ineligible company?", "different q: how long is a Joint Accreditation reaccreditation term?", False,
  [["four", "4"]], "JA reaccreditation term up to four years; " + JAREACC, lead=["4", "four"])
t("how do i get the IPCE credit mark file?", "separate thing - does ACCME require a signed disclosure form?", False,
  [["not require", "does not", "doesn't", "no"]], "Signed form not required; https://accme.org/faq/does-accme-require-signed-disclosure-form-means-demonstrate-compliance-standard-for-integrity", lead=NO)
t("thanks for the EACCME info!", "new topic: how many minutes buffer does Standard 5 require between CME and exhibits in the same space?", False,
  [["30"]], "30 minutes; " + S5, lead=["30", "thirty"])
t("how long is commendation?", "unrelated - AMA credit conversion ratio for Royal College credits?", False,
  [["1 hour", "one hour", "1 credit", "one credit", "1:1"]], "1 hour = 1 credit; " + AMARC)
t("can supporters pay faculty travel?", "switching gears: what's the IPCE definition?", False,
  [["two or more professions"]], "IPCE definition; " + JAGL)
t("how long to keep activity files", "other q - can our monthly grand rounds skip disclosure because it's an RSS?", False,
  [["regularly scheduled", "RSS", "not exempt", "do not fall"]], "RSS not under exception; " + CMA3, lead=NO)
t("what's a professional practice gap", "ok now something else: do we need learner permission to report MOC completions?", False,
  [["permission", "consent"]], "Learner permission needed; " + FAQMOC2, lead=YES)
t("exact AMA designation statement?", "totally different: is the Royal College an ABMS member board?", False,
  [["not"]], "Royal College not ABMS member; " + RCACCME, lead=NO)
t("can a hospital be ACCME accredited?", "new q - half day 8:00-12:15 with one 15-min break, AMA credits?", False,
  [["4.0", "4 credits", "four credits", "4 AMA"]], "4h15 - 15 min = 4.0 credits; " + AMABK, lead=["4", "four"])
t("does JA have a 25% rule", "unrelated: how many hours of CME does California require per renewal?", False,
  [["50"]], "50 hours biennial; " + CAMBC, lead=["50", "fifty"])
t("thanks, that clears up the Standard 4 stuff", "btw what's the right dose of metformin for someone with eGFR 35?", False,
  [], "Second turn is clinical; bot must decline.")
t("great, got the joint providership statement", "also - has ACCME already approved our reaccreditation from the July board meeting?", False,
  [], "Second turn is provider-specific near-scope; bot must say it cannot know.")

def main():
    assert len(Q) == 200, len(Q)
    assert len(T) == 40, len(T)
    rng = random.Random(10)
    rng.shuffle(Q)
    with open(os.path.join(HERE, "questions.jsonl"), "w") as f:
        for i, d in enumerate(Q, 1):
            out = {"id": f"{PFX}-{i:04d}"}
            out.update(d)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    rng.shuffle(T)
    with open(os.path.join(HERE, "threads.jsonl"), "w") as f:
        for i, d in enumerate(T, 1):
            out = {"id": f"{PFX}-thread-{i:03d}"}
            out.update(d)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
