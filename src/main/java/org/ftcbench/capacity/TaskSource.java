package org.ftcbench.capacity;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ftcbench.data.DataFamily;
import org.ftcbench.data.Dataset;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.PretrainConfig;
import org.ftcbench.data.PretrainedModel;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.LoraSpec;

/**
 * The paper's fine-tuning tasks for a sweep (Section 7), with one pre-trained f per (K, d, seed)
 * shared by every N ({@link FineTuningTask#changeLabels}): pre-training costs far more than
 * changing labels. Thread-safe; each f is trained once, by the first thread that asks.
 */
public final class TaskSource {
  /** f is keyed by its hidden widths too: a LoRA sweep may pre-train a wider or deeper f. */
  private record DataKey(String family, int k, int d, long seed, List<Integer> hidden) {}

  private record Pretrained(Dataset data, DenseNetwork f) {}

  private final ConcurrentMap<DataKey, CompletableFuture<Pretrained>> pretrained =
      new ConcurrentHashMap<>();

  /**
   * The task (N, K, d, seed, data family) of {@code key}. f is {@link PretrainConfig#defaults()}'s
   * for an additive adapter (whatever its depth) and the spec's (d, D × (L − 1), 1) for a LoRA
   * ({@link LoraSpec#fWidths}); the suite's LoRA of width 64 and L = 3 shares the additive f.
   */
  public FineTuningTask task(TaskKey key) {
    PretrainConfig config = pretraining(key);
    DataKey dk =
        new DataKey(
            key.data(),
            key.k(),
            key.d(),
            key.seed(),
            Arrays.stream(config.hiddenWidths()).boxed().toList());
    CompletableFuture<Pretrained> mine = new CompletableFuture<>();
    CompletableFuture<Pretrained> existing = pretrained.putIfAbsent(dk, mine);
    if (existing == null) {
      try {
        Dataset data = DataFamily.parse(dk.family()).generate(dk.k(), dk.d(), dk.seed());
        mine.complete(new Pretrained(data, PretrainedModel.fit(data, config, dk.seed())));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
      existing = mine;
    }
    Pretrained p = existing.join();
    return FineTuningTask.changeLabels(p.data(), p.f(), key.n(), key.seed());
  }

  private static PretrainConfig pretraining(TaskKey key) {
    PretrainConfig defaults = PretrainConfig.defaults();
    if (!LoraSpec.isLora(key.adapter())) {
      return defaults;
    }
    return new PretrainConfig(
        LoraSpec.parse(key.adapter()).hiddenWidths(key.depth()),
        defaults.steps(),
        defaults.learningRate(),
        defaults.maxSamples());
  }
}
