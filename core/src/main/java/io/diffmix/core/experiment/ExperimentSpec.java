package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Component;
import io.diffmix.core.config.ParamResolver;
import io.diffmix.core.config.Params;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.PluginFactory;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TimeGrid;
import io.diffmix.core.subspace.Subspace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment config, validated and resolved: every component created, every default filled in.
 *
 * <p>The JSON contract is the README's "Running an experiment". {@link #resolvedJson()} is what provenance records;
 * parsing it again gives the same experiment.
 */
public record ExperimentSpec(
    String source,
    long seed,
    Component<Target> target,
    int train,
    int reference,
    int generate,
    Component<Schedule> schedule,
    Component<TimeGrid> grid,
    Component<Learner> learner,
    Component<Sampler> sampler,
    Optional<Component<TimeGrid>> samplerGrid,
    List<Component<Metric>> metrics,
    int floorPairs,
    boolean oracle,
    Optional<String> plugins,
    Optional<String> init,
    boolean floorCache,
    Subspace subspace) {

  /** The top-level keys and their defaults; {@code target} has none. */
  static final Map<String, String> KEYS = keys();

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("seed", "master seed of every random stream (default 0)");
    k.put("target", "the data: a target plugin (required)");
    k.put("train", "training rows (default 50000)");
    k.put("reference", "held-out reference rows (default 10000)");
    k.put("generate", "points to generate (default 10000)");
    k.put("schedule", "noise schedule (default ve)");
    k.put("grid", "time grid of the learner and, by default, the sampler (default paper)");
    k.put("learner", "score learner (default piecewise-polynomial)");
    k.put("sampler", "reverse-time sampler; may carry its own grid (default paper-ve)");
    k.put("metrics", "metric names or objects (default [\"mmd\"])");
    k.put("floor_pairs", "independent pairs of true samples behind each floor (default 10, at least 10)");
    k.put("oracle", "also sample with the exact score (default: true when the target has one)");
    k.put("plugins", "a folder of plugin jars to load");
    k.put("init", "a .npy file of starting points at the top time, shape (generate, dim), instead of the prior");
    k.put("floor_cache", "reuse floors computed before, from the floor cache (default true)");
    k.put("subspace", "learn in the span of the means: {\"rank\": \"auto\" | r | \"none\", \"sigma0\": s} "
        + "(default none)");
    return k;
  }

  /** The most rows of any sample a config may ask for: train, reference, generate, or sample's --count. */
  public static final int MAX_ROWS = 100_000_000;

  /** The fewest points to generate: every sample metric needs two. */
  public static final int MIN_GENERATE = 2;

  /**
   * Validates a config tree.
   *
   * @param root the JSON, after {@code --set} overrides
   * @param source names the file in errors ("run.json", "preset quickstart")
   */
  public static ExperimentSpec parse(JsonNode root, String source, Registry registry) {
    if (!root.isObject()) {
      throw new BadInputException(source + ": expected a JSON object at the top level");
    }
    ObjectNode o = (ObjectNode) root;
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.containsKey(key)) {
        throw new BadInputException(source + ": unknown key '" + key + "'; valid: " + String.join(", ", KEYS.keySet()));
      }
    }
    long seed = integer(o, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, source);
    if (!o.has("target")) {
      throw new BadInputException(source + ": missing key 'target'; available targets: "
          + String.join(", ", registry.availableNames(Family.TARGET)));
    }
    Component<Target> target = component(o.get("target"), Family.TARGET, "target", null, source, registry, Set.of());
    int train = (int) integer(o, "train", 50_000, 1, MAX_ROWS, source);
    int reference = (int) integer(o, "reference", 10_000, 2, MAX_ROWS, source);
    int generate = (int) integer(o, "generate", 10_000, MIN_GENERATE, MAX_ROWS, source);
    Component<Schedule> schedule = component(o.get("schedule"), Family.SCHEDULE, "schedule", "ve", source, registry,
        Set.of());
    Component<TimeGrid> grid = component(o.get("grid"), Family.GRID, "grid", "paper", source, registry, Set.of());
    Component<Learner> learner = component(o.get("learner"), Family.LEARNER, "learner", "piecewise-polynomial", source, registry,
        Set.of());
    JsonNode samplerNode = o.get("sampler");
    Component<Sampler> sampler = component(samplerNode, Family.SAMPLER, "sampler", "paper-ve", source, registry,
        Set.of("grid"));
    Optional<Component<TimeGrid>> samplerGrid = Optional.empty();
    if (samplerNode != null && samplerNode.isObject() && samplerNode.has("grid")
        && !samplerNode.get("grid").isNull()) {
      samplerGrid = Optional.of(component(samplerNode.get("grid"), Family.GRID, "sampler.grid", null, source,
          registry, Set.of()));
    }
    List<Component<Metric>> metrics = metrics(o.get("metrics"), source, registry);
    int floorPairs = (int) integer(o, "floor_pairs", 10, 10, 10_000, source);
    boolean hasTruth = target.instance().truth().isPresent();
    boolean oracle = hasTruth;
    JsonNode on = o.get("oracle");
    if (on != null && !on.isNull()) {
      if (!on.isBoolean()) {
        throw new BadInputException(source + ": oracle: expected true or false, got " + on);
      }
      oracle = on.asBoolean();
      if (oracle && !hasTruth) {
        throw new BadInputException(source + ": oracle: target '" + target.name()
            + "' has no exact score; valid: false");
      }
    }
    Optional<String> plugins = Optional.empty();
    JsonNode pn = o.get("plugins");
    if (pn != null && !pn.isNull()) {
      if (!pn.isTextual()) {
        throw new BadInputException(source + ": plugins: expected a folder name, got " + pn);
      }
      plugins = Optional.of(pn.asText());
    }
    Optional<String> init = Optional.empty();
    JsonNode in = o.get("init");
    if (in != null && !in.isNull()) {
      if (!in.isTextual()) {
        throw new BadInputException(source + ": init: expected the name of a .npy file, got " + in);
      }
      init = Optional.of(in.asText());
    }
    boolean floorCache = true;
    JsonNode fc = o.get("floor_cache");
    if (fc != null && !fc.isNull()) {
      if (!fc.isBoolean()) {
        throw new BadInputException(source + ": floor_cache: expected true or false, got " + fc);
      }
      floorCache = fc.asBoolean();
    }
    Subspace subspace = Subspace.parse(o.get("subspace"), source);
    return new ExperimentSpec(source, seed, target, train, reference, generate, schedule, grid, learner, sampler,
        samplerGrid, metrics, floorPairs, oracle, plugins, init, floorCache, subspace);
  }

  private static long integer(ObjectNode o, String key, long dflt, long min, long max, String source) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new BadInputException(source + ": " + key + ": expected an integer, got " + n);
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw new BadInputException(source + ": " + key + ": " + v + " is out of range; valid: " + min + " to " + max);
    }
    return v;
  }

  /** Parses a metrics list: names or objects with {@code type}. */
  public static List<Component<Metric>> metrics(JsonNode node, String source, Registry registry) {
    List<Component<Metric>> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      node = JsonNodeFactory.instance.arrayNode().add("mmd");
    }
    if (!node.isArray()) {
      throw new BadInputException(source + ": metrics: expected a list of metric names, got " + node
          + "; available: " + String.join(", ", registry.availableNames(Family.METRIC)));
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      Component<Metric> m = component(node.get(i), Family.METRIC, "metrics[" + i + "]", null, source, registry,
          Set.of());
      if (!seen.add(m.name())) {
        throw new BadInputException(source + ": metrics[" + i + "]: '" + m.name() + "' is listed twice");
      }
      out.add(m);
    }
    return out;
  }

  /** Parses one component: a name, or an object with {@code type} and parameters. */
  public static <F extends PluginFactory<?, T>, T> Component<T> component(
      JsonNode node, Family<? extends PluginFactory<?, ?>> family, String key, String dflt, String source,
      Registry registry, Set<String> reserved) {
    ObjectNode obj;
    if (node == null || node.isNull()) {
      if (dflt == null) {
        throw new BadInputException(source + ": missing key '" + key + "'; available: "
            + String.join(", ", registry.availableNames(family)));
      }
      obj = JsonNodeFactory.instance.objectNode().put("type", dflt);
    } else if (node.isTextual()) {
      obj = JsonNodeFactory.instance.objectNode().put("type", node.asText());
    } else if (node.isObject()) {
      obj = (ObjectNode) node;
    } else {
      throw new BadInputException(source + ": " + key + ": expected a " + family + " name or an object with "
          + "\"type\", got " + node);
    }
    if (!obj.has("type") && dflt != null) {
      // {"grid": {"kappa": 0.02}}, or --set grid.kappa=0.02 on a config without a grid: the default plugin
      obj = obj.deepCopy();
      obj.put("type", dflt);
    }
    JsonNode type = obj.get("type");
    if (type == null || !type.isTextual()) {
      throw new BadInputException(source + ": " + key + ": missing \"type\"; available: "
          + String.join(", ", registry.availableNames(family)));
    }
    PluginFactory<?, ?> factory;
    try {
      factory = registry.forName(family, type.asText());
    } catch (BadInputException e) {
      throw new BadInputException(source + ": " + key + ".type: " + e.getMessage(), e);
    }
    Params params = ParamResolver.resolve(family.name(), factory.name(), factory.params(), obj,
        source + ": " + key, reserved);
    @SuppressWarnings("unchecked")
    PluginFactory<Record, T> typed = (PluginFactory<Record, T>) factory;
    try {
      return Component.create(family.name(), typed, params, registry.originOf(factory));
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source + ": " + key + ": " + e.getMessage(), e);
    }
  }

  /** The resolved config: every key, every default filled in, in the order of the README's config table. */
  public ObjectNode resolvedJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("seed", seed);
    o.set("target", target.json());
    o.put("train", train);
    o.put("reference", reference);
    o.put("generate", generate);
    o.set("schedule", schedule.json());
    o.set("grid", grid.json());
    o.set("learner", learner.json());
    ObjectNode s = sampler.json();
    samplerGrid.ifPresent(g -> s.set("grid", g.json()));
    o.set("sampler", s);
    ArrayNode m = o.putArray("metrics");
    metrics.forEach(c -> m.add(c.json()));
    o.put("floor_pairs", floorPairs);
    o.put("oracle", oracle);
    plugins.ifPresent(p -> o.put("plugins", p));
    init.ifPresent(p -> o.put("init", p));
    o.put("floor_cache", floorCache);
    subspace.json().ifPresent(j -> o.set("subspace", j));
    return o;
  }

  /** Every component, for provenance's plugin list. */
  public List<Component<?>> components() {
    List<Component<?>> all = new ArrayList<>(List.of(target, schedule, grid, learner, sampler));
    samplerGrid.ifPresent(all::add);
    all.addAll(metrics);
    return all;
  }
}
