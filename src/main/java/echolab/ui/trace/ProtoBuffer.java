package echolab.ui.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing buffer of protobuf wire format, written by hand (no protobuf library): varints,
 * 64-bit little-endian fixed values and length-delimited fields. A nested message is built in a
 * buffer of its own and then copied in with its length, bottom-up. Reused between packets.
 */
final class ProtoBuffer {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;

    private byte[] buf = new byte[256];
    private int len;

    void reset() {
        len = 0;
    }

    int length() {
        return len;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Seven bits a byte, least significant first; a negative value takes ten bytes (two's complement). */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    /** A varint field: uint32/64, int32/64, bool or enum. */
    void uint(int field, long value) {
        tag(field, VARINT);
        varint(value);
    }

    void fixed64(int field, long value) {
        tag(field, FIXED64);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (value >>> (8 * i));
        }
    }

    /** A string field, already UTF-8. */
    void bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buf, len, value.length);
        len += value.length;
    }

    /** A nested message: {@code message}'s bytes with their length. */
    void message(int field, ProtoBuffer message) {
        tag(field, LENGTH_DELIMITED);
        varint(message.len);
        ensure(message.len);
        System.arraycopy(message.buf, 0, buf, len, message.len);
        len += message.len;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }
}
