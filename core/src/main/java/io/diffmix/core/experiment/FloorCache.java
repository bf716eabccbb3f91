package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Floors computed once: by {@link FloorKey}, in memory and, unless off, in a folder with one file per floor.
 *
 * <p>A file holds the floor's fields with their mean and standard deviation written as the doubles' bits, so a hit
 * gives the same bits as a recomputation, and a last line {@code sha256 HEX} over the rest. An entry whose checksum,
 * key or form is wrong is recomputed and rewritten, with one warning. Entries are written atomically; two processes
 * that compute the same floor write the same bytes.
 *
 * <p>The oracle's row, the same sampling with the exact score and its metrics, is the run's discretization floor
 * and is kept the same way, as {@code KEY.oracle} with its JSON ({@link #getOracle}).
 *
 * <p>The folder is {@code -Ddiffmix.cache} or {@code $DIFFMIX_CACHE} if set, else {@code $XDG_CACHE_HOME/diffmix},
 * else {@code ~/.cache/diffmix}, with {@code floors/} below it.
 */
public final class FloorCache {
  private static final String FORM = "diffmix-floor-1";
  private static final String ORACLE_FORM = "diffmix-oracle-1";

  private final Path dir;
  private final boolean enabled;
  private final Consumer<String> warn;
  private final Map<String, MetricSuite.Floor> memory = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> oracles = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private FloorCache(Path dir, boolean enabled, Consumer<String> warn) {
    this.dir = dir;
    this.enabled = enabled;
    this.warn = warn;
  }

  /** No cache: every floor is computed. */
  public static FloorCache off() {
    return new FloorCache(null, false, msg -> {});
  }

  /** In memory only: a floor is computed once per process (a compare grid's cells share it). */
  public static FloorCache inMemory() {
    return new FloorCache(null, true, msg -> {});
  }

  /** In memory and in {@code dir}. */
  public static FloorCache at(Path dir, Consumer<String> warn) {
    return new FloorCache(dir, true, warn);
  }

  /** The default folder, as the class comment says. */
  public static Path defaultFolder() {
    String p = System.getProperty("diffmix.cache");
    if (p == null || p.isBlank()) {
      p = System.getenv("DIFFMIX_CACHE");
    }
    if (p != null && !p.isBlank()) {
      return Path.of(p).resolve("floors");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("diffmix").resolve("floors");
  }

  /**
   * Runs {@code body} while no other run of this process computes floors of the same context ({@link FloorKey#id}),
   * so that two cells of a grid that need the same floors compute them once: the second finds them here.
   */
  public <T> T exclusive(String contextId, java.util.function.Supplier<T> body) {
    if (!enabled) {
      return body.get();
    }
    synchronized (locks.computeIfAbsent(contextId, k -> new Object())) {
      return body.get();
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** Where entries are kept, if on disk. */
  public Optional<Path> folder() {
    return Optional.ofNullable(dir);
  }

  /** The floor of {@code key}, if computed before. */
  public Optional<MetricSuite.Floor> get(String key, String metric) {
    if (!enabled) {
      return Optional.empty();
    }
    MetricSuite.Floor f = memory.get(key);
    if (f != null || dir == null) {
      return Optional.ofNullable(f).map(MetricSuite.Floor::asCached);
    }
    Optional<MetricSuite.Floor> read = entry(dir.resolve(key + ".floor"), text -> parse(text, key, metric));
    read.ifPresent(hit -> memory.put(key, hit));
    return read;
  }

  /** Keeps a freshly computed floor. A folder that cannot be written costs one warning, never the run. */
  public void put(String key, String metric, MetricSuite.Floor floor) {
    if (!enabled) {
      return;
    }
    memory.put(key, floor);
    if (dir == null) {
      return;
    }
    write(dir.resolve(key + ".floor"), body(key, metric, floor));
  }

  /**
   * The oracle's row of {@code key} ({@link FloorKey#oracle}), if computed before: its sampler block and metrics as
   * they were reported. JSON numbers are written as a decimal that reads back to the same double, so a hit has
   * the bits of a recomputation.
   */
  public Optional<ObjectNode> getOracle(String key) {
    if (!enabled) {
      return Optional.empty();
    }
    ObjectNode o = oracles.get(key);
    if (o != null || dir == null) {
      return Optional.ofNullable(o).map(ObjectNode::deepCopy);
    }
    Optional<ObjectNode> read = entry(dir.resolve(key + ".oracle"), text -> checked(text).flatMap(body -> {
      try {
        JsonNode n = Json.MAPPER.readTree(body);
        return ORACLE_FORM.equals(n.path("form").asText()) && key.equals(n.path("key").asText())
            && n.path("oracle").path("sampler").isObject() && n.path("oracle").path("metrics").isObject()
            ? Optional.of((ObjectNode) n.get("oracle")) : Optional.empty();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }));
    read.ifPresent(hit -> oracles.put(key, hit));
    return read.map(ObjectNode::deepCopy);
  }

  /** Keeps a freshly computed oracle row. A folder that cannot be written costs one warning, never the run. */
  public void putOracle(String key, ObjectNode oracle) {
    if (!enabled) {
      return;
    }
    oracles.put(key, oracle.deepCopy());
    if (dir == null) {
      return;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("form", ORACLE_FORM);
    o.put("key", key);
    o.set("oracle", oracle);
    write(dir.resolve(key + ".oracle"), o.toString() + "\n");
  }

  /**
   * An entry's file parsed, if there is one: empty when absent, and with one warning when it cannot be read or
   * {@code parse} finds it corrupt.
   */
  private <T> Optional<T> entry(Path file, java.util.function.Function<String, Optional<T>> parse) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warn.accept("floor cache entry " + file + " cannot be read (" + e.getMessage() + "); recomputing it");
      return Optional.empty();
    }
    Optional<T> read = parse.apply(text);
    if (read.isEmpty()) {
      warn.accept("floor cache entry " + file + " is corrupt; recomputing it");
    }
    return read;
  }

  /** The body of a text whose last line is {@code sha256 HEX} over the rest, if that line is right. */
  private static Optional<String> checked(String text) {
    int last = text.lastIndexOf("sha256 ");
    if (last < 0 || !text.endsWith("\n")) {
      return Optional.empty();
    }
    String body = text.substring(0, last);
    return text.substring(last + 7, text.length() - 1).equals(sha256(body)) ? Optional.of(body) : Optional.empty();
  }

  /** Writes body and its checksum line atomically. */
  private void write(Path file, String body) {
    String text = body + "sha256 " + sha256(body) + "\n";
    try {
      Files.createDirectories(dir);
      AtomicOutput.writeFile(file, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      warn.accept("floor cache " + dir + " cannot be written (" + e.getMessage() + "); going on without it");
    }
  }

  private static String body(String key, String metric, MetricSuite.Floor floor) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("form", FORM);
    o.put("key", key);
    o.put("metric", metric);
    o.put("pairs", floor.pairs());
    o.put("size_a", floor.sizeA());
    o.put("size_b", floor.sizeB());
    ArrayNode fields = o.putArray("fields");
    floor.byField().forEach((name, ms) -> fields.addArray().add(name)
        .add(Long.toHexString(Double.doubleToRawLongBits(ms[0])))
        .add(Long.toHexString(Double.doubleToRawLongBits(ms[1]))));
    return o.toString() + "\n";
  }

  private static Optional<MetricSuite.Floor> parse(String text, String key, String metric) {
    Optional<String> checked = checked(text);
    if (checked.isEmpty()) {
      return Optional.empty();
    }
    String body = checked.get();
    try {
      JsonNode o = Json.MAPPER.readTree(body);
      if (!FORM.equals(o.path("form").asText()) || !key.equals(o.path("key").asText())
          || !metric.equals(o.path("metric").asText())) {
        return Optional.empty();
      }
      Map<String, double[]> byField = new LinkedHashMap<>();
      for (JsonNode f : o.path("fields")) {
        byField.put(f.get(0).asText(), new double[] {
            Double.longBitsToDouble(Long.parseUnsignedLong(f.get(1).asText(), 16)),
            Double.longBitsToDouble(Long.parseUnsignedLong(f.get(2).asText(), 16))});
      }
      return Optional.of(new MetricSuite.Floor(byField, o.path("pairs").asInt(), o.path("size_a").asInt(),
          o.path("size_b").asInt(), true));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
