package io.diffmix.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a set of output files so that none is ever seen half-written.
 *
 * <p>Files are staged in a hidden folder beside the destination and moved into place only on
 * {@link #commit()}; {@link #close()} without a commit deletes the stage. A failed run leaves no new file.
 *
 * <pre>{@code
 * try (AtomicOutput out = new AtomicOutput(dir)) {
 *   Files.writeString(out.stage("report.json"), json);
 *   out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path dir;
  private final Path stage;
  private boolean committed;

  public AtomicOutput(Path dir) throws IOException {
    this.dir = dir.toAbsolutePath().normalize();
    Path parent = this.dir.getParent();
    Files.createDirectories(parent);
    this.stage = Files.createTempDirectory(parent, "." + this.dir.getFileName() + ".partial-");
  }

  /** The staged path of an output file; write it, then {@link #commit()}. */
  public Path stage(String fileName) {
    return stage.resolve(fileName);
  }

  /** Writes one staged file from a stream writer. */
  public void write(String fileName, StreamWriter writer) throws IOException {
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(stage(fileName)), 1 << 16)) {
      writer.write(os);
    }
  }

  /** Writes to an output stream. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Moves every staged file into the destination folder, each with one atomic rename. */
  public void commit() throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(stage)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        Path target = dir.resolve(f.getFileName());
        try {
          Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    committed = true;
  }

  /** Writes one file atomically: a temporary file beside it, then a rename. */
  public static void writeFile(Path target, StreamWriter writer) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".partial");
    try {
      try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        writer.write(os);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(stage)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      if (!committed) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
