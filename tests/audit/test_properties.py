"""Properties: a report generated to be consistent has no finding at all; any report audits without failing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaldesk.audit.engine import audit_report, findings_as_data, findings_as_text
from evaldesk.audit.findings import Severity
from evaldesk.model.edits import SetField

from .strategies import any_reports, consistent_reports

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(consistent_reports())
def test_a_consistent_report_has_no_error(report):
    found = audit_report(report)
    assert [f.message for f in found if f.severity is Severity.ERROR] == []
    assert [f.message for f in found] == []  # and nothing else to say either


@SETTINGS
@given(consistent_reports(), st.sampled_from(["basic.contact", "cover.budget_code", "basic.staff_quota"]))
def test_removing_a_required_field_from_it_gives_exactly_that_error(report, key):
    SetField(key, None).apply(report)
    errors = [f for f in audit_report(report) if f.severity is Severity.ERROR]
    assert [f.key for f in errors] == [f"required/{key}"]


@SETTINGS
@given(any_reports())
def test_any_report_audits_without_failing(report):
    found = audit_report(report)
    assert len({f.key for f in found}) == len(found)
    assert all(f.message and str(f.where) and f.section for f in found)
    findings_as_text(found)
    findings_as_data(found)
