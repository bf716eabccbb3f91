package io.diffmix.core.linalg;

/**
 * Which BLAS implementation dev.ludovic.netlib chose: native OpenBLAS through JNI when Debian's
 * {@code libopenblas0} is installed, pure Java otherwise. Bits are promised identical for one backend only,
 * so provenance records it.
 */
public final class BlasBackend {
  /**
   * netlib logs a warning for every backend it fails to load; the report records the one that ran, so the
   * warnings are noise. Held in a field, since java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger NETLIB = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

  static {
    NETLIB.setLevel(java.util.logging.Level.SEVERE);
  }

  private BlasBackend() {}

  /**
   * netlib's BLAS, with its loading warnings silenced first: every use of netlib goes through here, since the
   * first {@code BLAS.getInstance()} logs one warning per backend it could not load.
   */
  public static dev.ludovic.netlib.blas.BLAS blas() {
    return dev.ludovic.netlib.blas.BLAS.getInstance();
  }

  /** Whether netlib runs native code (OpenBLAS through JNI) rather than its Java fallback. */
  public static boolean isNative() {
    return name().startsWith("JNI");
  }

  /** The backend's class name, such as {@code JNIBLAS} or {@code VectorBLAS}. */
  public static String name() {
    try {
      return blas().getClass().getSimpleName();
    } catch (LinkageError | RuntimeException e) {
      return "unavailable (" + e.getClass().getSimpleName() + ")";
    }
  }
}
