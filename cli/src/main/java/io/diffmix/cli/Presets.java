package io.diffmix.cli;

import io.diffmix.core.config.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The built-in configs that {@code --preset NAME} runs, kept as resources beside this class. */
final class Presets {
  /** Their names. */
  static final List<String> NAMES = List.of("quickstart");

  private Presets() {}

  /** The preset's JSON text. */
  static String read(String name) {
    if (!NAMES.contains(name)) {
      throw new BadInputException("--preset " + name + ": unknown preset; valid: " + String.join(", ", NAMES));
    }
    try (InputStream in = Presets.class.getResourceAsStream("presets/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("preset resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names, for picocli's completion and help. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(NAMES);
    }
  }
}
