package org.luvhive.testkit.telegram.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The content of media that simulated users send: generated, never read from disk, so the
 * emulator works offline and a page can show it. Photos are real JPEGs and stickers real
 * PNGs (a landscape and a face in one of {@value #VARIANTS} colours, cached per colour and
 * size); audio and video are placeholder bytes of a realistic size, not playable. Thread-safe.
 */
final class SampleMedia {
    static final int VARIANTS = 12;

    private static final Map<String, byte[]> IMAGES = new ConcurrentHashMap<>();

    private SampleMedia() {
    }

    /** A JPEG photo {@code side} pixels square in colour {@code variant}. */
    static byte[] photo(long variant, int side) {
        int hue = (int) Math.floorMod(variant, VARIANTS);
        return IMAGES.computeIfAbsent("photo-" + hue + "-" + side, key -> encode(landscape(hue, side), "jpg"));
    }

    /** A 512-pixel PNG sticker with a transparent background in colour {@code variant}. */
    static byte[] sticker(long variant) {
        int hue = (int) Math.floorMod(variant, VARIANTS);
        return IMAGES.computeIfAbsent("sticker-" + hue, key -> encode(face(hue), "png"));
    }

    /** A small text document. */
    static byte[] document(long number) {
        return ("Sample document #" + number + " from the LuvHive Telegram emulator.\n"
                + "It stands for a file a user attached; its content means nothing.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} reproducible bytes standing for a recording of {@code seed}. */
    static byte[] placeholder(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static BufferedImage landscape(int hue, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color sky = Color.getHSBColor(hue / (float) VARIANTS, 0.45f, 1f);
            Color dusk = Color.getHSBColor((hue + 2) / (float) VARIANTS, 0.75f, 0.7f);
            graphics.setPaint(new GradientPaint(0, 0, sky, 0, side, dusk));
            graphics.fillRect(0, 0, side, side);
            graphics.setColor(new Color(255, 240, 200));
            graphics.fillOval(side * 3 / 5, side / 8, side / 4, side / 4);
            graphics.setColor(Color.getHSBColor((hue + 6) / (float) VARIANTS, 0.5f, 0.45f));
            graphics.fillPolygon(new int[] {0, side / 3, side * 2 / 3, side}, new int[] {side, side / 2, side * 3 / 4,
                side}, 4);
            graphics.setColor(Color.getHSBColor((hue + 5) / (float) VARIANTS, 0.6f, 0.3f));
            graphics.fillPolygon(new int[] {side / 4, side * 3 / 5, side}, new int[] {side, side * 3 / 5, side}, 3);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static BufferedImage face(int hue) {
        int side = 512;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(Color.getHSBColor(hue / (float) VARIANTS, 0.7f, 1f));
            graphics.fillOval(32, 32, side - 64, side - 64);
            graphics.setColor(new Color(40, 30, 30));
            graphics.fillOval(170, 170, 50, 70);
            graphics.fillOval(side - 220, 170, 50, 70);
            graphics.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.drawArc(150, 200, side - 300, 200, 200, 140);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
