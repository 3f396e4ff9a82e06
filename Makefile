# newsgen: `make build` builds the site from seeds/ into public/;
# `make test` runs every test. Both fetch what they need through Go modules.

GO      ?= go
BIN     ?= ./newsgen
SITE    ?= .

.PHONY: build newsgen test test-short test-kill clean validate audit bench

build: newsgen
	$(BIN) build -C $(SITE)

newsgen:
	$(GO) build -o $(BIN) ./generator

test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

test-short:
	$(GO) test -short ./...

# test-kill is the long run of the kill test (`make test` runs a short
# one): builds of a 2,000-seed site killed at 40 moments across import,
# render and write, each followed by a build that must end as a clean
# build would. It takes several minutes.
KILL_MOMENTS ?= 40
KILL_SEEDS   ?= 2000
test-kill:
	NEWSGEN_KILL_MOMENTS=$(KILL_MOMENTS) NEWSGEN_KILL_SEEDS=$(KILL_SEEDS) $(GO) test -count=1 -run TestKilledBuild -v -timeout 60m ./generator

clean:
	rm -rf public .newsgen-cache $(BIN)

# validate runs the Nu Html Checker (npm's vnu-jar, with the machine's
# Java) over a generated site with every kind of page.
VNU_DIR ?= $(HOME)/.cache/newsgen/vnu
validate:
	@test -f $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar || \
		(mkdir -p $(VNU_DIR) && cd $(VNU_DIR) && npm install --no-audit --no-fund --silent vnu-jar@26.9.27)
	NEWSGEN_VNU=$(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar $(GO) test -count=1 -run TestNuHtmlChecker -v ./generator/pipeline/

# audit builds a site from a root holding only seeds/ and runs Lighthouse
# (100 in all four categories) and axe-core (every rule, AAA included, in
# light and dark mode at 1280 and 390 px) over every kind of page, with
# Debian's chromium. npm installs both into a cache folder when missing.
AUDIT_DIR ?= $(HOME)/.cache/newsgen/audit
audit:
	@test -f $(AUDIT_DIR)/node_modules/lighthouse/core/index.js -a -f $(AUDIT_DIR)/node_modules/axe-core/axe.min.js || \
		(mkdir -p $(AUDIT_DIR) && cd $(AUDIT_DIR) && npm install --no-audit --no-fund --silent lighthouse@13.5.0 axe-core@4.14.1)
	NEWSGEN_AUDIT=$(AUDIT_DIR) $(GO) test -count=1 -run TestAudit -v ./generator/audit/

# bench measures newsgen beside Hugo (when hugo is on the PATH) on
# synthetic archives, then runs the Go benchmarks of the hot stages. It is
# never part of `make test`. Outputs go to .newsgen-cache/bench/.
#   make bench                          # 1,000, 10,000 and 100,000 seeds, 3 runs each
#   make bench BENCH_N=1000 BENCH_RUNS=1
BENCH_N    ?= 1000,10000,100000
BENCH_RUNS ?= 3
# HUGO names the Hugo binary to compare with; empty takes hugo from the PATH.
HUGO       ?=

bench:
	HUGO=$(HUGO) $(GO) run ./generator/bench -n $(BENCH_N) -runs $(BENCH_RUNS)
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...
