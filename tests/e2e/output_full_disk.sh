#!/bin/sh
# A full disk must never leave a partial or empty file under a final name.
# Mounts a 64 KiB tmpfs (needs root); skips when mounting is not permitted.
BUILD=${BUILD:-build}
helper="$BUILD/tests/test_output"
name="output_full_disk"
dir=$(mktemp -d /tmp/vanban-full-XXXXXX) || { echo "not ok - $name: mktemp"; exit 0; }
if ! mount -t tmpfs -o size=64k tmpfs "$dir" 2>/dev/null; then
	rmdir "$dir"
	echo "ok - $name # skip: cannot mount a tmpfs here"
	exit 0
fi
trap 'umount "$dir" 2>/dev/null; rmdir "$dir"' EXIT

check() { # NAME COND...
	n=$1; shift
	if "$@"; then echo "ok - $name: $n"; else echo "not ok - $name: $n"; fi
}

"$helper" write "$dir" doc.pdf 1000 2>/dev/null
check "small file written" [ "$(wc -c < "$dir/doc.pdf")" -eq 1000 ]

"$helper" write "$dir" big.pdf 200000 2>"$dir.err"
rc=$?
check "write beyond the disk fails with status 3" [ "$rc" -eq 3 ]
check "no file under the final name" [ ! -e "$dir/big.pdf" ]
check "error names the file and ENOSPC" grep -q "error: cannot write $dir/big.pdf: No space left on device" "$dir.err"

"$helper" write "$dir" doc.pdf 200000 2>/dev/null
check "failed re-write keeps the old file whole" [ "$(wc -c < "$dir/doc.pdf")" -eq 1000 ]
check "no temporary files left" [ -z "$(ls -A "$dir" | grep '\.tmp-')" ]
rm -f "$dir.err"
