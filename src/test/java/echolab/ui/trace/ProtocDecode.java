package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A written trace decoded by {@code protoc --decode_raw}, a real protobuf parser run as a process:
 * it must read the whole file and find every packet (field 1 at the top level). Skipped where protoc
 * is not installed; .ci/run installs it, so CI does not skip.
 */
final class ProtocDecode {

    private ProtocDecode() {
    }

    static void decodesAsPackets(byte[] trace, int packets) throws Exception {
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
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
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
