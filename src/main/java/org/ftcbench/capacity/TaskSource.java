package org.ftcbench.capacity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ftcbench.data.DataFamily;
import org.ftcbench.data.Dataset;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.PretrainConfig;
import org.ftcbench.data.PretrainedModel;
import org.ftcbench.nn.DenseNetwork;

/**
 * The paper's fine-tuning tasks for a sweep (Section 7), with one pre-trained f per (K, d, seed)
 * shared by every N ({@link FineTuningTask#changeLabels}): pre-training costs far more than
 * changing labels. Thread-safe; each f is trained once, by the first thread that asks.
 */
public final class TaskSource {
  private record DataKey(String family, int k, int d, long seed) {}

  private record Pretrained(Dataset data, DenseNetwork f) {}

  private final ConcurrentMap<DataKey, CompletableFuture<Pretrained>> pretrained =
      new ConcurrentHashMap<>();

  /** The task (N, K, d, seed, data family) of {@code key}; its depth and adapter do not matter. */
  public FineTuningTask task(TaskKey key) {
    DataKey dk = new DataKey(key.data(), key.k(), key.d(), key.seed());
    CompletableFuture<Pretrained> mine = new CompletableFuture<>();
    CompletableFuture<Pretrained> existing = pretrained.putIfAbsent(dk, mine);
    if (existing == null) {
      try {
        Dataset data = DataFamily.parse(dk.family()).generate(dk.k(), dk.d(), dk.seed());
        mine.complete(
            new Pretrained(data, PretrainedModel.fit(data, PretrainConfig.defaults(), dk.seed())));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
      existing = mine;
    }
    Pretrained p = existing.join();
    return FineTuningTask.changeLabels(p.data(), p.f(), key.n(), key.seed());
  }
}
