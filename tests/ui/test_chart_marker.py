"""Issue 21: the running total's "first day" label is written whole inside the plot, on whichever side of the
dashed line has room, and never over the axis figures (it was cut to "irst day" over the peak's figure when the
first day came before every registration)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from ui.charts import MARKED, CumulativeLine

AREA = QRectF(46, 10, 500, 150)


def red_columns(chart: CumulativeLine) -> list[int]:
    """The x of every column where the marker's colour is drawn."""
    image = chart.grab().toImage()
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            c = QColor(image.pixel(x, y))
            if c.red() > 120 and c.red() - max(c.green(), c.blue()) > 60:
                found.add(x)
    return sorted(found)


def test_the_label_goes_right_of_a_line_at_the_plots_left_edge_and_left_of_one_further_on():
    at_left = CumulativeLine.marker_label_rect(AREA.left(), AREA, 60)
    assert at_left.left() > AREA.left() and at_left.right() <= AREA.right()
    further = CumulativeLine.marker_label_rect(400, AREA, 60)
    assert further.right() < 400 and further.left() >= AREA.left()
    at_right = CumulativeLine.marker_label_rect(AREA.right(), AREA, 60)
    assert at_right.right() <= AREA.right() + 0.5


def test_a_first_day_before_every_registration_is_labelled_inside_the_plot(qtbot):
    chart = CumulativeLine()
    qtbot.addWidget(chart)
    chart.resize(600, 200)
    chart.set_points(((dt.date(2026, 10, 1), 20), (dt.date(2026, 10, 28), 237)), dt.date(2020, 11, 25))
    chart.show()
    qtbot.waitExposed(chart)
    columns = red_columns(chart)
    assert columns and min(columns) >= 45  # nothing in the figures' margin (the peak "237" is there)
    words = chart.fontMetrics().horizontalAdvance(MARKED)
    assert max(columns) - min(columns) >= words * 0.6  # the whole label drawn beside the line, not cut


def test_the_axis_names_its_first_and_last_day_as_the_un_writes_them(qtbot, monkeypatch):
    chart = CumulativeLine()
    qtbot.addWidget(chart)
    chart.resize(600, 200)
    chart.set_points(((dt.date(2026, 10, 1), 20), (dt.date(2026, 10, 28), 237)), dt.date(2020, 11, 25))
    drawn: list[str] = []
    original = QPainter.drawText

    def spy(painter, *args):
        drawn.append(str(args[-1]))
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)  # what the chart writes, read back
    chart.grab()
    assert "25 November 2020" in drawn and "28 October 2026" in drawn
