package io.diffmix.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NpyReaderTest {

  @Property(tries = 50)
  void whatNpyWritesNpyReaderReads(@ForAll @IntRange(min = 0, max = 40) int rows,
      @ForAll @IntRange(min = 1, max = 5) int dim, @ForAll long seed) throws IOException {
    var rng = new java.util.SplittableRandom(seed);
    Samples s = Samples.zeros(rows, dim);
    for (int i = 0; i < s.data().length; i++) {
      s.data()[i] = rng.nextDouble() * 1e3 - 500;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(s, out);
    assertThat(NpyReader.parse(out.toByteArray(), "x.npy")).isEqualTo(s);
  }

  /** A .npy of a 2 x 3 array [[1,2,3],[4,5,6]] in the given layout. */
  private static byte[] npy(int version, String descr, boolean fortran, boolean bigEndian, boolean f4) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
        + ", 'shape': (2, 3), }";
    int pre = version == 1 ? 10 : 12;
    int len = (pre + dict.length() + 1 + 63) / 64 * 64 - pre;
    String header = dict + " ".repeat(len - dict.length() - 1) + "\n";
    double[] c = {1, 2, 3, 4, 5, 6};
    double[] f = {1, 4, 2, 5, 3, 6};
    double[] vals = fortran ? f : c;
    ByteBuffer b = ByteBuffer.allocate(pre + len + vals.length * (f4 ? 4 : 8));
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
    b.order(ByteOrder.LITTLE_ENDIAN);
    if (version == 1) {
      b.putShort((short) len);
    } else {
      b.putInt(len);
    }
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    b.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (double v : vals) {
      if (f4) {
        b.putFloat((float) v);
      } else {
        b.putDouble(v);
      }
    }
    return b.array();
  }

  @Test
  void readsVersionsOneAndTwoBothEndiannessesBothOrdersAndFloat32() {
    double[] expected = {1, 2, 3, 4, 5, 6};
    for (int version : new int[] {1, 2}) {
      for (boolean fortran : new boolean[] {false, true}) {
        assertThat(NpyReader.parse(npy(version, "<f8", fortran, false, false), "a").data()).isEqualTo(expected);
        assertThat(NpyReader.parse(npy(version, ">f8", fortran, true, false), "b").data()).isEqualTo(expected);
        assertThat(NpyReader.parse(npy(version, "<f4", fortran, false, true), "c").data()).isEqualTo(expected);
        assertThat(NpyReader.parse(npy(version, ">f4", fortran, true, true), "d").data()).isEqualTo(expected);
      }
    }
  }

  @Test
  void refusesBrokenFilesNamingThem() {
    byte[] good = npy(1, "<f8", false, false, false);
    assertThatThrownBy(() -> NpyReader.parse(new byte[0], "e.npy"))
        .isInstanceOf(BadInputException.class).hasMessage("e.npy: empty file; expected a .npy array");
    assertThatThrownBy(() -> NpyReader.parse(Arrays.copyOf(good, 30), "h.npy"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("h.npy: truncated .npy header");
    assertThatThrownBy(() -> NpyReader.parse(Arrays.copyOf(good, good.length - 1), "b.npy"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("b.npy: truncated .npy body");
    assertThatThrownBy(() -> NpyReader.parse("hello world".getBytes(StandardCharsets.US_ASCII), "t.npy"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("not a .npy file");
    assertThatThrownBy(() -> NpyReader.parse(npy(1, "<i8", false, false, false), "i.npy"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("valid: float64 or float32");
    byte[] nan = good.clone();
    ByteBuffer.wrap(nan, nan.length - 6 * 8 + 8, 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(Double.NaN);
    assertThatThrownBy(() -> NpyReader.parse(nan, "n.npy"))
        .isInstanceOf(BadInputException.class).hasMessage("n.npy: row 0, column 1 is NaN; valid: finite numbers");
  }
}
