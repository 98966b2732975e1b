"""The CLI's import progress: a bar on a terminal, plain lines in a log."""

from __future__ import annotations

import io

from tagalong.activities.importing import Progress
from tagalong.activities.progress import ProgressDisplay


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_terminal_gets_one_redrawn_bar_with_count_percent_file_and_time_left(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # the bar is cut to the terminal's width
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(out, interactive=True, clock=clock)
    clock.now = 10.0
    display(Progress(done=1, total=4, name="run-1.fit"))
    clock.now = 40.0
    display(Progress(done=4, total=4, name="run-4.fit"))
    display.close()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n")
    first = text.split("\r")[1]
    assert "[########" in first and "1/4" in first and "25%" in first
    assert "00:10 elapsed" in first and "about 00:30 left" in first and "run-1.fit" in first
    assert "4/4  100%  00:40 elapsed  run-4.fit" in text.split("\r")[2]


def test_terminal_redraws_at_most_ten_times_a_second():
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(out, interactive=True, clock=clock)
    for done in range(1, 50):
        display(Progress(done=done, total=100, name="x.fit"))
    assert out.getvalue().count("\r") == 1


def test_log_gets_plain_lines_for_the_first_file_each_percent_and_the_last():
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(out, interactive=False, clock=clock)
    for done in range(1, 401):
        display(Progress(done=done, total=400, name=f"{done}.gpx"))
    display.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert len(lines) == 101  # the first file, then each new percent
    assert lines[0].startswith("1/400    0%") and lines[1].startswith("4/400    1%")
    assert lines[-1].startswith("400/400  100%")


def test_a_pipe_is_not_a_terminal():
    assert ProgressDisplay(io.StringIO()).interactive is False
