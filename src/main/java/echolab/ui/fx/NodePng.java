package echolab.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Writes a picture of a node as a PNG file, through AWT's {@code ImageIO} (the project has no
 * {@code javafx-swing}, so no {@code SwingFXUtils}). The whole node is drawn, also the part
 * scrolled out of view.
 *
 * <p>Threading: FX thread (the snapshot); encoding a chart-sized PNG takes a tenth of a second.
 */
public final class NodePng {

    private NodePng() {
    }

    /**
     * What shows behind the node on screen: the colour of the nearest region around it with one
     * (the theme's paper), so a dark theme's picture is not white where the node is transparent.
     */
    static javafx.scene.paint.Paint backdrop(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof javafx.scene.layout.Region r && r.getBackground() != null) {
                for (javafx.scene.layout.BackgroundFill f : r.getBackground().getFills()) {
                    if (f.getFill() instanceof Color c && c.getOpacity() == 1) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    public static void write(Node node, double scale, Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(backdrop(node));
        params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
