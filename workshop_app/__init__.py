"""Launch-workshop app for corporate mentoring programs."""

__version__ = "0.1.0"
