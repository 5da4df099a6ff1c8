package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.cli.EchoLabCommand;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;

/**
 * {@code export --perfetto|--chrome RECORDING OUT} on a real recorded run: both traces hold the
 * run's states; a file that is not a recording is one line and exit 2; a damaged one is exported
 * up to its last good line and says so (exit 1).
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path recording;

    @BeforeEach
    void record() throws Exception {
        recording = dir.resolve("run.jsonl.gz");
        RecordedRun.recordTo(recording, 3, 20);
    }

    /** Runs {@code echolab ARGS}; returns the exit code and what it said on stderr. */
    private static Map.Entry<Integer, String> echolab(String... args) {
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EchoLabCommand.execute(new Object[] {new ExportCommand()}, args);
            return Map.entry(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(was);
        }
    }

    @Test
    void aRecordingBecomesAPerfettoTraceAndAChromeTraceOfItsRun() throws Exception {
        Path perfetto = dir.resolve("run.perfetto-trace");
        Map.Entry<Integer, String> done = echolab("export", "--perfetto", recording.toString(), perfetto.toString());
        assertEquals(0, done.getKey(), done.getValue());
        assertTrue(done.getValue().startsWith("wrote " + perfetto), done.getValue());
        PerfettoCheck trace = new PerfettoCheck(Files.readAllBytes(perfetto));
        assertTrue(trace.sliceNames.containsAll(List.of("reading", "counter", "served")), trace.sliceNames.toString());
        assertEquals(3, trace.threadsOf(TraceTracks.CLIENTS_PID).size());

        Path chrome = dir.resolve("run.json");
        done = echolab("export", "--chrome", recording.toString(), chrome.toString());
        assertEquals(0, done.getKey(), done.getValue());
        List<?> events = new ObjectMapper().readValue(chrome.toFile(), List.class);
        assertTrue(events.stream().anyMatch(e -> "served".equals(((Map<?, ?>) e).get("name"))));
    }

    @Test
    void aFileThatIsNoRecordingIsOneLineAndExitTwoAndADamagedOneIsExportedToItsLastGoodLine() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "these are my notes\n");
        Path out = dir.resolve("out.perfetto-trace");
        Map.Entry<Integer, String> bad = echolab("export", "--perfetto", notes.toString(), out.toString());
        assertEquals(2, bad.getKey());
        assertEquals(1, bad.getValue().strip().lines().count(), bad.getValue());
        assertTrue(bad.getValue().contains("not an EchoLab recording"), bad.getValue());
        assertFalse(Files.exists(out), "nothing is written for a bad file");

        Map.Entry<Integer, String> neither = echolab("export", recording.toString(), out.toString());
        assertEquals(2, neither.getKey(), "a format must be chosen: " + neither.getValue());

        byte[] whole = Files.readAllBytes(recording);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        Map.Entry<Integer, String> damaged = echolab("export", "--perfetto", cut.toString(), out.toString());
        assertEquals(1, damaged.getKey(), damaged.getValue());
        assertTrue(damaged.getValue().contains("the trace ends there"), damaged.getValue());
        new PerfettoCheck(Files.readAllBytes(out)); // what was good is a whole trace
    }
}
