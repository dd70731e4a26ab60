package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.junit.jupiter.api.Test;

class CellWorkerTest {
  static final TrainingSettings SHORT =
      new TrainingSettings(AdamConfig.withLearningRate(0.3), 200, 100, 0.01, 10, Precision.FLOAT64);

  @Test
  void aWorkerAnswersExactlyWhatTrainingInProcessGives() throws Exception {
    CellKey cell = new CellKey(3, 5, 40, 3, 6, 2);
    double stop = 0.001234567890123;
    String requests =
        String.join(
                "\n",
                CellWorker.settingsLine(SHORT),
                CellWorker.lossRequest(cell.task()),
                CellWorker.cellRequest(cell, stop),
                "frobnicate")
            + "\n";
    StringWriter answers = new StringWriter();
    CellWorker.serve(
        new BufferedReader(new StringReader(requests)), new PrintWriter(answers, true));
    String[] lines = answers.toString().split("\n");
    assertThat(lines).hasSize(3);

    LocalTrainer local = new LocalTrainer(SHORT);
    assertThat(CellWorker.parseLoss(lines[0])).isEqualTo(local.initialLoss(cell.task()));
    CellResult expected = local.train(cell, stop);
    CellResult got = CellWorker.parseCell(cell, lines[1]);
    assertThat(got.finalLoss()).isEqualTo(expected.finalLoss());
    assertThat(got.initialLoss()).isEqualTo(expected.initialLoss());
    assertThat(got.steps()).isEqualTo(expected.steps());
    assertThat(got.failure()).isNull();
    assertThat(lines[2]).startsWith("error unknown request");
  }

  @Test
  void aFailureReasonWithSpacesSurvivesTheTrip() {
    CellKey cell = new CellKey(2, 5, 40, 3, 6, 2);
    CellResult r = CellWorker.parseCell(cell, "ok NaN 0.25 17 3 diverged: loss 9 at step 17");
    assertThat(r.failed()).isTrue();
    assertThat(r.failure()).isEqualTo("diverged: loss 9 at step 17");
    assertThat(r.finalLoss()).isNaN();
    assertThatThrownBy(() -> CellWorker.parseCell(cell, "error boom")).hasMessageContaining("boom");
    assertThatThrownBy(() -> CellWorker.parseCell(cell, null))
        .hasMessageContaining("ended without answering");
  }
}
