package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Component;
import io.diffmix.core.data.Samples;
import io.diffmix.core.linalg.BlasBackend;
import io.diffmix.core.random.RandomStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;

/**
 * What a report needs so that any number in it can be reproduced: the resolved config, the plugins and their
 * jars, the seed and generator, the BLAS backend, Java, the OS, the thread count, the start time and the
 * data's hash (Tribuo's provenance is the model).
 */
public final class Provenance {
  private Provenance() {}

  /** This build's version, from the jar's resources. */
  public static String version() {
    try (InputStream in = Provenance.class.getResourceAsStream("/io/diffmix/core/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** The provenance block of a report. */
  public static ObjectNode of(ExperimentSpec spec, int threads, Instant started, String dataSha256) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.set("config", spec.resolvedJson());
    ObjectNode plugins = p.putObject("plugins");
    for (Component<?> c : spec.components()) {
      String key = c.family() + ":" + c.name();
      plugins.put(key, c.origin() == null ? "unknown" : c.origin().version() + " (" + c.origin().source() + ")");
    }
    p.put("seed", spec.seed());
    p.put("rng", RandomStreams.DESCRIPTION);
    p.put("blas", BlasBackend.name());
    p.put("kernel_sums", io.diffmix.core.metrics.KernelSums.best().name());
    p.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    p.put("threads", threads);
    p.put("started", started.toString());
    p.put("data_sha256", dataSha256);
    return p;
  }

  /** SHA-256 of the samples' values as little-endian float64, row after row, each set in turn. */
  public static String sha256(Samples... sets) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
      for (Samples s : sets) {
        double[] d = s.data();
        int n = s.rows() * s.dim();
        for (int i = 0; i < n; i++) {
          if (!buf.hasRemaining()) {
            md.update(buf.array(), 0, buf.position());
            buf.clear();
          }
          buf.putDouble(d[i]);
        }
      }
      md.update(buf.array(), 0, buf.position());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
