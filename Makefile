# newsgen: `make build` builds the site from seeds/ into public/;
# `make test` runs every test. Both fetch what they need through Go modules.

GO      ?= go
BIN     ?= ./newsgen
SITE    ?= .

.PHONY: build newsgen test test-short clean validate

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

# validate runs the Nu Html Checker (npm's vnu-jar, with the machine's
# Java) over a generated site with every kind of page.
VNU_DIR ?= $(HOME)/.cache/newsgen/vnu
validate:
	@test -f $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar || \
		(mkdir -p $(VNU_DIR) && cd $(VNU_DIR) && npm install --no-audit --no-fund --silent vnu-jar@26.9.27)
	NEWSGEN_VNU=$(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar $(GO) test -count=1 -run TestNuHtmlChecker -v ./generator/build/

# make bench: newsgen beside Hugo, and the Go benchmarks (never part of make test).
include mk/bench.mk
