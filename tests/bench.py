"""Benchmarks on the shared workloads (not a test: figures only).
W2: minutes.txt as an A4 document with its stated geometry; prints the
median wall time of 5 runs, the PDF's size, the peak RSS and the
justification statistics of ../shared/bench/justify_stats.py, for total-fit
breaking and, for comparison, first-fit (VANBAN_FIRST_FIT=1)."""
import os, resource, shutil, statistics, subprocess, sys, time

vanban = sys.argv[1] if len(sys.argv) > 1 else "build/vanban"
bench = os.environ.get("BENCH_DIR", "../shared/bench")
work = "build/bench"
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def w2_yaml():
    out = ["layout: bench-w2", "organisation:", "  name: Trường Chính trị Tôn Đức Thắng",
           "  abbreviation: TCT", "  place: An Giang", "document:",
           "  title: Biên bản Hội nghị viên chức, người lao động năm 2020", "  blocks:"]
    for block in open(os.path.join(bench, "minutes.txt"), encoding="utf-8").read().split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("!c "):
            out.append("    - center: " + q(block[3:].replace("*", "\\*")))
        elif block.startswith("## "):
            out.append("    - heading: " + q(block[3:].replace("*", "\\*")))
        else:
            out.append("    - text: " + q(block.replace("*", "\\*")))
    path = os.path.join(work, "w2.yaml")
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
    return path

def timed(cmd, env=None, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

src = w2_yaml()
for label, extra in (("total-fit", {}), ("first-fit", {"VANBAN_FIRST_FIT": "1"})):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1609459200", **extra)
    d = os.path.join(work, "w2-" + label)
    secs = timed([vanban, "render", "-o", d, src], env)
    pdf = [f for f in os.listdir(d) if f.endswith(".pdf")][0]
    size = os.path.getsize(os.path.join(d, pdf))
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pages = subprocess.run(["pdfinfo", os.path.join(d, pdf)], capture_output=True, text=True).stdout
    pages = [l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")][0]
    stats = subprocess.run([sys.executable, os.path.join(bench, "justify_stats.py"),
                            os.path.join(d, pdf), "13"], capture_output=True, text=True).stdout.strip()
    print(f"W2 {label}: {secs:.3f} s, {size} bytes, {pages} pages, peak RSS {rss:.1f} MiB")
    print(f"W2 {label}: {stats}")
