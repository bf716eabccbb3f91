package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  private static DataInputStream bytes(double... values) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      Payloads.writeDoubles(out, values);
    }
    return new DataInputStream(new ByteArrayInputStream(b.toByteArray()));
  }

  @Test
  void doublesComeBackBitForBit() throws IOException {
    double[] v = {0.1, -0.0, Double.MIN_VALUE, Double.NaN, 1e300};
    assertThat(Payloads.readDoubles(bytes(v), v.length)).containsExactly(v);
  }

  /** A count that the bytes left cannot hold is refused before the array exists: no 16 GB allocation. */
  @Test
  void aCountBeyondTheBytesLeftIsRefused() {
    assertThatThrownBy(() -> Payloads.readDoubles(bytes(1, 2, 3), 4)).isInstanceOf(IOException.class)
        .hasMessage("4 numbers announced, 3 left in the payload");
    assertThatThrownBy(() -> Payloads.readDoubles(bytes(1), 2L * Integer.MAX_VALUE))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Payloads.readDoubles(bytes(1), -1)).isInstanceOf(IOException.class);
  }
}
