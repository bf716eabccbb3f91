package io.diffmix.core.compare;

import io.diffmix.core.config.BadInputException;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a {@link ComparisonEngine} by name. */
public final class ComparisonEngines {
  /** Every engine this project ships, whether or not its module is on the class path. */
  public static final List<String> KNOWN = List.of("local", "spark");

  private ComparisonEngines() {}

  /**
   * The engine called {@code name}.
   *
   * @throws BadInputException naming the valid engines for an unknown name, or saying how to get a known engine
   *     whose module is not on the class path
   */
  public static ComparisonEngine forName(String name) {
    if (LocalComparisonEngine.NAME.equals(name)) {
      return new LocalComparisonEngine();
    }
    for (ComparisonEngine e : ServiceLoader.load(ComparisonEngine.class, ComparisonEngine.class.getClassLoader())) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    if (KNOWN.contains(name)) {
      throw new BadInputException("--engine " + name + ": the " + name + " module is not on the class path; run"
          + " through ./diffmix, which builds it on first use (mvn -B -pl " + name + " -am package)");
    }
    throw new BadInputException("--engine " + name + ": unknown engine; valid: " + String.join(", ", KNOWN));
  }
}
