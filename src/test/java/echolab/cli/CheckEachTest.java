package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;
import picocli.CommandLine;

/**
 * {@code check --each}, a teacher's grading run, in this JVM through picocli: a folder of real
 * submissions (Python servers run as child processes), the class table, its CSV, each submission's
 * report, the exit code, the time limit, and nothing left running.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class CheckEachTest {

    private record Run(int code, String out, String err) {}

    /** A server that accepts every client and never reads or answers: it hangs every check. */
    private static final String SILENT = """
            #!/usr/bin/env python3
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(sys.argv[1])))
            s.listen(64)
            print("listening on port", sys.argv[1], flush=True)
            held = []
            while True:
                held.append(s.accept()[0])
            """;

    private static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EchoLabCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, argv) -> { // as EchoLabCommand.execute: one line
            ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private static void program(Path dir, String text) throws Exception {
        Files.createDirectories(dir);
        Path p = dir.resolve("run.py");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String echoServer() throws Exception {
        assumeTrue(python(), "python3 is not installed here");
        return Files.readString(ExampleServers.sources().resolve("echo_server.py"));
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String row(String table, String submission) {
        return table.lines().filter(l -> l.startsWith("| " + submission + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + submission + " in\n" + table));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aClassIsGradedIntoATableWithARowPerSubmissionEvenOnesThatDidNotStart(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("submissions");
        program(subs.resolve("alice"), echoServer());                               // correct
        Files.createDirectories(subs.resolve("bob"));                               // handed in nothing
        program(subs.resolve("carol"), "#!/usr/bin/env python3\nimport sys\nprint('bye')\nsys.exit(3)\n"); // exits at once
        Files.createDirectories(subs.resolve(".git"));                              // not a submission
        Path out = tmp.resolve("grades");

        Run run = check("--each", subs + "/*/", "--table", out.toString(), "--format", "gradescope",
                "--bursts", "1,8", "--limit-s", "30", "--", "./run.py");

        assertEquals(1, run.code(), run.out() + run.err());
        String alice = row(run.out(), "alice");
        assertTrue(alice.matches("\\| alice \\| thread per client \\| pass \\| pass \\| pass \\| .*\\| [0-9.]+ \\|  \\|"),
                alice);
        assertTrue(row(run.out(), "bob").contains("| did not start: no such program: ./run.py (looked in "),
                row(run.out(), "bob"));
        String carol = row(run.out(), "carol");
        assertTrue(carol.matches(".*\\| did not start: \\./run\\.py \\d+ exited with code 3 before it listened "
                + "\\(last output: bye\\) \\|"), carol);
        assertTrue(run.out().lines().noneMatch(l -> l.contains(".git")), run.out());
        assertTrue(run.out().strip().lines().reduce((a, b) -> b).orElseThrow().matches(
                "3 submissions in \\d+ s: 1 passed every check, 0 failed one or more, 2 did not start"), run.out());
        assertTrue(run.err().contains("[1/3] alice: passed every check (thread per client, "), run.err());
        assertTrue(run.err().contains("[2/3] bob: did not start: no such program"), run.err());

        List<String> csv = Files.readAllLines(tmp.resolve("grades.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("submission,model,echo,burst,concurrency,"), csv.get(0));
        assertTrue(csv.get(0).endsWith(",seconds,note"), csv.get(0));
        assertTrue(csv.get(1).startsWith("alice,thread per client,pass,pass,pass,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("bob,,,"), csv.get(2));
        assertTrue(csv.get(2).contains("did not start: no such program: ./run.py"), csv.get(2));
        assertTrue(Files.readString(tmp.resolve("grades.md")).contains("| alice | thread per client |"));

        ObjectMapper json = new ObjectMapper();
        JsonNode aliceJson = json.readTree(out.resolve("alice.json").toFile());
        assertTrue(aliceJson.get("score").asInt() >= 5, aliceJson.toString());
        JsonNode bobJson = json.readTree(out.resolve("bob.json").toFile());
        assertEquals("start", bobJson.get("tests").get(0).get("name").asText());
        assertEquals("failed", bobJson.get("tests").get(0).get("status").asText());
        assertTrue(Files.exists(out.resolve("carol.json")));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aSubmissionThatOutrunsTheLimitIsCutOffAndTheRunGoesOn(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("class");
        program(subs.resolve("a-silent"), SILENT);
        program(subs.resolve("b-correct"), echoServer());

        long start = System.nanoTime();
        // a client waits 30 s for an echo, so the silent one cannot end before its 10 s; the correct one takes about 5
        Run run = check("--each", subs + "/*", "--limit-s", "10", "--timeout-s", "30", "--framing", "line",
                "--bursts", "1", "--", "./run.py", "{port}", "--framing", "line");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(1, run.code(), run.out() + run.err());
        String silent = row(run.out(), "a-silent");
        // cut off at its limit and its server ended: on a loaded machine ending it took 2.2 s more once
        assertTrue(silent.matches(".*\\| (1[0-4]\\.\\d) \\| timed out after 10 s \\|"), silent);
        String correct = row(run.out(), "b-correct");
        assertTrue(correct.contains("| thread per client | pass |"), correct);
        assertTrue(run.out().contains(": 1 passed every check, 1 failed one or more, 0 did not start"), run.out());
        assertTrue(run.err().contains("[1/2] a-silent: timed out after 10 s"), run.err());
        assertTrue(seconds < 30, "the silent one took no more than its limit: " + seconds + " s in all");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aGlobThatMatchesNothingAndOptionsThatDoNotGoTogetherAreOneLineAndExitTwo(@TempDir Path tmp) {
        record Case(List<String> args, String error) {}
        for (Case c : List.of(
                new Case(List.of("--each", tmp + "/*/", "--", "./run.py"), "check: --each " + tmp + "/*/ matches no directory"),
                new Case(List.of("--each", tmp + "/*/", "--attach", "1", "--port", "2"), "check: --each starts each submission"),
                new Case(List.of("--each", tmp + "/*/", "--cwd", tmp.toString(), "--", "./run.py"), "check: --each runs each submission in its own directory"),
                new Case(List.of("--each", tmp + "/*/", "--out", "x.json", "--", "./run.py"), "check: --out is for one check"),
                new Case(List.of("--each", tmp + "/*/", "--table", tmp + "/no/such/t", "--", "./run.py"), "check: --table " + tmp + "/no/such/t: the folder"),
                new Case(List.of("--table", "t", "--", "./run.py"), "check: --table goes with --each"),
                new Case(List.of("--format", "xml", "--", "./run.py"), "check: --format: unknown format 'xml'"),
                new Case(List.of("--json", "--format", "junit", "--", "./run.py"), "check: --json means --format json"),
                new Case(List.of("--out", tmp + "/no/r.json", "--", "./run.py"), "check: --out " + tmp + "/no/r.json: the folder"),
                new Case(List.of("--limit-s", "0", "--", "./run.py"), "check: --limit-s: 1 to 3600 seconds"))) {
            Run run = check(c.args().toArray(String[]::new));
            assertEquals(2, run.code(), c.args() + ": " + run.err());
            assertTrue(run.err().startsWith(c.error()), c.args() + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aGraderStillGetsResultsJsonAndJUnitXmlWhenTheProgramIsNotThere(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results.json");
        Run run = check("--format", "gradescope", "--out", results.toString(), "--cwd", tmp.toString(), "--", "./server");
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out(), "the report went to --out");
        assertTrue(run.err().startsWith("check: no such program: ./server"), run.err());
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(0, json.get("score").asInt());
        assertEquals("start", json.get("tests").get(0).get("name").asText());
        assertTrue(json.get("tests").get(0).get("output").asText().startsWith("no such program: ./server"));

        Run junit = check("--format", "junit", "--cwd", tmp.toString(), "--", "./server");
        assertEquals(2, junit.code(), junit.err());
        assertTrue(junit.out().contains("<testcase classname=\"echolab.check\" name=\"start\""), junit.out());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void oneCheckWritesJUnitXmlToOutWithATestCasePerCheck(@TempDir Path tmp) throws Exception {
        program(tmp.resolve("alice"), echoServer());
        Path report = tmp.resolve("report.xml");
        Run run = check("--format", "junit", "--out", report.toString(), "--bursts", "1,8",
                "--cwd", tmp.resolve("alice").toString(), "--", "./run.py");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.out(), "the report went to --out");
        assertTrue(run.err().contains("the server ended on SIGTERM"), run.err());
        org.w3c.dom.Element suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(report.toFile()).getDocumentElement();
        org.w3c.dom.NodeList cases = suite.getElementsByTagName("testcase");
        assertTrue(cases.getLength() >= 8, "a test case per check: " + cases.getLength());
        assertEquals(String.valueOf(cases.getLength()), suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("echo", ((org.w3c.dom.Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
    }
}
