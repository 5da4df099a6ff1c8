package echolab.ui.compare;

import java.util.List;
import java.util.Locale;

import echolab.bench.BenchReport;
import echolab.bench.Workload;

/**
 * The runs shown, as one CSV table: one row per run and mode, the run's number and workload in the
 * first columns, then the columns of {@link BenchReport#csv} (medians, the rate's lowest and highest
 * run, errors, why a mode was skipped). One header, so a spreadsheet can filter and pivot it.
 *
 * <p>Threading: any thread; no JavaFX.
 */
final class CompareCsv {

    private static final String RUN_COLUMNS = "run,workload,clients,lines,bytes,delayMs,protection,churn,repeat,poolSize,";

    private CompareCsv() {
    }

    static String of(List<CompareRun> runs) {
        StringBuilder out = new StringBuilder();
        for (CompareRun run : runs) {
            List<String> lines = BenchReport.csv(run.report()).lines().toList();
            if (out.length() == 0) {
                out.append(RUN_COLUMNS).append(lines.get(0)).append('\n');
            }
            Workload w = run.workload();
            String prefix = String.format(Locale.ROOT, "%d,\"%s\",%d,%d,%d,%d,%s,%b,%d,%d,", run.number(),
                    run.name().replace('×', 'x').replace("\"", "'"), w.clients(), w.lines(), w.bytes(),
                    w.delayMillis(), w.protection().id(), w.churn(), w.repeat(), w.poolSize());
            for (String line : lines.subList(1, lines.size())) {
                out.append(prefix).append(line).append('\n');
            }
        }
        return out.toString();
    }
}
