#!/usr/bin/env python3
"""run.py: gavel's side-by-side benchmark (`make bench`).

Generates a ~50 MB made-up compilation of resolutions (bench/gen.py), then measures gavel and,
in the same run and on the same files, the tools a user would compare it with:

  parse        bench_parse: parse_file() MB/s and peak RSS / file size
  first screen the reader from process start to the first full screen, in a pseudo-terminal,
               on the bundled resolution and the 50 MB document; peer: less
  reach end    `G` until the end shows; peer: less
  layout       bench_wrap: text_wrap() of every paragraph at 80 columns, MB/s; peer: fold -s -w 80
  scrolling    CPU per keystroke (j, k, Space, b) on both documents (the process's CPU time
               from /proc/PID/schedstat before and after the keys), which must not grow with
               the document
  search       bench_search: search_text() of a word, case- and accent-folded, MB/s; peer: grep -ci
  diff         `gavel diff OLD NEW` on two long resolutions, whole command (made-up pair from
               bench/gen_pair.py; real series pairs from the corpus when gavel reads them), as
               text and as a .docx; peer: git diff --no-index --word-diff on the same files
  store        100,000 annotations inserted (one transaction each, as gavel commits them); peer:
               the sqlite3 shell inserting as many rows in one transaction; opening a document
               with 10,000 annotations; exporting them (gavel export --format json)
  library      import, size, search, used and first screens of made-up libraries of 1,900 +
               2,700 and about 90,000 resolutions (bench/library.py, bench/genlib.py)

Each figure is the median of several runs (BENCH_RUNS, default 3). A measurement whose code is
not built yet prints "not available: ..." and the run goes on. The table goes to stdout and to
bench/out/results.md (in the build tree), with the machine it ran on.

Usage: run.py --srcdir DIR --builddir DIR [--size MB] [--runs N] [--quick]
"""
import argparse
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import fcntl
import termios

RESULTS = []          # (section, measure, gavel, peer-name, peer, ratio, target)
NOTES = []


class Unavailable(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def median(xs):
    return statistics.median(xs)


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = "%.1f GB" % (int(line.split()[1]) / 1024 / 1024)
                break
    except OSError:
        pass
    load = "load average %.2f %.2f %.2f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return "%d CPUs (nproc), %s, %s RAM, %s, %s" % (os.cpu_count() or 0, cpu, mem,
                                                   os.uname().release, load)


def run_kv(cmd, timeout=900):
    """Runs a bench helper that prints key=value lines; exit 77 means not available."""
    if not os.path.exists(cmd[0]):
        raise Unavailable("%s is not built (its layer may not link yet)" % os.path.basename(cmd[0]))
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    kv = dict(l.split("=", 1) for l in p.stdout.splitlines() if "=" in l)
    if p.returncode == 77:
        raise Unavailable(kv.get("unavailable", "helper says not available"))
    if p.returncode != 0:
        raise Unavailable("%s exited %d: %s" % (os.path.basename(cmd[0]), p.returncode,
                                                 (p.stderr or p.stdout).strip()[:200]))
    return kv


def wall(cmd, runs, stdin=None, timeout=900, env=None):
    """Median wall seconds of a command (output discarded); fails on a non-zero exit."""
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        # Output into a pipe, not /dev/null: GNU grep stops at the first match when it sees
        # /dev/null, which would not be a measurement of anything.
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp:
            p = subprocess.run(cmd, stdin=inp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout, env=env)
        times.append(time.monotonic() - t0)
        if p.returncode not in (0, 1):   # grep -c exits 1 when nothing matched
            raise Unavailable("%s exited %d: %s" % (cmd[0], p.returncode,
                                                     p.stderr.decode(errors="replace").strip()[:200]))
    return median(times)


def whole(cmd, env=None, timeout=900):
    """One whole process, its output drained from a pipe as a reader of it would: wall seconds,
    peak RSS in bytes and CPU seconds (user + system, every thread); fails on an exit other
    than 0 or 1 (nothing matched)."""
    # The peak RSS wait4() gives counts what the child held before its exec, and a child of
    # this (by then large) Python starts as a copy of it: GNU time, small, starts the command
    # and reports its own child's.
    gnu_time = os.path.exists("/usr/bin/time")
    rss_file = tempfile.NamedTemporaryFile(prefix="gavel-bench-rss.", delete=False).name
    if gnu_time:
        cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", rss_file] + list(cmd)
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env)
    while p.stdout.read(1 << 16):
        if time.monotonic() - t0 > timeout:
            p.kill()
    p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss * 1024
    cpu = ru.ru_utime + ru.ru_stime
    if gnu_time:
        with open(rss_file) as f:
            words = f.read().split()
        rss = int(words[-1]) * 1024 if words and words[-1].isdigit() else rss
        try:
            cpu = float(words[-3]) + float(words[-2])
        except (IndexError, ValueError):
            pass
    os.unlink(rss_file)
    if p.returncode not in (0, 1):
        raise Unavailable("%s exited %d" % (" ".join(cmd[-4:]), p.returncode))
    return secs, rss, cpu


def whole_pair(gavel_cmd, peer_cmd, runs):
    """Medians of gavel's command and its peer's, run alternately (so that the machine's
    other work weighs on both alike): (gavel s, gavel peak RSS, peer s, gavel CPU s)."""
    g, rss, p, cpu = [], [], [], []
    for _ in range(max(runs, 3)):
        p.append(whole(peer_cmd)[0] if peer_cmd else 0)
        secs, r, c = whole(gavel_cmd)
        g.append(secs)
        rss.append(r)
        cpu.append(c)
    return median(g), median(rss), median(p), median(cpu)


def whole_rows(section, docs, runs, gavel):
    """Issue 12's whole-command rows of a section (parse, layout, search) on each document:
    the command as a user runs it, a process with its output into a pipe, beside the tool a
    user would otherwise run, and its peak RSS against the file's size."""
    for doc, label in docs:
        size = os.path.getsize(doc)
        try:
            if not os.path.exists(gavel):
                raise Unavailable("src/gavel is not built")
            if section == "search":
                g, rss, p, c = whole_pair([gavel, "search", "migrant", doc],
                                          ["grep", "-i", "migrant", doc], runs)
                add(section, "whole command: gavel search migrant, %s" % label,
                    "%.2f s (CPU %.2f s; peak RSS %.2fx the file)" % (g, c, rss / size),
                    "grep -i migrant",
                    "%.2f s" % p, g / p, "<= 2x grep -i")
            elif section == "layout":
                g, rss, p, c = whole_pair([gavel, "show", "--width", "80", doc],
                                          ["fold", "-s", "-w", "80", doc], runs)
                add(section, "whole command: gavel show --width 80, %s" % label,
                    "%.2f s (CPU %.2f s; peak RSS %.2fx the file)" % (g, c, rss / size),
                    "fold -s -w 80",
                    "%.2f s" % p, g / p, "<= 2x fold")
            else:
                g, rss, _, c = whole_pair([gavel, "parse", doc], None, runs)
                add(section, "whole command: gavel parse (JSON out), %s" % label,
                    "%.1f MB/s (%.2f s; CPU %.2f s)" % (mbps(size, g), g, c),
                    target=">= 200 MB/s")
                add(section, "whole command: gavel parse, peak RSS / file size, %s" % label,
                    "%.2fx (%.0f MB)" % (rss / size, rss / 1e6), target="<= 1.5x")
        except (Unavailable, subprocess.TimeoutExpired) as e:
            na(section, "whole command, %s" % label, str(e))


# --- pseudo-terminal sessions -----------------------------------------------------------------

class Session:
    """A program in a pseudo-terminal of a fixed size; collects everything it draws."""

    def __init__(self, argv, cols=100, rows=30, env=None):
        env = dict(env or os.environ)
        if env.pop("BENCH_FRESH_DB", None):
            # A database of its own: gavel restores the reading position of the last session,
            # so a reused one would open where the previous run's G left it.
            self.dbdir = tempfile.mkdtemp(prefix="gavel-bench-db.")
            env["GAVEL_DB"] = os.path.join(self.dbdir, "reader.db")
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execvpe(argv[0], argv, env or os.environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.buf = bytearray()
        self.last = self.t0       # time of the last byte read
        self.status = None
        self.rusage = None

    def pump(self, timeout):
        """Reads what is there within timeout; returns the bytes read (b'' on timeout/EOF)."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b""
        if data:
            self.buf += data
            self.last = time.monotonic()
            # Answer a cursor position request, as a terminal would.
            if b"\x1b[6n" in data:
                os.write(self.fd, b"\x1b[1;1R")
        return data

    def wait_for(self, marker, limit, start=0):
        """Waits until marker shows in the output after offset start; then until the output has
        been quiet for 50 ms (the end of that screen's drawing). Returns the time of the last
        byte of that burst, from process start, or None."""
        end = time.monotonic() + limit
        markers = marker if isinstance(marker, tuple) else (marker,)
        while not any(m in self.buf[start:] for m in markers):
            if time.monotonic() > end or self.exited():
                return None
            self.pump(0.05)
        while self.pump(0.05):
            pass
        return self.last - self.t0

    def key(self, k, wait=0.3):
        """Sends a key and waits for the redraw to start; returns latency or None."""
        n = len(self.buf)
        t = time.monotonic()
        os.write(self.fd, k)
        end = t + wait
        while len(self.buf) == n and time.monotonic() < end:
            self.pump(0.01)
        lat = time.monotonic() - t if len(self.buf) > n else None
        while self.pump(0.002):
            pass
        return lat

    def exited(self):
        if self.status is not None:
            return True
        pid, status, ru = os.wait4(self.pid, os.WNOHANG)
        if pid:
            self.status, self.rusage = status, ru
            return True
        return False

    def quit(self, keys=b"q"):
        try:
            os.write(self.fd, keys)
        except OSError:
            pass
        end = time.monotonic() + 5
        while not self.exited() and time.monotonic() < end:
            self.pump(0.05)
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            _, self.status, self.rusage = os.wait4(self.pid, 0)
        os.close(self.fd)
        if getattr(self, "dbdir", None):
            subprocess.run(["rm", "-rf", self.dbdir])
        return self.rusage


def term_env(tmp):
    env = dict(os.environ)
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=tmp,
               XDG_DATA_HOME=os.path.join(tmp, "xdg"), GAVEL_DB=os.path.join(tmp, "reader.db"),
               BENCH_FRESH_DB="1", LESS="", LESSHISTFILE="-")
    env.pop("NO_COLOR", None)
    return env


def first_screen(argv, marker, env, runs, end_key=None, end_marker=None):
    """Median time to the first full screen, and (optionally) from end_key to end_marker."""
    firsts, ends = [], []
    for _ in range(runs):
        s = Session(argv, env=env)
        t = s.wait_for(marker, 60)
        if t is None:
            text = bytes(s.buf[-300:]).decode(errors="replace")
            s.quit(b"q:q\r")
            raise Unavailable("%r never showed %r (last output: %r)" % (
                os.path.basename(argv[0]), b" or ".join(marker).decode(), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)[-120:]))
        firsts.append(t)
        if end_key:
            n = len(s.buf)
            t0 = time.monotonic()
            os.write(s.fd, end_key)
            te = s.wait_for(end_marker, 60, start=n)
            ends.append(None if te is None else s.last - t0)
        s.quit(b"q")
    e = None
    if end_key:
        e = None if None in ends else median(ends)
    return median(firsts), e


def cpu_seconds(pid):
    """CPU time a running process has used: /proc/PID/schedstat (nanoseconds on CPU)."""
    with open("/proc/%d/schedstat" % pid) as f:
        return int(f.read().split()[0]) / 1e9


def scroll_cost(argv, marker, env, runs, keys):
    """CPU seconds per keystroke: the process's CPU time (schedstat) after the keys minus after
    its first screen, divided by the keys, median of runs; and the median latency from a key
    to the start of its redraw."""
    per_key, lat_all = [], []
    for _ in range(runs):
        s = Session(argv, env=env)
        if s.wait_for(marker, 60) is None:
            s.quit(b"q")
            raise Unavailable("the reader never showed %r" % b" or ".join(marker).decode())
        try:
            before = cpu_seconds(s.pid)
        except OSError as e:
            s.quit(b"q")
            raise Unavailable("cannot read the CPU time of the process: %s" % e)
        for k in keys:
            lat = s.key(k)
            if lat is not None:
                lat_all.append(lat)
        after = cpu_seconds(s.pid)
        s.quit(b"q")
        per_key.append((after - before) / len(keys))
    return median(per_key), (median(lat_all) if lat_all else None), len(lat_all)


# --- the measurements -------------------------------------------------------------------------

def add(section, measure, gavel, peer_name="", peer=None, ratio=None, target=""):
    RESULTS.append((section, measure, gavel, peer_name, peer, ratio, target))


def na(section, measure, why, peer_name="", peer=None, target=""):
    log("  not available: %s: %s" % (measure, why))
    RESULTS.append((section, measure, "not available: " + why, peer_name, peer, None, target))


def ms(secs):
    """Milliseconds, with a decimal below 100 ms (start-up times are a few ms)."""
    return ("%.1f ms" if secs < 0.1 else "%.0f ms") % (secs * 1e3)


def mbps(nbytes, secs):
    return nbytes / 1e6 / secs if secs > 0 else float("inf")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--srcdir", default=".")
    ap.add_argument("--builddir", default=".")
    ap.add_argument("--size", type=float, default=float(os.environ.get("BENCH_MB", 50)))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    ap.add_argument("--quick", action="store_true", help="5 MB, one run, 10,000 notes")
    ap.add_argument("--no-large-library", action="store_true",
                    help="leave out the library of about 90,000 resolutions (bench/library.py)")
    a = ap.parse_args()
    if a.quick:
        a.size, a.runs = min(a.size, 5), 1
    runs = a.runs
    src, bld = os.path.abspath(a.srcdir), os.path.abspath(a.builddir)
    out = os.path.join(bld, "bench", "out")
    os.makedirs(out, exist_ok=True)
    gavel = os.path.join(bld, "src", "gavel")
    helper = lambda name: os.path.join(bld, "bench", name)
    sample = os.path.join(src, "share", "a-res-58-190-en.ods.txt")
    big = os.path.join(out, "compilation-%gmb.txt" % a.size)
    tmp = tempfile.mkdtemp(prefix="gavel-bench.")
    env = term_env(tmp)
    notes_n = 10_000 if a.quick else 100_000

    log("machine: " + machine())
    if not os.path.exists(big):
        log("generating %s" % big)
        subprocess.run([sys.executable, os.path.join(src, "bench", "gen.py"), big, str(a.size)], check=True)
    size = os.path.getsize(big)
    ssize = os.path.getsize(sample)
    log("documents: %s (%.1f MB), %s (%.1f kB); %d run(s) each, medians" % (
        os.path.basename(big), size / 1e6, os.path.basename(sample), ssize / 1e3, runs))
    # issue 12's whole-command measures also run on the bundled resolution repeated (3,200
    # times for 50 MB): a real resolution's text, not only gen.py's
    copies = max(1, int(a.size * 64))
    repeated = os.path.join(out, "bundled-x%d.txt" % copies)
    if not os.path.exists(repeated):
        with open(sample, "rb") as f:
            one = f.read()
        with open(repeated, "wb") as f:
            for _ in range(copies):
                f.write(one)
    whole_docs = ((big, "%g MB compilation" % a.size),
                  (repeated, "bundled resolution x%d (%.0f MB)" % (
                      copies, os.path.getsize(repeated) / 1e6)))

    # parse
    log("parse")
    try:
        secs, rss = [], []
        for _ in range(runs):
            kv = run_kv([helper("bench_parse"), big])
            secs.append(float(kv["seconds"]))
            rss.append(int(kv["maxrss_kb"]) * 1024)
        add("parse", "parse the %g MB compilation" % a.size, "%.1f MB/s (%.2f s, %s docs, %s paragraphs)" % (
            mbps(size, median(secs)), median(secs), kv["docs"], kv["paras"]))
        add("parse", "peak RSS / file size", "%.2fx (%.0f MB)" % (median(rss) / size, median(rss) / 1e6),
            target="")
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("parse", "parse MB/s and peak RSS", str(e))
    whole_rows("parse", whole_docs, runs, gavel)

    # first screen and reaching the end, reader vs less
    log("first screen")
    # Either the first preambular paragraph's opening word or the first resolution's number
    # (a reader may open a compilation on its outline of resolutions).
    first_markers = {sample: (b"Recalling", b"58/190"),
                     big: first_markers_of(big)}
    end_markers = {sample: b"fulfilment", big: b"zyxwvutsrq"}
    # In a compilation the reader's G ends the current resolution: go to the last one first.
    end_keys = {sample: b"G", big: b":res " + last_number(big) + b"\rG"}
    biglabel = "%g MB document" % a.size
    # A first screen takes milliseconds: many runs, gavel and less alternating, so that
    # whatever else the machine does weighs on both alike.
    fs_runs = max(runs, 15)   # report() says so
    for doc, label in ((sample, "bundled resolution"), (big, biglabel)):
        firsts = {"less": [], "gavel": []}
        errors = {}
        for _ in range(fs_runs):
            for name, argv in (("less", ["less", doc]), ("gavel", [gavel, doc])):
                if name in errors:
                    continue
                try:
                    if name == "gavel" and not os.path.exists(gavel):
                        raise Unavailable("src/gavel is not built")
                    firsts[name].append(first_screen(argv, first_markers[doc], env, 1)[0])
                except Unavailable as e:
                    errors[name] = str(e)
        if "less" in errors:
            NOTES.append("less on %s: %s" % (label, errors["less"]))
        less_first = median(firsts["less"]) if firsts["less"] and "less" not in errors else None
        less_shown = ms(less_first) if less_first else None
        if "gavel" in errors:
            na("first screen", "first screen, %s" % label, errors["gavel"], "less", less_shown,
               "<= less (50 MB)")
            continue
        g_first = median(firsts["gavel"])
        add("first screen", "first screen, %s" % label, ms(g_first), "less",
            less_shown, g_first / less_first if less_first else None, "<= less (50 MB)")
        less_end = None
        try:
            less_end = first_screen(["less", doc], first_markers[doc], env, runs,
                                    end_key=b"G", end_marker=b"(END)")[1]
        except Unavailable as e:
            NOTES.append("less on %s: %s" % (label, e))
        try:
            g_end = first_screen([gavel, doc], first_markers[doc], env, runs,
                                 end_key=end_keys[doc], end_marker=end_markers[doc])[1]
        except Unavailable as e:
            g_end = None
        what = "%s to the end, %s" % (end_keys[doc].decode().replace("\r", " Enter "), label)
        if g_end is not None:
            add("first screen", what, ms(g_end), "less",
                ms(less_end) if less_end else None,
                g_end / less_end if less_end else None)
        else:
            na("first screen", "to the end, %s" % label, "the end (%r) never showed after %r" % (
                end_markers[doc].decode(), end_keys[doc].decode()))

    # A file on one line (issue 18): the first screen and memory must not depend on the line's
    # length. G waits for the whole file and goes to the end of what is shown of the paragraph.
    oneline = os.path.join(out, "one-line-%gmb.txt" % a.size)
    if not os.path.exists(oneline):
        words = b"the general assembly recalling its resolutions and reaffirming the principles "
        with open(oneline, "wb") as f:
            f.write(b"The General Assembly,\n\tRecalling ")
            f.write(words * int(a.size * 1e6 // len(words)))
            f.write(b"\n")
    olabel = "%g MB on one line" % a.size
    firsts = {"less": [], "gavel": []}
    try:
        for _ in range(fs_runs):
            firsts["less"].append(first_screen(["less", oneline], (b"Recalling",), env, 1)[0])
            firsts["gavel"].append(first_screen([gavel, oneline], (b"Recalling",), env, 1)[0])
        lf, gf = median(firsts["less"]), median(firsts["gavel"])
        add("first screen", "first screen, %s" % olabel, ms(gf), "less", ms(lf), gf / lf,
            "<= less (50 MB)")
        s = Session([gavel, oneline], env=env)
        if s.wait_for(b"Recalling", 60) is None:
            raise Unavailable("no first screen")
        n, t0 = len(s.buf), time.monotonic()
        os.write(s.fd, b"G")
        te = s.wait_for(b"not shown", 120, start=n)
        ru = s.quit(b"q")
        if te is None:
            raise Unavailable("G never reached the end of the paragraph")
        add("first screen", "G (the whole file read), %s" % olabel, ms(s.last - t0))
        add("first screen", "reader's peak RSS / file size, %s" % olabel, "%.2fx (%.0f MB)" % (
            ru.ru_maxrss * 1024 / os.path.getsize(oneline), ru.ru_maxrss / 1024))
    except Unavailable as e:
        na("first screen", "first screen, %s" % olabel, str(e))

    # PDF: a 100-page PDF against a text file of the same size
    log("pdf")
    pdf_rows(src, bld, out, gavel, env, tmp, runs)

    # layout
    log("layout")
    f = mbps(size, wall(["fold", "-s", "-w", "80", big], runs))
    try:
        kv = run_kv([helper("bench_wrap"), big, "80", str(runs)])
        g = mbps(int(kv["bytes"]), float(kv["seconds"]))
        add("layout", "wrap every paragraph at 80 columns", "%.1f MB/s (%s lines)" % (g, kv["lines"]),
            "fold -s -w 80", "%.1f MB/s" % f, g / f, ">= 0.5x fold")
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("layout", "wrap at 80 columns", str(e), "fold -s -w 80", "%.1f MB/s" % f, ">= 0.5x fold")
    whole_rows("layout", whole_docs, runs, gavel)

    # scrolling
    log("scrolling")
    keys = [b"j"] * 60 + [b"k"] * 60 + [b" ", b"b"] * 30
    costs = {}
    for doc, label in ((sample, "bundled resolution"), (big, biglabel)):
        less_cpu = None
        try:
            less_cpu = scroll_cost(["less", doc], first_markers[doc], env, runs, keys)[0]
        except Unavailable as e:
            NOTES.append("less scrolling on %s: %s" % (label, e))
        less_fig = "%.0f us" % (less_cpu * 1e6) if less_cpu else None
        try:
            if not os.path.exists(gavel):
                raise Unavailable("src/gavel is not built")
            cpu, lat, n = scroll_cost([gavel, doc], first_markers[doc], env, runs, keys)
            costs[doc] = cpu
            add("scrolling", "CPU per keystroke, %s" % label,
                "%.0f us (latency %s, %d/%d keys redrew)" % (
                    cpu * 1e6, "%.1f ms" % (lat * 1e3) if lat else "-", n // runs, len(keys)),
                "less", less_fig, cpu / less_cpu if less_cpu else None)
        except Unavailable as e:
            na("scrolling", "scrolling, %s" % label, str(e), "less", less_fig)
    if len(costs) == 2 and costs[sample] > 0:
        r = costs[big] / costs[sample]
        add("scrolling", "per-keystroke cost, %s / bundled" % biglabel, "%.2fx" % r, target="flat (about 1x)")

    # search
    log("search")
    word = "migrants"
    gr = mbps(size, wall(["grep", "-ci", word, big], runs))
    try:
        kv = run_kv([helper("bench_search"), big, word, str(runs)])
        g = mbps(int(kv["bytes"]), float(kv["seconds"]))
        add("search", "all matches of '%s', folded" % word,
            "%.1f MB/s (%s hits in %s paragraphs)" % (g, kv["hits"], kv["paras_hit"]),
            "grep -ci", "%.1f MB/s" % gr, g / gr, ">= 0.5x grep")
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("search", "search", str(e), "grep -ci", "%.1f MB/s" % gr, ">= 0.5x grep")
    whole_rows("search", whole_docs, runs, gavel)

    # diff
    log("diff")
    bench_diff(src, out, gavel, runs, env)

    # store
    log("store")
    db = os.path.join(tmp, "bench.db")
    peer = sqlite_bulk(tmp, notes_n, runs)
    try:
        kv = run_kv([helper("bench_store"), "insert", db, sample, str(notes_n)], timeout=1800)
        g = float(kv["seconds"])
        add("store", "insert %d annotations" % notes_n, "%.2f s (%.0f us each, one transaction each)" % (
            g, g / notes_n * 1e6), "sqlite3 shell, one transaction", "%.2f s" % peer, g / peer)
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("store", "insert %d annotations" % notes_n, str(e), "sqlite3 shell, one transaction", "%.2f s" % peer)
    db10 = os.path.join(tmp, "ten-thousand.db")
    try:
        run_kv([helper("bench_store"), "insert", db10, sample, "10000"], timeout=1800)
        opens = [float(run_kv([helper("bench_store"), "open", db10, sample])["seconds"]) for _ in range(runs)]
        add("store", "open a document with 10,000 annotations", ms(median(opens)))
        # Not as gavel left it (first open, a session that did not close): the full check.
        opens = [float(run_kv([helper("bench_store"), "open-first", db10, sample])["seconds"])
                 for _ in range(runs)]
        add("store", "the same, first open of the file (full integrity check)", ms(median(opens)))
        if os.path.exists(gavel):
            env10 = dict(env, GAVEL_DB=db10)
            env10.pop("BENCH_FRESH_DB")
            try:
                t, _ = first_screen([gavel, sample], first_markers[sample], env10, runs)
                add("store", "reader: first screen with 10,000 annotations", ms(t))
            except Unavailable as e:
                na("store", "reader: first screen with 10,000 annotations", str(e))
            t = wall([gavel, "--db", db10, "notes", "list", sample], runs)
            add("store", "gavel notes list (10,000, whole command)", ms(t))
            for fmt in ("json", "md"):
                t = wall([gavel, "--db", db10, "export", "--format", fmt], runs)
                add("store", "gavel export --format %s (10,000)" % fmt, ms(t))
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("store", "open/export 10,000 annotations", str(e))

    # the library (issue 14): bench/library.py
    import library
    library.measure(sys.modules[__name__], src, bld, out, gavel, runs, env, a.quick,
                    not a.no_large_library)

    report(out, machine(), size, runs)
    subprocess.run(["rm", "-rf", tmp])


def pdf_rows(src, bld, out, gavel, env, tmp, runs):
    """The first screen of a 100-page PDF (the official A/RES/73/3 ten times, merged with mutool)
    read for the first time and opened again (its text kept in the cache), beside the first
    screen of a text file of the same size (gavel and less); and the whole PDF read by `gavel
    parse` beside pdftotext."""
    helper_bin = os.path.join(bld, "src", "gavel-pdf")
    one = os.path.join(src, "tests", "data", "pdf", "A_RES_73_3-EN.pdf")
    pdf = os.path.join(out, "pdf-100-pages.pdf")
    try:
        if not os.path.exists(helper_bin):
            raise Unavailable("src/gavel-pdf is not built (no MuPDF)")
        if not os.path.exists(pdf):
            try:
                subprocess.run(["mutool", "merge", "-o", pdf] + [one] * 10, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except (OSError, subprocess.CalledProcessError):
                raise Unavailable("mutool (mupdf-tools) is needed to make the 100-page PDF")
        text = os.path.join(out, "text-as-large-as-the-pdf.txt")
        if not os.path.exists(text):
            subprocess.run([sys.executable, os.path.join(src, "bench", "gen.py"), text,
                            str(os.path.getsize(pdf) / 1e6)], check=True, stdout=subprocess.DEVNULL)
        penv = dict(env, GAVEL_PDF_HELPER=helper_bin)
        warm = dict(penv, XDG_CACHE_HOME=os.path.join(tmp, "pdf-cache-warm"))
        subprocess.run([gavel, "parse", pdf], env=warm, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=600)
        tmark = first_markers_of(text)
        firsts = {"cold": [], "helper": [], "warm": [], "text": [], "less": []}
        for i in range(max(runs, 15)):
            cold = dict(penv, XDG_CACHE_HOME=os.path.join(tmp, "pdf-cache-cold-%d" % i))
            firsts["cold"].append(first_screen([gavel, pdf], (b"Adopts",), cold, 1)[0])
            helper = dict(penv, XDG_CACHE_HOME=os.path.join(tmp, "pdf-cache-helper-%d" % i),
                          GAVEL_PDF_QUICK="0")
            firsts["helper"].append(first_screen([gavel, pdf], (b"Adopts",), helper, 1)[0])
            firsts["warm"].append(first_screen([gavel, pdf], (b"Adopts",), warm, 1)[0])
            firsts["text"].append(first_screen([gavel, text], tmark, penv, 1)[0])
            firsts["less"].append(first_screen(["less", text], tmark, penv, 1)[0])
        t, l = median(firsts["text"]), median(firsts["less"])
        label = "%.1f MB" % (os.path.getsize(pdf) / 1e6)
        add("pdf", "first screen, 100-page PDF (%s), read the first time" % label,
            ms(median(firsts["cold"])), "gavel, text of the same size", ms(t),
            median(firsts["cold"]) / t, "as fast as text")
        add("pdf", "the same, its first pages read by the helper (GAVEL_PDF_QUICK=0)",
            ms(median(firsts["helper"])), "gavel, text of the same size", ms(t),
            median(firsts["helper"]) / t, "for comparison")
        add("pdf", "first screen, the same PDF opened again (its text kept)",
            ms(median(firsts["warm"])), "gavel, text of the same size", ms(t),
            median(firsts["warm"]) / t, "as fast as text")
        add("pdf", "first screen, text of the same size", ms(t), "less", ms(l), t / l)
        cold = dict(penv, XDG_CACHE_HOME=os.path.join(tmp, "pdf-cache-parse"))
        secs = []
        for i in range(runs):
            subprocess.run(["rm", "-rf", cold["XDG_CACHE_HOME"]])
            secs.append(wall([gavel, "parse", pdf], 1, env=cold))
        try:
            p = wall(["pdftotext", pdf, os.devnull], runs)
            add("pdf", "whole 100-page PDF: gavel parse, read the first time", "%.2f s" % median(secs),
                "pdftotext", "%.2f s" % p, median(secs) / p)
        except (OSError, Unavailable, subprocess.CalledProcessError):
            add("pdf", "whole 100-page PDF: gavel parse, read the first time", "%.2f s" % median(secs))
        helper = dict(penv, XDG_CACHE_HOME=os.path.join(tmp, "pdf-cache-parse-helper"),
                      GAVEL_PDF_QUICK="0")
        hsecs = []
        for i in range(runs):
            subprocess.run(["rm", "-rf", helper["XDG_CACHE_HOME"]])
            hsecs.append(wall([gavel, "parse", pdf], 1, env=helper))
        add("pdf", "the same, read by the helper (GAVEL_PDF_QUICK=0)", "%.2f s" % median(hsecs),
            "gavel parse, read the first time", "%.2f s" % median(secs), median(hsecs) / median(secs))
        add("pdf", "whole 100-page PDF: gavel parse, opened again", ms(wall([gavel, "parse", pdf], runs, env=warm)))
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("pdf", "first screen of a 100-page PDF", str(e))


def corpus_dir(src):
    """The shared corpus (../shared/corpus beside the checkout, or $BENCH_CORPUS), or None."""
    for d in (os.environ.get("BENCH_CORPUS"), os.path.join(src, "..", "shared", "corpus"),
              os.path.join(src, "..", "..", "shared", "corpus")):
        if d and os.path.isdir(d):
            return os.path.abspath(d)
    return None


def reads_structure(gavel, path):
    """Whether gavel finds operative paragraphs in path (AKN4UN XML needs its reader)."""
    p = subprocess.run([gavel, "parse", path], capture_output=True)
    return p.returncode == 0 and b'"operative":[{' in p.stdout


def instructions(cmd, out):
    """Instructions a command executes (valgrind's callgrind: repeatable whatever else the
    machine does), or None without valgrind."""
    import shutil
    if not shutil.which("valgrind"):
        return None
    f = os.path.join(out, "callgrind.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + f] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if p.returncode not in (0, 1) or not os.path.exists(f):
        return None
    for line in open(f, errors="replace"):
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return None


def redline_scroll_cost(gavel, new, old, marker, env, runs, keys):
    """CPU seconds per keystroke in the reader's redline (:diff OLD over NEW), as scroll_cost
    measures reading: the process's CPU time after the keys minus after the redline's first
    screen, over the keys, median of runs."""
    per_key = []
    for _ in range(runs):
        s = Session([gavel, new], env=env)
        if s.wait_for(marker, 60) is None:
            s.quit(b"q")
            raise Unavailable("the reader never showed %r" % marker.decode())
        n = len(s.buf)
        os.write(s.fd, b":diff " + old.encode() + b"\r")
        if s.wait_for(b"Redline", 60, start=n) is None:
            s.quit(b"qq")
            raise Unavailable(":diff never showed the redline")
        before = cpu_seconds(s.pid)
        for k in keys:
            s.key(k)
        after = cpu_seconds(s.pid)
        s.quit(b"qq")
        per_key.append((after - before) / len(keys))
    return median(per_key)


def bench_diff(src, out, gavel, runs, env):
    """gavel diff, whole command, on long pairs; peer: git's word diff of the same files. The
    reader's redline: CPU per keystroke beside reading the same document."""
    old, new = os.path.join(out, "pair-old.txt"), os.path.join(out, "pair-new.txt")
    if not (os.path.exists(old) and os.path.exists(new)):
        subprocess.run([sys.executable, os.path.join(src, "bench", "gen_pair.py"), old, new],
                       check=True)
    pairs = [("made-up pair, %.0f + %.0f kB" % (os.path.getsize(old) / 1e3,
                                                 os.path.getsize(new) / 1e3), old, new)]
    corpus = corpus_dir(src)
    real = (("Sustainable fisheries 75/89 -> 76/71", "75_89_E.xml", "A_RES_76_71-2118577E.xml"),
            ("Protection of migrants 76/172 -> 78/217", "A_RES_76_172-2119207E.xml",
             "A_RES_78_217-2325999E.xml"))
    for label, a, b in real:
        pa = os.path.join(corpus, "akn", "ga", a) if corpus else None
        pb = os.path.join(corpus, "akn", "ga", b) if corpus else None
        if not (pa and os.path.exists(pa) and os.path.exists(pb)):
            na("diff", "gavel diff, %s" % label, "the corpus is not at ../shared/corpus "
               "(set BENCH_CORPUS)")
        elif not os.path.exists(gavel) or not reads_structure(gavel, pb):
            na("diff", "gavel diff, %s" % label, "gavel does not read AKN4UN XML yet")
        else:
            pairs.append((label + ", AKN4UN XML", pa, pb))
    n = max(runs, 15)            # a few milliseconds: many runs, the median
    peer = ["git", "diff", "--no-index", "--word-diff=plain"]
    for label, a, b in pairs:
        try:
            if not os.path.exists(gavel):
                raise Unavailable("src/gavel is not built")
            g = wall([gavel, "diff", a, b], n)
            p = wall(peer + [a, b], n)
            add("diff", "gavel diff, %s (whole command)" % label, ms(g),
                "git diff --word-diff", ms(p), g / p, "<= 50 ms")
            d = wall([gavel, "diff", "--format", "docx", "-o", os.path.join(out, "redline.docx"),
                      a, b], n)
            add("diff", "gavel diff --format docx, %s" % label, ms(d), target="<= 50 ms")
            ins = instructions([gavel, "diff", "--no-notes", a, b], out)
            if ins:
                add("diff", "gavel diff, %s: instructions (callgrind; the same on any load)" % label,
                    "%.0f M" % (ins / 1e6))
        except (Unavailable, subprocess.TimeoutExpired) as e:
            na("diff", "gavel diff, %s" % label, str(e), target="<= 50 ms")
    keys = [b"j"] * 60 + [b"k"] * 60 + [b" ", b"b"] * 30
    marker = b"A/RES/76/71"
    try:
        if not os.path.exists(gavel):
            raise Unavailable("src/gavel is not built")
        plain = scroll_cost([gavel, new], (marker,), env, runs, keys)[0]
        red = redline_scroll_cost(gavel, new, old, marker, env, runs, keys)
        add("diff", "reader: CPU per keystroke in the redline (:diff), made-up pair",
            "%.0f us" % (red * 1e6), "reading the same document", "%.0f us" % (plain * 1e6),
            red / plain if plain else None, "about 1x reading")
    except (Unavailable, subprocess.TimeoutExpired) as e:
        na("diff", "reader: CPU per keystroke in the redline", str(e), target="about 1x reading")


def last_number(path):
    """The number of the last resolution in a generated compilation ("57/35")."""
    last = b""
    with open(path, "rb") as f:
        for line in f:
            m = re.match(rb"(\d+/\d+)\.\t", line)
            if m:
                last = m.group(1)
    return last


def first_markers_of(path):
    """What the first screen of any reader shows of a generated compilation: the first
    preambular paragraph's opening word, or the first resolution's number ("50/2")."""
    found = []
    with open(path, "rb") as f:
        for line in f:
            m = re.match(rb"(\d+/\d+)\.\t", line)
            if m and len(found) == 0:
                found.append(m.group(1))
            m = re.match(rb"\t(Recalling|Reaffirming|Welcoming|Recognizing|Bearing|Deeply|Underlining|"
                         rb"Taking|Noting|Convinced|Stressing|Emphasizing|Mindful|Acknowledging)\b", line)
            if m:
                return tuple([m.group(1)] + found)
    return tuple(found) or (b"General Assembly",)


def sqlite_bulk(tmp, n, runs):
    """The sqlite3 shell inserting n annotation-like rows in one transaction (median seconds)."""
    sql = os.path.join(tmp, "bulk.sql")
    with open(sql, "w") as f:
        f.write("PRAGMA journal_mode=WAL;\nCREATE TABLE IF NOT EXISTS a(id TEXT PRIMARY KEY, doc INTEGER, "
                "para TEXT, start INTEGER, end_ INTEGER, exact TEXT, prefix TEXT, suffix TEXT, color TEXT, "
                "note TEXT, created TEXT, updated TEXT);\nBEGIN;\n")
        for i in range(n):
            f.write("INSERT INTO a VALUES('%08x-0000-4000-8000-%012x',1,'op%d',0,12,'Requests all','',"
                    "' Governments','yellow','benchmark note %d','2026-11-27T05:00:00Z','2026-11-27T05:00:00Z');\n"
                    % (i, i, i % 27 + 1, i))
        f.write("COMMIT;\n")
    times = []
    for r in range(runs):
        db = os.path.join(tmp, "peer-%d.db" % r)
        t0 = time.monotonic()
        with open(sql, "rb") as inp:
            p = subprocess.run(["sqlite3", db], stdin=inp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.monotonic() - t0)
        if p.returncode:
            raise Unavailable("sqlite3 failed: " + p.stderr.decode()[:200])
    return median(times)


def report(out, mach, size, runs):
    lines = ["# gavel benchmark", "",
             "Machine: %s  " % mach,
             "Document: made-up compilation, %.1f MB (bench/gen.py); bundled A/RES/58/190.  " % (size / 1e6),
             "Each figure is the median of %d run(s); first screens of %d, gavel's and less's "
             "alternating. Ratio = gavel / peer: for times below 1 means gavel is faster, for "
             "speeds (MB/s) above 1 means gavel is faster." % (runs, max(runs, 15)), "",
             "| section | measure | gavel | peer | peer figure | ratio | target |",
             "|---|---|---|---|---|---|---|"]
    for sec, meas, g, pn, p, r, tgt in RESULTS:
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            sec, meas, g, pn or "", p or "", "%.2f" % r if r is not None else "", tgt))
    if NOTES:
        lines += ["", "Notes:"] + ["- " + n for n in NOTES]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text)
    log("written to %s" % os.path.join(out, "results.md"))


if __name__ == "__main__":
    main()
