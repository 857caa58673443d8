from .attachments import IrritantAttachment, attachment_file_path
from .calls import CallForIrritantsPage, CallIndexPage, CallStatus
from .irritants import (
    CRITERIA,
    CRITERION_MAX,
    TRANSITIONS,
    Irritant,
    IrritantLogEntry,
    Status,
    StatusChange,
    attachment_path,
    new_reference,
    reviewed_territory_ids,
)

__all__ = [
    "CRITERIA",
    "CRITERION_MAX",
    "TRANSITIONS",
    "CallForIrritantsPage",
    "CallIndexPage",
    "CallStatus",
    "Irritant",
    "IrritantAttachment",
    "IrritantLogEntry",
    "Status",
    "StatusChange",
    "reviewed_territory_ids",
    # Named by the migrations.
    "attachment_file_path",
    "attachment_path",
    "new_reference",
]
