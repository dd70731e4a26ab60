package org.ftcbench.data;

/**
 * A user's mistake (bad arguments, a file that does not parse, an impossible task): the command
 * line prints its message as one line and exits with code 2. The message says what was wrong, with
 * which value, and how to fix it. A broken internal invariant is a different thing (a bug, exit 1)
 * and never uses this class.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
