"""The overview's charts for a screen reader and in black and white: each chart has a name and says its
figures; Men and Not stated (and every other pair of series) differ when printed in grey."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QBrush, QColor, QImage, QPainter

from ui.charts import STYLES, BarRow, Segment, StackedBars


def test_every_chart_says_its_figures(window):
    page = window.overview
    window.pages.setCurrentWidget(page)
    for chart in (page.delegations, page.credentials, page.gender, page.today):
        spoken = QAccessible.queryAccessibleInterface(chart)
        assert spoken.text(QAccessible.Text.Name), chart
        assert "States Parties" in spoken.text(QAccessible.Text.Description)
    said = QAccessible.queryAccessibleInterface(page.delegations).text(QAccessible.Text.Description)
    counts = {r.label: sum(s.count for s in r.segments) for r in page.delegations.rows}
    assert f"States Parties: {counts['States Parties']}" in said
    assert "Running total" in page.registrations.accessibleDescription()


def test_a_legend_at_large_fonts_takes_another_line_rather_than_being_cut(qtbot):
    chart = StackedBars(("Original", "Copy or note verbale", "Not received"))
    qtbot.addWidget(chart)
    chart.set_rows(
        (BarRow("Other observer States", (Segment("a", 1, "a"), Segment("b", 2, "b"), Segment("c", 3, "c"))),)
    )
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)
    chart.show()
    chart.resize(420, chart.height())
    qtbot.waitUntil(lambda: chart.height() >= 3 * 22 + 22, timeout=1000)
    lines = chart.legend_lines(420)
    assert [name for line in lines for _, name in line] == list(chart.legend) and len(lines) >= 2
    assert chart.height() >= len(lines) * 22 + 22  # room for every line
    assert "Other observer States: Original 1, Copy or note verbale 2, Not received 3" == chart.figures()


def grey_of(index: int) -> float:
    """The mean grey of a series' swatch as a black-and-white printer shows it."""
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    colour, pattern = STYLES[index]
    p.fillRect(QRectF(0, 0, 40, 40), colour)
    p.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    filled = sum(grey.pixelColor(x, y).value() for x in range(40) for y in range(40)) / 1600
    return filled * pattern_coverage(pattern) + 255 * (1 - pattern_coverage(pattern))


def pattern_coverage(pattern) -> float:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.fillRect(QRectF(0, 0, 40, 40), QBrush(QColor("black"), pattern))
    p.end()
    dark = sum(1 for x in range(40) for y in range(40) if image.pixelColor(x, y).value() < 128)
    return dark / 1600


def test_series_differ_in_grey(qapp):
    greys = [grey_of(i) for i in range(len(STYLES))]
    women, men, other, not_stated = greys
    assert abs(men - not_stated) >= 25, greys  # (both light and dotted before)
    for i in range(len(greys)):
        for j in range(i + 1, len(greys)):
            assert abs(greys[i] - greys[j]) >= 12 or STYLES[i][1] != STYLES[j][1], (i, j, greys)


def test_each_bar_is_a_named_button_for_a_screen_reader_and_pressing_it_lists_what_it_counts(qtbot, services, tmp_path):
    """Issue 21: one accessible child per bar or segment (not only one description for the whole chart): its
    role a button, its name the figure; a screen reader's Press lists what it counts, as a click does."""
    from tests.ui.test_overview import open_window

    window, _m, d, p = open_window(qtbot, services, tmp_path)
    page, reg = window.overview, window.registration
    qtbot.waitUntil(lambda: page.data is not None)
    chart = QAccessible.queryAccessibleInterface(page.gender)
    children = [chart.child(i) for i in range(chart.childCount())]
    assert [c.role() for c in children] == [QAccessible.Role.Button] * 12  # 3 categories × 4 series
    names = [c.text(QAccessible.Text.Name) for c in children]
    assert names[:4] == [
        "States Parties, Women: 2",
        "States Parties, Men: 1",
        "States Parties, Other: 0",
        "States Parties, Not stated: 1",
    ]
    women = page.gender.marks[0]
    assert QRectF(women.geometry()).intersects(page.gender.segment_rect(0, 0))  # over the segment it names
    delegations = QAccessible.queryAccessibleInterface(page.delegations)
    said = [delegations.child(i).text(QAccessible.Text.Name) for i in range(delegations.childCount())]
    assert said[0] == "States Parties, Delegations: 2 (previous: 1)"

    action = children[0].actionInterface()
    assert QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: window.pages.currentWidget() is reg, timeout=3000)
    assert {r.id for r in reg.member_model.rows} == {p["ana"], p["eva"]}

    line = QAccessible.queryAccessibleInterface(page.registrations)
    days = [line.child(i).text(QAccessible.Text.Name) for i in range(line.childCount())]
    assert len(days) == len(page.registrations.points) and days[-1].endswith(": 5 registered")
    assert all(line.child(i).role() == QAccessible.Role.StaticText for i in range(line.childCount()))
