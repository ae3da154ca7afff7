#!/bin/sh
# make bench: the workloads of ../shared/bench, timed as whole processes.
exec /usr/bin/python3 tests/bench.py "$@"
