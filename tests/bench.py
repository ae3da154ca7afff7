"""Benchmarks on the shared workloads (not a test: figures only).
W1: the 1,000 recipients of recipients.csv as certificates (layout
certificate-a4), once as one print file and once as 1,000 files; the
CSV's two achievement lines are joined into one column.
W2: minutes.txt as an A4 document with its stated geometry; prints the
median wall time of 5 runs, the PDF's size, the peak RSS and the
justification statistics of ../shared/bench/justify_stats.py and the number
of runts (tests/runts.py), for total-fit
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
    """Median wall time; each run writes into an empty output folder (cmd[3])."""
    times = []
    for _ in range(runs):
        shutil.rmtree(cmd[3], ignore_errors=True)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

def w1_inputs(layout):
    import csv
    rows = list(csv.DictReader(open(os.path.join(bench, "recipients.csv"), encoding="utf-8")))
    with open(os.path.join(work, "w1.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích"])
        for r in rows:
            w.writerow([r["id"], r["name"], r["position"], r["unit"], r["line1"] + " " + r["line2"]])
    paths = {}
    for mode in ("print", "files"):
        y = ["organisation:", "  name: Trường Chính trị Tôn Đức Thắng", "  abbreviation: TCT",
             "  place: An Giang", "decisions:", "  - number: 15", "    date: 2020-12-30",
             "    summary: Về việc tặng Giấy khen năm 2020",
             "    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG",
             "    articles: ['Tặng Giấy khen cho {count} cá nhân (có danh sách kèm theo).']",
             "    signer: {title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường}",
             "    certificate_layout: " + layout,
             "    decision_output: false", "    certificate_output: " + mode,
             "    list:", "      csv: {file: w1.csv, name: Họ và tên, position: Chức vụ, unit: Đơn vị,"
             " achievement: Thành tích}"]
        paths[mode] = os.path.join(work, "w1-%s-%s.yaml" % (layout, mode))
        open(paths[mode], "w", encoding="utf-8").write("\n".join(y) + "\n")
    return paths

def peak_rss(cmd, env):
    """Peak RSS (MiB) of one run, from GNU time's view of the child."""
    r = subprocess.run(["/usr/bin/python3", "-c",
        "import resource,subprocess,sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"] + cmd,
        env=env, capture_output=True, text=True, check=True)
    return int(r.stdout.split()[-1]) / 1024

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
    runts = subprocess.run([sys.executable, "tests/runts.py", os.path.join(d, pdf)],
                           capture_output=True, text=True).stdout.strip().splitlines()[-1]
    print(f"W2 {label}: {stats} {runts}")

# W1 after W2: RUSAGE_CHILDREN keeps the largest child so far, and W1's
# runs are the larger ones.
env = dict(os.environ, SOURCE_DATE_EPOCH="1609459200")
for layout in ("certificate-a4", "certificate-a4-compact"):
    w1 = w1_inputs(layout)
    for mode in ("print", "files"):
        d = os.path.join(work, "w1-" + mode)
        cmd = [vanban, "render", "-o", d, w1[mode]]
        secs = timed(cmd, env, runs=3)
        rss = peak_rss(cmd, env)
        certs = [f for f in os.listdir(d) if f.startswith("giay-khen")]
        sizes = [os.path.getsize(os.path.join(d, f)) for f in certs]
        if mode == "print":
            print(f"W1 {layout}: one print file {secs:.3f} s, {sizes[0]} bytes, peak RSS {rss:.1f} MiB")
        else:
            print(f"W1 {layout}: {len(certs)} files {secs:.3f} s, {statistics.mean(sizes) / 1024:.1f} KB mean, "
                  f"{max(sizes) / 1024:.1f} KB max, peak RSS {rss:.1f} MiB")
