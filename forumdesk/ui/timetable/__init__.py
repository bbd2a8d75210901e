"""The timetable: rooms as columns, time running down, sessions as blocks to drag and resize.

`geometry` is plain Python (no Qt) so the layout rules can be tested and benchmarked alone;
`session_block` and `timetable_view` draw it; `dock_drops` (sessions dragged in from the dock)
and `span_drawing` (a new session drawn across empty time) handle the view's drags, with
`drag_target` saying at the band where a drag would land; `timetable_page` turns the view's
requests into undo commands; `unscheduled` is the dock of sessions still waiting for a place.
"""
