package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.events.Event;
import echolab.record.EventJson;
import echolab.record.Recording;
import echolab.testing.EventRecorder;
import echolab.testing.EchoLabJvm;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;

/**
 * {@code serve --events} prints JSON lines only, so {@code jq} works; {@code serve --record FILE} records the
 * same events it prints; {@code record-info} refuses a file that is no recording in one line, exit 2.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(180)
class ServeRecordTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) mode=threads");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void serveEventsPrintsOnlyJsonLinesAndRecordsTheSameEvents() throws Exception {
        Path file = dir.resolve("serve.jsonl.gz");
        List<String> out = new ArrayList<>();
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "threads", "--events",
                "--record", file.toString())) {
            Matcher m = LISTENING.matcher(serve.listeningLine());
            assertTrue(m.matches());
            try (LineClient client = new LineClient(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))))) {
                for (int i = 0; i < 20; i++) {
                    assertEquals("line " + i + "\n", client.send("line " + i + "\n").readLineText());
                }
            }
            serve.command("stats");
            serve.command("quit");
            assertEquals(0, serve.waitForExit(), serve.stderr());
            out.addAll(serve.remainingLines()); // all of stdout: no line was taken before
        }
        // every line of stdout is a JSON object with a type: jq reads it all
        for (String line : out) {
            JsonNode node = MAPPER.readTree(line);
            assertTrue(node.isObject() && node.hasNonNull("type"), "a JSON object with a type: " + line);
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("{\"type\":\"summary\"")), "the summary is JSON too");
        assertTrue(out.stream().anyMatch(l -> l.startsWith("{\"type\":\"stats\"")), "the stats are JSON too");

        Recording recording = Recording.read(file);
        assertTrue(recording.damage().isEmpty(), recording.damage().toString());
        assertEquals("echolab", recording.header().subject());
        assertEquals("threads", recording.header().mode());
        List<Event> recorded = recording.events();
        assertTrue(recorded.get(0) instanceof Event.ServerStarted, "from the server's start: " + recorded.get(0));
        assertEquals(20, recorded.stream().filter(e -> e instanceof Event.LineEchoed).count());
        List<Event> printed = new ArrayList<>();
        for (String line : out) {
            if (EventJson.isEventType(MAPPER.readTree(line).path("type").asText())) {
                printed.add(EventJson.decode(line));
            }
        }
        // two subscriptions: the same events, each in its own order (EventRecorder.bySeq)
        assertEquals(EventRecorder.bySeq(printed), EventRecorder.bySeq(recorded), "the recording holds the events serve --events printed, equal");
    }

    @Test
    void recordInfoSaysWhatARecordingHoldsAndRefusesOneThatIsNotInOneLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        EchoLabJvm.Run bad = EchoLabJvm.run("", 60, "record-info", notes.toString());
        assertEquals(2, bad.code());
        assertEquals("record-info: not an EchoLab recording: its first line is not a recording header", bad.err().strip());

        Path newer = Files.writeString(dir.resolve("newer.jsonl"), "{\"type\":\"recording\",\"format\":2}\n");
        EchoLabJvm.Run future = EchoLabJvm.run("", 60, "record-info", newer.toString());
        assertEquals(2, future.code());
        assertEquals("record-info: recording format 2 is newer than this EchoLab reads (1)", future.err().strip());

        Path nowhere = dir.resolve("no-such-folder").resolve("run.jsonl.gz");
        EchoLabJvm.Run unwritable = EchoLabJvm.run("", 60, "serve", "--port", "0", "--record", nowhere.toString());
        assertEquals(2, unwritable.code());
        assertEquals("serve: Invalid value for option '--record': cannot write " + nowhere + ": its folder does not exist",
                unwritable.err().strip());
    }

    /** An address it cannot listen on: one line, exit 2, and an earlier recording of that name is kept as it was. */
    @Test
    void aServerThatCannotListenLeavesAnEarlierRecordingOfThatNameAsItWas() throws Exception {
        Path earlier = dir.resolve("class.jsonl.gz");
        byte[] kept = "last week's class".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(earlier, kept);
        // 192.0.2.1 is TEST-NET-1: an address of no machine here (a busy port is not an error: serve takes another)
        EchoLabJvm.Run cannot = EchoLabJvm.run("", 60, "serve", "--bind", "192.0.2.1", "--port", "0",
                "--record", earlier.toString());
        assertEquals(2, cannot.code(), cannot.err());
        assertEquals(1, cannot.err().strip().lines().count(), cannot.err());
        assertTrue(cannot.err().contains("cannot listen on 192.0.2.1"), cannot.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(kept, Files.readAllBytes(earlier), "the earlier recording is untouched");
    }

    @Test
    void checkAndOpenRefuseARecordingTheyCannotWriteInOneLine() throws Exception {
        Path nowhere = dir.resolve("no-such-folder").resolve("run.jsonl.gz");
        EchoLabJvm.Run check = EchoLabJvm.run("", 60, "check", "--record", nowhere.toString(), "--", "./server");
        assertEquals(2, check.code());
        assertEquals("check: Invalid value for option '--record': cannot write " + nowhere + ": its folder does not exist",
                check.err().strip());
        EchoLabJvm.Run each = EchoLabJvm.run("", 60, "check", "--record", dir.resolve("r.gz").toString(), "--each", "*/",
                "--", "./server");
        assertEquals(2, each.code());
        assertEquals("check: --record records one server's check: it cannot be used with --each", each.err().strip());
        EchoLabJvm.Run open = EchoLabJvm.run("", 60, "open", "--record", nowhere.toString());
        assertEquals(2, open.code());
        assertEquals("open: Invalid value for option '--record': cannot write " + nowhere + ": its folder does not exist",
                open.err().strip());
    }

    @Test
    void checkRecordKeepsWhatTheCheckSawOfAStudentsServer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(python(), "python3 is not installed here");
        Path file = dir.resolve("check.jsonl.gz");
        Path server = Path.of("examples/servers/echo_server.py").toAbsolutePath();
        EchoLabJvm.Run check = EchoLabJvm.run("", 110, "check", "--record", file.toString(), "--", "python3",
                server.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        Recording recording = Recording.read(file);
        assertTrue(recording.damage().isEmpty(), recording.damage().toString());
        assertEquals("your-server", recording.header().subject());
        assertTrue(recording.header().settings().get("command").contains("echo_server.py"), recording.header().toString());
        Event.ObservedServerStarted started = (Event.ObservedServerStarted) recording.events().stream()
                .filter(e -> e instanceof Event.ObservedServerStarted).findFirst().orElseThrow();
        assertTrue(recording.events().stream().anyMatch(e -> e instanceof Event.ObservedProcessAppeared p
                && p.pid() == started.pid()), "the server's process, as the check saw it");
        assertTrue(recording.events().stream().anyMatch(e -> e instanceof Event.ClientEchoReceived),
                "the check's clients' side too");
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

}
