package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import io.diffmix.core.io.CsvReader;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTargetTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aCsvWithAHeaderAndOneWithoutLoadAlike() throws IOException {
    Samples with = CsvReader.read(write("h.csv", "x,y\n1,2\n3,4.5\n"), null, null);
    Samples without = CsvReader.read(write("n.csv", "1,2\n3,4.5\n"), null, null);
    Samples semicolons = CsvReader.read(write("s.csv", "1;2\n3;4.5\n"), null, null);
    Samples spaces = CsvReader.read(write("w.txt", "1  2\n 3\t4.5\n"), null, null);
    assertThat(with).isEqualTo(without).isEqualTo(semicolons).isEqualTo(spaces);
    assertThat(with.data()).containsExactly(1, 2, 3, 4.5);
  }

  @Test
  void badCsvFilesNameTheFileAndTheRow() throws IOException {
    Path ragged = write("r.csv", "1,2\n3,4\n5\n");
    assertThatThrownBy(() -> CsvReader.read(ragged, null, null)).isInstanceOf(BadInputException.class)
        .hasMessage(ragged + ": line 3 has 1 values, but line 1 has 2; every row needs the same number of columns");
    Path nan = write("nan.csv", "1,2\nNaN,4\n");
    assertThatThrownBy(() -> CsvReader.read(nan, null, null)).isInstanceOf(BadInputException.class)
        .hasMessage(nan + ": line 2, column 1 is NaN; valid: finite numbers");
    Path inf = write("inf.csv", "1,2\n3,Infinity\n");
    assertThatThrownBy(() -> CsvReader.read(inf, null, null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2, column 2 is Infinity");
    Path empty = write("e.csv", "\n\n");
    assertThatThrownBy(() -> CsvReader.read(empty, null, null)).isInstanceOf(BadInputException.class)
        .hasMessage(empty + ": empty file; expected one point per row");
    Path word = write("w.csv", "1,2\n3,four\n");
    assertThatThrownBy(() -> CsvReader.read(word, null, null)).isInstanceOf(BadInputException.class)
        .hasMessage(word + ": line 2, column 2: 'four' is not a number");
  }

  @Test
  void theSeedHoldsOutReferenceRowsAndFloorsUseDisjointHalves() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      csv.append(i).append(',').append(-i).append('\n');
    }
    Target t = new FileTarget().create(new FileTarget.Config(write("d.csv", csv.toString()).toString(), "auto",
        "auto", "auto"));
    Target.TargetData a = t.draw(1000, 30, new RandomStreams(1));
    assertThat(a.reference().rows()).isEqualTo(30);
    assertThat(a.train().rows()).isEqualTo(70);
    java.util.Set<Double> seen = new java.util.HashSet<>();
    for (int i = 0; i < 30; i++) {
      seen.add(a.reference().get(i, 0));
    }
    for (int i = 0; i < 70; i++) {
      assertThat(seen.add(a.train().get(i, 0))).as("train and reference are disjoint").isTrue();
    }
    assertThat(t.draw(1000, 30, new RandomStreams(1)).reference()).isEqualTo(a.reference());
    assertThat(t.draw(1000, 30, new RandomStreams(2)).reference()).isNotEqualTo(a.reference());
    Samples[] pair = t.floorPair(0, 500, 30, a, new RandomStreams(3));
    assertThat(pair[0].rows()).isEqualTo(15);
    assertThat(pair[1].rows()).isEqualTo(15);
    java.util.Set<Double> half = new java.util.HashSet<>();
    for (int i = 0; i < 15; i++) {
      half.add(pair[0].get(i, 0));
    }
    for (int i = 0; i < 15; i++) {
      assertThat(half.add(pair[1].get(i, 0))).as("the halves are disjoint").isTrue();
    }
    assertThat(t.truth()).isEmpty();
  }
}
