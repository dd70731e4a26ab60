package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Optimizer;
import org.ftcbench.nn.Weights;

/**
 * Adam with a step size per layer, η_l = η / d_{l−1} for W_l and b_l (the layer's fan-in), as in
 * the μP parametrisation for Adam (Yang et al. 2021, "Tensor Programs V"). Adam moves every weight
 * by about η_l per step whatever its gradient, so with one η for all layers a step changes each
 * pre-activation of layer l by about η · d_{l−1}: the wider the adapter, the larger the jump. With
 * η / d_{l−1} every pre-activation, and g itself, moves by about η per step at every width, so one
 * η serves the whole width search. (With plain Adam at η = 0.01 the first step of a 1024-neuron
 * adapter raised ℓ_FT from 0.006 to 2.)
 */
public final class LayerwiseAdam<A> implements Optimizer<A> {
  private final List<Adam<A>> layers = new ArrayList<>();
  private final double[] stepSizes;
  private List<A> params;
  private List<A> grads;
  private final List<List<A>> paramsOf = new ArrayList<>();
  private final List<List<A>> gradsOf = new ArrayList<>();

  /**
   * @param g the network whose layers' fan-ins set the step sizes
   * @param base Adam's settings; its learning rate is η
   */
  public LayerwiseAdam(Weights<A> g, AdamConfig base) {
    stepSizes = new double[g.depth()];
    for (int l = 1; l <= g.depth(); l++) {
      // a layer fed by no neurons (m = 0) has only its bias: fan-in 1
      stepSizes[l - 1] = base.learningRate() / Math.max(1, g.width(l - 1));
      layers.add(
          new Adam<>(
              g.kernels(),
              new AdamConfig(stepSizes[l - 1], base.beta1(), base.beta2(), base.epsilon())));
    }
  }

  /** The step size of layer l = 1 … L. */
  public double learningRate(int l) {
    return stepSizes[l - 1];
  }

  @Override
  public void update(List<A> params, List<A> grads) {
    if (this.params == null) {
      // split once into per-layer views (W_l, b_l); later calls allocate nothing
      this.params = params;
      this.grads = grads;
      for (int l = 0; l < layers.size(); l++) {
        paramsOf.add(List.of(params.get(2 * l), params.get(2 * l + 1)));
        gradsOf.add(List.of(grads.get(2 * l), grads.get(2 * l + 1)));
      }
    } else if (params != this.params || grads != this.grads) {
      throw new IllegalArgumentException("a LayerwiseAdam serves the one network it was built for");
    }
    for (int l = 0; l < layers.size(); l++) {
      layers.get(l).update(paramsOf.get(l), gradsOf.get(l));
    }
  }
}
