# Benchmarks: newsgen against Hugo on synthetic archives, then the Go
# benchmarks of the hot stages. Included from the Makefile; never part of
# `make test`. Outputs go to bench/out/ (git-ignored).
#
#   make bench                          # 1,000, 10,000 and 100,000 seeds, 3 runs each
#   make bench BENCH_N=1000 BENCH_RUNS=1

GO         ?= go
BENCH_N    ?= 1000,10000,100000
BENCH_RUNS ?= 3

.PHONY: bench

bench:
	$(GO) run ./generator/bench -n $(BENCH_N) -runs $(BENCH_RUNS)
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...
