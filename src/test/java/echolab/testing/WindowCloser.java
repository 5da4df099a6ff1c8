package echolab.testing;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Closes a window as a user does with its title bar's close button: the window manager then sends
 * the window a {@code WM_DELETE_WINDOW} message, and that is what is sent here, through libX11 (JNA),
 * to every top-level window of a display with the given title. A virtual display has no window
 * manager, so this is the message itself, not a click.
 */
public final class WindowCloser {

    private static final int CLIENT_MESSAGE = 33;

    private WindowCloser() {
    }

    /** The titles of the top-level windows of {@code display}, for a failure's message. */
    public static java.util.List<String> titles(String display) {
        java.util.List<String> all = new java.util.ArrayList<>();
        visit(display, null, all);
        return all;
    }

    /** Sends {@code WM_DELETE_WINDOW} to each top-level window titled {@code title} on {@code display}; returns how many. */
    public static int requestClose(String display, String title) {
        return visit(display, title, new java.util.ArrayList<>());
    }

    /** Its {@code _NET_WM_NAME} (UTF-8, as GTK sets it), else its {@code WM_NAME}; null when it has neither. */
    private static String title(X11 x, X11.Display d, X11.Window w) {
        X11.AtomByReference type = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        com.sun.jna.ptr.NativeLongByReference items = new com.sun.jna.ptr.NativeLongByReference();
        com.sun.jna.ptr.NativeLongByReference after = new com.sun.jna.ptr.NativeLongByReference();
        PointerByReference value = new PointerByReference();
        int status = x.XGetWindowProperty(d, w, x.XInternAtom(d, "_NET_WM_NAME", false), new NativeLong(0),
                new NativeLong(1024), false, x.XInternAtom(d, "UTF8_STRING", false), type, format, items, after, value);
        if (status == 0 && value.getValue() != null) {
            try {
                if (items.getValue().longValue() > 0) {
                    byte[] bytes = value.getValue().getByteArray(0, (int) items.getValue().longValue());
                    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
            } finally {
                x.XFree(value.getValue());
            }
        }
        PointerByReference name = new PointerByReference();
        if (x.XFetchName(d, w, name) == 0 || name.getValue() == null) {
            return null;
        }
        String fetched = name.getValue().getString(0);
        x.XFree(name.getValue());
        return fetched;
    }

    private static int visit(String display, String title, java.util.List<String> titles) {
        X11 x = X11.INSTANCE;
        X11.Display d = x.XOpenDisplay(display);
        if (d == null) {
            throw new IllegalStateException("cannot open display " + display);
        }
        try {
            X11.Window root = x.XDefaultRootWindow(d);
            X11.WindowByReference rootOut = new X11.WindowByReference();
            X11.WindowByReference parentOut = new X11.WindowByReference();
            PointerByReference children = new PointerByReference();
            IntByReference count = new IntByReference();
            x.XQueryTree(d, root, rootOut, parentOut, children, count);
            X11.Atom protocols = x.XInternAtom(d, "WM_PROTOCOLS", false);
            X11.Atom delete = x.XInternAtom(d, "WM_DELETE_WINDOW", false);
            int sent = 0;
            Pointer list = children.getValue();
            for (int i = 0; i < count.getValue(); i++) {
                X11.Window w = new X11.Window(list.getNativeLong((long) i * NativeLong.SIZE).longValue());
                String titled = title(x, d, w);
                if (titled == null) {
                    continue;
                }
                titles.add(titled);
                if (!titled.equals(title)) {
                    continue;
                }
                X11.XEvent event = new X11.XEvent();
                event.type = CLIENT_MESSAGE;
                event.setType(X11.XClientMessageEvent.class);
                event.xclient.type = CLIENT_MESSAGE;
                event.xclient.display = d;
                event.xclient.window = w;
                event.xclient.message_type = protocols;
                event.xclient.format = 32;
                event.xclient.data.setType(NativeLong[].class);
                event.xclient.data.l[0] = new NativeLong(delete.longValue());
                event.xclient.data.l[1] = new NativeLong(0); // CurrentTime
                x.XSendEvent(d, w, 0, new NativeLong(0), event);
                sent++;
            }
            if (list != null) {
                x.XFree(list);
            }
            x.XFlush(d);
            return sent;
        } finally {
            x.XCloseDisplay(d);
        }
    }
}
