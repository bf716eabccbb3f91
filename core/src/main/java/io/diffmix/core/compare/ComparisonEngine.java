package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Where the cells of a comparison grid run: {@code local} (a loop on this JVM's threads, in core) or
 * {@code spark} (the optional spark module), found with {@link java.util.ServiceLoader} by
 * {@link ComparisonEngines#forName}.
 *
 * <p>An engine only runs the pairs it is given. {@link ComparisonRunner} decides which (cell, seed) pairs are left,
 * appends every row to {@code results.jsonl} on the calling thread and drops duplicates; an engine builds each row
 * with {@link ComparisonRunner#runOne} and hands it to the sink as soon as the pair is done, so that a kill loses
 * nothing finished.
 */
public interface ComparisonEngine {
  /** The name given to {@code --engine}: lower-case letters. */
  String name();

  /**
   * Runs every pending pair and hands each row to {@code sink} on the calling thread, as it finishes.
   *
   * @throws IOException when the sink cannot write, or the engine fails as a whole
   */
  void run(ComparisonJob job, List<PendingRun> pending, RowSink sink) throws IOException;

  /** One (cell, seed) pair still to run. */
  record PendingRun(ComparisonGrid.Cell cell, long seed) {}

  /** Takes each finished row. */
  @FunctionalInterface
  interface RowSink {
    void accept(ObjectNode row) throws IOException;
  }
}
