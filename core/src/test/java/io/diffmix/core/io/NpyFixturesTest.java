package io.diffmix.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed fixtures in src/test/resources/npy, written byte by byte from numpy's format specification by
 * make_fixtures.py, load to the same array in every variant.
 */
class NpyFixturesTest {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(NpyFixturesTest.class.getResource("/npy/" + name).toURI());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "v1_lef8_C.npy", "v1_lef8_F.npy", "v1_bef8_C.npy", "v1_bef8_F.npy",
      "v1_lef4_C.npy", "v1_lef4_F.npy", "v1_bef4_C.npy", "v1_bef4_F.npy",
      "v2_lef8_C.npy", "v2_lef8_F.npy", "v2_bef8_C.npy", "v2_bef8_F.npy",
      "v2_lef4_C.npy", "v2_lef4_F.npy", "v2_bef4_C.npy", "v2_bef4_F.npy"})
  void everyVariantLoadsTheSameArray(String name) throws Exception {
    Samples s = NpyReader.read(fixture(name));
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.dim()).isEqualTo(3);
    assertThat(s.data()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1_lef8_1d.npy"})
  void aOneDimensionalArrayIsOneColumn(String name) throws Exception {
    Samples s = NpyReader.read(fixture(name));
    assertThat(s.rows()).isEqualTo(3);
    assertThat(s.dim()).isEqualTo(1);
    assertThat(s.data()).containsExactly(1, 2, 3);
  }
}
