"""How quickly one desk sees another's commit (issue 12, live refresh), on a 50,000-person file.

    python -m bench.live_refresh [--people 50000] [--rounds 20]

Generates a forum with that many people (all registered) into a scratch folder, then measures:
the change detector's start (its snapshot of every table), a quiet poll, a poll that finds one
changed person, and, with two main windows on the file (two engines, as two desks), the lag
from a commit on one desk to the People page of the other showing it, and to its timetable
showing a moved session. Figures are medians and 95th percentiles of the rounds; nothing here is
a test assertion.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.live_refresh")
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="forumdesk-live-") as scratch:
        return _run(Path(scratch), args.people, args.rounds)


def _run(folder: Path, people_count: int, rounds: int) -> int:
    from bench.generator import PEOPLE_50K, ForumSize, generate_database

    size = ForumSize(
        "live", PEOPLE_50K.sessions, people_count, PEOPLE_50K.assignments, 2, PEOPLE_50K.rooms
    )
    path = folder / "live.sqlite3"
    started = time.perf_counter()
    forum = generate_database(path, size)
    print(f"generated {people_count} people in {time.perf_counter() - started:.1f} s")

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from forumdesk.config import resolve_database_url
    from forumdesk.db.changes import SqliteChangeDetector
    from forumdesk.db.migrate import open_database
    from forumdesk.services import people, placing, sessions

    QCoreApplication.setOrganizationName("forumdesk-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication.instance() or QApplication([])
    url = resolve_database_url(str(path))
    desk_a, desk_b = open_database(url), open_database(url)

    started = time.perf_counter()
    SqliteChangeDetector(desk_b, snapshot=False).close()
    print(f"detector start in a window (fingerprints): {_ms(time.perf_counter() - started)}")
    started = time.perf_counter()
    detector = SqliteChangeDetector(desk_b)
    print(
        f"detector start with every record (the first poll): {_ms(time.perf_counter() - started)}"
    )
    quiet = []
    for _ in range(200):
        started = time.perf_counter()
        detector.poll()
        quiet.append(time.perf_counter() - started)
    print(f"quiet poll: median {_ms(statistics.median(quiet))}, p95 {_ms(_p95(quiet))}")
    found = []
    person_ids = list(forum.person_ids)
    for n in range(rounds):
        # the other desk writes unchecked: this measures the refresh, not the refusals
        people.update_person(
            desk_a, person_ids[n], {"position": f"Round {n}"}, expected_version=None
        )
        started = time.perf_counter()
        changes = detector.poll()
        found.append(time.perf_counter() - started)
        assert changes.keys("people") == frozenset({person_ids[n]}), changes
    print(
        f"poll finding one changed person among {people_count}: median "
        f"{_ms(statistics.median(found))}, p95 {_ms(_p95(found))}"
    )
    detector.close()

    from forumdesk.ui.main_window import MainWindow

    window_a, window_b = MainWindow(desk_a), MainWindow(desk_b)
    for window in (window_a, window_b):
        window.show()
    window_b.show_page(window_b.people_page)
    window_b.people_page.set_event_scope(False)
    app.processEvents()
    page = window_b.people_page

    def wait(condition: Callable[[], bool], limit: float = 5.0) -> float:
        started = time.perf_counter()
        while not condition():
            app.processEvents()
            time.sleep(0.002)
            if time.perf_counter() - started > limit:
                raise TimeoutError("not shown within 5 s")
        return time.perf_counter() - started

    lags = []
    for n in range(rounds):
        person_id = person_ids[-1 - n]
        text = f"Lag {n}"
        people.update_person(desk_a, person_id, {"position": text}, expected_version=None)

        def shown(person_id: int = person_id, text: str = text) -> bool:
            row = page.model.row_of(person_id)
            return row is not None and page.model.person_at(row).position == text

        lags.append(wait(shown))
    print(
        f"People page ({people_count} listed) showing another desk's edit: median "
        f"{_ms(statistics.median(lags))}, p95 {_ms(_p95(lags))}"
    )

    moves = []
    scheduled = [s for s in sessions.list_sessions(desk_a, forum.event_id) if s.starts_at]
    for n in range(rounds):
        row = sessions.get_session(desk_a, scheduled[n % len(scheduled)].id)
        assert row.starts_at is not None
        later = row.starts_at + dt.timedelta(minutes=5)
        placing.move_session(
            desk_a, row.id, later, row.room_id, keep_room=True, expected_version=row.version
        )
        moves.append(
            wait(
                lambda row=row, later=later: window_b.timetable_page.rows[row.id].starts_at == later
            )
        )
    print(
        f"timetable showing another desk's move: median {_ms(statistics.median(moves))}, "
        f"p95 {_ms(_p95(moves))}"
    )
    for window in (window_a, window_b):
        window.close()
    desk_a.dispose()
    desk_b.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
