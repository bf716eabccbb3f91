package io.diffmix.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The {@code .dmx} model file: a versioned container for a fitted score model and its provenance.
 *
 * <pre>
 *   "DMX1"                      4 bytes, the magic string
 *   version                     int, {@value #VERSION}
 *   learner                     UTF string, the learner's plugin name
 *   provenance                  int length + UTF-8 JSON: config, plugins, data moments, …
 *   payload                     int length + bytes, written by the model ({@link io.diffmix.core.spi.PersistentModel})
 *   SHA-256 of all of the above 32 bytes
 * </pre>
 *
 * A file that is truncated, altered, of another version or not a model file at all is refused with a
 * {@link BadInputException} that names it.
 */
public final class ModelFile {
  public static final int VERSION = 1;
  private static final byte[] MAGIC = {'D', 'M', 'X', '1'};

  private ModelFile() {}

  /**
   * A model file's contents.
   *
   * @param learner the learner's name
   * @param provenance what produced the model
   * @param payload the model's own bytes
   */
  public record Contents(String learner, JsonNode provenance, byte[] payload) {}

  /** Writes the file atomically. */
  public static void write(Path file, String learner, JsonNode provenance, byte[] payload) throws IOException {
    byte[] all = bytes(learner, provenance, payload);
    AtomicOutput.writeFile(file, os -> os.write(all));
  }

  /** The file's bytes, checksum included. */
  public static byte[] bytes(String learner, JsonNode provenance, byte[] payload) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(learner);
      byte[] prov = Json.MAPPER.writeValueAsBytes(provenance);
      out.writeInt(prov.length);
      out.write(prov);
      out.writeInt(payload.length);
      out.write(payload);
    }
    body.write(sha256(body.toByteArray(), body.size()));
    return body.toByteArray();
  }

  /** Reads and verifies a model file. */
  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such model file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new BadInputException(file + ": not a diffmix model file (.dmx)");
    }
    if (bytes.length < MAGIC.length + 4 + 32) {
      throw new BadInputException(file + ": truncated model file (" + bytes.length + " bytes)");
    }
    int end = bytes.length - 32;
    if (!Arrays.equals(sha256(bytes, end), Arrays.copyOfRange(bytes, end, bytes.length))) {
      throw new BadInputException(file + ": checksum mismatch: the model file is truncated or corrupt");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, end))) {
      in.skipNBytes(MAGIC.length);
      int version = in.readInt();
      if (version != VERSION) {
        throw new BadInputException(file + ": model file version " + version + " is not supported; valid: "
            + VERSION);
      }
      String learner = in.readUTF();
      byte[] prov = block(in);
      byte[] payload = block(in);
      return new Contents(learner, Json.parse(new String(prov, StandardCharsets.UTF_8), file + " provenance"),
          payload);
    } catch (EOFException | NegativeArraySizeException e) {
      throw new BadInputException(file + ": truncated model file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * An int length and that many bytes. A length beyond the bytes left is a truncated file, found before the
   * array is allocated: a file with a right checksum may still claim 2 GiB.
   */
  private static byte[] block(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException();
    }
    byte[] b = new byte[length];
    in.readFully(b);
    return b;
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(bytes, 0, length);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
