package echolab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import echolab.bench.Metric;
import echolab.bench.ModeResult;
import echolab.bench.Workload;
import echolab.engine.Mode;
import echolab.sync.Protection;

/**
 * What the last comparison shows, in a few short paragraphs of our own words, made from its
 * numbers: what a process per client costs against a thread, why the iterative server's slowest
 * round trip is so slow, how the thread models differ, what protection costs, and which mode
 * dwarfs the others on a chart. It says only what the numbers show; where they cannot show it
 * (one run, nothing lost), it says that instead.
 *
 * <p>Threading: any thread; no JavaFX.
 */
final class CompareReading {

    /** A paragraph: a short lead in bold, then the sentences. */
    record Paragraph(String lead, String text) {
        @Override
        public String toString() {
            return lead + " " + text;
        }
    }

    /** A chart whose biggest bar is this many times the next one is called out. */
    private static final double DWARFS = 8;

    /**
     * Below this, memory per client is not told apart from the resident size's own drift (a JVM's
     * moves by a few MB as it collects and compiles; shared out over tens of clients, a few tenths).
     */
    private static final double MEASURABLE_MB = 1.0;

    /** A child's CPU time moves in clock ticks (10 ms on Linux): below this the processes' figure is rough. */
    private static final double ROUGH_CPU_SECONDS = 0.1;

    private final CompareRun last;
    private final List<CompareRun> shown;
    private final Workload w;

    private CompareReading(List<CompareRun> shown) {
        this.shown = shown;
        this.last = shown.get(shown.size() - 1);
        this.w = last.workload();
    }

    /** The reading of the newest of {@code shown} (oldest first), compared with the others where that helps. */
    static List<Paragraph> of(List<CompareRun> shown) {
        if (shown.isEmpty() || CompareCharts.modes(List.of(shown.get(shown.size() - 1))).isEmpty()) {
            return List.of();
        }
        CompareReading r = new CompareReading(shown);
        List<Paragraph> out = new ArrayList<>();
        r.processes().ifPresent(out::add);
        r.iterative().ifPresent(out::add);
        r.threads().ifPresent(out::add);
        r.protection().ifPresent(out::add);
        r.scales().ifPresent(out::add);
        r.caveats().ifPresent(out::add);
        return out;
    }

    // The paragraphs

    private Optional<Paragraph> processes() {
        Optional<ModeResult> p = last.result(Mode.PROCESSES);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        double mb = median(p.get(), ModeResult::residentMbPerClient);
        double ms = median(p.get(), ModeResult::firstEchoMillis);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Each client here gets a JVM of its own: about %s MB and %s ms before its first echo",
                Figures.number(mb), Figures.number(ms)));
        Optional<Mode> ref = first(Mode.THREADS, Mode.POOL, Mode.EVENTS, Mode.ITERATIVE);
        if (ref.isPresent()) {
            ModeResult t = last.result(ref.get()).orElseThrow();
            double tmb = Math.max(0, median(t, ModeResult::residentMbPerClient));
            double tms = median(t, ModeResult::firstEchoMillis);
            s.append(String.format(Locale.ROOT, ", against %s MB and %s ms with %s", Figures.number(tmb),
                    Figures.number(tms), with(ref.get())));
            if (tms > 0 && ms > tms) {
                s.append(" (").append(Figures.times(ms / tms)).append(" the wait)");
            }
            s.append('.');
            if (tmb < MEASURABLE_MB) {
                // the resident size of a JVM moves by megabytes on its own: a ratio to less would be noise
                s.append(String.format(Locale.ROOT, " A %s's share is too small to tell apart from the JVM's own ups"
                        + " and downs of memory, so this run cannot say how many times more a process costs, only"
                        + " that it costs about %s MB more per client.", ref.get() == Mode.THREADS ? "thread" : "client",
                        Figures.number(mb - tmb)));
            } else if (mb > tmb) {
                s.append(String.format(Locale.ROOT, " That is %s the memory.", Figures.times(mb / tmb)));
            }
        } else {
            s.append('.');
        }
        if (!Double.isNaN(last.report().bareJvmStartMillis())) {
            s.append(String.format(Locale.ROOT, " A JVM that does nothing takes %s ms just to start and exit here.",
                    Figures.number(last.report().bareJvmStartMillis())));
        }
        double children = median(p.get(), ModeResult::peakProcesses);
        if (children > 0) {
            s.append(String.format(Locale.ROOT, " %s child processes were alive at once, and the parent relays every"
                    + " byte through their stdin and stdout: a JVM cannot hand a socket to its child.",
                    Figures.whole(children)));
        }
        return Optional.of(new Paragraph("Processes.", s.toString()));
    }

    private Optional<Paragraph> iterative() {
        Optional<ModeResult> i = last.result(Mode.ITERATIVE);
        if (i.isEmpty()) {
            return Optional.empty();
        }
        double p50 = median(i.get(), ModeResult::latencyP50Micros) / 1000;
        double max = median(i.get(), ModeResult::latencyMaxMicros) / 1000;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "One client at a time. Its median round trip took %s ms, as the client being served never waits; the"
                        + " slowest took %s ms: a client's first line sits in the backlog until every client ahead of"
                        + " it has finished.", Figures.number(p50), Figures.number(max)));
        for (int k = shown.size() - 2; k >= 0; k--) { // the nearest earlier run with other clients, same otherwise
            CompareRun other = shown.get(k);
            Workload o = other.workload();
            Optional<ModeResult> oi = other.result(Mode.ITERATIVE);
            if (oi.isPresent() && o.clients() != w.clients() && o.lines() == w.lines()
                    && o.delayMillis() == w.delayMillis() && o.churn() == w.churn()) {
                s.append(String.format(Locale.ROOT, " With %d clients the slowest took %s ms, with %d clients %s ms.",
                        o.clients(), Figures.number(median(oi.get(), ModeResult::latencyMaxMicros) / 1000),
                        w.clients(), Figures.number(max)));
                break;
            }
        }
        if (w.delayMillis() > 0) {
            s.append(String.format(Locale.ROOT, " With a %d ms wait before each echo it can echo at most %s lines a"
                    + " second, however many clients there are (measured: %s).", w.delayMillis(),
                    Figures.whole(1000.0 / w.delayMillis()), Figures.whole(median(i.get(), ModeResult::roundTripsPerSecond))));
        }
        return Optional.of(new Paragraph("Iterative.", s.toString()));
    }

    private Optional<Paragraph> threads() {
        List<Mode> models = new ArrayList<>();
        for (Mode m : List.of(Mode.THREADS, Mode.POOL, Mode.EVENTS, Mode.VIRTUAL)) {
            if (last.result(m).isPresent()) {
                models.add(m);
            }
        }
        if (models.isEmpty()) {
            return Optional.empty();
        }
        StringJoiner threads = new StringJoiner(", ");
        StringJoiner rates = new StringJoiner(", ");
        for (Mode m : models) {
            ModeResult r = last.result(m).orElseThrow();
            if (m != Mode.VIRTUAL) {
                threads.add(String.format(Locale.ROOT, "%s %s", lower(m), Figures.whole(median(r, ModeResult::peakThreads))));
            }
            rates.add(String.format(Locale.ROOT, "%s %s", lower(m), Figures.whole(median(r, ModeResult::roundTripsPerSecond))));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Threads alive at most, for %d clients: %s.",
                w.clients(), threads));
        if (models.contains(Mode.POOL)) {
            s.append(String.format(Locale.ROOT, " The pool keeps %d workers however many clients come; clients beyond"
                    + " them wait in its queue.", w.poolSize()));
        }
        if (models.contains(Mode.EVENTS)) {
            s.append(" One event-loop thread serves every connection.");
        }
        s.append(w.churn() ? " Connections per second: " : " Round trips per second: ").append(rates).append('.');
        if (w.delayMillis() > 0) {
            s.append(String.format(Locale.ROOT, " With a %d ms wait a worker echoes at most %s lines a second, so the"
                    + " pool's %d workers cap it at %s, while a thread per client (or the loop's timers) can serve all"
                    + " %d clients at once.", w.delayMillis(), Figures.whole(1000.0 / w.delayMillis()), w.poolSize(),
                    Figures.whole(Math.min(w.poolSize(), w.clients()) * 1000.0 / w.delayMillis()), w.clients()));
        } else if (models.size() > 1) {
            s.append(' ').append(closeness(models));
        }
        return Optional.of(new Paragraph("Threads, pool, event loop.", s.toString()));
    }

    /** Whether the rates of {@code models} differ by more than their runs disagree. */
    private String closeness(List<Mode> models) {
        Mode best = models.get(0);
        Mode worst = models.get(0);
        for (Mode m : models) {
            if (rate(m).median() > rate(best).median()) {
                best = m;
            }
            if (rate(m).median() < rate(worst).median()) {
                worst = m;
            }
        }
        double ratio = rate(best).median() / Math.max(1e-9, rate(worst).median());
        if (w.repeat() > 1) {
            boolean overlap = rate(worst).max() >= rate(best).min();
            return overlap
                    ? String.format(Locale.ROOT, "Their runs overlap (%s's best beat %s's worst): no clear winner at this size.",
                    lower(worst), lower(best))
                    : String.format(Locale.ROOT, "%s was %s as fast as %s, and every run agreed.",
                    ModeNames.of(best), Figures.times(ratio), lower(worst));
        }
        return String.format(Locale.ROOT, "%s was %s as fast as %s in this one run.", ModeNames.of(best),
                Figures.times(ratio), lower(worst));
    }

    private Optional<Paragraph> protection() {
        // the nearest earlier run that differs from this one only in protection
        for (int k = shown.size() - 2; k >= 0; k--) {
            CompareRun other = shown.get(k);
            Workload o = other.workload();
            if (o.protection() != w.protection() && o.clients() == w.clients() && o.lines() == w.lines()
                    && o.delayMillis() == w.delayMillis() && o.churn() == w.churn()) {
                return Optional.of(protectionCompared(other));
            }
        }
        long lost = 0;
        StringJoiner where = new StringJoiner(", ");
        for (Mode m : CompareCharts.modes(List.of(last))) {
            long l = Math.round(median(last.result(m).orElseThrow(), ModeResult::lostUpdates));
            if (l > 0) {
                lost += l;
                where.add(lower(m) + " " + l);
            }
        }
        String how = w.protection() == Protection.NONE ? "No protection" : "Protection " + w.protection().id();
        if (lost > 0) {
            return Optional.of(new Paragraph(how + ".", String.format(Locale.ROOT, "%d update%s of the shared counter"
                    + " %s lost (%s): two workers read the same value and both wrote it plus one.%s", lost,
                    lost == 1 ? "" : "s", lost == 1 ? "was" : "were", where, w.protection() == Protection.NONE
                            ? " Run again with protection lock to see what stopping that costs." : "")));
        }
        String text = w.protection() == Protection.NONE
                ? "No update of the shared counter was lost this time: the bench leaves no pause between the"
                + " counter's read and its write, so collisions are rare (the race window in the controls widens it)."
                + " Run again with lock to see what protection costs."
                : "No update was lost. Run again with none to see what the " + w.protection().id() + " costs.";
        if (last.result(Mode.PROCESSES).isPresent()) {
            text += " Processes cannot lose each other's updates: each child counts in its own memory.";
        }
        return Optional.of(new Paragraph(how + ".", text));
    }

    private Paragraph protectionCompared(CompareRun other) {
        Protection was = other.workload().protection();
        StringJoiner changes = new StringJoiner(", ");
        long lostBefore = 0;
        long lostNow = 0;
        for (Mode m : CompareCharts.modes(List.of(last))) {
            Optional<ModeResult> before = other.result(m);
            if (before.isEmpty() || m == Mode.PROCESSES) {
                continue; // children count alone: no shared counter to protect
            }
            ModeResult now = last.result(m).orElseThrow();
            double a = median(before.get(), ModeResult::roundTripsPerSecond);
            double b = median(now, ModeResult::roundTripsPerSecond);
            changes.add(String.format(Locale.ROOT, "%s %s → %s (%+.0f %%)", lower(m), Figures.whole(a), Figures.whole(b),
                    100 * (b - a) / a));
            lostBefore += Math.round(median(before.get(), ModeResult::lostUpdates));
            lostNow += Math.round(median(now, ModeResult::lostUpdates));
        }
        return new Paragraph(String.format(Locale.ROOT, "Protection %s against %s.", w.protection().id(), was.id()),
                String.format(Locale.ROOT, "Round trips per second, run %d → run %d: %s. Updates lost: %d → %d.%s",
                        other.number(), last.number(), changes, lostBefore, lostNow,
                        w.repeat() == 1 ? " One run each: small differences may be noise." : ""));
    }

    private Optional<Paragraph> scales() {
        java.util.Map<Mode, StringJoiner> dwarfs = new java.util.EnumMap<>(Mode.class);
        for (ChartKind kind : ChartKind.values()) {
            ChartKind.Bar bar = kind.bars().get(kind.bars().size() - 1); // latency: p99
            Mode top = null;
            double first = 0;
            double second = 0;
            for (Mode m : CompareCharts.modes(List.of(last))) {
                double v = bar.value(last.result(m).orElseThrow());
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v > first) {
                    second = first;
                    first = v;
                    top = m;
                } else if (v > second) {
                    second = v;
                }
            }
            if (top != null && second > 0 && first / second >= DWARFS) {
                boolean noise = kind == ChartKind.MEMORY && second < MEASURABLE_MB; // no ratio to a drift
                dwarfs.computeIfAbsent(top, m -> new StringJoiner(", ")).add(noise
                        ? String.format(Locale.ROOT, "memory (the others under %s MB)", Figures.number(MEASURABLE_MB))
                        : String.format(Locale.ROOT, "%s %s", kind.shortName(), Figures.times(first / second)));
            }
        }
        if (dwarfs.isEmpty()) {
            return Optional.empty();
        }
        StringJoiner who = new StringJoiner("; ");
        dwarfs.forEach((m, charts) -> who.add(String.format(Locale.ROOT, "%s on %s", lower(m), charts)));
        return Optional.of(new Paragraph("Scales.", "Every chart starts at zero and nothing is squeezed, so a mode can"
                + " dwarf the rest: here " + who + ", against the next mode. Beside such a bar the others are slivers:"
                + " read the numbers beside them."));
    }

    private Optional<Paragraph> caveats() {
        List<String> notes = new ArrayList<>();
        long errors = 0;
        for (Mode m : CompareCharts.modes(List.of(last))) {
            errors += last.result(m).orElseThrow().errors();
        }
        if (errors > 0) {
            notes.add(String.format(Locale.ROOT, "%d round trips went wrong or did not finish within the bench's 60 s a"
                    + " run: the figures of those modes are incomplete.", errors));
        }
        if (last.cancelled()) {
            notes.add("This comparison was cancelled: only the modes finished by then are shown.");
        }
        boolean roughCpu = last.result(Mode.PROCESSES)
                .map(r -> median(r, ModeResult::cpuSeconds) < ROUGH_CPU_SECONDS).orElse(false);
        if (roughCpu) {
            notes.add("The processes' CPU, under a tenth of a second here, is rough: the OS counts a child's CPU in"
                    + " ticks of 10 ms, read while the child lives.");
        }
        if (w.repeat() == 1) {
            notes.add("One run per mode: on a busy machine a single run can be off by a fair margin; set Runs to 3 for"
                    + " medians.");
        }
        notes.add("Measured in this app's own JVM, the window included.");
        return Optional.of(new Paragraph("How sure.", String.join(" ", notes)));
    }

    // Helpers

    private Optional<Mode> first(Mode... modes) {
        for (Mode m : modes) {
            if (last.result(m).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private Metric rate(Mode m) {
        return last.result(m).orElseThrow().roundTripsPerSecond();
    }

    private static double median(ModeResult r, Function<ModeResult, Metric> f) {
        return f.apply(r).median();
    }

    private static String with(Mode m) {
        return switch (m) {
            case THREADS -> "a thread per client";
            case POOL -> "a pool thread";
            case EVENTS -> "the event loop";
            default -> "the iterative server";
        };
    }

    private static String lower(Mode m) {
        return ModeNames.of(m).toLowerCase(Locale.ROOT);
    }
}

