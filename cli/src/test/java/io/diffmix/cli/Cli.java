package io.diffmix.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Diffmix.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  /** The small quickstart-like config the CLI tests run: the quickstart mixture at a few thousand rows. */
  static String smallConfig() {
    return """
        {"seed": 3,
         "target": {"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2],
                    "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0},
         "train": 3000, "reference": 600, "generate": 700,
         "schedule": "ve", "grid": {"type": "paper", "kappa": 0.2},
         "learner": "exact", "sampler": "paper-ve",
         "metrics": ["mmd", "mixture-recovery"]}
        """;
  }
}
