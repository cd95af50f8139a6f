package org.luvhive.cli.violations;

/** Horizontal bars of Unicode blocks, eighths of a cell wide, scaled so that the largest value fills the width. */
final class BarChart {

    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";
    private static final char FULL = '█';

    private BarChart() {
    }

    /** The bar for {@code value} when {@code max} fills {@code width} cells; a non-zero value shows at least a sliver. */
    static String bar(long value, long max, int width) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        long eighths = Math.max(1, Math.round(value * width * 8.0 / max));
        StringBuilder bar = new StringBuilder();
        for (long full = eighths / 8; full > 0; full--) {
            bar.append(FULL);
        }
        if (eighths % 8 != 0) {
            bar.append(EIGHTHS.charAt((int) (eighths % 8)));
        }
        return bar.toString();
    }
}
