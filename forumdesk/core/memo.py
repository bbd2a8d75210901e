"""Results remembered by argument, for the values an attendee list repeats (names, organisations).

A list of 20,000 people holds a few hundred distinct family names, given names and organisations:
whatever is worked out from one of them (folded, transliterated) is worked out once. `memo[value]`
is a plain dictionary lookup when the value is known; an unknown one is worked out and kept. The
memo forgets everything when it holds `limit` values, so it never grows without bound.
"""

from __future__ import annotations

from collections.abc import Callable


class Memo(dict[str, str]):
    """`function`'s results by argument: `memo[value]` is `function(value)`, worked out once."""

    def __init__(self, function: Callable[[str], str], limit: int = 100_000) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, value: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        result = self[value] = self.function(value)
        return result
