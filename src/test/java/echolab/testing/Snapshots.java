package echolab.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Pictures of nodes: to look at them (PNG files) and to check the colours they show. */
public final class Snapshots {

    private Snapshots() {
    }

    /** A snapshot of {@code node}, taken on the FX thread. */
    public static WritableImage take(Node node) {
        return LiveLab.onFx(() -> node.snapshot(null, null));
    }

    /** Writes {@code image} as a PNG to {@code file}, making its folder. */
    public static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    /** How many pixels of {@code image} are {@code colour}, give or take rounding. */
    public static int count(WritableImage image, Color colour) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader pixels = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (close(pixels.getColor(x, y), colour)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(Color a, Color b) {
        double eps = 1.5 / 255;
        return Math.abs(a.getRed() - b.getRed()) < eps && Math.abs(a.getGreen() - b.getGreen()) < eps
                && Math.abs(a.getBlue() - b.getBlue()) < eps && Math.abs(a.getOpacity() - b.getOpacity()) < eps;
    }
}
