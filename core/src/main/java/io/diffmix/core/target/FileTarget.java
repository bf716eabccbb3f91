package io.diffmix.core.target;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.HeldOutHalves;
import io.diffmix.core.io.CsvReader;
import io.diffmix.core.io.NpyReader;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import io.diffmix.core.spi.TrueDistribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The {@code file} target: a practitioner's own sample, from {@code .npy} or {@code .csv}.
 *
 * <p>The seed chooses {@code reference} rows, which are held out; the training rows are the first
 * {@code train} of the rest (all of them when fewer remain). There is no closed form, so metrics that need one
 * are skipped, and each floor compares disjoint halves of the held-out rows (README, "Evaluating a sample file").
 */
public final class FileTarget implements TargetFactory<FileTarget.Config> {

  /**
   * @param path the file, relative to the working directory
   * @param format "auto" (by extension), "npy" or "csv"
   * @param delimiter a CSV delimiter, or "auto"
   * @param header "auto", "true" or "false"
   */
  public record Config(String path, String format, String delimiter, String header) {}

  @Override
  public String name() {
    return "file";
  }

  @Override
  public String description() {
    return "points from a .npy (float32/float64, any byte order, C or Fortran) or .csv file; the seed holds "
        + "out `reference` rows";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.text("path", "the .npy or .csv file, relative to the working directory"),
        Param.choice("format", "auto", "file format; auto: by extension", "auto", "npy", "csv"),
        Param.text("delimiter", "auto", "CSV delimiter: one character, or auto (comma, semicolon, tab or spaces)"),
        Param.choice("header", "auto", "whether the CSV's first line is a header; auto: when it is not numbers",
            "auto", "true", "false"));
  }

  @Override
  public Config configure(Params p) {
    String d = p.text("delimiter");
    if (!d.equals("auto") && d.length() != 1 && !d.equals("\\t")) {
      throw p.error("delimiter", "'" + d + "' is not one character; valid: auto, or one character such as , ; \\t");
    }
    return new Config(p.text("path"), p.text("format"), d, p.text("header"));
  }

  @Override
  public Target create(Config c) {
    Path path = Path.of(c.path());
    String format = c.format().equals("auto")
        ? (c.path().toLowerCase(java.util.Locale.ROOT).endsWith(".npy") ? "npy" : "csv")
        : c.format();
    Samples all;
    if (format.equals("npy")) {
      all = NpyReader.read(path);
    } else {
      Character delim = c.delimiter().equals("auto") ? null
          : c.delimiter().equals("\\t") ? '\t' : c.delimiter().charAt(0);
      Boolean header = c.header().equals("auto") ? null : Boolean.valueOf(c.header());
      all = CsvReader.read(path, delim, header);
    }
    if (all.rows() == 0) {
      throw new BadInputException(path + ": no rows");
    }
    return new Loaded(all, path.toString());
  }

  /** The loaded rows. */
  static final class Loaded implements Target {
    private final Samples all;
    private final String source;

    Loaded(Samples all, String source) {
      this.all = all;
      this.source = source;
    }

    @Override
    public int dim() {
      return all.dim();
    }

    @Override
    public TargetData draw(int train, int reference, RandomStreams streams) {
      int n = all.rows();
      if (reference + 1 > n) {
        throw new BadInputException(source + ": " + n + (n == 1 ? " row" : " rows") + " cannot hold out reference = " + reference
            + " and still train; valid: reference < " + n);
      }
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      RandomGenerator rng = streams.stream("file-split");
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      int d = all.dim();
      int trainRows = Math.min(train, n - reference);
      Samples ref = Samples.zeros(reference, d);
      Samples tr = Samples.zeros(trainRows, d);
      for (int i = 0; i < reference; i++) {
        System.arraycopy(all.data(), perm[i] * d, ref.data(), i * d, d);
      }
      for (int i = 0; i < trainRows; i++) {
        System.arraycopy(all.data(), perm[reference + i] * d, tr.data(), i * d, d);
      }
      return new TargetData(tr, ref);
    }

    @Override
    public Optional<TrueDistribution> truth() {
      return Optional.empty();
    }

    @Override
    public Samples[] floorPair(int index, int sizeA, int sizeB, TargetData data, RandomStreams streams) {
      return new HeldOutHalves(data.reference(), streams).pair(index, sizeA, sizeB);
    }
  }
}
