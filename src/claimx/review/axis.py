"""Casualty intervals drawn on one shared axis, so that "32", "at least 33" and "36" are seen
side by side: an exact figure is a dot, a range a bracketed bar, an open figure ("at least
33") a bar running off the right edge. Rich Text, usable in any rich or Textual table."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

OPEN_MARGIN = 0.25  # the share of the axis past the largest bounded value where open bars run out


@dataclass(frozen=True)
class Axis:
    low: float
    bounded: float  # the largest bounded value (or low) drawn
    high: float  # the right end: `bounded`, plus room where open bars run out

    @classmethod
    def of(cls, intervals: list[tuple[float, float | None]]) -> Axis:
        """The axis spanning every interval ([low, None] is open)."""
        lows = [lo for lo, _ in intervals]
        low = min(lows)
        bounded = max([hi for _, hi in intervals if hi is not None] + lows)
        high = bounded
        if any(hi is None for _, hi in intervals):
            high += max((bounded - low) * OPEN_MARGIN, 1)
        if high == low:  # one value: centre it
            low, bounded, high = low - 1, bounded + 1, high + 1
        return cls(low, bounded, high)

    def column(self, value: float, width: int) -> int:
        return round((min(value, self.high) - self.low) / (self.high - self.low) * (width - 1))

    def bar(self, low: float, high: float | None, width: int, style: str = "bold") -> Text:
        """One interval as a line of `width` cells on this axis."""
        cells = [" "] * width
        a = self.column(low, width)
        if high is None:
            cells[a:] = ["├"] + ["─"] * (width - a - 2) + ["▶"] if width - a >= 2 else ["▶"]
        elif self.column(high, width) == a:
            cells[a] = "●"
        else:
            b = self.column(high, width)
            cells[a : b + 1] = ["├"] + ["─"] * (b - a - 1) + ["┤"]
        return Text("".join(cells[:width]), style=style)

    def ticks(self, width: int) -> Text:
        """The smallest value at the left end, the largest bounded one at its column, "∞" at
        the right end when some bar runs open."""
        cells = [" "] * width
        left, right = _number(self.low), _number(self.bounded)
        cells[: len(left)] = left
        end = self.column(self.bounded, width) + 1
        if self.bounded != self.low and end - len(right) > len(left):
            cells[end - len(right) : end] = right
        if self.high > self.bounded:
            cells[-1] = "∞"
        return Text("".join(cells[:width]), style="dim")


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
