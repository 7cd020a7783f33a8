# The two set-up commands of the README: `make quickstart` and `make test`.
GO ?= go

.PHONY: quickstart test bench build golden corpus

quickstart:
	./scripts/quickstart.sh

# Starts PostgreSQL/MariaDB when they are down, then vets and tests every
# module of the repository (scripts/test-modules.sh: the core, the loader
# modules, the examples). With CI=true a missing server fails the run
# instead of skipping. The static build is the one the README documents.
# gotestsum (go.mod's tool directive) prints failures in full and, in its
# summary, every skipped test with its reason (the loud *** SKIPPING ***
# lines); the last line is "N passed, N failed, N skipped" over all
# modules. Any failure, build failures included, makes it exit non-zero.
TESTFLAGS ?= -count=1 -timeout 20m
TESTEVENTS ?= bin/test-events.json
TESTPKGS ?= ./...
test:
	./scripts/services.sh
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/retort
	GO="$(GO)" TESTFLAGS="$(TESTFLAGS)" TESTEVENTS="$(TESTEVENTS)" TESTPKGS="$(TESTPKGS)" ./scripts/test-modules.sh

# Rewrites the golden files (internal/golden's -update flag) of every
# package whose tests use them; review the diff before committing.
golden:
	$(GO) test -count=1 $$($(GO) list -f '{{.ImportPath}} {{join .TestImports " "}}' ./... | awk '/internal\/golden/ {print $$1}') -update

# The case corpus of testdata/cases (docs/cases.md) on the real servers;
# UPDATE=1 rewrites the cases' upgrade.sql.
corpus:
	./scripts/services.sh
	$(GO) test -count=1 -timeout 20m ./internal/corpus -run TestCorpus $(if $(UPDATE),-update)

build:
	CGO_ENABLED=0 $(GO) build -o bin/retort ./cmd/retort

bench:
	./scripts/bench.sh
