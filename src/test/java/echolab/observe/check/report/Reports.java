package echolab.observe.check.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import echolab.observe.check.CheckReport;
import echolab.observe.check.Status;
import echolab.observe.check.Verdict;

/** Reports built by hand, as a check would give them, for the formats' tests (no server runs). */
final class Reports {

    /** What a student's program may well print or be called: markup, quotes, other scripts, a terminal colour. */
    static final String TRICKY = "a <b> & \"c\" 'd' — naïve 日本 \u001b[31mred\u0000";

    private Reports() {
    }

    static CheckReport mixed() {
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("peakProcesses", 9);
        observed.put("checkSeconds", 4.2);
        return new CheckReport("./server <&> 4242", "blank-line", "process per client", List.of(
                new Verdict("echo", Status.PASS, "Every message came back byte for byte.", List.of("ASCII: ok", "UTF-8: ok")),
                new Verdict("reaping", Status.FAIL, "8 zombies: reap your children (SIGCHLD & waitpid).",
                        List.of("zombies at most: 8", TRICKY)),
                new Verdict("threads", Status.SKIP, "Each client has a process: threads are not this server's design.",
                        List.of()),
                new Verdict("model", Status.PASS, "This is a process per client server.", List.of())), observed);
    }

    static CheckReport allPassed() {
        return new CheckReport("python3 run.py 4242", "line", "", List.of(
                new Verdict("echo", Status.PASS, "Every message came back.", List.of()),
                new Verdict("burst", Status.PASS, "Every client was echoed.", List.of("burst of 8: 8 served"))),
                Map.of());
    }
}
