package org.ftcbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ftcbench.data.BadInputException;

/**
 * One way to run BLAS under jblas: which OpenBLAS answers jblas's calls and which kernels it uses.
 * OpenBLAS picks its kernels once, when its library loads, from the environment (OPENBLAS_CORETYPE)
 * or its own CPU detection, and a preloaded library (LD_PRELOAD) takes over jblas's BLAS symbols;
 * so a configuration is a set of environment variables, applied to a JVM before it starts.
 *
 * <ul>
 *   <li>{@code bundled}: jblas's bundled OpenBLAS (2020) with the environment as it is.
 *   <li>{@code bundled:auto}: the bundled OpenBLAS choosing its kernels itself; on CPUs newer than
 *       it knows it falls back to old ones ("Barcelona" kernels on Zen 4 and 5).
 *   <li>{@code bundled:CORE}: the bundled OpenBLAS forced to one kernel set (SkylakeX, Haswell, …).
 *   <li>{@code system}: Debian's OpenBLAS (libopenblas0), preloaded, one thread.
 * </ul>
 *
 * {@code auto}, the default, is not a configuration but a choice among these ({@link
 * BlasSelection}).
 *
 * @param name the name on the command line and in env.json
 * @param set variables to set
 * @param jvmArgs arguments the JVM needs under this configuration
 */
public record BlasConfig(String name, Map<String, String> set, List<String> jvmArgs) {
  /** The variable that marks a JVM whose environment already is a configuration: its name. */
  public static final String APPLIED = "FTC_BLAS_APPLIED";

  /** The configuration asked for (auto, or a name); the launcher passes it on to its child. */
  public static final String REQUESTED = "FTC_BLAS";

  /** The process id of the JVM that launched this one (cli.Launcher), which it watches. */
  public static final String LAUNCHER_PID = "FTC_LAUNCHER_PID";

  /**
   * With OpenBLAS preloaded, the JVM's small-stack process-reaper threads overflow when a child
   * process (JMH fork, sweep worker, BLAS probe) starts: the system configuration's JVMs, and
   * anything that starts children under an unknown BLAS, take the default stack size.
   */
  public static final String PROCESS_REAPER_STACK =
      "-Djdk.lang.processReaperUseDefaultStackSize=true";

  /** OpenBLAS variables that another configuration's choice must not inherit from the shell. */
  static final Set<String> OPENBLAS_KNOBS = Set.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

  /** Where Debian and Ubuntu put the system OpenBLAS (libopenblas0, any variant). */
  static final List<Path> SYSTEM_LIBRARIES =
      List.of(
          Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0"),
          Path.of("/lib/x86_64-linux-gnu/libopenblas.so.0"),
          Path.of("/usr/lib/aarch64-linux-gnu/libopenblas.so.0"),
          Path.of("/usr/lib64/libopenblas.so.0"));

  public BlasConfig {
    set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
    jvmArgs = List.copyOf(jvmArgs);
  }

  /**
   * The configuration called {@code name}; an unknown name is the user's mistake (exit 2).
   *
   * @param systemLibrary the system OpenBLAS, if installed (for {@code system})
   */
  public static BlasConfig parse(String name, Optional<Path> systemLibrary) {
    Map<String, String> set = new LinkedHashMap<>();
    // bundled OpenBLAS is single-threaded anyway; a pthreads system build must not spawn threads
    // beside the sweep's one-training-per-core workers
    set.put("OPENBLAS_NUM_THREADS", "1");
    // jblas's JNI copies every array argument into a malloc'd buffer on each BLAS call. Above
    // glibc's mmap threshold (128 KB, adjusted as it goes) each copy maps fresh pages and unmaps
    // them, and the page faults cost more than the product: a depth-3 step at K = 10^4, m = 512
    // took 113–125 ms in float64 with blocks of 250–2000 rows, 51 ms with these settings, which
    // keep the buffers on the heap and in the cache (nn.ForwardPass#defaultBlockRows)
    set.put("MALLOC_MMAP_THRESHOLD_", Long.toString(64L << 20));
    set.put("MALLOC_TRIM_THRESHOLD_", Long.toString(256L << 20));
    if (name.equals("bundled")) {
      return new BlasConfig(name, set, List.of());
    }
    if (name.equals("bundled:auto")) {
      return new BlasConfig(name, set, List.of());
    }
    if (name.startsWith("bundled:")) {
      String core = name.substring("bundled:".length());
      if (!core.matches("[A-Za-z0-9_]+")) {
        throw new BadInputException(
            "--blas "
                + name
                + ": '"
                + core
                + "' is not an OpenBLAS core name (e.g. SkylakeX, Haswell)");
      }
      set.put("OPENBLAS_CORETYPE", core);
      return new BlasConfig(name, set, List.of());
    }
    if (name.equals("system")) {
      Path lib =
          systemLibrary.orElseThrow(
              () ->
                  new BadInputException(
                      "--blas system: no system OpenBLAS (libopenblas.so.0) is installed: run"
                          + " 'apt-get install -y libopenblas0' or choose another --blas"));
      set.put("LD_PRELOAD", lib.toString());
      return new BlasConfig(name, set, List.of(PROCESS_REAPER_STACK));
    }
    throw new BadInputException(
        "unknown --blas '"
            + name
            + "': choose auto (the default), bundled, bundled:auto, bundled:CORE (e.g."
            + " bundled:SkylakeX) or system");
  }

  /** The system OpenBLAS library, if one is installed where Debian puts it. */
  public static Optional<Path> systemLibrary() {
    return SYSTEM_LIBRARIES.stream().filter(Files::isReadable).findFirst();
  }

  /**
   * The configurations worth measuring on a CPU with these /proc/cpuinfo flags: the system OpenBLAS
   * when installed, the bundled one forced to the newest kernels the CPU can run (AVX-512:
   * SkylakeX; AVX2 and FMA: Haswell), and the bundled one left to itself, which is also the
   * reference the others must agree with.
   */
  public static List<BlasConfig> candidates(Set<String> cpuFlags, Optional<Path> systemLibrary) {
    List<BlasConfig> c = new ArrayList<>();
    c.add(parse("bundled:auto", systemLibrary)); // first: the reference
    if (systemLibrary.isPresent()) {
      c.add(parse("system", systemLibrary));
    }
    if (cpuFlags.containsAll(Set.of("avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd"))) {
      c.add(parse("bundled:SkylakeX", systemLibrary));
    }
    if (cpuFlags.containsAll(Set.of("avx2", "fma"))) {
      c.add(parse("bundled:Haswell", systemLibrary));
    }
    return c;
  }

  /** The flags of the first CPU in /proc/cpuinfo (empty where there is none). */
  public static Set<String> cpuFlags() {
    // off Linux: empty, and no forced kernels are offered
    return SystemFiles.firstWith(
        Path.of("/proc/cpuinfo"),
        "flags",
        line -> Set.of(SystemFiles.afterColon(line).split("\\s+")),
        Set.of());
  }

  /** The OpenBLAS core this configuration forces, lower case, or empty. */
  Optional<String> forcedCore() {
    return name.startsWith("bundled:") && !name.equals("bundled:auto")
        ? Optional.of(set.get("OPENBLAS_CORETYPE").toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * {@code base} changed to this configuration: the shell's OpenBLAS knobs and any preloaded
   * OpenBLAS removed (except for {@code bundled}, which keeps the environment as it is; a base
   * inherited from another configuration, as a batch job's is, loses that one's choice), this
   * configuration's variables set, another LD_PRELOAD kept behind a preloaded OpenBLAS, and {@link
   * #APPLIED} naming it.
   */
  public Map<String, String> environment(Map<String, String> base) {
    Map<String, String> env = new LinkedHashMap<>(base);
    if (!name.equals("bundled")) {
      OPENBLAS_KNOBS.forEach(env::remove);
      String preload =
          java.util.Arrays.stream(base.getOrDefault("LD_PRELOAD", "").split("[: ]"))
              .filter(p -> !p.isBlank() && !p.contains("libopenblas"))
              .collect(java.util.stream.Collectors.joining(":"));
      if (preload.isEmpty()) {
        env.remove("LD_PRELOAD");
      } else {
        env.put("LD_PRELOAD", preload);
      }
      base = env;
    }
    Map<String, String> before = base;
    set.forEach(
        (k, v) -> {
          String old = before.get(k);
          if (k.equals("LD_PRELOAD") && old != null && !old.isBlank() && !old.contains(v)) {
            v = v + ":" + old;
          }
          env.put(k, v);
        });
    env.put(APPLIED, name);
    return env;
  }

  /**
   * Whether a JVM with environment {@code env} and arguments {@code jvmInputArgs} already runs this
   * configuration ({@link #APPLIED} aside), so that it need not start another JVM.
   */
  public boolean isApplied(Map<String, String> env, List<String> jvmInputArgs) {
    Map<String, String> target = environment(env);
    Map<String, String> current = new LinkedHashMap<>(env);
    target.remove(APPLIED);
    current.remove(APPLIED);
    return target.equals(current) && jvmInputArgs.containsAll(jvmArgs);
  }
}
