package echolab.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The source line of an address in a program, from its DWARF line tables, read by binutils'
 * {@code addr2line}. Each program and address is asked once.
 *
 * <p>Threading: any thread.
 */
final class SourceLines {

    /** A line found: the function, the source file as the compiler named it, the line. */
    record Line(String function, String file, int line) {}

    /** What an address gave: a line, or why there is none. */
    record Found(Line line, String note) {}

    private static final Map<String, Found> CACHE = new ConcurrentHashMap<>();

    private SourceLines() {
    }

    /** The line of {@code address} (as the ELF file numbers it) in the program {@code exe}. */
    static Found lookup(String exe, long address) {
        return CACHE.computeIfAbsent(exe + "@" + Long.toHexString(address), k -> ask(exe, address));
    }

    private static Found ask(String exe, long address) {
        Process p;
        try {
            p = new ProcessBuilder(List.of("addr2line", "-f", "-C", "-e", exe, "0x" + Long.toHexString(address)))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Found(null, "addr2line (binutils) is not installed");
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return new Found(null, "addr2line could not read the program");
            }
            return parse(out);
        } catch (IOException e) {
            return new Found(null, "addr2line could not read the program");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Found(null, "interrupted");
        } finally {
            p.destroy();
        }
    }

    /** addr2line's two lines: the function, then {@code file:line}, {@code ??:?} without debug information. */
    static Found parse(String out) {
        String[] lines = out.strip().split("\n");
        if (lines.length < 2) {
            return new Found(null, "built without -g");
        }
        String function = lines[0].strip();
        String place = lines[1].strip();
        int discriminator = place.indexOf(" (discriminator");
        if (discriminator >= 0) {
            place = place.substring(0, discriminator);
        }
        int colon = place.lastIndexOf(':');
        String file = colon < 0 ? place : place.substring(0, colon);
        int line = 0;
        try {
            line = colon < 0 ? 0 : Integer.parseInt(place.substring(colon + 1));
        } catch (NumberFormatException e) {
            line = 0;
        }
        if (file.equals("??") || line <= 0) {
            return new Found(null, "built without -g");
        }
        return new Found(new Line(function.equals("??") ? null : function, file, line), "");
    }
}
