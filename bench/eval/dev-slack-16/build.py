#!/usr/bin/env python3
"""Generator for dev-slack-16 (CME Slack-style eval set). Run: python3 build.py
Writes questions.jsonl and threads.jsonl next to this file. Shuffle seed 16."""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
S3 = "https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/"
ELIG = "https://accme.org/rule/eligibility"
S5 = "https://www.accme.org/accreditation-rules/standard-5-manage-ancillary-activities-offered-conjunction-accredited"
S5N = "https://accme.org/news/understanding-the-30-minute-rule"
STAT = "https://accme.org/about-accreditation/accreditation-status"
REC = "https://accme.org/rule/cme-activity-and-attendance-records-retention"
IP = "https://accme.org/accreditation-rules/accreditation-criteria/improves-performance"
SIZE = "https://www.accme.org/faq/8486"
ABIM = "http://www.accme.org/cme-counts-abim-moc"
F7921 = "https://accme.org/faq/7921"
F7922 = "http://accme.org/faq/7922"
RC = "https://accme.org/cme-counts-for-royal-college-moc"
RCREG = "https://www.royalcollege.ca/ca/en/cpd/maintenance-of-certification-program/moc-program-for-health-care-professionals-hcps/moc-regulations-policies-for-hcps.html"
NEEDS = "http://accme.org/rule/educational-needs/"
F780 = "http://accme.org/faq/780"
JAFAQ = "http://www.jointaccreditation.org/faq"
JAD = "http://www.jointaccreditation.org/designation-credits"
JAG = "https://jointaccreditation.org/glance"
AELIG = "https://www.accme.org/eligibility"
INELFAQ = "https://www.accme.org/faq/how-can-i-determine-if-my-organization-ineligible-company-formerly-known-commercial-interest"
ASRCH = "https://accme.org/search?search_api_fulltext=ineligible+company (ACCME FAQ listing)"
S3EX = "ACCME Standard 3 exceptions (accme.org standards; restated by cmadocs.org Compliance Corner, an ACCME-recognized state accreditor)"
S4 = "ACCME Standard 4 (accme.org/standards; wording restated in aoeconsulting weekly tip)"
AMAT = "https://www.ama-assn.org/education/cme/teaching-medical-students-residents"
AMAB = "AMA PRA booklet rules as restated by bumc.bu.edu/cme/activity-planning/cme-credit (no current ama-assn.org copy found)"
AMAFAQ = "http://www.ama-assn.org/ama/pub/category/16354.html (older AMA provider FAQ)"
EAC = "http://www.uems.net/main.php?category=6"
EACAMA = "https://uems.eanm.org/commitees/cme-accreditation/eaccme-and-ecmec (UEMS section page); conversion via https://edhub.ama-assn.org/pages/applications"
MBC = "http://www.mbc.ca.gov/Licensees/Continuing_Education/"
MBCFAQ = "https://www.mbc.ca.gov/Licensees/Continuing_Education/Continuing_Education_FAQ.aspx"
AAPA = "https://www.aapa.org/cme-central/cme-faqs/"
NCCPA = "http://www.nccpa.net/CMECategoryTypes"
MOORE = "Moore, Green & Gallis, JCEHP 29(1):1-15, 2009 (checked via secondary summaries only)"

Y = ["yes"]; N = ["no"]

def q(label, topic, text, mm=None, lead=None, mn=None, why=""):
    d = {"question": text, "label": label, "answerable": label == "answerable", "topic": topic,
         "must_mention": mm or []}
    if lead: d["lead"] = lead
    if mn: d["must_not"] = mn
    d["why"] = why
    return d

A = lambda topic, text, mm, why, lead=None, mn=None: q("answerable", topic, text, mm, lead, mn, why)

ACCME = [
 A("accme","whats the lookback for faculty disclosures now? still 12 mo?",[["24 months","24-month","two years","2 years"]],"Std 3.1: prior 24 months "+S3, N),
 A("accme","is there a $ threshold under which our planners dont have to disclose? someone said under 5k is fine",[["no minimum","any amount","regardless of the amount","no threshold","no dollar"]],"Std 3.1 no minimum financial threshold "+S3, N),
 A("accme","speaker has a vanguard total market index fund that obviously holds pharma. does she have to disclose that",[["mutual fund","diversified"]],"diversified mutual funds need not be disclosed "+S3, N),
 A("accme","ok so context: we run a monthly cardiology grand rounds RSS out of our health system. our march speaker just sent her disclosure form and she owns ~200 shares of a publicly traded company that makes a statin, and her talk is on lipid mgmt. my chair wants to pull her. can she still speak or is she out?",[["mitigat"],["disclos"]],"public stock is not ownership; relevant relationship must be mitigated and disclosed "+ASRCH, Y),
 A("accme","planner holds stock in a privately held device startup thats already in FDA review. topic is that device class. is he considered an owner?",[["owner"]],"private stock = owner of ineligible company; startup ineligible once regulatory approval begun "+ASRCH+" "+ELIG, Y),
 A("accme","if someone only has stock OPTIONS in a private ineligible company are they an owner under the standards",[["not"],["disclos","mitigat"]],"stock options do not make an owner; disclose "+ASRCH+"; "+S3, N),
 A("accme","do we still need to collect spouse/partner relationships on the disclosure form",[["no longer","not required","don't need","do not need","not need"]],"Std 3 asks about the individual's own relationships; spouse/partner language was in old SCS (12-month rule) "+S3, N),
 A("accme","what has to be in the disclosure info we show learners? list pls",[["name"],["nature"],["mitigated"]],"Std 3.5: individuals, companies, nature, statement all mitigated "+S3),
 A("accme","can we put the companies logos in the disclosure slide so its clear who they are",[["name"]],"Std 3.5 disclosure uses company names only, no logos "+S3, N),
 A("accme","none of our faculty have any relevant relationships. do we have to say anything to learners at all?",[["disclos","inform"]],"Std 3: disclose absence of relevant relationships too "+S3, Y),
 A("accme","when does mitigation have to happen - before the talk or before they start planning/speaking?",[["before","prior to"]],"Std 3.4 mitigate prior to individuals assuming their roles "+S3),
 A("accme","employee of a pharma co wants to teach on basic science of receptor signaling, no clinical recs. allowed?",[["basic science","research"]],"owner/employee exception b: basic science/research methods, no care recommendations "+S3, Y),
 A("accme","device rep offered to run the hands-on station showing how to load and calibrate their stapler. ok under std 3?",[["technician","safe and proper use"]],"exception c: technicians teaching safe and proper use of device, no whether/when "+S3, Y),
 A("accme","can a device co employee present on WHEN to choose their device vs competitors in our ortho course",[["whether or when","when","recommend"]],"technician exception excludes recommending whether or when a device is used "+S3, N, ["yes, they can present on when"]),
 A("accme","we have a weekly tumor board we run as an RSS, ~40 sessions a yr. the attendings say its all case-driven so learners control the content and we shouldnt need std 3 disclosures. is that right or do we need to do the whole identify/mitigate/disclose thing",[["tumor board","regularly scheduled","RSS"]],"RSS, M&M and tumor boards are NOT Std 3 exceptions "+S3EX, Y),
 A("accme","leadership workshop for dept chairs (budgeting, conflict mgmt). do i need to collect financial disclosures",[["non-clinical","nonclinical","exception"]],"Std 3 exception 1: non-clinical education "+S3EX, N),
 A("accme","M&M conference - do we still have to do std 3 for it?",[["yes","must","comply","applies"]],"M&M rounds not excepted "+S3EX, Y),
 A("accme","do our enduring modules need the std 3 identify/mitigate/disclose process, or do they count as self-directed?",[["yes","not self-directed","must","applies"]],"enduring materials are not self-directed education for the exception "+S3EX, Y),
 A("accme","who counts as an ineligible company again? quick definition",[["primary business"],["producing","marketing","selling","distributing"]],"eligibility rule definition "+ELIG),
 A("accme","is an EHR vendor an eligible org? they want to co-plan a session w us",[["eligible"]],"EHR companies listed as eligible "+ELIG, Y),
 A("accme","health insurer / managed care co - eligible to be accredited y/n",[["eligible"]],"insurance or managed care companies eligible "+ELIG, Y),
 A("accme","is a PBM an ineligible company",[["ineligible"]],"PBMs listed as ineligible "+ELIG, Y),
 A("accme","compounding pharmacy that makes its own proprietary compounds - ineligible?",[["ineligible"]],"compounding pharmacies manufacturing proprietary compounds are ineligible "+ELIG, Y),
 A("accme","regular retail pharmacy, no proprietary compounds. can they be accredited",[["eligible"]],"pharmacies that do not manufacture proprietary compounds are eligible "+ELIG, Y),
 A("accme","ad agency whose clients are mostly pharma wants to be our joint provider. ok?",[["ineligible"]],"advertising/marketing firms with ineligible-company clients are ineligible "+ELIG, N),
 A("accme","a supplement / medical food company wants to fund our nutrition course. are they an ineligible co",[["ineligible"]],"growers/manufacturers/sellers of medical foods and supplements are ineligible "+ELIG, Y),
 A("accme","diagnostic lab that does NOT sell proprietary products, eligible or not",[["eligible"]],"diagnostic labs without proprietary products eligible "+ELIG),
 A("accme","when does a biotech startup with no product on the market become an ineligible co?",[["regulatory","approval"]],"startup ineligible once it has begun a governmental regulatory approval process "+ELIG),
 A("accme","fitness tracker / wearable maker ineligible?",[["ineligible"]],"manufacturers of health-related wearables ineligible "+ELIG, Y),
 A("accme","physician gets patent royalties from a device co. can he still be on our planning cmte if we handle it like any other relationship?",[["not an owner","not considered","not owner","mitigat"]],"patent royalty recipients are not owners/employees; may control content with appropriate mitigation "+ASRCH, Y),
 A("accme","can we ask our pharma grant contacts to suggest speakers for the diabetes update",[["speaker","topic","suggest"]],"ACCME FAQ: provider may not ask ineligible companies for speaker/topic suggestions "+ASRCH, N),
 A("accme","how far do exhibits need to be from the accredited session under std 5",[["30 minutes","30-minute","thirty minutes"]],"Std 5.2a: not in educational space within 30 minutes before/after "+S5),
 A("accme","we want an industry-sponsored non-accredited lunch symposium in the same ballroom right after our morning CME block ends at 12. fine?",[["30 minutes","30-minute"]],"Std 5.2a 30-minute buffer in same space "+S5+" "+S5N, N),
 A("accme","can a non-accredited industry session run at the SAME time as our accredited session if its in a different room",[["separate","different room","space"]],"ACCME 30-minute rule Q1: separate spaces may be simultaneous "+S5N, Y),
 A("accme","do i need a 30 min gap between CME and a dept business/leadership meeting in the same room",[["non-clinical","nonclinical","exception"]],"30-minute rule Q2: not needed when nonaccredited session meets Std 3 exception 1 "+S5N, N),
 A("accme","online module - can we put a pre-roll ad from the sponsor before the video starts?",[["advertis","ad ","ads","marketing","promotion"]],"Std 5.2b learners must not have to click through/watch ads to reach education "+S5, N),
 A("accme","can the handouts/slide deck carry the supporter's product logo in the footer",[["logo"]],"Std 5.2c educational materials must not contain logos/trade names "+S5, N),
 A("accme","can we give ineligible co exhibitors our attendee list w emails",[["consent"]],"Std 2.3 learner info only with explicit consent "+S3.replace("identify-mitigate-and-disclose-relevant-financial-relationships","prevent-commercial-bias-and-marketing-accredited-continuing-education")+" (Standard 2 text, not separately fetched)"),
 A("accme","grant from a pharma co - can they pay our hotel caterer directly instead of sending money to us",[["provider"],["not","no"]],"commercial support goes to the provider; company does not pay costs directly "+S4+"; old SCS FAQ same", N),
 A("accme","we got a grant from a device co for our spring ortho symposium. our program director wants to use part of it to cover travel + hotel for 4 residents who are coming as attendees (not presenting). is that ok under std 4",[["learner","travel","lodging","hotel"]],"Std 4: cannot pay travel/lodging/honoraria/personal expenses of learners; may reduce cost for all learners "+S4, N),
 A("accme","can commercial support pay our faculty honoraria?",[["yes","may","can"]],"Std 4 support may pay planner/faculty honoraria and expenses "+S4, Y),
 A("accme","do we have to tell learners who gave commercial support, and what for in-kind",[["name"],["in-kind","nature"]],"Std 4.4 disclose supporter names and nature of in-kind support "+S4, Y),
 A("accme","what are the accreditation statuses and term lengths? new director here",[["provisional"],["4","four"],["6","six"]],"five levels, 2/4/6 yr terms "+STAT),
 A("accme","how long is provisional accreditation",[["2 years","two years","two-year","2-year"]],"provisional 2-year term "+STAT),
 A("accme","how long a term do you get with commendation",[["6","six"]],"commendation six-year term "+STAT),
 A("accme","how many commendation criteria do we need to hit",[["8","eight"],["outcomes"]],"7 from any category + 1 Achieves Outcomes = 8 "+STAT, ["8","eight"]),
 A("accme","can we pick all 8 commendation criteria from team-based ed + public health and skip the outcomes ones?",[["outcomes"]],"at least one from Achieves Outcomes required "+STAT, N),
 A("accme","we're a first-time applicant, can we go for commendation on our initial?",[["provisional"]],"initial applicants receive Provisional Accreditation; commendation at reaccreditation "+STAT, N),
 A("accme","probation - can we still jointly provide activities while on probation",[["joint"]],"providers on probation may not jointly provide new activities (fact sheet; accme.org accreditation-status page lists probation) "+STAT, N),
 A("accme","how long do we need to keep attendance records",[["6 years","six years","6-year","six-year"]],"attendance verifiable 6 years "+REC, ["6","six"]),
 A("accme","and activity planning files? how long",[["accreditation term","12 months","twelve months"]],"current accreditation term or 12 months, whichever longer "+REC),
 A("accme","does ACCME require sign in sheets for attendance",[["sign-in","sign in"]],"ACCME does not require sign-in sheets "+REC, N),
 A("accme","do we have to issue certificates to every learner",[["certificate"]],"ACCME does not require certificates (complaint summary, accme.org); must record/verify participation "+REC, N),
 A("accme","audit prep: our grand rounds from 2021 - do we still need the sign-in data? today is late 2026",[["6 years","six years","6-year"]],"6 years from activity date "+REC),
 A("accme","how do we know if we should be ACCME accredited vs accredited by our state medical society",[["30%","30 percent","thirty percent"]],"national: >=30% learners beyond home/contiguous states "+AELIG),
 A("accme","can we hold both ACCME accreditation and state medical society accreditation at the same time",[["both","same time","either"]],"may not maintain both at once "+AELIG, N),
 A("accme","does ACCME accredit individual activities? a vendor asked us to get their webinar 'ACCME accredited'",[["organization","provider"]],"ACCME accredits organizations not activities "+AELIG, N),
 A("accme","hospital system RSS - for commendation program size, does each grand rounds session count as its own activity",[["single activity","one activity","each year"]],"RSS counted as a single activity each year "+SIZE, N),
 A("accme","program size cutoffs for commendation? we have ~120 activities per term",[["large","101"]],"S<=39, M 40-100, L 101-250, XL >250 "+SIZE),
 A("accme","improves performance criterion - what % of activities",[["10%","10 percent","ten percent"]],"at least 10% of activities, no fewer than two "+IP, ["10","ten"]),
 A("accme","for improves performance we're a small program. how many activities' evidence do we submit",[["2","two"]],"S:2 M:4 L:6 XL:8 "+IP, ["2","two"]),
 A("accme","health system CME office here, big program - 300+ activities per term. going for commendation w/ improves performance. how many activities' evidence do we submit?",[["8","eight"]],"XL: 8 "+IP, ["8","eight"]),
 A("accme","enduring material has been up since 2023 unchanged. for PARS / program size is it 1 activity or 1 per year",[["one activity","1 activity","single","3-year","three-year","3 year"]],"enduring counted as one activity per 3-year period "+SIZE),
 A("accme","is PARS the thing where we register MOC activities too or is that separate",[["PARS"]],"PARS used to register activities for ABIM MOC "+ABIM, Y),
 A("accme","internal-only CME for our employed docs - do we have to list it publicly on CME Passport",[["limited","not","choose"]],"provider can choose not to list or mark registration limited "+F7921, N),
 A("accme","doc wants to upload her own certificates into CME Passport. can she?",[["provider","report"]],"Passport shows data reported by providers via PARS "+F7921, N),
 A("accme","complaint accountability window for a live course - how long after it ends",[["12 months","twelve months","one year"]],"accountable 12 months from date live activity ended "+REC),
 A("accme","for a series how long are we accountable for complaints? from the series start?",[["12 months","twelve months"],["session"]],"12 months from date of the session in question "+REC),
 A("accme","pharma co wants a 'gold sponsor' tier for bigger grants, does ACCME allow different recognition levels",[["yes","can","may"]],"ACCME FAQ: provider can designate categories of supporters (older SCS FAQ, accme.org)", Y),
 A("accme","std 1 question - can we accredit a session teaching a therapy that's known to be ineffective, if we present it 'balanced'?",[["ineffective","risk","unscientific","valid"]],"Std 1 / eligibility: no promotion of treatments known ineffective or risks outweigh benefits "+AELIG, N),
 A("accme","our pharma supporter asked to review the slides before the meeting 'for accuracy'. do we have to let them",[["review"]],"no requirement to share content with supporter; obligating a review is noncompliance (accme.org SCS FAQ; Std 2/4)", N),
 A("accme","ok so what exactly is the ACCME accreditation statement for directly provided activities",[["is accredited by the Accreditation Council for Continuing Medical Education","is accredited by the ACCME"],["to provide continuing medical education for physicians"]],"direct statement wording (accme.org; restated gist of ACCME wording)"),
 A("accme","can a non-accredited specialty society offer CME credit if they partner w/ us",[["joint providership","jointly provid"]],"joint providership with accredited provider "+AMAFAQ+"; fact sheet", Y),
 A("accme","faculty member refuses to fill out the disclosure form. what happens",[["cannot","can't","not","exclude","disqualif"]],"individuals who refuse cannot control content (Std 3; old SCS 2.2 same)"),
 A("accme","verbal disclosure from a speaker on the phone - acceptable?",[["verbal","verify","document"]],"verbal disclosure OK if provider can verify the person was given definition and 24-month requirement (ACCME Std 3 key concept, restated peniya; "+S3+")", Y),
]
assert len(ACCME) == 75, len(ACCME)

AMA = [
 A("ama","can we designate AMA PRA cat 1 after the fact? event was last week and we forgot",[["advance","retroactive"]],"designated in advance, not retroactively "+AMAFAQ, N),
 A("ama","we're not accredited. can we just put AMA PRA Category 1 on our flyer if content is good",[["accredited","joint providership","jointly"]],"only ACCME/state-accredited providers (or via joint providership) "+AMAFAQ, N),
 A("ama","how many credits: 8:00-12:00 with a 30 min coffee break",[["3.5"]],"60 min = 1 credit, exclude breaks "+AMAB, ["3.5"]),
 A("ama","pasting our agenda: 7:30-8:00 welcome/housekeeping, 8:00-12:00 sessions w/ a 15 min break at 10, 12:00-1:00 lunch (no CME), 1:00-4:30 sessions w/ a 15 min break at 2:45. ends 4:30. max AMA cat 1 credits?",[["6.5"]],"9h minus 1h lunch, 0.5h breaks, 0.5h non-educational = 7? check: 9-1-0.5-0.5=7",None),
 A("ama","2-day course: day 1 is 6h15m of education, day 2 is 4h40m. what do we designate",[["11"]],"6.25 + 4.75 (4h40 rounds to 4.75) = 11.0 using nearest quarter hour "+AMAB, ["11"]),
 A("ama","we have 3 parallel breakouts 1-2pm each 60 min. do we add 3 credits?",[["1","one"],["once","simultaneous","parallel"]],"simultaneous sessions counted once toward maximum "+AMAB, N),
 A("ama","whats the smallest credit increment for a live activity",[["0.25","quarter","15 min"]],"15-minute / 0.25 credit increments "+AMAB),
 A("ama","50 min webinar, how many credits",[["0.75"]],"50 min rounds to nearest quarter hour = 0.75 "+AMAB, ["0.75"]),
 A("ama","can we give credit for the 20 min exhibit hall walkthrough built into the agenda",[["exclud","non-CME","not count"]],"non-CME portions excluded from designated maximum "+AMAB, N),
 A("ama","exact wording of the AMA credit designation statement pls",[["designates this"],["AMA PRA Category 1 Credit"],["commensurate with the extent of their participation"]],"designation statement pattern (AMA; restated meetingsnet)"),
 A("ama","can we write 'Category 1 credit' in our brochure or does it need the full trademarked name",[["AMA PRA Category 1 Credit"]],"full name with trademark (AMA 2006 booklet, restated meetingsnet)"),
 A("ama","our faculty presented a 1 hr original talk at our own accredited live course. how much cat 1 can they get for teaching",[["2","two"]],"faculty may get 2 credits per hour presenting at live activity (AMA booklet restated usuhs.mil/bumc)", ["2","two"]),
 A("ama","speaker gave same talk 3 times at the conference. teaching credit for all 3?",[["once"]],"credit only once for repeated presentations (AMA booklet restated usuhs.mil)", N),
 A("ama","can faculty also claim learner credit for the session they themselves presented",[["own","present","simultaneous"]],"faculty may not claim simultaneous learner credit for own session (usuhs.mil restating AMA)", N),
 A("ama","can an accredited provider designate an activity for AMA PRA Category 2",[["self"]],"Category 2 is self-claimed; providers do not designate "+AMAB, N),
 A("ama","what kind of stuff counts for cat 2",[["self-claim","self claim","physician","claimed by"]],"Category 2: physician self-claims worthwhile non-promotional learning (AMA booklet)"),
 A("ama","enduring module - do we need a post-test with a passing score for cat 1?",[["assessment"],["minimum","passing","performance level"]],"enduring materials must include assessment with established minimum performance level (AMA 2010 revision, restated policymed)", Y),
 A("ama","journal CME - does the article have to be peer reviewed?",[["peer"]],"journal-based CME: peer-reviewed article + assessment (AMA, restated policymed)", Y),
 A("ama","PI CME - can docs start at stage B if they already have baseline data",[["stage A","Stage A"]],"must begin with Stage A (AMA 2011 update, restated meetingsnet)", N),
 A("ama","our attendings precepting med students - can that be cat 1 anymore?",[["Category 1","cat 1","category 1"]],"since March 2013 AMA recognizes learning associated with teaching med students/residents as certifiable for Category 1 "+AMAT, Y),
 A("ama","for 'learning from teaching' cat 1, is it based on prep time or teaching time",[["teaching"]],"credit based on teaching time after learning, not prep (AMA teaching page; med.unr.edu restatement) "+AMAT),
 A("ama","PAs and NPs came to our physician conference. can we give them AMA PRA cat 1 credit",[["participation","attendance"]],"AMA PRA Category 1 Credit for physicians; others receive certificate of participation (AMA; RC agreement page)", N),
 A("ama","designation: can we award 'up to' a number and let people claim less",[["commensurate","extent of their participation"]],"physicians claim only credit commensurate with participation (designation statement)"),
 A("ama","90 minute session w/ 15 min Q&A at end - Q&A count?",[["1.5"]],"Q&A is formal interaction with faculty; 90 min = 1.5 (AMA: participation = formal interaction between faculty and audience) "+AMAB, ["1.5"]),
 A("ama","3 day conf: each day 8-5 with 1h lunch and two 30min breaks. total",[["21"]],"9-1-1 = 7 per day x3 = 21 "+AMAB, ["21"]),
 A("ama","physician reviewed a manuscript for a journal. does manuscript review get cat 1 automatically?",[["editor"]],"manuscript review credit only if journal editor approves the review (AMA 2011 update, restated meetingsnet)", N),
 A("ama","does AMA need to be notified of each RSS session designation",[["designat","accredited provider","provider"]],"accredited providers designate credit themselves; AMA doesn't approve each activity (AMA provider FAQ) "+AMAFAQ, N),
 A("ama","one of our hospitalists went to a congress in Berlin, got a certificate for 14 ECMECs. she needs AMA cat 1 for her hospital credentialing. how does she get it converted",[["convert","conversion"],["AMA"]],"EACCME credit convertible via AMA application + fee "+EACAMA),
]
# fix the agenda arithmetic item
AMA[3] = A("ama","pasting our agenda: 7:30-8:00 welcome/housekeeping, 8:00-12:00 sessions w/ a 15 min break at 10, 12:00-1:00 lunch (no CME), 1:00-4:30 sessions w/ a 15 min break at 2:45. ends 4:30. max AMA cat 1 credits?",[["7"]],"9h - 1h lunch - 0.5h breaks - 0.5h non-educational = 7 "+AMAB, ["7","seven"])
assert len(AMA) == 28, len(AMA)

MOC = [
 A("moc","how do we register an activity for ABIM MOC - still a separate ABIM application?",[["PARS"]],"since 9/30/15 register in ACCME PARS, no separate ABIM application "+ABIM, N),
 A("moc","what learner fields do we need to report for MOC in PARS",[["board"],["birth","DOB"]],"board ID, first/last name, month/day of birth, completion date, credit "+F7921),
 A("moc","do we need the full DOB incl year for MOC reporting",[["month and day","mm/dd","month/day"]],"month and day only "+F7921, N),
 A("moc","deadline to enter learner completions for MOC after they finish?",[["30 days","thirty days"]],"no more than 30 days after completing evaluation requirements "+F7921),
 A("moc","do we need learner permission before sending their data to the board",[["permission","consent"]],"obtain permission from learner "+F7921, Y),
 A("moc","ABP - can different learners get different MOC credit amounts for same activity",[["same"]],"ABP: all learners same number of MOC credits "+F7921, N),
 A("moc","ABIM - variable credit by engagement ok?",[["different","variable","engagement"]],"ABIM/ABA/etc allow different credits per engagement "+F7921, Y),
 A("moc","does a live course need an evaluation component to count for ABIM MOC points",[["evaluation"]],"comprehensive evaluation component required "+F7922, Y),
 A("moc","are MOC points always equal to the CME credits",[["usually","most","not always","fewer","less"]],"usually equal; large meeting may have fewer MOC points "+F7922, N),
 A("moc","annual meeting 20 sessions, only 5 meet ABIM reqs. how many MOC points do we enter",[["5","five"]],"enter points reflecting only qualifying sessions "+F7922, ["5","five"]),
 A("moc","annual meeting w/ many sessions - report as one activity or per session in PARS",[["single","one"]],"multi-session annual meeting reported as single activity "+F7922),
 A("moc","we're state-accredited not ACCME direct. can we register for ABIM MOC",[["state"]],"available to all providers in ACCME System incl state-accredited "+ABIM, Y),
 A("moc","is the ABIM MOC statement mandatory even if we use the CME/MOC badge?",[["mandatory","required"]],"MOC statement mandatory, badge optional "+ABIM, Y),
 A("moc","canadian royal college fellows attend our MOC-registered course. can they use it for section 3",[["Section 3"]],"ACCME-Royal College agreement: MOC-registered activities count for Section 3 "+RC, Y),
 A("moc","ACCME-accredited group learning held outside Canada - what section for royal college fellows",[["Section 1"]],"Section 1 Group Learning "+RC),
]
assert len(MOC) == 15

EAC = [
 A("eaccme","how many ECMECs per hour",[["1","one"]],"1 ECMEC = 1 hour "+EAC, ["1","one"]),
 A("eaccme","we're a society based in Belgium doing a 2-day live event in Lisbon next spring. how far ahead do we need to submit to EACCME",[["12 weeks","twelve weeks","3 months","three months"]],"older uems.net: 3 months; later LEE criteria: 12 weeks (transition host only) "+EAC),
 A("eaccme","can we get EACCME accreditation for our live meeting in Boston",[["USA","United States","U.S.","North America","Canada"]],"LEEs in USA/Canada not accepted (mutual recognition) - eu-acme.org FAQ; UEMS slides", N),
 A("eaccme","so EACCME accredits each event separately, not our organization as a whole?",[["event","activity","activities"]],"EACCME accredits individual events/materials "+EAC, Y),
 A("eaccme","can we put the main sponsor's name in our event title for EACCME",[["reject","title"]],"sponsor name in title -> rejection (eu-acme.org application process page)", N),
 A("eaccme","do ECMECs convert to AMA credit 1:1?",[["1:1","one-to-one","one to one","one (1) hour","equivalent"]],"UEMS-AMA agreement; 1 hour = 1 credit "+EACAMA, Y),
 A("eaccme","US doc converting ECMECs - who processes it, the UEMS or AMA",[["AMA"]],"application to AMA with certificate and fee "+EACAMA),
 A("eaccme","does the AMA charge a fee to convert EACCME credit",[["fee"]],"processing fee "+EACAMA, Y),
]
CS = [
 A("credit-systems","how many hrs is 1 ANCC contact hour",[["60"]],"1 contact hour = 60 minutes (ANCC formula as restated by provider pages; fact sheet)", ["60","sixty"]),
 A("credit-systems","PA here - does AMA PRA cat 1 from an ACCME provider count as category 1 for NCCPA",[["NCCPA","Category 1","category 1"]],"NCCPA accepts AMA PRA Category 1 from ACCME-accredited orgs "+NCCPA, Y),
 A("credit-systems","how many CME credits do PAs need per 2-yr NCCPA cycle and how much cat 1",[["100"],["50"]],"100 credits every 2 years incl >=50 Category 1 "+AAPA),
 A("credit-systems","royal college MOC: how many credits per cycle",[["400"]],"400 credits per 5-year cycle "+RCREG, ["400"]),
 A("credit-systems","royal college - minimum per year?",[["40"]],"40 credits each year "+RCREG, ["40","forty"]),
 A("credit-systems","royal college cycle length",[["5","five"]],"five-year cycle "+RCREG, ["5","five"]),
 A("credit-systems","royal college MOC - is there a per-section minimum",[["25"]],"25 credits in each section per cycle "+RCREG, Y),
 A("credit-systems","does NCCPA accept EACCME credits as category 1 for PAs",[["EACCME"]],"NCCPA lists EACCME among Category 1 sources "+NCCPA, Y),
]
JAQ = [
 A("joint-accreditation","what % of our activities have to be interprofessional for joint accreditation",[["25"]],"at least 25% IPCE "+JAFAQ, ["25"]),
 A("joint-accreditation","the 25% - over what time window is it counted",[["18 months","eighteen months"]],"activities in past 18 months "+JAFAQ),
 A("joint-accreditation","we have no accreditation at all yet. can we apply directly for JA",[["yes","eligible","can"],["2","two"]],"non-accredited org can apply; max 2-year term "+JAFAQ, Y),
 A("joint-accreditation","definition of IPCE?",[["two or more"],["with, from, and about","with, from and about"]],"IPCE definition "+JAG),
 A("joint-accreditation","is IPCE credit optional for JA providers",[["optional"]],"use of IPCE credit optional "+JAD, Y),
 A("joint-accreditation","exact IPCE credit statement wording?",[["planned by and for the healthcare team"],["Interprofessional Continuing Education (IPCE) credit"]],"IPCE statement "+JAD),
 A("joint-accreditation","for our sepsis update we had RNs, pharmacists and MDs attend, maybe 40% non-physician. but honestly only the 3 ED docs planned it. can we count it toward our IPCE %?",[["plan"]],"IPCE must be planned by/for the team; 'interprofessional registration' isn't IPCE (accme.org JA video) "+JAFAQ, N),
 A("joint-accreditation","as a JA provider can we still do single-profession activities, like pharmacy-only",[["single","profession"]],"JA providers may offer single-profession CE, following JA criteria "+JAFAQ, Y),
]
OUT = [
 A("outcomes","moore's levels - which level is performance",[["5","five"]],"Level 5 performance "+MOORE, ["5","five","level 5"]),
 A("outcomes","we did a pre/post knowledge test. what moore level is that",[["3"]],"Level 3 declarative/procedural knowledge "+MOORE, ["3","level 3"]),
 A("outcomes","case vignettes asking what they'd do - competence or performance per ACCME?",[["competence"]],"ACCME: competence = what you'd do if you could (strategy); performance = in practice "+F780),
 A("outcomes","does ACCME require post-tests for our activities",[["post-test","post test","posttest"]],"ACCME does not require post-tests "+F780, N),
 A("outcomes","for the improves performance commendation criterion, is self-reported intent to change enough?",[["measure"]],"criterion requires measuring performance change and demonstrating improvement "+IP, N),
 A("outcomes","patient health outcomes = which moore level",[["6","six"]],"Level 6 patient health "+MOORE, ["6","level 6","six"]),
]
NEEDSQ = [
 A("needs-assessment","what is a professional practice gap per ACCME",[["difference","gap between"],["achievable","best","desired"]],"ACCME definition adapted from AHRQ "+NEEDS),
 A("needs-assessment","can we use national data (guidelines, registries) for our needs assessment instead of collecting our own?",[["relevan","national","learners"]],"provider does not have to collect needs data itself; determine relevance to learners "+F780, Y),
 A("needs-assessment","educational needs - which 3 types does the criterion list",[["knowledge"],["competence"],["performance"]],"Educational Needs criterion "+NEEDS, ["knowledge"]),
 A("needs-assessment","can a practice gap be non-clinical, like research or admin practice?",[["research","administrative","non-clinical","nonclinical"]],"professional practice not limited to clinical "+NEEDS, Y),
]
LIC = [
 A("licensure","california docs - how many CME hours per renewal",[["50"],["two","2","biennial"]],"50 hours per biennial cycle "+MBC, ["50","fifty"]),
 A("licensure","california one-time pain mgmt / terminally ill requirement - how many hrs",[["12","twelve"]],"one-time 12 hours "+MBC, ["12","twelve"]),
 A("licensure","are radiologists exempt from the CA 12-hour pain mgmt CME",[["yes","exempt"]],"pathologists and radiologists exempted "+MBC, Y),
]

NEAR = [q("near_scope","accme",t) for t in [
 "whats our health system's internal deadline to submit RSS applications for Q1?",
 "how much does the ACCME annual fee come to for a program our size this year exactly?",
 "did ACCME already vote on our reaccreditation at last month's board meeting?",
 "which LMS is best for CME tracking, cvent or ethosce or something else?",
 "is Dr. Patel at Memorial still on the ABIM MOC audit list?",
 "when is the Alliance annual conference next year and where",
 "our JA reaccred self-study is due when? we lost the email",
 "what did ABIM decide about our activity audit that got flagged in october",
 "can you pull the PARS report for our program and tell me how many RSS we have",
 "whats the current EACCME fee for a 600-person meeting? need exact euro amount for budget",
 "is Novartis still funding IME grants in oncology this cycle",
 "who's the ACCME staff contact assigned to our provider number",
 "which CME outcomes vendor gives the best price per learner",
 "is our state medical society's accreditation fee going up in 2027?",
 "what date does the PARS year-end reporting window close THIS year for us specifically",
 "did our joint provider partner (the derm society) sign the agreement yet?",
 "how many learners completed our opioid REMS module last month?",
 "rank the top 5 CME conferences for hospitalists in 2027",
 "what's the going rate for a keynote honorarium in cardiology these days",
 "when is the next Royal College MAINPORT outage scheduled",
 "is Sarah from the UEMS office back from leave? she had our application",
 "did the AMA change the conversion processing fee this month",
 "our CME committee meets when next? need to add an agenda item",
 "which grant tracking software do most academic CME offices use now",
 "has the Texas Medical Association finished reviewing our progress report",
]]
CLIN = [q("clinical","planning",t) for t in [
 "whats the starting dose of apixaban for afib in a pt with ckd 3?",
 "should i switch my pt from metformin to an sglt2 given egfr 40",
 "quick one - first line abx for CAP in outpatient w/ no comorbidities?",
 "how do i taper prednisone after 3 weeks at 40mg",
 "is it safe to give a flu shot to someone w/ egg allergy",
 "pt on warfarin INR 5.2 no bleeding, what do i do",
 "what's the max daily acetaminophen for a pt with cirrhosis",
 "best initial imaging for suspected PE in pregnancy?",
 "can you recommend a statin for a 55yo with ldl 190",
 "our speaker says ivermectin works for covid - is that true? asking for my own patients",
]]
OFF = [q("off_topic","planning",t) for t in [
 "can you help me write a birthday message for my boss",
 "whats a good lunch spot near the convention center in chicago",
 "how do i make a pivot table in excel",
 "who won the world series last year",
 "translate 'welcome to the conference' into spanish pls",
 "recommend a podcast for my commute?",
 "how do i reset my slack password",
 "write a haiku about mondays",
 "whats the weather going to be in denver next week",
 "best way to remove red wine from a carpet?",
]]

answerable = ACCME + AMA + MOC + EAC + CS + JAQ + OUT + NEEDSQ + LIC
assert len(answerable) == 155, len(answerable)
allq = answerable + NEAR + CLIN + OFF
assert len(allq) == 200

def T(first, second, fu, mm, why, lead=None, mn=None):
    d = {"turns": [first, second], "follow_up": fu, "must_mention": mm}
    if lead: d["lead"] = lead
    if mn: d["must_not"] = mn
    d["why"] = why
    return d

THREADS = [
 # 28 follow-ups (about a third change one fact of the case)
 T("our half-day is 8:00-12:30 with a 30 min break, how many AMA cat 1 credits?","what if the break is 15 min instead?",True,[["3.75"]],"4.5h-0.25 = 4.25? no: 8:00-12:30=4.5h minus 0.25 = 4.25 "+AMAB,["4.25"]),
 T("speaker owns shares in a public pharma co, presenting on that company's drug class. what do we do?","what if the company is privately held instead?",True,[["owner"]],"private stock = owner; excluded unless exception "+ASRCH),
 T("is an EHR company eligible to be accredited?","what about a PBM?",True,[["ineligible"]],"PBM ineligible "+ELIG,N),
 T("how long do we keep attendance records for ACCME?","and the activity planning files?",True,[["accreditation term","12 months","twelve months"]],REC),
 T("how many ECMECs for a 1 hour session?","and if a US doc wants those as AMA credit, is it 1:1?",True,[["1:1","one-to-one","equivalent","one (1) hour","one hour"]],EACAMA,Y),
 T("how long is provisional accreditation?","and with commendation?",True,[["6","six"]],STAT,["6","six"]),
 T("is a tumor board exempt from std 3 disclosures?","what about a team huddle that just spontaneously turns into a case discussion?",True,[["exception","exempt","learners control","spontaneous"]],S3EX,Y),
 T("can commercial support pay faculty honoraria?","and can it pay for learners' hotel rooms?",True,[["learner","hotel","lodging","travel"]],S4,N),
 T("for improves performance, how many activities' evidence does a small program submit?","and a large program?",True,[["6","six"]],IP,["6","six"]),
 T("for ABIM can learners get different MOC credit amounts depending on how much they do?","does that apply to ABP too?",True,[["same"]],F7921,N),
 T("we're a first-time ACCME applicant - what term do we get?","what if we're applying for JA instead without any current accreditation?",True,[["2","two"]],JAFAQ,["2","two"]),
 T("california requires how many CME hours per cycle?","ok and the one-time 12 hr pain mgmt piece - do pathologists have to do it too?",True,[["exempt","not required","no"]],"pathologists and radiologists exempted "+MBC,N),
 T("live webinar 60 min, how many credits?","what if it's 40 min?",True,[["0.75"]],"40 min rounds to nearest quarter hour = 0.75 "+AMAB,["0.75"]),
 T("device rep teaching safe use of their device at a hands-on lab - allowed?","and if the rep also covers which patients should get the device?",True,[["whether or when","recommend","technician"]],S3,N),
 T("do exhibits need 30 min separation from accredited ed in the same room?","what if the exhibits are in a totally separate hall at the same time?",True,[["yes","separate","allowed","can"]],S5N,Y),
 T("is a diagnostic lab ineligible?","what if the lab sells its own proprietary tests?",True,[["ineligible"]],ELIG,Y),
 T("JA: what percent of activities need to be IPCE?","over what period?",True,[["18 months","eighteen months"]],JAFAQ),
 T("whats the lookback period for financial relationships under the standards?","does that include relationships that ended 20 months ago?",True,[["yes","24"]],S3,Y),
 T("royal college MOC cycle is how many credits?","and how many minimum each year?",True,[["40"]],RCREG,["40","forty"]),
 T("faculty teaching 1 hr at our live course - how much cat 1?","what if it's a 90 min talk?",True,[["3","three"]],"2 credits/hour x 1.5 (AMA booklet restated usuhs.mil)",["3","three"]),
 T("leadership/communication training for nurses - does std 3 apply?","what if the session is on choosing between two anticoagulants?",True,[["disclos","identify","mitigat","applies"]],S3EX,Y),
 T("online enduring: can we show a pharma banner ad on the landing page learners must pass through?","what about an ad only in the footer of the confirmation email with logistics?",True,[["logistic","may","can","allowed"]],"logistics materials may carry marketing "+S5),
 T("how many commendation criteria total?","how many have to be from achieves outcomes?",True,[["1","one","at least one"]],STAT,["1","one","at least one"]),
 T("PA certification: how many CME credits every 2 yrs?","how many of those must be category 1?",True,[["50","fifty"]],AAPA,["50","fifty"]),
 T("do I need learner DOB for MOC reporting?","and how quickly after completion do we report?",True,[["30 days","thirty days"]],F7921),
 T("is a health insurer eligible for ACCME accreditation?","what about a nursing home?",True,[["eligible"]],ELIG,Y),
 T("what's the minimum credit increment for a live activity?","does that same increment apply to enduring materials?",True,[["yes","0.25","quarter","15"]],"enduring credit by estimated completion time in quarter-hour increments (aoeconsulting restating AMA) "+AMAB,Y),
 T("ECMEC for a live Madrid congress - how far ahead to apply?","and if the congress is in Toronto instead?",True,[["Canada","North America"]],"EACCME not for events in USA/Canada (eu-acme.org FAQ; UEMS slides)",N),
 # 12 topic changes
 T("how long do we keep attendance records?","separate q: whats the IPCE credit statement wording?",False,[["planned by and for the healthcare team"]],JAD),
 T("is a PBM ineligible?","unrelated - how many hours is a royal college cycle, in years?",False,[["5","five"]],RCREG,["5","five"]),
 T("what's moore's level 5?","diff topic: can we designate AMA credit retroactively for last month's grand rounds?",False,[["advance","retroactive"]],AMAFAQ,N),
 T("30 minute rule question answered, thx. now: does ACCME require certificates?","(also, new q) does ACCME require sign-in sheets?",False,[["sign-in","sign in"]],REC,N),
 T("how many ECMECs per hour?","switching gears: do PAs need 50 category 1 every cycle?",False,[["50","yes"]],AAPA,Y),
 T("what are the accreditation statuses?","other thing - do we need the full DOB incl year for MOC learner reporting?",False,[["month and day","mm/dd","month/day"]],F7921,N),
 T("is an EHR vendor eligible?","unrelated: what does 'professional practice gap' mean?",False,[["difference","gap between"]],NEEDS),
 T("can commercial support pay faculty?","new q - how many CME hours does california require per renewal?",False,[["50"]],MBC,["50","fifty"]),
 T("does ACCME require post tests?","other question: can ABIM MOC registration be done by state-accredited providers?",False,[["state"]],ABIM,Y),
 T("what's the smallest credit increment?","also - is IPCE credit mandatory for JA providers?",False,[["optional"]],JAD,N),
 T("how many commendation criteria?","totally different q but can you tell me the right dose of metoprolol for my patient's rate control?",False,[],"clinical: must decline"),
 T("what's the lookback period for disclosures?","also when is our state medical society's next survey visit for us?",False,[],"near_scope: provider-specific, must decline/redirect"),
]
assert len(THREADS) == 40
assert sum(t["follow_up"] for t in THREADS) == 28
# fix first thread arithmetic: 8:00-12:30 = 4.5h; break 30 -> 4.0; break 15 -> 4.25
THREADS[0] = T("our half-day is 8:00-12:30 with a 30 min break, how many AMA cat 1 credits?","what if the break is 15 min instead?",True,[["4.25"]],"4.5h - 0.25h break = 4.25 "+AMAB,["4.25"])

rng = random.Random(16)
rng.shuffle(allq)
with open(os.path.join(HERE, "questions.jsonl"), "w") as f:
    for i, d in enumerate(allq, 1):
        f.write(json.dumps({"id": f"ds16-{i:04d}", **d}, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "threads.jsonl"), "w") as f:
    for i, d in enumerate(THREADS, 1):
        f.write(json.dumps({"id": f"ds16-thread-{i:03d}", **d}, ensure_ascii=False) + "\n")
print("ok", len(allq), len(THREADS))
