"""The accreditation checker: "Is it accredited or just another webinar?" on a flyer's text, a PDF, a DOCX, an
HTML page or a link.

    extract(data, name="", content_type="") -> FlyerText     bytes of any supported kind to text (bot.checker.extract)
    check_flyer(flyer: FlyerText | str) -> CheckResult        statements, provider, credit, red flags, verdict
    CheckResult.as_dict()                                      the JSON of `cmebot check --json`

No Slack, no network here: fetching a link is bot.fetching's job, rendering the result the surfaces'."""

from bot.checker.check import CheckResult, Finding, check_flyer
from bot.checker.extract import FlyerError, FlyerText, extract

__all__ = ["CheckResult", "Finding", "FlyerError", "FlyerText", "check_flyer", "extract"]
