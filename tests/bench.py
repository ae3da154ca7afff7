"""make bench: vanban beside Typst 0.10 on the same work, in one run.

The workloads are in tests/bench/ (recipients.csv and minutes.txt, from the
project's shared benchmark set; cert.typ, w1.typ and w2.typ are the same
documents written for Typst). Not a test: it prints figures.

W1: the 1,000 recipients as certificates (layout certificate-a4), once as
one print file and once as 1,000 files; the CSV's two achievement lines are
joined into one column. Typst makes the 1,000 files one process per file
(it writes one PDF per run), one after another and, for comparison, as many
at once as there are CPUs (vanban uses every CPU by default).
W2: minutes.txt as an A4 document with its stated geometry.
Times are the median wall time of whole processes (W2 5 runs, W1 3, Typst's
1,000 files 1), each into an empty folder. Peak RSS is that of vanban's own
process (wait4). RSS at 1,000 and 10,000 certificates: the 10,000 are the
1,000 ten times over, names made distinct.

Usage: bench.py [VANBAN [TYPST]]; BENCH_QUICK=1 skips Typst's 1,000 files;
BENCH_RSS_ONLY=1 prints only the memory lines."""
import csv, os, shutil, statistics, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

vanban = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/vanban")
typst = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench")
work = os.path.abspath("build/bench")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
env = dict(os.environ, SOURCE_DATE_EPOCH="1609459200")
env.pop("VANBAN_FIRST_FIT", None)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(cmd, cwd=None, extra=None):
    """One run: (wall seconds, peak RSS in MiB of the process itself)."""
    e = dict(env, **(extra or {}))
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=e, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode > 1:  # 1: warnings (W1's list has two duplicate names)
        sys.exit("bench: %s failed (%d)" % (" ".join(cmd), p.returncode))
    return secs, ru.ru_maxrss / 1024


def timed(cmd, out, runs, cwd=None, extra=None):
    """Median wall time and the largest peak RSS of `runs` runs into an empty `out`."""
    times, rss = [], 0.0
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out, exist_ok=True)
        secs, r = run(cmd, cwd, extra)
        times.append(secs)
        rss = max(rss, r)
    return statistics.median(times), rss


def pdfs(d, prefix=""):
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".pdf") and f.startswith(prefix))


def w2_yaml():
    out = ["layout: bench-w2", "organisation:", "  name: Trường Chính trị Tôn Đức Thắng",
           "  abbreviation: TCT", "  place: An Giang", "document:",
           "  title: Biên bản Hội nghị viên chức, người lao động năm 2020", "  blocks:"]
    for block in open(os.path.join(here, "minutes.txt"), encoding="utf-8").read().split("\n\n"):
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
    # its layout is a test's, not an office's: found beside the input
    shutil.copy(os.path.join(here, "..", "layouts", "bench-w2.yaml"), work)
    return path


def letters(c):
    """1 → A, 26 → Z, 27 → AA: makes the copies' names distinct."""
    s = ""
    while c:
        c, k = divmod(c - 1, 26)
        s = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[k] + s
    return s


def w1_inputs(layout, copies=1):
    """The decision YAML for print and files mode with `copies` × 1,000 recipients."""
    rows = list(csv.DictReader(open(os.path.join(here, "recipients.csv"), encoding="utf-8")))
    tag = "%s-%d" % (layout, copies * len(rows))
    data = "w1-%d.csv" % (copies * len(rows))
    with open(os.path.join(work, data), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích"])
        n = 0
        for c in range(copies):
            for r in rows:
                n += 1
                name = r["name"] if c == 0 else "%s %s" % (r["name"], letters(c))
                w.writerow([n, name, r["position"], r["unit"], r["line1"] + " " + r["line2"]])
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
             "    list:", "      csv: {file: %s, name: Họ và tên, position: Chức vụ, unit: Đơn vị,"
             " achievement: Thành tích}" % data]
        paths[mode] = os.path.join(work, "w1-%s-%s.yaml" % (tag, mode))
        open(paths[mode], "w", encoding="utf-8").write("\n".join(y) + "\n")
    return paths


def typst_files(d):
    """Typst's 1,000 files: one small source per recipient beside cert.typ."""
    src = os.path.join(work, "typst-files")
    os.makedirs(src, exist_ok=True)
    for f in ("cert.typ", "recipients.csv"):
        shutil.copy(os.path.join(here, f), src)
    n = sum(1 for _ in open(os.path.join(here, "recipients.csv"), encoding="utf-8")) - 1
    names = []
    for i in range(n):
        name = "c%04d.typ" % (i + 1)
        open(os.path.join(src, name), "w").write(
            '#import "cert.typ": rows, cert, sheet\n#show: sheet\n#cert(rows.at(%d))\n' % i)
        names.append(name)
    return src, names


def typst_many(src, names, d, workers):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    def one(name):
        subprocess.run([typst, "compile", name, os.path.join(d, name[:-4] + ".pdf")],
                       cwd=src, check=True, env=env)
    t = time.perf_counter()
    with ThreadPoolExecutor(workers) as ex:
        list(ex.map(one, names))
    return time.perf_counter() - t


def rss_lines():
    out = []
    for mode in ("print", "files"):
        rss = {}
        for copies in (1, 10):
            y = w1_inputs("certificate-a4", copies)[mode]
            d = os.path.join(work, "rss-%s-%d" % (mode, copies))
            shutil.rmtree(d, ignore_errors=True)
            rss[copies] = run([vanban, "render", "-o", d, y])[1]
            shutil.rmtree(d, ignore_errors=True)
        out.append("| W1 %s | %.1f MiB | %.1f MiB | %.2f |" % (
            "print files (parts of 1,000)" if mode == "print" else "separate files",
            rss[1], rss[10], rss[10] / rss[1]))
    return out


def scale(n):
    """make bench-scale: n certificates (a multiple of 1,000) as print files in one run."""
    y = w1_inputs("certificate-a4", n // 1000)["print"]
    d = os.path.join(work, "scale")
    secs, rss = run([vanban, "render", "-o", d, y])
    parts = pdfs(d, "giay-khen")
    pages = 0
    for f in parts:
        info = subprocess.run(["pdfinfo", f], capture_output=True, text=True, check=True).stdout
        pages += int([l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")][0])
    size = sum(os.path.getsize(f) for f in parts)
    print("%d certificates: %.1f s, peak RSS %.1f MiB, %d print files, %d pages, %.1f MB" % (
        n, secs, rss, len(parts), pages, size / 1e6))
    if pages != n:
        sys.exit("bench-scale: %d pages, expected %d" % (pages, n))
    shutil.rmtree(d, ignore_errors=True)


def main():
    print("vanban %s; Typst %s; %d CPUs; load %.2f" % (
        vanban, subprocess.run([typst, "--version"], capture_output=True, text=True).stdout.strip()
        if typst else "not run", os.cpu_count(), os.getloadavg()[0]))
    if os.environ.get("BENCH_SCALE"):
        scale(int(os.environ["BENCH_SCALE"]))
        return
    if os.environ.get("BENCH_RSS_ONLY"):
        print("\n".join(["| run | 1,000 certificates | 10,000 | ratio |", "|---|---|---|---|"] + rss_lines()))
        return
    rows = []
    w1 = w1_inputs("certificate-a4")
    # W1 print
    d = os.path.join(work, "w1-print")
    vt, vr = timed([vanban, "render", "-o", d, w1["print"]], d, 3)
    vb = os.path.getsize(pdfs(d, "giay-khen")[0])
    tt = tb = None
    if typst:
        td = os.path.join(work, "typst-w1")
        tt, _ = timed([typst, "compile", "w1.typ", os.path.join(td, "w1.pdf")], td, 3, cwd=here)
        tb = os.path.getsize(os.path.join(td, "w1.pdf"))
    rows.append(("W1, one print file (1,000 pages)", vt, tt, vb, tb, vr))
    # W1 files
    d = os.path.join(work, "w1-files")
    vt, vr = timed([vanban, "render", "-o", d, w1["files"]], d, 3)
    sizes = [os.path.getsize(f) for f in pdfs(d, "giay-khen")]
    tt = tb = tp = None
    if typst:
        src, names = typst_files(d)
        td = os.path.join(work, "typst-files-out")
        tp = typst_many(src, names, td, os.cpu_count() or 1)
        tb = statistics.mean(os.path.getsize(f) for f in pdfs(td))
        if not os.environ.get("BENCH_QUICK"):
            tt = typst_many(src, names, td, 1)
    rows.append(("W1, 1,000 files (bytes: mean per file)", vt, tt, statistics.mean(sizes), tb, vr))
    if tp is not None:
        rows.append(("W1, 1,000 files, Typst %d at once" % (os.cpu_count() or 1), vt, tp,
                     statistics.mean(sizes), tb, vr))
    # W2
    src = w2_yaml()
    d = os.path.join(work, "w2")
    vt, vr = timed([vanban, "render", "-o", d, src], d, 5)
    w2pdf = pdfs(d)[0]
    vb = os.path.getsize(w2pdf)
    tt = tb = None
    if typst:
        td = os.path.join(work, "typst-w2")
        tt, _ = timed([typst, "compile", "w2.typ", os.path.join(td, "w2.pdf")], td, 5, cwd=here)
        tb = os.path.getsize(os.path.join(td, "w2.pdf"))
    rows.append(("W2, minutes (5 pages)", vt, tt, vb, tb, vr))

    f = lambda v, fmt: (fmt % v) if v is not None else "–"
    print("| work | vanban | Typst 0.10 | ratio | vanban bytes | Typst bytes | vanban peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for name, vt, tt, vb, tb, vr in rows:
        print("| %s | %.3f s | %s | %s | %s | %s | %.1f MiB |" % (
            name, vt, f(tt, "%.3f s"), f(tt and vt / tt, "%.3f"), "{:,.0f}".format(vb),
            "{:,.0f}".format(tb) if tb else "–", vr))
    stats = subprocess.run([sys.executable, os.path.join(here, "justify_stats.py"), w2pdf, "13"],
                           capture_output=True, text=True).stdout.strip()
    runts = subprocess.run([sys.executable, os.path.join(here, "..", "runts.py"), w2pdf],
                           capture_output=True, text=True).stdout.strip().splitlines()
    print("W2 justification (vanban): " + stats + " " + (runts[-1] if runts else "runts=?"))
    print()
    print("| run | 1,000 certificates | 10,000 | ratio |")
    print("|---|---|---|---|")
    print("\n".join(rss_lines()))


if __name__ == "__main__":
    main()
