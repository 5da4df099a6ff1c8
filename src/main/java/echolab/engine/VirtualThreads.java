package echolab.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, found at run time: the code is compiled for Java 17, where they do not exist,
 * and uses them when it runs on Java 21 or newer.
 */
public final class VirtualThreads {

    private static final MethodHandle OF_VIRTUAL = find();
    private static final MethodHandle IS_VIRTUAL = OF_VIRTUAL == null ? null : findIsVirtual();

    private VirtualThreads() {
    }

    /** Whether this JVM can make virtual threads. */
    public static boolean supported() {
        return OF_VIRTUAL != null;
    }

    /** A factory of virtual threads named {@code prefix0}, {@code prefix1}, ... */
    public static ThreadFactory factory(String prefix) {
        if (OF_VIRTUAL == null) {
            throw new UnsupportedOperationException(Mode.VIRTUAL.unavailableReason().orElse("no virtual threads"));
        }
        try {
            Object builder = OF_VIRTUAL.invoke();
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            Object named = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, prefix, 0L);
            return (ThreadFactory) ofVirtual.getMethod("factory").invoke(named);
        } catch (Throwable e) {
            throw new IllegalStateException("could not make a virtual thread factory", e);
        }
    }

    /** Whether {@code t} is a virtual thread (always false before Java 21). */
    public static boolean isVirtual(Thread t) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invoke(t);
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * The carrier a mounted virtual thread runs on, e.g. {@code ForkJoinPool-1-worker-2}. The JDK
     * has no API for it, but a virtual thread's {@code toString} names it after an {@code @}.
     */
    public static String carrierName(Thread virtual) {
        String text = virtual.toString();
        int at = text.lastIndexOf('@');
        return at < 0 ? "unmounted" : text.substring(at + 1);
    }

    private static MethodHandle findIsVirtual() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static MethodHandle find() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            return MethodHandles.publicLookup().findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
