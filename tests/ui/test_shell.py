from ui.main_window import MainWindow


def test_main_window_shows_the_demo_delegations(qtbot, demo):
    window = MainWindow(demo)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 88
    assert "States Parties: 60" in window.counts.text()
    first = window.model.index(0, 1).data()
    assert first == "Afghanistan"
