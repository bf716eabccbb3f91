package io.diffmix.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.config.Param;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.LoadedPlugin;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.PluginFactory;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffmix plugins}: every family and plugin, with parameters, defaults, descriptions and jars. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "Lists every plugin family and plugin, with parameters, defaults and descriptions, "
        + "and the jar each came from.")
public final class PluginsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Registry registry = common.registry(spec.commandLine().getErr(), null);
    ObjectNode all = describe(registry);
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(all));
    } else {
      printText(all, out);
    }
    out.flush();
    return 0;
  }

  /** The JSON description of every family. */
  static ObjectNode describe(Registry registry) {
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    for (Family<?> family : Family.ALL) {
      ArrayNode list = all.putArray(family.name());
      for (Map.Entry<String, ? extends PluginFactory<?, ?>> e : registry.factories(family).entrySet()) {
        PluginFactory<?, ?> f = e.getValue();
        LoadedPlugin origin = registry.originOf(f);
        ObjectNode o = list.addObject();
        o.put("name", f.name());
        o.put("description", f.description());
        o.put("source", origin == null ? "unknown" : origin.source());
        o.put("version", origin == null ? "unknown" : origin.version());
        if (family == Family.LEARNER) {
          minTrainRows(registry, f.name(), o);
        }
        ArrayNode params = o.putArray("params");
        for (Param p : f.params()) {
          ObjectNode po = params.addObject();
          po.put("name", p.name());
          po.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
          if (p.required()) {
            po.put("required", true);
          } else {
            po.set("default", p.defaultValue());
          }
          po.put("valid", p.validValues());
          po.put("description", p.description());
        }
      }
    }
    return all;
  }

  /** A learner's fewest training rows with its default parameters, when it has defaults for all of them. */
  private static void minTrainRows(Registry registry, String name, ObjectNode o) {
    Learner learner;
    try {
      learner = ExperimentSpec.<LearnerFactory<?>, Learner>component(TextNode.valueOf(name), Family.LEARNER,
          "learner", null, "plugins", registry, Set.of()).instance();
    } catch (BadInputException e) {
      return;
    }
    o.put("min_train_rows", learner.minTrainRows());
    o.put("min_train_rows_reason", learner.minTrainRowsReason());
  }

  private static void printText(ObjectNode all, PrintWriter out) {
    all.fields().forEachRemaining(family -> {
      out.println(family.getKey() + ":");
      for (var f : family.getValue()) {
        out.println("  " + f.get("name").asText() + "  (" + f.get("source").asText() + ")");
        out.println("      " + f.get("description").asText());
        if (f.has("min_train_rows")) {
          out.println("      train: at least " + f.get("min_train_rows").asInt() + " rows with the default parameters ("
              + f.get("min_train_rows_reason").asText() + ")");
        }
        for (var p : f.get("params")) {
          String dflt = p.has("required") ? "required" : "default " + p.get("default");
          out.println("      " + p.get("name").asText() + " = " + dflt + "; " + p.get("valid").asText() + "; "
              + p.get("description").asText());
        }
      }
    });
  }
}
