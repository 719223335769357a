# tracker: the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi.py

.PHONY: run test install migrate demo scheduler e2e-deps lint bench clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	mkdir -p instance
	$(BIN)/tracker db upgrade

demo: migrate
	$(BIN)/tracker demo

## Serve the app with the demo data and a scheduler on http://127.0.0.1:5000
run: demo
	$(BIN)/tracker scheduler & sched=$$!; \
	trap 'kill $$sched 2>/dev/null' EXIT INT TERM; \
	$(BIN)/waitress-serve --host 127.0.0.1 --port 5000 --threads 8 wsgi:app

## The scheduler alone (reminders, escalations, the outbox), as in production
scheduler: migrate
	$(BIN)/tracker scheduler

## Run the whole suite on SQLite and PostgreSQL, browser tests included
test: install e2e-deps
	bash .ci/ensure-postgres
	$(BIN)/pytest -q -p no:cacheprovider -n 2

e2e-deps:
	@command -v chromium >/dev/null 2>&1 || bash .ci/install-chromium
	@test -d node_modules/ical.js || npm install --no-audit --no-fund --silent

lint: install
	$(BIN)/ruff check tracker tests bench

bench: install
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.bench_notifications

## Re-extract the interface texts, merge them into the English catalog and compile it
## (then fill the new empty msgstr in tracker/translations/en/LC_MESSAGES/messages.po)
translations:
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k lazy_gettext -k ngettext:1,2 -k lazy_ngettext:1,2 \
		-o tracker/translations/messages.pot .
	$(BIN)/pybabel update -i tracker/translations/messages.pot -d tracker/translations \
		--no-fuzzy-matching
	$(BIN)/pybabel compile -d tracker/translations --statistics

clean:
	rm -rf $(VENV) instance/tracker.db node_modules
