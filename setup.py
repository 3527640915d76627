"""The packages of the wheel: every package under workshop_app/, found rather than listed (a
new sub-package cannot be left out), and the exercise library and report templates from the
top of the repository, shipped as workshop_app/_shipped/. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

SHIPPED = ["workshop_app._shipped.exercises", "workshop_app._shipped.report_templates"]

setup(packages=[*find_packages(include=["workshop_app", "workshop_app.*"]), *SHIPPED])
