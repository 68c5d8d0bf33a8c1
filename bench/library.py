#!/usr/bin/env python3
"""library.py: the library's part of `make bench` (issue 14), run by run.py (or alone:
bench/library.py --srcdir DIR --builddir DIR [--quick] [--no-large] [--rebuild-large]).

On made-up libraries written by bench/genlib.py, measures as a user meets them (whole
commands, timed as processes, medians):

  import        gavel add of 1,900 General Assembly resolutions as AKN4UN XML and 2,700
                Security Council resolutions as text (the sessions 75-80 and every SC
                resolution): seconds, MB/s, resolutions a second        target < 60 s
  size          the library's file beside the files it was made from  target < 1x
  search        gavel search -l PHRASE (and the paragraphs themselves) beside
                grep -ril PHRASE over the same files                   target <= 20 ms
  used          gavel used SYMBOL opN                                  target <= 200 ms
  first screen  gavel SYMBOL from the library beside gavel FILE and less FILE, alternating
                                                                       target <= from a file
  large         the same on about 90,000 resolutions in the six languages (a few GB of text
                as files): import (measured once, when the library is built; kept in
                bench/out/lib-large.json), size, search, used, first screen.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def lib_size(db):
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


def generate(R, src, outdir, args):
    stamp = os.path.join(outdir, "probe.json")
    if not os.path.exists(stamp):
        R.log("generating %s (bench/genlib.py %s)" % (outdir, " ".join(args)))
        subprocess.run([sys.executable, os.path.join(src, "bench", "genlib.py"), outdir] + args,
                       check=True, stdout=subprocess.DEVNULL)
    with open(stamp) as f:
        return json.load(f)


def import_lib(R, gavel, db, docs):
    for s in ("", "-wal", "-shm"):
        if os.path.exists(db + s):
            os.unlink(db + s)
    env = dict(os.environ, GAVEL_LIBRARY=db, GAVEL_DB=db + ".notes")
    t0 = time.monotonic()
    p = subprocess.run([gavel, "add", docs], env=env, capture_output=True, text=True)
    secs = time.monotonic() - t0
    if p.returncode != 0:
        raise R.Unavailable("gavel add exited %d: %s" % (p.returncode, p.stderr.strip()[:200]))
    n = int(p.stdout.split()[0]) if p.stdout.split() and p.stdout.split()[0].isdigit() else 0
    return secs, n


CPU = {}   # command -> median CPU seconds of its runs (user + system), beside the wall time


def latency(R, cmd, runs, env=None):
    """Median wall seconds of a whole command (its CPU seconds kept in CPU); exit 0 or 1
    (nothing found) only."""
    import resource
    times, cpus = [], []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        times.append(time.monotonic() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if p.returncode not in (0, 1):
            raise R.Unavailable("%s exited %d: %s" % (os.path.basename(cmd[0]), p.returncode,
                                                     p.stderr.decode(errors="replace")[:200]))
    CPU[tuple(cmd)] = R.median(cpus)
    return R.median(times)


def with_cpu(R, secs, cmd):
    """"12.3 ms (CPU 4.1 ms)": on a busy machine the wall time waits for the CPU."""
    return "%s (CPU %s)" % (R.ms(secs), R.ms(CPU[tuple(cmd)]))


def first_screens(R, gavel, symbol, path, env, runs, db, label):
    """First screen from the library, from the file, and less, alternating."""
    envl = dict(env, GAVEL_LIBRARY=db)
    firsts = {"library": [], "file": [], "less": []}
    argv = {"library": [gavel, symbol], "file": [gavel, path], "less": ["less", path]}
    # gavel shows the first preambular paragraph; less the file's first lines (XML, or text)
    marker = {"library": (b"PP 1",), "file": (b"PP 1",), "less": (b"akomaNtoso", b"Resolution")}
    for _ in range(runs):
        for k in ("library", "file", "less"):
            if k != "library" and not path:
                continue
            firsts[k].append(R.first_screen(argv[k], marker[k], envl, 1)[0])
    lib = R.median(firsts["library"])
    if firsts["file"]:
        f = R.median(firsts["file"])
        R.add("library", "first screen from the library, %s" % label, R.ms(lib), "gavel FILE", R.ms(f),
              lib / f, "<= from a file")
    if firsts["less"]:
        ls = R.median(firsts["less"])
        R.add("library", "first screen from the library, %s" % label, R.ms(lib), "less FILE", R.ms(ls),
              lib / ls)


def measure_set(R, gavel, docs, db, probe, runs, env, label, grep=True, import_secs=None, ndocs=None):
    fsize = du(docs)
    if import_secs is None:
        R.log("  importing %s" % label)
        import_secs, ndocs = import_lib(R, gavel, db, docs)
    R.add("library", "import, %s (%.0f MB of files)" % (label, fsize / 1e6),
          "%.1f s (%.1f MB/s, %.0f resolutions/s, %d resolutions; load average %.1f)" % (
              import_secs, fsize / 1e6 / import_secs, (ndocs or 0) / import_secs, ndocs or 0,
              os.getloadavg()[0]),
          target="< 60 s (the 1,900)" if "1,900" in label else "")
    size = lib_size(db)
    R.add("library", "library size, %s" % label, "%.0f MB" % (size / 1e6), "the files", "%.0f MB" % (fsize / 1e6),
          size / fsize, "< 1x")
    env_l = dict(os.environ, GAVEL_LIBRARY=db, GAVEL_DB=db + ".notes")
    lruns = max(runs, 11)
    for what, phrase in (("a rare phrase", probe.get("phrase")), ("a common phrase", probe.get("common_phrase"))):
        if not phrase:
            continue
        cmd = [gavel, "search", "-l", phrase]
        g = latency(R, cmd, lruns, env_l)
        peer = peer_fig = None
        if grep:
            pcmd = ["grep", "-ril", phrase, docs]
            peer = latency(R, pcmd, max(runs, 3))
            peer_fig = with_cpu(R, peer, pcmd)
        R.add("library", "search -l '%s' (%s), %s" % (phrase, what, label), with_cpu(R, g, cmd),
              "grep -ril" if grep else "", peer_fig, g / peer if peer else None, "<= 20 ms")
        cmd = [gavel, "search", phrase]
        g2 = latency(R, cmd, lruns, env_l)
        R.add("library", "search '%s', every paragraph printed, %s" % (phrase, label),
              with_cpu(R, g2, cmd))
    if probe.get("used_symbol"):
        ucmd = [gavel, "used", probe["used_symbol"], probe["used_para"]]
        u = latency(R, ucmd, lruns, env_l)
        p = subprocess.run([gavel, "used", "--json", probe["used_symbol"], probe["used_para"]], env=env_l,
                           capture_output=True, text=True)
        n = len(json.loads(p.stdout)["uses"]) if p.returncode == 0 else 0
        R.add("library", "used %s %s (%d uses), %s" % (probe["used_symbol"], probe["used_para"], n, label),
              with_cpu(R, u, ucmd), target="<= 200 ms")
        first_screens(R, gavel, probe["used_symbol"], probe.get("file"), env, 15 if runs > 1 else 5, db, label)


def measure(R, src, bld, out, gavel, runs, env, quick=False, large=True, rebuild_large=False):
    if not os.path.exists(gavel):
        R.na("library", "library", "src/gavel is not built")
        return
    R.log("library")
    ga, sc = ("200", "300") if quick else ("1900", "2700")
    d1 = os.path.join(out, "lib-%s" % ga)
    try:
        probe = generate(R, src, d1, ["--ga", ga, "--sc", sc, "--shape", "akn"])
        measure_set(R, gavel, os.path.join(d1, "docs"), d1 + ".db", probe, runs, env,
                    "%s GA (AKN XML) + %s SC" % ("{:,}".format(int(ga)), "{:,}".format(int(sc))))
    except (R.Unavailable, subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        R.na("library", "library, 1,900 + 2,700", str(e))
    if quick or not large:
        R.NOTES.append("library: the large library (about 90,000 resolutions) was not measured "
                       "(--quick or --no-large)")
        return
    dl = os.path.join(out, "lib-large")
    db = dl + ".db"
    meta = dl + ".json"
    try:
        probe = generate(R, src, dl, ["--ga", "14000", "--sc", "2800", "--sessions", "1-80",
                                      "--langs", "en,fr,es,ru,zh,ar", "--per-file", "100"])
        known = None
        if os.path.exists(db) and os.path.exists(meta) and not rebuild_large:
            with open(meta) as f:
                known = json.load(f)
        if known is None:
            R.log("  importing the large library (once; bench/out/lib-large.json keeps its figures)")
            secs, n = import_lib(R, gavel, db, os.path.join(dl, "docs"))
            known = {"seconds": secs, "docs": n, "when": time.strftime("%Y-%m-%d %H:%M"),
                     "load": os.getloadavg()[0]}
            with open(meta, "w") as f:
                json.dump(known, f)
        R.NOTES.append("library: the large library was imported on %s (load average %.1f then)"
                       % (known["when"], known["load"]))
        measure_set(R, gavel, os.path.join(dl, "docs"), db, probe, runs, env,
                    "%s resolutions, six languages" % "{:,}".format(known["docs"]), grep=True,
                    import_secs=known["seconds"], ndocs=known["docs"])
    except (R.Unavailable, subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        R.na("library", "the large library", str(e))


def main():
    import argparse
    import run as R
    ap = argparse.ArgumentParser()
    ap.add_argument("--srcdir", default=".")
    ap.add_argument("--builddir", default=".")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-large", action="store_true")
    ap.add_argument("--rebuild-large", action="store_true")
    a = ap.parse_args()
    src, bld = os.path.abspath(a.srcdir), os.path.abspath(a.builddir)
    out = os.path.join(bld, "bench", "out")
    os.makedirs(out, exist_ok=True)
    import tempfile
    tmp = tempfile.mkdtemp(prefix="gavel-bench.")
    R.log("machine: " + R.machine())
    measure(R, src, bld, out, os.path.join(bld, "src", "gavel"), a.runs, R.term_env(tmp), a.quick,
            not a.no_large, a.rebuild_large)
    alone = os.path.join(out, "library")
    os.makedirs(alone, exist_ok=True)
    R.report(alone, R.machine(), 0, a.runs)
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
