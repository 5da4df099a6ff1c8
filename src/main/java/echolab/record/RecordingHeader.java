package echolab.record;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Instant;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first line of a recording: what was recorded, where, when and by which EchoLab, so that a replay on
 * another machine can say so.
 *
 * @param format           the file format's version, {@link #FORMAT}
 * @param subject          {@code echolab} (the lab's own server) or {@code your-server} (a student's, observed)
 * @param mode             the server's mode at the start, or null when it has none (a student's server)
 * @param settings         whatever the source knows of its set-up: mode, protection, delayMs, port, command...
 * @param startNanos       {@link System#nanoTime()} at the start: the clock every event's {@code nanos} is on
 * @param startEpochMillis the wall clock at that same instant
 */
public record RecordingHeader(int format, String echolabVersion, String os, String java, String host, String subject,
                              String mode, Map<String, String> settings, long startNanos, long startEpochMillis) {

    /** The format this EchoLab writes and the newest it reads. */
    public static final int FORMAT = 1;
    /** The {@code type} of the header line. */
    public static final String TYPE = "recording";
    public static final String SUBJECT_ECHOLAB = "echolab";
    public static final String SUBJECT_YOUR_SERVER = "your-server";

    public RecordingHeader {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A header for a recording made now, on this machine, by this EchoLab. Threading: any thread. */
    public static RecordingHeader forThisMachine(String subject, String mode, Map<String, String> settings) {
        long epoch = System.currentTimeMillis();
        long nanos = System.nanoTime();
        return new RecordingHeader(FORMAT, thisVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version",
                        System.getProperty("java.version")),
                hostName(), subject, mode, settings, nanos, epoch);
    }

    /** This header for another subject (a window switched to it): a student's server has no mode of EchoLab's. */
    public RecordingHeader withSubject(String newSubject) {
        return new RecordingHeader(format, echolabVersion, os, java, host, newSubject,
                SUBJECT_ECHOLAB.equals(newSubject) ? mode : null, settings, startNanos, startEpochMillis);
    }

    /**
     * A record's components as settings, name to text: the way a command passes its options (say
     * {@code ServerOptions}) without this package knowing the type. Enums are written as their
     * {@code toString}.
     */
    public static Map<String, String> settingsOf(Record options) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            try {
                settings.put(c.getName(), String.valueOf(c.getAccessor().invoke(options)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + c, e);
            }
        }
        return settings;
    }

    /** The wall-clock time, in epoch milliseconds, of an event stamped {@code nanos}. */
    public long epochMillisOf(long nanos) {
        return startEpochMillis + Math.floorDiv(nanos - startNanos, 1_000_000L);
    }

    /** One line for a replay: "recorded on HOST (OS), 2026-12-03T14:56:00Z, by EchoLab 0.1". */
    public String provenance() {
        return "recorded on " + host + " (" + os + "), " + Instant.ofEpochMilli(startEpochMillis)
                + ", by EchoLab " + echolabVersion;
    }

    private static String thisVersion() {
        String version = RecordingHeader.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}
