# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO := demo/demo.workshop

.PHONY: run test lint check-system check-system-test demo clean benchmarks messages catalogues \
  bundle bundle-tarball test-bundle deb wheel

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Checked on every run, not only when the venv is made: a system library removed since then
# would abort the app at start. Quick when everything is there.
check-system:
	@bash scripts/check-system.sh

# What the app needs, plus Xvfb, openbox, xdotool and ImageMagick for tests/e2e/.
check-system-test:
	@bash scripts/check-system.sh --test

# The translations: the .po files are the source; the .mo files the app reads are built here.
LOCALE := workshop_app/locale
LANGUAGES := it de fr
CATALOGUES := $(foreach lang,$(LANGUAGES),$(LOCALE)/$(lang)/LC_MESSAGES/workshop_app.mo)

$(LOCALE)/%/LC_MESSAGES/workshop_app.mo: $(LOCALE)/%/LC_MESSAGES/workshop_app.po | $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -l $* -i $< -o $@

catalogues: $(CATALOGUES)

# After marking new strings: extract them into the template and add them to every language's
# catalogue, where they wait for their translations (a test lists the missing ones).
messages: $(STAMP)
	$(VENV)/bin/pybabel -q extract -F babel.cfg --no-location --sort-output \
	  --project workshop-app --add-comments=Translators: -o $(LOCALE)/workshop_app.pot .
	@for lang in $(LANGUAGES); do \
	  if [ -f $(LOCALE)/$$lang/LC_MESSAGES/workshop_app.po ]; then \
	    $(VENV)/bin/pybabel -q update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date \
	      -D workshop_app -d $(LOCALE) -l $$lang -i $(LOCALE)/workshop_app.pot; \
	  else $(VENV)/bin/pybabel -q init -D workshop_app -d $(LOCALE) -l $$lang -i $(LOCALE)/workshop_app.pot; fi; \
	done

$(DEMO): | $(STAMP)
	@mkdir -p demo
	$(VENV)/bin/workshop-app demo $(DEMO)

demo: $(DEMO)

run: check-system $(STAMP) $(CATALOGUES) $(DEMO)
	$(VENV)/bin/workshop-app open $(DEMO)

# The suite runs offscreen; tests/e2e/ starts its own Xvfb and sets xcb for its app only.
test: check-system-test $(STAMP) $(CATALOGUES)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# python-docx and LibreOffice are for benchmarks/bench_charters.py only (its mail-merge
# baseline); without them it says it skipped that baseline.
benchmarks: check-system $(STAMP)
	$(PY) -m pip install --quiet python-docx
	@command -v soffice >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui; \
	  else echo "LibreOffice is missing: install LibreOffice Writer (e.g. sudo apt-get install libreoffice-writer-nogui) for the charter benchmark's baseline"; fi; }
	@for script in benchmarks/bench_*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script; done

# The installable app (docs/packaging.md): a one-folder PyInstaller bundle with its own Python,
# Qt, Pango and fonts; a tarball of it; a .deb of it. Built from the working tree.
BUNDLE_STAMP := $(VENV)/.bundle-installed
BUNDLE := dist/workshop-app
VERSION = $(shell $(PY) -c 'import workshop_app; print(workshop_app.__version__)')

$(BUNDLE_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	@touch $(BUNDLE_STAMP)

bundle: check-system $(BUNDLE_STAMP) $(CATALOGUES)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/workshop-app.spec

# The bundle's own tests (tests/e2e/*bundle*, marker `bundle`): they build and install, so
# `make test` leaves them out; .ci/run calls this after it.
test-bundle: deb wheel
	@bash scripts/check-system.sh --bundle
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m bundle tests/e2e

# The wheel, for `pipx install dist/workshop_app-*.whl` (README).
wheel: $(STAMP) $(CATALOGUES)
	rm -f dist/workshop_app-*.whl
	$(PY) -m pip wheel --quiet --no-deps -w dist .

bundle-tarball: bundle
	tar -C dist -czf dist/workshop-app-$(VERSION)-linux-$$(uname -m).tar.gz workshop-app

# The package's Maintainer field; a program office's IT sets its own: make deb DEB_MAINTAINER=...
DEB_MAINTAINER ?= Mentoring workshop maintainers <maintainers@workshop-app.invalid>

deb: bundle
	DEB_MAINTAINER='$(DEB_MAINTAINER)' bash packaging/build-deb.sh $(BUNDLE) $(VERSION) dist

clean:
	rm -rf $(VENV) build dist *.egg-info
