"""The Qt layer of the secretariat desk. Widgets call services; they never see a session or a query."""

from ui.qt_binding import keep_singletons_alive

keep_singletons_alive()  # before any Qt call: see ui/qt_binding.py
