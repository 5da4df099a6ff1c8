#!/usr/bin/env python3
"""summarize.py RAW [SUMMARIES] [MACHINE] > table.md - the tables of bench/anchors.sh.

RAW: one line per load run, "placement=P server=S scenario=X rep=N ref=R events=E <echoload output>"
(bench/echoload.c's key=value line, plus cpu0_share). ref is the reference server an EchoLab row
is compared with (c-thread for threads and pool, netty-nio for events), events is off or on.
SUMMARIES: "server=S <EchoLab's JSON summary line>" per EchoLab server, printed on SIGTERM.
MACHINE: machine.txt, copied into the report.

Issue 5's targets, on workload (b): events off >= 0.95 x the reference, events on >= 0.85 x.
Ratios are of the median RT/s; the per-round ratios pair the runs of one round (measured
seconds apart when the rounds are interleaved), which is what shows whether a verdict is solid.
"""
import json
import statistics
import sys
from collections import OrderedDict

SCEN = OrderedDict([
    ("b", "(b) 50 conns x 2000 RT x 64 B - the target workload"),
    ("a", "(a) 1 conn x 20000 RT x 64 B (ping-pong) - reference"),
])
TARGET = {"off": 0.95, "on": 0.85}
ERROR_KEYS = ("mismatches", "connect_failures", "io_errors", "incomplete")
# cpu0_share (anchors.sh): CPU time of server + client during a run / its wall time; both run on
# CPU 0 only, so a run below this had to share CPU 0 with somebody else's work
DISTURBED = 0.90


def share(r):
    return float(r.get("cpu0_share", "nan"))


def disturbed(g):
    return sum(1 for r in g if share(r) < DISTURBED)


def load(path):
    runs = []
    with open(path) as f:
        for line in f:
            kv = dict(tok.split("=", 1) for tok in line.split() if "=" in tok)
            if "rt_per_s" in kv:
                runs.append(kv)
    return runs


def rate(x):
    return f"{x/1000:.1f}k" if x >= 10000 else f"{x:.0f}"


def us(x):
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}"


def errors(g):
    return sum(int(r.get(k, 0)) for r in g for k in ERROR_KEYS)


def ratio_of(groups, sc, sv, ref):
    """(ratio of the medians, [(per-round ratio, clean)]) or None when a side is missing.

    A round is clean when neither of its two runs was disturbed (cpu0 share >= DISTURBED)."""
    g, h = groups.get((sc, sv)), groups.get((sc, ref))
    if not g or not h:
        return None
    med_ref = statistics.median(float(r["rt_per_s"]) for r in h)
    if med_ref == 0:
        return None
    med = statistics.median(float(r["rt_per_s"]) for r in g)
    by_rep = {r["rep"]: r for r in h}
    rounds = []
    for r in g:
        o = by_rep.get(r["rep"])
        if o and float(o["rt_per_s"]):
            clean = not (share(r) < DISTURBED or share(o) < DISTURBED)
            rounds.append((float(r["rt_per_s"]) / float(o["rt_per_s"]), clean))
    return med / med_ref, rounds


def verdict(ratio, rounds, target, errs):
    """On the clean rounds' median ratio when there is a clean round, else on the ratio of medians."""
    if errs:
        return "ERRORS"
    clean = [x for x, ok in rounds if ok]
    basis = statistics.median(clean) if clean else ratio
    v = "meets" if basis >= target else "**below**"
    if not clean:
        v += " (no clean round)"
    elif min(clean) < target <= max(clean):
        v += " (clean rounds span the target)"
    return v


def main():
    runs = load(sys.argv[1])
    summaries = OrderedDict()
    if len(sys.argv) > 2:
        try:
            with open(sys.argv[2]) as f:
                for line in f:
                    name, _, js = line.partition(" ")
                    try:
                        summaries[name.split("=", 1)[1]] = json.loads(js)
                    except ValueError:
                        pass
        except FileNotFoundError:
            pass
    machine = ""
    if len(sys.argv) > 3:
        with open(sys.argv[3]) as f:
            machine = f.read().rstrip()

    groups = OrderedDict()
    for r in runs:
        groups.setdefault((r["scenario"], r["server"]), []).append(r)
    servers = list(OrderedDict.fromkeys(r["server"] for r in runs))
    meta = {r["server"]: (r.get("ref", "-"), r.get("events", "-")) for r in runs}

    out = ["# EchoLab beside the reference echo servers (bench/anchors.sh)", ""]
    if machine:
        out += ["```", machine, "```", ""]
    out += ["Rates are round trips/s over the repetitions; every server and the client pinned to CPU 0. "
            "EchoLab: `serve --race-window-us 0 --protection none`, `--no-events` (off) or "
            "`--watch-events` (on).", ""]

    out += ["## Issue 5 targets, workload (b)", "",
            "| EchoLab | events | vs | ratio of medians | per-round ratios | clean rounds' median | target | verdict "
            "| (a) ratio of medians, reference only |",
            "|---|---|---|---|---|---|---|---|---|"]
    for sv in servers:
        ref, ev = meta[sv]
        if ref == "-" or ev not in TARGET:  # a reference server, or a row such as java-thread
            continue
        rb = ratio_of(groups, "b", sv, ref)
        ra = ratio_of(groups, "a", sv, ref)
        errs = errors(groups.get(("b", sv), [])) + errors(groups.get(("b", ref), []))
        tgt = TARGET.get(ev)
        if rb is None or tgt is None:
            out.append(f"| {sv} | {ev} | {ref} | - | - | - | {tgt} | no data ({ref} not in this run?) | - |")
            continue
        rounds = " ".join(f"{x:.2f}" + ("" if ok else "*") for x, ok in rb[1])
        clean = [x for x, ok in rb[1] if ok]
        c_txt = f"{statistics.median(clean):.3f} ({len(clean)})" if clean else "-"
        a_txt = f"{ra[0]:.2f}" if ra else "-"
        out.append(f"| {sv} | {ev} | {ref} | {rb[0]:.3f} | {rounds} | {c_txt} | {tgt:.2f} | "
                   f"{verdict(rb[0], rb[1], tgt, errs)} | {a_txt} |")
    out += ["", f"Per-round ratios pair the EchoLab run and the reference run of one round; `*` marks a round "
            f"in which either run was disturbed (cpu0 share below {DISTURBED:.2f}: something else ran on CPU 0, "
            "see the tables below). The verdict uses the median of the clean rounds (their number in brackets) "
            "when there is one, else the ratio of the medians. Differences under ~10% are within this "
            "machine's noise: read a verdict near the target as 'about at the target'.", ""]

    for sc, title in SCEN.items():
        out += [f"## {title}", "",
                "| server | n | RT/s median | min-max | spread | p50 us | p99 us | max us | errors | cpu0 share min-max | ratio | target |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for sv in servers:
            g = groups.get((sc, sv))
            if not g:
                continue
            v = [float(r["rt_per_s"]) for r in g]
            med = statistics.median(v)
            spread = (max(v) - min(v)) / med * 100 if med else 0
            p50 = statistics.median(float(r["p50_us"]) for r in g)
            p99 = statistics.median(float(r["p99_us"]) for r in g)
            mx = max(float(r["max_us"]) for r in g)
            ref, ev = meta[sv]
            rt = ratio_of(groups, sc, sv, ref) if ref != "-" else None
            r_txt = f"{rt[0]:.2f} x {ref}" if rt else ""
            t_txt = f">= {TARGET[ev]:.2f}" if ev in TARGET else ""
            sh = [share(r) for r in g]
            out.append(f"| {sv} | {len(g)} | {med:.0f} | {min(v):.0f}-{max(v):.0f} | {spread:.0f}% | "
                       f"{us(p50)} | {us(p99)} | {mx:.0f} | {errors(g)} | {min(sh):.2f}-{max(sh):.2f} | "
                       f"{r_txt} | {t_txt} |")
        out.append("")
    out.append("p50/p99 are medians over the runs, max the worst; errors = mismatches + connect failures + "
               "io errors + incomplete round trips over all runs. spread = (max-min)/median. "
               "cpu0 share = CPU time of server + client / wall time of the run (1.00: CPU 0 was theirs alone).")
    out.append("")

    if summaries:
        out += ["## EchoLab servers' own books (summary printed on SIGTERM, whole life incl. warm-up)", "",
                "| server | accepted | echoed | events dropped | lost updates |", "|---|---|---|---|---|"]
        for sv, s in summaries.items():
            flat = dict(s)
            for v in s.values():     # the figures may sit in nested objects
                if isinstance(v, dict):
                    flat.update(v)
            out.append(f"| {sv} | {flat.get('accepted', '-')} | {flat.get('echoed', '-')} | "
                       f"{flat.get('eventsDropped', '-')} | {flat.get('lost', '-')} |")
        out += ["", "Lost updates are expected: `--protection none` (the counter's race is the lesson).", ""]
    print("\n".join(out))


if __name__ == "__main__":
    main()
