"""The local audit trail of answers (scrubbed, rotated by size); `python -m assistant audit --since DATE`."""

from assistant.audit.audit_log import AuditLog
from assistant.audit.audit_record import AuditRecord, VerificationSummary, settings_fingerprint

__all__ = ["AuditLog", "AuditRecord", "VerificationSummary", "settings_fingerprint"]
