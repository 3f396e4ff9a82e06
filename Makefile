# newsgen: `make build` builds the site from seeds/ into public/;
# `make test` runs every test. Both fetch what they need through Go modules.

GO      ?= go
BIN     ?= ./newsgen
SITE    ?= .

.PHONY: build newsgen test test-short vet bench clean

build: newsgen
	$(BIN) build -C $(SITE)

newsgen:
	$(GO) build -o $(BIN) ./generator

test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

test-short:
	$(GO) test -short ./...

clean:
	rm -rf public .newsgen-cache $(BIN)
