#!/bin/sh
# make bench: vanban beside Typst 0.10 on the workloads of tests/bench/.
exec /usr/bin/python3 tests/bench.py "$@"
