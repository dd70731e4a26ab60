package org.ftcbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ftcbench.data.BadInputException;

/**
 * The benchmarks a profile can select ({@code bench.benchmarks}), each a JMH class and its
 * benchmark methods.
 */
public enum BenchmarkName {
  FORWARD("forward", Forward.class, "fPlusG", "adapterOnly"),
  BACKWARD("backward", Backward.class, "lossAndGradient"),
  TRAIN_STEP("trainStep", TrainStep.class, "step"),
  GEMM("gemm", Gemm.class, "dgemm", "sgemm", "callOverhead"),
  PLAIN_JAVA("plainJava", PlainJavaForward.class, "plainJava", "jblas"),
  CERTIFY("certify", Certify.class, "buildAndVerify"),
  LORA_TRAIN_STEP("loraTrainStep", LoraTrainStep.class, "step");

  private final String key;
  private final Class<?> jmhClass;
  private final List<String> methods;

  BenchmarkName(String key, Class<?> jmhClass, String... methods) {
    this.key = key;
    this.jmhClass = jmhClass;
    this.methods = List.of(methods);
  }

  /** The name in profiles and on the command line. */
  public String key() {
    return key;
  }

  public Class<?> jmhClass() {
    return jmhClass;
  }

  public List<String> methods() {
    return methods;
  }

  /** The benchmark called {@code key}; an unknown name is the user's mistake (exit 2). */
  public static BenchmarkName parse(String key) {
    for (BenchmarkName b : values()) {
      if (b.key.equals(key)) {
        return b;
      }
    }
    throw new BadInputException(
        "unknown benchmark '" + key + "' in bench.benchmarks: choose from " + allKeys());
  }

  static String allKeys() {
    return Arrays.stream(values()).map(BenchmarkName::key).collect(Collectors.joining(", "));
  }
}
