# The two set-up commands of the README: `make quickstart` and `make test`.
GO ?= go

.PHONY: quickstart test bench build golden

quickstart:
	./scripts/quickstart.sh

# Starts PostgreSQL/MariaDB when they are down, then runs every test.
# With CI=true a missing server fails the run instead of skipping.
# The static build is the one the README documents.
test:
	./scripts/services.sh
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/retort
	$(GO) test -count=1 -timeout 20m ./...

# Rewrites the golden files (internal/golden's -update flag) of every
# package whose tests use them; review the diff before committing.
golden:
	$(GO) test -count=1 $$($(GO) list -f '{{.ImportPath}} {{join .TestImports " "}}' ./... | awk '/internal\/golden/ {print $$1}') -update

build:
	$(GO) build -o bin/retort ./cmd/retort

bench:
	./scripts/bench.sh
