# PanelDesk: every target sets up .venv/ on first use.
PY      := .venv/bin/python
STAMP   := .venv/.installed
DEMO    := demo

.PHONY: run test demo bench screenshots translations installer clean

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) translations $(DEMO)/paneldesk.db
	$(PY) -m desktop --workspace $(DEMO)

# Compiled translations (.qm) are built, not committed; without them the window stays in Chinese.
translations: $(STAMP)
	.venv/bin/pyside6-lrelease -silent resources/translations/*.ts

screenshots: $(STAMP) translations $(DEMO)/paneldesk.db
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.ui.screenshots --workspace $(DEMO) docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.ui.screenshots --workspace $(DEMO) --language en docs/screenshots/en

demo: $(STAMP)
	rm -rf $(DEMO)
	$(MAKE) $(DEMO)/paneldesk.db

$(DEMO)/paneldesk.db: | $(STAMP)
	$(PY) -m desktop.cli --workspace $(DEMO) demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks

installer: $(STAMP)
	$(PY) -m pip install --quiet pyinstaller
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build installer/paneldesk.spec

clean:
	rm -rf .venv $(DEMO) build dist
