"""The geometry of the charts that templates draw as inline SVG.

Charts are computed here, on the server, and drawn by plain templates: no chart library, no
JavaScript, nothing fetched from elsewhere. Each chart sits next to a text summary and its
data table, which carry the same information for screen readers and text browsers.
"""

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import date_format

from home.dates import written_date

WIDTH = 640
LINE_HEIGHT = 260
MARGIN = {"top": 16, "right": 24, "bottom": 36, "left": 84}


def _round(value):
    return round(float(value), 1)


def _tick_step(rough):
    """The step nearest above ``rough``: 1, 2, 2.5 or 5 times a power of ten, in whole units
    (« 18,75 jours » is no tick a reader expects)."""
    magnitude = Decimal(10) ** max(0, rough.adjusted())
    for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
        step = magnitude * factor
        if step >= rough and step == step.to_integral_value():
            return step
    return magnitude * 10


def _axis(low, high, intervals=4):
    """``(low, high, ticks)``: the range widened to whole steps, and a tick on each step."""
    step = _tick_step((high - low) / intervals)
    low = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    high = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    count = int((high - low) / step)
    return low, high, [low + step * index for index in range(count + 1)]


@dataclass
class ChartPoint:
    x: float
    y: float
    iso_date: str
    value: Decimal
    date_label: str
    value_label: str


@dataclass
class LineChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    points: list
    y_ticks: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)
    baseline_y: float | None = None
    target_y: float | None = None

    @property
    def polyline(self):
        return " ".join(f"{point.x},{point.y}" for point in self.points)


def line_chart(indicator, width=WIDTH, height=LINE_HEIGHT):
    """The measurements of an indicator over time, with its baseline and target as lines."""
    measurements = indicator.measurements
    if not measurements:
        return None
    left, right = MARGIN["left"], width - MARGIN["right"]
    top, bottom = MARGIN["top"], height - MARGIN["bottom"]

    references = [m.value for m in measurements]
    references += [v for v in (indicator.baseline, indicator.target) if v is not None]
    low, high = min(references), max(references)
    # Starting at zero keeps small changes from looking dramatic.
    if low >= 0:
        low = Decimal(0)
    if high == low:
        high = low + (abs(low) or Decimal(1))
    low, high, ticks = _axis(low, high)

    def y_of(value):
        return _round(bottom - (value - low) / (high - low) * (bottom - top))

    first, last = measurements[0].date, measurements[-1].date
    span = (last - first).days

    def x_of(day):
        if span == 0:
            return _round((left + right) / 2)
        return _round(left + (day - first).days / span * (right - left))

    points = [
        ChartPoint(
            x=x_of(m.date),
            y=y_of(m.value),
            iso_date=m.iso_date,
            value=m.value,
            date_label=written_date(m.date),
            value_label=indicator.display(m.value),
        )
        for m in measurements
    ]
    # The last date ends at the right edge of the plot: centred there, it would be cut off.
    shown_dates = [(measurements[0], "middle")]
    if span:
        shown_dates.append((measurements[-1], "end"))
    return LineChart(
        width=width,
        height=height,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        points=points,
        y_ticks=[(y_of(tick), indicator.display(tick)) for tick in ticks],
        x_labels=[
            (x_of(m.date), date_format(m.date, "SHORT_DATE_FORMAT"), anchor)
            for m, anchor in shown_dates
        ],
        baseline_y=y_of(indicator.baseline) if indicator.baseline is not None else None,
        target_y=y_of(indicator.target) if indicator.target is not None else None,
    )


@dataclass
class Bar:
    label: str
    value: int
    y: float
    width: float


@dataclass
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list


def bar_chart(rows, width=WIDTH, label_width=170, bar_height=24, gap=12):
    """Horizontal bars for ``(label, count)`` rows, the longest bar for the largest count."""
    largest = max((value for _label, value in rows), default=0) or 1
    room = width - label_width - 48  # the count is written after the bar
    bars = [
        Bar(
            label=label,
            value=value,
            y=gap + index * (bar_height + gap),
            width=_round(value / largest * room),
        )
        for index, (label, value) in enumerate(rows)
    ]
    return BarChart(
        width=width,
        height=gap + len(rows) * (bar_height + gap),
        label_width=label_width,
        bar_height=bar_height,
        bars=bars,
    )
