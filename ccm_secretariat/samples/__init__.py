"""Sample meetings: the demo (the CCM Second Review Conference, from its data file) and synthetic ones."""
