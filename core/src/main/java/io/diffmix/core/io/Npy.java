package io.diffmix.core.io;

import io.diffmix.core.data.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * numpy's {@code .npy} format, version 1.0, little-endian float64, C order: what {@code numpy.load} reads.
 *
 * <p>The header is padded with spaces and a newline so that the data starts at a multiple of 64 bytes, as
 * numpy itself writes it.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Npy() {}

  /** Writes {@code s} as a (rows, dim) float64 array. */
  public static void write(Samples s, OutputStream out) throws IOException {
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + s.rows() + ", " + s.dim() + "), }";
    int preamble = MAGIC.length + 2 + 2;
    int total = preamble + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    StringBuilder header = new StringBuilder(dict);
    header.append(" ".repeat(padded - total)).append('\n');
    byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
    out.write(MAGIC);
    out.write(1);
    out.write(0);
    out.write(h.length & 0xff);
    out.write((h.length >>> 8) & 0xff);
    out.write(h);
    ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
    double[] data = s.data();
    int n = s.rows() * s.dim();
    for (int i = 0; i < n; i++) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putDouble(data[i]);
    }
    out.write(buf.array(), 0, buf.position());
  }
}
