#!/usr/bin/env python3
"""Build dev-slack-12: CME questions as members type them in Slack.

Written by an AI helper following /work/notes/devset-brief.md (set NAME=dev-slack-12, PFX=ds12, seed 12),
without reading the project. Run: python3 build.py  -> writes questions.jsonl and threads.jsonl next to it.
"""
import json, os, random
from collections import Counter

OUT = os.path.dirname(os.path.abspath(__file__))
PFX = "ds12"
SEED = 12

# ---- authority URLs checked with the search tool -------------------------------------------------
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
S3X = "https://cmadocs.org/newsroom/news/view/ArticleId/50350/Compliance-Corner-Exceptions-to-Standard-3 (CMA, an ACCME recognized accreditor, restating Std 3 exceptions)"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
R30 = "https://accme.org/news/understanding-the-30-minute-rule"
ELIG = "https://accme.org/rule/eligibility"
FAQ_SA = "https://www.accme.org/faq/10236"
SRCH = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQ titles/answers)"
BL = "https://accme.org/resource/examples-of-content-that-is-is-not-related-to-the-business-lines-of-the-ineligible-company/"
STAT = "https://accme.org/about-accreditation/accreditation-status"
MOE = "https://www.accme.org/state-medical-societies/markers-of-equivalency"
RECOG = "http://www.accme.org/accreditors/recognition-requirements"
NEEDS = "http://accme.org/rule/educational-needs/"
F780 = "http://accme.org/faq/780"
ABIMCME = "http://www.accme.org/cme-counts-abim-moc"
F7922 = "http://accme.org/faq/7922"
FMOCPTS = "http://www.accme.org/faq/how-do-i-determine-number-moc-points-available-for-my-abim-practice-assessment-activity"
TIPS = "https://www.accme.org/highlights/tips-and-data-submission-reminders-for-cme-counts-for-moc"
ABIM = "https://www.abim.org/certification/for-newly-certified-physicians/moc-what-to-expect/"
RCACCME = "https://accme.org/cme-counts-for-royal-college-moc"
RCREG = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-health-care-professionals-hcps/moc-regulations-policies-for-hcps.html"
CAT2 = "https://ama-assn.org/education/ama-pra-credit-system/what-know-about-other-kind-cme-credit"
TEACH = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html (older AMA provider FAQ)"
LIVE = "AMA PRA booklet rules as restated at http://www.bumc.bu.edu/cme/activity-planning/cme-credit/ (60 min = 1 credit, quarter hours, simultaneous sessions once)"
PRA2010 = "AMA PRA booklet 2010 revision as summarised at https://policymed.com/2010/09/american-medical-association-updated-criteria-for-physician-recognition-award-for-continuing-medical.html"
EDHUB = "https://edhub.ama-assn.org/pages/auto-credit-reporting"
JA = "http://www.jointaccreditation.org/about-joint-accreditation"
JACRED = "http://www.jointaccreditation.org/designation-credits"
JAHIST = "https://jointaccreditation.org/about-joint-accreditation/history"
JAIPCE = "https://jointaccreditation.org/?p=9917"
UEMS = "http://www.uems.net/main.php?category=6"
EANM = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec (UEMS section page)"
ESTMT = "official EACCME accreditation statement as reproduced by accredited events (e.g. https://wintermeeting.2024.escrs.org/programme/accreditation-and-cme/), pointing to https://edhub.ama-assn.org/pages/applications"
AAFP = "https://www.aafp.org/cme/about/member-requirements.html"
AAFPPOL = "https://www.aafp.org/about/policies/all/cme-requirements.html"
AAFPRE = "https://aafp.org/content/brand/aafp/membership/join/re-election.html"
MOORE = "Moore, Green & Gallis 2009, JCEHP 29(1):1-15; table at https://pmc.ncbi.nlm.nih.gov/articles/PMC3591508/table/T0001"
MBC = "https://www.mbc.ca.gov/Licensees/Continuing_Education/Audit_Waiver.aspx"
MBC2 = "https://www.mbc.ca.gov/Licensing/Physicians-and-Surgeons/Renew/Current-Status/Continuing-Medical-Education.aspx"

YES, NO = ["yes"], ["no"]
QS = []


def q(topic, text, mm, why, lead=None, must_not=None):
    QS.append(dict(label="answerable", topic=topic, question=text, must_mention=mm, lead=lead,
                   must_not=must_not, why=why))


# =============================== ACCME (75) ===============================
A = "accme"
# --- Standard 3
q(A, "ok so some background: I run a tiny CME office at a community hospital (it's me and a half-time coordinator), we were last reaccredited under the old SCS and honestly our faculty disclosure form hasn't been touched since then. it still says 'relationships in the past 12 months'. new coordinator flagged it and I said I'd ask here before I go bug our state med society. how far back do faculty disclosures have to go now?? still 12 mo like the old SCS?",
  [["24 months", "24-month", "two years", "2 years", "24 mo"]], "Std 3.1: all financial relationships in prior 24 months. " + S3, NO)
q(A, "is there a $ minimum below which a speaker doesnt have to disclose. she got like $200 from a speakers bureau thing in 2025",
  [["no minimum", "any amount", "no threshold", "regardless of the amount", "any dollar amount", "no dollar"]],
  "Std 3.1: no minimum financial threshold. " + S3, NO)
q(A, "ok so our keynote owns individual shares of a big publicly traded pharma co, and she's presenting on lipid mgmt where they sell a statin. do we have to collect and disclose that?",
  [["disclos"]], "Std 3.1b: individual stocks and stock options should be disclosed; relevant if content relates to company's products. " + S3, YES)
q(A, "can we leave diversified mutual funds off the disclosure form? faculty keep listing their 401k funds",
  [["mutual fund"]], "Std 3.1b: diversified mutual funds do not need to be disclosed. " + S3, YES)
q(A, "stock options in a device company - disclose or no?",
  [["stock option"]], "Std 3.1b: individual stocks and stock options should be disclosed. " + S3, YES)
q(A, "what exactly has to be in the disclosure we show learners? we have names + company so far",
  [["nature"], ["mitigat"]],
  "Std 3.5: names of individuals, names of ineligible companies, nature of relationships, statement that all were mitigated. " + S3 + " (3.5 wording via verbatim restatements)")
q(A, "rep from the supporter asked if we can put their logo on the faculty disclosure slide since theyre mentioned anyway. allowed?",
  [["logo"]], "Std 3.5: identify ineligible companies by name only, no corporate or product logos. " + S3, NO)
q(A, "do we have to put the dollar amounts of the relationships in the disclosure",
  [["nature"]], "Std 3: disclose company name and nature of the relationship; value is not required. " + S3, NO)
q(A, "when do we have to mitigate a relevant relationship - right before the talk? or earlier",
  [["before", "prior to"]], "Std 3.4a: mitigate relationships prior to the individuals assuming their roles. " + S3)
q(A, "faculty member says her consulting for a big pharma isn't relevant to her talk so she left it off the form. is that ok?",
  [["regardless", "all financial relationships", "all relationships", "all of their"]],
  "Std 3.1: individuals must disclose regardless of their view of relevance. " + S3, NO)
q(A, "who decides whether a relationship is 'relevant' - the faculty or us (the provider)",
  [["provider"]], "Std 3: the accredited provider is responsible for identifying relevant relationships. " + S3)
q(A, "whats the definition of 'relevant' financial relationship under the new standards",
  [["business line", "products"]], "Relevant if the educational content is related to the business lines or products of the ineligible company. " + S3)
q(A, "do we need disclosures from planners too or just speakers",
  [["planner"]], "Std 3.1: collect from all planners, faculty, and others in control of content. " + S3, YES)
q(A, "moderators and abstract reviewers - do they need to fill out the disclosure form?",
  [["control", "content"]], "Std 3 applies to planners, reviewers, speakers, editors, moderators, facilitators and others controlling content. " + S3X, YES)
q(A, "hi all, I work in medical affairs at a pharma company (we market a GLP1) and I've been invited by a university CME office to sit on the planning committee for their diabetes update, they said something like 'we'll just mitigate it'. I want to do this right and not get them in trouble. is that actually ok if they mitigate?",
  [["exclud", "cannot", "can't", "may not", "not allowed", "not permitted"]],
  "Owners/employees of ineligible companies are excluded from controlling content except 3 narrow exceptions; planning on related content fits none. " + S3, NO)
q(A, "device co employee wants to run the hands-on station showing how to safely use their stapler. not talking about when to use it. is that allowed",
  [["technician", "safe and proper use", "safe use"]],
  "Std 3.2 exception c: employees as technicians teaching safe and proper use of devices, not whether/when to use. " + S3, YES)
q(A, "scientist from a pharma co wants to present preclinical drug discovery methods at our research day, no patient care recs. allowed?",
  [["basic science", "preclinical", "pre-clinical", "research method", "methodolog"]],
  "Std 3.2 exception b: basic science/preclinical research or research methods with no care recommendations. " + S3, YES)
q(A, "an employee of a device company would talk about physician burnout, nothing to do with their products. can she be faculty?",
  [["not related", "unrelated", "business line"]],
  "Std 3.2 exception a: content not related to the company's business lines or products. " + S3, YES)
q(A, "how many exceptions are there that let an owner/employee of an ineligible co be faculty",
  [["technician", "device"], ["basic science", "preclinical", "pre-clinical", "research"]],
  "Three exceptions: unrelated content, basic science/research methods, technicians teaching safe device use. " + S3, ["3", "three"])
q(A, "pulmonologist on our faculty owns part of a startup (in FDA trials) developing an asthma drug. she wants to talk about lung cancer screening. possible?",
  [["not related", "unrelated", "different", "business line"]],
  "ACCME example: owner of an asthma startup can control content on lung cancer (different disease state). " + BL, YES)
q(A, "does a speaker who gets patent royalties from a device maker count as an 'owner' of that company",
  [["royalt"]], "ACCME FAQ: patent royalty recipients are not owners/employees; manage as a financial relationship. " + SRCH, NO)
q(A, "are M&M conferences exempt from std 3 bc the residents basically control the content?",
  [["exception", "exempt"]], "Learner-controlled exception is for spontaneous case conversations; RSS, M&M, tumor boards do not fall under it. " + S3X, NO)
q(A, "leadership skills workshop, zero clinical content. can we skip collecting disclosures for it?",
  [["non-clinical", "nonclinical", "exception"]], "Std 3 exception 1: non-clinical education (leadership, communication). " + S3X, YES)
q(A, "quick q - team huddles / spontaneous case chats on the unit that we want to count for credit. do those fall under a std 3 exception??",
  [["spontaneous", "exception", "learner"]], "Std 3 exception 2: learner-controlled content such as spontaneous case conversations among peers. " + S3X, YES)
q(A, "how many std 3 exceptions are there (where you don't identify/mitigate/disclose at all)",
  [["non-clinical", "nonclinical"], ["spontaneous", "learner"]], "Exceptions: non-clinical education; learner-controlled content; self-directed education. " + S3X + "; " + S3, ["3", "three"])
# --- eligibility
q(A, "we're a pharmacy benefit manager with a big education team. can we get accredited by ACCME ourselves?",
  [["ineligible"]], "PBMs are listed as ineligible companies. " + ELIG, NO)
q(A, "is an EHR company eligible to be accredited",
  [["eligible"]], "Electronic health records companies are listed as eligible. " + ELIG, YES)
q(A, "health insurer / managed care org - eligible for accreditation? our medical director is asking",
  [["eligible"]], "Insurance or managed care companies are eligible. " + ELIG, YES)
q(A, "supplement manufacturer wants to be the joint provider on our nutrition course, they'd do the planning w/ us. can they?",
  [["ineligible"]], "Makers/sellers of dietary supplements are ineligible companies; ineligible companies cannot be accredited or take part in planning. " + ELIG + "; " + S3, NO)
q(A, "ad agency whose clients are all pharma cos - is that an ineligible company?",
  [["ineligible"]], "Advertising/marketing/communication firms whose clients are ineligible companies are ineligible. " + ELIG, YES)
q(A, "biotech startup, no product yet and they haven't started any FDA process. automatically ineligible?",
  [["regulatory", "approval process"]], "Biomedical startup is ineligible once it has begun a governmental regulatory approval process. " + SRCH + "; " + ELIG, NO)
q(A, "what's acccme's definition of an ineligible company again",
  [["primary business"], ["healthcare products", "health care products", "products used by or on patients"]],
  "Primary business producing, marketing, selling, re-selling or distributing healthcare products used by or on patients. " + ELIG)
q(A, "compounding pharmacy that makes its own proprietary compounds. eligible or not",
  [["ineligible", "not eligible", "cannot"]], "Compounding pharmacies that manufacture proprietary compounds are ineligible. " + ELIG)
q(A, "diagnostic lab, does NOT sell any proprietary tests. can they be accredited?",
  [["eligible"]], "Diagnostic labs that do not sell proprietary products are eligible. " + ELIG, YES)
q(A, "is a manufacturer of health-related wearables (fitness/heart monitor watch) an ineligible company",
  [["ineligible"]], "Manufacturers of health-related wearable products are ineligible. " + ELIG, YES)
q(A, "our org has a parent company that distributes medical devices. does that matter for eligibility at all?",
  [["parent"]], "ACCME eligibility self-assessment asks about parent (and sister) companies that produce/distribute products. " + FAQ_SA, YES)
q(A, "can we ask our pharma supporters for topic or speaker suggestions for next yr's course",
  [["ineligible", "influence", "independen"]], "ACCME FAQ: no; no reason to request speaker/topic suggestions from ineligible companies. " + SRCH, NO)
q(A, "group medical practice - eligible to be accredited?",
  [["eligible"]], "Group medical practices are eligible. " + ELIG, YES)
# --- Standard 5
q(A, "how long before and after the accredited session do the exhibits have to stay out of the room",
  [["30 minutes", "30-minute", "thirty minutes", "30 min"]], "Std 5.2a: not in the educational space within 30 minutes before or after. " + S5, ["30", "thirty"])
q(A, "pharma co wants to run a non-accredited product theater at the same time as our CME session but in a different room down the hall. allowed?",
  [["separate", "space", "room"]], "Accredited and nonaccredited activities may happen at the same time in separate spaces. " + R30, YES)
q(A, "we have a dept business/leadership meeting in the same room right after grand rounds. ok to start it right away w/o a 30 min gap?",
  [["non-clinical", "nonclinical", "exception"]], "No 30-minute break needed if the nonaccredited session is non-clinical and meets Std 3 exception 1. " + R30, YES)
q(A, "supporter wants their logo on the title slide of the accredited talk they funded. ok?",
  [["logo"]], "Std 5.2c: educational materials must not contain marketing incl. corporate or product logos. " + S5, NO)
q(A, "for our online module can we play a 15 sec sponsor ad before the video starts",
  [["click through", "advertis", "marketing", "promotion"]], "Std 5.2b: learners must not have to click through, watch or listen to product promotion. " + S5, NO)
q(A, "exhibitor here (device co, we do a lot of regional society meetings). the venue at this one is tiny, the only space left is the back of the main ballroom where the accredited sessions happen. we'd be totally quiet, no demos during talks. can we keep our booth at the back of the ballroom during the accredited sessions if we're quiet",
  [["30 minutes", "30-minute", "educational space", "30 min"]], "Std 5.2a: no exhibits in the educational space within 30 min before/after accredited education. " + S5, NO)
q(A, "as a commercial supporter can we make the grant conditional on getting premium booth placement?",
  [["condition"]], "Std 5.1c: marketing arrangements must not be a condition of financial or in-kind support. " + S5, NO)
q(A, "do the non-accredited parts of our meeting (industry symposia etc) have to be labeled as non-accredited",
  [["label"]], "Std 5.2a: nonaccredited parts must be clearly labeled and communicated as such. " + S5, YES)
q(A, "we have no exhibits, no ads, no non-accredited sessions at all. does std 5 even apply to us",
  [["only when", "only applies", "applies only"]], "Std 5 applies only when there is marketing by ineligible companies or nonaccredited education. " + S5, NO)
q(A, "can the handouts for an accredited session include the supporting company's trade name / product message",
  [["logo", "trade name", "marketing", "product"]], "Std 5.2c: educational materials (slides, handouts...) must not contain marketing. " + S5, NO)
q(A, "industry-developed non-accredited session ends at 10:00, can our accredited session start in the same room at 10:15?",
  [["30 minutes", "30-minute", "30 min", "thirty"]], "Std 5.2a: 30-minute separation in the same educational space. " + S5 + "; " + R30, NO)
q(A, "can the exhibitor's influence on scheduling be ok if they pay for a bigger package? e.g. they want the session moved next to their booth hours",
  [["influence", "interfere"]], "Std 5.1a/b: marketing arrangements must not influence planning/delivery or interfere with the education. " + S5, NO)
# --- Standard 4
q(A, "std 4 - does it apply if we take no commercial support at all?",
  [["commercial support"]], "Std 4 applies only to accredited CE that receives financial or in-kind support from ineligible companies. " + SRCH, NO)
q(A, "device company is loaning us ultrasound machines for the workshop, no $. is that commercial support?",
  [["in-kind", "in kind"]], "Commercial support = financial or in-kind support from ineligible companies. " + SRCH, YES)
# --- accreditation process / system
q(A, "how long is provisional accreditation",
  [["2 year", "two year", "2-year", "two-year"]], "Provisional Accreditation is a two-year term for initial applicants. " + STAT, ["2", "two"])
q(A, "how many yrs do you get with commendation",
  [["6", "six"]], "Accreditation with Commendation is a six-year term. " + STAT, ["6", "six"])
q(A, "standard (non commendation) accreditation term is how long?",
  [["4", "four"]], "Accreditation is the standard four-year term. " + STAT, ["4", "four"])
q(A, "commendation: how many criteria total and does one need to be from achieves outcomes",
  [["8", "eight"], ["outcome"]], "Any 7 criteria from the menu plus at least 1 from Achieves Outcomes, total 8. " + STAT, ["8", "eight"])
q(A, "we're applying for the first time ever, can we go straight for commendation?",
  [["provisional"]], "Initial applicants receive Provisional Accreditation; Commendation is for accredited providers. " + STAT, NO)
q(A, "community hospital in ohio, nearly all our learners are local docs. do we apply to ACCME or our state medical society?",
  [["state medical society", "recognized accreditor", "state or territory medical society", "state/territory medical society"]],
  "Recognized state/territory medical societies accredit providers whose learners come mainly from their state or contiguous states. " + RECOG)
q(A, "what's the line between a 'national' provider and a state-accredited one",
  [["contiguous", "neighboring", "neighbouring", "bordering", "adjacent"]], "State medical societies accredit providers offering CME primarily to learners from their state or contiguous states. " + RECOG)
q(A, "state med society staff here. our committee wants to add a couple of our own criteria to accreditation decisions on top of ACCME's. can we just use our own rules?",
  [["markers of equivalency", "equivalen"]], "Markers of Equivalency 1.1: use the ACCME accreditation requirements as the basis for each decision. " + MOE, NO)
q(A, "I'm on staff at a state medical society that accredits ~30 local providers (hospitals mostly, a couple county societies). we're short-staffed this year and our committee chair asked if we could skip the interviews for providers whose self-studies look clean. for a state-accredited provider's reaccreditation, is the interview required or can our committee decide on the self-study alone",
  [["interview"]], "Markers 2.3b: decisions use self-study, performance-in-practice and an interview. " + MOE, ["no", "interview is required", "required"])
q(A, "recognized accreditor q: can we just review a provider's live courses and skip their RSS + enduring materials when making the decision?",
  [["all", "every"]], "Markers 2.3c: use data from all the types of CME activities offered by the provider. " + MOE, NO)
q(A, "can a state-accredited provider designate AMA PRA Cat 1 credit or only the ACCME-accredited ones?",
  [["state"]], "Organizations accredited by ACCME or by an ACCME-recognized state medical society may designate. " + AMAFAQ + "; " + RECOG, YES)
q(A, "can ACCME accredit just our one big conference? we're not looking to become a provider",
  [["organization", "provider", "joint provid"]], "ACCME accredits organizations (providers), not single activities; non-accredited orgs use joint providership. " + "http://jointaccreditation.org/definitions" + "; " + AMAFAQ, NO)
q(A, "so as far as ACCME is concerned we can skip post-tests entirely?? our LMS vendor says theyre mandatory",
  [["not require", "doesn't require", "does not require", "no requirement", "not required"]], "ACCME FAQ: ACCME does not require post-tests for any type of CME activity. " + F780, YES)
q(A, "what does acme mean by competence vs performance, our planners keep mixing them up",
  [["strateg", "ability", "would do"], ["practice"]], "Competence = ability/strategy (what one would do); performance = what one does in practice. " + F780)
q(A, "which criterion is 'educational needs' asking for exactly - knowledge only?",
  [["competence"], ["performance"]], "Educational Needs: knowledge, competence, or performance needs underlying professional practice gaps. " + NEEDS, NO)
q(A, "hey, std 3 question: does the disclosure info we collect need the name of the company AND the nature of the relationship, or just the company?",
  [["nature"]], "Std 3.1a-b: name of the ineligible company and nature of the relationship. " + S3, ["both", "yes", "company and nature", "name and nature"])
q(A, "examples of 'nature of relationship' we can list? consultant, speaker... what else",
  [["employee", "researcher", "advisor", "royalt", "ownership", "independent contractor", "executive"]],
  "Examples: employee, researcher, consultant, advisor, speaker, independent contractor, royalties/patent beneficiary, executive role, ownership interest. " + S3)
q(A, "is a blood bank eligible to be accredited",
  [["eligible"]], "Blood banks are listed as eligible. " + ELIG, YES)
q(A, "reagent maker - eligible or ineligible",
  [["ineligible"]], "Reagent manufacturers or sellers are ineligible. " + ELIG)
q(A, "does std 3 apply to ALL accredited education or only commercially supported stuff",
  [["all"]], "Standard 3 applies to all accredited continuing education. " + S3)
q(A, "exhibitor question, sorry if dumb: we sell devices. can our reps give the CME office input on the evaluation questions for the accredited sessions?",
  [["evaluation", "planning", "not", "exclud"]], "Owners/employees of ineligible companies may not take part in planning, delivery or evaluation (Std 3 exclusion; Std 5.1a). " + S3 + "; " + S5, NO)
q(A, "nonaccredited industry session is clinical and the speaker has unmitigated relationships. same room 20 min after CME is fine since the pharma co didnt develop it, right?",
  [["30 minutes", "30-minute", "30 min", "unmitigated"]], "Std 5.2a also covers nonaccredited education with planners/faculty with unmitigated relationships. " + S5, NO)
q(A, "for relatedness, what kind of 'separations' does ACCME suggest when deciding if an owner's talk is unrelated to the company",
  [["anatomy", "disease", "inpatient", "ambulatory", "surgical"]], "ACCME examples: different anatomy, unrelated disease state, inpatient vs ambulatory, medical vs surgical. " + BL)

# =============================== AMA (28) ===============================
M = "ama"
q(M, "can someone paste the exact AMA credit designation statement wording, need it for the brochure",
  [["designates this"], ["commensurate with the extent of their participation"]],
  "[Provider] designates this [format] for a maximum of [N] AMA PRA Category 1 Credit(s)... Physicians should claim only the credit commensurate with the extent of their participation. " + AMAFAQ + "; AMA PRA booklet")
q(M, "our event was last wk and we forgot to designate it for cat 1. can we designate it now retroactively",
  [["advance", "retroactiv"]], "Activities must be designated in advance; no retroactive designation. " + AMAFAQ, NO)
q(M, "who is allowed to certify activities for AMA PRA Category 1",
  [["accme"], ["state medical societ", "state"]], "Only organizations accredited by ACCME or an ACCME-recognized state medical society. " + AMAFAQ)
q(M, "can we put 'eligible for AMA PRA Category 2 Credit' on our flyer for the non-accredited journal club",
  [["must not", "may not", "cannot", "can't", "not allowed", "should not"]], "Accredited providers must not certify activities for Category 2 nor advertise eligibility. " + CAT2, NO)
q(M, "who actually records cat 2 credit, me or the cme office? (im a physician, not the office lol)",
  [["self"]], "Category 2 is self-designated and self-claimed; each physician keeps the record. " + CAT2)
q(M, "what kinds of stuff count for cat 2? i do a lot of reading + curbside consults",
  [["reading", "literature", "consultation", "peer", "self-assessment", "medical writing", "preceptor"]], "Examples incl. reading literature, consultation with peers, self-assessment, medical writing, preceptorship, peer review/QA. " + CAT2)
q(M, "FM doc here, i precept NP and PA students in clinic most weeks. does precepting count for cat 2?",
  [["preceptor"]], "Preceptorship participation is an example of Category 2 learning. " + CAT2, YES)
q(M, "does serving on our hospital's peer review / QA committee count as cat 2 learning",
  [["peer review", "quality"]], "Peer review and quality assurance participation are listed Category 2 examples. " + CAT2, YES)
q(M, "pharma-sponsored promo dinner talk (not accredited) - can I self-claim that as cat 2",
  [["promotional", "non-promotional"]], "Category 2 activities must be non-promotional. " + CAT2, NO)
q(M, "agenda is 8:00-12:00 with a 30 min coffee break in the middle. max cat 1 credits?",
  [["3.5"]], "60 min = 1 credit; exclude breaks: 240-30 = 210 min. " + LIVE, ["3.5"])
q(M, "2 day course. day 1 8am-5pm w 1hr lunch + two 15 min breaks, day 2 8am-12pm with one 15 min break. how many credits do we designate",
  [["11.25"]], "Day1 540-60-30 = 450 min (7.5); day2 240-15 = 225 min (3.75); total 11.25. " + LIVE, ["11.25"])
q(M, "planning our fall symposium and the program committee keeps arguing about this. morning is plenary 8-12 w a 30 min break (fine, we know that one), but then from 1-3pm we split into 3 parallel breakout tracks, everybody picks one. someone on the committee wants to add up all three tracks. how many credits does that 1-3 block add to the max",
  [["2", "two"]], "Simultaneous sessions count only once toward the designated maximum. " + LIVE, ["2", "two"])
q(M, "talk is 50 minutes. 0.75 or 1 credit?",
  [["0.75"]], "Quarter-hour increments, round to nearest quarter hour: 50 min -> 45 min = 0.75. " + LIVE, ["0.75"])
q(M, "70 min session, what credit value",
  [["1.25"]], "70 min rounds to nearest quarter hour = 75 min = 1.25. " + LIVE, ["1.25"])
q(M, "full day 7:30-4:30, 45 min lunch (with a separate labeled non-accredited product theater in another room during lunch), 2 x 15 min breaks. max cat 1?",
  [["7.75"]], "540 - 45 - 30 = 465 min = 7.75 credits; non-educational time excluded. " + LIVE, ["7.75"])
q(M, "live webinar is 90 min but first 10 min is housekeeping/sponsor-free announcements, not education. credits?",
  [["1.25"]], "80 minutes of education rounds to 75 min = 1.25. " + LIVE, ["1.25"])
q(M, "3-day conference, 6 credits each day. I only went day 1 and day 3. how many can I claim",
  [["12", "twelve"]], "Claim only credit commensurate with participation: 6 + 6. " + AMAFAQ + "; AMA designation statement", ["12", "twelve"])
q(M, "left the 6 hr course after lunch (was there ~3 hrs). can i still claim all 6 since thats what's on the certificate?",
  [["commensurate", "participat", "actually"]], "Physicians should claim only credit commensurate with the extent of their participation. " + AMAFAQ, NO)
q(M, "teaching residents - how many cat 1 credits per hour of teaching",
  [["2", "two"]], "Learning from teaching medical students/residents certified at 2 credits per hour (2:1). " + TEACH + " (ratio as restated by accredited providers)", ["2", "two"])
q(M, "when did the AMA start allowing cat 1 for teaching med students and residents",
  [["2013"]], "AMA Council on Medical Education approved it in March 2013. " + TEACH)
q(M, "before that change, what credit was teaching residents?",
  [["category 2", "cat 2"]], "Learning from teaching students/residents had long been recognized as Category 2. " + TEACH)
q(M, "enduring material: how is the credit amount figured",
  [["time", "estimate"]], "Credit based on the estimated time to complete the activity. " + PRA2010 + "; AMA PRA booklet")
q(M, "does an enduring material for cat 1 need an assessment with a passing level?",
  [["assessment"], ["minimum performance", "passing", "minimum"]], "Since 2011 enduring materials need a learner assessment with an established minimum performance level. " + PRA2010, YES)
q(M, "journal-based CME - does it need a post-assessment to give cat 1?",
  [["assessment"]], "Journal-based CME must include an assessment of the learner with a minimum performance level. " + PRA2010, YES)
q(M, "if i do CME on the AMA Ed Hub does it get sent to ABIM automatically for MOC?",
  [["abim"]], "Ed Hub automatically transmits credits to ABIM, ABP, ABOHNS, ABPath, ABS for MOC. " + EDHUB, YES)
q(M, "can I opt out of AMA ed hub auto-sending my credits to my state board",
  [["opt-out", "opt out", "preferences"]], "Ed Hub lets physicians opt out by updating preferences. " + EDHUB, YES)
q(M, "does the designation statement have to name the learning format (live activity, enduring material etc)?",
  [["format", "live activity", "enduring"]], "Designation statement: '[Provider] designates this [learning format] for a maximum of...'. " + AMAFAQ + "; AMA PRA booklet (2011 change)", YES)
q(M, "we're a specialty society, not accredited. can we designate AMA PRA Cat 1 for our own meeting?",
  [["joint provid", "jointly provid", "accredited provider"]], "Only accredited organizations may designate; others need joint providership. " + AMAFAQ, NO)

# =============================== MOC (15) ===============================
B = "moc"
q(B, "ABIM: how many MOC points every 5 yrs",
  [["100"]], "ABIM: 100 MOC points every 5 years. " + ABIM, ["100"])
q(B, "IM hospitalist, certified 2019, have been kind of ignoring MOC bc I figured I'd cram all 100 points in year 5 like everyone did with the old exam. colleague says that doesn't work anymore. do i really have to earn some ABIM points every 2 years or is it just the 5 yr total",
  [["2 year", "two year", "every 2", "every two"]], "ABIM: earn points every 2 years (any activity) which count toward the 100. " + ABIM, YES)
q(B, "how often is the ABIM assessment requirement",
  [["10 year", "ten year", "10-year"]], "Pass an MOC assessment within 10 years (traditional exam, LKA or CMP). " + ABIM)
q(B, "does every AMA cat 1 activity automatically count for ABIM MOC??",
  [["register"]], "Only activities registered for ABIM MOC (via PARS) award MOC points. " + ABIMCME, NO)
q(B, "our annual meeting has 20 sessions but only 5 meet ABIM MOC reqs. how many MOC points do we enter in PARS",
  [["5", "five"]], "Enter only the points for sessions that meet the requirement (ACCME FAQ example: 5 of 20). " + F7922, ["5", "five"])
q(B, "can MOC points for an activity be lower than the CME credits?",
  [["less", "lower", "fewer"]], "Typically equal, but MOC points may be less than credits if only part qualifies. " + FMOCPTS, YES)
q(B, "for ABIM MOC does the evaluation have to be a multiple-choice post test or can it be a reflective thing",
  [["reflect"]], "Comprehensive evaluation can be a question, series of questions or a reflective task. " + F7922, ["reflective", "can be", "either", "no"])
q(B, "who sends my completion to ABIM - me or the CME provider?",
  [["provider"], ["pars"]], "Accredited providers submit learner completion data via PARS. " + ABIMCME)
q(B, "passed a new IM subspecialty cert exam, how many ABIM MOC points is that",
  [["100"]], "Earning a subspecialty certification earns 100 MOC points. " + ABIM, ["100"])
q(B, "fellow here, do I get MOC points for fellowship years? how many",
  [["20", "twenty"]], "20 MOC points for each year of fellowship completed. " + ABIM, ["20", "twenty"])
q(B, "can state-accredited providers register activities for ABIM MOC in PARS too, or only ACCME-accredited ones",
  [["state"]], "ABIM MOC registration is available to all providers in the ACCME System incl. state-accredited. " + ABIMCME, YES)
q(B, "is the CME/MOC badge required on our ABIM MOC activity brochures",
  [["optional"]], "Badge use is optional; the ABIM MOC statement is mandatory. " + ABIMCME, NO)
q(B, "can we report partial credit to ABP for a peds MOC activity",
  [["partial"]], "ABP cannot accept variable, partial or repeating credit; report once after completion. " + TIPS, NO)
q(B, "canadian FRCPC here, how many credits per 5-yr cycle does the royal college want",
  [["400"]], "Royal College MOC: minimum 400 credits per five-year cycle. " + RCREG, ["400"])
q(B, "is the Royal College an ABMS member board?",
  [["not"]], "Royal College MOC is distinct; the Royal College is not an ABMS member board. " + RCACCME, NO)

# =============================== EACCME (8) ===============================
E = "eaccme"
q(E, "1 ECMEC = how much time",
  [["one hour", "1 hour", "60 min", "an hour"]], "1 ECMEC = 1 hour of CME. " + UEMS + "; " + EANM)
q(E, "went to a big euro congress with ECMECs. can i convert them to AMA cat 1?",
  [["ama pra category 1", "ama credit", "category 1"]], "UEMS-AMA agreement: EACCME credits convertible to AMA PRA Category 1 Credit. " + ESTMT + "; " + EANM, YES)
q(E, "ECMEC to AMA conversion ratio?",
  [["1:1", "one-to-one", "one to one", "equivalent number", "same number", "1 for 1", "one for one", "equal number"]],
  "Converted to an equivalent number of AMA PRA Category 1 Credits (1 hour = 1 credit). " + ESTMT)
q(E, "is there a fee for the AMA conversion of EACCME credit",
  [["fee"]], "Physicians pay a processing fee to the AMA. " + ESTMT + "; " + EANM, YES)
q(E, "does EACCME accredit organisations like ACCME or individual events?",
  [["event", "activit"]], "EACCME approval is for the given event (activity-based). " + UEMS)
q(E, "who runs EACCME",
  [["uems", "european union of medical specialists"]], "EACCME is run by the UEMS. " + UEMS)
q(E, "conference gave 17 ECMECs but i skipped a day. can i still claim all 17",
  [["actually", "only", "participat"]], "Each specialist should claim only hours actually spent in the activity. " + ESTMT, NO)
q(E, "roughly when did EACCME start",
  [["1999", "2000"]], "Set up by UEMS in Oct 1999, operating from Jan 2000. " + EANM)

# =============================== Joint Accreditation (8) ===============================
J = "joint-accreditation"
q(J, "which accreditors are behind Joint Accreditation",
  [["accme"], ["acpe", "pharmacy education"], ["ancc", "nurses credentialing"]], "Collaboration of ACCME, ACPE and ANCC. " + JA)
q(J, "what yr did JA launch",
  [["2009"]], "Joint Accreditation program launched 2009 (first providers 2010). " + JAHIST)
q(J, "NP + PA group here asking: whats the official definition of IPCE",
  [["two or more professions"], ["with, from, and about", "with, from and about", "learn with"]], "IPCE: members of two or more professions learn with, from, and about each other. " + JA)
q(J, "NP here - my health system is jointly accredited and some of our courses list IPCE credit and some dont. is the IPCE credit mandatory for jointly accredited providers to offer?",
  [["optional"]], "Use of the IPCE credit is optional. " + JACRED, NO)
q(J, "exact IPCE credit statement pls",
  [["planned by and for the healthcare team"], ["learning and change"]], "'This activity was planned by and for the healthcare team, and learners will receive (#) IPCE credit for learning and change.' " + JACRED)
q(J, "PA, also help plan education for our JA health system. we have a nursing-only skills activity coming up. should we slap the IPCE credit on it?",
  [["single profession", "appropriate credit", "nursing"]], "For single-profession activities designate the appropriate credit; IPCE only for team-planned activities. " + JACRED, NO)
q(J, "when was the IPCE credit introduced",
  [["2017"]], "New optional IPCE credit announced September 2017. " + JAIPCE)
q(J, "as a JA provider is it one application for medicine, nursing and pharmacy credit or separate ones",
  [["single", "one", "unified"]], "Single, unified application process, fee structure and set of standards. " + JA, ["one", "single"])

# =============================== credit systems (8) ===============================
C = "credit-systems"
q(C, "AAFP member - how many CME credits every 3 years",
  [["150"]], "AAFP active members: 150 credits every three years. " + AAFP, ["150"])
q(C, "and how many of the AAFP 150 need to be Prescribed",
  [["75"]], "At least 75 Prescribed credits. " + AAFP, ["75"])
q(C, "aafp live requirement, how many credits need to be live",
  [["25"]], "Minimum 25 credits from live learning activities. " + AAFPPOL, ["25"])
q(C, "family doc here, went a bit overboard this cycle bc of a big board review course + our chapter meeting + a bunch of AFP quizzes, I'm way over 150. my cycle ends this december. can the extra AAFP credits carry over to the next cycle",
  [["year in which", "recorded in the year", "no carry", "not carry", "cannot"]], "Credits must be recorded in the year completed; no carry-over. " + AAFPRE, NO)
q(C, "aafp cap on teaching credits per re-election cycle?",
  [["60"]], "Teaching health professions limited to 60 Prescribed credits per cycle. " + AAFP, ["60"])
q(C, "new AAFP member - is my first re-election cycle also 3 yrs",
  [["4", "four"]], "First cycle is four calendar years. " + AAFP, NO)
q(C, "is royal college MOC the same thing as the US boards' MOC",
  [["distinct", "different", "not the same"]], "Royal College MOC is distinct from US certifying board MOC programs. " + RCACCME, NO)
q(C, "royal college fellow in the US: can ACCME activities registered for MOC count for RC Section 3?",
  [["section 3"]], "ACCME-Royal College agreement: CME registered for MOC can be recorded in Section 3. " + RCACCME, YES)

# =============================== outcomes (6) ===============================
O = "outcomes"
q(O, "how many levels in moore's outcomes framework",
  [["7", "seven"]], "Seven levels (3 split into 3a/3b). " + MOORE, ["7", "seven"])
q(O, "competence is which moore level",
  [["4", "four"]], "Level 4 = competence. " + MOORE, ["4", "four", "level 4"])
q(O, "what is moore level 5",
  [["performance"]], "Level 5 = performance. " + MOORE)
q(O, "3a vs 3b?",
  [["declarative"], ["procedural"]], "3a declarative knowledge, 3b procedural knowledge. " + MOORE)
q(O, "we pulled A1c values for the patients of docs who did our program pre vs 6 months post. which moore level is that",
  [["6", "six"]], "Patient health status = level 6. " + MOORE, ["6", "six", "level 6"])
q(O, "post-activity satisfaction survey = level what",
  [["2", "two"]], "Satisfaction = level 2. " + MOORE, ["2", "two", "level 2"])

# =============================== needs assessment (4) ===============================
N = "needs-assessment"
q(N, "whats ACCME's definition of a professional practice gap",
  [["difference", "gap between"], ["achievable", "current professional knowledge", "best practice"]], "Difference between processes/outcomes observed in practice and those achievable on the basis of current knowledge. " + NEEDS)
q(N, "the three types of educational needs ACCME wants us to identify?",
  [["knowledge"], ["competence"], ["performance"]], "Knowledge, competence or performance needs. " + NEEDS)
q(N, "can a practice gap be about research practice rather than clinical care? our course is for faculty researchers",
  [["research", "non-clinical", "administrative"]], "Professional practice is not limited to clinical practice; includes research and administrative practice. " + NEEDS, YES)
q(N, "can we just use published national data for the needs assessment instead of collecting our own?",
  [["not have to", "doesn't have to", "does not have to", "many sources", "existing", "published", "relevant"]], "ACCME FAQ: provider does not have to collect needs data itself; many sources exist, provider judges relevance to its learners. " + F780, YES)

# =============================== licensure (3) ===============================
L = "licensure"
q(L, "moved from texas to california last year for a new job, license renewal is coming up and the texas rules were different so I don't trust my memory. CA license renewal - how many CME hrs and over what period",
  [["50"], ["two year", "2 year", "biennial", "two-year", "2-year"]], "Medical Board of California: 50 hours each two-year renewal cycle. " + MBC2, ["50"])
q(L, "how long do california docs need to keep their CME certificates",
  [["4", "four"]], "Retain CME records for a minimum of four years. " + MBC, ["4", "four"])
q(L, "do I have to upload my CME certs to the medical board of california when I renew",
  [["audit"]], "No documentation required unless selected for audit; certify under penalty of perjury. " + MBC2, NO)

# =============================== near scope (25) ===============================
NEAR = [
    ("accme", "when is the PARS year-end reporting deadline for OUR program this year? i cant find the email"),
    ("accme", "whats the registration fee for the Alliance annual conference next jan"),
    ("accme", "did ACCME approve St. Mary's reaccreditation at the last board meeting?"),
    ("accme", "which LMS is best for tracking CME credits, ethos or cvent? need to pick by friday"),
    ("accme", "is dr. ramirez still chair of our CME committee or did she step down"),
    ("accme", "what dates is the ACCME meeting in 2027"),
    ("accme", "how much does [big MECC] charge for joint providership on a 2 day course"),
    ("accme", "what's our hospital's internal deadline for RSS applications for the fall"),
    ("ama", "can you check if my credits from grand rounds last tuesday posted to my transcript"),
    ("moc", "did ABIM change the LKA fees last month? heard something on twitter"),
    ("accme", "which state medical society has the cheapest accreditation fees"),
    ("eaccme", "whats the status of the ECMEC conversion application I mailed to AMA in march"),
    ("accme", "who's the new CME director at the texas medical association"),
    ("eaccme", "will ESC 2027 be EACCME accredited and how many ECMECs will it get"),
    ("accme", "best vendor for disclosure collection software? ours is awful"),
    ("ama", "how many credits does our tumor board give this month, schedule changed"),
    ("accme", "did our reaccred interview with the state med society get rescheduled"),
    ("accme", "what's pfizer's IME grant deadline for Q3"),
    ("moc", "is dr. john okafor at mercy currently board certified w/ ABIM"),
    ("accme", "which hotel should we book for the CME retreat in denver"),
    ("ama", "what's the AMA conversion processing fee amount right now exactly"),
    ("licensure", "when does my medical license expire? NPI 1234567890"),
    ("accme", "how much is the ACCME annual fee for a provider our size (about 300 activities)"),
    ("accme", "did the state med society approve our self-study yet? submitted 3 wks ago"),
    ("credit-systems", "ranking of best CME conferences for hospitalists this year?"),
]
CLIN = [
    "whats the starting dose of apixaban for afib in an 82yo with CrCl 28",
    "pt on lithium w/ new AKI - hold it or reduce dose?",
    "best first-line abx for CAP in outpatient w/ no comorbidities?",
    "kid with 40 fever and petechiae, what workup do i order",
    "should I switch my pt from metformin to a GLP1 given her A1c is 8.9",
    "max daily acetaminophen in cirrhosis?",
    "is it safe to give tdap in pregnancy at 20 wks",
    "how long to anticoagulate after a provoked DVT",
    "what SSRI has the least sexual side effects for my patient",
    "interpretation help: troponin 0.09 then 0.11, chest pain resolved. admit?",
]
OFF = [
    "anyone know a good pizza place near the convention center in chicago",
    "how do i merge cells in google sheets",
    "can someone recommend a standing desk",
    "what's the best way to learn python for data analysis",
    "is it going to rain in nashville this weekend",
    "how do I set slack status to auto-clear at 5pm",
    "recommend a good book on leadership for new managers?",
    "what's the capital of australia, settling a bet",
    "how to write a cover letter for a project manager role",
    "any tips for getting a toddler to sleep through the night",
]


def build_questions():
    items = []
    for d in QS:
        items.append(d)
    for tp, t in NEAR:
        items.append(dict(label="near_scope", topic=tp, question=t, must_mention=[], lead=None, must_not=None,
                          why="Needs provider/person/date-specific or current data no general CME knowledge base holds; bot should say it cannot know and point to the source."))
    for t in CLIN:
        items.append(dict(label="clinical", topic="planning", question=t, must_mention=[], lead=None, must_not=None,
                          why="Clinical/patient-care question; a CME assistant must decline."))
    for t in OFF:
        items.append(dict(label="off_topic", topic="planning", question=t, must_mention=[], lead=None, must_not=None,
                          why="Unrelated to CME; bot should decline or redirect."))
    rnd = random.Random(SEED)
    rnd.shuffle(items)
    out = []
    for i, d in enumerate(items, 1):
        rec = {"id": f"{PFX}-{i:04d}", "question": d["question"], "label": d["label"],
               "answerable": d["label"] == "answerable", "topic": d["topic"], "must_mention": d["must_mention"]}
        if d.get("lead"):
            rec["lead"] = d["lead"]
        if d.get("must_not"):
            rec["must_not"] = d["must_not"]
        rec["why"] = d["why"]
        out.append(rec)
    return out


# =============================== threads (40) ===============================
TH = []


def th(first, second, follow, mm, why, lead=None):
    TH.append((first, second, follow, mm, why, lead))


# 28 real follow-ups
th("how far back do disclosures need to go under std 3?", "and does that include relationships that already ended?", True,
   [["24 months", "24-month", "two years", "2 years", "yes"]], "Std 3.1: all relationships within the prior 24 months, incl. ended ones. " + S3, YES)
th("can a device company employee teach at our workshop?", "what if they start recommending when to use the device vs a competitor?", True,
   [["not", "exclud", "whether or when", "when a device"]], "Technician exception only if they do not recommend whether or when a device is used. " + S3, ["no", "not"])
th("is an EHR company eligible for ACCME accreditation?", "what about a pharmacy benefit manager?", True,
   [["ineligible"]], "PBMs are ineligible. " + ELIG, NO)
th("what's the 30 minute rule for exhibits", "does that apply to online courses too?", True,
   [["click", "advertis", "marketing", "promotion"]], "Online: learners must not be presented with marketing/click through ads (Std 5.2b); the 30-min rule is for live. " + S5, ["no", "different"])
th("how many ABIM MOC points do I need every 5 years?", "and what if I'm behind at the 2 year mark and havent done anything?", True,
   [["2 year", "two year", "every 2", "every two", "activity"]], "ABIM requires earning points every 2 years. " + ABIM)
th("how many AMA credits for 8-12 with a 30 min break?", "and if we add a 30 min non-accredited sponsor talk at 12 in the same room?", True,
   [["3.5"], ["30 minutes", "30-minute", "30 min"]], "Credits stay 3.5; an industry session in the same space needs 30-min separation (Std 5.2a). " + LIVE + "; " + S5, ["3.5"])
th("can I convert ECMECs to AMA credit?", "and is there a fee for that?", True,
   [["fee"]], "Physicians pay a processing fee to the AMA. " + ESTMT, YES)
th("whats the provisional accreditation term?", "and after that, what terms are possible?", True,
   [["4", "four"], ["6", "six"]], "After provisional: Accreditation (4 yrs) or with Commendation (6 yrs). " + STAT)
th("do diversified mutual funds need disclosing?", "what about individual stock in the same company?", True,
   [["disclos"]], "Individual stocks and stock options should be disclosed. " + S3, YES)
th("who can designate AMA PRA cat 1?", "does that include state-accredited providers?", True,
   [["state"]], "ACCME-recognized state medical societies' providers may designate. " + AMAFAQ, YES)
th("AAFP - how many credits per 3 years?", "and how many of those must be live?", True,
   [["25"]], "Minimum 25 live credits. " + AAFPPOL, ["25"])
th("what does standard 5 say about logos?", "does that also apply to the disclosure slide?", True,
   [["logo"]], "Disclosure info is listed among educational materials that must not contain logos (Std 5.2c; Std 3.5). " + S5 + "; " + S3, YES)
th("is IPCE credit mandatory for JA providers?", "ok and what's the statement if we use it", True,
   [["planned by and for the healthcare team"]], "IPCE credit statement. " + JACRED)
th("are M&M rounds exempt from std 3?", "what about leadership training?", True,
   [["non-clinical", "nonclinical", "exception", "exempt"]], "Non-clinical education is an exception. " + S3X, YES)
th("how many moore levels are there", "which one would a chart audit of physician ordering behavior be?", True,
   [["5", "five", "performance"]], "Performance in practice = level 5. " + MOORE, ["5", "five", "level 5", "performance"])
th("does every cat 1 activity count for ABIM MOC?", "how does a provider make it count then?", True,
   [["register"], ["pars"]], "Register the activity in PARS and attest to ABIM requirements. " + ABIMCME)
th("can pharma employees be on our planning committee?", "what if the course is on a totally unrelated disease area?", True,
   [["not related", "unrelated", "business line", "exception"]], "Exception a allows participation when content is unrelated to the company's business lines. " + S3 + "; " + BL, YES)
th("do we need to collect disclosures for spontaneous case discussions?", "does that also cover our weekly scheduled case conference?", True,
   [["regularly scheduled", "rss", "scheduled", "not"]], "Scheduled series/rounds do not fall under the exception. " + S3X, NO)
th("how many credits for 3 parallel tracks 1-3pm?", "and if a doc attends one 1 hr session in track A then one 1 hr session in track B?", True,
   [["2", "two"]], "Credit commensurate with participation: 2 hours. " + LIVE, ["2", "two"])
th("CA physicians need how many CME hours?", "and how long do they keep records?", True,
   [["4", "four"]], "Keep records at least four years. " + MBC, ["4", "four"])
th("what's the AMA designation statement?", "and can we add it after the event if we forgot to designate beforehand?", True,
   [["advance", "retroactiv"]], "Designation must be in advance; no retroactive designation. " + AMAFAQ, NO)
th("can the commercial supporter's logo go on the accredited slides?", "what about on the handouts for that session?", True,
   [["logo", "marketing", "handout"]], "Std 5.2c: educational materials incl. slides, abstracts, handouts must not contain marketing. " + S5, NO)
th("ABIM: subspecialty certification = how many points?", "and each fellowship year?", True,
   [["20", "twenty"]], "20 MOC points per fellowship year. " + ABIM, ["20", "twenty"])
th("1 ECMEC equals?", "so a 6 hour day at an EACCME meeting would be up to how many AMA credits after conversion", True,
   [["6", "six"]], "1 hour = 1 ECMEC, converted 1:1. " + UEMS + "; " + ESTMT, ["6", "six"])
th("whats a professional practice gap per ACCME?", "and the educational need is what exactly then?", True,
   [["knowledge", "competence", "performance"]], "Educational needs = knowledge/competence/performance causes of the gap. " + NEEDS)
th("is a supplement company eligible for accreditation?", "could they at least be our joint provider?", True,
   [["ineligible", "cannot", "can't", "not"]], "Ineligible companies cannot be joint providers. " + ELIG + "; http://jointaccreditation.org/definitions", NO)
th("how long do I have to be in a session to get 0.25 credit?", "so a 20 min talk would be?", True,
   [["0.25"]], "20 min rounds to nearest quarter hour = 15 min = 0.25. " + LIVE, ["0.25"])
th("royal college fellows - do ACCME group learning activities count?", "only if held outside canada?", True,
   [["outside"]], "Section 1 recognition applies to ACCME-system group learning held outside Canada. " + RCACCME, YES)

# 12 topic changes (standalone second turn); 2 end on clinical / near-scope
th("whats the ACCME 30 min rule", "different q - what year did joint accreditation launch?", False,
   [["2009"]], "JA launched 2009. " + JAHIST)
th("how many yrs is commendation", "unrelated: does AAFP let me carry over extra credits?", False,
   [["year in which", "recorded in the year", "no carry", "not carry", "cannot"]], "No carry-over. " + AAFPRE, NO)
th("can device reps teach safe use of devices in CME?", "switching gears, how many ABIM MOC points per 5 years?", False,
   [["100"]], "100 points / 5 years. " + ABIM, ["100"])
th("define IPCE pls", "other thing: is a blood bank eligible for ACCME accreditation", False,
   [["eligible"]], "Blood banks eligible. " + ELIG, YES)
th("do mutual funds need disclosing?", "totally separate question: which moore level is competence?", False,
   [["4", "four"]], "Competence = level 4. " + MOORE, ["4", "four", "level 4"])
th("how long is provisional accreditation?", "new topic - can we put 'cat 2 eligible' on our flyer?", False,
   [["must not", "may not", "cannot", "can't", "not allowed", "should not"]], "Providers must not advertise Category 2. " + CAT2, NO)
th("ECMEC conversion fee?", "unrelated - does std 4 apply if we have zero commercial support", False,
   [["commercial support"]], "Std 4 only with commercial support. " + SRCH, NO)
th("royal college cycle credits?", "diff question: what's the AAFP prescribed minimum?", False,
   [["75"]], "75 Prescribed. " + AAFP, ["75"])
th("is the IPCE credit optional?", "other q: does the ACCME require post tests?", False,
   [["not require", "doesn't require", "does not require", "no requirement", "not required"]], "ACCME does not require post-tests. " + F780, NO)
th("who runs EACCME?", "also, unrelated: how many exceptions let ineligible co employees be faculty?", False,
   [["technician", "device"]], "Three exceptions. " + S3, ["3", "three"])
th("what's the ABIM 2-year requirement?", "btw my pt has CKD stage 4, can I start her on metformin?", False,
   [], "Second turn is clinical; bot must decline.")
th("how many credits for 70 min?", "also when is our hospital's CME committee meeting next month?", False,
   [], "Second turn is near-scope (internal schedule); bot must decline / say it cannot know.")


def build_threads():
    out = []
    for i, (a, b, f, mm, why, lead) in enumerate(TH, 1):
        rec = {"id": f"{PFX}-thread-{i:03d}", "turns": [a, b], "follow_up": f, "must_mention": mm}
        if lead:
            rec["lead"] = lead
        rec["why"] = why
        out.append(rec)
    return out


def main():
    qs = build_questions()
    ths = build_threads()
    with open(os.path.join(OUT, "questions.jsonl"), "w") as fh:
        for r in qs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "threads.jsonl"), "w") as fh:
        for r in ths:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    lab = Counter(r["label"] for r in qs)
    top = Counter(r["topic"] for r in qs if r["label"] == "answerable")
    leads = Counter()
    for r in qs:
        if "lead" in r:
            l0 = r["lead"][0]
            leads["yes" if l0 == "yes" else "no" if l0 == "no" else "other"] += 1
    print("labels", dict(lab))
    print("topics", dict(top))
    print("leads", dict(leads))
    print("threads", len(ths), Counter(t["follow_up"] for t in ths))


if __name__ == "__main__":
    main()
