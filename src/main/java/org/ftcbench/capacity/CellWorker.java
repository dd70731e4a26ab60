package org.ftcbench.capacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;

/**
 * The line protocol between a sweep and its worker processes ({@link WorkerPool}). The worker reads
 * requests on stdin and answers each with one line on stdout:
 *
 * <pre>
 *   settings lr beta1 beta2 eps maxSteps window improvement divergence precision   (first line)
 *   loss depth N K d seed data adapter           → ok initialLoss
 *   cell depth N K d m seed stopLoss data adapter → ok finalLoss initialLoss steps wallMs failure|-
 *   (any request)                   → error message      (a bug; the sweep stops)
 * </pre>
 *
 * Doubles travel as {@link Double#toString}, which round-trips exactly, so a cell trained by a
 * worker is bit-identical to one trained in process. End of input ends the worker.
 */
public final class CellWorker {
  private CellWorker() {}

  static String settingsLine(TrainingSettings s) {
    AdamConfig a = s.adam();
    return String.join(
        " ",
        "settings",
        Double.toString(a.learningRate()),
        Double.toString(a.beta1()),
        Double.toString(a.beta2()),
        Double.toString(a.epsilon()),
        Integer.toString(s.maxSteps()),
        Integer.toString(s.plateauWindow()),
        Double.toString(s.plateauImprovement()),
        Double.toString(s.divergenceFactor()),
        s.precision().label());
  }

  static String lossRequest(TaskKey t) {
    // the depth matters for a LoRA task: it sets f's shape (LoraSpec#fWidths)
    return "loss "
        + t.depth()
        + " "
        + t.n()
        + " "
        + t.k()
        + " "
        + t.d()
        + " "
        + t.seed()
        + " "
        + t.data()
        + " "
        + t.adapter();
  }

  static String cellRequest(CellKey c, double stopLoss) {
    return "cell "
        + c.depth()
        + " "
        + c.n()
        + " "
        + c.k()
        + " "
        + c.d()
        + " "
        + c.m()
        + " "
        + c.seed()
        + " "
        + stopLoss
        + " "
        + c.data()
        + " "
        + c.adapter();
  }

  static double parseLoss(String answer) {
    return Double.parseDouble(ok(answer, 2)[1]);
  }

  static CellResult parseCell(CellKey key, String answer) {
    String[] f = ok(answer, 6); // the failure reason, last, may contain spaces
    return new CellResult(
        key,
        Double.parseDouble(f[1]),
        Double.parseDouble(f[2]),
        Integer.parseInt(f[3]),
        Long.parseLong(f[4]),
        f[5].equals("-") ? null : f[5]);
  }

  private static String[] ok(String answer, int fields) {
    if (answer == null) {
      throw new IllegalStateException("a sweep worker ended without answering");
    }
    String[] f = answer.split(" ", fields);
    if (!f[0].equals("ok") || f.length != fields) {
      throw new IllegalStateException("a sweep worker failed: " + answer);
    }
    return f;
  }

  /** Serves requests until end of input. */
  public static void serve(BufferedReader in, PrintWriter out) throws IOException {
    String first = in.readLine();
    if (first == null) {
      return;
    }
    String[] s = first.split(" ");
    if (s.length != 10 || !s[0].equals("settings")) {
      out.println("error the first line must be '" + "settings …', got: " + first);
      out.flush();
      return;
    }
    LocalTrainer trainer =
        new LocalTrainer(
            new TrainingSettings(
                new AdamConfig(
                    Double.parseDouble(s[1]),
                    Double.parseDouble(s[2]),
                    Double.parseDouble(s[3]),
                    Double.parseDouble(s[4])),
                Integer.parseInt(s[5]),
                Integer.parseInt(s[6]),
                Double.parseDouble(s[7]),
                Double.parseDouble(s[8]),
                Precision.parse(s[9])));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      try {
        String[] r = line.split(" ");
        if (r[0].equals("loss") && r.length == 8) {
          double l0 =
              trainer.initialLoss(
                  new TaskKey(
                      Integer.parseInt(r[1]),
                      Integer.parseInt(r[2]),
                      Integer.parseInt(r[3]),
                      Integer.parseInt(r[4]),
                      Long.parseLong(r[5]),
                      r[6],
                      r[7]));
          out.println("ok " + l0);
        } else if (r[0].equals("cell") && r.length == 10) {
          CellKey key =
              new CellKey(
                  Integer.parseInt(r[1]),
                  Integer.parseInt(r[2]),
                  Integer.parseInt(r[3]),
                  Integer.parseInt(r[4]),
                  Integer.parseInt(r[5]),
                  Long.parseLong(r[6]),
                  r[8],
                  r[9]);
          CellResult c = trainer.train(key, Double.parseDouble(r[7]));
          out.println(
              "ok "
                  + c.finalLoss()
                  + " "
                  + c.initialLoss()
                  + " "
                  + c.steps()
                  + " "
                  + c.wallMs()
                  + " "
                  + (c.failed() ? c.failure().replaceAll("\\s+", " ") : "-"));
        } else {
          out.println("error unknown request: " + line);
        }
      } catch (RuntimeException e) {
        out.println("error " + String.valueOf(e).replaceAll("\\s+", " "));
      }
      out.flush();
    }
  }
}
