package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;
import org.imgscalr.Scalr.Rotation;

/** How a camera says its stored pixels must be turned to be seen upright (EXIF tag 0x0112). */
enum Orientation {
    UPRIGHT,
    MIRRORED,
    UPSIDE_DOWN,
    UPSIDE_DOWN_MIRRORED,
    TRANSPOSED,
    TURNED_CLOCKWISE,
    TRANSVERSE,
    TURNED_COUNTER_CLOCKWISE;

    /** The EXIF value 1–8; anything else is taken as upright, as viewers do. */
    static Orientation fromExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : UPRIGHT;
    }

    boolean swapsSides() {
        return ordinal() >= TRANSPOSED.ordinal();
    }

    Size display(Size stored) {
        return swapsSides() ? stored.transposed() : stored;
    }

    BufferedImage upright(BufferedImage stored) {
        return switch (this) {
            case UPRIGHT -> stored;
            case MIRRORED -> Scalr.rotate(stored, Rotation.FLIP_HORZ);
            case UPSIDE_DOWN -> Scalr.rotate(stored, Rotation.CW_180);
            case UPSIDE_DOWN_MIRRORED -> Scalr.rotate(stored, Rotation.FLIP_VERT);
            case TRANSPOSED -> Scalr.rotate(Scalr.rotate(stored, Rotation.CW_90), Rotation.FLIP_HORZ);
            case TURNED_CLOCKWISE -> Scalr.rotate(stored, Rotation.CW_90);
            case TRANSVERSE -> Scalr.rotate(Scalr.rotate(stored, Rotation.CW_90), Rotation.FLIP_VERT);
            case TURNED_COUNTER_CLOCKWISE -> Scalr.rotate(stored, Rotation.CW_270);
        };
    }
}
