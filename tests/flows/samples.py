"""Complete, realistic answers for both flows, shared by the flow tests."""

from __future__ import annotations

from typing import Any

NEEDS_ASSESSMENT: dict[str, Any] = {
    "audience": "Family physicians and nurse practitioners in the Lakeside primary care network",
    "professions": ["physicians", "nurse_practitioners"],
    "topic": "Safer opioid prescribing for chronic pain",
    "current_practice": "A 2025 chart audit found a risk assessment documented for 41% of patients started on "
    "long-term opioids.",
    "best_practice": "The 2022 CDC guideline recommends assessing risk before starting long-term opioid therapy.",
    "cause_type": "competence",
    "cause_explanation": "Clinicians score well on guideline questions but answer case vignettes poorly.",
    "evidence_types": ["guidelines", "chart_audit"],
    "evidence_references": "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022\n"
    "Lakeside network chart audit of 200 records, March 2025",
    "desired_results": "Clinicians apply a risk tool before starting long-term opioids",
    "moore_levels": ["4", "5"],
    "competencies": ["patient_care", "pbli"],
    "formats": ["case_discussion", "audit_feedback"],
    "measurement_method": "Case vignettes before and after; chart audit at 90 days",
    "baseline": "41% documented risk assessment (chart audit, March 2025)",
}

MOCK_ACTIVITY: dict[str, Any] = {
    "title": "Safer Opioid Prescribing in Primary Care",
    "source_needs_assessment": "",
    "audience": "Family physicians and nurse practitioners",
    "objectives": "Select patients who need a risk assessment before long-term opioid therapy\n"
    "Apply the CDC 2022 dosing thresholds to three sample patients",
    "format": "live",
    "agenda": "08:00-09:00 Guideline update\n09:00-09:15 Coffee break\n09:15-10:30 Case workshop",
    "estimated_minutes": "",
    "break_minutes": "",
    "standard3_exception": "none",
    "people": "Dr Ana Ruiz | planner | none\n"
    "Dr Lee Chen | faculty | speaker bureau, Acme Pharma | slides peer reviewed",
    "owner_employee": "no",
    "disclosure_to_learners": "before",
    "commercial_support": "none",
    "supporters": "",
    "marketing": "separated",
    "outcomes_plan": "Same three case vignettes before and right after; chart audit at 90 days",
    "outcome_level": "5",
    "providership": "direct",
    "accredited_provider": "Lakeside University School of Medicine",
    "accreditor": "accme",
    "joint_provider": "",
    "joint_provider_ineligible": "",
}
