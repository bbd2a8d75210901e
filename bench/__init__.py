"""forumdesk's benchmark: a generator of realistic synthetic forums and timed scenarios.

`python -m bench` runs the scenarios (see bench/README.md) and prints medians, baselines measured
in the same run, ratios and the targets of issue 7; `bench.generator` builds the events (sizes S,
M and L), the attendee spreadsheets and the clash checker's input, for the benchmark and for
stress tests. Timings live here, never in the test suite.
"""
