package io.diffmix.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a set of output files so that none is ever seen half-written.
 *
 * <p>Files are staged in a hidden folder beside the destination, {@code .DIR.diffmix-partial-HEX}, and moved into
 * place only on {@link #commit()}; {@link #close()} without a commit deletes the stage. A failed run leaves no new
 * file. A killed run leaves its stage behind; the next writer of the same output removes it
 * ({@link #removeLeftovers}), under the output's {@link OutputLock}.
 *
 * <p>A commit also replaces the folder's {@link OutputManifest}: the files that an earlier commit wrote and this one
 * does not are removed, so that a rerun never leaves an old plot beside a new report. Files that diffmix did not
 * write are never touched.
 *
 * <p>Every file is created with the process's umask, like any other Unix tool's output.
 *
 * <pre>{@code
 * try (AtomicOutput out = new AtomicOutput(dir)) {
 *   Files.writeString(out.stage("report.json"), json);
 *   out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {
  /** What a staged file or folder's name carries after the output's name. */
  static final String PARTIAL = ".diffmix-partial-";
  private static final Pattern PARTIAL_NAME = Pattern.compile("\\..+" + Pattern.quote(PARTIAL) + "[0-9a-f]{16}");

  private final Path dir;
  private final Path stage;
  private final Set<String> staged = new LinkedHashSet<>();
  private boolean committed;

  public AtomicOutput(Path dir) throws IOException {
    this.dir = dir.toAbsolutePath().normalize();
    Path parent = this.dir.getParent();
    Files.createDirectories(parent);
    Path s;
    do {
      s = partialName(this.dir);
    } while (!tryCreateDirectory(s));
    this.stage = s;
  }

  private static boolean tryCreateDirectory(Path p) throws IOException {
    try {
      Files.createDirectory(p);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    }
  }

  /** A fresh hidden name beside {@code target} for its partial form. */
  private static Path partialName(Path target) {
    return target.resolveSibling("." + target.getFileName() + PARTIAL
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
  }

  /** The staged path of an output file; write it, then {@link #commit()}. */
  public Path stage(String fileName) {
    staged.add(fileName);
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

  /**
   * Moves every staged file into the destination folder, each with one atomic rename, then removes the files
   * of the previous commit that this one did not write again.
   */
  public void commit() throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(stage)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        move(f, dir.resolve(f.getFileName()));
      }
    }
    OutputManifest.replace(dir, staged);
    committed = true;
  }

  /** Writes one file atomically: a hidden partial file beside it, then a rename. */
  public static void writeFile(Path target, StreamWriter writer) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp;
    OutputStream raw;
    while (true) {
      tmp = partialName(abs);
      try {
        raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another name
      }
    }
    try {
      try (OutputStream os = new java.io.BufferedOutputStream(raw, 1 << 16)) {
        writer.write(os);
      }
      move(tmp, abs);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Removes what killed writers of {@code target} left beside it: its hidden partial files and stage folders.
   * Call it holding the target's {@link OutputLock}, so that no live writer's stage is removed.
   *
   * @return how many were removed
   */
  public static int removeLeftovers(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return 0;
    }
    String prefix = "." + abs.getFileName() + PARTIAL;
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
        p -> p.getFileName().toString().startsWith(prefix) && PARTIAL_NAME.matcher(p.getFileName().toString())
            .matches())) {
      for (Path p : entries) {
        deleteTree(p);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Removes every hidden partial file or folder of diffmix's directly inside {@code dir}: what killed writers of
   * the files of a folder that diffmix owns (a compare folder) left there.
   */
  public static int removeLeftoversIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
        p -> PARTIAL_NAME.matcher(p.getFileName().toString()).matches())) {
      for (Path p : entries) {
        deleteTree(p);
        removed++;
      }
    }
    return removed;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() {
    try {
      deleteTree(stage);
    } catch (IOException e) {
      if (!committed) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
