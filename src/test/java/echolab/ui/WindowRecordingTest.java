package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.record.DataDir;
import echolab.record.Recording;
import echolab.record.RecordingRing;
import echolab.testing.EventRecorder;
import echolab.testing.FxWindow;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import javafx.stage.Stage;

/**
 * The window records its lab all the time, into the ring in the data folder, and into {@code open --record}'s
 * file as well; closing the window ends both, leaving no thread and two whole recordings.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class WindowRecordingTest {

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(stage -> { });

    @TempDir
    Path dir;

    @Test
    void theWindowRecordsItsLabIntoTheRingAndTheRequestedFileUntilItCloses() throws Exception {
        Path file = dir.resolve("open.jsonl.gz");
        WindowRecording.recordNextWindowTo(file);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        LabWindow window = WaitForAsyncUtils.asyncFx(() -> LabWindow.open(stage,
                ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS).build())).get();
        int port;
        try {
            port = window.lab().address().getPort();
            try (EventRecorder published = new EventRecorder(window.lab().events());
                 LineClient client = new LineClient(window.lab().address())) {
                assertEquals("recorded\n", client.send("recorded\n").readLineText());
                // the echo reaches the client a moment before the server says so: wait for its event,
                // which the recordings' queues then hold too
                published.await(Event.LineEchoed.class, 1, java.time.Duration.ofSeconds(10));
            }
            assertTrue(NoLeftovers.ourThreads().stream().anyMatch(t -> t.startsWith("echolab-ring-recorder")),
                    "the ring records while the window is open: " + NoLeftovers.ourThreads());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                window.close();
                stage.close();
            }).get();
        }
        List<String> threads = NoLeftovers.ourThreads();
        assertTrue(threads.stream().noneMatch(t -> t.startsWith("echolab-ring-recorder") || t.startsWith("echolab-recorder")),
                "the recorders ended with the window: " + threads);

        Recording requested = Recording.read(file);
        assertTrue(requested.damage().isEmpty(), requested.damage().toString());
        assertEquals("threads", requested.header().mode());
        Event.ServerStarted started = (Event.ServerStarted) requested.events().stream()
                .filter(e -> e instanceof Event.ServerStarted).findFirst().orElseThrow();
        assertEquals(port, started.port());
        assertTrue(requested.events().stream().anyMatch(e -> e instanceof Event.LineEchoed l && l.bytes() == 9),
                "the echo is in");

        Path segment = null;
        for (Path p : RecordingRing.segmentsIn(DataDir.recordings())) {
            Recording r = Recording.read(p);
            if (r.events().stream().anyMatch(e -> e instanceof Event.ServerStarted s && s.port() == port)) {
                segment = p;
                // two subscriptions: the same events, each in its own order (EventRecorder.bySeq)
                assertEquals(EventRecorder.bySeq(requested.events()), EventRecorder.bySeq(r.events()), "the ring holds the same run");
            }
        }
        assertTrue(segment != null, "a segment of the ring holds this window's run, in " + DataDir.recordings());
        assertTrue(segment.toAbsolutePath().startsWith(Path.of("target").toAbsolutePath()),
                "the tests' ring is under target/: " + segment);
    }

}
