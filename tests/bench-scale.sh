#!/bin/sh
# make bench-scale: 100,000 certificates as print files (parts of 1,000) in
# one run; prints the time, the peak RSS and checks every page is there.
BENCH_SCALE=${BENCH_SCALE:-100000} exec /usr/bin/python3 tests/bench.py "$@"
