"""bulk_insert on SQLite stores exactly the rows it is given, whichever columns are empty.

Columns that every row leaves None are written NULL in the statement instead of bound: the rows
read back must be the rows given, in order, for any pattern of empty columns (none, some, all
but one, all) and any number of rows (fewer than a statement holds, several statements and a
remainder).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, text
from sqlalchemy.orm import Session

from forumdesk.services.import_writing import bulk_insert

_METADATA = MetaData()
_TABLE = Table(
    "samples",
    _METADATA,
    Column("n", Integer),
    Column("word", String),
    Column("other", String),
    Column("count", Integer),
)
_COLUMNS = ("n", "word", "other", "count")


def _rows() -> st.SearchStrategy[list[tuple[object, ...]]]:
    """Rows whose columns are each always empty, sometimes empty or never empty."""

    def build(
        length: int, kinds: list[str], data: list[tuple[int, str, str, int]]
    ) -> list[tuple[object, ...]]:
        rows = []
        for number in range(length):
            a, b, c, d = data[number % len(data)]
            values = (a, b, c, d)
            rows.append(
                tuple(
                    None
                    if kind == "empty" or (kind == "some" and (number + at) % 3 == 0)
                    else value
                    for at, (kind, value) in enumerate(zip(kinds, values, strict=True))
                )
            )
        return rows

    row = st.tuples(
        st.integers(-5, 5),
        st.text(max_size=3),
        st.text(max_size=3),
        st.integers(-(2**63), 2**63 - 1),
    )
    return st.builds(
        build,
        st.sampled_from([1, 2, 5, 249, 250, 251, 600, 1_100]),
        st.lists(st.sampled_from(["empty", "some", "full"]), min_size=4, max_size=4),
        st.lists(row, min_size=1, max_size=7),  # repeated to the length
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=_rows())
@example(rows=[(None, None, None, None)] * 251)  # every column empty
@example(rows=[(n, None, None, None) for n in range(600)])  # one column given
@example(rows=[(1, "a", None, 2), (None, "b", "c", None)] * 125)  # none always empty
def test_the_rows_read_back_are_the_rows_given(
    tmp_path: Path, rows: list[tuple[object, ...]]
) -> None:
    path = tmp_path / "bulk.sqlite3"
    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    try:
        _METADATA.create_all(engine)
        with Session(engine) as session, session.begin():
            bulk_insert(session, _TABLE, _COLUMNS, rows)
        with engine.connect() as connection:
            stored = [
                tuple(row)
                for row in connection.execute(
                    text("SELECT n, word, other, count FROM samples ORDER BY rowid")
                )
            ]
    finally:
        engine.dispose()
    assert stored == rows
