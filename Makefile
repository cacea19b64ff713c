# PanelDesk: every target sets up .venv/ on first use, with the exact versions of requirements.lock.
PY      := .venv/bin/python
STAMP   := .venv/.installed
DEMO    := demo

.PHONY: run test demo bench screenshots translations lupdate installer lock clean

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv --clear .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# After a change of pyproject.toml's dependencies: the newest versions they allow, resolved in a fresh venv.
# Run the tests with the new lock (make test rebuilds .venv from it) before committing it.
lock:
	rm -rf .lock-venv
	python3 -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[dev,installer]'
	{ echo "# The exact versions PanelDesk is tested and built with (make lock writes it from pyproject.toml)."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements.lock
	rm -rf .lock-venv

run: $(STAMP) translations $(DEMO)/paneldesk.db
	$(PY) -m desktop --workspace $(DEMO)

# Compiled translations (.qm) are built, not committed; without them the window stays in Chinese.
translations: $(STAMP)
	.venv/bin/pyside6-lrelease -silent resources/translations/*.ts

# After adding or changing a text of the window: the .ts gains it, unfinished, to be translated there (the suite
# fails while any text of desktop/ui has no finished English).
lupdate: $(STAMP)
	.venv/bin/pyside6-lupdate -no-obsolete -locations none $$(find desktop/ui -name '*.py' | sort) -ts resources/translations/paneldesk_en.ts

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
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build installer/paneldesk.spec

clean:
	rm -rf .venv .lock-venv $(DEMO) build dist
