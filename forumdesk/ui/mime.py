"""Drag-and-drop payloads shared by the views."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData

SESSION_IDS_MIME = "application/x-forumdesk-session-ids"
PERSON_IDS_MIME = "application/x-forumdesk-person-ids"


def encode_ids(mime_type: str, ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, ",".join(str(i) for i in ids).encode("ascii"))
    return data


def decode_ids(mime_type: str, data: QMimeData) -> list[int]:
    if not data.hasFormat(mime_type):
        return []
    raw = bytes(data.data(mime_type).data()).decode("ascii", errors="ignore")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]
