package io.diffmix.core.spi;

import java.util.Locale;

/**
 * What one part of a run (a fit, a metric) will hold in memory at its peak, estimated from the run's shape before
 * any work starts. The run is refused with one line when the parts cannot fit in the JVM's heap together, rather
 * than dying of {@code OutOfMemoryError} halfway; so an estimate errs on the high side and names its cause.
 *
 * @param bytes the peak, in bytes; {@link Long#MAX_VALUE} when it overflows
 * @param key the config key a user changes to lower it, relative to the component ("degree", "rows_per_level"),
 *     or empty when no key of the component's own does
 * @param reason what takes the memory, in words for the message ("the Gram matrices of ...")
 */
public record Footprint(long bytes, String key, String reason) {
  /** Nothing worth counting. */
  public static final Footprint NONE = new Footprint(0, "", "");

  /** {@code count} doubles, saturating instead of overflowing. */
  public static long doubles(double count) {
    double b = 8 * count;
    return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(b);
  }

  /** A byte count for messages: "7.63 GB", "412 MB". */
  public static String format(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.3g GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.3g MB", bytes / (double) (1L << 20));
  }
}
