package echolab.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain blocking socket client for tests: write bytes, read lines back, with a read timeout. */
public final class LineClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    public LineClient(InetSocketAddress server) throws IOException {
        this(server, null);
    }

    /** A client whose end of the connection is on {@code from}, an address of this machine (null: any). */
    public LineClient(InetSocketAddress server, java.net.InetAddress from) throws IOException {
        try {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(20_000);
            socket.connect(server, 5_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close(); // no socket left open by a connect that failed
            throw e;
        }
    }

    public LineClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public LineClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next line with its newline, or what came before the server closed, or null at once-closed. */
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 && b < 0 ? null : line.toByteArray();
    }

    public String readLineText() throws IOException {
        byte[] line = readLine();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** Whether the server has closed the connection (the next read sees end of stream). */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
