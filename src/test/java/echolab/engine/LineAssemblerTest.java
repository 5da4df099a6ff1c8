package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLineSplitAcrossReadsComesOutWholeWithItsCarriageReturn() throws Exception {
        LineAssembler lines = new LineAssembler(100);
        assertNull(lines.next(bytes("hel")));
        assertEquals(3, lines.pending());
        ByteBuffer rest = bytes("lo\r\nnext\n\n");
        assertEquals("hello\r\n", text(lines.next(rest)));
        assertEquals("next\n", text(lines.next(rest)));
        assertEquals("\n", text(lines.next(rest)));
        assertNull(lines.next(rest));
        assertEquals(0, lines.pending());
    }

    @Test
    void everyByteValueButNewlineIsContent() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 255; i++) {
            all[i] = (byte) (i < '\n' ? i : i + 1);
        }
        all[255] = '\n';
        assertArrayEquals(all, new LineAssembler(1000).next(ByteBuffer.wrap(all)));
    }

    @Test
    void theLimitCountsContentWithoutTheNewline() throws Exception {
        assertEquals(5, new LineAssembler(4).next(bytes("abcd\n")).length);
        assertThrows(LineTooLongException.class, () -> new LineAssembler(4).next(bytes("abcde\n")));
        LineAssembler split = new LineAssembler(4);
        assertNull(split.next(bytes("abc")));
        assertThrows(LineTooLongException.class, () -> split.next(bytes("de")));
    }
}
