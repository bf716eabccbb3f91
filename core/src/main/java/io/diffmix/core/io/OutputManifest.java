package io.diffmix.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files that diffmix wrote into an output folder, one name a line in {@code .diffmix-outputs}.
 *
 * <p>A rerun into the same folder lists what it writes now; what the old list names and the new one does not is
 * removed, so that no stale file (an old plot, an old model) stands beside the new report. A file that no list
 * names, the user's own, is never touched.
 */
public final class OutputManifest {
  /** The manifest's name inside the folder. */
  public static final String NAME = ".diffmix-outputs";

  private OutputManifest() {}

  /** The names the folder's manifest lists, or none. */
  public static Set<String> read(Path dir) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(dir.resolve(NAME), StandardCharsets.UTF_8)) {
        if (isPlainName(line)) {
          names.add(line);
        }
      }
    } catch (NoSuchFileException e) {
      // a folder that diffmix never wrote a manifest into
    }
    return names;
  }

  /**
   * Records {@code now} as the folder's outputs, and removes the files the old manifest named that are not in
   * {@code now}.
   *
   * @return the names removed
   */
  public static List<String> replace(Path dir, Collection<String> now) throws IOException {
    Set<String> keep = new LinkedHashSet<>(now);
    List<String> removed = new ArrayList<>();
    for (String old : read(dir)) {
      Path p = dir.resolve(old);
      if (!keep.contains(old) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(p);
        removed.add(old);
      }
    }
    StringBuilder text = new StringBuilder();
    keep.stream().filter(OutputManifest::isPlainName).sorted().forEach(n -> text.append(n).append('\n'));
    AtomicOutput.writeFile(dir.resolve(NAME), os -> os.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    return removed;
  }

  /** A name directly inside the folder: never a path, never the manifest itself. */
  private static boolean isPlainName(String name) {
    return !name.isEmpty() && !name.equals(NAME) && !name.equals(".") && !name.equals("..")
        && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
  }
}
