package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl}: one JSON object per finished cell and seed, appended with a single write and forced
 * to disk before the next cell starts.
 *
 * <p>A kill can leave only a partial last line, which {@link #open} drops; every complete line is a finished
 * cell, so a restarted grid skips exactly those and loses or duplicates nothing.
 */
public final class ResultsLog implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private final List<ObjectNode> rows;

  private ResultsLog(Path file, FileChannel channel, List<ObjectNode> rows) {
    this.file = file;
    this.channel = channel;
    this.rows = rows;
  }

  /** Opens (or creates) the log, dropping a partial last line. */
  public static ResultsLog open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    List<ObjectNode> rows = new ArrayList<>();
    if (Files.exists(file)) {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      String complete = new String(bytes, 0, end, StandardCharsets.UTF_8);
      int lineNo = 0;
      for (String line : complete.split("\n")) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
          throw new BadInputException(file + ": line " + lineNo + " is not JSON; delete it or the file to rerun");
        }
        rows.add((ObjectNode) n);
      }
      if (end < bytes.length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(end);
        }
      }
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    return new ResultsLog(file, ch, rows);
  }

  /**
   * Replaces the whole log with {@code keep}, atomically (a hidden file beside it, then a rename), and goes on
   * appending to the new file.
   */
  public void replaceAll(List<ObjectNode> keep) throws IOException {
    StringBuilder text = new StringBuilder();
    for (ObjectNode row : keep) {
      text.append(line(row));
    }
    channel.close();
    AtomicOutput.writeFile(file, os -> os.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    rows.clear();
    rows.addAll(keep);
  }

  private static String line(ObjectNode row) throws IOException {
    return Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(row) + "\n";
  }

  /** The rows read at open and appended since. */
  public List<ObjectNode> rows() {
    return List.copyOf(rows);
  }

  /** Appends one row as one line, and forces it to disk. */
  public void append(ObjectNode row) throws IOException {
    byte[] line = line(row).getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(true);
    rows.add(row);
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
