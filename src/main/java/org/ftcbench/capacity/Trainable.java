package org.ftcbench.capacity;

/**
 * What {@link AdapterTraining#train}'s loop drives, for either kind of adapter: the additive g
 * (nn.FrozenPlusAdapter) or a LoRA of f (nn.LoraFineTuning, {@link LoraTraining}). The plateau,
 * divergence and stop rules are the same for both, so they are written once.
 */
interface Trainable {
  /** ℓ_FT at the current parameters; its gradient is kept for {@link #update}. */
  double lossAndGradient();

  /** One optimizer step with the gradient of the last {@link #lossAndGradient}. */
  void update();

  /** The trainable whose two steps are these methods (of nn's training objects). */
  static Trainable of(java.util.function.DoubleSupplier lossAndGradient, Runnable update) {
    return new Trainable() {
      @Override
      public double lossAndGradient() {
        return lossAndGradient.getAsDouble();
      }

      @Override
      public void update() {
        update.run();
      }
    };
  }
}
