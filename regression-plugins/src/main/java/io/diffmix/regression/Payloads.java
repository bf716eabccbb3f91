package io.diffmix.regression;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The arrays of the learners' model payloads, as big-endian doubles bit for bit. */
public final class Payloads {
  private Payloads() {}

  public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /**
   * The next int as a count of at least one item of at least {@code bytesEach} bytes each. A count beyond what the
   * bytes left can hold is damage, refused before anything that size is allocated.
   */
  public static int readCount(DataInputStream in, int bytesEach, String what) throws IOException {
    int count = in.readInt();
    if (count < 1 || count > in.available() / bytesEach) {
      throw new IOException(count + " " + what + " in " + in.available() + " bytes; valid: 1 to "
          + in.available() / bytesEach);
    }
    return count;
  }

  /**
   * The next {@code count} doubles. A count that is negative or more than the bytes left is refused before
   * anything is allocated, so a damaged or hostile file cannot ask for gigabytes.
   */
  public static double[] readDoubles(DataInputStream in, long count) throws IOException {
    if (count < 0 || count * Double.BYTES > in.available()) {
      throw new IOException(count + " numbers announced, " + in.available() / Double.BYTES + " left in the payload");
    }
    double[] v = new double[(int) count];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }
}
