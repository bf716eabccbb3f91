package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.experiment.ExperimentRunner;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.FloorCache;
import io.diffmix.core.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floors from the cache are the bits of floors computed again; a corrupt entry is recomputed with one warning. */
class FloorCacheTest {
  private static final Registry REGISTRY = Registry.load(List.of(), msg -> {});
  @TempDir Path dir;

  private static ExperimentSpec spec(String metrics, long seed) {
    ObjectNode c = (ObjectNode) Json.parse(Cli.smallConfig(), "small");
    c.set("metrics", Json.parse(metrics, "metrics"));
    c.put("seed", seed);
    return ExperimentSpec.parse(c, "small", REGISTRY);
  }

  private static JsonNode run(ExperimentSpec spec, FloorCache cache, int threads) {
    return ExperimentRunner.run(spec, threads, msg -> {}, ExperimentRunner.Progress.NONE, cache).report();
  }

  /** The cache's floor entries. */
  private List<Path> entries() throws IOException {
    return entries(".floor");
  }

  /** The cache's files whose names end in {@code suffix}, sorted. */
  private List<Path> entries(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void aHitGivesTheBitsOfARecomputationForAnyThreadCount() throws IOException {
    String metrics = "[\"mmd\", \"energy\", \"mixture-recovery\"]";
    JsonNode fresh = run(spec(metrics, 3), FloorCache.off(), 1);
    List<String> warnings = new ArrayList<>();
    JsonNode first = run(spec(metrics, 3), FloorCache.at(dir, warnings::add), 2);
    JsonNode hit = run(spec(metrics, 3), FloorCache.at(dir, warnings::add), 1);
    assertThat(entries()).hasSize(3);
    assertThat(first.get("metrics")).isEqualTo(fresh.get("metrics"));
    assertThat(hit.get("metrics")).isEqualTo(fresh.get("metrics"));
    assertThat(hit.get("oracle").get("metrics")).isEqualTo(fresh.get("oracle").get("metrics"));
    assertThat(first.at("/provenance/floor_cache/computed").toString())
        .isEqualTo("[\"mmd\",\"energy\",\"mixture-recovery\"]");
    assertThat(hit.at("/provenance/floor_cache/from_cache").toString())
        .isEqualTo("[\"mmd\",\"energy\",\"mixture-recovery\"]");
    assertThat(hit.at("/provenance/floor_cache/computed")).isEmpty();
    assertThat(fresh.at("/provenance/floor_cache/enabled").asBoolean()).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void onlyTheMissingFloorsAreComputedAndAnotherSeedOrParameterMisses() throws IOException {
    FloorCache cache = FloorCache.at(dir, msg -> {});
    run(spec("[\"mmd\"]", 3), cache, 2);
    JsonNode both = run(spec("[\"mmd\", \"energy\"]", 3), FloorCache.at(dir, msg -> {}), 2);
    assertThat(both.at("/provenance/floor_cache/from_cache").toString()).isEqualTo("[\"mmd\"]");
    assertThat(both.at("/provenance/floor_cache/computed").toString()).isEqualTo("[\"energy\"]");
    assertThat(both.get("metrics")).isEqualTo(run(spec("[\"mmd\", \"energy\"]", 3), FloorCache.off(), 2)
        .get("metrics"));
    JsonNode otherSeed = run(spec("[\"mmd\"]", 4), FloorCache.at(dir, msg -> {}), 2);
    assertThat(otherSeed.at("/provenance/floor_cache/computed").toString()).isEqualTo("[\"mmd\"]");
    JsonNode otherParam = run(spec("[{\"type\": \"mmd\", \"median_points\": 500}]", 3),
        FloorCache.at(dir, msg -> {}), 2);
    assertThat(otherParam.at("/provenance/floor_cache/computed").toString()).isEqualTo("[\"mmd\"]");
  }

  @Test
  void aCorruptEntryIsRecomputedWithOneWarning() throws IOException {
    JsonNode fresh = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, msg -> {}), 2);
    Path entry = entries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    String good = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    int at = good.indexOf("\"fields\"") + 12;
    bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1'); // one hex digit of a floor's bits
    Files.write(entry, bytes);
    List<String> warnings = new ArrayList<>();
    JsonNode again = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, warnings::add), 2);
    assertThat(warnings).containsExactly("floor cache entry " + entry + " is corrupt; recomputing it");
    assertThat(again.get("metrics")).isEqualTo(fresh.get("metrics"));
    assertThat(again.at("/provenance/floor_cache/computed").toString()).isEqualTo("[\"mmd\"]");
    assertThat(Files.readString(entry)).isEqualTo(good);
    Files.writeString(entry, "not an entry");
    warnings.clear();
    run(spec("[\"mmd\"]", 3), FloorCache.at(dir, warnings::add), 2);
    assertThat(warnings).hasSize(1);
  }

  @Test
  void configKeyAndFlagTurnItOff() throws IOException {
    ObjectNode c = (ObjectNode) Json.parse(Cli.smallConfig(), "small");
    c.put("floor_cache", false);
    JsonNode off = run(ExperimentSpec.parse(c, "small", REGISTRY), FloorCache.at(dir, msg -> {}), 2);
    assertThat(off.at("/provenance/floor_cache/enabled").asBoolean()).isFalse();
    assertThat(entries()).isEmpty();
    Path config = Files.writeString(dir.resolve("c.json"), Cli.smallConfig());
    Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-cache", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Json.read(dir.resolve("out/report.json")).at("/provenance/floor_cache/enabled").asBoolean())
        .isFalse();
  }

  private static ExperimentSpec spec(String metrics, long seed, String learner, String sampler) {
    ObjectNode c = (ObjectNode) Json.parse(Cli.smallConfig(), "small");
    c.set("metrics", Json.parse(metrics, "metrics"));
    c.put("seed", seed);
    c.set("learner", Json.parse(learner, "learner"));
    c.set("sampler", Json.parse(sampler, "sampler"));
    return ExperimentSpec.parse(c, "small", REGISTRY);
  }

  /** The oracle's sampler block without its time, which a hit reports as it was when computed. */
  private static JsonNode withoutSeconds(JsonNode report) {
    ObjectNode s = ((ObjectNode) report.at("/oracle/sampler")).deepCopy();
    s.remove("sample_seconds");
    return s;
  }

  /**
   * The oracle's row does not depend on the learner: another learner's run takes it from the cache, with the
   * bits of its own recomputation, while another sampler computes its own.
   */
  @Test
  void theOraclesRowIsSharedByLearnersAndNotBySamplers() throws IOException {
    String metrics = "[\"mmd\", \"score-error\", \"model-likelihood\"]";
    String em = "{\"type\": \"em-gmm\", \"components\": 3}";
    JsonNode first = run(spec(metrics, 3, "\"exact\"", "\"paper-ve\""), FloorCache.at(dir, msg -> {}), 2);
    assertThat(first.at("/provenance/floor_cache/oracle").asText()).isEqualTo("computed");
    assertThat(entries(".oracle")).hasSize(1);
    List<String> warnings = new ArrayList<>();
    JsonNode other = run(spec(metrics, 3, em, "\"paper-ve\""), FloorCache.at(dir, warnings::add), 1);
    JsonNode recomputed = run(spec(metrics, 3, em, "\"paper-ve\""), FloorCache.off(), 2);
    assertThat(other.at("/provenance/floor_cache/oracle").asText()).isEqualTo("from_cache");
    assertThat(other.at("/oracle/metrics").toString()).isEqualTo(recomputed.at("/oracle/metrics").toString());
    assertThat(withoutSeconds(other)).isEqualTo(withoutSeconds(recomputed));
    assertThat(other.get("metrics")).isEqualTo(recomputed.get("metrics"));
    assertThat(other.at("/timing/oracle_sample_seconds").asDouble()).isZero();
    assertThat(warnings).isEmpty();
    JsonNode heun = run(spec(metrics, 3, em, "\"pf-heun\""), FloorCache.at(dir, msg -> {}), 2);
    assertThat(heun.at("/provenance/floor_cache/oracle").asText()).isEqualTo("computed");
    assertThat(entries(".oracle")).hasSize(2);
  }

  @Test
  void aCorruptOracleEntryIsRecomputedWithOneWarning() throws Exception {
    JsonNode fresh = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, msg -> {}), 2);
    Path entry = entries(".oracle").get(0);
    String good = Files.readString(entry);
    Files.writeString(entry, good.replaceFirst("\"nfe\":", "\"nfe\":1"));
    List<String> warnings = new ArrayList<>();
    JsonNode again = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, warnings::add), 2);
    assertThat(warnings).containsExactly("floor cache entry " + entry + " is corrupt; recomputing it");
    assertThat(again.at("/provenance/floor_cache/oracle").asText()).isEqualTo("computed");
    assertThat(again.at("/oracle/metrics").toString()).isEqualTo(fresh.at("/oracle/metrics").toString());
    // a well-formed entry with the right checksum but no sampler block is corrupt too
    String noSampler = good.substring(0, good.lastIndexOf("sha256 ")).replaceFirst("\"sampler\":", "\"sampler_\":");
    Files.writeString(entry, noSampler + "sha256 " + java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(noSampler.getBytes(
            java.nio.charset.StandardCharsets.UTF_8))) + "\n");
    warnings.clear();
    JsonNode third = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, warnings::add), 2);
    assertThat(warnings).containsExactly("floor cache entry " + entry + " is corrupt; recomputing it");
    assertThat(third.at("/oracle/metrics").toString()).isEqualTo(fresh.at("/oracle/metrics").toString());
    // rewritten: the next run takes it, without a warning
    warnings.clear();
    JsonNode hit = run(spec("[\"mmd\"]", 3), FloorCache.at(dir, warnings::add), 2);
    assertThat(hit.at("/provenance/floor_cache/oracle").asText()).isEqualTo("from_cache");
    assertThat(warnings).isEmpty();
  }
}
