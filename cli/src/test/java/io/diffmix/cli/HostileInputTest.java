package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.model.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, as a new user would give it: every case exits 2 with exactly one line on stderr that names what
 * was wrong, prints no stack trace, and leaves nothing behind: the folder holds the case's inputs and nothing
 * else, not even a hidden partial file or lock.
 *
 * <p>The cases are grouped by what is hostile: data files ({@code .npy} of other dtypes, orders and shapes,
 * truncated or garbage; CSV), configs (including the resource limits checked before any fit), model files, output
 * paths, {@code evaluate} and {@code compare}. Accepted variants of a .npy (big-endian, Fortran order, float32,
 * versions 1 to 3) are checked number by number in {@code NpyReaderTest}.
 */
class HostileInputTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  /** A small fitted model, its config, and a tiny valid .npy: the valid parts that hostile cases break. */
  static Path model;
  static Path smallConfig;

  @BeforeAll
  static void fitASmallModel() throws IOException {
    smallConfig = Files.writeString(shared.resolve("small.json"), Cli.smallConfig()
        .replace("\"learner\": \"exact\"", "\"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 1}"));
    model = shared.resolve("m.dmx");
    assertThat(Cli.run("fit", smallConfig.toString(), "--model", model.toString(), "--quiet").exit()).isZero();
  }

  /** Writes a case's inputs into its folder and gives the command line. */
  @FunctionalInterface
  interface Setup {
    String[] args(Path dir) throws IOException;
  }

  /** One hostile input: its group, its name, its inputs and command, and a fragment of the one line. */
  record Case(String group, String name, Setup setup, String message) {
    @Override
    public String toString() {
      return group + ": " + name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsTwoWithOneLineAndLeavesNothingBehind(Case c) throws IOException {
    String[] args = c.setup().args(dir);
    List<String> inputs = listing(dir);
    Cli r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).as(r.err()).startsWith("diffmix: ").contains(c.message())
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    assertThat(listing(dir)).as("what the case left behind").isEqualTo(inputs);
  }

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();
    all.addAll(npyFiles());
    all.addAll(csvFiles());
    all.addAll(configs());
    all.addAll(resourceLimits());
    all.addAll(modelFiles());
    all.addAll(outputPaths());
    all.addAll(evaluate());
    all.addAll(compare());
    return all.stream();
  }

  // ---- data files: a run whose target is the file ----

  private static List<Case> npyFiles() {
    byte[] values = doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
    return List.of(
        npy("empty file", new byte[0], "empty file"),
        npy("garbage", "hello, world, this is no array".getBytes(StandardCharsets.US_ASCII), "not a .npy file"),
        npy("magic only", Arrays.copyOf(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }",
            values), 8), "truncated .npy header"),
        npy("header longer than the file", Arrays.copyOf(npy(1, "{'descr': '<f8', 'fortran_order': False, "
            + "'shape': (3, 2), }", values), 40), "truncated .npy header"),
        npy("version 4", withVersion(npy(1, header("<f8", "3, 2"), values), 4), ".npy format version 4 is not supported"),
        npy("no descr", npy(1, "{'fortran_order': False, 'shape': (3, 2), }", values), "malformed .npy header"),
        npy("int64", npy(1, header("<i8", "3, 2"), values), "dtype '<i8' is not supported"),
        npy("int32", npy(1, header("<i4", "3, 2"), Arrays.copyOf(values, 24)), "dtype '<i4' is not supported"),
        npy("uint8", npy(1, header("|u1", "3, 2"), Arrays.copyOf(values, 6)), "dtype '|u1' is not supported"),
        npy("bool", npy(1, header("|b1", "3, 2"), Arrays.copyOf(values, 6)), "dtype '|b1' is not supported"),
        npy("complex128", npy(1, header("<c16", "3, 1"), values), "dtype '<c16' is not supported"),
        npy("float16", npy(1, header("<f2", "3, 2"), Arrays.copyOf(values, 12)), "dtype '<f2' is not supported"),
        npy("unicode strings", npy(1, header("<U3", "2, 1"), Arrays.copyOf(values, 24)), "malformed .npy header"),
        npy("objects", npy(1, header("|O", "2, 1"), Arrays.copyOf(values, 16)), "malformed .npy header"),
        npy("three dimensions", npy(1, header("<f8", "3, 1, 2"), values), "shape (3, 1, 2) is not supported"),
        npy("a scalar", npy(1, header("<f8", ""), Arrays.copyOf(values, 8)), "shape () is not supported"),
        npy("no rows", npy(1, header("<f8", "0, 2"), new byte[0]), "no rows"),
        npy("no columns", npy(1, header("<f8", "3, 0"), new byte[0]), "shape (3, 0) is not supported"),
        npy("rows times columns overflow", npy(1, header("<f8", "9223372036854775807, 2"), values),
            "shape (9223372036854775807, 2) is not supported"),
        npy("negative rows", npy(1, header("<f8", "-3, 2"), values), "shape (-3, 2) is not supported"),
        npy("truncated body", npy(1, header("<f8", "3, 2"), Arrays.copyOf(values, 40)), "truncated .npy body"),
        npy("NaN", npy(1, header("<f8", "3, 2"), doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, Double.NaN, 4, 5, 6)),
            "row 1, column 0 is NaN; valid: finite numbers"),
        npy("infinity, big-endian", npy(1, header(">f8", "3, 2"),
            doubles(ByteOrder.BIG_ENDIAN, 1, 2, 3, 4, 5, Double.NEGATIVE_INFINITY)), "row 2, column 1 is -Infinity"),
        npy("malformed shape", npy(1, header("<f8", "a, b"), values), "malformed shape"),
        new Case("npy", "2,000 columns and 10 rows, reference by default", d -> {
          Path data = Files.write(d.resolve("wide.npy"), npy(1, header("<f8", "10, 2000"), new byte[8 * 20_000]));
          Path config = Files.writeString(d.resolve("run.json"), "{\"target\": {\"type\": \"file\", \"path\": \""
              + data + "\"}}");
          return run(d, config);
        }, "wide.npy: 10 rows cannot hold out reference = 10000 and still train; valid: reference < 10"));
  }

  private static Case npy(String name, byte[] bytes, String message) {
    return new Case("npy", name, d -> run(d, fileTarget(d, "data.npy", bytes, "")), "data.npy: " + message);
  }

  private static List<Case> csvFiles() {
    return List.of(
        csv("empty", "", "empty file"),
        csv("header only", "x,y\n", "no data rows after the header"),
        csv("ragged rows", "1,2\n3,4\n5\n", "line 3 has 1 values, but line 1"),
        csv("a word among numbers", "1,2\n3,four\n", "line 2, column 2: 'four'"),
        csv("NaN", "1,2\nNaN,4\n", "line 2, column 1 is NaN"),
        csv("infinity", "1,2\n3,inf\n", "line 2, column 2"),
        csv("white space only", "   \n\n  \n", "empty file"),
        csv("too few rows for the reference", "x,y\n1,2\n", "1 row cannot hold out reference = 2"),
        csv("binary garbage", "\u0000\u0001\u0002,\u0003\n\u0004,\u0005\n", "line 2, column 1: '\u0004' is not a number"));
  }

  private static Case csv(String name, String text, String message) {
    return new Case("csv", name, d -> run(d, fileTarget(d, "data.csv", text.getBytes(StandardCharsets.UTF_8), "")),
        "data.csv: " + message);
  }

  // ---- configs ----

  private static List<Case> configs() {
    return List.of(
        config("not JSON", "{\"seed\": ", "bad.json"),
        config("a list at the top", "[1, 2, 3]", "expected a JSON object at the top level"),
        config("an empty file", "", "bad.json"),
        config("train as a string", small("\"train\": \"many\""), "train: expected an integer, got \"many\""),
        config("train as a fraction", small("\"train\": 1.5"), "train: expected an integer, got 1.5"),
        config("train negative", small("\"train\": -5"), "train: -5 is out of range"),
        config("seed as a fraction", small("\"seed\": 0.5"), "seed: expected an integer"),
        config("a number beyond double", small("\"grid\": {\"type\": \"paper\", \"t1\": 1e400}"), "grid.t1"),
        config("nested a million deep", "{\"seed\": " + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "}",
            "bad.json"),
        config("a key given twice", "{\"seed\": 1, \"seed\": 2, " + small("").substring(1), "seed"),
        new Case("config", "--set without a value", d -> new String[] {"run", "--preset", "quickstart", "--set",
            "train", "--out", d.resolve("out").toString()}, "--set train"),
        new Case("config", "--set of an unknown key", d -> new String[] {"run", "--preset", "quickstart", "--set",
            "trian=5", "--out", d.resolve("out").toString()}, "unknown key 'trian'"),
        new Case("config", "an unknown preset", d -> new String[] {"run", "--preset", "quickstrat", "--out",
            d.resolve("out").toString()}, "quickstrat"),
        new Case("config", "a missing config", d -> new String[] {"run", d.resolve("none.json").toString(), "--out",
            d.resolve("out").toString()}, "none.json"),
        config("a plugins folder that does not exist", small("\"plugins\": \"no-such-folder\""), "no-such-folder"),
        config("init of the wrong shape", small("\"init\": \"INIT\""), "init.npy has shape (3, 2); valid: (700, 2)"));
  }

  /** The table of the resource cases: each refused before any fit starts. */
  private static List<Case> resourceLimits() {
    return List.of(
        config("kappa 1e-9", small("\"grid\": {\"type\": \"paper\", \"kappa\": 1e-9}"),
            "grid 'paper': kappa: 1.0E-9 gives about"),
        config("the sampler's kappa 1e-9", small("\"sampler\": {\"type\": \"paper-ve\", \"grid\": {\"type\": "
            + "\"paper\", \"kappa\": 1e-9}}"), "sampler.grid 'paper': kappa: 1.0E-9"),
        config("a mean of 1e300", small("\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [0.5, 0.5], "
            + "\"means\": [[0, 1e300], [5, 0]]}"), "target: the training rows' mean squared norm M2 overflows"),
        config("train 1", small("\"train\": 1"), "train: 1 training row, fewer than learner 'exact' needs"),
        config("train 5 for the paper's learner", small("\"train\": 5, \"learner\": \"piecewise-polynomial\""),
            "valid: train >= 6"),
        config("2 rows for 3 EM components", small("\"train\": 2, \"learner\": {\"type\": \"em-gmm\", "
            + "\"components\": 3}"), "valid: train >= 3"),
        config("degree 12 in dim 8", small("\"train\": 50000, \"target\": {\"type\": \"random-mixture\", \"k\": 4, "
            + "\"dim\": 8}, \"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 12}"),
            "learner.degree: the run would need about"),
        config("c2st in dim 300", small("\"target\": {\"type\": \"random-mixture\", \"k\": 2, \"dim\": 300}, "
            + "\"metrics\": [\"c2st\"]"), "metrics.c2st.classifier: the run would need about"));
  }

  private static Case config(String name, String json, String message) {
    return new Case("config", name, d -> {
      Path init = Files.write(d.resolve("init.npy"), npy(1, header("<f8", "3, 2"), doubles(ByteOrder.LITTLE_ENDIAN,
          1, 2, 3, 4, 5, 6)));
      Path file = Files.writeString(d.resolve("bad.json"), json.replace("INIT", init.toString()));
      return new String[] {"run", file.toString(), "--out", d.resolve("out").toString(), "--threads", "1",
          "--quiet"};
    }, message);
  }

  /** The small config with some keys replaced, as JSON text. */
  private static String small(String override) {
    ObjectNode config = (ObjectNode) Json.parse(Cli.smallConfig(), "small");
    if (!override.isEmpty()) {
      config.setAll((ObjectNode) Json.parse("{" + override + "}", "override"));
    }
    return config.toString();
  }

  // ---- model files: sample from them ----

  private static List<Case> modelFiles() {
    return List.of(
        model("truncated", b -> Arrays.copyOf(b, b.length - 100), "checksum mismatch"),
        model("a flipped byte", b -> flip(b, b.length / 2), "checksum mismatch"),
        model("empty", b -> new byte[0], "not a diffmix model file"),
        model("a .npy in its place", b -> npy(1, header("<f8", "3, 2"), doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3,
            4, 5, 6)), "not a diffmix model file"),
        model("version 2, checksum right", b -> rewritten(b, 2, null), "model file version 2 is not supported"),
        model("a provenance length of 2^31 - 1", b -> lengthClaim(b), "truncated model file"),
        model("a payload of garbage", b -> rewritten(b, 1, new byte[] {1, 2, 3}),
            "m.dmx: the piecewise-polynomial model's payload is malformed (it ends early)"),
        new Case("model", "a folder", d -> sample(d, Files.createDirectory(d.resolve("m.dmx"))), "m.dmx"),
        new Case("model", "missing", d -> sample(d, d.resolve("m.dmx")), "no such model file"),
        new Case("model", "sample --set target.type", d -> sample(d, copyModel(d), "--set",
            "target.type=random-mixture"), "a saved model's target cannot change without refitting"),
        new Case("model", "sample --set learner.type", d -> sample(d, copyModel(d), "--set", "learner.type=exact"),
            "a saved model's learner cannot change without refitting"),
        new Case("model", "sample --count 1", d -> sample(d, copyModel(d), "--count", "1"), "--count 1: out of range"),
        new Case("model", "sample --count beyond the cap", d -> sample(d, copyModel(d), "--count", "100000001"),
            "--count 100000001: out of range; valid: 2 to 100000000"),
        new Case("model", "sample --init of the wrong shape", d -> sample(d, copyModel(d), "--init",
            Files.write(d.resolve("init.npy"), npy(1, header("<f8", "3, 2"), doubles(ByteOrder.LITTLE_ENDIAN, 1, 2,
                3, 4, 5, 6))).toString()), "--init"));
  }

  @FunctionalInterface
  interface Damage {
    byte[] apply(byte[] model) throws IOException;
  }

  private static Case model(String name, Damage damage, String message) {
    return new Case("model", name, d -> sample(d, Files.write(d.resolve("m.dmx"),
        damage.apply(Files.readAllBytes(model)))), message);
  }

  private static String[] sample(Path d, Path m, String... more) {
    List<String> args = new ArrayList<>(List.of("sample", "--model", m.toString(), "--out",
        d.resolve("s.npy").toString(), "--quiet"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static Path copyModel(Path d) throws IOException {
    return Files.copy(model, d.resolve("m.dmx"));
  }

  /** The model file with another version or payload, and its checksum made right again. */
  private static byte[] rewritten(byte[] b, int version, byte[] payload) throws IOException {
    ModelFile.Contents c = ModelFile.read(model);
    byte[] again = ModelFile.bytes(c.learner(), c.provenance(), payload == null ? c.payload() : payload);
    ByteBuffer.wrap(again).putInt(4, version);
    return withChecksum(Arrays.copyOf(again, again.length - 32));
  }

  /** A provenance length that claims 2 GiB, checksum right: the reader must not allocate it. */
  private static byte[] lengthClaim(byte[] b) throws IOException {
    ModelFile.Contents c = ModelFile.read(model);
    byte[] body = Arrays.copyOf(b, b.length - 32);
    int at = 4 + 4 + 2 + c.learner().getBytes(StandardCharsets.UTF_8).length;
    ByteBuffer.wrap(body).putInt(at, Integer.MAX_VALUE);
    return withChecksum(body);
  }

  private static byte[] withChecksum(byte[] body) {
    try {
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(body);
      byte[] out = Arrays.copyOf(body, body.length + 32);
      System.arraycopy(sha, 0, out, body.length, 32);
      return out;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] flip(byte[] b, int at) {
    byte[] f = b.clone();
    f[at] ^= 1;
    return f;
  }

  // ---- output paths: each refused before any work ----

  private static List<Case> outputPaths() {
    return List.of(
        new Case("output", "run --out an existing file", d -> runInto(Files.writeString(d.resolve("out"), "x")),
            "--out"),
        new Case("output", "run --out under a regular file", d -> runInto(Files.writeString(d.resolve("f"), "x")
            .resolve("out")), "--out /tmp"),
        new Case("output", "run --out under /proc", d -> runInto(Path.of("/proc/self/diffmix-out")),
            "--out /proc/self/diffmix-out: cannot write beside it"),
        new Case("output", "run --out under /sys", d -> runInto(Path.of("/sys/diffmix-out/run")),
            "--out /sys/diffmix-out/run: cannot create its folder /sys/diffmix-out"),
        new Case("output", "fit --model a folder", d -> new String[] {"fit", smallConfig.toString(), "--model",
            Files.createDirectory(d.resolve("m.dmx")).toString(), "--quiet"}, "--model"),
        new Case("output", "fit --model under a regular file", d -> new String[] {"fit", smallConfig.toString(),
            "--model", Files.writeString(d.resolve("f"), "x").resolve("m.dmx").toString(), "--quiet"}, "--model /tmp"),
        new Case("output", "sample --out a folder", d -> new String[] {"sample", "--model", model.toString(),
            "--out", Files.createDirectory(d.resolve("s.npy")).toString(), "--quiet"}, "--out"),
        new Case("output", "sample --out under /proc", d -> new String[] {"sample", "--model", model.toString(),
            "--out", "/proc/self/s.npy", "--quiet"}, "--out /proc/self/s.npy: cannot write beside it"),
        new Case("output", "evaluate --out a folder", d -> new String[] {"evaluate", "--samples",
            samples(d).toString(), "--config", smallConfig.toString(), "--out",
            Files.createDirectory(d.resolve("e.json")).toString()}, "--out"),
        new Case("output", "compare --out an existing file", d -> new String[] {"compare", grid(d, GRID).toString(),
            "--out", Files.writeString(d.resolve("out"), "x").toString(), "--quiet"}, "--out"));
  }

  private static String[] runInto(Path out) {
    return new String[] {"run", smallConfig.toString(), "--out", out.toString(), "--threads", "1", "--quiet"};
  }

  // ---- evaluate ----

  private static List<Case> evaluate() {
    return List.of(
        new Case("evaluate", "missing samples", d -> evaluate(d.resolve("s.npy")), "s.npy: no such file"),
        new Case("evaluate", "garbage samples", d -> evaluate(Files.writeString(d.resolve("s.npy"), "garbage")),
            "s.npy: not a .npy file"),
        new Case("evaluate", "one row", d -> evaluate(Files.write(d.resolve("s.npy"), npy(1, header("<f8", "1, 2"),
            doubles(ByteOrder.LITTLE_ENDIAN, 1, 2)))), "s.npy"),
        new Case("evaluate", "the wrong dimension", d -> evaluate(Files.write(d.resolve("s.npy"), npy(1,
            header("<f8", "2, 3"), doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6)))), "dim"),
        new Case("evaluate", "garbage reference", d -> new String[] {"evaluate", "--samples", samples(d).toString(),
            "--reference", Files.writeString(d.resolve("r.npy"), "garbage").toString()}, "r.npy: not a .npy file"),
        new Case("evaluate", "neither config nor reference", d -> new String[] {"evaluate", "--samples",
            samples(d).toString()}, "--config"),
        new Case("evaluate", "--metrics with --config", d -> new String[] {"evaluate", "--samples",
            samples(d).toString(), "--config", smallConfig.toString(), "--metrics", "mmd"},
            "--metrics applies to --reference"),
        new Case("evaluate", "an unknown metric", d -> new String[] {"evaluate", "--samples", samples(d).toString(),
            "--reference", samples(d).toString(), "--metrics", "mmdd"}, "unknown metric 'mmdd'"));
  }

  private static String[] evaluate(Path samples) {
    return new String[] {"evaluate", "--samples", samples.toString(), "--config", smallConfig.toString()};
  }

  private static Path samples(Path d) throws IOException {
    double[] v = new double[40];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sin(i);
    }
    return Files.write(d.resolve("s.npy"), npy(1, header("<f8", "20, 2"), doubles(ByteOrder.LITTLE_ENDIAN, v)));
  }

  // ---- compare ----

  private static final String GRID = "{\"base\": " + Cli.smallConfig() + ", \"axes\": {\"sampler.type\": "
      + "[\"paper-ve\", \"pf-heun\"]}, \"seeds\": 1}";

  private static List<Case> compare() {
    return List.of(
        grid("not JSON", "{\"base\": ", "grid.json"),
        grid("no base", "{\"axes\": {\"train\": [100]}, \"seeds\": 1}", "base"),
        grid("an unknown top-level key", GRID.replace("\"seeds\"", "\"sedes\""), "unknown key 'sedes'"),
        grid("an unknown axis key", GRID.replace("sampler.type", "sampler.typo"), "typo"),
        grid("a value listed twice", GRID.replace("\"pf-heun\"", "\"paper-ve\""), "twice"),
        grid("an empty axis", GRID.replace("[\"paper-ve\", \"pf-heun\"]", "[]"), "sampler.type"),
        grid("seeds 0", GRID.replace("\"seeds\": 1", "\"seeds\": 0"), "seeds"),
        grid("a cell with kappa 1e-9", GRID.replace("\"sampler.type\": [\"paper-ve\", \"pf-heun\"]",
            "\"grid.kappa\": [0.2, 1e-9]"), "no cell has run"),
        new Case("compare", "an unknown engine", d -> new String[] {"compare", grid(d, GRID).toString(), "--out",
            d.resolve("out").toString(), "--engine", "mapreduce"}, "mapreduce"),
        new Case("compare", "--master without the spark engine", d -> new String[] {"compare",
            grid(d, GRID).toString(), "--out", d.resolve("out").toString(), "--master", "local[2]"}, "--master"));
  }

  private static Case grid(String name, String json, String message) {
    return new Case("compare", name, d -> new String[] {"compare", grid(d, json).toString(), "--out",
        d.resolve("out").toString(), "--quiet"}, message);
  }

  private static Path grid(Path d, String json) throws IOException {
    return Files.writeString(d.resolve("grid.json"), json);
  }

  // ---- helpers ----

  private static String[] run(Path d, Path config) {
    return new String[] {"run", config.toString(), "--out", d.resolve("out").toString(), "--threads", "1",
        "--quiet"};
  }

  /** A config whose target is {@code name}, written with {@code bytes}, beside it. */
  private static Path fileTarget(Path d, String name, byte[] bytes, String extra) throws IOException {
    Path data = Files.write(d.resolve(name), bytes);
    return Files.writeString(d.resolve("run.json"), "{\"target\": {\"type\": \"file\", \"path\": \""
        + data.toString().replace("\\", "\\\\") + "\"" + extra + "}, \"reference\": 2, \"generate\": 2, "
        + "\"learner\": \"em-gmm\", \"grid\": {\"type\": \"paper\", \"kappa\": 0.5}, \"metrics\": [\"mmd\"]}");
  }

  private static String header(String descr, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
  }

  /** A version-1 (or 2, 3) .npy with this header dict and body. */
  private static byte[] npy(int version, String dict, byte[] body) {
    int prefix = version == 1 ? 10 : 12;
    StringBuilder h = new StringBuilder(dict);
    while ((prefix + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.write(version);
    out.write(0);
    ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (version == 1) {
      len.putShort((short) hb.length);
    } else {
      len.putInt(hb.length);
    }
    out.writeBytes(len.array());
    out.writeBytes(hb);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] withVersion(byte[] npy, int version) {
    byte[] b = npy.clone();
    b[6] = (byte) version;
    return b;
  }

  private static byte[] doubles(ByteOrder order, double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }

  /** Every path under the folder, hidden ones included, relative to it. */
  private static List<String> listing(Path d) throws IOException {
    try (Stream<Path> all = Files.walk(d)) {
      return all.map(p -> d.relativize(p).toString()).sorted().toList();
    }
  }
}
