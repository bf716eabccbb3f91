package io.diffmix.core.io;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numpy's {@code .npy} files (format versions 1.0, 2.0 and 3.0): float64 or float32, little- or
 * big-endian, C or Fortran order, shape (rows,) or (rows, dim).
 *
 * <p>Every problem is a {@link BadInputException} naming the file: a bad magic string, a truncated header or
 * body, an unsupported dtype, a non-finite value.
 */
public final class NpyReader {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /** Reads a 1-D or 2-D float array as rows of points; a 1-D array is one column. */
  public static Samples read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses the bytes of a .npy file; {@code source} names it in errors. */
  public static Samples parse(byte[] b, String source) {
    if (b.length == 0) {
      throw new BadInputException(source + ": empty file; expected a .npy array");
    }
    if (b.length < 6 || (b[0] & 0xff) != 0x93 || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new BadInputException(source + ": not a .npy file (the magic string \\x93NUMPY is missing)");
    }
    if (b.length < 10) {
      throw new BadInputException(source + ": truncated .npy header");
    }
    int major = b[6] & 0xff;
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (b.length < 12) {
        throw new BadInputException(source + ": truncated .npy header");
      }
      headerLen = ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      start = 12;
    } else {
      throw new BadInputException(source + ": .npy format version " + major + " is not supported; valid: 1, 2, 3");
    }
    if (headerLen < 0 || start + (long) headerLen > b.length) {
      throw new BadInputException(source + ": truncated .npy header (" + headerLen + " bytes announced, "
          + (b.length - start) + " present)");
    }
    String header = new String(b, start, headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    Matcher order = ORDER.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !order.find() || !shape.find()) {
      throw new BadInputException(source + ": malformed .npy header: " + header.trim());
    }
    char kind = descr.group(2).charAt(0);
    int size = Integer.parseInt(descr.group(3));
    if (kind != 'f' || (size != 4 && size != 8)) {
      throw new BadInputException(source + ": dtype " + descr.group(0).split(":")[1].trim()
          + " is not supported; valid: float64 or float32 ('<f8', '>f8', '<f4', '>f4')");
    }
    ByteOrder bo = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    boolean fortran = order.group(1).equals("True");
    String[] dims = shape.group(1).replace(" ", "").split(",");
    long rows;
    int dim;
    try {
      if (dims.length == 1 && !dims[0].isEmpty()) {
        rows = Long.parseLong(dims[0]);
        dim = 1;
      } else if (dims.length == 2) {
        rows = Long.parseLong(dims[0]);
        dim = Integer.parseInt(dims[1]);
      } else {
        throw new BadInputException(source + ": shape (" + shape.group(1) + ") is not supported; valid: "
            + "(rows,) or (rows, dim)");
      }
    } catch (NumberFormatException e) {
      throw new BadInputException(source + ": malformed shape (" + shape.group(1) + ")");
    }
    // rows > limit / dim, not rows * dim > limit: a hostile header's product overflows a long
    if (rows < 0 || dim < 1 || rows > (Integer.MAX_VALUE - 8) / dim) {
      throw new BadInputException(source + ": shape (" + rows + ", " + dim + ") is not supported");
    }
    int n = (int) (rows * dim);
    int body = start + headerLen;
    if (b.length - body < (long) n * size) {
      throw new BadInputException(source + ": truncated .npy body: " + (b.length - body) + " bytes for "
          + rows + " x " + dim + " values of " + size + " bytes");
    }
    ByteBuffer buf = ByteBuffer.wrap(b, body, n * size).order(bo);
    double[] out = new double[n];
    int r = (int) rows;
    for (int q = 0; q < n; q++) {
      double v = size == 8 ? buf.getDouble() : buf.getFloat();
      // Fortran order stores column after column
      int i = fortran ? q % r : q / dim;
      int j = fortran ? q / r : q % dim;
      if (!Double.isFinite(v)) {
        throw new BadInputException(source + ": row " + i + ", column " + j + " is " + v
            + "; valid: finite numbers");
      }
      out[i * dim + j] = v;
    }
    return new Samples(out, r, dim);
  }
}
