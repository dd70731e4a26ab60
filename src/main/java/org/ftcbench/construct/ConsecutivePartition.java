package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The consecutive partition P(I) of an index set I (Sohn et al. 2024, Definition 4.3): I split into
 * its maximal runs of consecutive integers. Example 1 of the paper: I = {1,2,3,5,6,8,10,11,12,13}
 * gives P(I) = {{1,2,3},{5,6},{8},{10,11,12,13}}.
 *
 * <p>In the constructions the indices are positions in the order sorted by the projection (see
 * {@link Projection}), and I = [K] \ T, the unchanged samples, so each run is a block of unchanged
 * samples with no changed sample between them.
 */
public final class ConsecutivePartition {
  private ConsecutivePartition() {}

  /** One run: the indices first … last (inclusive). */
  public record Run(int first, int last) {
    public int size() {
      return last - first + 1;
    }
  }

  /** P(I) for I given as integers in any order (duplicates are ignored). */
  public static List<Run> of(int[] indices) {
    int[] s = Arrays.stream(indices).sorted().distinct().toArray();
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < s.length; ) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[j] + 1) {
        j++;
      }
      runs.add(new Run(s[i], s[j]));
      i = j + 1;
    }
    return runs;
  }

  /** P(I) for I = {i : member[i]}, positions 0 … member.length − 1. */
  public static List<Run> of(boolean[] member) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < member.length; ) {
      if (!member[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < member.length && member[j + 1]) {
        j++;
      }
      runs.add(new Run(i, j));
      i = j + 1;
    }
    return runs;
  }

  /** P([K] \ T): the blocks of unchanged positions, given which positions are changed. */
  public static List<Run> unchanged(boolean[] changed) {
    boolean[] member = new boolean[changed.length];
    for (int i = 0; i < changed.length; i++) {
      member[i] = !changed[i];
    }
    return of(member);
  }
}
