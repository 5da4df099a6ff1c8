package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A written trace decoded by {@code protoc --decode_raw}, a real protobuf parser run as a process:
 * it must read the whole file and find every packet (field 1 at the top level), raw and with the
 * schema of the fields EchoLab writes (src/test/resources/echolab/ui/trace). Skipped where protoc
 * is not installed; .ci/run installs it, so CI does not skip.
 */
final class ProtocDecode {

    private ProtocDecode() {
    }

    static void decodesAsPackets(byte[] trace, PerfettoCheck check) throws Exception {
        int packets = check.packets;
        assumeTrue(onPath("protoc"), "protoc is not installed (Debian package protobuf-compiler; .ci/run installs it)");
        Path file = Files.createTempFile("echolab-trace", ".perfetto-trace");
        Path out = Files.createTempFile("echolab-trace", ".txt");
        try {
            Files.write(file, trace);
            Process p = new ProcessBuilder("protoc", "--decode_raw").redirectInput(file.toFile())
                    .redirectOutput(out.toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("protoc --decode_raw took more than 60 s");
            }
            assertEquals(0, p.exitValue(), "protoc --decode_raw reads the trace");
            long top = Files.lines(out, StandardCharsets.UTF_8).filter(l -> l.equals("1 {")).count();
            assertEquals(packets, top, "protoc finds every packet");
            decodesWithTheSchema(file, out, check);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }

    /**
     * Decoded by name with the schema of the fields EchoLab writes (Perfetto's numbers): every
     * packet is found, every field is known (a wrong number or wire type prints as a bare number),
     * and the kinds of packets are there.
     */
    private static void decodesWithTheSchema(Path file, Path out, PerfettoCheck check) throws Exception {
        int packets = check.packets;
        Path dir = Files.createTempDirectory("echolab-proto");
        Path schema = dir.resolve("trace_subset.proto");
        try (var in = ProtocDecode.class.getResourceAsStream("trace_subset.proto")) {
            Files.copy(java.util.Objects.requireNonNull(in, "trace_subset.proto"), schema);
        }
        try {
            Process p = new ProcessBuilder("protoc", "-I" + dir, "--decode=perfetto.protos.Trace", schema.toString())
                    .redirectInput(file.toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("protoc --decode took more than 60 s");
            }
            assertEquals(0, p.exitValue(), "protoc --decode=perfetto.protos.Trace reads the trace");
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals(packets, lines.stream().filter(l -> l.equals("packet {")).count(), "every packet");
            List<String> unknown = lines.stream().filter(l -> l.trim().matches("^\\d+[: ].*")).limit(5).toList();
            assertEquals(List.of(), unknown, "no field unknown to the schema");
            List<String> expected = new java.util.ArrayList<>(List.of("thread_name: ", "process_name: ",
                    "type: TYPE_SLICE_BEGIN", "type: TYPE_SLICE_END", "type: TYPE_INSTANT",
                    "trusted_packet_sequence_id: 1"));
            if (!check.counters.isEmpty()) {
                expected.addAll(List.of("type: TYPE_COUNTER", "counter {", "counter_value: "));
            }
            if (check.flows > 0) {
                expected.addAll(List.of("flow_ids: ", "terminating_flow_ids: "));
            }
            for (String expected1 : expected) {
                String e = expected1;
                assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith(e)), "decoded: " + e);
            }
        } finally {
            Files.deleteIfExists(schema);
            Files.deleteIfExists(dir);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
