package org.shouwang.activities.checkin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

/** Reads back what a QR code drawn by the pages (an SVG of unit squares, 2 modules of quiet zone) says. */
public final class QrCodes {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final int QUIET = 2;

    private QrCodes() {
    }

    public static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalArgumentException("no QR code drawn: " + svg);
        }
        int size = Integer.parseInt(box.group(1)) - 2 * QUIET;
        BitMatrix modules = new BitMatrix(size);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - QUIET;
            int y = Integer.parseInt(run.group(2)) - QUIET;
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                modules.set(x + i, y);
            }
        }
        try {
            return new Decoder().decode(modules).getText();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable QR code", e);
        }
    }
}
