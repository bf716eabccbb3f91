package io.diffmix.core.config;

/**
 * Bad user input: a config key, a parameter value, a data file or a plugin name that cannot be used.
 *
 * <p>The message is one line that names the file, the key and the valid choices. The CLI prints it alone and
 * exits with code 2, so it must make sense without a stack trace.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
